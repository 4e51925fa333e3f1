/*
 * Pass 2: checking one record against its kind's field table (record.h,
 * kinds.c) and turning each value into the pb_value pb_record_put takes.
 * Each field type has its checker; a record's children are records too,
 * checked the same way.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS     64 /* fields of one kind: a bit each in a uint64_t */

/* ---- pass 2: one value of one field ---- */

struct field_ctx {
    struct import *im;
    enum pb_kind kind;
    struct rec *rec;
    const struct pb_field *f;
    const struct doc_node *v;
    struct pb_value *out;
};

static bool want_scalar(const struct field_ctx *c)
{
    if (c->v->kind == DOC_SCALAR)
        return true;
    import_report(c->im, c->rec->file, c->v, "expected one value for '%s', not a %s", c->f->key,
                  c->v->kind == DOC_SEQUENCE ? "list" : "mapping");
    return false;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A text kept as written but for leading and trailing white space; NULL
 * after reporting a newline where none may be, or too many characters.
 * *len is 0 for a text that is only white space. */
static const char *check_text(struct import *im, size_t file, const char *name,
                              enum pb_field_type type, const struct doc_node *v, size_t *len)
{
    const char *s = v->text;
    size_t n = v->len;
    while (n > 0 && is_space(*s))
        s++, n--;
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (type != PB_FIELD_LONG_TEXT && memchr(s, '\n', n)) {
        import_report(im, file, v, "newline not allowed in '%s'", name);
        return NULL;
    }
    size_t max = type == PB_FIELD_NAME ? PB_NAME_MAX_CHARS : PB_TEXT_MAX_CHARS;
    size_t chars = n <= max ? n : pb_utf8_length(s, n); /* no more characters than bytes */
    if (chars > max) {
        import_report(im, file, v, "'%s' is too long: %zu characters, at most %zu", name, chars,
                      max);
        return NULL;
    }
    *len = n;
    return n == v->len ? v->text : pb_arena_strndup(im->values, s, n);
}

static void set_text(struct pb_value *out, const char *text)
{
    out->state = PB_VALUE_TEXT;
    out->text = text;
}

static void set_int(struct pb_value *out, int64_t i)
{
    out->state = PB_VALUE_INT;
    out->i = i;
}

static void check_text_field(const struct field_ctx *c)
{
    size_t len;
    const char *text = check_text(c->im, c->rec->file, c->f->key, c->f->type, c->v, &len);
    if (!text)
        return;
    if (len > 0)
        set_text(c->out, text);
    else if (c->f->required)
        import_report(c->im, c->rec->file, c->v, "'%s' cannot be empty", c->f->key);
    else
        c->out->state = PB_VALUE_NULL; /* only white space: not set */
}

static void check_key_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    if (!import_key_valid(c->v->text, c->v->len)) {
        import_report(
            c->im, c->rec->file, c->v,
            "'%s' is not a valid id: 1 to 64 of a-z 0-9 - _ . starting with a letter or digit",
            import_shown(c->v->text, buf));
        return;
    }
    if (c->kind == PB_KIND_MEMBER && strcmp(c->v->text, "all") == 0) {
        import_report(c->im, c->rec->file, c->v,
                      "'all' cannot be a member's id: in owners it means every member");
        return;
    }
    set_text(c->out, c->v->text);
}

static void check_int_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    int64_t id;
    if (!import_parse_positive(c->v, &id)) {
        import_report(c->im, c->rec->file, c->v,
                      "'%s' must be a whole number from 1 to 999999999, not '%s'", c->f->key,
                      import_shown(c->v->text, buf));
        return;
    }
    if (c->f->type == PB_FIELD_INT_REF &&
        !import_ref_exists(c->im, c->f->ref, import_canonical_int(c->im, id), id)) {
        import_report(c->im, c->rec->file, c->v, "unknown %s %lld",
                      pb_kind_info(c->f->ref)->singular, (long long)id);
        return;
    }
    set_int(c->out, id);
}

static void check_bool_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    bool word = import_is_word(c->v, "true") || import_is_word(c->v, "false");
    if (word && c->v->plain && !c->v->tagged_str) {
        set_int(c->out, import_is_word(c->v, "true"));
        return;
    }
    if (word)
        import_report(c->im, c->rec->file, c->v, "'%s' must be true or false without quotes",
                      c->f->key);
    else
        import_report(c->im, c->rec->file, c->v, "'%s' must be true or false, not '%s'", c->f->key,
                      import_shown(c->v->text, buf));
}

