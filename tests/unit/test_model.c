/*
 * The model over real SQLite files: opening and permissions, migrations,
 * merging records by key, history and undo.
 */
#include <panelboard/action.h>
#include <panelboard/page.h>
#include <panelboard/record.h>

#include "testdb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int setup(void **state)
{
    struct testdb *f = calloc(1, sizeof *f);
    testdb_open_at(f, "sub/panel.db", NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    testdb_close(*state);
    free(*state);
    return 0;
}

static struct pb_value text(const char *s)
{
    return (struct pb_value){.state = PB_VALUE_TEXT, .text = s};
}

static struct pb_value unset(void)
{
    return (struct pb_value){.state = PB_VALUE_UNSET};
}

/* A member's values: id, name, kind; the rest unset. */
static void member(struct pb_value v[11], const char *id, const char *name, const char *kind)
{
    for (int i = 0; i < 11; i++)
        v[i] = unset();
    v[0] = text(id);
    v[1] = text(name);
    v[2] = text(kind);
}

static enum pb_put_result put_member(struct pb_db *db, struct pb_value v[11])
{
    struct pb_error err = {0};
    enum pb_put_result r;
    assert_int_equal(pb_record_put(db, PB_KIND_MEMBER, v, &r, NULL, &err), PB_OK);
    return r;
}

struct collected {
    char text[4096];
    size_t rows;
};

static enum pb_status collect_member(const struct pb_value *v, void *ctx, struct pb_error *err)
{
    (void)err;
    struct collected *c = ctx;
    size_t len = strlen(c->text);
    snprintf(c->text + len, sizeof c->text - len, "%s|%s|%s|%s|%lld;", v[0].text, v[1].text,
             v[3].state == PB_VALUE_NULL ? "~" : v[3].text, v[2].text, (long long)v[4].i);
    c->rows++;
    return PB_OK;
}

static struct collected members_of(struct pb_db *db)
{
    struct collected c = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_record_each(db, PB_KIND_MEMBER, NULL, 0, collect_member, &c, &err), PB_OK);
    return c;
}

static void open__creates_owner_only_file_and_folder(void **state)
{
    struct testdb *f = *state;
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char *dir = pb_xasprintf("%s/sub", f->dir);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    free(dir);
    assert_true(pb_db_was_created(f->db));
}

static void open__shared_creates_group_writable_file(void **state)
{
    struct testdb *f = *state;
    char *path = pb_xasprintf("%s/shared/panel.db", f->dir);
    struct pb_db_options opt = {.path = path, .shared = true};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_db_open(&opt, &db, &err), PB_OK);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0660);
    char *dir = pb_xasprintf("%s/shared", f->dir);
    assert_int_equal(stat(dir, &st), 0);
    assert_int_equal(st.st_mode & 07777, 02770);
    pb_db_close(db);
    free(dir);
    free(path);
}

/* What schema version 2 had where version 3 has the pages' indexes (and
 * without what the versions after added). */
static const char back_to_version_2[] =
    "DROP INDEX actions_by_theme_id; DROP INDEX actions_by_theme_due;"
    "DROP INDEX actions_by_status; DROP INDEX actions_by_due; DROP INDEX actions_live_by_id;"
    "DROP INDEX actions_live_by_due; DROP INDEX actions_live_by_theme_due;"
    "DROP INDEX actions_all_live; DROP INDEX action_owners_in_order;"
    "DROP INDEX updates_by_author; DROP INDEX change_rows_by_row;"
    "DROP INDEX action_owners_by_member;"
    "CREATE INDEX action_owners_by_member ON action_owners (member);"
    "DROP INDEX themes_by_lead; CREATE INDEX themes_by_lead ON themes (lead);"
    "DROP INDEX changes_by_who; DROP INDEX changes_by_undoes;"
    "DROP INDEX actions_live_queue;"
    "ALTER TABLE changes DROP COLUMN login;"
    "PRAGMA user_version = 2;";

