/*
 * Writing a meeting's minutes as Markdown in the council's own form
 * (minutes.md): the heading and attendance, the declarations of interest,
 * then each agenda item in order with its summary, contact, discussion,
 * questions, "Resolved –" and "Action:" lines and supporting documents,
 * and the co-opted membership the meeting changed. One paragraph is one
 * line, so that a paste into a word processor keeps whole sentences; HTML
 * and plain text are rendered from this Markdown (minutes_render.c). What
 * people typed is escaped (pb_md_escape) so that it reads as typed; an
 * item's discussion is Markdown by design and passed through.
 */
#include <panelboard/minutes.h>

#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_TITLE "Corporate Parenting Panel"

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

/*
 * The capitalised words minutes write in lower case inside a sentence
 * ("Action agreed: report to ...", "asked whether ...", "Response: the
 * ..."): any other capitalised word may be a name ("Louise", "Ofsted",
 * "Bradford") and is kept as typed. These open sentences and never names:
 */
static const char *const openers[] = {
    /* articles, pronouns, question words, conjunctions, prepositions */
    "A", "An", "The", "This", "That", "These", "Those", "There", "Their", "Its", "It", "They", "We",
    "He", "She", "Our", "Some", "Any", "All", "No", "None", "Each", "Every", "Both", "Either",
    "Neither", "Several", "Many", "Most", "Much", "Other", "Another", "Such", "Not", "Also", "And",
    "But", "Or", "Nor", "So", "Still", "Now", "Then", "Only", "Already", "Again", "Once", "If",
    "As", "Although", "Though", "While", "Whilst", "Because", "Since", "Unless", "Until", "After",
    "Before", "During", "Following", "Despite", "What", "How", "When", "Where", "Whether", "Why",
    "Which", "Who", "Whom", "Whose", "To", "For", "In", "On", "At", "By", "With", "Within",
    "Without", "From", "Of", "About", "Into", "Over", "Under", "Through", "Between", "Across",
    "Regarding", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "First", "Second", "Third", "Last", "Next", "Few", "Yes",
    /* the verbs actions start with */
    "Inform", "Identify", "Consider", "Advise", "Report", "Write", "Take", "Review", "Ask", "Check",
    "Agree", "Contact", "Arrange", "Circulate", "Provide", "Prepare", "Send", "Share", "Invite",
    "Confirm", "Ensure", "Explore", "Find", "Follow", "Organise", "Produce", "Raise", "Request",
    "Respond", "Seek", "Set", "Bring", "Collate", "Complete", "Compile", "Continue", "Develop",
    "Discuss", "Draft", "Establish", "Gain", "Get", "Give", "Hold", "Include", "Investigate",
    "Keep", "Liaise", "Look", "Make", "Monitor", "Note", "Obtain", "Present", "Publish", "Put",
    "Receive", "Refer", "Reply", "Speak", "Submit", "Tell", "Approve", "Assess", "Attend", "Brief",
    "Clarify", "Collect", "Consult", "Coordinate", "Distribute", "Email", "Encourage", "Engage",
    "Escalate", "Evaluate", "Explain", "Forward", "Highlight", "Implement", "Introduce", "Nominate",
    "Notify", "Offer", "Propose", "Pursue", "Recruit", "Remind", "Revise", "Appoint", "Analyse",
    "Book", "Call", "Decide", "Deliver", "Determine", "Do", "Update", "Visit", "Meet", "Thank",
    "Promote", "Prioritise", NULL};

/* Words of reports and updates that are lowered too, unless another
 * capitalised word follows, when they are likely part of a name
 * ("Care Leavers Ambassadors", "Lead Member", "Work Programme"). Words
 * that are also surnames (Young, Foster, Chase) are in neither list. */
static const char *const common_words[] = {
    "Letter",      "Letters",    "Emails",      "Meeting",   "Meetings",     "Visits",
    "Reports",     "Paper",      "Papers",      "Plan",      "Plans",        "Work",
    "Training",    "Care",       "Further",     "Funding",   "Figures",      "Data",
    "Response",    "Responses",  "Feedback",    "Survey",    "Consultation", "Proposal",
    "Proposals",   "Invitation", "Invitations", "Briefing",  "Progress",     "Discussion",
    "Discussions", "Awaiting",   "Waiting",     "Liaising",  "Working",      "Chasing",
    "Arranging",   "Preparing",  "Writing",     "Drafting",  "Planning",     "Reviewing",
    "Contacted",   "Completed",  "Done",        "Agreed",    "Sent",         "Held",
    "Chased",      "Circulated", "Received",    "Delivered", "Arranged",     "Scheduled",
    "Drafted",     "Published",  "Submitted",   "Approved",  "Delayed",      "Postponed",
    "Cancelled",   "Ongoing",    "Underway",    "Portfolio", "Lead",         "Support",
    "Officers",    "Members",    "Councillors", "Staff",     "Children",     "Carers",
    "Placement",   "Placements", NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && strncmp(list[i], s, n) == 0)
            return true;
    return false;
}

