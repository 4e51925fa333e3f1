/*
 * Export over real SQLite files: the panel file's exact text and its round
 * trip through the importer (export, import into an empty database, export
 * again: the same bytes), the Markdown report a chair prints, and the CSV
 * of the actions read back field by field.
 */
#include <panelboard/minutes.h>
#include <panelboard/panelfile.h>
#include <panelboard/report.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every database here starts with today pinned to this. */
#define TODAY "2022-12-01"

static pb_day day_of(const char *text)
{
    pb_day day = 0;
    assert_true(pb_date_parse(text, &day));
    return day;
}

static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    testdb_open(f, TODAY);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

/* ---- building a panel ---- */

#define MAX_FIELDS 16
#define MAX_ITEMS  16

/* Puts one record from "key", "value" pairs (NULL-terminated) as one
 * change: integers and booleans are parsed, lists split on '|'. */
static void put_record(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                       int64_t parent_id, const char *const *pairs)
{
    struct pb_value values[MAX_FIELDS] = {0};
    char *copies[MAX_FIELDS] = {0};
    const char *items[MAX_FIELDS][MAX_ITEMS];
    for (size_t i = 0; pairs[i]; i += 2) {
        int index = pb_field_index(kind, pairs[i]);
        assert_true(index >= 0);
        const struct pb_field *field = &pb_kind_info(kind)->fields[index];
        struct pb_value *v = &values[index];
        const char *s = pairs[i + 1];
        if (field->type == PB_FIELD_BOOL) {
            *v = (struct pb_value){.state = PB_VALUE_INT, .i = strcmp(s, "true") == 0};
        } else if (field->type == PB_FIELD_INT_KEY || field->type == PB_FIELD_INT_REF) {
            *v = (struct pb_value){.state = PB_VALUE_INT, .i = strtoll(s, NULL, 10)};
        } else if (field->type == PB_FIELD_REF_LIST || field->type == PB_FIELD_TEXT_LIST) {
            char *copy = copies[index] = pb_xstrdup(s);
            size_t n = 0;
            for (char *item = strtok(copy, "|"); item; item = strtok(NULL, "|"))
                items[index][n++] = item;
            *v = (struct pb_value){.state = PB_VALUE_LIST, .items = items[index], .n_items = n};
        } else {
            *v = (struct pb_value){.state = PB_VALUE_TEXT, .text = s};
        }
    }
    struct pb_error err = {0};
    enum pb_put_result result;
    assert_int_equal(pb_change_begin(db, "test", &err), PB_OK);
    enum pb_status status =
        pb_kind_info(kind)->parent == PB_KIND_COUNT
            ? pb_record_put(db, kind, values, &result, NULL, &err)
            : pb_child_put(db, kind, parent_key, parent_id, values, &result, NULL, &err);
    status = pb_change_end(db, status, &err);
    if (status != PB_OK)
        fail_msg("put %s: %s", pb_kind_info(kind)->singular, err.message);
    for (int i = 0; i < MAX_FIELDS; i++)
        free(copies[i]);
}

#define PUT(db, kind, ...) put_record(db, kind, NULL, 0, (const char *const[]){__VA_ARGS__, NULL})
#define PUT_CHILD(db, kind, key, id, ...)                                                          \
    put_record(db, kind, key, id, (const char *const[]){__VA_ARGS__, NULL})