/* What schema version 3 had where version 5 has the undo and queue indexes
 * (after testdb_back_to_version_6 has undone what came since). */
static const char back_to_version_3[] =
    "DROP INDEX changes_by_who; DROP INDEX changes_by_undoes;"
    "DROP INDEX actions_live_queue; ALTER TABLE changes DROP COLUMN login;"
    "PRAGMA user_version = 3;";

/* A pb_action_fn that keeps the first action's id. */
static enum pb_status first_id(const struct pb_action *a, void *ctx, struct pb_error *err)
{
    (void)err;
    int64_t *seen = ctx;
    if (*seen == 0)
        *seen = a->id;
    return PB_OK;
}

static int64_t count_of(sqlite3 *raw, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void open__upgrades_a_version_2_database_to_the_pages_indexes__keeping_its_rows(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "knox", "Cllr Knox", "councillor");
    put_member(f->db, v);
    const char *owners[] = {"knox"};
    struct pb_action_new a = {.title = "Visit", .owners = owners, .n_owners = 1};
    int64_t id;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_OK);
    pb_db_close(f->db);
    f->db = NULL;
    testdb_back_to_version_6(f->path);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, back_to_version_2, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    struct pb_db_options opt = {.path = f->path};
    assert_int_equal(pb_db_open(&opt, &f->db, &err), PB_OK);
    struct pb_action *got = NULL;
    assert_int_equal(pb_action_get(f->db, id, &got, &err), PB_OK);
    assert_string_equal(got->owners[0], "knox");
    pb_action_free(got);
    pb_db_close(f->db);
    f->db = NULL;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(count_of(raw, "PRAGMA user_version"), PB_SCHEMA_VERSION);
    assert_int_equal(count_of(raw, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                   " ('actions_live_by_due', 'change_rows_by_row')"),
                     2);
    assert_int_equal(count_of(raw, "SELECT count(*) FROM members"), 1);
    assert_int_equal(count_of(raw, "SELECT count(*) FROM change_rows"), 3);
    sqlite3_close(raw);
}

static void open__upgrades_a_version_3_database_to_the_queue_index__keeping_its_queue(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "knox", "Cllr Knox", "councillor");
    put_member(f->db, v);
    const char *owners[] = {"knox"};
    pb_day due;
    assert_true(pb_date_parse("2022-11-30", &due));
    struct pb_action_new a = {
        .title = "Visit", .owners = owners, .n_owners = 1, .has_due = true, .due = due};
    int64_t id;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_OK);
    pb_db_close(f->db);
    f->db = NULL;
    testdb_back_to_version_6(f->path);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, back_to_version_3, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    struct pb_db_options opt = {.path = f->path};
    assert_int_equal(pb_db_open(&opt, &f->db, &err), PB_OK);
    int64_t seen = 0;
    assert_int_equal(pb_action_queue(f->db, "knox", first_id, &seen, &err), PB_OK);
    assert_int_equal(seen, id);
    pb_db_close(f->db);
    f->db = NULL;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(count_of(raw, "PRAGMA user_version"), PB_SCHEMA_VERSION);
    sqlite3_close(raw);
}

/* Version 8 fills queue_owned from the rows already there, and a queue
 * reads its member's own from it from then on. */
