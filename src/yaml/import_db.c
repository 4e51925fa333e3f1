/*
 * What the database holds, for the checks: whether a referenced row is
 * there (asked once per distinct id), every row of a kind with its dates
 * and references (read once, for pass 3), and the ids to suggest for an
 * unknown one.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

struct load_ctx {
    struct import *im;
    enum pb_kind kind;
};

/* Keeps a row's key and its DATE and REF fields: what pass 3's rules read. */
static enum pb_status keep_row(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct load_ctx *lc = ctx;
    struct kind_state *ks = &lc->im->kinds[lc->kind];
    const struct pb_kind_info *info = pb_kind_info(lc->kind);
    struct pb_arena *a = &lc->im->arena;
    const char *key = values[0].text;
    struct import_id *e = import_id_find(&ks->db, key);
    bool added;
    if (!e)
        e = import_id_add(a, &ks->db, pb_arena_strndup(a, key, strlen(key)), &added);
    e->exists = true;
    e->values = pb_arena_alloc(a, info->n_fields * sizeof *e->values, _Alignof(const char *));
    for (size_t i = 0; i < info->n_fields; i++) {
        enum pb_field_type t = info->fields[i].type;
        if ((t == PB_FIELD_DATE || t == PB_FIELD_REF) && values[i].state == PB_VALUE_TEXT)
            e->values[i] = pb_arena_strndup(a, values[i].text, strlen(values[i].text));
    }
    return PB_OK;
}

/* Reads every row of a text-keyed kind once (for pass 3). */
void import_load_db(struct import *im, enum pb_kind kind)
{
    struct kind_state *ks = &im->kinds[kind];
    if (ks->db_loaded)
        return;
    ks->db_loaded = true;
    struct load_ctx lc = {im, kind};
    enum pb_status s = pb_record_each(im->db, kind, NULL, 0, keep_row, &lc, &im->failure_err);
    if (s != PB_OK)
        import_db_failed(im, s);
}

/* Whether a row with this id is in the files or the database: the database
 * is asked once per distinct id. */
bool import_ref_exists(struct import *im, enum pb_kind kind, const char *key, int64_t id)
{
    struct kind_state *ks = &im->kinds[kind];
    if (import_id_find(&ks->ids, key))
        return true;
    const struct import_id *known = import_id_find(&ks->db, key);
    if (known || ks->db_loaded)
        return known && known->exists;
    bool exists = false;
    bool int_key = pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY;
    enum pb_status s =
        pb_record_exists(im->db, kind, int_key ? NULL : key, id, &exists, &im->failure_err);
    if (s != PB_OK) {
        import_db_failed(im, s);
        return true;
    }
    /* the key may be a streamed record's, freed once it is written */
    bool added;
    import_id_add(&im->arena, &ks->db, pb_arena_strndup(&im->arena, key, strlen(key)), &added)
        ->exists = exists;
    return exists;
}

/* The nearest id of the kind, in the files or the database, or NULL. */
const char *import_suggest_id(struct import *im, enum pb_kind kind, const char *word)
{
    struct kind_state *ks = &im->kinds[kind];
    if (!ks->db_keys_loaded) {
        ks->db_keys_loaded = true;
        enum pb_status s =
            pb_record_keys(im->db, kind, &ks->db_keys, &ks->n_db_keys, &im->failure_err);
        if (s != PB_OK)
            import_db_failed(im, s);
    }
    const char **candidates = pb_xmalloc((ks->n + ks->n_db_keys + 1) * sizeof *candidates);
    size_t n = 0;
    for (size_t i = 0; i < ks->n; i++)
        if (ks->recs[i].key && ks->recs[i].first == NO_REC)
            candidates[n++] = ks->recs[i].key;
    for (size_t i = 0; i < ks->n_db_keys; i++)
        candidates[n++] = ks->db_keys[i];
    const char *best = pb_suggest(word, candidates, n);
    free(candidates);
    return best;
}
