/*
 * Importing panel files into a real database, as an officer bulk-loading
 * the panel sees it: what lands, what the summary says, and, for every kind
 * of mistake, the message and the exact line and column it points at.
 * Today is pinned to 1 December 2022.
 */
#include <panelboard/model.h>
#include <panelboard/panelfile.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_SEEN 64

/* What one import run said. */
struct run {
    enum pb_status status;
    struct pb_error err;
    struct pb_error errors[MAX_SEEN];
    size_t n_errors;
    struct pb_import_summary summary;
};

static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    testdb_open(f, "2022-12-01");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

static void seen(const struct pb_error *err, void *ctx)
{
    struct run *r = ctx;
    assert_true(r->n_errors < MAX_SEEN);
    r->errors[r->n_errors++] = *err;
}

static struct run *import_text(struct testdb *f, const char *yaml)
{
    struct run *r = calloc(1, sizeof *r);
    r->status =
        pb_import_buffer(f->db, "panel.yaml", yaml, strlen(yaml), &r->summary, seen, r, &r->err);
    return r;
}

static void import_ok(struct testdb *f, const char *yaml)
{
    struct run *r = import_text(f, yaml);
    if (r->status != PB_OK)
        fail_msg("import failed: %d:%d: %s", r->err.line, r->err.column, r->err.message);
    free(r);
}

