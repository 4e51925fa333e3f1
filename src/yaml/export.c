/*
 * pb_export: the whole panel as a panel file, a Markdown report or a CSV of
 * the actions. The writers build their output in memory; this file hands it
 * to the caller's FILE in one go, so that every write failure is noticed in
 * one place and reported as PB_ERR_IO. It also holds the row loading that
 * the writers share.
 */
#include "export.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void copy_value(struct pb_value *to, const struct pb_value *from)
{
    *to = (struct pb_value){.state = from->state, .i = from->i};
    if (from->state == PB_VALUE_TEXT)
        to->text = pb_xstrdup(from->text ? from->text : "");
    if (from->state == PB_VALUE_LIST) {
        char **items = pb_xcalloc(from->n_items + 1, sizeof *items);
        for (size_t i = 0; i < from->n_items; i++)
            items[i] = pb_xstrdup(from->items[i]);
        to->items = (const char *const *)items;
        to->n_items = from->n_items;
    }
}

static void free_value(struct pb_value *value)
{
    if (value->state == PB_VALUE_TEXT)
        free((void *)value->text);
    if (value->state == PB_VALUE_LIST) {
        for (size_t i = 0; i < value->n_items; i++)
            free((void *)value->items[i]);
        free((void *)value->items);
    }
}

static enum pb_status collect(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct pb_export_rows *rows = ctx;
    size_t n_fields = pb_kind_info(rows->kind)->n_fields;
    if (rows->n == rows->cap) {
        rows->cap = rows->cap ? rows->cap * 2 : 16;
        rows->rows = pb_xrealloc(rows->rows, rows->cap * sizeof *rows->rows);
    }
    struct pb_value *row = pb_xcalloc(n_fields, sizeof *row);
    for (size_t i = 0; i < n_fields; i++)
        copy_value(&row[i], &values[i]);
    rows->rows[rows->n++] = row;
    return PB_OK;
}

enum pb_status pb_export_rows_load(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                                   int64_t parent_id, struct pb_export_rows *rows,
                                   struct pb_error *err)
{
    *rows = (struct pb_export_rows){.kind = kind};
    return pb_record_each(db, kind, parent_key, parent_id, collect, rows, err);
}

void pb_export_rows_free(struct pb_export_rows *rows)
{
    size_t n_fields = pb_kind_info(rows->kind)->n_fields;
    for (size_t r = 0; r < rows->n; r++) {
        for (size_t i = 0; i < n_fields; i++)
            free_value(&rows->rows[r][i]);
        free(rows->rows[r]);
    }
    free(rows->rows);
    *rows = (struct pb_export_rows){.kind = rows->kind};
}

const struct pb_value *pb_export_field(enum pb_kind kind, const struct pb_value *row,
                                       const char *key)
{
    int index = pb_field_index(kind, key);
    /* The writers name fields with literals; a miss is a typo in this folder. */
    if (index < 0)
        abort();
    return &row[index];
}

const char *pb_export_text(enum pb_kind kind, const struct pb_value *row, const char *key)
{
    const struct pb_value *value = pb_export_field(kind, row, key);
    return value->state == PB_VALUE_TEXT ? value->text : NULL;
}

const struct pb_value *pb_export_find(const struct pb_export_rows *rows, const char *id)
{
    for (size_t r = 0; id && r < rows->n; r++)
        if (rows->rows[r][0].state == PB_VALUE_TEXT && strcmp(rows->rows[r][0].text, id) == 0)
            return rows->rows[r];
    return NULL;
}

static enum pb_status write_out(FILE *out, const struct pb_buf *buf, struct pb_error *err)
{
    errno = 0;
    bool ok = buf->len == 0 || fwrite(buf->data, 1, buf->len, out) == buf->len;
    /* fflush is where a full disk or a closed pipe usually shows. */
    ok = fflush(out) == 0 && ok && !ferror(out);
    if (ok)
        return PB_OK;
    return pb_error_set(err, PB_ERR_IO, "cannot write the export: %s",
                        errno ? strerror(errno) : "write error");
}

enum pb_status pb_export(struct pb_db *db, enum pb_export_format format, FILE *out,
                         struct pb_error *err)
{
    struct pb_buf buf = {0};
    /* One snapshot: a write by someone else mid-export cannot mix states. */
    enum pb_status status = pb_read_begin(db, err);
    if (status != PB_OK)
        return status;
    switch (format) {
    case PB_EXPORT_YAML:
        status = pb_export_yaml(db, &buf, err);
        break;
    case PB_EXPORT_MD:
        status = pb_export_md(db, &buf, err);
        break;
    case PB_EXPORT_CSV:
        status = pb_export_csv(db, &buf, err);
        break;
    default:
        status = pb_error_set(err, PB_ERR_INTERNAL, "unknown export format %d", (int)format);
        break;
    }
    pb_read_end(db);
    /* The report and the table are read by people: a row that another
     * program wrote with escape sequences must not drive their terminal.
     * The panel file keeps its bytes (libyaml escapes them; check reports
     * them, since the importer refuses them). */
    if (status == PB_OK && format != PB_EXPORT_YAML) {
        struct pb_buf shown = {0};
        pb_visible(&shown, buf.data, buf.len, PB_VISIBLE_LINES);
        pb_buf_free(&buf);
        buf = shown;
    }
    if (status == PB_OK)
        status = write_out(out, &buf, err);
    pb_buf_free(&buf);
    return status;
}
