/*
 * The panel as a panel file (yaml-format.md), walked from the field tables
 * (record.h) and written with libyaml's emitter, so that quoting is
 * libyaml's job and always valid YAML. This file adds only what the
 * emitter cannot know: that a text which would read back as a number, a
 * boolean or "not set" must be quoted, and that multi-line text reads best
 * as a literal block. The output depends on nothing but the rows, so an
 * export imported into an empty database exports to the same bytes.
 * Rows are written as they are read (pb_record_each), straight to the
 * caller's FILE through the emitter's buffer: memory does not grow with
 * the panel.
 */
#include "export.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

struct writer {
    yaml_emitter_t emitter;
    struct pb_db *db;
    struct pb_error *err;
    enum pb_status status;
    FILE *out;
    int write_errno; /* the failed write's errno, or -1 when none failed */
};

static int write_file(void *data, unsigned char *buffer, size_t size)
{
    struct writer *w = data;
    errno = 0;
    if (size > 0 && fwrite(buffer, 1, size, w->out) != size) {
        w->write_errno = errno;
        return 0;
    }
    return 1;
}

/* Emits one event. After a failure nothing more is emitted, so callers
 * write a whole structure and the status is checked once at the end. */
static void emit(struct writer *w, yaml_event_t *event, int initialized)
{
    if (!initialized) {
        if (w->status == PB_OK)
            w->status = pb_error_set(w->err, PB_ERR_INTERNAL,
                                     "cannot write a value that is not valid UTF-8");
        return;
    }
    if (w->status != PB_OK) {
        yaml_event_delete(event);
        return;
    }
    /* The emitter deletes the event whether or not it succeeds. */
    if (yaml_emitter_emit(&w->emitter, event))
        return;
    if (w->write_errno >= 0) /* a full disk or a closed pipe */
        w->status = pb_error_set(w->err, PB_ERR_IO, "cannot write the export: %s",
                                 w->write_errno ? strerror(w->write_errno) : "write error");
    else
        w->status = pb_error_set(w->err, PB_ERR_INTERNAL, "cannot write the panel file: %s",
                                 w->emitter.problem ? w->emitter.problem : "emitter error");
}

static void scalar(struct writer *w, const char *text, yaml_scalar_style_t style)
{
    yaml_event_t event;
    int ok = yaml_scalar_event_initialize(&event, NULL, NULL, (const yaml_char_t *)text,
                                          (int)strlen(text), 1, 1, style);
    emit(w, &event, ok);
}

static void mapping_start(struct writer *w)
{
    yaml_event_t event;
    emit(w, &event,
         yaml_mapping_start_event_initialize(&event, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE));
}

static void mapping_end(struct writer *w)
{
    yaml_event_t event;
    emit(w, &event, yaml_mapping_end_event_initialize(&event));
}

static void sequence_start(struct writer *w, yaml_sequence_style_t style)
{
    yaml_event_t event;
    emit(w, &event, yaml_sequence_start_event_initialize(&event, NULL, NULL, 1, style));
}

static void sequence_end(struct writer *w)
{
    yaml_event_t event;
    emit(w, &event, yaml_sequence_end_event_initialize(&event));
}

/* ---- when text must be quoted ---- */

/* Words that YAML 1.1 or 1.2 reads as null or a boolean, in any case. */
static bool is_reserved_word(const char *s)
{
    static const char *const words[] = {"~",    "null",  "true",  "false", "yes", "no",
                                        "on",   "off",   "y",     "n",     "<<",  "=",
                                        ".inf", "+.inf", "-.inf", ".nan"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcasecmp(s, words[i]) == 0)
            return true;
    return false;
}

/* The YYYY-MM-DD form: a YAML 1.1 timestamp, but the importer reads a date
 * in a text field as the text written, and keys such as a meeting's
 * 2022-10-12 read better plain. */
static bool is_date_form(const char *s)
{
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !isdigit((unsigned char)s[i]))
            return false;
    }
    return s[10] == '\0';
}