/* A small panel that uses every kind of row and most kinds of value. */
static void build_small_panel(struct pb_db *db)
{
    PUT(db, PB_KIND_PANEL, "name", "Corporate Parenting Panel", "authority",
        "City of Bradford Metropolitan District Council");
    PUT(db, PB_KIND_MEMBER, "id", "thirkill", "name", "Cllr Thirkill", "kind", "councillor", "post",
        "Chair", "joined", "2022-09-08");
    PUT(db, PB_KIND_MEMBER, "id", "gov-officer", "name", "Siobhán O'Neill", "kind", "officer",
        "post", "Governance Officer", "phone", "07949489308", "email", "gov@example.org");
    PUT(db, PB_KIND_MEMBER, "id", "haider", "name", "Ali Jan Haider", "kind", "partner",
        "organisation", "Bradford District & Craven Health & Care Partnership", "notes",
        "Leads on health.\nMay bring in others for parts of the theme.");
    PUT(db, PB_KIND_CO_OPTION, "id", "dwp", "sector", "Department for Work and Pensions", "status",
        "proposed", "resolved", "2022-10-12", "ref", "Resolved (3)", "notes",
        "Governance Officer to advise on the appointment procedure.");
    PUT(db, PB_KIND_THEME, "id", "housing", "title", "Housing", "lead", "thirkill", "thoughts",
        "Liaising with Louise Kay, LCS.", "subgroup", "thirkill|gov-officer");
    PUT(db, PB_KIND_THEME, "id", "health", "title", "Health", "lead", "haider");
    PUT(db, PB_KIND_STRATEGY, "id", "cic", "title", "Children in Care and Care Leavers Strategy",
        "from", "2022-10-01", "to", "2023-09-30", "priorities",
        "A strong culture of Corporate Parenting|Helping children to stay within their families");
    PUT(db, PB_KIND_STRATEGY, "id", "sufficiency", "title", "Sufficiency Strategy", "parent",
        "cic");
    PUT(db, PB_KIND_MEETING, "id", "2022-10-12", "date", "2022-10-12", "title",
        "Corporate Parenting Panel");
    PUT_CHILD(db, PB_KIND_DECISION, "2022-10-12", 0, "ref", "3", "text",
              "Co-opted membership to be expanded to include Housing, DWP and Youth Justice.");
    PUT_CHILD(db, PB_KIND_QUESTION, "2022-10-12", 0, "by", "thirkill", "asked",
              "Had Care Leavers Ambassadors been appointed?", "answer",
              "Yes; one has since been recruited as an apprentice with the Council.");
    PUT(db, PB_KIND_ACTION, "id", "7", "title",
        "Inform portfolio-holders of the lead Panel Members", "owners", "thirkill", "theme",
        "housing", "due", "2022-11-30", "status", "open", "meeting", "2022-10-12", "ref",
        "Resolved (1)");
    PUT_CHILD(db, PB_KIND_UPDATE, NULL, 7, "date", "2022-11-09", "by", "thirkill", "text",
              "Met the portfolio-holder for Housing.");
    PUT(db, PB_KIND_ACTION, "id", "8", "title", "Advise on co-option procedure", "owners", "all",
        "due", "2022-12-15", "status", "in-progress", "ref", "Resolved (4)");
    PUT(db, PB_KIND_ACTION, "id", "9", "title", "Circulate the strategies", "owners",
        "gov-officer|thirkill", "theme", "housing", "due", "2022-10-01", "status", "done");
    PUT(db, PB_KIND_FEEDBACK, "id", "1", "date", "2022-10-12", "said",
        "Young people felt listened to but saw no action as a result.", "status", "heard");
}

/* ---- exporting and importing ---- */

/* What `export --format` writes: the panel file (pb_export) or a report. */
enum format { PB_EXPORT_YAML, PB_EXPORT_MD, PB_EXPORT_CSV };

static enum pb_status write_as(struct pb_db *db, enum format format, FILE *out,
                               struct pb_error *err)
{
    if (format == PB_EXPORT_YAML)
        return pb_export(db, out, err);
    return pb_report(db, format == PB_EXPORT_MD ? PB_REPORT_MD : PB_REPORT_CSV, out, err);
}

/* Not inlined: at -O3 gcc loses track of open_memstream's buffer and calls
 * every pointer into the result "dangling" (-Wdangling-pointer). */
__attribute__((noinline)) static char *export_as(struct pb_db *db, enum format format)
{
    char *data = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&data, &size);
    assert_non_null(out);
    struct pb_error err = {0};
    enum pb_status status = write_as(db, format, out, &err);
    fclose(out);
    if (status != PB_OK)
        fail_msg("export: %s", err.message);
    return data;
}

/* Exports db, imports that into an empty database and exports again: the
 * two exports must be the same bytes. Returns the first. */
static char *round_trip(struct testdb *f, struct pb_db *db)
{
    char *first = export_as(db, PB_EXPORT_YAML);
    struct pb_db *copy = testdb_open_another(f, TODAY);
    testdb_import_text(copy, "export.yaml", first);
    char *second = export_as(copy, PB_EXPORT_YAML);
    assert_string_equal(second, first);
    free(second);
    pb_db_close(copy);
    return first;
}

