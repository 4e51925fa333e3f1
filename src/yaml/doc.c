/*
 * Loading one panel file into a tree of positioned nodes, safely.
 *
 * The raw bytes are checked first (UTF-8, NUL, control characters, whether
 * there is anything at all: doc_bytes.c), because libyaml reports those
 * with a byte offset or not at all. Then libyaml's event stream is read,
 * never its loader: the loader has no depth limit, follows aliases without
 * counting, finds anchors by linear search and keeps every document in
 * memory. Each event is checked as it arrives and the first problem ends
 * the load, so the work done on a hostile file is bounded by the limits in
 * doc.h. The tree lives in an arena (pb_arena); anchors, and the keys of a
 * big mapping, are found through hash tables (strmap.c).
 *
 * Streaming (struct doc_stream): each item of a streamed top-level list is
 * built in a scratch arena, handed over as soon as it ends and freed, so
 * that a file of a million actions never stands in memory at once. An
 * anchor inside an item outlives it: its node is copied into the tree's
 * arena before the item is freed.
 */
#include "doc.h"
#include "doc_bytes.h"
#include "strmap.h"

#include <panelboard/base.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#define CORE_TAG_PREFIX "tag:yaml.org,2002:"
#define SHOWN_MAX       60

/* ---- the loader ---- */

struct anchor {
    char *name;
    struct doc_node *node;
    size_t weight; /* nodes the anchored node stands for, its aliases expanded */
    bool open;     /* still being read: an alias to it now would make a cycle */
    bool streamed; /* a streamed list, whose items are gone by its end */
    size_t item;   /* the streamed item that defined it, counted from 1; 0: none */
};

/* A sequence or mapping that has started and not yet ended. Its children
 * wait on the loader's pending stack (a mapping's as key, value, key ...)
 * and move to arrays of the exact size when it ends. */
struct frame {
    struct doc_node *node;
    struct anchor *anchor;  /* the anchor on this node, if any */
    size_t total_before;    /* loader.total before this node was counted */
    size_t base;            /* where its children start on the pending stack */
    struct doc_node *key;   /* mappings: the key whose value comes next */
    struct str_map key_set; /* mappings with many keys: the keys so far */
    bool streamed;          /* a top-level list whose items are streamed */
};

/* Up to this many keys, a mapping's keys are compared one by one: most
 * mappings are small, and hashing would cost more than it saves. */
#define LINEAR_KEYS 8

struct loader {
    const char *name;
    const unsigned char *data;
    size_t len;
    size_t content_end; /* characters up to the last one that is not white space */
    struct pb_error *err;
    struct doc *doc;
    yaml_parser_t parser;
    struct frame stack[DOC_MAX_DEPTH];
    int depth;
    struct doc_node **pending; /* children of the open collections */
    size_t n_pending, cap_pending;
    size_t total;        /* nodes so far, each alias counted as what it expands to */
    size_t from_aliases; /* the part of total that aliases added */
    struct str_map anchors;
    uint64_t seed[2];
    bool seen_document;
    /* streaming: where nodes go (the tree's arena, or the item's), the item
     * being read (numbered from 1), and the nodes of items already freed */
    const struct doc_stream *stream;
    struct pb_arena *arena;
    struct pb_arena item_arena;
    size_t item, item_total_before, item_aliases_before, released;
    struct anchor **item_anchors; /* defined inside the item being read */
    size_t n_item_anchors, cap_item_anchors;
};

/* ---- messages ---- */

static enum pb_status vfail(struct loader *l, int line, int column, const char *fmt, va_list ap)
{
    char message[PB_ERROR_MESSAGE_MAX];
    vsnprintf(message, sizeof message, fmt, ap);
    return pb_error_at(l->err, PB_ERR_DATA, l->name, line, column, "%s", message);
}

