/* --demo: a temporary database holding the bundled example panel. */
#ifndef PANELBOARD_DEMO_H
#define PANELBOARD_DEMO_H

#include "cli.h"

enum pb_status demo_open(struct cli *cli, struct pb_error *err);
/* Removes the temporary database and its folder; safe to call always. */
void demo_cleanup(struct cli *cli);

#endif
