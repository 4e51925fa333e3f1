/*
 * Pass 3: the rules that join records: dates in order, strategies' parent
 * chains without loops, and theme leads who have not left. Each reads a
 * row as it will be once the import is done: what the files say, or the
 * database's value where they leave it out.
 */
#include "import.h"

#include <string.h>

/* The record the files give for key, or NULL. */
static const struct rec *rec_of(const struct import *im, enum pb_kind kind, const char *key)
{
    const struct import_id *e = import_id_find(&im->kinds[kind].ids, key);
    return e ? &im->kinds[kind].recs[e->rec] : NULL;
}

/* What DATE or REF field f of the row `key` holds once the import is done:
 * what its record in the files says (rec; NULL when there is none), or the
 * database's value where the files leave it out. *given: the files say it. */
static const char *after_import(struct import *im, enum pb_kind kind, const struct rec *rec,
                                const char *key, int f, bool *given)
{
    const struct pb_value *v = rec ? &rec->values[f] : NULL;
    *given = v && v->state == PB_VALUE_TEXT;
    if (v && v->state != PB_VALUE_UNSET)
        return *given ? v->text : NULL;
    import_load_db(im, kind);
    const struct import_id *e = import_id_find(&im->kinds[kind].db, key);
    return e && e->values ? e->values[f] : NULL;
}

/* Where the files give field f of rec, for an error about it. */
static const struct doc_node *given_at(enum pb_kind kind, const struct rec *rec, int f)
{
    return import_map_get(rec->node, pb_kind_info(kind)->fields[f].key);
}

/* Pairs of dates where the second may not be before the first. */
static const struct {
    enum pb_kind kind;
    const char *first, *second;
} date_orders[] = {
    {PB_KIND_MEMBER, "joined", "left"},
    {PB_KIND_STRATEGY, "from", "to"},
};

static void check_date_order(struct import *im, enum pb_kind kind, const char *first,
                             const char *second)
{
    int fi = pb_field_index(kind, first), si = pb_field_index(kind, second);
    struct kind_state *ks = &im->kinds[kind];
    for (size_t i = 0; i < ks->n && !import_done_checking(im); i++) {
        const struct rec *rec = &ks->recs[i];
        if (rec->first != NO_REC || !rec->key ||
            (rec->values[fi].state != PB_VALUE_TEXT && rec->values[si].state != PB_VALUE_TEXT))
            continue;
        bool a_given, b_given;
        const char *a = after_import(im, kind, rec, rec->key, fi, &a_given);
        const char *b = after_import(im, kind, rec, rec->key, si, &b_given);
        if (!a || !b || strcmp(b, a) >= 0)
            continue;
        if (b_given)
            import_report(im, rec->file, given_at(kind, rec, si), "'%s' %s is before '%s' %s",
                          second, b, first, a);
        else
            import_report(im, rec->file, given_at(kind, rec, fi), "'%s' %s is after '%s' %s", first,
                          a, second, b);
    }
}

static const char *parent_of(struct import *im, const char *key, bool *given)
{
    return after_import(im, PB_KIND_STRATEGY, rec_of(im, PB_KIND_STRATEGY, key), key,
                        pb_field_index(PB_KIND_STRATEGY, "parent"), given);
}

/* The loop through start: reported at the strategy given first in the files
 * among those whose parent, as the files give it, closes the loop. */
static void report_cycle(struct import *im, const char *start)
{
    const struct rec *at = NULL;
    struct pb_buf path = {0};
    const char *key = start;
    do {
        const struct rec *rec = rec_of(im, PB_KIND_STRATEGY, key);
        bool given;
        const char *parent = parent_of(im, key, &given);
        if (given && (!at || rec < at))
            at = rec;
        pb_buf_addf(&path, "%s -> ", key);
        key = parent;
    } while (strcmp(key, start) != 0);
    pb_buf_puts(&path, start);
    int pi = pb_field_index(PB_KIND_STRATEGY, "parent");
    if (at && strcmp(at->key, at->values[pi].text) == 0)
        import_report(im, at->file, given_at(PB_KIND_STRATEGY, at, pi),
                      "strategy '%s' cannot be its own parent", at->key);
    else if (at)
        import_report(im, at->file, given_at(PB_KIND_STRATEGY, at, pi),
                      "strategy '%s' is its own ancestor through 'parent': %s", at->key, path.data);
    pb_buf_free(&path);
}

