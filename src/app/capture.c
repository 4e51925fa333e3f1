/*
 * Quick capture: reading one typed line into a new action's title, owners,
 * theme, due date and minute reference (syntax in cli.md). Errors point at
 * the character where the offending token starts, so the dashboard can put
 * the cursor there and the CLI can say which word is wrong.
 */
#include <panelboard/capture.h>

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DUE_DAYS    3650
#define MAX_TITLE_CHARS 200
#define MAX_REF_CHARS   200 /* a NAME field in the panel file */
#define DUE_FORMS       "(use YYYY-MM-DD, +3d, +2w, +1m, a weekday, today or tomorrow)"

/* One word of the line; a quoted ref: value counts as one word. */
struct token {
    const char *text;
    size_t len;
    int column;
};

struct parser {
    const char *line;
    size_t pos;
    pb_day today;
    const struct capture_ids *ids;
    bool edit; /* capture_parse_edit: no title needed, due:~ clears */
    struct capture *out;
    struct pb_buf title;
    int title_column;
    struct pb_error *err;
};

static const char *const weekdays[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};
static const char *const weekday_abbrevs[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static enum pb_status fail_at(struct pb_error *err, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum pb_status fail_at(struct pb_error *err, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pb_error_setv(err, PB_ERR_DATA, fmt, ap);
    va_end(ap);
    if (err)
        err->column = column;
    return PB_ERR_DATA;
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Keywords compare without regard to ASCII case and never by locale. */
static bool ascii_ieq(const char *a, size_t na, const char *b)
{
    if (na != strlen(b))
        return false;
    for (size_t i = 0; i < na; i++)
        if (ascii_lower(a[i]) != b[i])
            return false;
    return true;
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && ascii_ieq(s, n, prefix);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int column_at(const char *line, size_t offset)
{
    size_t chars = pb_utf8_length(line, offset) + 1;
    return chars > INT_MAX ? INT_MAX : (int)chars;
}

/* ---- due: ---- */

static bool looks_like_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    return true;
}

/* "+Nd", "+Nw" or "+Nm" (calendar months from today); false when text is
 * not of that shape at all. */
static bool parse_offset(const char *text, pb_day today, long *days)
{
    const char *p = text + 1;
    long n = 0;
    if (text[0] != '+' || *p < '0' || *p > '9')
        return false;
    for (; *p >= '0' && *p <= '9'; p++)
        if (n <= MAX_DUE_DAYS) /* stop growing: anything past the bound is refused */
            n = n * 10 + (*p - '0');
    char unit = ascii_lower(*p);
    if ((unit != 'd' && unit != 'w' && unit != 'm') || p[1] != '\0')
        return false;
    if (unit == 'm')
        *days = n ? pb_date_add_months(today, (int)n) - today : 0;
    else
        *days = unit == 'w' ? n * 7 : n;
    return true;
}

/* 0 = Monday ... 6 = Sunday, or -1. */
static int weekday_named(const char *text)
{
    size_t len = strlen(text);
    for (int i = 0; i < 7; i++)
        if (ascii_ieq(text, len, weekdays[i]) || ascii_ieq(text, len, weekday_abbrevs[i]))
            return i;
    return -1;
}

static enum pb_status parse_due(const char *text, pb_day today, pb_day *out, struct pb_error *err)
{
    long days;
    int weekday;
    if (*text == '\0')
        return pb_error_set(err, PB_ERR_DATA, "due: needs a date " DUE_FORMS);
    if (pb_date_parse(text, out))
        return PB_OK;
    if (looks_like_date(text))
        return pb_error_set(err, PB_ERR_DATA, "bad date '%s' in due: (there is no such day)", text);
    if (parse_offset(text, today, &days)) {
        if (days < 1 || days > MAX_DUE_DAYS)
            return pb_error_set(err, PB_ERR_DATA,
                                "bad date '%s' in due: (+N must be 1 to %d days ahead)", text,
                                MAX_DUE_DAYS);
        *out = today + (pb_day)days;
        return PB_OK;
    }
    if (ascii_ieq(text, strlen(text), "today")) {
        *out = today;
        return PB_OK;
    }
    if (ascii_ieq(text, strlen(text), "tomorrow")) {
        *out = today + 1;
        return PB_OK;
    }
    weekday = weekday_named(text);
    if (weekday >= 0) {
        /* Strictly after today: "due:wed" said on a Wednesday means next week. */
        *out = today + (weekday - pb_date_weekday(today) + 6) % 7 + 1;
        return PB_OK;
    }
    return pb_error_set(err, PB_ERR_DATA, "bad date '%s' in due: " DUE_FORMS, text);
}

enum pb_status capture_parse_due(const char *text, pb_day today, pb_day *out, struct pb_error *err)
{
    enum pb_status s = parse_due(text, today, out, err);
    /* "+30d" from a late enough today: refused rather than written as
     * 9999-12-31, which is not the day asked for */
    if (s == PB_OK && !pb_date_valid(*out))
        return pb_error_set(err, PB_ERR_DATA, "bad date '%s' in due: it falls after 9999-12-31",
                            text);
    return s;
}

/* ---- the line ---- */

/* A title must be text the minutes and the terminal can show: valid UTF-8
 * without control characters (a pasted escape sequence would reach both).
 * Tabs and newlines only separate words. */
static enum pb_status check_line(const char *line, struct pb_error *err)
{
    size_t len = strlen(line);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)line[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (n > len - i || !pb_utf8_valid(line + i, n))
            return fail_at(err, column_at(line, i), "the line is not valid UTF-8");
        uint32_t code;
        if (pb_utf8_control(line + i, n, "\t\n\r", &code))
            return fail_at(err, column_at(line, i), "control character U+%04X in the line",
                           (unsigned)code);
        i += n;
    }
    return PB_OK;
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* The quote that closes a quoted ref: value whose text starts at s, or
 * NULL. In ref:'...' an apostrophe inside a word ("Bradford's") is
 * part of the text, not its end. */
static const char *closing_quote(const char *s, char quote)
{
    for (const char *c = strchr(s, quote); c; c = strchr(c + 1, quote))
        if (quote == '"' || c == s || !is_word_byte(c[-1]) || !is_word_byte(c[1]))
            return c;
    return NULL;
}

/* Whether text is a ref: value in double or single quotes. */
static bool is_quoted_ref(const char *text, size_t len)
{
    return starts_with(text, len, "ref:\"") || starts_with(text, len, "ref:'");
}

/* The next word into t, with t->len 0 at the end of the line. */
static enum pb_status next_token(struct parser *p, struct token *t)
{
    while (is_space(p->line[p->pos]))
        p->pos++;
    size_t start = p->pos, end = start;
    const char *text = p->line + start;
    t->text = text;
    t->column = column_at(p->line, start);
    if (is_quoted_ref(text, strlen(text))) {
        char quote = text[4];
        const char *close = closing_quote(text + 5, quote);
        if (!close)
            return fail_at(p->err, t->column, "ref:%c has no closing quote", quote);
        end = (size_t)(close + 1 - p->line);
        if (p->line[end] != '\0' && !is_space(p->line[end]))
            return fail_at(p->err, column_at(p->line, end),
                           "a space must follow the closing quote of ref:%c...%c", quote, quote);
    } else {
        while (p->line[end] != '\0' && !is_space(p->line[end]))
            end++;
    }
    t->len = end - start;
    p->pos = end;
    return PB_OK;
}

static int find_id(const char *const *list, size_t n, const char *id, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], id, len) == 0)
            return (int)i;
    return -1;
}

