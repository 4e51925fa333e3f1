/*
 * Reading the values of a loaded panel file: keys of a mapping, YAML's
 * null, and the shapes of numbers and ids.
 */
#include "import.h"

#include <string.h>

#define MAX_KEY_BYTES 64

const struct doc_node *import_map_get(const struct doc_node *map, const char *key)
{
    for (size_t i = 0; map && map->kind == DOC_MAPPING && i < map->n; i++)
        if (strcmp(map->keys[i]->text, key) == 0)
            return map->items[i];
    return NULL;
}

/* YAML's null: a plain ~, null or empty value, or an explicit !!null. */
bool import_is_null(const struct doc_node *v)
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

bool import_is_word(const struct doc_node *v, const char *word)
{
    return v->kind == DOC_SCALAR && strcmp(v->text, word) == 0;
}

/* Action and feedback numbers people say aloud in a meeting; a larger one
 * is a typo, and would leave the database no room to number new rows. */
#define MAX_INT_ID 999999999

/* Plain (or !!int) digits only: 1 to MAX_INT_ID. */
bool import_parse_positive(const struct doc_node *v, int64_t *out)
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

bool import_key_valid(const char *s, size_t len)
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
