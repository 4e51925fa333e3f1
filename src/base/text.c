/*
 * The rules every piece of text people type must follow before it is
 * stored, in one place: which characters are control characters, and how
 * a field's text is trimmed and measured (base.h).
 */
#include <panelboard/base.h>

#include <string.h>

bool pb_utf8_control(const char *s, size_t left, const char *allow, uint32_t *code)
{
    const unsigned char *p = (const unsigned char *)s;
    if (left == 0)
        return false;
    if ((p[0] < 0x20 && !(p[0] && allow && strchr(allow, p[0]))) || p[0] == 0x7F) {
        *code = p[0];
        return true;
    }
    /* C1 controls are U+0080 to U+009F: C2 80 to C2 9F in UTF-8 */
    if (p[0] == 0xC2 && left > 1 && p[1] >= 0x80 && p[1] <= 0x9F) {
        *code = p[1];
        return true;
    }
    return false;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

enum pb_status pb_text_clean(const char *what, const char *text, size_t max, bool multiline,
                             char **out, struct pb_error *err)
{
    size_t len = strlen(text);
    while (len > 0 && is_space(*text))
        text++, len--;
    while (len > 0 && is_space(text[len - 1]))
        len--;
    if (len == 0)
        return pb_error_set(err, PB_ERR_DATA, "%s cannot be empty", what);
    if (!pb_utf8_valid(text, len))
        return pb_error_set(err, PB_ERR_DATA, "%s is not valid UTF-8", what);
    uint32_t code;
    for (size_t i = 0; i < len; i++)
        if (pb_utf8_control(text + i, len - i, multiline ? "\n\t" : NULL, &code))
            return pb_error_set(err, PB_ERR_DATA, "%s holds a control character", what);
    size_t chars = pb_utf8_length(text, len);
    if (chars > max)
        return pb_error_set(err, PB_ERR_DATA, "%s is too long: %zu characters, at most %zu", what,
                            chars, max);
    *out = pb_xstrndup(text, len);
    return PB_OK;
}
