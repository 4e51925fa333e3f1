/*
 * Forms: A adds a row of the pane's kind and e edits the row under the
 * cursor, one field a line from the kind's field table (record.h), so a
 * form can never disagree with the panel file. Tab completes member,
 * theme, meeting and strategy ids, a mistake is said beside its field,
 * long text opens in $EDITOR (Ctrl-O), Esc cancels and Ctrl-S (or Enter on
 * the last field) saves. A save refused because someone else changed the
 * row first says who and what, shows their value under each field they
 * changed, and keeps everything typed: Ctrl-S again saves it over theirs.
 */
#include "dash_internal.h"

#include "form.h"
#include "input.h"

#include <panelboard/edit.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kind each pane adds and edits. */
static bool pane_kind(const struct dash *d, enum pb_kind *kind)
{
    static const enum pb_kind kinds[] = {
        [DASH_THEMES] = PB_KIND_THEME,         [DASH_LEADS] = PB_KIND_MEMBER,
        [DASH_ACTIONS] = PB_KIND_ACTION,       [DASH_CO_OPTED] = PB_KIND_CO_OPTION,
        [DASH_STRATEGIES] = PB_KIND_STRATEGY,  [DASH_FEEDBACK] = PB_KIND_FEEDBACK,
        [DASH_AGENDA] = PB_KIND_THEME,
    };
    *kind = kinds[d->pane];
    return d->pane != DASH_AGENDA || (dash_selected(d) && dash_selected(d)->theme);
}

static void field_free(struct dash_form_field *f)
{
    free(f->text);
    free(f->was);
    free(f->theirs);
}

void dash_form_close(struct dash *d)
{
    struct dash_form *form = d->form;
    if (!form)
        return;
    for (size_t i = 0; i < form->n; i++)
        field_free(&form->fields[i]);
    pb_strings_free(form->meeting_ids, form->n_meeting_ids);
    pb_strings_free(form->strategy_ids, form->n_strategy_ids);
    free(form);
    d->form = NULL;
}

static void set_text(struct dash_form_field *f, const char *text)
{
    if (form_field_long(f->field)) {
        free(f->text);
        f->text = pb_xstrdup(text);
    } else {
        dash_input_start(&f->in, DASH_INPUT_NONE, "", text, (size_t)-1);
    }
}

/* What field f holds now, as text; the caller frees it. */
static char *field_text(const struct dash_form_field *f)
{
    return form_field_long(f->field) ? pb_xstrdup(f->text ? f->text : "")
                                     : dash_input_text(&f->in);
}

static struct dash_form *form_new(struct dash *d, enum pb_kind kind, bool adding)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    struct dash_form *form = pb_xcalloc(1, sizeof *form);
    form->kind = kind;
    form->adding = adding;
    form->revision = -1;
    for (size_t i = 0; i < info->n_fields && form->n < DASH_FORM_FIELDS; i++) {
        const struct pb_field *pf = &info->fields[i];
        /* children (updates, decisions) have their own keys; new ids are
         * given by the database */
        if (pf->type == PB_FIELD_CHILDREN || (adding && pf->type == PB_FIELD_INT_KEY))
            continue;
        struct dash_form_field *f = &form->fields[form->n++];
        f->field = pf;
        f->index = i;
        f->read_only = !adding && i == 0;
        set_text(f, "");
    }
    struct pb_error err = {0};
    pb_record_keys(d->db, PB_KIND_MEETING, &form->meeting_ids, &form->n_meeting_ids, &err);
    pb_record_keys(d->db, PB_KIND_STRATEGY, &form->strategy_ids, &form->n_strategy_ids, &err);
    form->cursor = form->n > 1 && form->fields[0].read_only ? 1 : 0;
    return form;
}

static struct dash_form_field *field_named(struct dash_form *form, const char *key)
{
    for (size_t i = 0; i < form->n; i++)
        if (strcmp(form->fields[i].field->key, key) == 0)
            return &form->fields[i];
    return NULL;
}

