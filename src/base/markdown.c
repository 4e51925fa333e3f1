/*
 * Escaping user text for Markdown, shared by the Markdown report and the
 * minutes: both are pasted or printed as plain text too, so a character is
 * escaped only where Markdown would otherwise read it as formatting, and
 * the words come out as they were typed. ASCII tests only, never by
 * locale.
 */
#include <panelboard/base.h>

#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_word_char(char c)
{
    return is_alpha(c) || is_digit(c) || (unsigned char)c >= 0x80;
}

/* Inline characters that would turn into emphasis, code, links, HTML,
 * strike-through or table cells. An underscore inside a word (snake_case,
 * an e-mail address) cannot emphasise and is left alone; in a heading, a
 * '#' after a space would be taken for the closing sequence. */
static bool needs_escape(const char *text, size_t len, size_t i, bool heading)
{
    char before = i > 0 ? text[i - 1] : '\0';
    char after = i + 1 < len ? text[i + 1] : '\0';
    switch (text[i]) {
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '|':
    case '~':
        return true;
    case '_':
        return !is_word_char(before) || !is_word_char(after);
    case '<': /* at the end of the text, what follows is not known */
        return is_alpha(after) || after == '\0' || strchr("/!?", after);
    case '&':
        return is_alpha(after) || after == '#';
    case '#':
        return heading && (i == 0 || before == ' ');
    default:
        return false;
    }
}

/* text[from..len), with text[0..from) as the context of its first character;
 * out is a string afterwards even when there was nothing to add. */
static void escape_from(struct pb_buf *out, const char *text, size_t len, size_t from, bool heading)
{
    pb_buf_add(out, "", 0);
    for (size_t i = from; i < len; i++) {
        if (needs_escape(text, len, i, heading))
            pb_buf_add(out, "\\", 1);
        pb_buf_add(out, &text[i], 1);
    }
}

void pb_md_escape(struct pb_buf *out, const char *text, size_t len, bool heading)
{
    escape_from(out, text, len, 0, heading);
}

/* At the start of a line (or of a list item's content), characters that
 * would open a heading, a quote, a list or a setext underline. */
void pb_md_escape_line(struct pb_buf *out, const char *text, size_t len, bool heading)
{
    size_t digits = 0;
    if (len > 0 && strchr("#>-+=", text[0])) {
        pb_buf_addf(out, "\\%c", text[0]);
        escape_from(out, text, len, 1, heading);
        return;
    }
    /* "1. " or "1) " would start an ordered list: escape the point. */
    while (digits < len && is_digit(text[digits]))
        digits++;
    if (digits > 0 && digits < len && (text[digits] == '.' || text[digits] == ')')) {
        pb_buf_add(out, text, digits);
        pb_buf_addf(out, "\\%c", text[digits]);
        escape_from(out, text, len, digits + 1, heading);
        return;
    }
    escape_from(out, text, len, 0, heading);
}