/* Anything that a YAML 1.1 or 1.2 reader might take for a number: an
 * optional sign, a digit (or a point and a digit), then only characters of
 * decimal, hex, octal, binary, exponent, underscore and sexagesimal forms.
 * Quoting a few texts that are not numbers ("1-2") costs nothing. */
static bool is_number_like(const char *s)
{
    const char *p = s + (*s == '+' || *s == '-');
    if (!isdigit((unsigned char)p[0]) && !(p[0] == '.' && isdigit((unsigned char)p[1])))
        return false;
    for (; *p; p++)
        if (!isxdigit((unsigned char)*p) && !strchr("oOxX_.:+-", *p))
            return false;
    return !is_date_form(s);
}

static bool needs_quotes(const char *s)
{
    return *s == '\0' || is_reserved_word(s) || is_number_like(s);
}

/* Text of any field: libyaml picks plain or quoted, except where a plain
 * scalar would be read back as something else; multi-line text goes as a
 * literal block (the emitter falls back to double quotes where a block
 * cannot hold it exactly, such as a line ending in a space). */
static void text(struct writer *w, const char *s)
{
    if (strchr(s, '\n'))
        scalar(w, s, YAML_LITERAL_SCALAR_STYLE);
    else if (needs_quotes(s))
        scalar(w, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
    else
        scalar(w, s, YAML_ANY_SCALAR_STYLE);
}

static void plain(struct writer *w, const char *s)
{
    scalar(w, s, YAML_PLAIN_SCALAR_STYLE);
}

/* ---- records ---- */

static bool has_value(const struct pb_value *value)
{
    return value->state == PB_VALUE_TEXT || value->state == PB_VALUE_INT ||
           (value->state == PB_VALUE_LIST && value->n_items > 0);
}

static void write_record(struct writer *w, enum pb_kind kind, const struct pb_value *row);

static void write_list(struct writer *w, const struct pb_value *value, yaml_sequence_style_t style)
{
    sequence_start(w, style);
    for (size_t i = 0; i < value->n_items; i++)
        text(w, value->items[i]);
    sequence_end(w);
}

/* A list of records written as pb_record_each reads them: the key and
 * the sequence start before the first, so that an empty list is left out. */
struct list_ctx {
    struct writer *w;
    enum pb_kind kind;
    const char *key;
    bool started;
};

static enum pb_status list_row(const struct pb_value *row, void *ctx, struct pb_error *err)
{
    (void)err;
    struct list_ctx *lc = ctx;
    if (!lc->started) {
        plain(lc->w, lc->key);
        sequence_start(lc->w, YAML_BLOCK_SEQUENCE_STYLE);
        lc->started = true;
    }
    write_record(lc->w, lc->kind, row);
    return lc->w->status;
}

static void write_rows(struct writer *w, enum pb_kind kind, const char *key,
                       const char *parent_key, int64_t parent_id)
{
    struct list_ctx lc = {.w = w, .kind = kind, .key = key};
    enum pb_status s = pb_record_each(w->db, kind, parent_key, parent_id, list_row, &lc, w->err);
    if (w->status == PB_OK)
        w->status = s;
    if (lc.started)
        sequence_end(w);
}

/* Child records of the row: the parent is named by its text key, or by
 * its row id (an action's id; an agenda item's row). */
static void write_children(struct writer *w, enum pb_kind kind, const struct pb_field *field,
                           const struct pb_value *row, const struct pb_value *children_value)
{
    if (w->status != PB_OK)
        return;
    bool by_key = row[0].state == PB_VALUE_TEXT && pb_kind_info(kind)->parent == PB_KIND_COUNT;
    write_rows(w, field->ref, field->key, by_key ? row[0].text : NULL,
               by_key ? 0 : children_value->i);
}

static void write_value(struct writer *w, const struct pb_field *field,
                        const struct pb_value *value)
{
    char number[32];
    switch (field->type) {
    case PB_FIELD_BOOL:
        plain(w, value->i ? "true" : "false");
        break;
    case PB_FIELD_INT_KEY:
    case PB_FIELD_INT_REF:
        snprintf(number, sizeof number, "%" PRId64, value->i);
        plain(w, number);
        break;
    case PB_FIELD_REF_LIST:
        /* An action owned by everyone: yaml-format.md's "the single word all". */
        if (strcmp(field->key, "owners") == 0 && value->n_items == 1 &&
            strcmp(value->items[0], "all") == 0)
            plain(w, "all");
        else
            write_list(w, value, YAML_FLOW_SEQUENCE_STYLE);
        break;
    case PB_FIELD_TEXT_LIST:
        write_list(w, value, YAML_BLOCK_SEQUENCE_STYLE);
        break;
    default:
        text(w, value->text);
        break;
    }
}

static void write_record(struct writer *w, enum pb_kind kind, const struct pb_value *row)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    mapping_start(w);
    for (size_t i = 0; i < info->n_fields; i++) {
        const struct pb_field *field = &info->fields[i];
        if (field->type == PB_FIELD_CHILDREN) {
            write_children(w, kind, field, row, &row[i]);
        } else if (has_value(&row[i])) {
            plain(w, field->key);
            write_value(w, field, &row[i]);
        }
    }
    mapping_end(w);
}