unsigned dash_form_add(struct dash *d)
{
    enum pb_kind kind;
    if (!pane_kind(d, &kind)) {
        dash_message(d, true, "I adds an agenda item; A adds a theme from a theme's row");
        return DASH_DRAW_STATUS;
    }
    struct dash_form *form = form_new(d, kind, true);
    snprintf(form->title, sizeof form->title, "New %s", pb_kind_info(kind)->singular);
    /* what the screen already says: the theme in hand, who I am */
    const struct dash_row *row = dash_selected(d);
    struct dash_form_field *f;
    if ((f = field_named(form, "theme")) && row && row->theme && d->pane != DASH_THEMES)
        set_text(f, row->theme);
    if ((f = field_named(form, "owners")) && d->opt.as)
        set_text(f, d->opt.as);
    if ((f = field_named(form, "status")) && f->field->values)
        set_text(f, f->field->values[0]);
    d->form = form;
    return DASH_DRAW_ALL;
}

static enum pb_status fill(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash_form *form = ctx;
    for (size_t i = 0; i < form->n; i++) {
        struct dash_form_field *f = &form->fields[i];
        char *text = form_value_text(f->field, &values[f->index]);
        set_text(f, text);
        free(f->was);
        f->was = text;
    }
    return PB_OK;
}

/* The row under the cursor, as its kind knows it. */
static bool row_key(const struct dash *d, const struct dash_row *row, const char **key,
                    int64_t *id)
{
    *key = d->pane == DASH_LEADS || d->pane == DASH_AGENDA ? (d->pane == DASH_LEADS ? row->member
                                                                                    : row->theme)
                                                           : row->id;
    *id = d->pane == DASH_ACTIONS || d->pane == DASH_FEEDBACK ? strtoll(row->id, NULL, 10) : 0;
    return *key != NULL;
}

unsigned dash_form_edit(struct dash *d)
{
    enum pb_kind kind;
    const struct dash_row *row = dash_selected(d);
    const char *key;
    int64_t id;
    if (!pane_kind(d, &kind) || !row || !row_key(d, row, &key, &id)) {
        dash_message(d, true, "nothing here to edit");
        return DASH_DRAW_STATUS;
    }
    struct dash_form *form = form_new(d, kind, false);
    bool by_int = pb_kind_info(kind)->fields[0].type == PB_FIELD_INT_KEY;
    snprintf(form->key, sizeof form->key, "%s", by_int ? "" : key);
    form->id = id;
    struct pb_error err = {0};
    enum pb_status s = pb_record_revision(d->db, kind, by_int ? NULL : key, id, &form->revision,
                                          &err);
    if (s == PB_OK)
        s = pb_record_get(d->db, kind, by_int ? NULL : key, id, fill, form, &err);
    if (s != PB_OK) {
        d->form = form;
        dash_form_close(d);
        dash_fail(d, &err);
        return DASH_DRAW_STATUS;
    }
    snprintf(form->title, sizeof form->title, "Edit %s %s%s", pb_kind_info(kind)->singular,
             by_int ? "#" : "", by_int ? row->id : key);
    d->form = form;
    return DASH_DRAW_ALL;
}

/* ---- completion of ids ---- */

static void candidates(const struct dash *d, const struct pb_field *f, char ***ids, size_t *n)
{
    *ids = NULL;
    *n = 0;
    if (f->type != PB_FIELD_REF && f->type != PB_FIELD_REF_LIST)
        return;
    if (f->ref == PB_KIND_MEMBER)
        *ids = d->member_ids, *n = d->n_member_ids;
    else if (f->ref == PB_KIND_THEME)
        *ids = d->theme_ids, *n = d->n_theme_ids;
    else if (f->ref == PB_KIND_MEETING)
        *ids = d->form->meeting_ids, *n = d->form->n_meeting_ids;
    else if (f->ref == PB_KIND_STRATEGY)
        *ids = d->form->strategy_ids, *n = d->form->n_strategy_ids;
}

/* Completes the id before the cursor to the longest prefix its candidates
 * share; false when there is no word to complete or nothing matches. */
