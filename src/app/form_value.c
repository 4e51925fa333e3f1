/*
 * A form's fields as text and back: each field of a kind's table (record.h)
 * shown as one line of text, and the line read back into a pb_value with
 * the field's rules checked, so a mistake is reported beside its field
 * before anything is saved. Lists of ids read "a, b"; a list of texts
 * (priorities) and long text go one item or paragraph a line, in $EDITOR.
 */
#include "form.h"

#include <panelboard/capture.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool form_field_long(const struct pb_field *f)
{
    return f->type == PB_FIELD_LONG_TEXT || f->type == PB_FIELD_TEXT_LIST;
}

char *form_value_text(const struct pb_field *f, const struct pb_value *v)
{
    struct pb_buf b = {0};
    switch (v->state) {
    case PB_VALUE_TEXT:
        pb_buf_puts(&b, v->text);
        break;
    case PB_VALUE_INT:
        if (f->type == PB_FIELD_BOOL)
            pb_buf_puts(&b, v->i ? "true" : "false");
        else
            pb_buf_addf(&b, "%" PRId64, v->i);
        break;
    case PB_VALUE_LIST:
        for (size_t i = 0; i < v->n_items; i++)
            pb_buf_addf(&b, "%s%s", i ? (f->type == PB_FIELD_TEXT_LIST ? "\n" : ", ") : "",
                        v->items[i]);
        break;
    case PB_VALUE_UNSET:
    case PB_VALUE_NULL:
        break;
    }
    return b.data ? pb_buf_take(&b) : pb_xstrdup("");
}

static char *trimmed(const char *text)
{
    while (*text == ' ' || *text == '\t' || *text == '\n')
        text++;
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\n'))
        n--;
    return pb_xstrndup(text, n);
}

static char *hold(struct form_held *held, char *text)
{
    held->texts = pb_xrealloc(held->texts, (held->n_texts + 1) * sizeof *held->texts);
    return held->texts[held->n_texts++] = text;
}

/* Splits a list ("a, b" or one a line) into value->items, owned by held. */
static void split(const struct pb_field *f, const char *text, struct form_held *held,
                  struct pb_value *v)
{
    const char *seps = f->type == PB_FIELD_TEXT_LIST ? "\n" : ", ";
    char *copy = pb_xstrdup(text);
    const char **items = NULL;
    size_t n = 0;
    for (char *save = NULL, *w = strtok_r(copy, seps, &save); w; w = strtok_r(NULL, seps, &save)) {
        char *item = hold(held, trimmed(w));
        if (!*item)
            continue;
        items = pb_xrealloc(items, (n + 1) * sizeof *items);
        items[n++] = item;
    }
    free(copy);
    held->lists = pb_xrealloc(held->lists, (held->n_lists + 1) * sizeof *held->lists);
    held->lists[held->n_lists++] = items;
    v->state = PB_VALUE_LIST;
    v->items = items;
    v->n_items = n;
}

static bool is_one_of(const char *word, const char *const *values)
{
    for (size_t i = 0; values[i]; i++)
        if (strcmp(values[i], word) == 0)
            return true;
    return false;
}

bool form_value_read(const struct pb_field *f, const char *typed, bool adding, pb_day today,
                     struct form_held *held, struct pb_value *v, char *error, size_t size)
{
    memset(v, 0, sizeof *v);
    error[0] = '\0';
    char *text = hold(held, trimmed(typed));
    if (!*text) {
        if (f->required) {
            snprintf(error, size, "needed");
            return false;
        }
        /* a new row leaves it out; an edit clears it */
        v->state = adding ? PB_VALUE_UNSET : PB_VALUE_NULL;
        return true;
    }
    switch (f->type) {
    case PB_FIELD_BOOL:
        if (strcmp(text, "true") && strcmp(text, "false")) {
            snprintf(error, size, "true or false");
            return false;
        }
        v->state = PB_VALUE_INT;
        v->i = strcmp(text, "true") == 0;
        return true;
    case PB_FIELD_INT_KEY:
    case PB_FIELD_INT_REF: {
        char *end = NULL;
        long long n = strtoll(text[0] == '#' ? text + 1 : text, &end, 10);
        if (!end || *end || n <= 0) {
            snprintf(error, size, "a number, such as 7");
            return false;
        }
        v->state = PB_VALUE_INT;
        v->i = n;
        return true;
    }
    case PB_FIELD_DATE: {
        pb_day day;
        struct pb_error err = {0};
        /* the quick capture's dates: 2023-01-31, +2w, fri ... */
        if (capture_parse_due(text, today, &day, &err) != PB_OK) {
            snprintf(error, size, "a date: YYYY-MM-DD, +2w or a weekday");
            return false;
        }
        char iso[11];
        pb_date_format(day, iso);
        v->state = PB_VALUE_TEXT;
        v->text = hold(held, pb_xstrdup(iso));
        return true;
    }
    case PB_FIELD_ENUM:
        if (!is_one_of(text, f->values)) {
            struct pb_buf b = {0};
            for (size_t i = 0; f->values[i]; i++)
                pb_buf_addf(&b, "%s%s", i ? ", " : "one of ", f->values[i]);
            snprintf(error, size, "%s", b.data);
            pb_buf_free(&b);
            return false;
        }
        v->state = PB_VALUE_TEXT;
        v->text = text;
        return true;
    case PB_FIELD_REF_LIST:
    case PB_FIELD_TEXT_LIST:
        split(f, text, held, v);
        return true;
    default:
        v->state = PB_VALUE_TEXT;
        v->text = text;
        return true;
    }
}

void form_held_free(struct form_held *held)
{
    for (size_t i = 0; i < held->n_texts; i++)
        free(held->texts[i]);
    for (size_t i = 0; i < held->n_lists; i++)
        free(held->lists[i]);
    free(held->texts);
    free(held->lists);
    memset(held, 0, sizeof *held);
}
