/* The dashboard in a terminal: what the command line calls with no command. */
#ifndef PANELBOARD_TUI_H
#define PANELBOARD_TUI_H

#include <panelboard/model.h>

#include <stdbool.h>

struct tui_options {
    const char *as;  /* --as member, or NULL */
    bool read_only;  /* the database could be opened only for reading */
};

/* Runs the dashboard over db until q; the terminal is restored on every
 * way out. A terminal that cannot show it: PB_ERR_USAGE. */
enum pb_status tui_run(struct pb_db *db, const struct tui_options *opt, struct pb_error *err);

#endif