static enum pb_status unknown_id(struct parser *p, const struct token *t, const char *kind,
                                 const char *const *list, size_t n)
{
    char *word = pb_xstrndup(t->text + 1, t->len - 1);
    const char *near = pb_suggest(word, list, n);
    enum pb_status status =
        near ? fail_at(p->err, t->column, "no %s '%s'; did you mean '%s'?", kind, word, near)
             : fail_at(p->err, t->column, "no %s '%s'", kind, word);
    free(word);
    return status;
}

static enum pb_status add_owner(struct parser *p, const struct token *t)
{
    const char *id = t->text + 1;
    size_t len = t->len - 1;
    struct capture *out = p->out;
    if (len == 0)
        return fail_at(p->err, t->column, "empty @: name a member after it, or @all");
    if (ascii_ieq(id, len, "all")) {
        if (out->n_owners > 0)
            return fail_at(p->err, t->column, "@all cannot be combined with other owners");
        out->owners_all = true;
        return PB_OK;
    }
    int found = find_id(p->ids->members, p->ids->n_members, id, len);
    if (found < 0)
        return unknown_id(p, t, "member", p->ids->members, p->ids->n_members);
    if (out->owners_all)
        return fail_at(p->err, t->column, "@all cannot be combined with other owners");
    if (find_id((const char *const *)out->owners, out->n_owners, id, len) >= 0)
        return PB_OK;
    out->owners = pb_xrealloc(out->owners, (out->n_owners + 1) * sizeof *out->owners);
    out->owners[out->n_owners++] = pb_xstrdup(p->ids->members[found]);
    return PB_OK;
}

static enum pb_status set_theme(struct parser *p, const struct token *t)
{
    const char *id = t->text + 1;
    size_t len = t->len - 1;
    if (len == 0)
        return fail_at(p->err, t->column, "empty #: name a theme after it");
    if (p->out->theme)
        return fail_at(p->err, t->column, "an action has one theme, and #%s came first",
                       p->out->theme);
    int found = find_id(p->ids->themes, p->ids->n_themes, id, len);
    if (found < 0)
        return unknown_id(p, t, "theme", p->ids->themes, p->ids->n_themes);
    p->out->theme = pb_xstrdup(p->ids->themes[found]);
    return PB_OK;
}

