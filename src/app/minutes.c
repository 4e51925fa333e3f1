/*
 * Writing a meeting's minutes as Markdown (minutes.md). The governance
 * officer pastes this into the minutes the council publishes, so it keeps
 * the council's wording ("Action agreed: ...", "Action: Chair (1)",
 * "Resolved –") and wraps its lines so that it reads well as plain text
 * too, taking care that a wrapped line never starts with something Markdown
 * would read as a new block.
 */
#include <panelboard/minutes.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_TITLE "Corporate Parenting Panel"

/* Joins words that wrap must keep on one line ("by 30 June 2022"); written
 * out as a space. */
#define GLUE '\x1f'

static bool in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static bool is_space(char c)
{
    return in_set(c, " \t\n\r");
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

/* A word Markdown would take, at the start of a line, for a list item, a
 * heading, a quote, a fence, an HTML block, a rule or a table row. */
static bool starts_block(const char *word, size_t n)
{
    if (in_set(word[0], "#>`~<"))
        return true;
    size_t i = 0;
    while (i < n && in_set(word[i], "-+*_=|:"))
        i++;
    if (i == n)
        return true;
    size_t digits = 0;
    while (digits < n && word[digits] >= '0' && word[digits] <= '9')
        digits++;
    return digits > 0 && digits + 1 == n && in_set(word[digits], ".)");
}

/*
 * Appends text as one paragraph: first (a prefix such as "- ") then the
 * words of text (any run of white space is one space), starting a new line
 * indented by indent whenever the next word would pass PB_MINUTES_WIDTH.
 */
static void wrap(struct pb_buf *out, const char *first, const char *indent, const char *text)
{
    pb_buf_puts(out, first);
    size_t col = pb_utf8_length(first, strlen(first));
    bool line_empty = true;
    const char *p = text ? text : "";
    for (;;) {
        while (is_space(*p))
            p++;
        if (!*p)
            break;
        size_t n = 0;
        while (p[n] && !is_space(p[n]))
            n++;
        size_t width = pb_utf8_length(p, n);
        if (!line_empty && col + 1 + width > PB_MINUTES_WIDTH && !starts_block(p, n)) {
            pb_buf_addf(out, "\n%s", indent);
            col = pb_utf8_length(indent, strlen(indent));
        } else if (!line_empty) {
            pb_buf_puts(out, " ");
            col++;
        }
        for (size_t i = 0; i < n; i++)
            pb_buf_add(out, p[i] == GLUE ? " " : &p[i], 1);
        col += width;
        line_empty = false;
        p += n;
    }
    pb_buf_puts(out, "\n");
}

/* The same for a text whose blank lines divide paragraphs: the first gets
 * the prefix, the others none, with a blank line between them. */
static void wrap_paragraphs(struct pb_buf *out, const char *first, const char *text)
{
    const char *p = text;
    bool first_paragraph = true;
    while (*p) {
        const char *end = p;
        const char *next = NULL;
        for (; *end; end++) {
            if (*end != '\n')
                continue;
            const char *q = end + 1;
            while (*q == ' ' || *q == '\t' || *q == '\r')
                q++;
            if (*q == '\n') {
                next = q + 1;
                break;
            }
        }
        char *para = pb_xstrndup(p, (size_t)(end - p));
        const char *s = para;
        while (is_space(*s))
            s++;
        if (*s) {
            if (!first_paragraph)
                pb_buf_puts(out, "\n");
            wrap(out, first_paragraph ? first : "", "", s);
            first_paragraph = false;
        }
        free(para);
        p = next ? next : end;
    }
}

/* Words that open a sentence and never a name: minutes put them in lower
 * case after "asked", whatever follows. */
static bool is_opening_word(const char *s, size_t n)
{
    static const char *const words[] = {"A",     "An",      "The", "This",  "That", "These",
                                        "Those", "There",   "It",  "What",  "How",  "When",
                                        "Where", "Whether", "Why", "Which", "Who",  NULL};
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && strncmp(words[i], s, n) == 0)
            return true;
    return false;
}

/*
 * Whether the text opens with an ordinary capitalised word that minutes
 * write in lower case inside a sentence ("Action agreed: report on ...",
 * "asked what ...", "Response: the ..."). Acronyms ("DWP"), mixed case
 * ("McKay") and "I" stay; so does a word followed by another capitalised
 * one, which is most likely a name or a post ("Louise Kay", "Strategic
 * Director"), unless it is one of the words that only open sentences.
 */
static bool lowers_opening(const char *s)
{
    if (!is_upper(s[0]))
        return false;
    size_t n = 1;
    while (is_lower(s[n]))
        n++;
    if (is_upper(s[n]) || (s[n] >= '0' && s[n] <= '9') || (n == 1 && s[0] != 'A'))
        return false;
    if (is_opening_word(s, n))
        return true;
    const char *next = s + n;
    while (*next && !is_space(*next))
        next++;
    while (is_space(*next))
        next++;
    return !is_upper(*next);
}