static void open__upgrades_a_version_6_database_to_the_queue_rows__keeping_its_queue(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "knox", "Cllr Knox", "councillor");
    put_member(f->db, v);
    const char *owners[] = {"knox"};
    struct pb_action_new a = {.title = "Visit", .owners = owners, .n_owners = 1};
    int64_t id, done;
    struct pb_error err = {0};
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_OK);
    a.title = "Phone";
    assert_int_equal(pb_action_add(f->db, &a, &done, &err), PB_OK);
    assert_int_equal(pb_action_set_status(f->db, done, "done", NULL, -1, &err), PB_OK);
    pb_db_close(f->db);
    f->db = NULL;
    testdb_back_to_version_6(f->path);
    sqlite3 *raw;

    struct pb_db_options opt = {.path = f->path};
    assert_int_equal(pb_db_open(&opt, &f->db, &err), PB_OK);
    int64_t seen = 0;
    assert_int_equal(pb_action_queue(f->db, "knox", first_id, &seen, &err), PB_OK);
    assert_int_equal(seen, id);
    /* and it follows the rows written after the upgrade */
    assert_int_equal(pb_action_set_status(f->db, id, "done", NULL, -1, &err), PB_OK);
    assert_int_equal(pb_action_set_status(f->db, done, "open", NULL, -1, &err), PB_OK);
    seen = 0;
    assert_int_equal(pb_action_queue(f->db, "knox", first_id, &seen, &err), PB_OK);
    assert_int_equal(seen, done);
    pb_db_close(f->db);
    f->db = NULL;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(count_of(raw, "PRAGMA user_version"), PB_SCHEMA_VERSION);
    /* the owners are read from an index alone; the old queue index is gone */
    assert_int_equal(
        count_of(raw, "SELECT count(*) FROM pragma_index_info('action_owners_in_order')"), 3);
    assert_int_equal(
        count_of(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'actions_live_queue'"), 0);
    sqlite3_close(raw);
}

static void open__refuses_newer_database__and_leaves_it_untouched(void **state)
{
    struct testdb *f = *state;
    pb_db_close(f->db);
    f->db = NULL;
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    struct stat before, after;
    assert_int_equal(stat(f->path, &before), 0);

    struct pb_db_options opt = {.path = f->path};
    struct pb_error err = {0};
    assert_int_equal(pb_db_open(&opt, &f->db, &err), PB_ERR_TOO_NEW);
    assert_non_null(strstr(err.message, "newer panelboard"));
    assert_int_equal(pb_status_exit_code(err.status), 69);
    assert_int_equal(stat(f->path, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_mtime, after.st_mtime);
}

static void open__refuses_a_file_that_is_not_a_database(void **state)
{
    struct testdb *f = *state;
    char *path = pb_xasprintf("%s/notes.txt", f->dir);
    FILE *fp = fopen(path, "w");
    fputs("these are not the minutes you are looking for\n", fp);
    fclose(fp);
    struct pb_db_options opt = {.path = path};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_db_open(&opt, &db, &err), PB_ERR_DATA);
    assert_null(db);
    free(path);
}

static void put__adds_then_updates_then_leaves_unchanged(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "thirkill", "Cllr Thirkill", "councillor");
    assert_int_equal(put_member(f->db, v), PB_PUT_ADDED);
    assert_int_equal(put_member(f->db, v), PB_PUT_UNCHANGED);
    v[3] = text("Vice-Chair");
    assert_int_equal(put_member(f->db, v), PB_PUT_UPDATED);
    struct collected c = members_of(f->db);
    /* councillors vote by default */
    assert_string_equal(c.text, "thirkill|Cllr Thirkill|Vice-Chair|councillor|1;");
}

static void put__unset_field_keeps_value__null_clears_it(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "smith", "Claire Smith", "partner");
    v[3] = text("Youth Justice lead");
    put_member(f->db, v);
    v[3] = unset();
    assert_int_equal(put_member(f->db, v), PB_PUT_UNCHANGED);
    assert_string_equal(members_of(f->db).text, "smith|Claire Smith|Youth Justice lead|partner|0;");
    v[3] = (struct pb_value){.state = PB_VALUE_NULL};
    assert_int_equal(put_member(f->db, v), PB_PUT_UPDATED);
    assert_string_equal(members_of(f->db).text, "smith|Claire Smith|~|partner|0;");
}

static void put__keeps_names_in_any_script_exactly(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "obrien", "Siân O’Brien-Wiśniewska 陈静 Παπαδόπουλος", "officer");
    put_member(f->db, v);
    assert_string_equal(members_of(f->db).text,
                        "obrien|Siân O’Brien-Wiśniewska 陈静 Παπαδόπουλος|~|officer|0;");
}