static enum pb_status set_due(struct parser *p, const struct token *t)
{
    if (p->out->has_due || p->out->clears_due)
        return fail_at(p->err, t->column, "due: given twice");
    if (p->edit && t->len == 5 && t->text[4] == '~') {
        p->out->clears_due = true;
        return PB_OK;
    }
    char *text = pb_xstrndup(t->text + 4, t->len - 4);
    enum pb_status status = capture_parse_due(text, p->today, &p->out->due, p->err);
    free(text);
    if (status != PB_OK) {
        if (p->err)
            p->err->column = t->column;
        return status;
    }
    p->out->has_due = true;
    return PB_OK;
}

/* ref:word, or ref:"text with spaces" or ref:'text with spaces' trimmed,
 * with any tab or newline in it made a space (a minute reference is one
 * line). */
static enum pb_status set_ref(struct parser *p, const struct token *t)
{
    bool quoted = is_quoted_ref(t->text, t->len);
    const char *s = t->text + (quoted ? 5 : 4);
    const char *e = t->text + t->len - (quoted ? 1 : 0);
    if (p->out->ref)
        return fail_at(p->err, t->column, "ref: given twice");
    while (s < e && is_space(*s))
        s++;
    while (e > s && is_space(e[-1]))
        e--;
    if (s == e)
        return fail_at(p->err, t->column,
                       "empty ref: (a minute reference, in quotes if it has spaces)");
    if (pb_utf8_length(s, (size_t)(e - s)) > MAX_REF_CHARS)
        return fail_at(p->err, t->column, "ref: is at most %d characters", MAX_REF_CHARS);
    char *ref = pb_xstrndup(s, (size_t)(e - s));
    for (char *c = ref; *c; c++)
        if (is_space(*c))
            *c = ' ';
    p->out->ref = ref;
    return PB_OK;
}

static void add_title_word(struct parser *p, const struct token *t)
{
    if (p->title.len == 0)
        p->title_column = t->column;
    else
        pb_buf_add(&p->title, " ", 1);
    pb_buf_add(&p->title, t->text, t->len);
}

/* Only a word that starts with @, #, due: or ref: is a token, so "a@b.org"
 * and "item#3" stay in the title. */
static enum pb_status take_token(struct parser *p, const struct token *t)
{
    if (t->text[0] == '@')
        return add_owner(p, t);
    if (t->text[0] == '#')
        return set_theme(p, t);
    if (starts_with(t->text, t->len, "due:"))
        return set_due(p, t);
    if (starts_with(t->text, t->len, "ref:"))
        return set_ref(p, t);
    add_title_word(p, t);
    return PB_OK;
}

static enum pb_status finish_title(struct parser *p)
{
    if (p->title.len == 0)
        return p->edit ? PB_OK : fail_at(p->err, 1, "an action needs a title");
    size_t chars = pb_utf8_length(p->title.data, p->title.len);
    if (chars > MAX_TITLE_CHARS)
        return fail_at(p->err, p->title_column,
                       "a title is at most %d characters (this one has %zu)", MAX_TITLE_CHARS,
                       chars);
    p->out->title = pb_buf_take(&p->title);
    return PB_OK;
}

static enum pb_status parse(const char *line, pb_day today, const struct capture_ids *ids,
                           bool edit, struct capture *out, struct pb_error *err)
{
    struct parser p = {
        .line = line, .today = today, .ids = ids, .edit = edit, .out = out, .err = err};
    /* Zeroed: -O3 inlines next_token and cannot see that its error path
     * never leaves t.len to be read. */
    struct token t = {0};
    memset(out, 0, sizeof *out);
    enum pb_status status = check_line(line, err);
    while (status == PB_OK) {
        status = next_token(&p, &t);
        if (status != PB_OK || t.len == 0)
            break;
        status = take_token(&p, &t);
    }
    if (status == PB_OK)
        status = finish_title(&p);
    if (status != PB_OK) {
        pb_buf_free(&p.title);
        capture_free(out);
    }
    return status;
}

enum pb_status capture_parse(const char *line, pb_day today, const struct capture_ids *ids,
                             struct capture *out, struct pb_error *err)
{
    return parse(line, today, ids, false, out, err);
}

enum pb_status capture_parse_edit(const char *line, pb_day today, const struct capture_ids *ids,
                                  struct capture *out, struct pb_error *err)
{
    return parse(line, today, ids, true, out, err);
}

void capture_free(struct capture *c)
{
    free(c->title);
    for (size_t i = 0; i < c->n_owners; i++)
        free(c->owners[i]);
    free(c->owners);
    free(c->theme);
    free(c->ref);
    memset(c, 0, sizeof *c);
}