static bool looks_like_date(const char *s, size_t len)
{
    if (len != 10)
        return false;
    for (size_t i = 0; i < len; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static void check_date_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    pb_day day;
    if (pb_date_parse(c->v->text, &day))
        set_text(c->out, c->v->text);
    else if (looks_like_date(c->v->text, c->v->len))
        import_report(c->im, c->rec->file, c->v, "'%s': there is no date %s", c->f->key,
                      c->v->text);
    else
        import_report(c->im, c->rec->file, c->v, "'%s' must be a date written YYYY-MM-DD, not '%s'",
                      c->f->key, import_shown(c->v->text, buf));
}

static void check_enum_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    size_t n = 0;
    while (c->f->values[n])
        n++;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(c->v->text, c->f->values[i]) == 0) {
            set_text(c->out, c->f->values[i]);
            return;
        }
    }
    const char *near = pb_suggest(c->v->text, c->f->values, n);
    if (near) {
        import_report(c->im, c->rec->file, c->v, "unknown %s '%s', did you mean '%s'?", c->f->key,
                      import_shown(c->v->text, buf), near);
        return;
    }
    struct pb_buf all = {0};
    for (size_t i = 0; i < n; i++)
        pb_buf_addf(&all, "%s%s", i ? ", " : "", c->f->values[i]);
    import_report(c->im, c->rec->file, c->v, "unknown %s '%s': expected one of %s", c->f->key,
                  import_shown(c->v->text, buf), all.data);
    pb_buf_free(&all);
}

/* A reference by text id; false after reporting an unknown one. */
static bool check_ref(struct import *im, size_t file, enum pb_kind kind, const struct doc_node *v)
{
    char buf[SHOWN_MAX + 4];
    if (import_ref_exists(im, kind, v->text, 0))
        return true;
    const char *near = import_suggest_id(im, kind, v->text);
    if (near)
        import_report(im, file, v, "unknown %s '%s', did you mean '%s'?",
                      pb_kind_info(kind)->singular, import_shown(v->text, buf), near);
    else
        import_report(im, file, v, "unknown %s '%s'", pb_kind_info(kind)->singular,
                      import_shown(v->text, buf));
    return false;
}

static void check_ref_field(const struct field_ctx *c)
{
    if (check_ref(c->im, c->rec->file, c->f->ref, c->v))
        set_text(c->out, c->v->text);
}

/* owners may be the word all, alone or ahead of member ids. */
static bool takes_all(enum pb_kind kind, const struct pb_field *f)
{
    return kind == PB_KIND_ACTION && strcmp(f->key, "owners") == 0;
}

static void check_ref_list_field(const struct field_ctx *c)
{
    static const char *const all[] = {"all"};
    struct import *im = c->im;
    const char *singular = pb_kind_info(c->f->ref)->singular;
    bool all_ok = takes_all(c->kind, c->f);
    if (all_ok && import_is_word(c->v, "all")) {
        c->out->state = PB_VALUE_LIST;
        c->out->items = all;
        c->out->n_items = 1;
        return;
    }
    if (c->v->kind != DOC_SEQUENCE) {
        import_report(im, c->rec->file, c->v, "expected a list of %s ids%s for '%s'", singular,
                      all_ok ? " (or the word all)" : "", c->f->key);
        return;
    }
    if (c->v->n == 0 && c->f->required) {
        import_report(im, c->rec->file, c->v, "'%s' needs at least one %s id", c->f->key, singular);
        return;
    }
    const char **items =
        pb_arena_alloc(im->values, (c->v->n + 1) * sizeof *items, _Alignof(const char *));
    struct str_map seen = {.seed = im->seed};
    bool ok = true;
    for (size_t i = 0; i < c->v->n && !import_done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        bool added = false;
        if (item->kind != DOC_SCALAR || import_is_null(item)) {
            import_report(im, c->rec->file, item, "expected a %s id in '%s'", singular, c->f->key);
        } else if (all_ok && import_is_word(item, "all") && i > 0) {
            import_report(im, c->rec->file, item, "'all' can only stand first in '%s'",
                          c->f->key);
        } else if ((all_ok && import_is_word(item, "all")) ||
                   check_ref(im, c->rec->file, c->f->ref, item)) {
            import_id_add(im->values, &seen, item->text, &added);
            if (!added)
                import_report(im, c->rec->file, item, "'%s' is listed twice in '%s'", item->text,
                              c->f->key);
        }
        ok = ok && added;
        items[i] = item->text;
    }
    free(seen.slots);
    if (ok) {
        c->out->state = PB_VALUE_LIST;
        c->out->items = items;
        c->out->n_items = c->v->n;
    }
}