static enum pb_status fail(struct loader *l, yaml_mark_t mark, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static enum pb_status fail_at_offset(struct loader *l, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static enum pb_status fail(struct loader *l, yaml_mark_t mark, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    enum pb_status s = vfail(l, (int)mark.line + 1, (int)mark.column + 1, fmt, ap);
    va_end(ap);
    return s;
}

static enum pb_status fail_at_offset(struct loader *l, size_t offset, const char *fmt, ...)
{
    int line, column;
    doc_position_of(l->data, l->len, offset, &line, &column);
    va_list ap;
    va_start(ap, fmt);
    enum pb_status s = vfail(l, line, column, fmt, ap);
    va_end(ap);
    return s;
}

/* Text from the file, fit to quote in a message: at most SHOWN_MAX bytes,
 * cut between characters, with control characters shown as '?' so that a
 * message cannot drive the terminal it is printed on. */
struct shown {
    char text[SHOWN_MAX + 4];
};

static const char *shown(struct shown *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, n = 0;
    while (i < len) {
        size_t w = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC0 ? 2 : 1;
        if (w > len - i)
            w = len - i;
        if (n + w > SHOWN_MAX)
            break;
        uint32_t code;
        if (pb_utf8_control(s + i, w, NULL, &code)) {
            out->text[n++] = '?';
        } else {
            memcpy(out->text + n, p + i, w);
            n += w;
        }
        i += w;
    }
    if (i < len) {
        memcpy(out->text + n, "...", 3);
        n += 3;
    }
    out->text[n] = '\0';
    return out->text;
}

/* ---- building the tree ---- */

/* What the file spells out and is held at once is capped here, so that
 * memory stays bounded (a 64 MiB file of "[a,a,a,..." would otherwise be
 * 30 million nodes); the items of a streamed list are held one at a time.
 * What aliases add is capped in on_alias. */
static enum pb_status room_for_a_node(struct loader *l, yaml_mark_t mark)
{
    if (l->total - l->from_aliases - l->released >= DOC_MAX_HELD_NODES)
        return fail(l, mark,
                    "more than %d values to hold at once (actions and feedback count one at a "
                    "time): split the file",
                    DOC_MAX_HELD_NODES);
    return PB_OK;
}

_Static_assert(sizeof(struct doc_node) <= 56, "doc.h: keep struct doc_node small");

static struct doc_node *new_node(struct loader *l, enum doc_kind kind, yaml_mark_t mark)
{
    l->total++;
    struct doc_node *node = pb_arena_alloc(l->arena, sizeof *node, _Alignof(struct doc_node));
    *node =
        (struct doc_node){.kind = kind, .line = (int)mark.line + 1, .column = (int)mark.column + 1};
    return node;
}

/* A later anchor of the same name replaces the earlier one (YAML 1.2). */
static struct anchor *define_anchor(struct loader *l, const yaml_char_t *name,
                                    struct doc_node *node)
{
    const char *key = (const char *)name;
    size_t len = strlen(key);
    uint64_t hash = strmap_hash(&l->anchors, key, len);
    struct str_slot *slot = strmap_find(&l->anchors, hash, key, len);
    struct anchor *a = slot->key ? slot->value : NULL;
    if (!a) {
        a = pb_xcalloc(1, sizeof *a);
        a->name = pb_xstrndup(key, len);
        strmap_put(&l->anchors, slot, hash, a->name, len, a);
    }
    a->node = node;
    a->open = true;
    a->weight = 0;
    a->streamed = false;
    a->item = 0;
    if (l->arena == &l->item_arena) {
        a->item = l->item;
        if (l->n_item_anchors == l->cap_item_anchors) {
            l->cap_item_anchors = l->cap_item_anchors ? l->cap_item_anchors * 2 : 8;
            l->item_anchors =
                pb_xrealloc(l->item_anchors, l->cap_item_anchors * sizeof *l->item_anchors);
        }
        l->item_anchors[l->n_item_anchors++] = a;
    }
    return a;
}

static struct anchor *find_anchor(struct loader *l, const char *name)
{
    return strmap_get(&l->anchors, name, strlen(name));
}

static struct frame *top(struct loader *l)
{
    return l->depth > 0 ? &l->stack[l->depth - 1] : NULL;
}

static bool expecting_key(struct loader *l)
{
    struct frame *f = top(l);
    return f && f->node->kind == DOC_MAPPING && !f->key;
}

static void push_pending(struct loader *l, struct doc_node *node)
{
    if (l->n_pending == l->cap_pending) {
        l->cap_pending = l->cap_pending ? l->cap_pending * 2 : 256;
        l->pending = pb_xrealloc(l->pending, l->cap_pending * sizeof *l->pending);
    }
    l->pending[l->n_pending++] = node;
}

/* Put a complete node (or the target of an alias) where it belongs: the
 * root, the next item of a sequence, or the key or value of a pair. */
static void attach(struct loader *l, struct doc_node *node)
{
    struct frame *f = top(l);
    if (!f) {
        l->doc->root = node;
    } else if (f->node->kind == DOC_SEQUENCE) {
        push_pending(l, node);
    } else if (!f->key) {
        f->key = node;
    } else {
        push_pending(l, f->key);
        push_pending(l, node);
        f->key = NULL;
    }
}

/* The collection of frame f has ended: its children leave the stack. */
static void take_children(struct loader *l, struct frame *f)
{
    struct doc_node *c = f->node;
    size_t count = l->n_pending - f->base;
    if (count == 0)
        return; /* empty: items and keys stay NULL */
    struct doc_node **p = l->pending + f->base;
    const size_t align = _Alignof(struct doc_node *);
    if (c->kind == DOC_SEQUENCE) {
        c->n = count;
        c->items = pb_arena_alloc(l->arena, count * sizeof *c->items, align);
        memcpy(c->items, p, count * sizeof *c->items);
    } else {
        c->n = count / 2;
        c->keys = pb_arena_alloc(l->arena, c->n * sizeof *c->keys, align);
        c->items = pb_arena_alloc(l->arena, c->n * sizeof *c->items, align);
        for (size_t i = 0; i < c->n; i++) {
            c->keys[i] = p[2 * i];
            c->items[i] = p[2 * i + 1];
        }
    }
    l->n_pending = f->base;
}

/* The earlier key of f with key's text, or NULL; past LINEAR_KEYS keys,
 * the keys go into a hash set. */
static const struct doc_node *earlier_key(struct loader *l, struct frame *f, struct doc_node *key)
{
    size_t n = (l->n_pending - f->base) / 2;
    if (n < LINEAR_KEYS) {
        for (size_t i = 0; i < n; i++) {
            const struct doc_node *k = l->pending[f->base + 2 * i];
            if (k->len == key->len && memcmp(k->text, key->text, key->len) == 0)
                return k;
        }
        return NULL;
    }
    if (f->key_set.count == 0) {
        for (size_t i = 0; i < n; i++) {
            struct doc_node *k = l->pending[f->base + 2 * i];
            uint64_t hash = strmap_hash(&f->key_set, k->text, k->len);
            strmap_put(&f->key_set, strmap_find(&f->key_set, hash, k->text, k->len), hash, k->text,
                       k->len, k);
        }
    }
    uint64_t hash = strmap_hash(&f->key_set, key->text, key->len);
    struct str_slot *slot = strmap_find(&f->key_set, hash, key->text, key->len);
    if (slot->key)
        return slot->value;
    strmap_put(&f->key_set, slot, hash, key->text, key->len, key);
    return NULL;
}

static enum pb_status check_key(struct loader *l, struct doc_node *key, yaml_mark_t mark)
{
    struct frame *f = top(l);
    struct shown s;
    if (key->plain && key->tag == DOC_TAG_NONE && strcmp(key->text, "<<") == 0)
        return fail(l, mark, "the merge key '<<' is not supported");
    /* yaml-format.md: keys are plain scalars, so "name" and name cannot be
     * two spellings of one key. */
    if (!key->plain)
        return fail(l, mark, "a key must be a plain scalar, not quoted: '%s'",
                    shown(&s, key->text, key->len));
    /* A BOM glued to a key by a careless concatenation is invisible, and the
     * "unknown key" error it would cause later could not be understood. */
    if (memchr(key->text, 0xEF, key->len) && strstr(key->text, "\xEF\xBB\xBF"))
        return fail(l, mark, "byte-order mark U+FEFF inside the key '%s'",
                    shown(&s, key->text, key->len));
    const struct doc_node *first = earlier_key(l, f, key);
    if (first)
        return fail(l, mark, "duplicate key '%s' (first at line %d)",
                    shown(&s, key->text, key->len), first->line);
    return PB_OK;
}

static const char *kind_name(enum doc_kind kind)
{
    return kind == DOC_SCALAR ? "a scalar" : kind == DOC_SEQUENCE ? "a sequence" : "a mapping";
}

/* Only the core schema's tags: anything else asks for a type panelboard
 * does not have, or for code to run (!!python/object). */
static enum pb_status check_tag(struct loader *l, const yaml_char_t *tag, enum doc_kind kind,
                                yaml_mark_t mark, enum doc_tag *out)
{
    static const struct {
        const char *name;
        enum doc_tag tag;
        enum doc_kind kind;
    } core[] = {
        {"str", DOC_TAG_STR, DOC_SCALAR},     {"int", DOC_TAG_INT, DOC_SCALAR},
        {"bool", DOC_TAG_BOOL, DOC_SCALAR},   {"null", DOC_TAG_NULL, DOC_SCALAR},
        {"float", DOC_TAG_FLOAT, DOC_SCALAR}, {"seq", DOC_TAG_SEQ, DOC_SEQUENCE},
        {"map", DOC_TAG_MAP, DOC_MAPPING},
    };
    *out = DOC_TAG_NONE;
    if (!tag)
        return PB_OK;
    const size_t prefix = strlen(CORE_TAG_PREFIX);
    const char *t = (const char *)tag;
    bool is_core = strncmp(t, CORE_TAG_PREFIX, prefix) == 0;
    struct shown s;
    for (size_t i = 0; is_core && i < sizeof core / sizeof core[0]; i++) {
        if (strcmp(t + prefix, core[i].name) != 0)
            continue;
        if (core[i].kind != kind)
            return fail(l, mark, "tag '!!%s' is not allowed on %s", core[i].name, kind_name(kind));
        *out = core[i].tag;
        return PB_OK;
    }
    if (is_core)
        return fail(l, mark, "tag '!!%s' is not allowed",
                    shown(&s, t + prefix, strlen(t + prefix)));
    return fail(l, mark, "tag '%s' is not allowed", shown(&s, t, strlen(t)));
}

/* Control characters harm whatever shows the text later (a terminal, a
 * spreadsheet), and escapes such as "\e" carry them past libyaml's reader.
 * Newlines and tabs stay: the schema layer decides where they may be. */
static enum pb_status check_text(struct loader *l, const unsigned char *s, size_t len,
                                 yaml_mark_t mark)
{
    for (size_t i = 0; i < len; i++) {
        uint32_t code;
        if (pb_utf8_control((const char *)s + i, len - i, "\n\t", &code))
            return fail(l, mark, "control character U+%04X in text", (unsigned)code);
    }
    return PB_OK;
}

/* ---- streaming ---- */

static bool in_streamed_list(struct loader *l)
{
    struct frame *f = top(l);
    return f && f->streamed;
}

/* An item of a streamed list starts: its nodes go to the item's arena. */
static void begin_item(struct loader *l)
{
    l->arena = &l->item_arena;
    l->item++;
    l->item_total_before = l->total;
    l->item_aliases_before = l->from_aliases;
}

/* node and all below it, in the tree's arena: an anchor defined inside a
 * streamed item outlives the item. Aliases inside are copied out in full,
 * which their count in on_alias has already paid for. */
static struct doc_node *copy_node(struct loader *l, const struct doc_node *n)
{
    struct pb_arena *a = &l->doc->arena;
    struct doc_node *c = pb_arena_alloc(a, sizeof *c, _Alignof(struct doc_node));
    *c = *n;
    if (n->kind == DOC_SCALAR) {
        c->text = pb_arena_strndup(a, n->text, n->len);
        return c;
    }
    if (n->n == 0)
        return c;
    const size_t align = _Alignof(struct doc_node *);
    c->items = pb_arena_alloc(a, n->n * sizeof *c->items, align);
    for (size_t i = 0; i < n->n; i++)
        c->items[i] = copy_node(l, n->items[i]);
    if (n->kind == DOC_MAPPING) {
        c->keys = pb_arena_alloc(a, n->n * sizeof *c->keys, align);
        for (size_t i = 0; i < n->n; i++)
            c->keys[i] = copy_node(l, n->keys[i]);
    }
    return c;
}

/* Hands a complete item of a streamed list to the stream, then frees it,
 * keeping what its anchors stand for. */
static enum pb_status hand_over(struct loader *l, const struct doc_node *item)
{
    enum pb_status s = l->stream->on_item(l->stack[0].key->text, item, l->stream->ctx, l->err);
    if (l->arena != &l->item_arena)
        return s; /* an alias: its node is the tree's */
    for (size_t i = 0; i < l->n_item_anchors; i++) {
        struct anchor *a = l->item_anchors[i];
        if (a->item == l->item) {
            a->node = copy_node(l, a->node);
            a->item = 0;
        }
    }
    l->n_item_anchors = 0;
    l->released += (l->total - l->item_total_before) - (l->from_aliases - l->item_aliases_before);
    pb_arena_free(&l->item_arena);
    l->arena = &l->doc->arena;
    return s;
}

static enum pb_status on_scalar(struct loader *l, const yaml_event_t *e)
{
    enum doc_tag tag;
    enum pb_status s = check_tag(l, e->data.scalar.tag, DOC_SCALAR, e->start_mark, &tag);
    if (s == PB_OK)
        s = check_text(l, e->data.scalar.value, e->data.scalar.length, e->start_mark);
    if (s == PB_OK)
        s = room_for_a_node(l, e->start_mark);
    if (s != PB_OK)
        return s;
    if (in_streamed_list(l))
        begin_item(l);
    struct doc_node *node = new_node(l, DOC_SCALAR, e->start_mark);
    node->text =
        pb_arena_strndup(l->arena, (const char *)e->data.scalar.value, e->data.scalar.length);
    node->len = (uint32_t)e->data.scalar.length;
    node->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    node->tag = tag;
    node->tagged_str = tag == DOC_TAG_STR;
    if (e->data.scalar.anchor) {
        struct anchor *a = define_anchor(l, e->data.scalar.anchor, node);
        a->open = false;
        a->weight = 1;
    }
    if (expecting_key(l)) {
        s = check_key(l, node, e->start_mark);
        if (s != PB_OK)
            return s;
    }
    if (in_streamed_list(l))
        return hand_over(l, node);
    attach(l, node);
    return PB_OK;
}

static enum pb_status on_collection_start(struct loader *l, const yaml_event_t *e,
                                          enum doc_kind kind)
{
    const yaml_char_t *anchor =
        kind == DOC_SEQUENCE ? e->data.sequence_start.anchor : e->data.mapping_start.anchor;
    const yaml_char_t *tag_text =
        kind == DOC_SEQUENCE ? e->data.sequence_start.tag : e->data.mapping_start.tag;
    if (expecting_key(l))
        return fail(l, e->start_mark, "a key must be a plain scalar, not %s", kind_name(kind));
    enum doc_tag tag;
    enum pb_status s = check_tag(l, tag_text, kind, e->start_mark, &tag);
    if (s != PB_OK)
        return s;
    /* Stopping here also stops libyaml 0.2.5, whose flow parsing slows
     * down with depth until 100,000 levels take a minute. */
    if (l->depth == DOC_MAX_DEPTH)
        return fail(l, e->start_mark, "nesting deeper than %d levels", DOC_MAX_DEPTH);
    s = room_for_a_node(l, e->start_mark);
    if (s != PB_OK)
        return s;
    if (in_streamed_list(l))
        begin_item(l);
    struct doc_node *node = new_node(l, kind, e->start_mark);
    node->tag = tag;
    struct frame *f = &l->stack[l->depth++];
    *f = (struct frame){.node = node, .total_before = l->total - 1, .base = l->n_pending};
    f->key_set.seed = l->seed;
    /* a list straight under the root, whose key the stream takes */
    f->streamed = l->stream && kind == DOC_SEQUENCE && l->depth == 2 &&
                  l->stack[0].node->kind == DOC_MAPPING && l->stack[0].key &&
                  l->stream->streamed(l->stack[0].key->text, l->stream->ctx);
    if (anchor) {
        f->anchor = define_anchor(l, anchor, node);
        f->anchor->streamed = f->streamed;
    }
    return PB_OK;
}

static enum pb_status on_collection_end(struct loader *l)
{
    struct frame *f = &l->stack[--l->depth];
    /* The anchor may have been given to a node inside this one since. */
    if (f->anchor && f->anchor->node == f->node) {
        f->anchor->open = false;
        f->anchor->weight = l->total - f->total_before;
    }
    free(f->key_set.slots);
    take_children(l, f);
    if (in_streamed_list(l))
        return hand_over(l, f->node);
    attach(l, f->node);
    return PB_OK;
}

/* The alias shares the anchored node, but counts as all the nodes it
 * stands for: whoever walks the tree walks them all. */
static enum pb_status on_alias(struct loader *l, const yaml_event_t *e)
{
    const char *name = (const char *)e->data.alias.anchor;
    struct shown s;
    if (expecting_key(l))
        return fail(l, e->start_mark, "a key must be a plain scalar, not an alias");
    struct anchor *a = find_anchor(l, name);
    if (!a)
        return fail(l, e->start_mark, "undefined alias '*%s': no anchor '&%s' before it",
                    shown(&s, name, strlen(name)), s.text);
    if (a->open)
        return fail(l, e->start_mark, "alias '*%s' refers to the node that contains it",
                    shown(&s, name, strlen(name)));
    if (a->streamed)
        return fail(l, e->start_mark,
                    "alias '*%s' stands for a whole list of records, which is not supported",
                    shown(&s, name, strlen(name)));
    if (a->weight > DOC_MAX_NODES - l->from_aliases)
        return fail(l, e->start_mark, "aliases expand to more than %d nodes", DOC_MAX_NODES);
    l->total += a->weight;
    l->from_aliases += a->weight;
    if (in_streamed_list(l))
        return hand_over(l, a->node);
    attach(l, a->node);
    return PB_OK;
}

static enum pb_status on_event(struct loader *l, const yaml_event_t *e)
{
    switch (e->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (l->seen_document)
            return fail(l, e->start_mark,
                        "several documents in one file: a second document starts here");
        l->seen_document = true;
        return PB_OK;
    case YAML_SCALAR_EVENT:
        return on_scalar(l, e);
    case YAML_SEQUENCE_START_EVENT:
        return on_collection_start(l, e, DOC_SEQUENCE);
    case YAML_MAPPING_START_EVENT:
        return on_collection_start(l, e, DOC_MAPPING);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return on_collection_end(l);
    case YAML_ALIAS_EVENT:
        return on_alias(l, e);
    case YAML_STREAM_END_EVENT:
        if (!l->doc->root)
            return fail(l, e->start_mark, "empty file: no panel document");
        return PB_OK;
    default:
        return PB_OK;
    }
}

/* "while scanning a quoted scalar" -> "a quoted scalar" */
static const char *context_subject(const char *context)
{
    const char *space = strncmp(context, "while ", 6) == 0 ? strchr(context + 6, ' ') : NULL;
    return space ? space + 1 : context;
}

/* Line `line` (0-based) of the file: its start, and its length. */
static const unsigned char *line_of(const struct loader *l, size_t line, size_t *len)
{
    const unsigned char *p = l->data, *end = l->data + l->len;
    for (; line > 0 && p < end; line--) {
        p = memchr(p, '\n', (size_t)(end - p));
        p = p ? p + 1 : end;
    }
    const unsigned char *eol = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((eol ? eol : end) - p);
    return p;
}

static size_t indent_of(const unsigned char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] == ' ')
        n++;
    return n;
}

