/*
 * Passes 1 and 2 over the files' top level. Pass 1 gathers every record
 * and the id it gives, so that a reference may point forward or into
 * another file and an id given twice is caught; pass 2 walks the same way
 * and hands each record pass 1 gathered to import_check_rec (import_record.c),
 * reporting what is wrong with the top level itself.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the keys of the top level ---- */

bool import_is_top_level(enum pb_kind kind)
{
    return pb_kind_info(kind)->parent == PB_KIND_COUNT;
}

bool import_is_streamed(enum pb_kind kind)
{
    return kind == PB_KIND_ACTION || kind == PB_KIND_FEEDBACK;
}

enum pb_kind import_top_kind(const char *key)
{
    for (int k = 0; k < PB_KIND_COUNT; k++)
        if (import_is_top_level(k) && strcmp(pb_kind_info(k)->key, key) == 0)
            return k;
    return PB_KIND_COUNT;
}

static const struct doc_node *version_node(const struct doc_node *root)
{
    return import_map_get(root, "panelboard");
}

static bool version_ok(const struct doc_node *v)
{
    return v && v->kind == DOC_SCALAR && !v->tagged_str && (v->plain || v->tag == DOC_TAG_INT) &&
           strcmp(v->text, "1") == 0;
}

/* A file whose root is a mapping with panelboard: 1; others get one error. */
static bool is_panel_file(const struct doc_node *root)
{
    return root && root->kind == DOC_MAPPING && version_ok(version_node(root));
}

/* ---- records and their ids ---- */

struct import_id *import_id_find(const struct str_map *ids, const char *key)
{
    return strmap_get(ids, key, strlen(key));
}

/* The id's entry lives in arena, as long as the map. */
struct import_id *import_id_add(struct pb_arena *arena, struct str_map *ids, const char *key,
                                bool *added)
{
    size_t len = strlen(key);
    uint64_t hash = strmap_hash(ids, key, len);
    struct str_slot *slot = strmap_find(ids, hash, key, len);
    *added = !slot->key;
    if (!*added)
        return slot->value;
    struct import_id *id = pb_arena_alloc(arena, sizeof *id, _Alignof(struct import_id));
    strmap_put(ids, slot, hash, key, len, id);
    return id;
}

struct rec *import_add_rec(struct import *im, enum pb_kind kind, const struct doc_node *node,
                           size_t file, size_t parent)
{
    struct kind_state *ks = &im->kinds[kind];
    if (ks->n == ks->cap) {
        ks->cap = ks->cap ? ks->cap * 2 : 64;
        ks->recs = pb_xrealloc(ks->recs, ks->cap * sizeof *ks->recs);
    }
    struct rec *rec = &ks->recs[ks->n++];
    *rec = (struct rec){.node = node,
                        .line = node->line,
                        .column = node->column,
                        .file = file,
                        .parent = parent,
                        .first = NO_REC};
    return rec;
}

/* Registers the record's key; a key given before makes it a duplicate. */
void import_claim_key(struct import *im, enum pb_kind kind, struct rec *rec, const char *key)
{
    struct kind_state *ks = &im->kinds[kind];
    bool added;
    struct import_id *e = import_id_add(im->values, &ks->ids, key, &added);
    rec->key = key;
    if (added)
        e->rec = (size_t)(rec - ks->recs);
    else
        rec->first = e->rec;
}

const char *import_canonical_int(struct import *im, int64_t n)
{
    char buf[24];
    int len = snprintf(buf, sizeof buf, "%lld", (long long)n);
    return pb_arena_strndup(im->values, buf, (size_t)len);
}

/* The id a top-level record gives, as pass 1 sees it: only well-formed ids
 * count (pass 2 reports the others). The panel is one of a kind. A
 * streamed record's id is copied: its node is gone by pass 2. */
static const char *rec_key(struct import *im, enum pb_kind kind, struct rec *rec,
                           const struct doc_node *node)
{
    const struct pb_field *f = &pb_kind_info(kind)->fields[0];
    if (f->type != PB_FIELD_KEY && f->type != PB_FIELD_INT_KEY)
        return pb_kind_info(kind)->key;
    const struct doc_node *v = import_map_get(node, f->key);
    int64_t id;
    if (!v || v->kind != DOC_SCALAR)
        return NULL;
    rec->id_line = v->line;
    if (f->type == PB_FIELD_KEY && !import_key_valid(v->text, v->len))
        return NULL;
    if (f->type == PB_FIELD_KEY)
        return import_is_streamed(kind) ? pb_arena_strndup(&im->arena, v->text, v->len) : v->text;
    return import_parse_positive(v, &id) ? import_canonical_int(im, id) : NULL;
}

/* ---- passes 1 and 2: the files' top level ---- */

