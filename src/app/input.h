/* The dashboard's one-line editor (input.c). */
#ifndef PANELBOARD_APP_INPUT_H
#define PANELBOARD_APP_INPUT_H

#include "dash.h"

enum dash_input_result {
    DASH_INPUT_EDITED,   /* the text changed */
    DASH_INPUT_MOVED,    /* only the cursor moved */
    DASH_INPUT_IGNORED,  /* a key the editor does not take */
    DASH_INPUT_SUBMIT,   /* Enter */
    DASH_INPUT_CANCEL,   /* Esc */
    DASH_INPUT_COMPLETE, /* Tab */
};

/* Starts editing: text (UTF-8, may be NULL) with the cursor at code point
 * `cursor` (past the end: at the end). */
void dash_input_start(struct dash_input *in, enum dash_input_kind kind, const char *prompt,
                      const char *text, size_t cursor);
enum dash_input_result dash_input_key(struct dash_input *in, int key);
/* Inserts UTF-8 text at the cursor. */
void dash_input_insert(struct dash_input *in, const char *utf8);
/* Completes the @member or #theme word before the cursor to the longest
 * prefix the candidates share (and a space when only one is left). shown
 * receives the candidates when several remain. False when the word is not
 * one to complete or nothing matches. */
bool dash_input_complete(struct dash_input *in, const char *const *members, size_t n_members,
                         const char *const *themes, size_t n_themes, char *shown, size_t size);

#endif
