/*
 * Writing the checked records through the model, in the order of
 * yaml-format.md, each kind's children after their parent, and counting
 * what was added, updated and left unchanged.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>

static void count(struct pb_import_summary *summary, enum pb_kind kind, enum pb_put_result r)
{
    struct pb_import_count *c = &summary->kinds[kind];
    if (r == PB_PUT_ADDED)
        c->added++;
    else if (r == PB_PUT_UPDATED)
        c->updated++;
    else
        c->unchanged++;
}

/* A failed write names the record it was writing. */
static enum pb_status write_failed(struct import *im, const struct rec *rec, enum pb_status s,
                                   struct pb_error *err)
{
    if (err->line == 0) {
        snprintf(err->file, sizeof err->file, "%s", im->names[rec->file]);
        err->line = rec->line;
        err->column = rec->column;
    }
    return s;
}

/* The children of record `index` of kind, and theirs (an agenda item's
 * decisions and questions): each child kind's records are in their
 * parents' order, so a cursor per child kind walks them. */
static enum pb_status write_children(struct import *im, enum pb_kind kind, size_t index,
                                     size_t cursors[], struct pb_import_summary *summary,
                                     struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct rec *parent = &im->kinds[kind].recs[index];
    /* a top-level kind's children name it by its key; a child's, by row id */
    bool by_id = info->fields[0].type == PB_FIELD_INT_KEY || info->parent != PB_KIND_COUNT;
    for (size_t f = 0; f < info->n_fields; f++) {
        if (info->fields[f].type != PB_FIELD_CHILDREN)
            continue;
        enum pb_kind child = info->fields[f].ref;
        struct kind_state *ks = &im->kinds[child];
        for (; cursors[child] < ks->n && ks->recs[cursors[child]].parent == index;) {
            size_t at = cursors[child]++;
            struct rec *rec = &ks->recs[at];
            enum pb_put_result r;
            enum pb_status s = pb_child_put(im->db, child, by_id ? NULL : parent->key,
                                            parent->row_id, rec->values, &r, &rec->row_id, err);
            if (s != PB_OK)
                return write_failed(im, rec, s, err);
            count(summary, child, r);
            s = write_children(im, child, at, cursors, summary, err);
            if (s != PB_OK)
                return s;
        }
    }
    return PB_OK;
}

static bool has_children(enum pb_kind kind)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    for (size_t f = 0; f < info->n_fields; f++)
        if (info->fields[f].type == PB_FIELD_CHILDREN)
            return true;
    return false;
}

/* The records of a kind without children, put all at once: the model
 * inserts new rows many to a statement. */
static enum pb_status write_kind(struct import *im, enum pb_kind kind,
                                 struct pb_import_summary *summary, struct pb_error *err)
{
    struct kind_state *ks = &im->kinds[kind];
    if (ks->n == 0)
        return PB_OK;
    const struct pb_value **rows = pb_xmalloc(ks->n * sizeof *rows);
    enum pb_put_result *results = pb_xmalloc(ks->n * sizeof *results);
    for (size_t i = 0; i < ks->n; i++)
        rows[i] = ks->recs[i].values;
    size_t failed = 0;
    enum pb_status s = pb_record_put_many(im->db, kind, rows, ks->n, results, &failed, err);
    if (s != PB_OK)
        s = write_failed(im, &ks->recs[failed], s, err);
    for (size_t i = 0; i < ks->n && s == PB_OK; i++)
        count(summary, kind, results[i]);
    free(rows);
    free(results);
    return s;
}

/* In the order of yaml-format.md (the order of enum pb_kind). */
enum pb_status import_write_all(struct import *im, struct pb_import_summary *summary,
                                struct pb_error *err)
{
    size_t cursors[PB_KIND_COUNT] = {0};
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        if (!import_is_top_level(k) || import_is_streamed(k))
            continue;
        struct kind_state *ks = &im->kinds[k];
        if (!has_children(k)) {
            enum pb_status s = write_kind(im, k, summary, err);
            if (s != PB_OK)
                return s;
            continue;
        }
        for (size_t i = 0; i < ks->n; i++) {
            struct rec *rec = &ks->recs[i];
            enum pb_put_result r;
            enum pb_status s = pb_record_put(im->db, k, rec->values, &r, &rec->row_id, err);
            if (s != PB_OK)
                return write_failed(im, rec, s, err);
            count(summary, k, r);
            s = write_children(im, k, i, cursors, summary, err);
            if (s != PB_OK)
                return s;
        }
    }
    return PB_OK;
}

enum pb_status import_write_streamed(struct import *im, enum pb_kind kind, struct rec *rec,
                                     struct pb_import_summary *summary, struct pb_error *err)
{
    /* the record's children are the only ones of their kinds just now */
    size_t cursors[PB_KIND_COUNT] = {0};
    size_t index = (size_t)(rec - im->kinds[kind].recs);
    enum pb_put_result r;
    enum pb_status s = pb_record_put(im->db, kind, rec->values, &r, &rec->row_id, err);
    if (s != PB_OK)
        return write_failed(im, rec, s, err);
    count(summary, kind, r);
    return write_children(im, kind, index, cursors, summary, err);
}
