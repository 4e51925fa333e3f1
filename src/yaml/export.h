/*
 * The panel's rows read into memory, which the panel file writer and the
 * reports of src/report (Markdown, CSV) walk, and the panel file writer,
 * which builds its whole output in a pb_buf for pb_export (export.c).
 *
 * Internal to src/yaml and the layer above it, src/report.
 */
#ifndef PB_YAML_EXPORT_H
#define PB_YAML_EXPORT_H

#include <panelboard/panelfile.h>

/* The rows of one kind, in the panel's order, each a copy of the values
 * pb_record_each gave (one per field of the kind), so that they outlive the
 * callback and can be walked more than once. */
struct pb_export_rows {
    enum pb_kind kind;
    struct pb_value **rows;
    size_t n;
    size_t cap;
};

/* Reads every row of kind (for a child kind, those of parent_key or
 * parent_id) into rows, which the caller frees with pb_export_rows_free
 * whatever the result. */
enum pb_status pb_export_rows_load(struct pb_db *db, enum pb_kind kind, const char *parent_key,
                                   int64_t parent_id, struct pb_export_rows *rows,
                                   struct pb_error *err);
void pb_export_rows_free(struct pb_export_rows *rows);

/* The value of the field named key of a row of kind; key must be one of the
 * kind's fields (a wrong name is a bug and aborts). */
const struct pb_value *pb_export_field(enum pb_kind kind, const struct pb_value *row,
                                       const char *key);
/* The field's text, or NULL when it has none. */
const char *pb_export_text(enum pb_kind kind, const struct pb_value *row, const char *key);

/* The row of a text-keyed kind whose key is id, or NULL. */
const struct pb_value *pb_export_find(const struct pb_export_rows *rows, const char *id);

/* The panel file writer: streams the whole file to out as its rows are read. */
enum pb_status pb_export_yaml(struct pb_db *db, FILE *out, struct pb_error *err);

#endif