static char *write_file(struct testdb *f, const char *name, const char *text)
{
    char *path = pb_xasprintf("%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static struct run *import_files(struct testdb *f, const char *const *paths, size_t n, bool dry_run)
{
    struct run *r = calloc(1, sizeof *r);
    r->status = pb_import_files(f->db, paths, n, dry_run, &r->summary, seen, r, &r->err);
    return r;
}

/* The one error a bad file gives: its place and its message. */
static void assert_only_error(struct run *r, int line, int column, const char *message)
{
    assert_int_equal(r->status, PB_ERR_DATA);
    if (r->n_errors != 1)
        fail_msg("expected one error, got %zu (first: %s)", r->n_errors,
                 r->n_errors ? r->errors[0].message : "none");
    assert_string_equal(r->errors[0].message, message);
    assert_string_equal(r->errors[0].file, "panel.yaml");
    assert_int_equal(r->errors[0].line, line);
    assert_int_equal(r->errors[0].column, column);
    assert_int_equal(r->err.line, line);
    free(r);
}

/* ---- reading back what landed ---- */

struct rows {
    char text[8192];
    size_t n;
};

static void add_value(struct rows *rows, const struct pb_value *v)
{
    size_t len = strlen(rows->text);
    char *at = rows->text + len;
    size_t left = sizeof rows->text - len;
    if (v->state == PB_VALUE_NULL) {
        snprintf(at, left, "~|");
    } else if (v->state == PB_VALUE_TEXT) {
        snprintf(at, left, "%s|", v->text);
    } else if (v->state == PB_VALUE_INT) {
        snprintf(at, left, "%lld|", (long long)v->i);
    } else if (v->state == PB_VALUE_LIST) {
        snprintf(at, left, "[");
        for (size_t i = 0; i < v->n_items; i++) {
            len = strlen(rows->text);
            snprintf(rows->text + len, sizeof rows->text - len, "%s%s", i ? "," : "", v->items[i]);
        }
        len = strlen(rows->text);
        snprintf(rows->text + len, sizeof rows->text - len, "]|");
    }
}

struct each_ctx {
    struct rows *rows;
    size_t n_fields;
};

static enum pb_status collect_row(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct each_ctx *c = ctx;
    for (size_t i = 0; i < c->n_fields; i++)
        add_value(c->rows, &values[i]);
    size_t len = strlen(c->rows->text);
    snprintf(c->rows->text + len, sizeof c->rows->text - len, "\n");
    c->rows->n++;
    return PB_OK;
}

/* Every row of a kind, one a line, fields apart by |, children left out. */
static struct rows rows_of(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                           int64_t parent_id)
{
    struct rows rows = {{0}, 0};
    struct each_ctx c = {&rows, pb_kind_info(kind)->n_fields};
    struct pb_error err = {0};
    assert_int_equal(pb_record_each(db, kind, parent_key, parent_id, collect_row, &c, &err), PB_OK);
    return rows;
}

static bool exists(struct pb_db *db, enum pb_kind kind, const char *key, int64_t id)
{
    bool found = false;
    struct pb_error err = {0};
    assert_int_equal(pb_record_exists(db, kind, key, id, &found, &err), PB_OK);
    return found;
}

/* ---- files that import ---- */

static const char full_panel[] =
    "panelboard: 1\n"
    "panel:\n"
    "  name: Corporate Parenting Panel\n"
    "  authority: City of Bradford Metropolitan District Council\n"
    "members:\n"
    "  - id: thirkill\n"
    "    name: Cllr Thirkill\n"
    "    kind: councillor\n"
    "    joined: 2022-09-08\n"
    "  - id: gov-officer\n"
    "    name: Governance Officer\n"
    "    kind: officer\n"
    "    post: Governance Officer\n"
    "co-options:\n"
    "  - id: dwp\n"
    "    sector: Department for Work and Pensions\n"
    "    status: proposed\n"
    "    resolved: 2022-10-12\n"
    "themes:\n"
    "  - id: housing\n"
    "    title: Housing\n"
    "    lead: thirkill\n"
    "    subgroup: [thirkill, gov-officer]\n"
    "strategies:\n"
    "  - id: cic-care-leavers\n"
    "    title: Children in Care and Care Leavers Strategy\n"
    "    from: 2022-10-01\n"
    "    to: 2023-09-30\n"
    "    priorities:\n"
    "      - A strong culture of Corporate Parenting\n"
    "      - Helping children to stay within their families\n"
    "meetings:\n"
    "  - id: 2022-10-12\n"
    "    date: 2022-10-12\n"
    "    title: Corporate Parenting Panel\n"
    "    decisions:\n"
    "      - ref: \"3\"\n"
    "        text: Co-opted membership to be expanded.\n"
    "    questions:\n"
    "      - by: thirkill\n"
    "        asked: Had Care Leavers Ambassadors been appointed?\n"
    "        answer: Yes; one has since been recruited.\n"
    "actions:\n"
    "  - id: 7\n"
    "    title: Inform portfolio-holders of the lead Panel Members\n"
    "    owners: [gov-officer]\n"
    "    theme: housing\n"
    "    due: 2022-11-30\n"
    "    meeting: 2022-10-12\n"
    "    updates:\n"
    "      - date: 2022-11-09\n"
    "        by: thirkill\n"
    "        text: Met the portfolio-holder for Housing.\n"
    "feedback:\n"
    "  - date: 2022-10-12\n"
    "    theme: housing\n"
    "    said: Young people felt listened to but saw no action as a result.\n"
    "    action: 7\n";

static void import__adds_every_kind_of_row__and_counts_them(void **state)
{
    struct testdb *f = *state;
    struct run *r = import_text(f, full_panel);
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->n_errors, 0);
    const struct pb_import_count *k = r->summary.kinds;
    assert_int_equal(k[PB_KIND_PANEL].added, 1);
    assert_int_equal(k[PB_KIND_MEMBER].added, 2);
    assert_int_equal(k[PB_KIND_CO_OPTION].added, 1);
    assert_int_equal(k[PB_KIND_THEME].added, 1);
    assert_int_equal(k[PB_KIND_STRATEGY].added, 1);
    assert_int_equal(k[PB_KIND_MEETING].added, 1);
    assert_int_equal(k[PB_KIND_DECISION].added, 1);
    assert_int_equal(k[PB_KIND_QUESTION].added, 1);
    assert_int_equal(k[PB_KIND_ACTION].added, 1);
    assert_int_equal(k[PB_KIND_UPDATE].added, 1);
    assert_int_equal(k[PB_KIND_FEEDBACK].added, 1);
    free(r);

    assert_string_equal(rows_of(f->db, PB_KIND_THEME, NULL, 0).text,
                        "housing|Housing|thirkill|~|~|[thirkill,gov-officer]|\n");
    assert_string_equal(rows_of(f->db, PB_KIND_STRATEGY, NULL, 0).text,
                        "cic-care-leavers|Children in Care and Care Leavers Strategy|~|"
                        "2022-10-01|2023-09-30|[A strong culture of Corporate Parenting,"
                        "Helping children to stay within their families]|\n");
    assert_string_equal(rows_of(f->db, PB_KIND_DECISION, "2022-10-12", 0).text,
                        "3|Co-opted membership to be expanded.|\n");
    assert_string_equal(rows_of(f->db, PB_KIND_UPDATE, NULL, 7).text,
                        "2022-11-09|thirkill|Met the portfolio-holder for Housing.|\n");
    assert_string_equal(rows_of(f->db, PB_KIND_FEEDBACK, NULL, 0).text,
                        "1|2022-10-12|housing|Young people felt listened to but saw no action "
                        "as a result.|~|7|heard|~|~|\n");
}

static void import__again__reports_all_unchanged_and_adds_no_history(void **state)
{
    struct testdb *f = *state;
    import_ok(f, full_panel);
    assert_int_equal(testdb_history_entries(f->db), 1);
    /* the feedback item has no id, so a second import would add it again */
    const char *end = strstr(full_panel, "feedback:\n");
    char *again = pb_xstrndup(full_panel, (size_t)(end - full_panel));
    struct run *r = import_text(f, again);
    assert_int_equal(r->status, PB_OK);
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        assert_int_equal(r->summary.kinds[k].added, 0);
        assert_int_equal(r->summary.kinds[k].updated, 0);
    }
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].unchanged, 2);
    assert_int_equal(r->summary.kinds[PB_KIND_DECISION].unchanged, 1);
    assert_int_equal(r->summary.kinds[PB_KIND_UPDATE].unchanged, 1);
    assert_int_equal(testdb_history_entries(f->db), 1);
    free(r);
    free(again);
}

/* 100 members and 40 strategies with priorities: more than the model puts
 * in one statement, so its many-rows path is taken, and left again. */
static char *many_rows(const char *changed_name, bool extra_member)
{
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n");
    for (int i = 0; i < 100; i++)
        pb_buf_addf(&yaml, "  - {id: m%d, name: %s, kind: officer}\n", i,
                    i == 50 && changed_name ? changed_name : "A Member");
    if (extra_member)
        pb_buf_puts(&yaml, "  - {id: m100, name: A Member, kind: officer}\n");
    pb_buf_puts(&yaml, "strategies:\n");
    for (int i = 0; i < 40; i++)
        pb_buf_addf(&yaml, "  - {id: s%d, title: Strategy, priorities: [p%d, q%d]}\n", i, i, i);
    return pb_buf_take(&yaml);
}

