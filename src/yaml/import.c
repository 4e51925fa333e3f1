/*
 * The panel-file importer (spec/yaml-format.md): panel files in, rows merged
 * into the database as one change; or, when anything is wrong, nothing
 * written and every problem reported with its file, line and column.
 *
 * doc.c loads each file and enforces the hostile-input limits; everything
 * here is about meaning, read from the field tables of record.h (kinds.c),
 * so that a new field needs no new code. All files are checked in three
 * passes before anything is written:
 *   1. gather the ids the files give, so that a reference may point forward
 *      or into another file, and an id given twice is caught;
 *   2. check each record and turn it into the pb_values pb_record_put takes;
 *   3. check the rules that join records (dates in order, strategies'
 *      parent chains, theme leads who have left), reading from the database
 *      what the files leave out.
 * Ids live in hashed sets and the database is asked once per distinct id
 * (or once per kind), so checking costs little next to parsing.
 */
#include "doc.h"

#include <panelboard/panelfile.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAME_CHARS 200
#define MAX_TEXT_CHARS 4000
#define MAX_KEY_BYTES  64
#define MAX_FIELDS     64 /* fields of one kind: a bit each in a uint64_t */
#define NO_REC         SIZE_MAX
#define SHOWN_MAX      48 /* bytes of a bad value quoted back in a message */

/* ---- an arena: values, lists and trimmed texts live as long as the import ---- */

struct arena_block {
    struct arena_block *next;
    size_t used, size;
    max_align_t data[];
};

struct arena {
    struct arena_block *head;
};

#define ARENA_BLOCK_SIZE ((size_t)256 * 1024)

/* Zeroed memory, so a fresh pb_value is PB_VALUE_UNSET. */
static void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        b = pb_xmalloc(sizeof *b + cap);
        b->next = a->head;
        b->used = 0;
        b->size = cap;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

static char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *copy = arena_alloc(a, n + 1);
    memcpy(copy, s, n);
    return copy;
}

