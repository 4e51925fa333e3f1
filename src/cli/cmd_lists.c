/* `panelboard members`, `themes`, `co-options` and `feedback`: each list's
 * rows in the dashboard's order, one a line (listing.h), read through the
 * model's pages in one pass. */
#include "cli.h"
#include "listing.h"

#include <panelboard/page.h>

#include <inttypes.h>
#include <stdint.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct pb_page whole_list = {
    .dir = PB_PAGE_FORWARD, .from_edge = true, .limit = SIZE_MAX};

static enum pb_status run(struct cli *cli, const char *const *columns, size_t n_columns,
                          enum pb_status (*page)(struct cli *, struct listing *, struct pb_error *),
                          const char *empty, struct pb_error *err)
{
    enum output_format format = OUTPUT_TEXT;
    enum pb_status s = listing_args(cli, &format, err);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    if (s != PB_OK)
        return s;
    struct listing l;
    listing_begin(&l, format, columns, n_columns);
    s = page(cli, &l, err);
    if (s == PB_OK)
        listing_end(&l, empty);
    return s;
}

/* ---- members ---- */

static const char *const member_columns[] = {"id",    "name",         "kind",   "post",
                                             "voting", "organisation", "joined", "left"};

static enum pb_status member_line(const struct pb_member_row *m, void *ctx, struct pb_error *err)
{
    const char *cells[] = {m->id,  m->name, m->kind, m->post, m->voting ? "true" : "false",
                           m->organisation, m->joined, m->left};
    return listing_row(ctx, cells, err);
}

static enum pb_status member_page(struct cli *cli, struct listing *l, struct pb_error *err)
{
    return pb_member_page(cli->db, &whole_list, member_line, l, err);
}

enum pb_status cmd_members(struct cli *cli, struct pb_error *err)
{
    return run(cli, member_columns, N(member_columns), member_page, "no members", err);
}

/* ---- themes, with their actions counted ---- */

static const char *const theme_columns[] = {"id", "title", "lead", "open", "overdue", "done"};

/* Open counts what is still to do, in progress included (as the leads'
 * pane counts it). */
static enum pb_status theme_line(const struct pb_theme_row *t, void *ctx, struct pb_error *err)
{
    struct listing *l = ctx;
    bool text = l->o.format == OUTPUT_TEXT;
    char open[32], overdue[32], done[32];
    snprintf(open, sizeof open, "%" PRId64 "%s", t->counts.open + t->counts.in_progress,
             text ? " open" : "");
    snprintf(overdue, sizeof overdue, "%" PRId64 "%s", t->counts.overdue, text ? " overdue" : "");
    snprintf(done, sizeof done, "%" PRId64 "%s", t->counts.done, text ? " done" : "");
    const char *cells[] = {t->id, t->title, t->lead, open, overdue, done};
    return listing_row(l, cells, err);
}

static enum pb_status theme_page(struct cli *cli, struct listing *l, struct pb_error *err)
{
    return pb_theme_page(cli->db, &whole_list, theme_line, l, err);
}

enum pb_status cmd_themes(struct cli *cli, struct pb_error *err)
{
    return run(cli, theme_columns, N(theme_columns), theme_page, "no themes", err);
}

/* ---- co-option seats ---- */

static const char *const co_option_columns[] = {
    "id", "sector", "status", "member", "nominated_by", "resolved", "term_end", "ref"};

static enum pb_status co_option_line(const struct pb_co_option_row *c, void *ctx,
                                     struct pb_error *err)
{
    const char *cells[] = {c->id,       c->sector,   c->status, c->member, c->nominated_by,
                           c->resolved, c->term_end, c->ref};
    return listing_row(ctx, cells, err);
}

static enum pb_status co_option_page(struct cli *cli, struct listing *l, struct pb_error *err)
{
    return pb_co_option_page(cli->db, &whole_list, co_option_line, l, err);
}

enum pb_status cmd_co_options(struct cli *cli, struct pb_error *err)
{
    return run(cli, co_option_columns, N(co_option_columns), co_option_page, "no co-options",
               err);
}

/* ---- feedback: "you said, we did" ---- */

static const char *const feedback_columns[] = {"id",     "date", "theme", "status", "action",
                                               "told",   "channel", "said", "did"};

static enum pb_status feedback_line(const struct pb_feedback_row *f, void *ctx,
                                    struct pb_error *err)
{
    struct listing *l = ctx;
    char id[24], action[24] = "";
    snprintf(id, sizeof id, "%s%" PRId64, l->o.format == OUTPUT_TEXT ? "#" : "", f->id);
    if (f->action)
        snprintf(action, sizeof action, "%s%" PRId64, l->o.format == OUTPUT_TEXT ? "#" : "",
                 f->action);
    const char *cells[] = {id, f->date, f->theme, f->status, action, f->told, f->channel,
                           f->said, f->did};
    return listing_row(l, cells, err);
}

static enum pb_status feedback_page(struct cli *cli, struct listing *l, struct pb_error *err)
{
    return pb_feedback_page(cli->db, &whole_list, feedback_line, l, err);
}

enum pb_status cmd_feedback(struct cli *cli, struct pb_error *err)
{
    return run(cli, feedback_columns, N(feedback_columns), feedback_page, "no feedback", err);
}