static void import__many_rows_land_in_file_order__and_merge_on_the_next_import(void **state)
{
    struct testdb *f = *state;
    char *yaml = many_rows(NULL, false);
    struct run *r = import_text(f, yaml);
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].added, 100);
    assert_int_equal(r->summary.kinds[PB_KIND_STRATEGY].added, 40);
    free(r);
    free(yaml);
    struct rows members = rows_of(f->db, PB_KIND_MEMBER, NULL, 0);
    assert_int_equal(members.n, 100);
    assert_true(strncmp(members.text, "m0|A Member|officer|", 20) == 0);
    assert_non_null(strstr(members.text, "\nm99|A Member|officer|"));
    struct rows strategies = rows_of(f->db, PB_KIND_STRATEGY, NULL, 0);
    assert_int_equal(strategies.n, 40);
    assert_non_null(strstr(strategies.text, "\ns39|Strategy|~|~|~|[p39,q39]|\n"));
    assert_int_equal(testdb_history_entries(f->db), 1);

    yaml = many_rows("Renamed", true);
    r = import_text(f, yaml);
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].added, 1);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].updated, 1);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].unchanged, 99);
    assert_int_equal(r->summary.kinds[PB_KIND_STRATEGY].unchanged, 40);
    free(r);
    free(yaml);
    assert_non_null(strstr(rows_of(f->db, PB_KIND_MEMBER, NULL, 0).text, "\nm50|Renamed|"));
    assert_int_equal(testdb_history_entries(f->db), 2);
}

#define ROWS_ADDED                                                                                 \
    "SELECT (SELECT count(*) FROM members) + (SELECT count(*) FROM actions) + (SELECT count(*)"   \
    " FROM action_owners) + (SELECT count(*) FROM updates) + (SELECT count(*) FROM feedback)"

/* The rows an import adds are recorded at once at its end (bulk.c): the
 * history must still hold each once, as the triggers would, so that undo
 * takes every one back and redo puts them all again. */
static void import__records_each_row_it_adds_once__and_undo_takes_them_all_back(void **state)
{
    struct testdb *f = *state;
    import_ok(f, full_panel);
    int64_t rows = testdb_count(f->path, ROWS_ADDED);
    assert_int_equal(rows, 6); /* two members, an action, its owner and update, feedback */
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM change_rows WHERE tbl IN ('members',"
                                 " 'actions', 'action_owners', 'updates', 'feedback')"),
                     rows);
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM (SELECT tbl, row_id FROM change_rows"
                                 " GROUP BY tbl, row_id HAVING count(*) > 1)"),
                     0);
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM bulk_marks"), 0);
    /* each image is the row as it stands */
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM actions a JOIN change_rows r"
                                 " ON r.tbl = 'actions' AND r.row_id = a.rowid"
                                 " WHERE json_extract(r.after, '$.title') IS NOT a.title"
                                 " OR json_extract(r.after, '$.due') IS NOT a.due"),
                     0);
    int64_t undo = 0, redo = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_change_undo(f->db, 1, &undo, &err), PB_OK);
    assert_int_equal(testdb_count(f->path, ROWS_ADDED), 0);
    assert_int_equal(pb_change_undo(f->db, undo, &redo, &err), PB_OK);
    assert_int_equal(testdb_count(f->path, ROWS_ADDED), rows);
}

/* A file of more actions than the panel holds builds the actions' indexes
 * once at the end (pb_bulk_expect_actions): they must all be there after,
 * as they were, and the pages must read through them. */
static void import__of_many_actions_leaves_every_index_as_it_was(void **state)
{
    struct testdb *f = *state;
    const char *indexes = "SELECT count(*) FROM sqlite_schema WHERE type = 'index'";
    int64_t before = testdb_count(f->path, indexes);
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n  - {id: knox, name: Cllr Knox, kind: "
                       "councillor}\nactions:\n");
    for (int i = 1; i <= PB_BULK_MIN_ROWS + 1; i++)
        pb_buf_addf(&yaml, "  - {id: %d, title: Visit %d, owners: [knox], due: 2023-%02d-01}\n",
                    i, i, i % 12 + 1);
    import_ok(f, yaml.data);
    pb_buf_free(&yaml);
    assert_int_equal(testdb_count(f->path, indexes), before);
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM actions INDEXED BY actions_live_by_due"
                                 " WHERE status IN ('open', 'in-progress') AND due < '2023-02-01'"),
                     (PB_BULK_MIN_ROWS + 1) / 12);
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM change_rows WHERE tbl = 'actions'"),
                     PB_BULK_MIN_ROWS + 1);
    /* the tables derived from the actions, rebuilt at once, are as the
     * triggers would have kept them */
    assert_int_equal(testdb_count(f->path, "SELECT count(*) FROM queue_owned WHERE member = 'knox'"),
                     PB_BULK_MIN_ROWS + 1);
    assert_int_equal(testdb_count(f->path, "SELECT sum(n) FROM action_counts WHERE owner = 'knox'"),
                     PB_BULK_MIN_ROWS + 1);
    struct pb_buf report = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_db_check(f->db, &report, &err), PB_OK);
    assert_int_equal(report.len, 0);
    pb_buf_free(&report);
}