static char *read_source_file(const char *relative)
{
    const char *root = getenv("PB_SOURCE_ROOT");
    if (!root)
        return NULL;
    char *path = pb_xasprintf("%s/%s", root, relative);
    FILE *in = fopen(path, "rb");
    free(path);
    if (!in)
        return NULL;
    struct pb_buf buf = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        pb_buf_add(&buf, chunk, n);
    fclose(in);
    return pb_buf_take(&buf);
}

/* ---- the panel file ---- */

static const char small_panel_yaml[] =
    "panelboard: 1\n"
    "panel:\n"
    "  name: Corporate Parenting Panel\n"
    "  authority: City of Bradford Metropolitan District Council\n"
    "members:\n"
    "- id: thirkill\n"
    "  name: Cllr Thirkill\n"
    "  kind: councillor\n"
    "  post: Chair\n"
    "  voting: true\n"
    "  joined: 2022-09-08\n"
    "- id: gov-officer\n"
    "  name: Siobhán O'Neill\n"
    "  kind: officer\n"
    "  post: Governance Officer\n"
    "  voting: false\n"
    "  email: gov@example.org\n"
    "  phone: \"07949489308\"\n"
    "- id: haider\n"
    "  name: Ali Jan Haider\n"
    "  kind: partner\n"
    "  voting: false\n"
    "  organisation: Bradford District & Craven Health & Care Partnership\n"
    "  notes: |-\n"
    "    Leads on health.\n"
    "    May bring in others for parts of the theme.\n"
    "co-options:\n"
    "- id: dwp\n"
    "  sector: Department for Work and Pensions\n"
    "  status: proposed\n"
    "  resolved: 2022-10-12\n"
    "  ref: Resolved (3)\n"
    "  notes: Governance Officer to advise on the appointment procedure.\n"
    "themes:\n"
    "- id: housing\n"
    "  title: Housing\n"
    "  lead: thirkill\n"
    "  thoughts: Liaising with Louise Kay, LCS.\n"
    "  subgroup: [thirkill, gov-officer]\n"
    "- id: health\n"
    "  title: Health\n"
    "  lead: haider\n"
    "strategies:\n"
    "- id: cic\n"
    "  title: Children in Care and Care Leavers Strategy\n"
    "  from: 2022-10-01\n"
    "  to: 2023-09-30\n"
    "  priorities:\n"
    "  - A strong culture of Corporate Parenting\n"
    "  - Helping children to stay within their families\n"
    "- id: sufficiency\n"
    "  title: Sufficiency Strategy\n"
    "  parent: cic\n"
    "meetings:\n"
    "- id: 2022-10-12\n"
    "  date: 2022-10-12\n"
    "  title: Corporate Parenting Panel\n"
    "  decisions:\n"
    "  - ref: \"3\"\n"
    "    text: Co-opted membership to be expanded to include Housing, DWP and Youth Justice.\n"
    "  questions:\n"
    "  - by: thirkill\n"
    "    asked: Had Care Leavers Ambassadors been appointed?\n"
    "    answer: Yes; one has since been recruited as an apprentice with the Council.\n"
    "actions:\n"
    "- id: 7\n"
    "  title: Inform portfolio-holders of the lead Panel Members\n"
    "  owners: [thirkill]\n"
    "  theme: housing\n"
    "  due: 2022-11-30\n"
    "  status: open\n"
    "  meeting: 2022-10-12\n"
    "  ref: Resolved (1)\n"
    "  updates:\n"
    "  - date: 2022-11-09\n"
    "    by: thirkill\n"
    "    text: Met the portfolio-holder for Housing.\n"
    "- id: 8\n"
    "  title: Advise on co-option procedure\n"
    "  owners: all\n"
    "  due: 2022-12-15\n"
    "  status: in-progress\n"
    "  ref: Resolved (4)\n"
    "- id: 9\n"
    "  title: Circulate the strategies\n"
    "  owners: [gov-officer, thirkill]\n"
    "  theme: housing\n"
    "  due: 2022-10-01\n"
    "  status: done\n"
    "feedback:\n"
    "- id: 1\n"
    "  date: 2022-10-12\n"
    "  said: Young people felt listened to but saw no action as a result.\n"
    "  status: heard\n";

static void export__yaml__writes_small_panel_in_file_order(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    char *yaml = export_as(f->db, PB_EXPORT_YAML);
    assert_string_equal(yaml, small_panel_yaml);
    free(yaml);
}