/* Whether a word ends at s: at a space, at punctuation, in a hyphen
 * ("Portfolio-holders") or in an apostrophe ("It's", "It’s"). */
static bool word_ends(const char *s)
{
    return *s == '\0' || is_space(*s) || in_set(*s, ",;:.!?)'-") || strncmp(s, "’", 3) == 0;
}

/* Whether the text opens with a word minutes write in lower case inside a
 * sentence: one of the openers, or one of the common words with no
 * capitalised word after it. */
static bool lowers_opening(const char *s)
{
    size_t n = 0;
    while (is_upper(s[n]) || is_lower(s[n]))
        n++;
    /* "A-level", "A&E": the article only when a space follows */
    if (n == 0 || !word_ends(s + n) || (n == 1 && !is_space(s[1])))
        return false;
    if (in_list(openers, s, n))
        return true;
    if (!in_list(common_words, s, n))
        return false;
    const char *next = s + n;
    while (*next && !is_space(*next))
        next++;
    while (is_space(*next))
        next++;
    return !is_upper(*next);
}

/* Appends what someone typed so that Markdown shows it as typed. At the
 * start of b, where it opens a list item's content or a paragraph, also
 * what would open a block there ("1.", "-", "#" ...). */
static void add_text_n(struct pb_buf *b, const char *text, size_t n)
{
    if (b->len == 0)
        pb_md_escape_line(b, text, n, false);
    else
        pb_md_escape(b, text, n, false);
}

