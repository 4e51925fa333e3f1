/*
 * The model's edits (edit.h) on real database files: typed edits with the
 * revision the caller read, drop and its undo, the themes' order, and undo
 * and redo of "my latest change" found by who.
 */
#include <panelboard/action.h>
#include <panelboard/edit.h>
#include <panelboard/panelfile.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static const char panel[] =
    "panelboard: 1\n"
    "members:\n"
    "  - {id: chair, name: Chair of the Panel, kind: councillor}\n"
    "  - {id: thirkill, name: Cllr Thirkill, kind: councillor}\n"
    "  - {id: knox, name: Cllr Knox, kind: councillor}\n"
    "themes:\n"
    "  - {id: housing, title: Housing, lead: thirkill}\n"
    "  - {id: health, title: Health}\n"
    "  - {id: education, title: Education}\n"
    "actions:\n"
    "  - {id: 1, title: Write to DWP, owners: [thirkill], theme: housing}\n"
    "  - {id: 2, title: Visit the hostel, owners: [knox]}\n";

static int setup(void **state)
{
    struct testdb *t = calloc(1, sizeof *t);
    testdb_open(t, "2022-12-01");
    testdb_import_text(t->db, "panel.yaml", panel);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

static struct pb_action *get(struct pb_db *db, int64_t id)
{
    struct pb_action *a = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_action_get(db, id, &a, &err), PB_OK);
    return a;
}

static void action_edit__replaces_title_owners_and_due__as_one_change(void **state)
{
    struct testdb *t = *state;
    struct pb_action *before = get(t->db, 1);
    size_t changes = testdb_history_entries(t->db);
    const char *owners[] = {"knox", "chair"};
    struct pb_action_edit e = {.title = "  Write to the DWP  ", .set_owners = true,
                               .owners = owners, .n_owners = 2, .set_due = true,
                               .has_due = true};
    assert_true(pb_date_parse("2023-01-31", &e.due));
    struct pb_error err = {0};
    assert_int_equal(pb_action_edit(t->db, 1, &e, before->revision, &err), PB_OK);
    struct pb_action *after = get(t->db, 1);
    assert_string_equal(after->title, "Write to the DWP");
    assert_int_equal(after->n_owners, 2);
    assert_string_equal(after->owners[0], "knox");
    assert_string_equal(after->owners[1], "chair");
    assert_true(after->has_due && after->due == e.due);
    assert_string_equal(after->theme, "housing"); /* not named: kept */
    assert_true(after->revision > before->revision);
    assert_int_equal(testdb_history_entries(t->db), changes + 1);
    pb_action_free(before);
    pb_action_free(after);
}

static void action_edit__refuses_a_revision_that_moved_on__writing_nothing(void **state)
{
    struct testdb *t = *state;
    struct pb_action *read = get(t->db, 2);
    struct pb_error err = {0};
    assert_int_equal(pb_action_set_status(t->db, 2, "in-progress", NULL, -1, &err), PB_OK);
    size_t changes = testdb_history_entries(t->db);
    struct pb_action_edit e = {.title = "Visit the new hostel"};
    assert_int_equal(pb_action_edit(t->db, 2, &e, read->revision, &err), PB_ERR_CONFLICT);
    struct pb_action *now = get(t->db, 2);
    assert_string_equal(now->title, "Visit the hostel");
    assert_int_equal(testdb_history_entries(t->db), changes);
    pb_action_free(read);
    pb_action_free(now);
}

static void action_edit__refuses_nothing_named_and_an_unknown_owner_with_the_nearest(void **state)
{
    struct testdb *t = *state;
    struct pb_action_edit none = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_action_edit(t->db, 1, &none, -1, &err), PB_ERR_USAGE);
    const char *owners[] = {"thirkil"};
    struct pb_action_edit e = {.set_owners = true, .owners = owners, .n_owners = 1};
    assert_int_equal(pb_action_edit(t->db, 1, &e, -1, &err), PB_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message, "did you mean 'thirkill'"));
    assert_int_equal(pb_action_edit(t->db, 99, &(struct pb_action_edit){.title = "x"}, -1, &err),
                     PB_ERR_NOT_FOUND);
}