static void export__yaml__of_empty_panel_is_only_the_version(void **state)
{
    struct testdb *f = *state;
    char *yaml = export_as(f->db, PB_EXPORT_YAML);
    assert_string_equal(yaml, "panelboard: 1\n");
    free(yaml);
}

static void export__yaml__small_panel_round_trips_byte_for_byte(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    free(round_trip(f, f->db));
}

/* Texts that a plain scalar would turn into a number, a boolean or "not
 * set", or that YAML reads as syntax; each must come back as written. */
static const char *const tricky_names[] = {
    "yes",   "No",  "~",       "null",       "007",    "1e3",    "0x1F",      "12:30",  "-.inf",
    "a: b",  "#x",  "x #y",    "- x",        "[a, b]", "{k: v}", "'quoted'",  "\"dq\"", "@home",
    "`tick", "50%", "&anchor", "*alias",     "!tag",   "|pipe",  ">fold",     "?q",     "true",
    "1_000", "+1",  ".5",      "2022-10-12", "it's",   "a\\b",   "tab\there", "<<",     "=",
};
#define N_TRICKY (sizeof tricky_names / sizeof tricky_names[0])

/* One text field of every member, in order. */
struct texts {
    int field;
    char *seen[64];
    size_t n;
};

static enum pb_status collect_text(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct texts *texts = ctx;
    assert_true(texts->n < 64);
    const struct pb_value *v = &values[texts->field];
    texts->seen[texts->n++] = pb_xstrdup(v->state == PB_VALUE_TEXT ? v->text : "(no value)");
    return PB_OK;
}

static void assert_member_texts(struct pb_db *db, const char *key, const char *const *expected,
                                size_t n)
{
    struct texts texts = {.field = pb_field_index(PB_KIND_MEMBER, key)};
    struct pb_error err = {0};
    assert_int_equal(pb_record_each(db, PB_KIND_MEMBER, NULL, 0, collect_text, &texts, &err),
                     PB_OK);
    assert_int_equal(texts.n, n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(texts.seen[i], expected[i]);
        free(texts.seen[i]);
    }
}

static void put_members_named(struct pb_db *db, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "m%02zu", i);
        PUT(db, PB_KIND_MEMBER, "id", id, "name", names[i], "kind", "officer", "notes", names[i]);
    }
}

static void export__yaml__quotes_text_that_would_read_back_as_another_type(void **state)
{
    struct testdb *f = *state;
    put_members_named(f->db, tricky_names, N_TRICKY);
    char *yaml = round_trip(f, f->db);
    /* Quoted, not read as a boolean, null or number. */
    assert_non_null(strstr(yaml, "name: \"yes\"\n"));
    assert_non_null(strstr(yaml, "name: \"~\"\n"));
    assert_non_null(strstr(yaml, "name: \"007\"\n"));
    assert_non_null(strstr(yaml, "name: 'a: b'\n"));
    assert_non_null(strstr(yaml, "name: it's\n"));
    struct pb_db *copy = testdb_open_another(f, TODAY);
    testdb_import_text(copy, "tricky.yaml", yaml);
    assert_member_texts(copy, "name", tricky_names, N_TRICKY);
    assert_member_texts(copy, "notes", tricky_names, N_TRICKY);
    pb_db_close(copy);
    free(yaml);
}

static const char *const names_in_scripts[] = {
    "Siobhán O'Connor",
    "Zoë Brontë",
    "Łukasz Żółć",
    "Мария Иванова",
    "محمد علي",
    "राजेश कुमार",
    "王小明",
    "Αλέξανδρος Παπαδόπουλος",
    "Nnamdi Ọkọnkwọ",
    "Sinéad Ní Bhriain",
    "Ravi Shankar – Lead",
    "Jane ‘JJ’ Jones",
};
#define N_SCRIPTS (sizeof names_in_scripts / sizeof names_in_scripts[0])

static void export__yaml__writes_names_in_any_script_as_they_are(void **state)
{
    struct testdb *f = *state;
    put_members_named(f->db, names_in_scripts, N_SCRIPTS);
    char *yaml = round_trip(f, f->db);
    for (size_t i = 0; i < N_SCRIPTS; i++) {
        char *line = pb_xasprintf("  name: %s\n", names_in_scripts[i]);
        if (!strstr(yaml, line))
            fail_msg("not written as is: %s", names_in_scripts[i]);
        free(line);
    }
    struct pb_db *copy = testdb_open_another(f, TODAY);
    testdb_import_text(copy, "scripts.yaml", yaml);
    assert_member_texts(copy, "name", names_in_scripts, N_SCRIPTS);
    pb_db_close(copy);
    free(yaml);
}

