/* --demo: a temporary database holding the bundled example panel. */
#ifndef PANELBOARD_DEMO_H
#define PANELBOARD_DEMO_H

#include "cli.h"

enum pb_status demo_open(struct cli *cli, struct pb_error *err);
/* The same temporary database, empty: what import --dry-run uses when the
 * database does not exist yet, so that a dry run creates nothing. */
enum pb_status demo_open_empty(struct cli *cli, struct pb_error *err);
/* Removes the temporary database and its folder; safe to call always. */
void demo_cleanup(struct cli *cli);

#endif