static bool complete(struct dash *d, struct dash_form_field *f)
{
    char **ids;
    size_t n;
    candidates(d, f->field, &ids, &n);
    struct dash_input *in = &f->in;
    size_t start = in->cursor;
    while (start > 0 && in->text[start - 1] != ' ' && in->text[start - 1] != ',')
        start--;
    if (!n || start == in->cursor)
        return false;
    char *word = dash_input_range(in, start, in->cursor);
    const char *first = NULL;
    size_t common = 0, matches = 0;
    struct pb_buf shown = {0};
    for (size_t i = 0; i < n; i++) {
        if (strncmp(ids[i], word, strlen(word)) != 0)
            continue;
        if (!first) {
            first = ids[i];
            common = strlen(first);
        }
        size_t j = 0;
        while (j < common && ids[i][j] == first[j])
            j++;
        common = j;
        matches++;
        pb_buf_addf(&shown, "%s%s", shown.len ? " " : "", ids[i]);
    }
    bool done = first && common > strlen(word);
    if (first) {
        char *rest = pb_xstrndup(first + strlen(word), common - strlen(word));
        dash_input_insert(in, rest);
        free(rest);
    }
    if (matches > 1)
        snprintf(d->form->message, sizeof d->form->message, "%s", shown.data);
    pb_buf_free(&shown);
    free(word);
    return done || matches == 1;
}

/* ---- saving ---- */

/* Reads every field into values (by the kind's field index); false when a
 * field is wrong, the cursor then on the first such. */
static bool read_fields(struct dash *d, struct pb_value *values, struct form_held *held)
{
    struct dash_form *form = d->form;
    const struct pb_kind_info *info = pb_kind_info(form->kind);
    for (size_t i = 0; i < info->n_fields; i++)
        values[i] = (struct pb_value){.state = PB_VALUE_UNSET};
    bool ok = true;
    for (size_t i = 0; i < form->n; i++) {
        struct dash_form_field *f = &form->fields[i];
        char *text = field_text(f);
        if (!form_value_read(f->field, text, form->adding, d->today, held, &values[f->index],
                             f->error, sizeof f->error)) {
            if (ok)
                form->cursor = i;
            ok = false;
        }
        free(text);
    }
    if (!form->adding) {
        bool by_int = info->fields[0].type == PB_FIELD_INT_KEY;
        values[0] = by_int ? (struct pb_value){.state = PB_VALUE_INT, .i = form->id}
                           : (struct pb_value){.state = PB_VALUE_TEXT, .text = form->key};
    }
    return ok;
}

static enum pb_status add_row(struct dash *d, const struct pb_value *values, struct pb_error *err)
{
    struct dash_form *form = d->form;
    const struct pb_kind_info *info = pb_kind_info(form->kind);
    if (info->fields[0].type == PB_FIELD_KEY) {
        bool exists = false;
        enum pb_status s = pb_record_exists(d->db, form->kind, values[0].text, 0, &exists, err);
        if (s != PB_OK)
            return s;
        if (exists) {
            snprintf(form->fields[0].error, sizeof form->fields[0].error, "%s is taken",
                     values[0].text);
            form->cursor = 0;
            return pb_error_set(err, PB_ERR_DATA, "a %s '%s' is there already: e edits it",
                                info->singular, values[0].text);
        }
    }
    char what[128];
    snprintf(what, sizeof what, "add %s", info->singular);
    enum pb_status s = pb_change_begin(d->db, what, err);
    if (s == PB_OK)
        s = pb_change_end(d->db, pb_record_put(d->db, form->kind, values, NULL, NULL, err), err);
    return s;
}

static enum pb_status note_theirs(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct dash_form *form = ctx;
    for (size_t i = 0; i < form->n; i++) {
        struct dash_form_field *f = &form->fields[i];
        char *now = form_value_text(f->field, &values[f->index]);
        free(f->theirs);
        f->theirs = NULL;
        if (f->was && strcmp(now, f->was) != 0)
            f->theirs = pb_xstrdup(now);
        free(f->was);
        f->was = now;
    }
    return PB_OK;
}

/* Someone saved the row first: their values under each field they
 * changed, the typed ones kept, and the next save made over theirs. */