static void put__rejects_a_bad_enum_through_the_schema(void **state)
{
    struct testdb *f = *state;
    struct pb_value v[11];
    member(v, "x", "X", "emperor");
    struct pb_error err = {0};
    enum pb_put_result r;
    assert_int_equal(pb_record_put(f->db, PB_KIND_MEMBER, v, &r, NULL, &err), PB_ERR_DATA);
    assert_int_equal(members_of(f->db).rows, 0);
}

static void put__lists_replace_and_owners_all_is_a_flag(void **state)
{
    struct testdb *f = *state;
    struct pb_value m[11];
    member(m, "chair", "Chair", "councillor");
    put_member(f->db, m);
    member(m, "gov", "Governance Officer", "officer");
    put_member(f->db, m);

    const char *owners[] = {"chair", "gov"};
    struct pb_value a[9];
    for (int i = 0; i < 9; i++)
        a[i] = unset();
    a[1] = text("Advise on procedure");
    a[2] = (struct pb_value){.state = PB_VALUE_LIST, .items = owners, .n_items = 2};
    enum pb_put_result r;
    int64_t id = 0;
    struct pb_error err = {0};
    assert_int_equal(pb_record_put(f->db, PB_KIND_ACTION, a, &r, &id, &err), PB_OK);
    assert_int_equal(r, PB_PUT_ADDED);
    assert_int_equal(id, 1);

    a[0] = (struct pb_value){.state = PB_VALUE_INT, .i = id};
    assert_int_equal(pb_record_put(f->db, PB_KIND_ACTION, a, &r, NULL, &err), PB_OK);
    assert_int_equal(r, PB_PUT_UNCHANGED);

    const char *all[] = {"all"};
    a[2] = (struct pb_value){.state = PB_VALUE_LIST, .items = all, .n_items = 1};
    assert_int_equal(pb_record_put(f->db, PB_KIND_ACTION, a, &r, NULL, &err), PB_OK);
    assert_int_equal(r, PB_PUT_UPDATED);
    assert_int_equal(pb_record_put(f->db, PB_KIND_ACTION, a, &r, NULL, &err), PB_OK);
    assert_int_equal(r, PB_PUT_UNCHANGED);
}

static enum pb_status count_history(const struct pb_history_entry *e, void *ctx,
                                    struct pb_error *err)
{
    (void)err;
    struct collected *c = ctx;
    size_t len = strlen(c->text);
    snprintf(c->text + len, sizeof c->text - len, "#%lld %s by %s rows %zu undoes %lld;",
             (long long)e->id, e->what, e->who ? e->who : "-", e->n_rows, (long long)e->undoes);
    c->rows++;
    return PB_OK;
}

static struct collected history_of(struct pb_db *db)
{
    struct collected c = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_history_each(db, 0, count_history, &c, &err), PB_OK);
    return c;
}

static void history__records_who_and_skips_changes_that_change_nothing(void **state)
{
    struct testdb *f = *state;
    pb_db_set_who(f->db, "thirkill");
    struct pb_value v[11];
    member(v, "knox", "Cllr Knox", "councillor");
    put_member(f->db, v);
    put_member(f->db, v); /* unchanged: no entry */
    struct collected h = history_of(f->db);
    assert_int_equal(h.rows, 1);
    assert_string_equal(h.text, "#1 member by thirkill rows 1 undoes 0;");
}