static void import__tilde_clears_a_field__and_a_missing_key_keeps_it(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - {id: smith, name: Claire Smith, kind: partner, post: Youth Justice lead,\n"
                 "     email: claire@example.org}\n");
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "members:\n"
                                   "  - id: smith\n"
                                   "    name: Claire Smith\n"
                                   "    kind: partner\n"
                                   "    email: ~\n");
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].updated, 1);
    free(r);
    assert_string_equal(rows_of(f->db, PB_KIND_MEMBER, NULL, 0).text,
                        "smith|Claire Smith|partner|Youth Justice lead|0|~|~|~|~|~|~|\n");
}

static void import__empty_and_null_values_are_not_set__quoted_tilde_is_text(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - id: a\n"
                 "    name: \"~\"\n"
                 "    kind: adviser\n"
                 "    post:\n"
                 "    email: null\n"
                 "    phone: '  '\n"
                 "    notes: \"  Two lines\\n  kept  \"\n");
    assert_string_equal(rows_of(f->db, PB_KIND_MEMBER, NULL, 0).text,
                        "a|~|adviser|~|0|~|~|~|~|~|Two lines\n  kept|\n");
}

static void import__reads_numbers_as_text_exactly_as_written(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - id: 2022\n"
                 "    name: 1.10\n"
                 "    kind: officer\n"
                 "    phone: 07949489308\n"
                 "meetings:\n"
                 "  - id: m\n"
                 "    date: 2022-10-12\n"
                 "    decisions:\n"
                 "      - {ref: 2.10, text: 0x1F}\n");
    assert_string_equal(rows_of(f->db, PB_KIND_MEMBER, NULL, 0).text,
                        "2022|1.10|officer|~|0|~|~|07949489308|~|~|~|\n");
    assert_string_equal(rows_of(f->db, PB_KIND_DECISION, "m", 0).text, "2.10|0x1F|\n");
}

static const char two_members[] = "panelboard: 1\n"
                                  "members:\n"
                                  "  - {id: chair, name: Chair, kind: councillor}\n"
                                  "  - {id: gov, name: Governance Officer, kind: officer}\n";

static void import__owners_all_means_everyone(void **state)
{
    struct testdb *f = *state;
    import_ok(f, two_members);
    import_ok(f, "panelboard: 1\n"
                 "actions:\n"
                 "  - {id: 1, title: Read the pledge, owners: all}\n"
                 "  - {id: 2, title: Read the strategy, owners: [all]}\n"
                 "  - {id: 3, title: Book the room, owners: [gov, chair]}\n"
                 "  - {id: 4, title: Advise on procedure, owners: [all, gov]}\n");
    /* all first, then the members the minutes name ("All, Governance Officer") */
    assert_string_equal(rows_of(f->db, PB_KIND_ACTION, NULL, 0).text,
                        "1|Read the pledge|[all]|~|~|open|~|~|~|\n"
                        "2|Read the strategy|[all]|~|~|open|~|~|~|\n"
                        "3|Book the room|[gov,chair]|~|~|open|~|~|~|\n"
                        "4|Advise on procedure|[all,gov]|~|~|open|~|~|~|\n");
}

static void import__keeps_action_ids_given__and_gives_new_ids_to_the_rest(void **state)
{
    struct testdb *f = *state;
    import_ok(f, two_members);
    import_ok(f, "panelboard: 1\n"
                 "actions:\n"
                 "  - {id: 40, title: Given forty, owners: [gov]}\n"
                 "  - {title: No id, owners: [gov]}\n"
                 "  - {id: ~, title: Null id, owners: [gov]}\n");
    assert_true(exists(f->db, PB_KIND_ACTION, NULL, 40));
    assert_true(exists(f->db, PB_KIND_ACTION, NULL, 41));
    assert_true(exists(f->db, PB_KIND_ACTION, NULL, 42));
    assert_int_equal(rows_of(f->db, PB_KIND_ACTION, NULL, 0).n, 3);
    /* naming 40 again updates it instead of adding one */
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "actions:\n"
                                   "  - {id: 40, title: Given forty, owners: [gov], "
                                   "status: done}\n");
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->summary.kinds[PB_KIND_ACTION].updated, 1);
    assert_int_equal(rows_of(f->db, PB_KIND_ACTION, NULL, 0).n, 3);
    free(r);
}

static void import__lets_a_row_name_one_given_later_or_in_another_file(void **state)
{
    struct testdb *f = *state;
    char *themes = write_file(f, "themes.yaml",
                              "panelboard: 1\n"
                              "themes:\n"
                              "  - {id: health, title: Health, lead: chen}\n");
    char *members = write_file(f, "members.yaml",
                               "panelboard: 1\n"
                               "members:\n"
                               "  - {id: chen, name: Dr Chen, kind: partner}\n");
    const char *paths[] = {themes, members};
    struct run *r = import_files(f, paths, 2, false);
    assert_int_equal(r->status, PB_OK);
    assert_string_equal(rows_of(f->db, PB_KIND_THEME, NULL, 0).text,
                        "health|Health|chen|~|~|[]|\n");
    free(r);
    free(themes);
    free(members);
}

static void import__dry_run__reports_the_summary_and_writes_nothing(void **state)
{
    struct testdb *f = *state;
    char *path = write_file(f, "panel.yaml", full_panel);
    const char *paths[] = {path};
    struct run *r = import_files(f, paths, 1, true);
    assert_int_equal(r->status, PB_OK);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].added, 2);
    assert_int_equal(r->summary.kinds[PB_KIND_UPDATE].added, 1);
    assert_false(exists(f->db, PB_KIND_MEMBER, "thirkill", 0));
    assert_int_equal(testdb_history_entries(f->db), 0);
    free(r);
    free(path);
}

