/*
 * Live refresh: a few times a second the screen asks whether anyone has
 * written to the database (PRAGMA data_version, which costs no read); when
 * someone has, the history says which tables the new changes touched, and
 * only the panes that show those tables are read again, each around its
 * cursor's row so the cursor stays where it was.
 */
#include "dash_internal.h"

unsigned dash_reload_tables(struct dash *d, unsigned tables)
{
    unsigned redraw = 0;
    struct pb_error err = {0};
    if (tables & (PB_TABLE_MEMBERS | PB_TABLE_THEMES | PB_TABLE_OTHER))
        if (dash_read_ids(d, &err) != PB_OK)
            dash_fail(d, &err);
    if (tables & (PB_TABLE_PANEL | PB_TABLE_MEETINGS | PB_TABLE_OTHER)) {
        if (dash_read_header(d, &err) != PB_OK)
            dash_fail(d, &err);
        redraw |= DASH_DRAW_HEADER;
    }
    for (int p = 0; p < DASH_PANE_COUNT; p++) {
        if (!(dash_pane((enum dash_pane_id)p)->tables & tables) && !(tables & PB_TABLE_OTHER))
            continue;
        d->stale[p] = true;
        if (p == (int)d->pane) {
            if (dash_reload_pane(d, d->pane, &err) != PB_OK)
                dash_fail(d, &err);
            redraw |= DASH_DRAW_LIST | DASH_DRAW_DETAIL | DASH_DRAW_STATUS;
        }
    }
    return redraw;
}

unsigned dash_reload_all(struct dash *d)
{
    unsigned redraw = dash_reload_tables(d, ~0u) | DASH_DRAW_ALL;
    if (!d->message[0])
        dash_message(d, false, "reloaded");
    return redraw;
}

unsigned dash_tick(struct dash *d, time_t now)
{
    unsigned redraw = 0;
    /* the clock shows minutes */
    if (now / 60 != d->now / 60)
        redraw |= DASH_DRAW_HEADER;
    d->now = now;
    pb_day today = pb_db_today(d->db);
    if (today != d->today) {
        /* past midnight, "overdue" and "today's meeting" move on */
        d->today = today;
        return redraw | dash_reload_tables(d, ~0u) | DASH_DRAW_ALL;
    }
    int64_t version = pb_db_data_version(d->db);
    if (version == d->data_version)
        return redraw;
    d->data_version = version;
    unsigned tables = 0;
    int64_t latest = d->seen_change;
    struct pb_error err = {0};
    if (pb_changes_since(d->db, d->seen_change, &tables, &latest, &err) != PB_OK) {
        dash_fail(d, &err);
        return redraw | DASH_DRAW_STATUS;
    }
    d->seen_change = latest;
    if (!tables)
        return redraw;
    return redraw | dash_reload_tables(d, tables);
}