/* The mark of a strategy in the parent walks: in the files or the database. */
static struct import_id *walk_entry(struct import *im, const char *key)
{
    struct kind_state *ks = &im->kinds[PB_KIND_STRATEGY];
    struct import_id *e = import_id_find(&ks->ids, key);
    return e ? e : import_id_find(&ks->db, key);
}

/* Follows parents up from each strategy the files give a parent, marking
 * each strategy with the walk that reached it first: meeting the current
 * walk's mark again is a loop; any other mark, ground already covered. */
static void check_strategy_cycles(struct import *im)
{
    struct kind_state *ks = &im->kinds[PB_KIND_STRATEGY];
    int pi = pb_field_index(PB_KIND_STRATEGY, "parent");
    size_t walk = 0;
    for (size_t i = 0; i < ks->n && !import_done_checking(im); i++) {
        const struct rec *rec = &ks->recs[i];
        if (rec->first != NO_REC || !rec->key || rec->values[pi].state != PB_VALUE_TEXT ||
            walk_entry(im, rec->key)->walk)
            continue;
        walk++;
        const char *key = rec->key;
        struct import_id *e;
        bool given;
        while (key && (e = walk_entry(im, key)) && !e->walk) {
            e->walk = walk;
            key = parent_of(im, key, &given);
        }
        if (key && e && e->walk == walk)
            report_cycle(im, key);
    }
}

static bool left_before(const char *left, const char *today)
{
    return left && strcmp(left, today) < 0;
}

/* A theme lead the files name must not have left. */
static void check_leads_given(struct import *im, const char *today)
{
    struct kind_state *themes = &im->kinds[PB_KIND_THEME];
    int li = pb_field_index(PB_KIND_THEME, "lead");
    int lefti = pb_field_index(PB_KIND_MEMBER, "left");
    for (size_t i = 0; i < themes->n && !import_done_checking(im); i++) {
        const struct rec *rec = &themes->recs[i];
        const char *lead = rec->values[li].state == PB_VALUE_TEXT ? rec->values[li].text : NULL;
        bool given;
        const char *left = lead ? after_import(im, PB_KIND_MEMBER, rec_of(im, PB_KIND_MEMBER, lead),
                                               lead, lefti, &given)
                                : NULL;
        if (left_before(left, today))
            import_report(im, rec->file, given_at(PB_KIND_THEME, rec, li),
                          "member '%s' left on %s and cannot lead a theme", lead, left);
    }
}

/* A member the files say has left must not still lead a theme whose lead
 * the files leave as the database has it. */
static void check_leads_kept(struct import *im, const char *today)
{
    struct kind_state *themes = &im->kinds[PB_KIND_THEME];
    struct kind_state *members = &im->kinds[PB_KIND_MEMBER];
    int li = pb_field_index(PB_KIND_THEME, "lead");
    int lefti = pb_field_index(PB_KIND_MEMBER, "left");
    bool any_left = false;
    for (size_t i = 0; i < members->n && !any_left; i++)
        any_left = members->recs[i].first == NO_REC && members->recs[i].key &&
                   members->recs[i].values[lefti].state == PB_VALUE_TEXT &&
                   left_before(members->recs[i].values[lefti].text, today);
    if (!any_left)
        return;
    import_load_db(im, PB_KIND_THEME);
    for (size_t i = 0; i < themes->db.cap && !import_done_checking(im); i++) {
        const char *key = themes->db.slots[i].key;
        const struct import_id *theme = themes->db.slots[i].value;
        if (!key || !theme->values)
            continue;
        bool given;
        const char *lead =
            after_import(im, PB_KIND_THEME, rec_of(im, PB_KIND_THEME, key), key, li, &given);
        const struct rec *member = lead && !given ? rec_of(im, PB_KIND_MEMBER, lead) : NULL;
        const struct pb_value *left = member ? &member->values[lefti] : NULL;
        if (left && left->state == PB_VALUE_TEXT && left_before(left->text, today))
            import_report(im, member->file, given_at(PB_KIND_MEMBER, member, lefti),
                          "member '%s' leads theme '%s' and cannot have left on %s", lead, key,
                          left->text);
    }
}

void import_check_joins(struct import *im)
{
    char today[11];
    pb_date_format(pb_db_today(im->db), today);
    for (size_t r = 0; r < sizeof date_orders / sizeof date_orders[0]; r++)
        check_date_order(im, date_orders[r].kind, date_orders[r].first, date_orders[r].second);
    check_strategy_cycles(im);
    check_leads_given(im, today);
    check_leads_kept(im, today);
}