static void check_text_list_field(const struct field_ctx *c)
{
    struct import *im = c->im;
    if (c->v->kind != DOC_SEQUENCE) {
        import_report(im, c->rec->file, c->v, "expected a list of texts for '%s'", c->f->key);
        return;
    }
    const char **items =
        pb_arena_alloc(im->values, (c->v->n + 1) * sizeof *items, _Alignof(const char *));
    bool ok = true;
    for (size_t i = 0; i < c->v->n && !import_done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        size_t len = 0;
        if (item->kind != DOC_SCALAR || import_is_null(item)) {
            import_report(im, c->rec->file, item, "expected a text in '%s'", c->f->key);
            items[i] = NULL;
        } else {
            items[i] = check_text(im, c->rec->file, c->f->key, PB_FIELD_TEXT, item, &len);
            if (items[i] && len == 0)
                import_report(im, c->rec->file, item, "empty item in '%s'", c->f->key);
        }
        ok = ok && items[i] && len > 0;
    }
    if (ok) {
        c->out->state = PB_VALUE_LIST;
        c->out->items = items;
        c->out->n_items = c->v->n;
    }
}

/* What makes two child records the same one (record.h, pb_child_put): a
 * file that gives one twice would not import the same way twice. */
static const char *const child_identity[PB_KIND_COUNT][4] = {
    [PB_KIND_DECLARATION] = {"by", "item"},
    [PB_KIND_ITEM] = {"ref"},
    [PB_KIND_ITEM_DECISION] = {"ref"},
    [PB_KIND_ITEM_QUESTION] = {"asked"},
    [PB_KIND_DECISION] = {"ref"},
    [PB_KIND_QUESTION] = {"asked"},
    [PB_KIND_UPDATE] = {"date", "by", "text"},
};

/* The child's identity within its parent, as one string: fields apart by a
 * control character, which no text can hold. */
static const char *identity_of(struct import *im, enum pb_kind kind, const struct rec *rec)
{
    struct pb_buf b = {0};
    pb_buf_addf(&b, "%zu", rec->parent);
    for (const char *const *f = child_identity[kind]; *f; f++) {
        const struct pb_value *v = &rec->values[pb_field_index(kind, *f)];
        pb_buf_addf(&b, "\x1f%s", v->state == PB_VALUE_TEXT ? v->text : "");
    }
    const char *key = pb_arena_strndup(im->values, b.data, b.len);
    pb_buf_free(&b);
    return key;
}

static void identity_names(enum pb_kind kind, char *buf, size_t size)
{
    const char *const *f = child_identity[kind];
    size_t n = 0;
    while (f[n])
        n++;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : i + 1 == n ? " and " : ", ";
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", sep, f[i]);
    }
}

static void check_children_field(const struct field_ctx *c)
{
    struct import *im = c->im;
    enum pb_kind child = c->f->ref;
    const struct pb_kind_info *info = pb_kind_info(child);
    if (c->v->kind != DOC_SEQUENCE) {
        import_report(im, c->rec->file, c->v, "expected a list of %s", info->key);
        return;
    }
    size_t parent = (size_t)(c->rec - im->kinds[c->kind].recs);
    struct kind_state *ks = &im->kinds[child];
    for (size_t i = 0; i < c->v->n && !import_done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        if (item->kind != DOC_MAPPING) {
            import_report(im, c->rec->file, item, "expected a mapping: the fields of one %s",
                          info->singular);
            continue;
        }
        size_t errors = im->n_errors;
        struct rec *rec = import_add_rec(im, child, item, c->rec->file, parent);
        import_check_rec(im, child, rec);
        if (im->n_errors > errors)
            continue;
        import_claim_key(im, child, rec, identity_of(im, child, rec));
        if (rec->first != NO_REC) {
            char names[64], where[PB_ERROR_FILE_MAX + 32];
            const struct rec *first = &ks->recs[rec->first];
            identity_names(child, names, sizeof names);
            import_report(
                im, rec->file, item, "duplicate %s: one with the same %s is already given %s",
                info->singular, names,
                import_place_of(im, rec->file, first->file, first->line, where, sizeof where));
        }
    }
}