/* Rows of the planner's statistics for table, read by a second connection. */
static int stat_rows(struct testdb *f, const char *table)
{
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = ?1", -1, &st,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    } else {
        n = 0; /* no statistics table at all */
    }
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return n;
}

static void import__leaves_the_planner_statistics__a_dry_run_does_not(void **state)
{
    struct testdb *f = *state;
    char *path = write_file(f, "panel.yaml", full_panel);
    const char *paths[] = {path};
    free(import_files(f, paths, 1, true));
    assert_int_equal(stat_rows(f, "actions"), 0);
    struct run *r = import_files(f, paths, 1, false);
    assert_int_equal(r->status, PB_OK);
    assert_true(stat_rows(f, "actions") > 0);
    free(r);
    free(path);
}

static void import__the_example_of_another_council_imports_cleanly(void **state)
{
    struct testdb *f = *state;
    const char *root = getenv("PB_SOURCE_ROOT");
    if (!root)
        skip();
    char *path = pb_xasprintf("%s/tests/data/other-council.yaml", root);
    const char *paths[] = {path};
    struct run *r = import_files(f, paths, 1, false);
    if (r->status != PB_OK)
        fail_msg("%d:%d: %s", r->err.line, r->err.column, r->err.message);
    assert_int_equal(r->summary.kinds[PB_KIND_MEMBER].added, 13);
    assert_int_equal(r->summary.kinds[PB_KIND_ACTION].added, 8);
    free(r);
    r = import_files(f, paths, 1, false);
    assert_int_equal(r->status, PB_OK);
    for (int k = 0; k < PB_KIND_COUNT; k++)
        assert_int_equal(r->summary.kinds[k].added + r->summary.kinds[k].updated, 0);
    free(r);
    free(path);
}

/* ---- files that do not import: one error each, exactly placed ---- */

static void import__rejects_unknown_key__with_suggestion(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: thirkill\n"
                                        "    name: Cllr Thirkill\n"
                                        "    kind: councillor\n"
                                        "    organization: Bradford Council\n");
    assert_only_error(r, 6, 5, "unknown key 'organization', did you mean 'organisation'?");
}

static void import__rejects_unknown_top_level_key__with_suggestion(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "memebers:\n"
                                        "  - {id: a, name: A, kind: officer}\n");
    assert_only_error(r, 2, 1, "unknown key 'memebers', did you mean 'members'?");
}

static void import__rejects_missing_required_field__at_the_record(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: thirkill\n"
                                        "    kind: councillor\n");
    assert_only_error(r, 3, 5, "member is missing required field 'name'");
}

static void import__rejects_a_date_that_does_not_exist(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: thirkill\n"
                                        "    name: Cllr Thirkill\n"
                                        "    kind: councillor\n"
                                        "    joined: 2023-02-29\n");
    assert_only_error(r, 6, 13, "'joined': there is no date 2023-02-29");
}

static void import__rejects_a_date_in_another_form(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "meetings:\n"
                                        "  - {id: oct, date: 12/10/2022}\n");
    assert_only_error(r, 3, 21, "'date' must be a date written YYYY-MM-DD, not '12/10/2022'");
}

static void import__rejects_yes_for_voting(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: thirkill\n"
                                        "    name: Cllr Thirkill\n"
                                        "    kind: councillor\n"
                                        "    voting: yes\n");
    assert_only_error(r, 6, 13, "'voting' must be true or false, not 'yes'");
}

static void import__rejects_an_id_with_capital_letters(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: Thirkill\n"
                                        "    name: Cllr Thirkill\n"
                                        "    kind: councillor\n");
    assert_only_error(r, 3, 9,
                      "'Thirkill' is not a valid id: 1 to 64 of a-z 0-9 - _ . starting with a "
                      "letter or digit");
}

static void import__rejects_an_unknown_member_kind__with_suggestion(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - {id: a, name: A, kind: councilor}\n");
    assert_only_error(r, 3, 28, "unknown kind 'councilor', did you mean 'councillor'?");
}

static void import__rejects_a_name_over_200_characters(void **state)
{
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n  - id: a\n    kind: officer\n    name: ");
    for (int i = 0; i < 201; i++)
        pb_buf_puts(&yaml, "é"); /* 201 characters, 402 bytes */
    pb_buf_puts(&yaml, "\n");
    struct run *r = import_text(*state, yaml.data);
    pb_buf_free(&yaml);
    assert_only_error(r, 5, 11, "'name' is too long: 201 characters, at most 200");
}

static void import__accepts_a_name_of_200_characters_in_any_script(void **state)
{
    struct testdb *f = *state;
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n  - id: a\n    kind: officer\n    name: ");
    for (int i = 0; i < 200; i++)
        pb_buf_puts(&yaml, "陳");
    pb_buf_puts(&yaml, "\n");
    import_ok(f, yaml.data);
    pb_buf_free(&yaml);
    assert_true(exists(f->db, PB_KIND_MEMBER, "a", 0));
}

static void import__rejects_a_text_over_4000_characters(void **state)
{
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nfeedback:\n  - said: |\n");
    for (int i = 0; i < 40; i++) {
        pb_buf_puts(&yaml, "      ");
        for (int k = 0; k < 99; k++)
            pb_buf_puts(&yaml, "x");
        pb_buf_puts(&yaml, "\n"); /* 40 lines of 99 characters and a newline */
    }
    pb_buf_puts(&yaml, "      y\n");
    struct run *r = import_text(*state, yaml.data);
    pb_buf_free(&yaml);
    assert_only_error(r, 3, 11, "'said' is too long: 4001 characters, at most 4000");
}