static unsigned show_theirs(struct dash *d)
{
    struct dash_form *form = d->form;
    const char *key = form->key[0] ? form->key : NULL;
    struct pb_error err = {0};
    struct pb_change_brief who = {0};
    bool found = false;
    pb_record_last_change(d->db, form->kind, key, form->id, &found, &who, &err);
    pb_record_revision(d->db, form->kind, key, form->id, &form->revision, &err);
    pb_record_get(d->db, form->kind, key, form->id, note_theirs, form, &err);
    snprintf(form->message, sizeof form->message,
             "%s saved this at %s UTC (%s): theirs is under what they changed; Ctrl-S saves "
             "yours over it, Esc keeps theirs",
             found && who.who[0] ? who.who : "someone else", found ? who.at + 11 : "?",
             found ? who.what : "a change");
    return DASH_DRAW_ALL;
}

static unsigned save(struct dash *d)
{
    struct dash_form *form = d->form;
    struct pb_value values[DASH_FORM_FIELDS + 4];
    struct form_held held = {0};
    form->message[0] = '\0';
    if (!read_fields(d, values, &held)) {
        form_held_free(&held);
        snprintf(form->message, sizeof form->message, "not saved: see the fields marked");
        return DASH_DRAW_ALL;
    }
    struct pb_error err = {0};
    enum pb_status s = form->adding
                           ? add_row(d, values, &err)
                           : pb_record_edit(d->db, form->kind, values, form->revision, &err);
    form_held_free(&held);
    if (s == PB_ERR_CONFLICT)
        return show_theirs(d);
    if (s != PB_OK) {
        snprintf(form->message, sizeof form->message, "not saved: %s", err.message);
        return DASH_DRAW_ALL;
    }
    char what[192];
    snprintf(what, sizeof what, "%s", form->title);
    dash_made(d, what);
    dash_message(d, false, "%s: saved (u undoes)", form->title);
    dash_form_close(d);
    return dash_reload_tables(d, ~0u) | DASH_DRAW_ALL;
}

/* ---- keys ---- */

static unsigned move_to(struct dash_form *form, size_t to)
{
    if (to < form->n)
        form->cursor = to;
    return DASH_DRAW_ALL;
}

static unsigned open_editor(struct dash *d)
{
    struct dash_form_field *f = &d->form->fields[d->form->cursor];
    free(d->edit.text);
    d->edit.text = pb_xstrdup(f->text ? f->text : "");
    d->edit.for_form = true;
    snprintf(d->edit.what, sizeof d->edit.what, "%s", f->field->key);
    return DASH_EDIT;
}

void dash_form_edited(struct dash *d, const char *text)
{
    struct dash_form_field *f = &d->form->fields[d->form->cursor];
    if (text)
        set_text(f, text);
    else
        snprintf(d->form->message, sizeof d->form->message,
                 "the editor did not finish: the field is as it was");
}

unsigned dash_form_key(struct dash *d, int key)
{
    struct dash_form *form = d->form;
    struct dash_form_field *f = &form->fields[form->cursor];
    bool last = form->cursor + 1 == form->n;
    bool long_field = form_field_long(f->field);
    switch (key) {
    case DASH_KEY_ESC:
        dash_form_close(d);
        dash_message(d, false, "nothing was saved");
        return DASH_DRAW_ALL;
    case DASH_CTRL('s'):
        return save(d);
    case DASH_CTRL('o'):
        return long_field ? open_editor(d) : 0;
    case DASH_KEY_ENTER:
    case '\n':
        if (long_field && !last)
            return open_editor(d);
        return last ? save(d) : move_to(form, form->cursor + 1);
    case DASH_KEY_TAB:
        if (!f->read_only && !long_field && complete(d, f))
            return DASH_DRAW_ALL;
        return move_to(form, form->cursor + 1);
    case DASH_KEY_DOWN:
        return move_to(form, form->cursor + 1);
    case DASH_KEY_UP:
    case DASH_KEY_BTAB:
        return form->cursor ? move_to(form, form->cursor - 1) : 0;
    default:
        break;
    }
    if (f->read_only || long_field) {
        snprintf(form->message, sizeof form->message,
                 f->read_only ? "the id cannot change here" : "Enter or Ctrl-O edits it in $EDITOR");
        return DASH_DRAW_ALL;
    }
    enum dash_input_result r = dash_input_key(&f->in, key);
    if (r == DASH_INPUT_EDITED)
        f->error[0] = '\0';
    return r == DASH_INPUT_IGNORED ? 0 : DASH_DRAW_ALL;
}