static void undo__reverses_insert_update_and_is_itself_undoable(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    struct pb_value v[11];
    member(v, "duffy", "Cllr Duffy", "councillor");
    put_member(f->db, v);
    int64_t added = pb_change_last(f->db);
    v[3] = text("Chair");
    put_member(f->db, v);
    int64_t updated = pb_change_last(f->db);

    int64_t undo1 = 0;
    assert_int_equal(pb_change_undo(f->db, updated, &undo1, &err), PB_OK);
    assert_string_equal(members_of(f->db).text, "duffy|Cllr Duffy|~|councillor|1;");
    assert_int_equal(pb_change_undo(f->db, added, NULL, &err), PB_OK);
    assert_int_equal(members_of(f->db).rows, 0);
    /* redo: undo the undo of the insert, then of the update */
    int64_t last = pb_change_last(f->db);
    assert_int_equal(pb_change_undo(f->db, last, NULL, &err), PB_OK);
    assert_int_equal(pb_change_undo(f->db, undo1, NULL, &err), PB_OK);
    assert_string_equal(members_of(f->db).text, "duffy|Cllr Duffy|Chair|councillor|1;");
    assert_non_null(strstr(history_of(f->db).text, "undoes 2;"));
}

static void undo__refuses_when_the_row_changed_since(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    struct pb_value v[11];
    member(v, "pollard", "Cllr Pollard", "councillor");
    put_member(f->db, v);
    v[3] = text("Chair of Virtual School Governing Body");
    put_member(f->db, v);
    int64_t first_update = pb_change_last(f->db);
    v[3] = text("Link Councillor");
    put_member(f->db, v);
    assert_int_equal(pb_change_undo(f->db, first_update, NULL, &err), PB_ERR_CONFLICT);
    assert_string_equal(members_of(f->db).text,
                        "pollard|Cllr Pollard|Link Councillor|councillor|1;");
}

static void undo__of_an_unknown_change_is_not_found(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    assert_int_equal(pb_change_undo(f->db, 42, NULL, &err), PB_ERR_NOT_FOUND);
}

static void change__rolls_back_everything_when_a_part_fails(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    assert_int_equal(pb_change_begin(f->db, "two members", &err), PB_OK);
    struct pb_value v[11];
    member(v, "alipoor", "Cllr Alipoor", "councillor");
    enum pb_put_result r;
    assert_int_equal(pb_record_put(f->db, PB_KIND_MEMBER, v, &r, NULL, &err), PB_OK);
    member(v, "BAD ID", "Nobody", "councillor");
    enum pb_status s = pb_record_put(f->db, PB_KIND_MEMBER, v, &r, NULL, &err);
    assert_int_equal(s, PB_ERR_DATA);
    assert_int_equal(pb_change_end(f->db, s, &err), PB_ERR_DATA);
    assert_int_equal(members_of(f->db).rows, 0);
    assert_int_equal(history_of(f->db).rows, 0);
}

static void change__refuses_a_reference_to_a_missing_row_at_commit(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    struct pb_value t[6];
    for (int i = 0; i < 6; i++)
        t[i] = unset();
    t[0] = text("housing");
    t[1] = text("Housing");
    t[2] = text("nobody");
    enum pb_put_result r;
    assert_int_equal(pb_record_put(f->db, PB_KIND_THEME, t, &r, NULL, &err), PB_ERR_DATA);
    bool exists = true;
    assert_int_equal(pb_record_exists(f->db, PB_KIND_THEME, "housing", 0, &exists, &err), PB_OK);
    assert_false(exists);
}

/* Members m0, m1 ... put with pb_record_put_many; ids and names live in
 * the struct, as the values point at them. */
#define MANY 70
struct many {
    char ids[MANY][8];
    struct pb_value values[MANY][11];
    const struct pb_value *rows[MANY];
    enum pb_put_result results[MANY];
    size_t failed;
};

static struct many *many_members(void)
{
    struct many *m = calloc(1, sizeof *m);
    for (int i = 0; i < MANY; i++) {
        snprintf(m->ids[i], sizeof m->ids[i], "m%d", i);
        member(m->values[i], m->ids[i], "A Member", i % 2 ? "officer" : "councillor");
        m->rows[i] = m->values[i];
    }
    return m;
}

static enum pb_status put_many(struct pb_db *db, struct many *m, struct pb_error *err)
{
    return pb_record_put_many(db, PB_KIND_MEMBER, m->rows, MANY, m->results, &m->failed, err);
}