static const char *const multi_line_notes[] = {
    "First line.\n\n  Indented: with a colon.\n# not a comment\nLast line.",
    "A line ending in a space \nthen the next",
    "Tab\there\nand a second line",
    "yes\n~",
    "- not a list\n- nor this",
    "Siobhán said: \"it’s ‘fine’\"\nМария agreed.",
};
#define N_MULTI_LINE (sizeof multi_line_notes / sizeof multi_line_notes[0])

/* Literal blocks where they can hold the text exactly, and every line
 * break and character back after the round trip either way. */
static void export__yaml__writes_multi_line_text_as_literal_block(void **state)
{
    struct testdb *f = *state;
    for (size_t i = 0; i < N_MULTI_LINE; i++) {
        char id[32];
        snprintf(id, sizeof id, "m%02zu", i);
        PUT(f->db, PB_KIND_MEMBER, "id", id, "name", id, "kind", "officer", "notes",
            multi_line_notes[i]);
    }
    char *yaml = round_trip(f, f->db);
    assert_non_null(strstr(yaml, "  notes: |-\n"
                                 "    First line.\n"
                                 "\n"
                                 "      Indented: with a colon.\n"
                                 "    # not a comment\n"
                                 "    Last line.\n"));
    struct pb_db *copy = testdb_open_another(f, TODAY);
    testdb_import_text(copy, "multi-line.yaml", yaml);
    assert_member_texts(copy, "notes", multi_line_notes, N_MULTI_LINE);
    pb_db_close(copy);
    free(yaml);
}

static void round_trip_source_file(struct testdb *f, const char *relative)
{
    char *text = read_source_file(relative);
    if (!text) {
        print_message("no %s under PB_SOURCE_ROOT: skipped\n", relative);
        skip();
    }
    testdb_import_text(f->db, relative, text);
    char *yaml = round_trip(f, f->db);
    free(yaml);
    free(text);
}

static void export__yaml__example_panel_round_trips_byte_for_byte(void **state)
{
    round_trip_source_file(*state, "data/example-panel.yaml");
}

static void export__yaml__other_council_round_trips_byte_for_byte(void **state)
{
    round_trip_source_file(*state, "tests/data/other-council.yaml");
}

static void add_single_quoted(struct pb_buf *b, const char *s)
{
    pb_buf_puts(b, "'");
    for (; *s; s++) {
        if (*s == '\'')
            pb_buf_puts(b, "'");
        pb_buf_add(b, s, 1);
    }
    pb_buf_puts(b, "'");
}

/* A thousand members in every script above, some with posts, notes over
 * several lines, phone numbers and tricky names, in a theme whose sub-group
 * is all of them. */
static char *thousand_member_panel(void)
{
    static const char *const kinds[] = {"councillor", "officer", "partner", "co-opted", "adviser"};
    struct pb_buf yaml = {0};
    struct pb_buf subgroup = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n");
    for (int i = 0; i < 1000; i++) {
        char *name = pb_xasprintf(
            "%s %d", i % 3 == 0 ? tricky_names[i % N_TRICKY] : names_in_scripts[i % N_SCRIPTS], i);
        pb_buf_addf(&yaml, "  - id: m%04d\n    name: ", i);
        add_single_quoted(&yaml, name);
        pb_buf_addf(&yaml, "\n    kind: %s\n", kinds[i % 5]);
        if (i % 7 == 0)
            pb_buf_addf(&yaml, "    post: Post %d\n", i);
        if (i % 11 == 0)
            pb_buf_addf(&yaml, "    notes: |\n      Line one of %d.\n      Line two: %s\n", i,
                        i % 2 ? "yes" : "~");
        if (i % 13 == 0)
            pb_buf_addf(&yaml, "    phone: 07%09d\n", i);
        pb_buf_addf(&subgroup, "%sm%04d", i ? ", " : "", i);
        free(name);
    }
    pb_buf_addf(&yaml,
                "themes:\n  - id: all\n    title: Everyone\n    lead: m0000\n"
                "    subgroup: [%s]\n",
                subgroup.data);
    pb_buf_free(&subgroup);
    return pb_buf_take(&yaml);
}