static void import__rejects_a_newline_in_a_name(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: a\n"
                                        "    kind: officer\n"
                                        "    name: |\n"
                                        "      Two\n"
                                        "      lines\n");
    assert_only_error(r, 5, 11, "newline not allowed in 'name'");
}

static void import__rejects_action_ids_that_are_not_positive_whole_numbers(void **state)
{
    struct testdb *f = *state;
    import_ok(f, two_members);
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "actions:\n"
                                   "  - {id: 0, title: Zero, owners: [gov]}\n"
                                   "  - {id: '7', title: Quoted, owners: [gov]}\n"
                                   "  - {id: 99999999999999999999, title: Huge, owners: [gov]}\n"
                                   "  - {id: 1000000000, title: Past the numbers said aloud, "
                                   "owners: [gov]}\n");
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 4);
    assert_string_equal(r->errors[0].message,
                        "'id' must be a whole number from 1 to 999999999, not '0'");
    assert_int_equal(r->errors[1].line, 4);
    assert_int_equal(r->errors[2].column, 10);
    assert_string_equal(r->errors[2].message,
                        "'id' must be a whole number from 1 to 999999999, not '99999999999999999999'");
    assert_int_equal(r->errors[3].line, 6);
    free(r);
}

static void import__rejects_a_member_called_all(void **state)
{
    struct testdb *f = *state;
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "members:\n"
                                   "  - {id: all, name: Everyone, kind: officer}\n");
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 1);
    assert_int_equal(r->errors[0].line, 3);
    assert_int_equal(r->errors[0].column, 10);
    assert_string_equal(r->errors[0].message,
                        "'all' cannot be a member's id: in owners it means every member");
    free(r);
}

static void import__rejects_an_unknown_reference__with_suggestion(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - {id: thirkill, name: Cllr Thirkill, kind: councillor}\n");
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "members:\n"
                                   "  - {id: hussain, name: Cllr Hussain, kind: councillor}\n"
                                   "themes:\n"
                                   "  - id: housing\n"
                                   "    title: Housing\n"
                                   "    subgroup: [hussain, thirkil]\n");
    assert_only_error(r, 7, 25, "unknown member 'thirkil', did you mean 'thirkill'?");
}

static void import__rejects_an_unknown_action_number(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "feedback:\n"
                                        "  - said: Nobody rang back.\n"
                                        "    action: 99\n");
    assert_only_error(r, 4, 13, "unknown action 99");
}

static void import__rejects_the_same_id_twice__at_the_second(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - {id: a, name: A, kind: officer}\n"
                                        "  - {id: b, name: B, kind: officer}\n"
                                        "  - {id: a, name: A again, kind: officer}\n");
    assert_only_error(r, 5, 10, "duplicate member id 'a': already given at line 3");
}

static void import__rejects_the_same_decision_twice_in_a_meeting(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "meetings:\n"
                                        "  - id: oct\n"
                                        "    date: 2022-10-12\n"
                                        "    decisions:\n"
                                        "      - {ref: '3', text: One thing.}\n"
                                        "      - {ref: '3', text: Another thing.}\n");
    assert_only_error(r, 7, 9,
                      "duplicate decision: one with the same ref is already given at line 6");
}

static void import__rejects_a_strategy_that_is_its_own_ancestor(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "strategies:\n"
                                        "  - {id: a, title: A, parent: c}\n"
                                        "  - {id: b, title: B, parent: a}\n"
                                        "  - {id: c, title: C, parent: b}\n"
                                        "  - {id: d, title: D, parent: c}\n");
    assert_only_error(r, 3, 31,
                      "strategy 'a' is its own ancestor through 'parent': a -> c -> b -> a");
}

static void import__rejects_a_cycle_closed_through_the_database(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "strategies:\n"
                 "  - {id: top, title: Top}\n"
                 "  - {id: sub, title: Sub, parent: top}\n");
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "strategies:\n"
                                   "  - id: top\n"
                                   "    title: Top\n"
                                   "    parent: sub\n");
    assert_only_error(r, 5, 13,
                      "strategy 'top' is its own ancestor through 'parent': top -> sub -> top");
}

static void import__rejects_a_strategy_that_is_its_own_parent(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "strategies:\n"
                                        "  - {id: a, title: A, parent: a}\n");
    assert_only_error(r, 3, 31, "strategy 'a' cannot be its own parent");
}

static void import__rejects_left_before_joined(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - id: a\n"
                                        "    name: A\n"
                                        "    kind: officer\n"
                                        "    joined: 2022-05-19\n"
                                        "    left: 2021-05-13\n");
    assert_only_error(r, 7, 11, "'left' 2021-05-13 is before 'joined' 2022-05-19");
}

static void import__rejects_left_before_the_joined_date_in_the_database(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - {id: a, name: A, kind: officer, joined: 2022-05-19}\n");
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "members:\n"
                                   "  - {id: a, name: A, kind: officer, left: 2021-05-13}\n");
    assert_only_error(r, 3, 43, "'left' 2021-05-13 is before 'joined' 2022-05-19");
}