/* Pass 1 gathers each record; pass 2 checks the one pass 1 gathered there. */
static void visit(struct import *im, enum pb_kind kind, const struct doc_node *node, size_t file,
                  bool checking)
{
    struct kind_state *ks = &im->kinds[kind];
    if (checking) {
        import_check_rec(im, kind, &ks->recs[ks->cursor++]);
        return;
    }
    struct rec *rec = import_add_rec(im, kind, node, file, NO_REC);
    const char *key = rec_key(im, kind, rec, node);
    if (key)
        import_claim_key(im, kind, rec, key);
    if (import_is_streamed(kind))
        rec->node = NULL;
}

void import_gather_streamed(struct import *im, enum pb_kind kind, const struct doc_node *item,
                            size_t file)
{
    if (item->kind == DOC_MAPPING)
        visit(im, kind, item, file, false);
}

/* What a streamed record leaves behind once written: its children, whose
 * identities are its own business (check_children_field), and its values. */
static void forget_record(struct import *im, enum pb_kind kind, struct rec *rec)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    for (size_t f = 0; f < info->n_fields; f++) {
        if (info->fields[f].type != PB_FIELD_CHILDREN)
            continue;
        struct kind_state *child = &im->kinds[info->fields[f].ref];
        for (size_t i = 0; i < child->n; i++)
            forget_record(im, info->fields[f].ref, &child->recs[i]);
        child->n = child->cursor = 0;
        free(child->ids.slots);
        child->ids = (struct str_map){.seed = im->seed};
    }
    rec->node = NULL;
    rec->values = NULL;
}

enum pb_status import_check_streamed(struct import *im, enum pb_kind kind,
                                     const struct doc_node *item, size_t file,
                                     struct pb_error *err)
{
    if (import_done_checking(im))
        return PB_OK;
    if (item->kind != DOC_MAPPING) {
        import_report(im, file, item, "expected a mapping: the fields of one %s",
                      pb_kind_info(kind)->singular);
        return PB_OK;
    }
    struct rec *rec = &im->kinds[kind].recs[im->kinds[kind].cursor++];
    rec->node = item;
    im->values = &im->record;
    import_check_rec(im, kind, rec);
    enum pb_status s = PB_OK;
    if (im->writing && im->n_errors == 0 && im->failure == PB_OK)
        s = import_write_streamed(im, kind, rec, im->summary, err);
    forget_record(im, kind, rec);
    pb_arena_free(&im->record);
    im->values = &im->arena;
    return s;
}

static void walk_kind(struct import *im, size_t file, enum pb_kind kind, const struct doc_node *v,
                      bool checking)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    if (import_is_null(v))
        return; /* members: with nothing under it */
    if (kind == PB_KIND_PANEL) {
        if (v->kind == DOC_MAPPING)
            visit(im, kind, v, file, checking);
        else if (checking)
            import_report(im, file, v, "expected a mapping: the fields of the %s", info->singular);
        return;
    }
    if (v->kind != DOC_SEQUENCE) {
        if (checking)
            import_report(im, file, v, "expected a list of %s", info->key);
        return;
    }
    for (size_t i = 0; i < v->n && !(checking && import_done_checking(im)); i++) {
        if (v->items[i]->kind == DOC_MAPPING)
            visit(im, kind, v->items[i], file, checking);
        else if (checking)
            import_report(im, file, v->items[i], "expected a mapping: the fields of one %s",
                          info->singular);
    }
}

static void check_version(struct import *im, size_t file, const struct doc_node *root)
{
    char buf[SHOWN_MAX + 4];
    const struct doc_node *v = version_node(root);
    if (!v)
        import_report(im, file, root, "not a panel file: 'panelboard: 1' is missing");
    else if (v->kind != DOC_SCALAR)
        import_report(im, file, v, "'panelboard' must be the format version, 1");
    else if (strcmp(v->text, "1") == 0)
        import_report(im, file, v, "'panelboard' must be the number 1, without quotes");
    else
        import_report(im, file, v,
                      "unsupported panel file version '%s': this program reads version 1",
                      import_shown(v->text, buf));
}

void import_walk_file(struct import *im, size_t file, bool checking)
{
    const struct doc_node *root = im->docs[file].root;
    if (!root)
        return; /* not loaded: doc.c's error is reported */
    if (!is_panel_file(root)) {
        if (checking && root->kind != DOC_MAPPING)
            import_report(im, file, root,
                          "expected a mapping at the top of the file, "
                          "starting with 'panelboard: 1'");
        else if (checking)
            check_version(im, file, root);
        return;
    }
    const char *known[PB_KIND_COUNT + 1];
    size_t n_known = 0;
    known[n_known++] = "panelboard";
    for (int k = 0; k < PB_KIND_COUNT; k++)
        if (import_is_top_level(k))
            known[n_known++] = pb_kind_info(k)->key;
    for (size_t i = 0; i < root->n && !(checking && import_done_checking(im)); i++) {
        const char *key = root->keys[i]->text;
        enum pb_kind kind = import_top_kind(key);
        if (kind != PB_KIND_COUNT)
            walk_kind(im, file, kind, root->items[i], checking);
        else if (checking && strcmp(key, "panelboard") != 0)
            import_unknown_key(im, file, root->keys[i], known, n_known);
    }
}