static void record_edit__checks_the_field_table__and_keeps_fields_not_given(void **state)
{
    struct testdb *t = *state;
    struct pb_value v[11] = {{0}};
    v[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = "knox"};
    v[pb_field_index(PB_KIND_MEMBER, "kind")] =
        (struct pb_value){.state = PB_VALUE_TEXT, .text = "oficer"};
    struct pb_error err = {0};
    assert_int_equal(pb_record_edit(t->db, PB_KIND_MEMBER, v, -1, &err), PB_ERR_DATA);
    assert_non_null(strstr(err.message, "did you mean 'officer'"));
    v[pb_field_index(PB_KIND_MEMBER, "kind")].text = "officer";
    v[pb_field_index(PB_KIND_MEMBER, "post")] =
        (struct pb_value){.state = PB_VALUE_TEXT, .text = "Governance Officer"};
    int64_t revision = 0;
    assert_int_equal(pb_record_revision(t->db, PB_KIND_MEMBER, "knox", 0, &revision, &err), PB_OK);
    assert_int_equal(pb_record_edit(t->db, PB_KIND_MEMBER, v, revision, &err), PB_OK);
    assert_int_equal(pb_record_edit(t->db, PB_KIND_MEMBER, v, revision, &err), PB_ERR_CONFLICT);
    v[pb_field_index(PB_KIND_MEMBER, "name")] = (struct pb_value){.state = PB_VALUE_NULL};
    assert_int_equal(pb_record_edit(t->db, PB_KIND_MEMBER, v, -1, &err), PB_ERR_DATA);
}

static void record_drop__takes_an_action_with_its_updates__and_undo_brings_them_back(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add_update(t->db, 1, "Letter drafted", &err), PB_OK);
    assert_int_equal(pb_record_drop(t->db, PB_KIND_ACTION, NULL, 1, -1, &err), PB_OK);
    struct pb_action *gone = NULL;
    assert_int_equal(pb_action_get(t->db, 1, &gone, &err), PB_ERR_NOT_FOUND);
    assert_int_equal(pb_change_undo(t->db, pb_change_last(t->db), NULL, &err), PB_OK);
    struct pb_action *back = get(t->db, 1);
    assert_string_equal(back->title, "Write to DWP");
    assert_string_equal(back->owners[0], "thirkill");
    assert_int_equal(back->n_updates, 1);
    assert_string_equal(back->updates[0].text, "Letter drafted");
    pb_action_free(back);
}

static void record_drop__refuses_a_member_who_still_owns_actions(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    size_t changes = testdb_history_entries(t->db);
    assert_int_equal(pb_record_drop(t->db, PB_KIND_MEMBER, "knox", 0, -1, &err), PB_ERR_DATA);
    assert_non_null(strstr(err.message, "action_owners"));
    assert_int_equal(testdb_history_entries(t->db), changes);
    assert_int_equal(pb_record_drop(t->db, PB_KIND_MEMBER, "chair", 0, -1, &err), PB_OK);
}

static void theme_move__puts_a_theme_first__and_undo_restores_the_order(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    assert_int_equal(pb_theme_move(t->db, "education", 0, -1, &err), PB_OK);
    char **keys = NULL;
    size_t n = 0;
    assert_int_equal(pb_record_keys(t->db, PB_KIND_THEME, &keys, &n, &err), PB_OK);
    assert_int_equal(n, 3);
    assert_string_equal(keys[0], "education");
    assert_string_equal(keys[1], "housing");
    assert_string_equal(keys[2], "health");
    pb_strings_free(keys, n);
    assert_int_equal(pb_change_undo(t->db, pb_change_last(t->db), NULL, &err), PB_OK);
    assert_int_equal(pb_record_keys(t->db, PB_KIND_THEME, &keys, &n, &err), PB_OK);
    assert_string_equal(keys[0], "housing");
    assert_string_equal(keys[2], "education");
    pb_strings_free(keys, n);
}