static void add_text(struct pb_buf *b, const char *text)
{
    add_text_n(b, text, strlen(text));
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
 * lower says so and lowers_opening agrees, a full stop when it has none,
 * and escaped. */
static void add_sentence(struct pb_buf *b, const char *text, bool lower)
{
    while (is_space(*text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && is_space(text[n - 1]))
        n--;
    if (n == 0)
        return;
    struct pb_buf sentence = {0};
    pb_buf_add(&sentence, text, n);
    if (lower && lowers_opening(sentence.data))
        sentence.data[0] = (char)(sentence.data[0] - 'A' + 'a');
    if (!ends_sentence(sentence.data))
        pb_buf_puts(&sentence, ".");
    add_text_n(b, sentence.data, sentence.len);
    pb_buf_free(&sentence);
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
    size_t n = strlen(ref);
    while (n > 0 && is_space(ref[n - 1]))
        n--;
    if (n == 0)
        return NULL;
    struct pb_buf b = {0};
    bool bracketed = ref[0] == '(';
    if (!bracketed)
        pb_buf_puts(&b, "(");
    pb_md_escape(&b, ref, n, false);
    if (!bracketed)
        pb_buf_puts(&b, ")");
    return pb_buf_take(&b);
}

/* Starts a block: blocks are apart by one blank line. */
static void block(struct pb_buf *out)
{
    if (out->len > 0)
        pb_buf_puts(out, "\n");
}

/* A paragraph of one line. */
static void para(struct pb_buf *out, const char *line)
{
    block(out);
    pb_buf_addf(out, "%s\n", line);
}

/* text as a phrase inside a sentence: trimmed, its opening word lowered
 * when lowers_opening agrees, no closing full stop, escaped. */
static void add_phrase(struct pb_buf *b, const char *text)
{
    while (is_space(*text))
        text++;
    size_t n = strlen(text);
    while (n > 0 && (is_space(text[n - 1]) || text[n - 1] == '.'))
        n--;
    struct pb_buf phrase = {0};
    pb_buf_add(&phrase, text, n);
    if (phrase.len && lowers_opening(phrase.data))
        phrase.data[0] = (char)(phrase.data[0] - 'A' + 'a');
    pb_md_escape(b, phrase.data ? phrase.data : "", phrase.len, false);
    pb_buf_free(&phrase);
}

static void add_owners(struct pb_buf *b, const struct pb_meeting_action *a)
{
    pb_report_owners(b, a->owners_all, a->owners, a->n_owners, "no one named");
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether hay contains needle, ignoring ASCII case. */
static bool contains_nocase(const char *hay, const char *needle, size_t n)
{
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return false;
}

/* Whether the decision the action's ref names already says what the
 * action is: then its title is left out ("Action: All, Governance Officer
 * (4)"). */
static bool said_by_decision(const struct pb_meeting_action *a,
                             const struct pb_meeting_decision *decisions, size_t n)
{
    char *ref = minute_ref(a->ref, true);
    bool said = false;
    const char *title = a->title;
    size_t len = strlen(title);
    while (len > 0 && (title[len - 1] == '.' || is_space(title[len - 1])))
        len--;
    for (size_t i = 0; ref && i < n && !said; i++) {
        char *dref = minute_ref(decisions[i].ref, false);
        said = same(ref, dref) && len > 0 && contains_nocase(decisions[i].text, title, len);
        free(dref);
    }
    free(ref);
    return said;
}

/* Action: OWNERS (REF) — TITLE, by 30 November 2022 — done */
static void add_action_line(struct pb_buf *line, const struct pb_meeting_action *a,
                            const struct pb_meeting_decision *decisions, size_t n_decisions)
{
    pb_buf_puts(line, "Action: ");
    add_owners(line, a);
    char *ref = minute_ref(a->ref, true);
    if (ref)
        pb_buf_addf(line, " %s", ref);
    free(ref);
    bool titled = !said_by_decision(a, decisions, n_decisions);
    if (titled) {
        pb_buf_puts(line, " — ");
        add_phrase(line, a->title);
    }
    if (a->due) {
        pb_buf_puts(line, titled ? ", by " : ", by ");
        pb_report_date(line, a->due);
    }
    if (a->closed_that_day)
        pb_buf_puts(line, " — done");
}

/* The meeting's options for what the published minutes show. */
struct minutes {
    const struct pb_meeting *m;
    struct pb_buf *out;
    bool exempt; /* the confidential minute book: exempt items whole */
};

static const struct pb_meeting_item *item_of(const struct minutes *w, const char *ref)
{
    for (size_t i = 0; ref && i < w->m->n_items; i++)
        if (strcmp(w->m->items[i].ref, ref) == 0)
            return &w->m->items[i];
    return NULL;
}

/* Whether an action or update tied to this item ref stays out. */
static bool withheld(const struct minutes *w, const char *item_ref)
{
    const struct pb_meeting_item *item = item_of(w, item_ref);
    return item && item->exempt && !w->exempt;
}

/* One paragraph of Action: lines, for the actions that pick says. */
typedef bool (*action_pick)(const struct minutes *w, const struct pb_meeting_action *a,
                            const void *ctx);

static void add_actions(struct minutes *w, action_pick pick, const void *ctx,
                        const struct pb_meeting_decision *decisions, size_t n_decisions)
{
    struct pb_buf lines = {0};
    for (size_t i = 0; i < w->m->n_actions; i++) {
        const struct pb_meeting_action *a = &w->m->actions[i];
        if (!pick(w, a, ctx) || withheld(w, a->item))
            continue;
        add_action_line(&lines, a, decisions, n_decisions);
        pb_buf_puts(&lines, "\n");
    }
    if (lines.len) {
        block(w->out);
        pb_buf_puts(w->out, lines.data);
    }
    pb_buf_free(&lines);
}

static void add_heading(struct minutes *w)
{
    const struct pb_meeting *m = w->m;
    const char *title = m->title ? m->title : m->panel_name ? m->panel_name : DEFAULT_TITLE;
    if (w->exempt)
        para(w->out, "CONFIDENTIAL: these minutes include exempt information and are not for "
                     "publication.");
    block(w->out);
    pb_buf_puts(w->out, "# ");
    pb_md_escape(w->out, title, strlen(title), true);
    pb_buf_puts(w->out, " — ");
    pb_report_date(w->out, m->date);
    pb_buf_puts(w->out, "\n");
}

/* "Present: A (Chair), B" and the like; nothing when nobody is listed. */
static void add_people(struct pb_buf *lines, const char *label, const struct pb_meeting *m,
                       bool attends)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_present; i++) {
        const struct pb_meeting_person *p = &m->present[i];
        if (p->attends != attends)
            continue;
        pb_buf_puts(lines, n++ ? ", " : label);
        add_text(lines, p->name);
        if (i == 0 && m->chair && same(p->name, m->chair))
            pb_buf_puts(lines, " (Chair)");
    }
    if (n)
        pb_buf_puts(lines, "\n");
}

static void add_attendance(struct minutes *w)
{
    const struct pb_meeting *m = w->m;
    struct pb_buf lines = {0};
    add_people(&lines, "Present: ", m, false);
    add_people(&lines, "In attendance: ", m, true);
    for (size_t i = 0; i < m->n_apologies; i++) {
        pb_buf_puts(&lines, i ? ", " : "Apologies: ");
        add_text(&lines, m->apologies[i]);
    }
    if (m->n_apologies)
        pb_buf_puts(&lines, "\n");
    if (lines.len) {
        block(w->out);
        pb_buf_puts(w->out, lines.data);
    }
    pb_buf_free(&lines);
}

static void add_declarations(struct minutes *w)
{
    const struct pb_meeting *m = w->m;
    if (m->n_declarations == 0 && m->n_present == 0)
        return;
    para(w->out, "## Declarations of interest");
    if (m->n_declarations == 0)
        para(w->out, "No declarations of interest were made.");
    for (size_t i = 0; i < m->n_declarations; i++) {
        const struct pb_meeting_declaration *d = &m->declarations[i];
        struct pb_buf line = {0};
        add_text(&line, d->by);
        pb_buf_puts(&line, " declared an interest");
        if (d->item) {
            pb_buf_puts(&line, " in item ");
            pb_md_escape(&line, d->item, strlen(d->item), false);
        }
        pb_buf_puts(&line, ": ");
        pb_md_escape(&line, d->text, strlen(d->text), false);
        para(w->out, line.data);
        pb_buf_free(&line);
    }
}

/* Typed text of several paragraphs (a summary, a resolution), escaped,
 * each paragraph one line; prefix opens the first. */
static void add_paragraphs(struct pb_buf *out, const char *prefix, const char *text)
{
    const char *p = text;
    bool first = true;
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t n = end ? (size_t)(end - p) : strlen(p);
        struct pb_buf line = {0};
        pb_buf_puts(&line, first ? prefix : "");
        /* white space within a paragraph, newlines included, is one space */
        const char *q = p;
        bool space = false;
        struct pb_buf words = {0};
        for (; q < p + n; q++) {
            if (is_space(*q)) {
                space = words.len > 0;
                continue;
            }
            if (space)
                pb_buf_puts(&words, " ");
            space = false;
            pb_buf_add(&words, q, 1);
        }
        if (words.len) {
            if (line.len)
                pb_md_escape(&line, words.data, words.len, false);
            else
                pb_md_escape_line(&line, words.data, words.len, false);
            para(out, line.data);
            first = false;
        }
        pb_buf_free(&words);
        pb_buf_free(&line);
        p += n;
        while (*p == '\n')
            p++;
    }
}