static void put_many__adds_every_row_in_order__each_in_one_undoable_change(void **state)
{
    struct testdb *f = *state;
    struct many *m = many_members();
    struct pb_error err = {0};
    assert_int_equal(put_many(f->db, m, &err), PB_OK);
    for (int i = 0; i < MANY; i++)
        assert_int_equal(m->results[i], PB_PUT_ADDED);
    struct collected c = members_of(f->db);
    assert_int_equal(c.rows, MANY);
    assert_true(strncmp(c.text, "m0|A Member|~|councillor|1;m1|A Member|~|officer|0;", 51) == 0);
    assert_non_null(strstr(c.text, ";m69|A Member|~|officer|0;"));
    assert_string_equal(history_of(f->db).text, "#1 members by - rows 70 undoes 0;");
    assert_int_equal(pb_change_undo(f->db, 1, NULL, &err), PB_OK);
    assert_int_equal(members_of(f->db).rows, 0);
    free(m);
}

static void put_many__merges_rows_that_exist_as_single_puts_would(void **state)
{
    struct testdb *f = *state;
    struct many *m = many_members();
    struct pb_value v[11];
    member(v, "m40", "Another Name", "officer");
    put_member(f->db, v);
    member(v, "m41", "A Member", "officer");
    put_member(f->db, v);
    /* m5 twice: added, then updated by the second */
    m->rows[20] = m->values[5];
    m->values[5][3] = text("Chair");
    struct pb_error err = {0};
    assert_int_equal(put_many(f->db, m, &err), PB_OK);
    for (int i = 0; i < MANY; i++) {
        enum pb_put_result want = i == 40              ? PB_PUT_UPDATED
                                  : i == 41 || i == 20 ? PB_PUT_UNCHANGED
                                                       : PB_PUT_ADDED;
        assert_int_equal(m->results[i], want);
    }
    struct collected c = members_of(f->db);
    assert_int_equal(c.rows, MANY - 1);
    assert_true(strncmp(c.text, "m40|A Member|~|councillor|0;m41|A Member|~|officer|0;", 52) == 0);
    assert_non_null(strstr(c.text, ";m5|A Member|Chair|officer|0;"));
    free(m);
}

static void put_many__names_the_row_that_fails__and_writes_nothing(void **state)
{
    struct testdb *f = *state;
    struct many *m = many_members();
    m->values[37][2] = text("emperor");
    struct pb_error err = {0};
    assert_int_equal(put_many(f->db, m, &err), PB_ERR_DATA);
    assert_int_equal(m->failed, 37);
    assert_int_equal(members_of(f->db).rows, 0);
    assert_int_equal(history_of(f->db).rows, 0);
    free(m);
}

static void check__passes_on_a_sound_database(void **state)
{
    struct testdb *f = *state;
    struct pb_buf report = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_db_check(f->db, &report, &err), PB_OK);
    assert_int_equal(report.len, 0);
    pb_buf_free(&report);
}

/* The rows of each table of a version-1 database, as the previous release
 * left tests/data/schema-1.db (the example panel, an action added, one
 * done and one dropped). */
static const struct {
    const char *table;
    int rows;
} schema_1_rows[] = {
    {"panel", 1},      {"members", 19},      {"co_options", 3},     {"themes", 7},
    {"theme_subgroup", 10}, {"strategies", 2}, {"strategy_priorities", 6}, {"meetings", 2},
    {"decisions", 5},  {"questions", 4},     {"actions", 7},        {"action_owners", 7},
    {"updates", 2},    {"feedback", 2},      {"changes", 4},        {"change_rows", 79},
};

