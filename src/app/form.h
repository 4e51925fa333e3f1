/* The dashboard's forms (form.c) and their fields as text (form_value.c). */
#ifndef PANELBOARD_APP_FORM_H
#define PANELBOARD_APP_FORM_H

#include "dash.h"

#include <panelboard/record.h>

/* What the values read from a form's text point into, freed together. */
struct form_held {
    char **texts;
    size_t n_texts;
    const char ***lists;
    size_t n_lists;
};

/* Long text and lists of texts are edited in $EDITOR, not on the line. */
bool form_field_long(const struct pb_field *f);
/* A field's value as the form shows it; the caller frees it. */
char *form_value_text(const struct pb_field *f, const struct pb_value *v);
/* Reads typed back as field f's value (adding: empty leaves it out, else
 * empty clears it); false with error filled when it breaks f's rules. */
bool form_value_read(const struct pb_field *f, const char *typed, bool adding, pb_day today,
                     struct form_held *held, struct pb_value *v, char *error, size_t size);
void form_held_free(struct form_held *held);

#endif