/* Whether the Markdown so far ends with a "- " list item: the questions'
 * list must then use another bullet, or it would join that list. */
static bool ends_in_dash_list(const struct pb_buf *out)
{
    size_t end = out->len;
    while (end > 0 && out->data[end - 1] == '\n')
        end--;
    size_t start = end;
    while (start > 0 && out->data[start - 1] != '\n')
        start--;
    return end - start >= 2 && out->data[start] == '-' && out->data[start + 1] == ' ';
}

/* A question typed as asked ("Had the ambassadors been appointed?") is
 * quoted after a colon; one typed as minuted ("whether ...") follows
 * "asked" as it is. */
static bool direct_question(const char *asked)
{
    while (is_space(*asked))
        asked++;
    return is_upper(*asked) && !lowers_opening(asked);
}

static void add_questions(struct minutes *w, const struct pb_meeting_question *qs, size_t n)
{
    if (n == 0)
        return;
    const char *bullet = ends_in_dash_list(w->out) ? "* " : "- ";
    block(w->out);
    for (size_t i = 0; i < n; i++) {
        struct pb_buf line = {0};
        pb_buf_puts(&line, bullet);
        add_text(&line, qs[i].by ? qs[i].by : "A Member");
        pb_buf_puts(&line, direct_question(qs[i].asked) ? " asked: " : " asked ");
        add_sentence(&line, qs[i].asked, true);
        if (qs[i].answer) {
            pb_buf_puts(&line, " In response, ");
            add_sentence(&line, qs[i].answer, true);
        }
        pb_buf_addf(w->out, "%s\n", line.data);
        pb_buf_free(&line);
    }
}