/* What people most often get wrong in a hand-written file, where
 * libyaml's own words do not say it: the advice for line `line`. */
static const char *hint(const struct loader *l, size_t line, const char *problem)
{
    size_t len, prev_len = 0;
    const unsigned char *s = line_of(l, line, &len);
    for (size_t i = 0; i + 1 < len; i++)
        if (s[i] == 0xC2 && s[i + 1] == 0xA0)
            return "; the line has a no-break space (U+00A0), as pasted from a word processor: "
                   "type an ordinary space";
    for (size_t i = 0; i < len && (s[i] == ' ' || s[i] == '\t'); i++)
        if (s[i] == '\t')
            return "; indent with spaces, not tabs";
    if (strstr(problem, "mapping values are not allowed"))
        return "; a ': ' inside a plain value starts a mapping: quote the value";
    /* the nearest line above with something on it */
    const unsigned char *prev = NULL;
    for (size_t up = line; !prev && up-- > 0;) {
        prev = line_of(l, up, &prev_len);
        if (indent_of(prev, prev_len) == prev_len)
            prev = NULL;
    }
    if (prev && indent_of(s, len) + 1 == indent_of(prev, prev_len) &&
        strstr(problem, "did not find expected"))
        return "; this line is indented one space short of the line above";
    return "";
}

