/*
 * Keys while the one-line editor is open: editing, Tab completion of
 * @member and #theme, and Enter handing the line to what opened it. A
 * line whose save fails stays open with its text, so nothing typed is lost.
 */
#include "dash_internal.h"

#include "input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned complete(struct dash *d)
{
    char shown[sizeof d->message];
    bool done = dash_input_complete(&d->input, (const char *const *)d->member_ids,
                                    d->n_member_ids, (const char *const *)d->theme_ids,
                                    d->n_theme_ids, shown, sizeof shown);
    if (shown[0])
        dash_message(d, false, "%s", shown);
    else if (!done)
        dash_message(d, false, "Tab completes an @member or a #theme");
    return DASH_DRAW_STATUS;
}

static unsigned submit(struct dash *d)
{
    char *text = dash_input_text(&d->input);
    bool blank = strspn(text, " \t") == strlen(text);
    unsigned redraw = DASH_DRAW_STATUS;
    switch (d->input.kind) {
    case DASH_INPUT_CAPTURE:
        if (blank)
            d->input.kind = DASH_INPUT_NONE;
        else
            redraw = dash_submit_capture(d, text);
        break;
    case DASH_INPUT_NOTE:
        if (blank)
            d->input.kind = DASH_INPUT_NONE;
        else
            redraw = dash_submit_note(d, d->input.action, text);
        break;
    case DASH_INPUT_SEARCH:
        d->input.kind = DASH_INPUT_NONE;
        if (!blank) {
            d->search = text;
            text = NULL;
            if (!d->message[0])
                dash_message(d, false, "n next  N previous  Esc ends the search");
        }
        redraw = DASH_DRAW_ALL;
        break;
    case DASH_INPUT_FILTER:
        redraw = dash_submit_filter(d, text);
        break;
    case DASH_INPUT_MEETING_TITLE:
        redraw = blank ? (d->input.kind = DASH_INPUT_NONE, DASH_DRAW_STATUS)
                       : dash_submit_meeting_title(d, text);
        break;
    case DASH_INPUT_ITEM:
        redraw = blank ? (d->input.kind = DASH_INPUT_NONE, DASH_DRAW_STATUS)
                       : dash_submit_item(d, text);
        break;
    case DASH_INPUT_DECISION:
        redraw = blank ? (d->input.kind = DASH_INPUT_NONE, DASH_DRAW_STATUS)
                       : dash_submit_decision(d, text);
        break;
    case DASH_INPUT_ASKED:
        redraw = blank ? (d->input.kind = DASH_INPUT_NONE, DASH_DRAW_STATUS)
                       : dash_submit_question_part(d, text);
        break;
    case DASH_INPUT_REASSIGN:
        redraw = blank ? (d->input.kind = DASH_INPUT_NONE, DASH_DRAW_STATUS)
                       : dash_submit_reassign(d, text);
        break;
    case DASH_INPUT_ANSWER:
    case DASH_INPUT_ASKER:
        redraw = dash_submit_question_part(d, text);
        break;
    case DASH_INPUT_NONE:
        break;
    }
    free(text);
    return redraw;
}

unsigned dash_input_dispatch(struct dash *d, int key)
{
    switch (dash_input_key(&d->input, key)) {
    case DASH_INPUT_SUBMIT:
        return submit(d);
    case DASH_INPUT_CANCEL: {
        enum dash_input_kind kind = d->input.kind;
        d->input.kind = DASH_INPUT_NONE;
        if (kind == DASH_INPUT_SEARCH)
            return dash_cancel_search(d);
        return DASH_DRAW_STATUS;
    }
    case DASH_INPUT_COMPLETE:
        if (d->input.kind == DASH_INPUT_CAPTURE || d->input.kind == DASH_INPUT_FILTER ||
            d->input.kind == DASH_INPUT_ASKER || d->input.kind == DASH_INPUT_REASSIGN)
            return complete(d);
        return 0;
    case DASH_INPUT_EDITED:
        if (d->input.kind == DASH_INPUT_SEARCH) {
            char *text = dash_input_text(&d->input);
            unsigned redraw = dash_search_typed(d, text);
            free(text);
            return redraw | DASH_DRAW_STATUS;
        }
        return DASH_DRAW_STATUS;
    case DASH_INPUT_MOVED:
        return DASH_DRAW_STATUS;
    case DASH_INPUT_IGNORED:
        break;
    }
    return 0;
}