static void add_decisions(struct minutes *w, const struct pb_meeting_decision *ds, size_t n)
{
    if (n == 0)
        return;
    para(w->out, "Resolved –");
    for (size_t i = 0; i < n; i++) {
        char *ref = n > 1 ? minute_ref(ds[i].ref, false) : NULL;
        char *prefix = ref ? pb_xasprintf("%s ", ref) : pb_xstrdup("");
        add_paragraphs(w->out, prefix, ds[i].text);
        free(prefix);
        free(ref);
    }
}

static void add_update(struct pb_buf *out, const struct pb_meeting_update *u)
{
    struct pb_buf line = {0};
    pb_buf_puts(&line, "- Update");
    if (u->by) {
        pb_buf_puts(&line, " from ");
        add_text(&line, u->by);
    }
    pb_buf_puts(&line, " on ‘");
    add_text(&line, u->action_title);
    pb_buf_addf(&line, "’ (#%lld): ", (long long)u->action);
    add_phrase(&line, u->text);
    pb_buf_addf(out, "%s\n", line.data);
    pb_buf_free(&line);
}

static bool agreed_under(const struct minutes *w, const struct pb_meeting_action *a,
                         const void *ctx)
{
    (void)w;
    const struct pb_meeting_item *item = ctx;
    return same(a->item, item->ref) && !(item->report_backs && a->theme);
}

struct theme_pick {
    const struct pb_meeting_item *item; /* NULL: no item agreed any */
    const char *theme;
};

static bool agreed_for_theme(const struct minutes *w, const struct pb_meeting_action *a,
                             const void *ctx)
{
    (void)w;
    const struct theme_pick *t = ctx;
    return t->item && same(a->item, t->item->ref) && same(a->theme, t->theme);
}

/* A theme's heading, updates and actions, or nothing when it had none.
 * theme NULL: the updates on actions outside every theme. */
static void add_theme(struct minutes *w, const struct pb_meeting_item *item, const char *theme,
                      const char *heading)
{
    struct pb_buf updates = {0};
    for (size_t i = 0; i < w->m->n_updates; i++) {
        const struct pb_meeting_update *u = &w->m->updates[i];
        if (same(u->theme, theme) && !withheld(w, u->action_item))
            add_update(&updates, u);
    }
    struct theme_pick pick = {item, theme};
    struct pb_buf *saved = w->out;
    struct pb_buf actions = {0};
    w->out = &actions;
    if (theme)
        add_actions(w, agreed_for_theme, &pick, NULL, 0);
    w->out = saved;
    if (updates.len || actions.len) {
        para(w->out, heading);
        if (updates.len) {
            block(w->out);
            pb_buf_puts(w->out, updates.data);
        }
        if (actions.len) {
            block(w->out);
            pb_buf_puts(w->out, actions.data);
        }
    }
    pb_buf_free(&updates);
    pb_buf_free(&actions);
}

static void add_report_backs(struct minutes *w, const struct pb_meeting_item *item)
{
    for (size_t i = 0; i < w->m->n_themes; i++) {
        const struct pb_meeting_theme *t = &w->m->themes[i];
        struct pb_buf heading = {0};
        pb_buf_puts(&heading, "### ");
        pb_md_escape(&heading, t->title, strlen(t->title), true);
        if (t->lead) {
            pb_buf_puts(&heading, " — Panel lead: ");
            pb_md_escape(&heading, t->lead, strlen(t->lead), true);
        }
        add_theme(w, item, t->id, heading.data);
        pb_buf_free(&heading);
    }
    add_theme(w, item, NULL, "### Other actions");
}

/* "## 3. TITLE IN CAPITALS" (ASCII letters raised; others as typed). */
static void add_item_heading(struct minutes *w, const struct pb_meeting_item *item)
{
    struct pb_buf h = {0};
    pb_buf_puts(&h, "## ");
    pb_md_escape(&h, item->ref, strlen(item->ref), true);
    size_t n = strlen(item->ref);
    if (n > 0 && item->ref[n - 1] != '.')
        pb_buf_puts(&h, ".");
    pb_buf_puts(&h, " ");
    size_t from = h.len;
    pb_md_escape(&h, item->title, strlen(item->title), true);
    for (size_t i = from; i < h.len; i++)
        if (is_lower(h.data[i]))
            h.data[i] = (char)(h.data[i] - 'a' + 'A');
    para(w->out, h.data);
    pb_buf_free(&h);
}

