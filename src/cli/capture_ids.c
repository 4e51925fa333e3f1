/* The ids quick capture may name (add, edit), read from the database. */
#include "cli.h"

#include <panelboard/record.h>

enum pb_status cli_load_ids(struct pb_db *db, struct cli_known_ids *k, struct capture_ids *ids,
                            struct pb_error *err)
{
    enum pb_status s = pb_record_keys(db, PB_KIND_MEMBER, &k->members, &k->n_members, err);
    if (s == PB_OK)
        s = pb_record_keys(db, PB_KIND_THEME, &k->themes, &k->n_themes, err);
    *ids = (struct capture_ids){
        .members = (const char *const *)k->members,
        .n_members = k->n_members,
        .themes = (const char *const *)k->themes,
        .n_themes = k->n_themes,
    };
    return s;
}

void cli_free_ids(struct cli_known_ids *k)
{
    pb_strings_free(k->members, k->n_members);
    pb_strings_free(k->themes, k->n_themes);
}
