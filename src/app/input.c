/*
 * The one-line editor under the list, for quick capture, notes, search and
 * filters: code points, so that a cursor never lands inside a character,
 * with the editing keys of a shell (Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-W) and Tab
 * completion of @member and #theme ids.
 */
#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dash_input_start(struct dash_input *in, enum dash_input_kind kind, const char *prompt,
                      const char *text, size_t cursor)
{
    memset(in, 0, sizeof *in);
    in->kind = kind;
    snprintf(in->prompt, sizeof in->prompt, "%s", prompt);
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t left = strlen((const char *)s);
    while (left && in->len < DASH_INPUT_MAX) {
        uint32_t cp;
        size_t n = pb_utf8_decode(s, left, &cp);
        if (n == 0)
            break;
        in->text[in->len++] = cp;
        s += n;
        left -= n;
    }
    in->cursor = cursor < in->len ? cursor : in->len;
}

static size_t encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

char *dash_input_text(const struct dash_input *in)
{
    return dash_input_range(in, 0, in->len);
}

char *dash_input_range(const struct dash_input *in, size_t from, size_t to)
{
    char *out = pb_xmalloc((to - from) * 4 + 1);
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += encode(in->text[i], out + n);
    out[n] = '\0';
    return out;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t';
}

/* Where the word before the cursor starts. */
static size_t word_start(const struct dash_input *in)
{
    size_t i = in->cursor;
    while (i > 0 && is_space(in->text[i - 1]))
        i--;
    while (i > 0 && !is_space(in->text[i - 1]))
        i--;
    return i;
}

static void delete_range(struct dash_input *in, size_t from, size_t to)
{
    memmove(in->text + from, in->text + to, (in->len - to) * sizeof *in->text);
    in->len -= to - from;
    in->cursor = from;
}

void dash_input_insert(struct dash_input *in, const char *utf8)
{
    struct dash_input add;
    dash_input_start(&add, DASH_INPUT_NONE, "", utf8, 0);
    size_t n = add.len;
    if (in->len + n > DASH_INPUT_MAX)
        n = DASH_INPUT_MAX - in->len;
    memmove(in->text + in->cursor + n, in->text + in->cursor,
            (in->len - in->cursor) * sizeof *in->text);
    memcpy(in->text + in->cursor, add.text, n * sizeof *in->text);
    in->len += n;
    in->cursor += n;
}

enum dash_input_result dash_input_key(struct dash_input *in, int key)
{
    switch (key) {
    case DASH_KEY_ENTER:
    case '\n':
        return DASH_INPUT_SUBMIT;
    case DASH_KEY_ESC:
    case DASH_CTRL('c'):
    case DASH_CTRL('g'):
        return DASH_INPUT_CANCEL;
    case DASH_KEY_TAB:
        return DASH_INPUT_COMPLETE;
    case DASH_KEY_LEFT:
    case DASH_CTRL('b'):
        if (in->cursor > 0)
            in->cursor--;
        return DASH_INPUT_MOVED;
    case DASH_KEY_RIGHT:
    case DASH_CTRL('f'):
        if (in->cursor < in->len)
            in->cursor++;
        return DASH_INPUT_MOVED;
    case DASH_KEY_HOME:
    case DASH_CTRL('a'):
        in->cursor = 0;
        return DASH_INPUT_MOVED;
    case DASH_KEY_END:
    case DASH_CTRL('e'):
        in->cursor = in->len;
        return DASH_INPUT_MOVED;
    case DASH_KEY_BACKSPACE:
    case DASH_CTRL('h'):
        if (in->cursor == 0)
            return DASH_INPUT_MOVED;
        delete_range(in, in->cursor - 1, in->cursor);
        return DASH_INPUT_EDITED;
    case DASH_KEY_DELETE:
    case DASH_CTRL('d'):
        if (in->cursor == in->len)
            return DASH_INPUT_MOVED;
        delete_range(in, in->cursor, in->cursor + 1);
        return DASH_INPUT_EDITED;
    case DASH_CTRL('u'):
        delete_range(in, 0, in->cursor);
        return DASH_INPUT_EDITED;
    case DASH_CTRL('k'):
        in->len = in->cursor;
        return DASH_INPUT_EDITED;
    case DASH_CTRL('w'):
        delete_range(in, word_start(in), in->cursor);
        return DASH_INPUT_EDITED;
    default:
        break;
    }
    /* printable text only: a control character never enters the line */
    if (key < 0x20 || key == 0x7F || (key >= 0x80 && key < 0xA0) || key >= 0x110000 ||
        (key >= 0xD800 && key < 0xE000))
        return DASH_INPUT_IGNORED;
    if (in->len == DASH_INPUT_MAX)
        return DASH_INPUT_IGNORED;
    memmove(in->text + in->cursor + 1, in->text + in->cursor,
            (in->len - in->cursor) * sizeof *in->text);
    in->text[in->cursor++] = (uint32_t)key;
    in->len++;
    return DASH_INPUT_EDITED;
}

/* ---- completion ---- */

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool dash_input_complete(struct dash_input *in, const char *const *members, size_t n_members,
                         const char *const *themes, size_t n_themes, char *shown, size_t size)
{
    shown[0] = '\0';
    /* inside a word, complete the whole word */
    while (in->cursor < in->len && !is_space(in->text[in->cursor]))
        in->cursor++;
    size_t start = in->cursor;
    while (start > 0 && !is_space(in->text[start - 1]))
        start--;
    if (start == in->cursor || (in->text[start] != '@' && in->text[start] != '#'))
        return false;
    bool member = in->text[start] == '@';
    const char *const *ids = member ? members : themes;
    size_t n_ids = member ? n_members : themes ? n_themes : 0;
    char *word = dash_input_range(in, start + 1, in->cursor);
    const char *first = NULL;
    size_t common = 0, matches = 0, used = 0;
    for (size_t i = 0; i < n_ids; i++) {
        if (!has_prefix(ids[i], word))
            continue;
        if (!first) {
            first = ids[i];
            common = strlen(first);
        } else {
            size_t j = 0;
            while (j < common && ids[i][j] == first[j])
                j++;
            common = j;
        }
        matches++;
        int w = snprintf(shown + used, size - used, "%s%c%s", used ? " " : "",
                         member ? '@' : '#', ids[i]);
        if (w > 0 && (size_t)w < size - used)
            used += (size_t)w;
    }
    bool done = false;
    if (first) {
        char *add = pb_xstrndup(first + strlen(word), common - strlen(word));
        dash_input_insert(in, add);
        free(add);
        if (matches == 1) {
            dash_input_insert(in, " ");
            shown[0] = '\0';
        }
        done = true;
    }
    free(word);
    return done;
}