static void check_value(const struct field_ctx *c)
{
    if (import_is_null(c->v)) {
        if (c->f->required)
            import_report(c->im, c->rec->file, c->v, "'%s' cannot be empty", c->f->key);
        else if (c->f->type != PB_FIELD_INT_KEY && c->f->type != PB_FIELD_CHILDREN)
            c->out->state = PB_VALUE_NULL; /* cleared; a null id means a new row */
        return;
    }
    switch (c->f->type) {
    case PB_FIELD_REF_LIST:
        check_ref_list_field(c);
        return;
    case PB_FIELD_TEXT_LIST:
        check_text_list_field(c);
        return;
    case PB_FIELD_CHILDREN:
        check_children_field(c);
        return;
    default:
        break;
    }
    if (!want_scalar(c))
        return;
    switch (c->f->type) {
    case PB_FIELD_KEY:
        check_key_field(c);
        break;
    case PB_FIELD_INT_KEY:
    case PB_FIELD_INT_REF:
        check_int_field(c);
        break;
    case PB_FIELD_NAME:
    case PB_FIELD_TEXT:
    case PB_FIELD_LONG_TEXT:
        check_text_field(c);
        break;
    case PB_FIELD_BOOL:
        check_bool_field(c);
        break;
    case PB_FIELD_DATE:
        check_date_field(c);
        break;
    case PB_FIELD_ENUM:
        check_enum_field(c);
        break;
    case PB_FIELD_REF:
        check_ref_field(c);
        break;
    default:
        break;
    }
}

/* ---- pass 2: one record ---- */

void import_unknown_key(struct import *im, size_t file, const struct doc_node *key,
                        const char *const *known, size_t n)
{
    char buf[SHOWN_MAX + 4];
    const char *near = pb_suggest(key->text, known, n);
    if (near)
        import_report(im, file, key, "unknown key '%s', did you mean '%s'?",
                      import_shown(key->text, buf), near);
    else
        import_report(im, file, key, "unknown key '%s'", import_shown(key->text, buf));
}

static void report_duplicate(struct import *im, enum pb_kind kind, const struct rec *rec)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct rec *first = &im->kinds[kind].recs[rec->first];
    const char *id_key = info->fields[0].key;
    const struct doc_node *at = import_map_get(rec->node, id_key);
    char where[PB_ERROR_FILE_MAX + 32], buf[SHOWN_MAX + 4];
    bool keyed = info->fields[0].type == PB_FIELD_KEY || info->fields[0].type == PB_FIELD_INT_KEY;
    if (keyed && at && first->id_line) {
        import_report(
            im, rec->file, at, "duplicate %s id '%s': already given %s", info->singular,
            import_shown(rec->key, buf),
            import_place_of(im, rec->file, first->file, first->id_line, where, sizeof where));
    } else {
        import_report(
            im, rec->file, rec->node, "'%s' is already given %s", info->key,
            import_place_of(im, rec->file, first->file, first->line, where, sizeof where));
    }
}

/* The field a key names, or -1. Files mostly give fields in the table's
 * order, leaving some out, so the search starts after the last one found
 * (next) and wraps around. */
static int field_of(const struct pb_kind_info *info, const char *key, size_t next)
{
    size_t n = info->n_fields;
    for (size_t k = 0; k < n; k++) {
        size_t j = (next + k) % n;
        if (info->fields[j].key[0] == key[0] && strcmp(info->fields[j].key, key) == 0)
            return (int)j;
    }
    return -1;
}

void import_check_rec(struct import *im, enum pb_kind kind, struct rec *rec)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    rec->values =
        pb_arena_alloc(im->values, info->n_fields * sizeof *rec->values, _Alignof(struct pb_value));
    uint64_t seen = 0;
    const struct doc_node *map = rec->node;
    int f = -1;
    for (size_t i = 0; i < map->n && !import_done_checking(im); i++) {
        f = field_of(info, map->keys[i]->text, (size_t)(f + 1));
        if (f < 0) {
            const char *known[MAX_FIELDS];
            for (size_t k = 0; k < info->n_fields; k++)
                known[k] = info->fields[k].key;
            import_unknown_key(im, rec->file, map->keys[i], known, info->n_fields);
            continue;
        }
        seen |= (uint64_t)1 << f;
        struct field_ctx c = {im, kind, rec, &info->fields[f], map->items[i], &rec->values[f]};
        check_value(&c);
    }
    for (size_t f = 0; f < info->n_fields; f++)
        if (info->fields[f].required && !(seen & ((uint64_t)1 << f)))
            import_report(im, rec->file, map, "%s is missing required field '%s'", info->singular,
                          info->fields[f].key);
    if (rec->first != NO_REC)
        report_duplicate(im, kind, rec);
}