static void undo_mine__reverses_my_latest_change__not_someone_elses(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    pb_db_set_who(t->db, "thirkill");
    assert_int_equal(pb_action_set_status(t->db, 1, "done", NULL, -1, &err), PB_OK);
    int64_t mine = pb_change_last(t->db);
    pb_db_set_who(t->db, "knox");
    assert_int_equal(pb_action_set_status(t->db, 2, "done", NULL, -1, &err), PB_OK);
    pb_db_set_who(t->db, "thirkill");
    int64_t undone = 0;
    assert_int_equal(pb_undo_mine(t->db, &undone, NULL, &err), PB_OK);
    assert_int_equal(undone, mine);
    struct pb_action *a1 = get(t->db, 1), *a2 = get(t->db, 2);
    assert_string_equal(a1->status, "open");
    assert_string_equal(a2->status, "done");
    pb_action_free(a1);
    pb_action_free(a2);
    /* the import was made without --as: nothing else of thirkill's */
    assert_int_equal(pb_undo_mine(t->db, NULL, NULL, &err), PB_ERR_NOT_FOUND);
}

static void redo_mine__walks_back_through_two_undos__and_new_work_ends_it(void **state)
{
    struct testdb *t = *state;
    struct pb_error err = {0};
    pb_db_set_who(t->db, "chair");
    assert_int_equal(pb_action_set_status(t->db, 1, "in-progress", NULL, -1, &err), PB_OK);
    int64_t first = pb_change_last(t->db);
    assert_int_equal(pb_action_set_status(t->db, 2, "dropped", NULL, -1, &err), PB_OK);
    int64_t second = pb_change_last(t->db);
    int64_t which = 0;
    assert_int_equal(pb_undo_mine(t->db, &which, NULL, &err), PB_OK);
    assert_int_equal(which, second);
    assert_int_equal(pb_undo_mine(t->db, &which, NULL, &err), PB_OK);
    assert_int_equal(which, first);
    assert_int_equal(pb_redo_mine(t->db, NULL, NULL, &err), PB_OK);
    struct pb_action *a1 = get(t->db, 1);
    assert_string_equal(a1->status, "in-progress");
    pb_action_free(a1);
    assert_int_equal(pb_redo_mine(t->db, NULL, NULL, &err), PB_OK);
    struct pb_action *a2 = get(t->db, 2);
    assert_string_equal(a2->status, "dropped");
    pb_action_free(a2);
    assert_int_equal(pb_redo_mine(t->db, NULL, NULL, &err), PB_ERR_NOT_FOUND);
    /* undo the redo, then new work: nothing is left to redo */
    assert_int_equal(pb_undo_mine(t->db, NULL, NULL, &err), PB_OK);
    assert_int_equal(pb_action_add_update(t->db, 1, "Started", &err), PB_OK);
    assert_int_equal(pb_redo_mine(t->db, NULL, NULL, &err), PB_ERR_NOT_FOUND);
}

static int64_t count_of(const char *path, const char *sql)
{
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return n;
}

static void open__upgrades_a_version_3_database_to_the_undo_indexes(void **state)
{
    struct testdb *t = *state;
    pb_db_close(t->db);
    t->db = NULL;
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(t->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  TESTDB_DROP_COUNTS
                                  "DROP INDEX changes_by_who; DROP INDEX changes_by_undoes;"
                                  "DROP INDEX actions_live_queue; ALTER TABLE changes DROP COLUMN login;"
                                  "PRAGMA user_version = 3;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    struct pb_db_options opt = {.path = t->path};
    struct pb_error err = {0};
    assert_int_equal(pb_db_open(&opt, &t->db, &err), PB_OK);
    pb_db_close(t->db);
    t->db = NULL;
    assert_int_equal(count_of(t->path, "PRAGMA user_version"), PB_SCHEMA_VERSION);
    assert_int_equal(count_of(t->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                       " ('changes_by_who', 'changes_by_undoes')"),
                     2);
    assert_int_equal(count_of(t->path, "SELECT count(*) FROM actions"), 2);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(action_edit__replaces_title_owners_and_due__as_one_change),
        T(action_edit__refuses_a_revision_that_moved_on__writing_nothing),
        T(action_edit__refuses_nothing_named_and_an_unknown_owner_with_the_nearest),
        T(record_edit__checks_the_field_table__and_keeps_fields_not_given),
        T(record_drop__takes_an_action_with_its_updates__and_undo_brings_them_back),
        T(record_drop__refuses_a_member_who_still_owns_actions),
        T(theme_move__puts_a_theme_first__and_undo_restores_the_order),
        T(undo_mine__reverses_my_latest_change__not_someone_elses),
        T(redo_mine__walks_back_through_two_undos__and_new_work_ends_it),
        T(open__upgrades_a_version_3_database_to_the_undo_indexes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