static void arena_free(struct arena *a)
{
    while (a->head) {
        struct arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

/* ---- sets of ids: open addressing, keys owned by the documents or the arena ---- */

struct id_entry {
    const char *key; /* NULL: an empty slot */
    uint32_t hash;
    size_t rec;          /* ids the files give: the record that gives it first */
    bool exists;         /* database look-ups: whether the row is there */
    const char **values; /* rows read from the database: DATE and REF fields, else NULL */
    size_t walk;         /* strategies: the parent-chain walk that reached it */
};

struct id_set {
    struct id_entry *slots;
    size_t cap, count;
};

static uint32_t hash_text(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static struct id_entry *id_slot(const struct id_set *set, const char *key, uint32_t h)
{
    size_t mask = set->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct id_entry *e = &set->slots[i];
        if (!e->key || (e->hash == h && strcmp(e->key, key) == 0))
            return e;
    }
}

static struct id_entry *id_find(const struct id_set *set, const char *key)
{
    if (set->cap == 0)
        return NULL;
    struct id_entry *e = id_slot(set, key, hash_text(key));
    return e->key ? e : NULL;
}

/* Grows at half full, so probes stay short. */
static void id_grow(struct id_set *set)
{
    struct id_set bigger = {.cap = set->cap ? set->cap * 2 : 64, .count = set->count};
    bigger.slots = pb_xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t i = 0; i < set->cap; i++)
        if (set->slots[i].key)
            *id_slot(&bigger, set->slots[i].key, set->slots[i].hash) = set->slots[i];
    free(set->slots);
    *set = bigger;
}

/* The entry for key, added (zeroed) when missing. Pointers to entries last
 * only until the next id_add on the same set. */
static struct id_entry *id_add(struct id_set *set, const char *key, bool *added)
{
    if (2 * (set->count + 1) > set->cap)
        id_grow(set);
    uint32_t h = hash_text(key);
    struct id_entry *e = id_slot(set, key, h);
    *added = !e->key;
    if (*added) {
        memset(e, 0, sizeof *e);
        e->key = key;
        e->hash = h;
        set->count++;
    }
    return e;
}

static void id_set_free(struct id_set *set)
{
    free(set->slots);
    memset(set, 0, sizeof *set);
}

/* ---- the state of one import ---- */

struct rec {
    const struct doc_node *node; /* the record's mapping */
    size_t file;
    size_t parent;           /* child kinds: the parent's index among its kind's records */
    const char *key;         /* its id (integers written canonically), or NULL */
    size_t first;            /* the record that gave the same id first, or NO_REC */
    struct pb_value *values; /* one per field, from pass 2 */
    int64_t row_id;          /* once written */
};

struct kind_state {
    struct rec *recs;
    size_t n, cap;
    size_t cursor;     /* pass 2: the next of the records pass 1 gathered */
    struct id_set ids; /* ids the files give */
    struct id_set db;  /* ids looked up in, or read from, the database */
    bool db_loaded;    /* db holds every row of the kind */
    char **db_keys;    /* for suggestions: fetched on the first unknown reference */
    size_t n_db_keys;
    bool db_keys_loaded;
};

struct found {
    struct pb_error error;
    size_t file;
    size_t seq;
};

struct import {
    struct pb_db *db;
    const char *const *names;
    struct doc *docs;
    size_t n_files;
    struct kind_state kinds[PB_KIND_COUNT];
    struct arena arena;
    struct found errors[PB_IMPORT_MAX_ERRORS];
    size_t n_errors;
    enum pb_status failure; /* the database failed while checking */
    struct pb_error failure_err;
};

/* Stop checking once the report is full or the database has failed. */
static bool done_checking(const struct import *im)
{
    return im->n_errors == PB_IMPORT_MAX_ERRORS || im->failure != PB_OK;
}

static void add_error(struct import *im, size_t file, const struct pb_error *e)
{
    if (im->n_errors == PB_IMPORT_MAX_ERRORS)
        return;
    struct found *f = &im->errors[im->n_errors];
    f->error = *e;
    f->file = file;
    f->seq = im->n_errors++;
}

static void report(struct import *im, size_t file, const struct doc_node *at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(struct import *im, size_t file, const struct doc_node *at, const char *fmt, ...)
{
    struct pb_error e;
    va_list ap;
    va_start(ap, fmt);
    pb_error_setv(&e, PB_ERR_DATA, fmt, ap);
    va_end(ap);
    snprintf(e.file, sizeof e.file, "%s", im->names[file]);
    e.line = at->line;
    e.column = at->column;
    add_error(im, file, &e);
}

static void db_failed(struct import *im, enum pb_status status)
{
    if (im->failure == PB_OK)
        im->failure = status;
}

/* A value quoted back in a message: one line, and short. */
static const char *shown(const char *s, char buf[SHOWN_MAX + 4])
{
    size_t n = 0;
    for (; s[n] && n < SHOWN_MAX; n++)
        buf[n] = s[n] == '\n' || s[n] == '\t' ? ' ' : s[n];
    if (s[n]) {
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* do not cut a character in half */
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

/* "at line 12", or "at other.yaml:12" for a place in another file. */
static const char *place_of(const struct import *im, size_t here, size_t file,
                            const struct doc_node *node, char *buf, size_t size)
{
    if (file == here)
        snprintf(buf, size, "at line %d", node->line);
    else
        snprintf(buf, size, "at %s:%d", im->names[file], node->line);
    return buf;
}

/* ---- reading nodes ---- */

static const struct doc_node *map_get(const struct doc_node *map, const char *key)
{
    for (size_t i = 0; map && map->kind == DOC_MAPPING && i < map->n; i++)
        if (strcmp(map->keys[i]->text, key) == 0)
            return map->items[i];
    return NULL;
}

/* YAML's null: a plain ~, null or empty value, or an explicit !!null. */
static bool is_null(const struct doc_node *v)
{
    if (v->kind != DOC_SCALAR || v->tagged_str)
        return false;
    if (v->tag == DOC_TAG_NULL)
        return true;
    if (!v->plain || v->len > 4)
        return false;
    return v->len == 0 || strcmp(v->text, "~") == 0 || strcmp(v->text, "null") == 0 ||
           strcmp(v->text, "Null") == 0 || strcmp(v->text, "NULL") == 0;
}

static bool is_word(const struct doc_node *v, const char *word)
{
    return v->kind == DOC_SCALAR && strcmp(v->text, word) == 0;
}

/* Action and feedback numbers people say aloud in a meeting; a larger one
 * is a typo, and would leave the database no room to number new rows. */
#define MAX_INT_ID 999999999

/* Plain (or !!int) digits only: 1 to MAX_INT_ID. */
static bool parse_positive(const struct doc_node *v, int64_t *out)
{
    if (v->kind != DOC_SCALAR || v->tagged_str || (!v->plain && v->tag != DOC_TAG_INT) ||
        v->len == 0)
        return false;
    int64_t n = 0;
    for (size_t i = 0; i < v->len; i++) {
        int d = v->text[i] - '0';
        if (d < 0 || d > 9 || n > (MAX_INT_ID - d) / 10)
            return false;
        n = n * 10 + d;
    }
    *out = n;
    return n > 0;
}

static bool key_valid(const char *s, size_t len)
{
    if (len == 0 || len > MAX_KEY_BYTES)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  (i > 0 && (c == '.' || c == '_' || c == '-'));
        if (!ok)
            return false;
    }
    return true;
}

static bool is_top_level(enum pb_kind kind)
{
    return pb_kind_info(kind)->parent == PB_KIND_COUNT;
}

/* The kind whose top-level key this is, or PB_KIND_COUNT. */
static enum pb_kind top_kind(const char *key)
{
    for (int k = 0; k < PB_KIND_COUNT; k++)
        if (is_top_level(k) && strcmp(pb_kind_info(k)->key, key) == 0)
            return k;
    return PB_KIND_COUNT;
}

static const struct doc_node *version_node(const struct doc_node *root)
{
    return map_get(root, "panelboard");
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

static struct rec *add_rec(struct import *im, enum pb_kind kind, const struct doc_node *node,
                           size_t file, size_t parent)
{
    struct kind_state *ks = &im->kinds[kind];
    if (ks->n == ks->cap) {
        ks->cap = ks->cap ? ks->cap * 2 : 64;
        ks->recs = pb_xrealloc(ks->recs, ks->cap * sizeof *ks->recs);
    }
    struct rec *rec = &ks->recs[ks->n++];
    *rec = (struct rec){.node = node, .file = file, .parent = parent, .first = NO_REC};
    return rec;
}

/* Registers the record's key; a key given before makes it a duplicate. */
static void claim_key(struct import *im, enum pb_kind kind, struct rec *rec, const char *key)
{
    struct kind_state *ks = &im->kinds[kind];
    bool added;
    struct id_entry *e = id_add(&ks->ids, key, &added);
    rec->key = key;
    if (added)
        e->rec = (size_t)(rec - ks->recs);
    else
        rec->first = e->rec;
}

static const char *canonical_int(struct import *im, int64_t n)
{
    char buf[24];
    int len = snprintf(buf, sizeof buf, "%lld", (long long)n);
    return arena_strndup(&im->arena, buf, (size_t)len);
}

/* The id a top-level record gives, as pass 1 sees it: only well-formed ids
 * count (pass 2 reports the others). The panel is one of a kind. */
static const char *rec_key(struct import *im, enum pb_kind kind, const struct doc_node *node)
{
    const struct pb_field *f = &pb_kind_info(kind)->fields[0];
    if (f->type != PB_FIELD_KEY && f->type != PB_FIELD_INT_KEY)
        return pb_kind_info(kind)->key;
    const struct doc_node *v = map_get(node, f->key);
    int64_t id;
    if (!v || v->kind != DOC_SCALAR)
        return NULL;
    if (f->type == PB_FIELD_KEY)
        return key_valid(v->text, v->len) ? v->text : NULL;
    return parse_positive(v, &id) ? canonical_int(im, id) : NULL;
}

/* ---- what the database holds ---- */

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
    struct arena *a = &lc->im->arena;
    const char *key = values[0].text;
    const struct id_entry *known = id_find(&ks->db, key);
    bool added;
    struct id_entry *e =
        id_add(&ks->db, known ? known->key : arena_strndup(a, key, strlen(key)), &added);
    e->exists = true;
    e->values = arena_alloc(a, info->n_fields * sizeof *e->values);
    for (size_t i = 0; i < info->n_fields; i++) {
        enum pb_field_type t = info->fields[i].type;
        if ((t == PB_FIELD_DATE || t == PB_FIELD_REF) && values[i].state == PB_VALUE_TEXT)
            e->values[i] = arena_strndup(a, values[i].text, strlen(values[i].text));
    }
    return PB_OK;
}

/* Reads every row of a text-keyed kind once (for pass 3). */
static void load_db(struct import *im, enum pb_kind kind)
{
    struct kind_state *ks = &im->kinds[kind];
    if (ks->db_loaded)
        return;
    ks->db_loaded = true;
    struct load_ctx lc = {im, kind};
    enum pb_status s = pb_record_each(im->db, kind, NULL, 0, keep_row, &lc, &im->failure_err);
    if (s != PB_OK)
        db_failed(im, s);
}

/* Whether a row with this id is in the files or the database: the database
 * is asked once per distinct id. */
static bool ref_exists(struct import *im, enum pb_kind kind, const char *key, int64_t id)
{
    struct kind_state *ks = &im->kinds[kind];
    if (id_find(&ks->ids, key))
        return true;
    const struct id_entry *known = id_find(&ks->db, key);
    if (known || ks->db_loaded)
        return known && known->exists;
    bool exists = false;
    bool int_key = pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY;
    enum pb_status s =
        pb_record_exists(im->db, kind, int_key ? NULL : key, id, &exists, &im->failure_err);
    if (s != PB_OK) {
        db_failed(im, s);
        return true;
    }
    bool added;
    id_add(&ks->db, key, &added)->exists = exists;
    return exists;
}

/* The nearest id of the kind, in the files or the database, or NULL. */
static const char *suggest_id(struct import *im, enum pb_kind kind, const char *word)
{
    struct kind_state *ks = &im->kinds[kind];
    if (!ks->db_keys_loaded) {
        ks->db_keys_loaded = true;
        enum pb_status s =
            pb_record_keys(im->db, kind, &ks->db_keys, &ks->n_db_keys, &im->failure_err);
        if (s != PB_OK)
            db_failed(im, s);
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

/* ---- pass 2: one value of one field ---- */

struct field_ctx {
    struct import *im;
    enum pb_kind kind;
    struct rec *rec;
    const struct pb_field *f;
    const struct doc_node *v;
    struct pb_value *out;
};

static void check_rec(struct import *im, enum pb_kind kind, struct rec *rec);

static bool want_scalar(const struct field_ctx *c)
{
    if (c->v->kind == DOC_SCALAR)
        return true;
    report(c->im, c->rec->file, c->v, "expected one value for '%s', not a %s", c->f->key,
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
        report(im, file, v, "newline not allowed in '%s'", name);
        return NULL;
    }
    size_t max = type == PB_FIELD_NAME ? MAX_NAME_CHARS : MAX_TEXT_CHARS;
    size_t chars = n <= max ? n : pb_utf8_length(s, n); /* no more characters than bytes */
    if (chars > max) {
        report(im, file, v, "'%s' is too long: %zu characters, at most %zu", name, chars, max);
        return NULL;
    }
    *len = n;
    return n == v->len ? v->text : arena_strndup(&im->arena, s, n);
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
        report(c->im, c->rec->file, c->v, "'%s' cannot be empty", c->f->key);
    else
        c->out->state = PB_VALUE_NULL; /* only white space: not set */
}

static void check_key_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    if (!key_valid(c->v->text, c->v->len)) {
        report(c->im, c->rec->file, c->v,
               "'%s' is not a valid id: 1 to 64 of a-z 0-9 - _ . starting with a letter or digit",
               shown(c->v->text, buf));
        return;
    }
    if (c->kind == PB_KIND_MEMBER && strcmp(c->v->text, "all") == 0) {
        report(c->im, c->rec->file, c->v,
               "'all' cannot be a member's id: in owners it means every member");
        return;
    }
    set_text(c->out, c->v->text);
}

static void check_int_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    int64_t id;
    if (!parse_positive(c->v, &id)) {
        report(c->im, c->rec->file, c->v,
               "'%s' must be a whole number from 1 to 999999999, not '%s'", c->f->key,
               shown(c->v->text, buf));
        return;
    }
    if (c->f->type == PB_FIELD_INT_REF &&
        !ref_exists(c->im, c->f->ref, canonical_int(c->im, id), id)) {
        report(c->im, c->rec->file, c->v, "unknown %s %lld", pb_kind_info(c->f->ref)->singular,
               (long long)id);
        return;
    }
    set_int(c->out, id);
}

static void check_bool_field(const struct field_ctx *c)
{
    char buf[SHOWN_MAX + 4];
    bool word = is_word(c->v, "true") || is_word(c->v, "false");
    if (word && c->v->plain && !c->v->tagged_str) {
        set_int(c->out, is_word(c->v, "true"));
        return;
    }
    if (word)
        report(c->im, c->rec->file, c->v, "'%s' must be true or false without quotes", c->f->key);
    else
        report(c->im, c->rec->file, c->v, "'%s' must be true or false, not '%s'", c->f->key,
               shown(c->v->text, buf));
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
        report(c->im, c->rec->file, c->v, "'%s': there is no date %s", c->f->key, c->v->text);
    else
        report(c->im, c->rec->file, c->v, "'%s' must be a date written YYYY-MM-DD, not '%s'",
               c->f->key, shown(c->v->text, buf));
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
        report(c->im, c->rec->file, c->v, "unknown %s '%s', did you mean '%s'?", c->f->key,
               shown(c->v->text, buf), near);
        return;
    }
    struct pb_buf all = {0};
    for (size_t i = 0; i < n; i++)
        pb_buf_addf(&all, "%s%s", i ? ", " : "", c->f->values[i]);
    report(c->im, c->rec->file, c->v, "unknown %s '%s': expected one of %s", c->f->key,
           shown(c->v->text, buf), all.data);
    pb_buf_free(&all);
}

/* A reference by text id; false after reporting an unknown one. */
static bool check_ref(struct import *im, size_t file, enum pb_kind kind, const struct doc_node *v)
{
    char buf[SHOWN_MAX + 4];
    if (ref_exists(im, kind, v->text, 0))
        return true;
    const char *near = suggest_id(im, kind, v->text);
    if (near)
        report(im, file, v, "unknown %s '%s', did you mean '%s'?", pb_kind_info(kind)->singular,
               shown(v->text, buf), near);
    else
        report(im, file, v, "unknown %s '%s'", pb_kind_info(kind)->singular, shown(v->text, buf));
    return false;
}

static void check_ref_field(const struct field_ctx *c)
{
    if (check_ref(c->im, c->rec->file, c->f->ref, c->v))
        set_text(c->out, c->v->text);
}

/* owners may be the single word all instead of member ids. */
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
    if (all_ok && is_word(c->v, "all")) {
        c->out->state = PB_VALUE_LIST;
        c->out->items = all;
        c->out->n_items = 1;
        return;
    }
    if (c->v->kind != DOC_SEQUENCE) {
        report(im, c->rec->file, c->v, "expected a list of %s ids%s for '%s'", singular,
               all_ok ? " (or the word all)" : "", c->f->key);
        return;
    }
    if (c->v->n == 0 && c->f->required) {
        report(im, c->rec->file, c->v, "'%s' needs at least one %s id", c->f->key, singular);
        return;
    }
    const char **items = arena_alloc(&im->arena, (c->v->n + 1) * sizeof *items);
    struct id_set seen = {0};
    bool ok = true;
    for (size_t i = 0; i < c->v->n && !done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        bool added = false;
        if (item->kind != DOC_SCALAR || is_null(item)) {
            report(im, c->rec->file, item, "expected a %s id in '%s'", singular, c->f->key);
        } else if (all_ok && is_word(item, "all") && c->v->n > 1) {
            report(im, c->rec->file, item, "'all' cannot be listed with %s ids in '%s'", singular,
                   c->f->key);
        } else if ((all_ok && is_word(item, "all")) ||
                   check_ref(im, c->rec->file, c->f->ref, item)) {
            id_add(&seen, item->text, &added);
            if (!added)
                report(im, c->rec->file, item, "'%s' is listed twice in '%s'", item->text,
                       c->f->key);
        }
        ok = ok && added;
        items[i] = item->text;
    }
    id_set_free(&seen);
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
        report(im, c->rec->file, c->v, "expected a list of texts for '%s'", c->f->key);
        return;
    }
    const char **items = arena_alloc(&im->arena, (c->v->n + 1) * sizeof *items);
    bool ok = true;
    for (size_t i = 0; i < c->v->n && !done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        size_t len = 0;
        if (item->kind != DOC_SCALAR || is_null(item)) {
            report(im, c->rec->file, item, "expected a text in '%s'", c->f->key);
            items[i] = NULL;
        } else {
            items[i] = check_text(im, c->rec->file, c->f->key, PB_FIELD_TEXT, item, &len);
            if (items[i] && len == 0)
                report(im, c->rec->file, item, "empty item in '%s'", c->f->key);
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
    const char *key = arena_strndup(&im->arena, b.data, b.len);
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
        report(im, c->rec->file, c->v, "expected a list of %s", info->key);
        return;
    }
    size_t parent = (size_t)(c->rec - im->kinds[c->kind].recs);
    struct kind_state *ks = &im->kinds[child];
    for (size_t i = 0; i < c->v->n && !done_checking(im); i++) {
        const struct doc_node *item = c->v->items[i];
        if (item->kind != DOC_MAPPING) {
            report(im, c->rec->file, item, "expected a mapping: the fields of one %s",
                   info->singular);
            continue;
        }
        size_t errors = im->n_errors;
        struct rec *rec = add_rec(im, child, item, c->rec->file, parent);
        check_rec(im, child, rec);
        if (im->n_errors > errors)
            continue;
        claim_key(im, child, rec, identity_of(im, child, rec));
        if (rec->first != NO_REC) {
            char names[64], where[PB_ERROR_FILE_MAX + 32];
            const struct rec *first = &ks->recs[rec->first];
            identity_names(child, names, sizeof names);
            report(im, rec->file, item, "duplicate %s: one with the same %s is already given %s",
                   info->singular, names,
                   place_of(im, rec->file, first->file, first->node, where, sizeof where));
        }
    }
}

static void check_value(const struct field_ctx *c)
{
    if (is_null(c->v)) {
        if (c->f->required)
            report(c->im, c->rec->file, c->v, "'%s' cannot be empty", c->f->key);
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

static void unknown_key(struct import *im, size_t file, const struct doc_node *key,
                        const char *const *known, size_t n)
{
    char buf[SHOWN_MAX + 4];
    const char *near = pb_suggest(key->text, known, n);
    if (near)
        report(im, file, key, "unknown key '%s', did you mean '%s'?", shown(key->text, buf), near);
    else
        report(im, file, key, "unknown key '%s'", shown(key->text, buf));
}

static void report_duplicate(struct import *im, enum pb_kind kind, const struct rec *rec)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct rec *first = &im->kinds[kind].recs[rec->first];
    const char *id_key = info->fields[0].key;
    const struct doc_node *at = map_get(rec->node, id_key);
    const struct doc_node *first_at = map_get(first->node, id_key);
    char where[PB_ERROR_FILE_MAX + 32], buf[SHOWN_MAX + 4];
    bool keyed = info->fields[0].type == PB_FIELD_KEY || info->fields[0].type == PB_FIELD_INT_KEY;
    if (keyed && at && first_at) {
        report(im, rec->file, at, "duplicate %s id '%s': already given %s", info->singular,
               shown(rec->key, buf),
               place_of(im, rec->file, first->file, first_at, where, sizeof where));
    } else {
        report(im, rec->file, rec->node, "'%s' is already given %s", info->key,
               place_of(im, rec->file, first->file, first->node, where, sizeof where));
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

static void check_rec(struct import *im, enum pb_kind kind, struct rec *rec)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    rec->values = arena_alloc(&im->arena, info->n_fields * sizeof *rec->values);
    uint64_t seen = 0;
    const struct doc_node *map = rec->node;
    int f = -1;
    for (size_t i = 0; i < map->n && !done_checking(im); i++) {
        f = field_of(info, map->keys[i]->text, (size_t)(f + 1));
        if (f < 0) {
            const char *known[MAX_FIELDS];
            for (size_t k = 0; k < info->n_fields; k++)
                known[k] = info->fields[k].key;
            unknown_key(im, rec->file, map->keys[i], known, info->n_fields);
            continue;
        }
        seen |= (uint64_t)1 << f;
        struct field_ctx c = {im, kind, rec, &info->fields[f], map->items[i], &rec->values[f]};
        check_value(&c);
    }
    for (size_t f = 0; f < info->n_fields; f++)
        if (info->fields[f].required && !(seen & ((uint64_t)1 << f)))
            report(im, rec->file, map, "%s is missing required field '%s'", info->singular,
                   info->fields[f].key);
    if (rec->first != NO_REC)
        report_duplicate(im, kind, rec);
}

/* ---- passes 1 and 2: the files' top level ---- */

/* Pass 1 gathers each record; pass 2 checks the one pass 1 gathered there. */
static void visit(struct import *im, enum pb_kind kind, const struct doc_node *node, size_t file,
                  bool checking)
{
    struct kind_state *ks = &im->kinds[kind];
    if (checking) {
        check_rec(im, kind, &ks->recs[ks->cursor++]);
        return;
    }
    struct rec *rec = add_rec(im, kind, node, file, NO_REC);
    const char *key = rec_key(im, kind, node);
    if (key)
        claim_key(im, kind, rec, key);
}

static void walk_kind(struct import *im, size_t file, enum pb_kind kind, const struct doc_node *v,
                      bool checking)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    if (is_null(v))
        return; /* members: with nothing under it */
    if (kind == PB_KIND_PANEL) {
        if (v->kind == DOC_MAPPING)
            visit(im, kind, v, file, checking);
        else if (checking)
            report(im, file, v, "expected a mapping: the fields of the %s", info->singular);
        return;
    }
    if (v->kind != DOC_SEQUENCE) {
        if (checking)
            report(im, file, v, "expected a list of %s", info->key);
        return;
    }
    for (size_t i = 0; i < v->n && !(checking && done_checking(im)); i++) {
        if (v->items[i]->kind == DOC_MAPPING)
            visit(im, kind, v->items[i], file, checking);
        else if (checking)
            report(im, file, v->items[i], "expected a mapping: the fields of one %s",
                   info->singular);
    }
}

static void check_version(struct import *im, size_t file, const struct doc_node *root)
{
    char buf[SHOWN_MAX + 4];
    const struct doc_node *v = version_node(root);
    if (!v)
        report(im, file, root, "not a panel file: 'panelboard: 1' is missing");
    else if (v->kind != DOC_SCALAR)
        report(im, file, v, "'panelboard' must be the format version, 1");
    else if (strcmp(v->text, "1") == 0)
        report(im, file, v, "'panelboard' must be the number 1, without quotes");
    else
        report(im, file, v, "unsupported panel file version '%s': this program reads version 1",
               shown(v->text, buf));
}

static void walk_file(struct import *im, size_t file, bool checking)
{
    const struct doc_node *root = im->docs[file].root;
    if (!root)
        return; /* not loaded: doc.c's error is reported */
    if (!is_panel_file(root)) {
        if (checking && root->kind != DOC_MAPPING)
            report(im, file, root,
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
        if (is_top_level(k))
            known[n_known++] = pb_kind_info(k)->key;
    for (size_t i = 0; i < root->n && !(checking && done_checking(im)); i++) {
        const char *key = root->keys[i]->text;
        enum pb_kind kind = top_kind(key);
        if (kind != PB_KIND_COUNT)
            walk_kind(im, file, kind, root->items[i], checking);
        else if (checking && strcmp(key, "panelboard") != 0)
            unknown_key(im, file, root->keys[i], known, n_known);
    }
}

/* ---- pass 3: rules that join records ---- */

/* The record the files give for key, or NULL. */
static const struct rec *rec_of(const struct import *im, enum pb_kind kind, const char *key)
{
    const struct id_entry *e = id_find(&im->kinds[kind].ids, key);
    return e ? &im->kinds[kind].recs[e->rec] : NULL;
}

/* What DATE or REF field f of the row `key` holds once the import is done:
 * what its record in the files says (rec; NULL when there is none), or the
 * database's value where the files leave it out. *given: the files say it. */
static const char *after_import(struct import *im, enum pb_kind kind, const struct rec *rec,
                                const char *key, int f, bool *given)
{
    const struct pb_value *v = rec ? &rec->values[f] : NULL;
    *given = v && v->state == PB_VALUE_TEXT;
    if (v && v->state != PB_VALUE_UNSET)
        return *given ? v->text : NULL;
    load_db(im, kind);
    const struct id_entry *e = id_find(&im->kinds[kind].db, key);
    return e && e->values ? e->values[f] : NULL;
}

/* Where the files give field f of rec, for an error about it. */
static const struct doc_node *given_at(enum pb_kind kind, const struct rec *rec, int f)
{
    return map_get(rec->node, pb_kind_info(kind)->fields[f].key);
}

/* Pairs of dates where the second may not be before the first. */
static const struct {
    enum pb_kind kind;
    const char *first, *second;
} date_orders[] = {
    {PB_KIND_MEMBER, "joined", "left"},
    {PB_KIND_STRATEGY, "from", "to"},
};

static void check_date_order(struct import *im, enum pb_kind kind, const char *first,
                             const char *second)
{
    int fi = pb_field_index(kind, first), si = pb_field_index(kind, second);
    struct kind_state *ks = &im->kinds[kind];
    for (size_t i = 0; i < ks->n && !done_checking(im); i++) {
        const struct rec *rec = &ks->recs[i];
        if (rec->first != NO_REC || !rec->key ||
            (rec->values[fi].state != PB_VALUE_TEXT && rec->values[si].state != PB_VALUE_TEXT))
            continue;
        bool a_given, b_given;
        const char *a = after_import(im, kind, rec, rec->key, fi, &a_given);
        const char *b = after_import(im, kind, rec, rec->key, si, &b_given);
        if (!a || !b || strcmp(b, a) >= 0)
            continue;
        if (b_given)
            report(im, rec->file, given_at(kind, rec, si), "'%s' %s is before '%s' %s", second, b,
                   first, a);
        else
            report(im, rec->file, given_at(kind, rec, fi), "'%s' %s is after '%s' %s", first, a,
                   second, b);
    }
}

static const char *parent_of(struct import *im, const char *key, bool *given)
{
    return after_import(im, PB_KIND_STRATEGY, rec_of(im, PB_KIND_STRATEGY, key), key,
                        pb_field_index(PB_KIND_STRATEGY, "parent"), given);
}

/* The loop through start: reported at the strategy given first in the files
 * among those whose parent, as the files give it, closes the loop. */
static void report_cycle(struct import *im, const char *start)
{
    const struct rec *at = NULL;
    struct pb_buf path = {0};
    const char *key = start;
    do {
        const struct rec *rec = rec_of(im, PB_KIND_STRATEGY, key);
        bool given;
        const char *parent = parent_of(im, key, &given);
        if (given && (!at || rec < at))
            at = rec;
        pb_buf_addf(&path, "%s -> ", key);
        key = parent;
    } while (strcmp(key, start) != 0);
    pb_buf_puts(&path, start);
    int pi = pb_field_index(PB_KIND_STRATEGY, "parent");
    if (at && strcmp(at->key, at->values[pi].text) == 0)
        report(im, at->file, given_at(PB_KIND_STRATEGY, at, pi),
               "strategy '%s' cannot be its own parent", at->key);
    else if (at)
        report(im, at->file, given_at(PB_KIND_STRATEGY, at, pi),
               "strategy '%s' is its own ancestor through 'parent': %s", at->key, path.data);
    pb_buf_free(&path);
}

/* The mark of a strategy in the parent walks: in the files or the database. */
static struct id_entry *walk_entry(struct import *im, const char *key)
{
    struct kind_state *ks = &im->kinds[PB_KIND_STRATEGY];
    struct id_entry *e = id_find(&ks->ids, key);
    return e ? e : id_find(&ks->db, key);
}

/* Follows parents up from each strategy the files give a parent, marking
 * each strategy with the walk that reached it first: meeting the current
 * walk's mark again is a loop; any other mark, ground already covered. */
static void check_strategy_cycles(struct import *im)
{
    struct kind_state *ks = &im->kinds[PB_KIND_STRATEGY];
    int pi = pb_field_index(PB_KIND_STRATEGY, "parent");
    size_t walk = 0;
    for (size_t i = 0; i < ks->n && !done_checking(im); i++) {
        const struct rec *rec = &ks->recs[i];
        if (rec->first != NO_REC || !rec->key || rec->values[pi].state != PB_VALUE_TEXT ||
            walk_entry(im, rec->key)->walk)
            continue;
        walk++;
        const char *key = rec->key;
        struct id_entry *e;
        bool given;
        while (key && (e = walk_entry(im, key)) && !e->walk) {
            e->walk = walk;
            key = parent_of(im, key, &given);
        }
        if (key && e && e->walk == walk)
            report_cycle(im, key);
    }
}

static bool left_before(const char *left, const char *today)
{
    return left && strcmp(left, today) < 0;
}

/* A theme lead the files name must not have left. */
static void check_leads_given(struct import *im, const char *today)
{
    struct kind_state *themes = &im->kinds[PB_KIND_THEME];
    int li = pb_field_index(PB_KIND_THEME, "lead");
    int lefti = pb_field_index(PB_KIND_MEMBER, "left");
    for (size_t i = 0; i < themes->n && !done_checking(im); i++) {
        const struct rec *rec = &themes->recs[i];
        const char *lead = rec->values[li].state == PB_VALUE_TEXT ? rec->values[li].text : NULL;
        bool given;
        const char *left = lead ? after_import(im, PB_KIND_MEMBER, rec_of(im, PB_KIND_MEMBER, lead),
                                               lead, lefti, &given)
                                : NULL;
        if (left_before(left, today))
            report(im, rec->file, given_at(PB_KIND_THEME, rec, li),
                   "member '%s' left on %s and cannot lead a theme", lead, left);
    }
}

/* A member the files say has left must not still lead a theme whose lead
 * the files leave as the database has it. */
static void check_leads_kept(struct import *im, const char *today)
{
    struct kind_state *themes = &im->kinds[PB_KIND_THEME];
    struct kind_state *members = &im->kinds[PB_KIND_MEMBER];
    int li = pb_field_index(PB_KIND_THEME, "lead");
    int lefti = pb_field_index(PB_KIND_MEMBER, "left");
    bool any_left = false;
    for (size_t i = 0; i < members->n && !any_left; i++)
        any_left = members->recs[i].first == NO_REC && members->recs[i].key &&
                   members->recs[i].values[lefti].state == PB_VALUE_TEXT &&
                   left_before(members->recs[i].values[lefti].text, today);
    if (!any_left)
        return;
    load_db(im, PB_KIND_THEME);
    for (size_t i = 0; i < themes->db.cap && !done_checking(im); i++) {
        const struct id_entry *theme = &themes->db.slots[i];
        if (!theme->key || !theme->values)
            continue;
        bool given;
        const char *lead = after_import(im, PB_KIND_THEME, rec_of(im, PB_KIND_THEME, theme->key),
                                        theme->key, li, &given);
        const struct rec *member = lead && !given ? rec_of(im, PB_KIND_MEMBER, lead) : NULL;
        const struct pb_value *left = member ? &member->values[lefti] : NULL;
        if (left && left->state == PB_VALUE_TEXT && left_before(left->text, today))
            report(im, member->file, given_at(PB_KIND_MEMBER, member, lefti),
                   "member '%s' leads theme '%s' and cannot have left on %s", lead, theme->key,
                   left->text);
    }
}

static void check_joins(struct import *im)
{
    char today[11];
    pb_date_format(pb_db_today(im->db), today);
    for (size_t r = 0; r < sizeof date_orders / sizeof date_orders[0]; r++)
        check_date_order(im, date_orders[r].kind, date_orders[r].first, date_orders[r].second);
    check_strategy_cycles(im);
    check_leads_given(im, today);
    check_leads_kept(im, today);
}

/* ---- checking everything, and writing ---- */

static void check_all(struct import *im)
{
    for (size_t f = 0; f < im->n_files; f++)
        walk_file(im, f, false);
    for (size_t f = 0; f < im->n_files && !done_checking(im); f++)
        walk_file(im, f, true);
    /* Pass 2 stops early only when done_checking: every record has its values. */
    if (!done_checking(im))
        check_joins(im);
}

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
        err->line = rec->node->line;
        err->column = rec->node->column;
    }
    return s;
}

/* The children of record `index` of kind: each child kind's records are in
 * their parents' order, so a cursor per child kind walks them. */
static enum pb_status write_children(struct import *im, enum pb_kind kind, size_t index,
                                     size_t cursors[], struct pb_import_summary *summary,
                                     struct pb_error *err)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    const struct rec *parent = &im->kinds[kind].recs[index];
    bool int_key = info->fields[0].type == PB_FIELD_INT_KEY;
    for (size_t f = 0; f < info->n_fields; f++) {
        if (info->fields[f].type != PB_FIELD_CHILDREN)
            continue;
        enum pb_kind child = info->fields[f].ref;
        struct kind_state *ks = &im->kinds[child];
        for (; cursors[child] < ks->n && ks->recs[cursors[child]].parent == index;
             cursors[child]++) {
            const struct rec *rec = &ks->recs[cursors[child]];
            enum pb_put_result r;
            enum pb_status s = pb_child_put(im->db, child, int_key ? NULL : parent->key,
                                            parent->row_id, rec->values, &r, err);
            if (s != PB_OK)
                return write_failed(im, rec, s, err);
            count(summary, child, r);
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
static enum pb_status write_all(struct import *im, struct pb_import_summary *summary,
                                struct pb_error *err)
{
    size_t cursors[PB_KIND_COUNT] = {0};
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        if (!is_top_level(k))
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

static int by_place(const void *a, const void *b)
{
    const struct found *x = a, *y = b;
    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    if (x->error.line != y->error.line)
        return x->error.line < y->error.line ? -1 : 1;
    if (x->error.column != y->error.column)
        return x->error.column < y->error.column ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Every problem found, in file order, through on_error; err gets the first. */
static enum pb_status report_errors(struct import *im, pb_import_error_fn on_error, void *ctx,
                                    struct pb_error *err)
{
    qsort(im->errors, im->n_errors, sizeof im->errors[0], by_place);
    for (size_t i = 0; i < im->n_errors; i++)
        if (on_error)
            on_error(&im->errors[i].error, ctx);
    if (err)
        *err = im->errors[0].error;
    return PB_ERR_DATA;
}

static struct import *import_new(struct pb_db *db, const char *const *names, size_t n_files)
{
    struct import *im = pb_xcalloc(1, sizeof *im);
    im->db = db;
    im->names = names;
    im->n_files = n_files;
    im->docs = pb_xcalloc(n_files ? n_files : 1, sizeof *im->docs);
    return im;
}

static void import_free(struct import *im)
{
    for (size_t f = 0; f < im->n_files; f++)
        doc_free(&im->docs[f]);
    free(im->docs);
    for (int k = 0; k < PB_KIND_COUNT; k++) {
        free(im->kinds[k].recs);
        id_set_free(&im->kinds[k].ids);
        id_set_free(&im->kinds[k].db);
        pb_strings_free(im->kinds[k].db_keys, im->kinds[k].n_db_keys);
    }
    arena_free(&im->arena);
    free(im);
}

/* Keeps a file's loading error; an unreadable file ends the import. */
static enum pb_status loaded(struct import *im, size_t file, enum pb_status s,
                             const struct pb_error *e, struct pb_error *err)
{
    if (s == PB_ERR_DATA)
        add_error(im, file, e);
    else if (s != PB_OK && err)
        *err = *e;
    return s == PB_ERR_DATA ? PB_OK : s;
}

/* Checks and writes the loaded files as one change ("import a.yaml, b.yaml").
 * A dry run ends its change as failed, which rolls it back. */
static enum pb_status import_run(struct import *im, bool dry_run, struct pb_import_summary *summary,
                                 pb_import_error_fn on_error, void *ctx, struct pb_error *err)
{
    struct pb_import_summary ignored;
    if (!summary)
        summary = &ignored;
    memset(summary, 0, sizeof *summary);
    struct pb_buf what = {0};
    pb_buf_puts(&what, "import ");
    for (size_t f = 0; f < im->n_files; f++)
        pb_buf_addf(&what, "%s%s", f ? ", " : "", im->names[f]);
    enum pb_status s = pb_change_begin(im->db, what.data, err);
    pb_buf_free(&what);
    if (s != PB_OK)
        return s;
    check_all(im);
    if (im->failure != PB_OK) {
        s = im->failure;
        if (err)
            *err = im->failure_err;
    } else if (im->n_errors > 0) {
        s = report_errors(im, on_error, ctx, err);
    } else {
        struct pb_error e = {0};
        s = write_all(im, summary, &e);
        if (s == PB_ERR_DATA && on_error)
            on_error(&e, ctx);
        if (s != PB_OK && err)
            *err = e;
    }
    if (s == PB_OK && dry_run) {
        pb_change_cancel(im->db);
        return PB_OK;
    }
    return pb_change_end(im->db, s, err);
}

enum pb_status pb_import_files(struct pb_db *db, const char *const *paths, size_t n_paths,
                               bool dry_run, struct pb_import_summary *summary,
                               pb_import_error_fn on_error, void *ctx, struct pb_error *err)
{
    struct import *im = import_new(db, paths, n_paths);
    enum pb_status s = PB_OK;
    for (size_t f = 0; f < n_paths && s == PB_OK; f++) {
        struct pb_error e = {0};
        s = loaded(im, f, doc_load_file(paths[f], &im->docs[f], &e), &e, err);
    }
    if (s == PB_OK)
        s = import_run(im, dry_run, summary, on_error, ctx, err);
    import_free(im);
    return s;
}

enum pb_status pb_import_buffer(struct pb_db *db, const char *name, const char *data, size_t len,
                                struct pb_import_summary *summary, pb_import_error_fn on_error,
                                void *ctx, struct pb_error *err)
{
    const char *const names[] = {name};
    struct import *im = import_new(db, names, 1);
    struct pb_error e = {0};
    enum pb_status s = loaded(
        im, 0, doc_load_buffer(name, (const unsigned char *)data, len, &im->docs[0], &e), &e, err);
    if (s == PB_OK)
        s = import_run(im, false, summary, on_error, ctx, err);
    import_free(im);
    return s;
}