static void add_item(struct minutes *w, const struct pb_meeting_item *item)
{
    add_item_heading(w, item);
    if (item->exempt && !w->exempt) {
        para(w->out, "Exempt information: not for publication");
        return;
    }
    if (item->summary)
        add_paragraphs(w->out, "", item->summary);
    if (item->contact) {
        struct pb_buf line = {0};
        pb_buf_puts(&line, "(Contact: ");
        add_text(&line, item->contact);
        pb_buf_puts(&line, ")");
        para(w->out, line.data);
        pb_buf_free(&line);
    }
    if (item->minutes) {
        para(w->out, "Minutes:");
        block(w->out);
        pb_buf_puts(w->out, item->minutes);
        if (w->out->data[w->out->len - 1] != '\n')
            pb_buf_puts(w->out, "\n");
    }
    if (item->report_backs)
        add_report_backs(w, item);
    add_questions(w, item->questions, item->n_questions);
    add_decisions(w, item->decisions, item->n_decisions);
    add_actions(w, agreed_under, item, item->decisions, item->n_decisions);
    if (item->n_documents) {
        para(w->out, "Supporting documents:");
        block(w->out);
        for (size_t i = 0; i < item->n_documents; i++) {
            pb_buf_puts(w->out, "- ");
            add_text(w->out, item->documents[i]);
            pb_buf_puts(w->out, "\n");
        }
    }
}

/* Actions the meeting agreed outside any of its items. */
static bool outside_items(const struct minutes *w, const struct pb_meeting_action *a,
                          const void *ctx)
{
    (void)ctx;
    return !item_of(w, a->item);
}

static bool any_report_backs(const struct pb_meeting *m)
{
    for (size_t i = 0; i < m->n_items; i++)
        if (m->items[i].report_backs)
            return true;
    return false;
}

/* A meeting minuted without items: its decisions, questions and actions in
 * the items' order under one section named after the meeting. */
static void add_meeting_section(struct minutes *w)
{
    const struct pb_meeting *m = w->m;
    bool none = m->n_questions == 0 && m->n_decisions == 0;
    for (size_t i = 0; none && i < m->n_actions; i++)
        none = item_of(w, m->actions[i].item) != NULL;
    if (none)
        return;
    const char *title = m->title ? m->title : m->panel_name ? m->panel_name : DEFAULT_TITLE;
    struct pb_buf h = {0};
    pb_buf_puts(&h, m->n_items ? "## Other business" : "## ");
    if (!m->n_items)
        pb_md_escape(&h, title, strlen(title), true);
    para(w->out, h.data);
    pb_buf_free(&h);
    add_questions(w, m->questions, m->n_questions);
    add_decisions(w, m->decisions, m->n_decisions);
    add_actions(w, outside_items, NULL, m->decisions, m->n_decisions);
}

static void add_seats(struct minutes *w)
{
    const struct pb_meeting *m = w->m;
    if (m->n_seats == 0)
        return;
    para(w->out, "## Co-opted membership");
    block(w->out);
    for (size_t i = 0; i < m->n_seats; i++) {
        const struct pb_meeting_seat *s = &m->seats[i];
        pb_buf_puts(w->out, "- ");
        add_text(w->out, s->sector);
        pb_buf_puts(w->out, ": ");
        add_text(w->out, s->status);
        if (s->member) {
            pb_buf_puts(w->out, ", ");
            add_text(w->out, s->member);
        }
        if (s->ref && s->resolved_here) {
            pb_buf_puts(w->out, " (");
            add_text(w->out, s->ref);
            pb_buf_puts(w->out, ")");
        }
        pb_buf_puts(w->out, "\n");
    }
}

void pb_minutes_format(const struct pb_meeting *meeting, bool exempt, struct pb_buf *out)
{
    struct minutes w = {.m = meeting, .out = out, .exempt = exempt};
    add_heading(&w);
    add_attendance(&w);
    add_declarations(&w);
    for (size_t i = 0; i < meeting->n_items; i++)
        add_item(&w, &meeting->items[i]);
    add_meeting_section(&w);
    if (!any_report_backs(meeting)) {
        struct pb_buf reports = {0};
        struct pb_buf *saved = w.out;
        w.out = &reports;
        add_report_backs(&w, NULL);
        w.out = saved;
        if (reports.len) {
            para(out, "## Reports from Panel Leads");
            block(out);
            pb_buf_puts(out, reports.data);
        }
        pb_buf_free(&reports);
    }
    add_seats(&w);
}