static void export__yaml__thousand_members_round_trip_byte_for_byte(void **state)
{
    struct testdb *f = *state;
    char *text = thousand_member_panel();
    testdb_import_text(f->db, "thousand.yaml", text);
    char *yaml = round_trip(f, f->db);
    assert_non_null(strstr(yaml, "- id: m0999\n"));
    assert_non_null(strstr(yaml, "  subgroup: [m0000, m0001, "));
    free(yaml);
    free(text);
}

/* ---- the Markdown report ---- */

static const char *line_with(const char *text, const char *needle, char *line, size_t size)
{
    const char *at = strstr(text, needle);
    if (!at)
        return NULL;
    const char *start = at;
    while (start > text && start[-1] != '\n')
        start--;
    size_t len = strcspn(start, "\n");
    snprintf(line, size, "%.*s", (int)len, start);
    return line;
}

static size_t count_of(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void export__md__heads_report_with_panel_and_date(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    char *md = export_as(f->db, PB_EXPORT_MD);
    static const char title[] = "# Corporate Parenting Panel, City of Bradford Metropolitan "
                                "District Council\n\nAs at 1 December 2022.\n\n";
    assert_memory_equal(md, title, sizeof title - 1);
    free(md);
}

static void export__md__lists_themes_in_order_with_lead_by_post(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    char *md = export_as(f->db, PB_EXPORT_MD);
    const char *housing = strstr(md, "\n### Housing\n");
    const char *health = strstr(md, "\n### Health\n");
    assert_non_null(housing);
    assert_non_null(health);
    assert_true(housing < health);
    /* Thirkill holds the post of Chair; Haider holds none and is named. */
    const char *lead = strstr(housing, "- Lead: ");
    assert_true(lead && lead < health);
    assert_true(strncmp(lead, "- Lead: Chair\n", 14) == 0);
    assert_non_null(strstr(health, "- Lead: Ali Jan Haider\n"));
    /* The housing theme's actions sit under it, with dates written out. */
    char line[512];
    assert_non_null(line_with(housing, "**#7**", line, sizeof line));
    assert_true(strstr(housing, "**#7**") < health);
    assert_non_null(strstr(line, "Action: Chair"));
    assert_non_null(strstr(line, "due 30 November 2022"));
    free(md);
}

static void export__md__flags_overdue_only_on_open_actions_past_due(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    /* #7 open, due 30 Nov; #8 in progress, due 15 Dec; #9 done, due 1 Oct. */
    char *md = export_as(f->db, PB_EXPORT_MD);
    char line[512];
    assert_int_equal(count_of(md, "OVERDUE"), 1);
    assert_non_null(line_with(md, "OVERDUE", line, sizeof line));
    assert_non_null(strstr(line, "**#7**"));
    free(md);

    pb_db_set_today(f->db, day_of("2022-12-16"));
    md = export_as(f->db, PB_EXPORT_MD);
    assert_int_equal(count_of(md, "OVERDUE"), 2);
    assert_non_null(line_with(md, "**#8**", line, sizeof line));
    assert_non_null(strstr(line, "**OVERDUE**"));
    assert_non_null(line_with(md, "**#9**", line, sizeof line));
    assert_null(strstr(line, "OVERDUE"));
    free(md);

    pb_db_set_today(f->db, day_of("2022-11-30"));
    md = export_as(f->db, PB_EXPORT_MD);
    assert_null(strstr(md, "OVERDUE"));
    free(md);
}

/* The minutes of 2022-10-12 as Markdown. */
static char *minutes_of(struct pb_db *db)
{
    struct pb_buf buf = {0};
    struct pb_error err = {0};
    if (pb_minutes_write(db, "2022-10-12", PB_MINUTES_MD, false, &buf, &err) != PB_OK)
        fail_msg("minutes: %s", err.message);
    return pb_buf_take(&buf);
}

static void
export__md__names_owners_authors_and_askers_by_post_else_name_as_the_minutes_do(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    PUT(f->db, PB_KIND_ACTION, "id", "10", "title", "Bring the health data", "owners", "haider",
        "meeting", "2022-10-12");
    char *md = export_as(f->db, PB_EXPORT_MD);
    char *minutes = minutes_of(f->db);
    char line[512];
    /* Thirkill holds the post of Chair, Siobhán O'Neill that of Governance
     * Officer; Ali Jan Haider holds none. */
    assert_non_null(line_with(md, "**#9**", line, sizeof line));
    assert_non_null(strstr(line, " — Action: Governance Officer, Chair — "));
    assert_non_null(strstr(md, "  - 9 November 2022, Chair: Met the portfolio-holder"));
    assert_non_null(strstr(md, "- Question from Chair: Had Care Leavers"));
    assert_non_null(line_with(md, "**#10**", line, sizeof line));
    assert_non_null(strstr(line, " — Action: Ali Jan Haider — "));
    assert_non_null(strstr(minutes, "Action: Chair (1)"));
    assert_non_null(strstr(minutes, "Action: Ali Jan Haider — "));
    free(md);
    free(minutes);

    /* A new post: the report and the minutes both follow it. */
    PUT(f->db, PB_KIND_MEMBER, "id", "thirkill", "name", "Cllr Thirkill", "kind", "councillor",
        "post", "Vice-Chair");
    md = export_as(f->db, PB_EXPORT_MD);
    minutes = minutes_of(f->db);
    assert_non_null(line_with(md, "**#7**", line, sizeof line));
    assert_non_null(strstr(line, " — Action: Vice-Chair — "));
    assert_non_null(strstr(md, "- Lead: Vice-Chair\n"));
    assert_non_null(strstr(md, "  - 9 November 2022, Vice-Chair: Met the portfolio-holder"));
    assert_non_null(strstr(md, "- Question from Vice-Chair: Had Care Leavers"));
    assert_non_null(strstr(minutes, "Action: Vice-Chair (1)"));
    free(md);
    free(minutes);
}

static void export__md__reports_seats_members_strategies_meetings_and_feedback(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    char *md = export_as(f->db, PB_EXPORT_MD);
    assert_non_null(strstr(md, "## Actions without a theme\n\n- **#8** Advise on co-option "
                               "procedure — Action: All — due 15 December 2022 — in-progress\n"));
    assert_non_null(strstr(md, "- Department for Work and Pensions — proposed — vacant — "
                               "resolved 12 October 2022, Resolved (3)\n"));
    assert_non_null(strstr(md, "- Siobhán O'Neill — Governance Officer — officer\n"));
    assert_non_null(strstr(md, "1. A strong culture of Corporate Parenting\n"
                               "2. Helping children to stay within their families\n"));
    assert_non_null(strstr(md, "### 12 October 2022: Corporate Parenting Panel\n\n"
                               "- Resolved (3): Co-opted membership"));
    assert_non_null(strstr(md, "## You said, we did\n\n- You said (12 October 2022): Young "
                               "people felt listened to but saw no action as a result.\n"
                               "  - We did: nothing yet\n"));
    free(md);
}

static void export__md__escapes_text_that_would_change_the_layout(void **state)
{
    struct testdb *f = *state;
    PUT(f->db, PB_KIND_MEMBER, "id", "a", "name", "# Not a heading", "kind", "officer", "post",
        "*Starred* and_under [link](x) | pipe");
    PUT(f->db, PB_KIND_THEME, "id", "t", "title", "C # sharp", "lead", "a", "thoughts",
        "One.\n- not a list\n1. not a list either");
    char *md = export_as(f->db, PB_EXPORT_MD);
    assert_non_null(strstr(md, "\n### C \\# sharp\n"));
    assert_non_null(strstr(md, "- Lead: \\*Starred\\* and_under \\[link\\](x) \\| pipe\n"));
    assert_non_null(strstr(md, "- \\# Not a heading — "));
    assert_non_null(
        strstr(md, "- Thoughts: One.  \n  \\- not a list  \n  1\\. not a list either\n"));
    free(md);
}

/* ---- the CSV of actions ---- */

/* Parses RFC 4180 text into fields; a record ends at CRLF outside quotes.
 * Returns the number of records; fields[r][c] are allocated. */
static size_t parse_csv(const char *s, char *fields[][8], size_t max_records, size_t *n_fields)
{
    size_t r = 0, c = 0;
    struct pb_buf field = {0};
    while (*s) {
        assert_true(r < max_records && c < 8);
        if (*s == '"') {
            for (s++; !(*s == '"' && s[1] != '"'); s++) {
                assert_true(*s != '\0');
                pb_buf_add(&field, s, 1);
                s += *s == '"';
            }
            s++;
        } else {
            size_t len = strcspn(s, ",\r\n\"");
            pb_buf_add(&field, s, len);
            s += len;
        }
        fields[r][c++] = pb_buf_take(&field);
        if (*s == ',') {
            s++;
        } else {
            /* Every record ends with CRLF, the last one too. */
            assert_true(s[0] == '\r' && s[1] == '\n');
            s += 2;
            n_fields[r++] = c;
            c = 0;
        }
    }
    return r;
}

static void export__csv__quotes_comma_quote_and_newline_and_ends_records_with_crlf(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    PUT(f->db, PB_KIND_ACTION, "id", "10", "title", "Say \"thank you\", then\nfollow up", "owners",
        "thirkill", "ref", "Minute 4, item 2");
    char *csv = export_as(f->db, PB_EXPORT_CSV);
    char *fields[8][8];
    size_t n_fields[8];
    size_t n = parse_csv(csv, fields, 8, n_fields);
    assert_int_equal(n, 5);
    const char *const header[] = {"id",  "title",  "owners",  "theme",
                                  "due", "status", "meeting", "ref"};
    const char *const seven[] = {"7",          "Inform portfolio-holders of the lead Panel Members",
                                 "thirkill",   "housing",
                                 "2022-11-30", "open",
                                 "2022-10-12", "Resolved (1)"};
    const char *const eight[] = {
        "8",           "Advise on co-option procedure", "all", "", "2022-12-15", "in-progress", "",
        "Resolved (4)"};
    const char *const nine[] = {"9",
                                "Circulate the strategies",
                                "gov-officer,thirkill",
                                "housing",
                                "2022-10-01",
                                "done",
                                "",
                                ""};
    const char *const ten[] = {"10",       "Say \"thank you\", then\nfollow up",
                               "thirkill", "",
                               "",         "open",
                               "",         "Minute 4, item 2"};
    const char *const *expected[] = {header, seven, eight, nine, ten};
    for (size_t r = 0; r < n; r++) {
        assert_int_equal(n_fields[r], 8);
        for (size_t c = 0; c < 8; c++) {
            assert_string_equal(fields[r][c], expected[r][c]);
            free(fields[r][c]);
        }
    }
    /* Quotes doubled inside a quoted field, and the line break kept there. */
    assert_non_null(strstr(csv, ",\"Say \"\"thank you\"\", then\nfollow up\","));
    assert_non_null(strstr(csv, ",\"gov-officer,thirkill\","));
    free(csv);
}

/* ---- output failures ---- */

static void export__reports_io_error_when_output_cannot_be_written(void **state)
{
    struct testdb *f = *state;
    build_small_panel(f->db);
    const enum format formats[] = {PB_EXPORT_YAML, PB_EXPORT_MD, PB_EXPORT_CSV};
    for (size_t i = 0; i < 3; i++) {
        FILE *full = fopen("/dev/full", "w");
        if (!full)
            skip();
        struct pb_error err = {0};
        assert_int_equal(write_as(f->db, formats[i], full, &err), PB_ERR_IO);
        assert_non_null(strstr(err.message, "cannot write"));
        fclose(full);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(export__yaml__writes_small_panel_in_file_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(export__yaml__of_empty_panel_is_only_the_version, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(export__yaml__small_panel_round_trips_byte_for_byte, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            export__yaml__quotes_text_that_would_read_back_as_another_type, setup, teardown),
        cmocka_unit_test_setup_teardown(export__yaml__writes_names_in_any_script_as_they_are, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(export__yaml__writes_multi_line_text_as_literal_block,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(export__yaml__example_panel_round_trips_byte_for_byte,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(export__yaml__other_council_round_trips_byte_for_byte,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(export__yaml__thousand_members_round_trip_byte_for_byte,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(export__md__heads_report_with_panel_and_date, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(export__md__lists_themes_in_order_with_lead_by_post, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            export__md__names_owners_authors_and_askers_by_post_else_name_as_the_minutes_do, setup,
            teardown),
        cmocka_unit_test_setup_teardown(export__md__flags_overdue_only_on_open_actions_past_due,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            export__md__reports_seats_members_strategies_meetings_and_feedback, setup, teardown),
        cmocka_unit_test_setup_teardown(export__md__escapes_text_that_would_change_the_layout,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            export__csv__quotes_comma_quote_and_newline_and_ends_records_with_crlf, setup,
            teardown),
        cmocka_unit_test_setup_teardown(export__reports_io_error_when_output_cannot_be_written,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
