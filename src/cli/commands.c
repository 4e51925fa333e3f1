/*
 * The one table of commands: main dispatches through it, and both
 * `panelboard --help` and `panelboard COMMAND --help` are printed from it.
 */
#include "cli.h"

const struct cli_command cli_commands[] = {
    {"init", cmd_init, "init", "create the database if it does not exist; say where it is",
     "Creates the database file and its folder, owner-only (0600, folder 0700), or\n"
     "group-shared with --shared (0660, folder 2770). Running it again is harmless.\n"},
    {"import", cmd_import, "import FILE... [--dry-run]",
     "load panel files (panelboard-file(5)) as one change",
     "All files are one transaction: either every row of every file lands, or nothing\n"
     "changes. Rows merge by id: new ids are added, existing rows get the fields the\n"
     "file gives, nothing is deleted. Prints, for each kind of row, how many were\n"
     "added, updated and unchanged. Problems are printed as FILE:LINE:COLUMN: error:\n"
     "MESSAGE (up to 50), with exit status 65 and nothing written.\n"
     "\n"
     "  --dry-run   do all the work and report it, then roll back\n"},
    {"export", cmd_export, "export [-o FILE] [--format yaml|md|csv]",
     "write the whole panel",
     "  --format yaml   the panel file, re-importable (the default)\n"
     "  --format md     a readable report for a meeting: themes, leads, actions\n"
     "                  (overdue ones flagged), co-option seats, strategies\n"
     "  --format csv    the actions table (RFC 4180)\n"
     "  -o FILE         write to FILE instead of standard output\n"},
    {"check", cmd_check, "check", "integrity check of the database; exit 0 when sound",
     "Runs SQLite's integrity check, the foreign keys, and the panel's own rules, and\n"
     "prints each problem found on a line; exit status 65 when there is any.\n"},
    {"history", cmd_history, "history [--limit N]",
     "the change history, newest first: when, who, what, before and after",
     "  --limit N   show the N newest changes (default 20; 0 for all)\n"},
    {NULL, NULL, NULL, NULL, NULL},
};