static void import__rejects_to_before_from(void **state)
{
    struct run *r =
        import_text(*state, "panelboard: 1\n"
                            "strategies:\n"
                            "  - {id: s, title: S, from: 2023-04-01, to: 2023-03-31}\n");
    assert_only_error(r, 3, 45, "'to' 2023-03-31 is before 'from' 2023-04-01");
}

static void import__rejects_a_theme_lead_who_has_left(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - {id: gone, name: Gone, kind: councillor, "
                                        "left: 2022-11-30}\n"
                                        "  - {id: going, name: Going, kind: councillor, "
                                        "left: 2022-12-01}\n"
                                        "themes:\n"
                                        "  - {id: housing, title: Housing, lead: gone}\n"
                                        "  - {id: health, title: Health, lead: going}\n");
    assert_only_error(r, 6, 41, "member 'gone' left on 2022-11-30 and cannot lead a theme");
}

static void import__rejects_leaving_while_leading_a_theme_in_the_database(void **state)
{
    struct testdb *f = *state;
    import_ok(f, "panelboard: 1\n"
                 "members:\n"
                 "  - {id: chen, name: Dr Chen, kind: partner}\n"
                 "themes:\n"
                 "  - {id: health, title: Health, lead: chen}\n");
    struct run *r = import_text(f, "panelboard: 1\n"
                                   "members:\n"
                                   "  - id: chen\n"
                                   "    name: Dr Chen\n"
                                   "    kind: partner\n"
                                   "    left: 2022-06-30\n");
    assert_only_error(r, 6, 11,
                      "member 'chen' leads theme 'health' and cannot have left on 2022-06-30");
}

static void import__rejects_other_format_versions(void **state)
{
    struct testdb *f = *state;
    assert_only_error(import_text(f, "panelboard: 2\nmembers: []\n"), 1, 13,
                      "unsupported panel file version '2': this program reads version 1");
    assert_only_error(import_text(f, "panelboard: \"1\"\n"), 1, 13,
                      "'panelboard' must be the number 1, without quotes");
    assert_only_error(import_text(f, "members: []\n"), 1, 1,
                      "not a panel file: 'panelboard: 1' is missing");
}

static void import__rejects_values_of_the_wrong_type(void **state)
{
    struct testdb *f = *state;
    assert_only_error(import_text(f, "panelboard: 1\n"
                                     "members:\n"
                                     "  id: a\n"),
                      3, 3, "expected a list of members");
    assert_only_error(import_text(f, "panelboard: 1\n"
                                     "members:\n"
                                     "  - a\n"),
                      3, 5, "expected a mapping: the fields of one member");
    assert_only_error(import_text(f, "panelboard: 1\n"
                                     "members:\n"
                                     "  - {id: a, name: [A, B], kind: officer}\n"),
                      3, 19, "expected one value for 'name', not a list");
    assert_only_error(import_text(f, "- panelboard: 1\n"), 1, 1,
                      "expected a mapping at the top of the file, starting with 'panelboard: 1'");
}

static void import__rejects_owners_all_after_member_ids(void **state)
{
    struct testdb *f = *state;
    import_ok(f, two_members);
    assert_only_error(import_text(f, "panelboard: 1\n"
                                     "actions:\n"
                                     "  - {title: T, owners: [gov, all]}\n"),
                      3, 30, "'all' can only stand first in 'owners'");
}

/* ---- all or nothing, and how many errors ---- */

static void import__writes_nothing_when_the_second_file_has_an_error(void **state)
{
    struct testdb *f = *state;
    char *good = write_file(f, "good.yaml", two_members);
    char *bad = write_file(f, "bad.yaml",
                           "panelboard: 1\n"
                           "members:\n"
                           "  - {id: c, name: C, kind: officr}\n");
    const char *paths[] = {good, bad};
    struct run *r = import_files(f, paths, 2, false);
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 1);
    assert_string_equal(r->errors[0].file, bad);
    assert_string_equal(r->errors[0].message, "unknown kind 'officr', did you mean 'officer'?");
    assert_int_equal(rows_of(f->db, PB_KIND_MEMBER, NULL, 0).n, 0);
    assert_false(exists(f->db, PB_KIND_MEMBER, "chair", 0));
    assert_int_equal(testdb_history_entries(f->db), 0);
    free(r);
    free(good);
    free(bad);
}

static void import__rejects_the_panel_given_in_two_files(void **state)
{
    struct testdb *f = *state;
    char *one = write_file(f, "one.yaml", "panelboard: 1\npanel:\n  name: One\n");
    char *two = write_file(f, "two.yaml", "panelboard: 1\npanel: {name: Two}\n");
    const char *paths[] = {one, two};
    struct run *r = import_files(f, paths, 2, false);
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 1);
    assert_string_equal(r->errors[0].file, two);
    assert_int_equal(r->errors[0].line, 2);
    assert_int_equal(r->errors[0].column, 8);
    char *expected = pb_xasprintf("'panel' is already given at %s:3", one);
    assert_string_equal(r->errors[0].message, expected);
    free(expected);
    free(r);
    free(one);
    free(two);
}