static enum pb_status parser_failure(struct loader *l)
{
    const yaml_parser_t *p = &l->parser;
    switch (p->error) {
    case YAML_MEMORY_ERROR:
        return pb_error_at(l->err, PB_ERR_INTERNAL, l->name, 0, 0,
                           "out of memory while reading the file");
    case YAML_READER_ERROR:
        /* The byte checks leave libyaml only non-characters such as U+FFFE. */
        if (p->problem_value >= 0)
            return fail_at_offset(l, p->problem_offset, "character U+%04X is not allowed (%s)",
                                  (unsigned)p->problem_value, p->problem);
        return fail_at_offset(l, p->problem_offset, "%s", p->problem);
    default:
        break;
    }
    /* An error with nothing but white space after it: the file was cut off. */
    if (p->problem_mark.index >= l->content_end && p->context)
        return fail(l, p->problem_mark,
                    "file cut off inside %s that starts at line %d, column %d: %s",
                    context_subject(p->context), (int)p->context_mark.line + 1,
                    (int)p->context_mark.column + 1, p->problem);
    if (p->problem_mark.index >= l->content_end)
        return fail(l, p->problem_mark, "file cut off: %s", p->problem);
    const char *advice = hint(l, p->problem_mark.line, p->problem);
    if (p->context)
        return fail(l, p->problem_mark, "syntax error: %s (%s at line %d, column %d)%s",
                    p->problem, p->context, (int)p->context_mark.line + 1,
                    (int)p->context_mark.column + 1, advice);
    return fail(l, p->problem_mark, "syntax error: %s%s", p->problem, advice);
}

