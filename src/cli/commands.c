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
    {"backup", cmd_backup, "backup FILE", "a consistent, checked copy of the database in FILE",
     "Copies the whole database with SQLite's online backup while others go on\n"
     "working, into a temporary file beside FILE that is synced, opened and checked\n"
     "before it replaces FILE: FILE is the last good backup or the new one, never\n"
     "half of one. Safe to run from cron (see README).\n"},
    {"history", cmd_history, "history [--limit N]",
     "the change history, newest first: when, who (and the login that made it), what, "
     "before and after",
     "  --limit N   show the N newest changes (default 20; 0 for all)\n"},
    {"queue", cmd_queue, "queue [MEMBER] [--format text|tsv]",
     "MEMBER's queue: the open actions they own or that sit in a theme they lead",
     "The actions still open or in progress that MEMBER owns (an action owned by\n"
     "all is everyone's) or that sit in a theme MEMBER leads: overdue first, then by\n"
     "due date, then by id, those with no due date last. MEMBER is a member id;\n"
     "without it, the --as member's queue. An unknown id: exit 65, with the nearest.\n"
     "\n"
     "  --format text   one action a line: id, status, due date (overdue marked),\n"
     "                  @owners, #theme, title (the default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id status due theme owners title meeting ref\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n"},
    {"actions", cmd_actions, "actions [--theme ID] [--owner ID] [--status S] [--overdue]",
     "list actions, one a line; with no filter, every action",
     "With no filter, every action, done and dropped included, by id. Filters combine:\n"
     "\n"
     "  --theme ID       in theme ID\n"
     "  --owner ID       owned by member ID, or by all\n"
     "  --status S       with status S: open, in-progress, done or dropped\n"
     "  --overdue        open or in progress, and due before today\n"
     "  --format text    one action a line: id, status, due date (overdue marked),\n"
     "                   @owners, #theme, title (the default)\n"
     "  --format tsv     tab-separated, with the header line\n"
     "                   id status due theme owners title meeting ref\n"
     "                   (ids, not names; \\t \\n \\\\ escaped)\n"
     "\n"
     "An unknown member or theme: exit 65, with the nearest id.\n"},
    {"add", cmd_add, "add TEXT [--meeting ID]",
     "quick capture of an action; prints the new action's id",
     "TEXT is TITLE WORDS [@owner ...] [#theme] [due:DATE] [ref:TEXT], in one\n"
     "argument or several:\n"
     "\n"
     "  @ID        an owner, by member id (repeatable); @all for everyone\n"
     "  #ID        the theme, by id\n"
     "  due:DATE   YYYY-MM-DD, +Nd, +Nw, a weekday (due:fri: the next one after\n"
     "             today), today or tomorrow\n"
     "  ref:TEXT   the minute reference, in double or single quotes if it has\n"
     "             spaces: ref:\"Resolved (4)\" or ref:'Resolved (4)'\n"
     "\n"
     "Anything else is the title. With no @owner the action is the --as member's;\n"
     "without --as, name one. An unknown @ or # is an error that names the nearest\n"
     "id (exit 65), and nothing is added. The action is open, and belongs to the\n"
     "meeting held today if there is one.\n"
     "\n"
     "  --meeting ID   the meeting the action was agreed at\n"},
    {"done", cmd_done, "done ID [NOTE]", "close an action, with an optional update note",
     "Sets action ID to done. NOTE becomes an update dated today by the --as member.\n"
     "An unknown id: exit 65.\n"},
    {"status", cmd_status, "status ID STATUS [NOTE]",
     "move an action to STATUS, with an optional update note",
     "STATUS is open, in-progress, done or dropped. NOTE becomes an update dated\n"
     "today by the --as member. An unknown id or status: exit 65.\n"},
    {"minutes", cmd_minutes, "minutes [MEETING] [--format md|html|text] [--exempt]",
     "the minutes of one meeting (default: the latest), ready to publish",
     "MEETING is a meeting id; without one, the latest meeting by date. Prints the\n"
     "council's own form: the heading, Present, In attendance and Apologies, the\n"
     "declarations of interest, then each agenda item in order with its summary,\n"
     "contact, discussion (Minutes:), questions and responses, \"Resolved –\" with\n"
     "the decisions, one \"Action:\" line per action agreed under it, and its\n"
     "supporting documents; then the co-option seats the meeting changed. Dropped\n"
     "actions are left out; exempt items print only their title. What was recorded\n"
     "--on the meeting's date counts as the meeting's. People are named by their\n"
     "post where they hold one.\n"
     "  --format md    Markdown, one paragraph a line (default)\n"
     "  --format html  one HTML document, rendered from the Markdown\n"
     "  --format text  plain text, headings in capitals\n"
     "  --exempt       the confidential minute book: exempt items whole\n"
     "An unknown meeting: exit 65.\n"},
    {NULL, NULL, NULL, NULL, NULL},
};