static void import__reports_problems_in_every_file_in_one_run(void **state)
{
    struct testdb *f = *state;
    char *broken = write_file(f, "broken.yaml", "panelboard: 1\nmembers: [\n");
    char *bad = write_file(f, "bad.yaml",
                           "panelboard: 1\n"
                           "members:\n"
                           "  - {id: c, name: C, kind: officer, voting: no}\n");
    const char *paths[] = {broken, bad};
    struct run *r = import_files(f, paths, 2, false);
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 2);
    assert_string_equal(r->errors[0].file, broken);
    assert_string_equal(r->errors[1].file, bad);
    assert_string_equal(r->errors[1].message, "'voting' must be true or false, not 'no'");
    assert_int_equal(r->errors[1].line, 3);
    assert_memory_equal(&r->err, &r->errors[0], sizeof r->err);
    free(r);
    free(broken);
    free(bad);
}

static void import__reports_every_kind_of_problem_of_a_file_in_file_order(void **state)
{
    struct run *r = import_text(*state, "panelboard: 1\n"
                                        "members:\n"
                                        "  - {id: a, name: A, kind: officer, joined: 2022-05-19, "
                                        "left: 2021-05-13}\n"
                                        "  - {id: b, name: B, kind: officer, voting: yes}\n");
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, 2);
    assert_string_equal(r->errors[0].message, "'left' 2021-05-13 is before 'joined' 2022-05-19");
    assert_int_equal(r->errors[0].line, 3);
    assert_string_equal(r->errors[1].message, "'voting' must be true or false, not 'yes'");
    assert_int_equal(r->errors[1].line, 4);
    free(r);
}

static void import__stops_at_50_errors(void **state)
{
    struct pb_buf yaml = {0};
    pb_buf_puts(&yaml, "panelboard: 1\nmembers:\n");
    for (int i = 0; i < 60; i++)
        pb_buf_addf(&yaml, "  - {id: m%d, name: M, kind: officer, voting: maybe}\n", i);
    struct run *r = import_text(*state, yaml.data);
    pb_buf_free(&yaml);
    assert_int_equal(r->status, PB_ERR_DATA);
    assert_int_equal(r->n_errors, PB_IMPORT_MAX_ERRORS);
    for (size_t i = 0; i < r->n_errors; i++)
        assert_int_equal(r->errors[i].line, (int)i + 3); /* in file order */
    free(r);
}

static void import__refuses_a_file_that_cannot_be_read(void **state)
{
    struct testdb *f = *state;
    char *missing = pb_xasprintf("%s/missing.yaml", f->dir);
    const char *paths[] = {missing};
    struct run *r = import_files(f, paths, 1, false);
    assert_int_equal(r->status, PB_ERR_NO_INPUT);
    assert_int_equal(r->n_errors, 0);
    free(r);
    free(missing);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(import__adds_every_kind_of_row__and_counts_them),
        T(import__again__reports_all_unchanged_and_adds_no_history),
        T(import__many_rows_land_in_file_order__and_merge_on_the_next_import),
        T(import__records_each_row_it_adds_once__and_undo_takes_them_all_back),
        T(import__of_many_actions_leaves_every_index_as_it_was),
        T(import__tilde_clears_a_field__and_a_missing_key_keeps_it),
        T(import__empty_and_null_values_are_not_set__quoted_tilde_is_text),
        T(import__reads_numbers_as_text_exactly_as_written),
        T(import__owners_all_means_everyone),
        T(import__keeps_action_ids_given__and_gives_new_ids_to_the_rest),
        T(import__lets_a_row_name_one_given_later_or_in_another_file),
        T(import__dry_run__reports_the_summary_and_writes_nothing),
        T(import__leaves_the_planner_statistics__a_dry_run_does_not),
        T(import__the_example_of_another_council_imports_cleanly),
        T(import__rejects_unknown_key__with_suggestion),
        T(import__rejects_unknown_top_level_key__with_suggestion),
        T(import__rejects_missing_required_field__at_the_record),
        T(import__rejects_a_date_that_does_not_exist),
        T(import__rejects_a_date_in_another_form),
        T(import__rejects_yes_for_voting),
        T(import__rejects_an_id_with_capital_letters),
        T(import__rejects_an_unknown_member_kind__with_suggestion),
        T(import__rejects_a_name_over_200_characters),
        T(import__accepts_a_name_of_200_characters_in_any_script),
        T(import__rejects_a_text_over_4000_characters),
        T(import__rejects_a_newline_in_a_name),
        T(import__rejects_action_ids_that_are_not_positive_whole_numbers),
        T(import__rejects_a_member_called_all),
        T(import__rejects_an_unknown_reference__with_suggestion),
        T(import__rejects_an_unknown_action_number),
        T(import__rejects_the_same_id_twice__at_the_second),
        T(import__rejects_the_same_decision_twice_in_a_meeting),
        T(import__rejects_a_strategy_that_is_its_own_ancestor),
        T(import__rejects_a_cycle_closed_through_the_database),
        T(import__rejects_a_strategy_that_is_its_own_parent),
        T(import__rejects_left_before_joined),
        T(import__rejects_left_before_the_joined_date_in_the_database),
        T(import__rejects_to_before_from),
        T(import__rejects_a_theme_lead_who_has_left),
        T(import__rejects_leaving_while_leading_a_theme_in_the_database),
        T(import__rejects_other_format_versions),
        T(import__rejects_values_of_the_wrong_type),
        T(import__rejects_owners_all_after_member_ids),
        T(import__writes_nothing_when_the_second_file_has_an_error),
        T(import__rejects_the_panel_given_in_two_files),
        T(import__reports_problems_in_every_file_in_one_run),
        T(import__reports_every_kind_of_problem_of_a_file_in_file_order),
        T(import__stops_at_50_errors),
        T(import__refuses_a_file_that_cannot_be_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