static enum pb_status read_events(struct loader *l)
{
    for (;;) {
        yaml_event_t e;
        if (!yaml_parser_parse(&l->parser, &e))
            return parser_failure(l);
        enum pb_status s = on_event(l, &e);
        bool end = e.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&e);
        if (s != PB_OK || end)
            return s;
    }
}

static enum pb_status parse(struct loader *l)
{
    strmap_seed(l->seed);
    l->anchors.seed = l->seed;
    if (!yaml_parser_initialize(&l->parser))
        return pb_error_at(l->err, PB_ERR_INTERNAL, l->name, 0, 0,
                           "out of memory while reading the file");
    yaml_parser_set_input_string(&l->parser, l->data, l->len);
    enum pb_status s = read_events(l);
    yaml_parser_delete(&l->parser);
    return s;
}

static void loader_free(struct loader *l)
{
    for (int i = 0; i < l->depth; i++)
        free(l->stack[i].key_set.slots);
    free(l->pending);
    for (size_t i = 0; i < l->anchors.cap; i++) {
        struct anchor *a = l->anchors.slots[i].value;
        if (a) {
            free(a->name);
            free(a);
        }
    }
    free(l->anchors.slots);
    free(l->item_anchors);
    pb_arena_free(&l->item_arena);
}

/* FNV-1a: tells a file read twice from one changed in between. */
static uint64_t digest_of(const unsigned char *data, size_t len)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ data[i]) * 1099511628211u;
    return h;
}