static int64_t count_rows(sqlite3 *raw, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* The actions of theme (NULL: all) in status (NULL: overdue at today),
 * counted from the actions themselves. */
static int64_t count_by_hand(sqlite3 *raw, const char *theme, const char *status,
                             const char *today)
{
    sqlite3_stmt *st;
    assert_int_equal(
        sqlite3_prepare_v2(raw,
                           "SELECT count(*) FROM actions WHERE (?1 IS NULL OR theme = ?1) AND"
                           " CASE WHEN ?2 IS NULL THEN status IN ('open', 'in-progress')"
                           " AND due < ?3 ELSE status = ?2 END",
                           -1, &st, NULL),
        SQLITE_OK);
    sqlite3_bind_text(st, 1, theme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, today, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The counts the dashboard reads after the upgrade (from the count tables
 * the upgrade filled) are those of the actions it kept, for each theme
 * and overall, overdue at a pinned today among them. */
static void assert_upgraded_counts(struct pb_db *db, sqlite3 *raw)
{
    static const char *const themes[] = {NULL, "housing", "youth-justice", "education"};
    static const char *const todays[] = {"2022-11-01", "2022-12-01", "2023-06-01"};
    int64_t overdue_seen = 0;
    for (size_t d = 0; d < sizeof todays / sizeof todays[0]; d++) {
        pb_day today;
        assert_true(pb_date_parse(todays[d], &today));
        pb_db_set_today(db, today);
        for (size_t i = 0; i < sizeof themes / sizeof themes[0]; i++) {
            struct pb_action_query q = {.filter.theme = themes[i]};
            struct pb_action_counts c;
            struct pb_error err = {0};
            assert_int_equal(pb_action_count(db, &q, &c, &err), PB_OK);
            assert_int_equal(c.open, count_by_hand(raw, themes[i], "open", todays[d]));
            assert_int_equal(c.in_progress, count_by_hand(raw, themes[i], "in-progress", todays[d]));
            assert_int_equal(c.done, count_by_hand(raw, themes[i], "done", todays[d]));
            assert_int_equal(c.dropped, count_by_hand(raw, themes[i], "dropped", todays[d]));
            assert_int_equal(c.overdue, count_by_hand(raw, themes[i], NULL, todays[d]));
            overdue_seen += c.overdue;
        }
    }
    assert_true(overdue_seen > 0);
    struct pb_buf report = {0};
    struct pb_error err = {0};
    assert_int_equal(pb_db_check(db, &report, &err), PB_OK);
    pb_buf_free(&report);
}

static void open__upgrades_a_schema_1_database__keeping_every_row(void **state)
{
    struct testdb *f = *state;
    char *src = pb_xasprintf("%s/tests/data/schema-1.db", getenv("PB_SOURCE_ROOT"));
    char *path = pb_xasprintf("%s/v1.db", f->dir);
    copy_file(src, path);
    struct pb_db_options opt = {.path = path, .must_exist = true};
    struct pb_db *db = NULL;
    struct pb_error err = {0};
    assert_int_equal(pb_db_open(&opt, &db, &err), PB_OK);

    /* the new columns are there, and a change to a meeting's chair is in
     * the history (the meetings triggers were remade with the column) */
    struct pb_value values[16] = {0};
    values[0] = (struct pb_value){.state = PB_VALUE_TEXT, .text = "2022-10-12"};
    values[pb_field_index(PB_KIND_MEETING, "chair")] =
        (struct pb_value){.state = PB_VALUE_TEXT, .text = "dunbar"};
    enum pb_put_result result;
    assert_int_equal(pb_record_put(db, PB_KIND_MEETING, values, &result, NULL, &err), PB_OK);
    assert_int_equal(result, PB_PUT_UPDATED);

    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_upgraded_counts(db, raw);
    pb_db_close(db);
    assert_int_equal(count_rows(raw, "PRAGMA user_version"), PB_SCHEMA_VERSION);
    for (size_t i = 0; i < sizeof schema_1_rows / sizeof schema_1_rows[0]; i++) {
        char *sql = pb_xasprintf("SELECT count(*) FROM %s", schema_1_rows[i].table);
        int64_t n = count_rows(raw, sql);
        /* the chair's change adds a change and the meeting's row image */
        int64_t want = schema_1_rows[i].rows + (strcmp(schema_1_rows[i].table, "changes") == 0 ||
                                                strcmp(schema_1_rows[i].table, "change_rows") == 0);
        if (n != want)
            fail_msg("%s: %lld rows, want %lld", schema_1_rows[i].table, (long long)n,
                     (long long)want);
        free(sql);
    }
    assert_int_equal(count_rows(raw, "SELECT count(*) FROM change_rows WHERE tbl = 'meetings' "
                                     "AND json_extract(after, '$.chair') = 'dunbar' "
                                     "AND json_extract(before, '$.chair') IS NULL"),
                     1);
    /* the old rows are as they were: the dropped action, the done one's update */
    assert_int_equal(count_rows(raw, "SELECT count(*) FROM actions WHERE status = 'dropped'"), 1);
    assert_int_equal(
        count_rows(raw, "SELECT count(*) FROM updates WHERE text = 'Portfolio-holders told'"), 1);
    sqlite3_close(raw);
    free(src);
    free(path);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

static enum pb_status count_record(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)values;
    (void)err;
    (*(int *)ctx)++;
    return PB_OK;
}

/* An action's owners are read for each row with a query of their own; when
 * that fails, the lists of the fields after it were never read and must
 * not be freed. */
static void each__whose_list_cannot_be_read__fails_and_frees_only_what_it_read(void **state)
{
    struct testdb *f = *state;
    struct pb_error err = {0};
    struct pb_value v[11];
    member(v, "knox", "Cllr Knox", "councillor");
    put_member(f->db, v);
    const char *owners[] = {"knox"};
    struct pb_action_new a = {.title = "Visit", .owners = owners, .n_owners = 1};
    int64_t id;
    assert_int_equal(pb_action_add(f->db, &a, &id, &err), PB_OK);
    int n = 0;
    assert_int_equal(pb_record_each(f->db, PB_KIND_ACTION, NULL, 0, count_record, &n, &err), PB_OK);
    assert_int_equal(n, 1);
    testdb_fail_statement(f->db, "FROM \"action_owners\" WHERE", 0);
    enum pb_status s = pb_record_each(f->db, PB_KIND_ACTION, NULL, 0, count_record, &n, &err);
    testdb_fail_statement(f->db, NULL, 0);
    assert_int_not_equal(s, PB_OK);
    assert_int_equal(n, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(open__creates_owner_only_file_and_folder),
        T(open__shared_creates_group_writable_file),
        T(open__refuses_newer_database__and_leaves_it_untouched),
        T(open__upgrades_a_version_2_database_to_the_pages_indexes__keeping_its_rows),
        T(open__upgrades_a_version_3_database_to_the_queue_index__keeping_its_queue),
        T(open__upgrades_a_version_6_database_to_the_queue_rows__keeping_its_queue),
        T(open__refuses_a_file_that_is_not_a_database),
        T(open__upgrades_a_schema_1_database__keeping_every_row),
        T(put__adds_then_updates_then_leaves_unchanged),
        T(put__unset_field_keeps_value__null_clears_it),
        T(put__keeps_names_in_any_script_exactly),
        T(put__rejects_a_bad_enum_through_the_schema),
        T(put__lists_replace_and_owners_all_is_a_flag),
        T(history__records_who_and_skips_changes_that_change_nothing),
        T(undo__reverses_insert_update_and_is_itself_undoable),
        T(undo__refuses_when_the_row_changed_since),
        T(undo__of_an_unknown_change_is_not_found),
        T(change__rolls_back_everything_when_a_part_fails),
        T(change__refuses_a_reference_to_a_missing_row_at_commit),
        T(put_many__adds_every_row_in_order__each_in_one_undoable_change),
        T(put_many__merges_rows_that_exist_as_single_puts_would),
        T(put_many__names_the_row_that_fails__and_writes_nothing),
        T(check__passes_on_a_sound_database),
        T(each__whose_list_cannot_be_read__fails_and_frees_only_what_it_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