static bool any_value(enum pb_kind kind, const struct pb_value *row)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    for (size_t i = 0; i < info->n_fields; i++)
        if (has_value(&row[i]))
            return true;
    return false;
}

static enum pb_status panel_row(const struct pb_value *row, void *ctx, struct pb_error *err)
{
    (void)err;
    struct writer *w = ctx;
    if (any_value(PB_KIND_PANEL, row)) {
        plain(w, pb_kind_info(PB_KIND_PANEL)->key);
        write_record(w, PB_KIND_PANEL, row);
    }
    return w->status;
}

/* One top-level section; left out when it has nothing to say. The panel
 * itself is a mapping, every other kind a list of records. */
static void write_section(struct writer *w, enum pb_kind kind)
{
    if (w->status != PB_OK)
        return;
    if (kind == PB_KIND_PANEL) {
        enum pb_status s = pb_record_each(w->db, kind, NULL, 0, panel_row, w, w->err);
        if (w->status == PB_OK)
            w->status = s;
    } else {
        write_rows(w, kind, pb_kind_info(kind)->key, NULL, 0);
    }
}

static void write_document(struct writer *w)
{
    yaml_event_t event;
    emit(w, &event, yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING));
    emit(w, &event, yaml_document_start_event_initialize(&event, NULL, NULL, NULL, 1));
    mapping_start(w);
    plain(w, "panelboard");
    plain(w, "1");
    /* The kinds are declared in the order of the panel file. */
    for (int kind = 0; kind < PB_KIND_COUNT; kind++)
        if (pb_kind_info((enum pb_kind)kind)->parent == PB_KIND_COUNT)
            write_section(w, (enum pb_kind)kind);
    mapping_end(w);
    emit(w, &event, yaml_document_end_event_initialize(&event, 1));
    emit(w, &event, yaml_stream_end_event_initialize(&event));
}

enum pb_status pb_export_yaml(struct pb_db *db, FILE *out, struct pb_error *err)
{
    struct writer w = {.db = db, .err = err, .status = PB_OK, .out = out, .write_errno = -1};
    if (!yaml_emitter_initialize(&w.emitter))
        return pb_error_set(err, PB_ERR_INTERNAL, "cannot start the YAML emitter");
    yaml_emitter_set_output(&w.emitter, write_file, &w);
    yaml_emitter_set_encoding(&w.emitter, YAML_UTF8_ENCODING);
    yaml_emitter_set_unicode(&w.emitter, 1);
    /* No folding: one value, one line, whatever its length. */
    yaml_emitter_set_width(&w.emitter, -1);
    yaml_emitter_set_indent(&w.emitter, 2);
    yaml_emitter_set_break(&w.emitter, YAML_LN_BREAK);
    write_document(&w);
    yaml_emitter_delete(&w.emitter);
    return w.status;
}