enum pb_status doc_stream_buffer(const char *name, const unsigned char *data, size_t len,
                                 const struct doc_stream *stream, struct doc *out,
                                 struct pb_error *err)
{
    memset(out, 0, sizeof *out);
    if (len > DOC_MAX_FILE_SIZE)
        return pb_error_at(err, PB_ERR_DATA, name, 0, 0, "file is larger than 64 MiB");
    out->size = len;
    out->digest = digest_of(data, len);
    if (stream && stream->same_as &&
        (stream->same_as->size != len || stream->same_as->digest != out->digest))
        return pb_error_at(err, PB_ERR_DATA, name, 0, 0,
                           "the file changed while it was being imported: nothing was written; "
                           "import it again");
    struct loader l = {.name = name, .data = data, .len = len, .err = err, .doc = out,
                       .stream = stream, .arena = &out->arena};
    enum pb_status s = doc_check_bytes(name, data, len, &l.content_end, err);
    if (s == PB_OK)
        s = parse(&l);
    loader_free(&l);
    if (s != PB_OK)
        doc_free(out);
    return s;
}

enum pb_status doc_load_buffer(const char *name, const unsigned char *data, size_t len,
                               struct doc *out, struct pb_error *err)
{
    return doc_stream_buffer(name, data, len, NULL, out, err);
}

void doc_free(struct doc *d)
{
    pb_arena_free(&d->arena);
    d->root = NULL;
}