/* Whether text[0..n) ends with the string tail (a UTF-8 character). */
static bool ends_with(const char *text, size_t n, const char *tail)
{
    size_t k = strlen(tail);
    return n >= k && memcmp(text + n - k, tail, k) == 0;
}

/* Whether text already ends a sentence (., !, ? or …, perhaps inside
 * closing quotes or brackets). */
static bool ends_sentence(const char *text)
{
    size_t n = strlen(text);
    for (;;) {
        if (n > 0 && (is_space(text[n - 1]) || in_set(text[n - 1], "\"')]")))
            n--;
        else if (ends_with(text, n, "’") || ends_with(text, n, "”"))
            n -= strlen("’");
        else
            return (n > 0 && in_set(text[n - 1], ".!?")) || ends_with(text, n, "…");
    }
}

/* Appends text as a sentence: trimmed, its opening word in lower case when
 * lower says so and lowers_opening agrees, and a full stop when it has none. */
static void add_sentence(struct pb_buf *b, const char *text, bool lower)
{
    while (is_space(*text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && is_space(text[n - 1]))
        n--;
    if (n == 0)
        return;
    size_t start = b->len;
    pb_buf_add(b, text, n);
    if (lower && lowers_opening(b->data + start))
        b->data[start] = (char)(b->data[start] - 'A' + 'a');
    if (!ends_sentence(b->data + start))
        pb_buf_puts(b, ".");
}

/* "All", or the owners named and joined with ", " in the order given. */
static void add_owners(struct pb_buf *b, const struct pb_meeting_action *a)
{
    if (a->owners_all) {
        pb_buf_puts(b, "All");
        return;
    }
    if (a->n_owners == 0)
        pb_buf_puts(b, "no one named");
    for (size_t i = 0; i < a->n_owners; i++)
        pb_buf_addf(b, "%s%s", i ? ", " : "", a->owners[i]);
}

/* " — by 30 November 2022", when there is a date, kept on one line. */
static void add_due(struct pb_buf *b, const char *due)
{
    pb_day day;
    if (!due)
        return;
    char text[32];
    if (pb_date_parse(due, &day))
        pb_date_format_long(day, text, sizeof text);
    else
        snprintf(text, sizeof text, "%s", due);
    pb_buf_addf(b, " —%cby%c", GLUE, GLUE);
    for (const char *p = text; *p; p++)
        pb_buf_addf(b, "%c", *p == ' ' ? GLUE : *p);
}

/*
 * A minute reference as the council writes it beside an "Action:" line or
 * before a resolution: "Resolved (4)", "(4)" and "4" all as "(4)"; other
 * references in brackets as recorded ("(Strategies tracking)"). NULL for
 * no reference, for one that is only "Resolved", and, for an action, for
 * one that is itself an "Action: ..." line, which would only repeat the
 * owners.
 */
static char *minute_ref(const char *ref, bool of_action)
{
    if (!ref)
        return NULL;
    while (is_space(*ref))
        ref++;
    if (of_action && strncasecmp(ref, "Action:", 7) == 0)
        return NULL;
    if (strncasecmp(ref, "Resolved", 8) == 0 && (ref[8] == '\0' || ref[8] == ' ' || ref[8] == '('))
        for (ref += 8; is_space(*ref);)
            ref++;
    int n = (int)strlen(ref);
    while (n > 0 && is_space(ref[n - 1]))
        n--;
    if (n == 0)
        return NULL;
    return ref[0] == '(' ? pb_xstrndup(ref, (size_t)n) : pb_xasprintf("(%.*s)", n, ref);
}

/* Empties b for reuse. */
static void clear(struct pb_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static void add_heading(struct pb_buf *out, const struct pb_meeting *m)
{
    const char *title = m->title ? m->title : m->panel_name ? m->panel_name : DEFAULT_TITLE;
    pb_day day;
    char date[32];
    if (pb_date_parse(m->date, &day))
        pb_date_format_long(day, date, sizeof date);
    else
        snprintf(date, sizeof date, "%s", m->date);
    pb_buf_addf(out, "# %s — %s\n", title, date);
}

static void add_update(struct pb_buf *out, const struct pb_meeting_update *u)
{
    struct pb_buf line = {0};
    if (u->by)
        pb_buf_addf(&line, "Update from %s: ", u->by);
    else
        pb_buf_puts(&line, "Update: ");
    add_sentence(&line, u->text, true);
    wrap(out, "- ", "  ", line.data);
    pb_buf_free(&line);
}

static bool same_theme(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The updates given on the day on the theme's actions (theme NULL: on the
 * actions that have none), then, for a theme, the actions agreed at the
 * meeting in it. */
static void add_theme_items(struct pb_buf *out, const struct pb_meeting *m, const char *theme)
{
    for (size_t i = 0; i < m->n_updates; i++)
        if (same_theme(m->updates[i].theme, theme))
            add_update(out, &m->updates[i]);
    for (size_t i = 0; theme && i < m->n_actions; i++) {
        const struct pb_meeting_action *a = &m->actions[i];
        if (!same_theme(a->theme, theme))
            continue;
        struct pb_buf line = {0};
        pb_buf_puts(&line, "Action agreed: ");
        add_sentence(&line, a->title, true);
        pb_buf_puts(&line, " Action: ");
        add_owners(&line, a);
        add_due(&line, a->due);
        wrap(out, "- ", "  ", line.data);
        pb_buf_free(&line);
    }
}

/* A theme's sub-heading and items, or nothing when it has none. */
static void add_theme(struct pb_buf *out, const struct pb_meeting *m, const char *theme,
                      const char *heading)
{
    struct pb_buf items = {0};
    add_theme_items(&items, m, theme);
    if (items.len)
        pb_buf_addf(out, "\n### %s\n%s", heading, items.data);
    pb_buf_free(&items);
}

static void add_report_back(struct pb_buf *out, const struct pb_meeting *m)
{
    struct pb_buf body = {0};
    for (size_t i = 0; i < m->n_themes; i++) {
        const struct pb_meeting_theme *t = &m->themes[i];
        char *heading =
            t->lead ? pb_xasprintf("%s — Panel lead: %s", t->title, t->lead) : pb_xstrdup(t->title);
        add_theme(&body, m, t->id, heading);
        free(heading);
    }
    /* Updates on actions outside every theme are still report-backs. */
    add_theme(&body, m, NULL, "Other actions");
    if (body.len)
        pb_buf_addf(out, "\n## Report-back by theme\n%s", body.data);
    pb_buf_free(&body);
}

static void add_questions(struct pb_buf *out, const struct pb_meeting *m)
{
    if (m->n_questions == 0)
        return;
    pb_buf_puts(out, "\n## Members' questions and responses\n");
    for (size_t i = 0; i < m->n_questions; i++) {
        const struct pb_meeting_question *q = &m->questions[i];
        struct pb_buf line = {0};
        pb_buf_addf(&line, "%s asked ", q->by ? q->by : "A Member");
        add_sentence(&line, q->asked, true);
        wrap(out, "- ", "  ", line.data);
        if (q->answer) {
            clear(&line);
            pb_buf_puts(&line, "Response: ");
            add_sentence(&line, q->answer, true);
            wrap(out, "  ", "  ", line.data);
        }
        pb_buf_free(&line);
    }
}

static void add_decisions(struct pb_buf *out, const struct pb_meeting *m)
{
    if (m->n_decisions == 0)
        return;
    pb_buf_puts(out, "\n## Resolved –\n");
    for (size_t i = 0; i < m->n_decisions; i++) {
        char *ref = minute_ref(m->decisions[i].ref, false);
        char *prefix = ref ? pb_xasprintf("%s ", ref) : pb_xstrdup("");
        if (i > 0)
            pb_buf_puts(out, "\n");
        wrap_paragraphs(out, prefix, m->decisions[i].text);
        free(prefix);
        free(ref);
    }
}

static void add_actions(struct pb_buf *out, const struct pb_meeting *m)
{
    if (m->n_actions == 0)
        return;
    pb_buf_puts(out, "\n## Actions arising\n");
    for (size_t i = 0; i < m->n_actions; i++) {
        const struct pb_meeting_action *a = &m->actions[i];
        struct pb_buf line = {0};
        add_sentence(&line, a->title, false);
        wrap(out, "- ", "  ", line.data);
        clear(&line);
        pb_buf_puts(&line, "Action: ");
        add_owners(&line, a);
        char *ref = minute_ref(a->ref, true);
        if (ref)
            pb_buf_addf(&line, " %s", ref);
        free(ref);
        add_due(&line, a->due);
        wrap(out, "  ", "  ", line.data);
        pb_buf_free(&line);
    }
}

static void add_seats(struct pb_buf *out, const struct pb_meeting *m)
{
    if (m->n_seats == 0)
        return;
    pb_buf_puts(out, "\n## Co-opted membership\n");
    for (size_t i = 0; i < m->n_seats; i++) {
        const struct pb_meeting_seat *s = &m->seats[i];
        struct pb_buf line = {0};
        pb_buf_addf(&line, "%s: %s", s->sector, s->status);
        if (s->member)
            pb_buf_addf(&line, ", %s", s->member);
        if (s->ref)
            pb_buf_addf(&line, " (%s)", s->ref);
        wrap(out, "- ", "  ", line.data);
        pb_buf_free(&line);
    }
}

void pb_minutes_format(const struct pb_meeting *meeting, struct pb_buf *out)
{
    add_heading(out, meeting);
    add_report_back(out, meeting);
    add_questions(out, meeting);
    add_decisions(out, meeting);
    add_actions(out, meeting);
    add_seats(out, meeting);
}

enum pb_status pb_minutes_write(struct pb_db *db, const char *id, struct pb_buf *out,
                                struct pb_error *err)
{
    struct pb_meeting *meeting = NULL;
    enum pb_status s = pb_meeting_load(db, id, &meeting, err);
    if (s != PB_OK)
        return s;
    pb_minutes_format(meeting, out);
    pb_meeting_free(meeting);
    return PB_OK;
}
