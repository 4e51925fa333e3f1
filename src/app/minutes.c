/*
 * Writing a meeting's minutes as Markdown (minutes.md). The governance
 * officer pastes this into the minutes the council publishes, so it keeps
 * the council's wording ("Action agreed: ...", "Action: Chair (1)",
 * "Resolved –") and wraps its lines so that it reads well as plain text
 * too, taking care that a wrapped line never starts with something Markdown
 * would read as a new block. What people typed is escaped (pb_md_escape) so
 * that it pastes as the words typed, not as emphasis, links or lists.
 */
#include <panelboard/minutes.h>

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

/* The same for what someone typed, escaped, whose blank lines divide
 * paragraphs: the first gets the prefix, the others none, with a blank
 * line between them. */
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
            const char *prefix = first_paragraph ? first : "";
            struct pb_buf escaped = {0};
            /* after a prefix such as "(4) " the paragraph does not start the line */
            if (*prefix)
                pb_md_escape(&escaped, s, strlen(s), false);
            else
                pb_md_escape_line(&escaped, s, strlen(s), false);
            if (!first_paragraph)
                pb_buf_puts(out, "\n");
            wrap(out, prefix, "", escaped.data);
            pb_buf_free(&escaped);
            first_paragraph = false;
        }
        free(para);
        p = next ? next : end;
    }
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

/* "All", or the owners named and joined with ", " in the order given. */
static void add_owners(struct pb_buf *b, const struct pb_meeting_action *a)
{
    if (a->owners_all) {
        pb_buf_puts(b, "All");
        return;
    }
    if (a->n_owners == 0)
        pb_buf_puts(b, "no one named");
    for (size_t i = 0; i < a->n_owners; i++) {
        if (i > 0)
            pb_buf_puts(b, ", ");
        add_text(b, a->owners[i]);
    }
}

/* " — by 30 November 2022", when there is a date, kept on one line. */
static void add_due(struct pb_buf *b, const char *due)
{
    pb_day day;
    if (!due)
        return;
    struct pb_buf text = {0};
    if (pb_date_parse(due, &day)) {
        char date[32];
        pb_date_format_long(day, date, sizeof date);
        pb_buf_puts(&text, date);
    } else {
        pb_md_escape(&text, due, strlen(due), false);
    }
    pb_buf_addf(b, " —%cby%c", GLUE, GLUE);
    for (const char *p = text.data; *p; p++)
        pb_buf_addf(b, "%c", *p == ' ' ? GLUE : *p);
    pb_buf_free(&text);
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
    pb_buf_puts(out, "# ");
    pb_md_escape(out, title, strlen(title), true);
    pb_buf_puts(out, " — ");
    if (pb_date_parse(m->date, &day)) {
        char date[32];
        pb_date_format_long(day, date, sizeof date);
        pb_buf_puts(out, date);
    } else {
        pb_md_escape(out, m->date, strlen(m->date), true);
    }
    pb_buf_puts(out, "\n");
}

static void add_update(struct pb_buf *out, const struct pb_meeting_update *u)
{
    struct pb_buf line = {0};
    if (u->by) {
        pb_buf_puts(&line, "Update from ");
        add_text(&line, u->by);
        pb_buf_puts(&line, ": ");
    } else {
        pb_buf_puts(&line, "Update: ");
    }
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
        struct pb_buf heading = {0};
        pb_md_escape(&heading, t->title, strlen(t->title), true);
        if (t->lead) {
            pb_buf_puts(&heading, " — Panel lead: ");
            pb_md_escape(&heading, t->lead, strlen(t->lead), true);
        }
        add_theme(&body, m, t->id, heading.data);
        pb_buf_free(&heading);
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
        add_text(&line, q->by ? q->by : "A Member");
        pb_buf_puts(&line, " asked ");
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
        add_text(&line, s->sector);
        pb_buf_puts(&line, ": ");
        add_text(&line, s->status);
        if (s->member) {
            pb_buf_puts(&line, ", ");
            add_text(&line, s->member);
        }
        if (s->ref) {
            pb_buf_puts(&line, " (");
            add_text(&line, s->ref);
            pb_buf_puts(&line, ")");
        }
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
