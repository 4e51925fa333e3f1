/* `panelboard meetings`: each meeting with its date, title and agenda
 * items, one meeting a line (listing.h). */
#include "cli.h"
#include "listing.h"

#include <panelboard/agenda.h>
#include <panelboard/record.h>

#include <stdlib.h>

struct meeting_ids {
    char **ids, **dates, **titles;
    size_t n;
};

static char *dup_or_null(const struct pb_value *v)
{
    return v->state == PB_VALUE_TEXT ? pb_xstrdup(v->text) : NULL;
}

static enum pb_status collect(const struct pb_value *values, void *ctx, struct pb_error *err)
{
    (void)err;
    struct meeting_ids *m = ctx;
    m->ids = pb_xrealloc(m->ids, (m->n + 1) * sizeof *m->ids);
    m->dates = pb_xrealloc(m->dates, (m->n + 1) * sizeof *m->dates);
    m->titles = pb_xrealloc(m->titles, (m->n + 1) * sizeof *m->titles);
    m->ids[m->n] = dup_or_null(&values[0]);
    m->dates[m->n] = dup_or_null(&values[1]);
    m->titles[m->n] = dup_or_null(&values[2]);
    m->n++;
    return PB_OK;
}

struct items {
    struct pb_buf b;
    bool tsv;
};

/* TSV: the items' refs, their ids within the meeting, joined by commas;
 * text: each ref with its title, joined by "; ". */
static enum pb_status add_item(const struct pb_agenda_item *item, void *ctx, struct pb_error *err)
{
    (void)err;
    struct items *it = ctx;
    if (it->b.len)
        pb_buf_puts(&it->b, it->tsv ? "," : "; ");
    pb_buf_puts(&it->b, item->ref);
    if (!it->tsv)
        pb_buf_addf(&it->b, " %s", item->title);
    return PB_OK;
}

static const char *const meeting_columns[] = {"id", "date", "title", "items"};

/* The meetings are read whole before their agendas, so that no two
 * statements of the model are stepped at once. */
static enum pb_status list_meetings(struct cli *cli, struct listing *l, struct pb_error *err)
{
    struct meeting_ids m = {0};
    enum pb_status s = pb_record_each(cli->db, PB_KIND_MEETING, NULL, 0, collect, &m, err);
    for (size_t i = 0; s == PB_OK && i < m.n; i++) {
        struct items it = {.tsv = l->o.format == OUTPUT_TSV};
        s = pb_agenda_each(cli->db, m.ids[i], add_item, &it, err);
        char *items = pb_buf_take(&it.b);
        const char *cells[] = {m.ids[i], m.dates[i], m.titles[i], items};
        if (s == PB_OK)
            s = listing_row(l, cells, err);
        free(items);
    }
    for (size_t i = 0; i < m.n; i++) {
        free(m.ids[i]);
        free(m.dates[i]);
        free(m.titles[i]);
    }
    free(m.ids);
    free(m.dates);
    free(m.titles);
    return s;
}

enum pb_status cmd_meetings(struct cli *cli, struct pb_error *err)
{
    enum output_format format = OUTPUT_TEXT;
    enum pb_status s = listing_args(cli, &format, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct listing l;
    listing_begin(&l, format, meeting_columns, sizeof meeting_columns / sizeof *meeting_columns);
    s = list_meetings(cli, &l, err);
    if (s == PB_OK)
        listing_end(&l, "no meetings");
    return s;
}
