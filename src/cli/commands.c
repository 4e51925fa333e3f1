/*
 * The one table of commands: main dispatches through it, and both
 * `panelboard --help` and `panelboard COMMAND --help` are printed from it.
 */
#include "cli.h"

const struct cli_command cli_commands[] = {
    {"init", cmd_init, "init", "create the database if it does not exist; say where it is",
     "Creates the database file and its folder, owner-only (0600, folder 0700), or\n"
     "group-shared with --shared (0660, folder 2770). Running it again is harmless.\n",
     true},
    {"import", cmd_import, "import FILE... [--dry-run]",
     "load panel files (panelboard-file(5)) as one change",
     "All files are one transaction: either every row of every file lands, or nothing\n"
     "changes. Rows merge by id: new ids are added, existing rows get the fields the\n"
     "file gives, nothing is deleted. Prints, for each kind of row, how many were\n"
     "added, updated and unchanged. Problems are printed as FILE:LINE:COLUMN: error:\n"
     "MESSAGE (up to 50), with exit status 65 and nothing written.\n"
     "\n"
     "  --dry-run   do all the work and report it, then roll back\n",
     true},
    {"export", cmd_export, "export [-o FILE] [--format yaml|md|csv] [--force]",
     "write the whole panel",
     "  --format yaml   the panel file, re-importable (the default)\n"
     "  --format md     a readable report for a meeting: themes, leads, actions\n"
     "                  (overdue ones flagged), co-option seats, strategies\n"
     "  --format csv    the actions table (RFC 4180)\n"
     "  -o FILE         write to FILE instead of standard output\n"
     "  --force         replace FILE even with the export of an empty panel\n", false},
    {"check", cmd_check, "check", "integrity check of the database; exit 0 when sound",
     "Runs SQLite's integrity check, the foreign keys, and the panel's own rules, and\n"
     "prints each problem found on a line; exit status 65 when there is any.\n", false},
    {"backup", cmd_backup, "backup FILE", "a consistent, checked copy of the database in FILE",
     "Copies the whole database with SQLite's online backup while others go on\n"
     "working, into a temporary file beside FILE that is synced, opened and checked\n"
     "before it replaces FILE: FILE is the last good backup or the new one, never\n"
     "half of one. Safe to run from cron (see README).\n", false},
    {"history", cmd_history, "history [--limit N] [--full]",
     "the change history, newest first, one line a change: when, who (and the login that "
     "made it), what, rows",
     "Each change on one line: its id (for undo CHANGE), when, who (and the login\n"
     "behind the --as), what, and the rows it changed in brief (+ added, ~ changed,\n"
     "- removed; the first five).\n"
     "\n"
     "  --limit N   show the N newest changes (default 20; 0 for all)\n"
     "  --full      every row it changed, with its before and after\n", false},
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
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
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
     "An unknown member or theme: exit 65, with the nearest id.\n", false},
    {"add", cmd_add, "add TEXT [--meeting ID] [--on DATE]",
     "quick capture of an action; prints the new action's id",
     "TEXT is TITLE WORDS [@owner ...] [#theme] [due:DATE] [ref:TEXT], in one\n"
     "argument or several:\n"
     "\n"
     "  @ID        an owner, by member id (repeatable); @all for everyone\n"
     "  #ID        the theme, by id\n"
     "  due:DATE   YYYY-MM-DD, +Nd, +Nw, +Nm (calendar months), a weekday\n"
     "             (due:fri: the next one after today), today or tomorrow\n"
     "  ref:TEXT   the minute reference, in double or single quotes if it has\n"
     "             spaces: ref:\"Resolved (4)\" or ref:'Resolved (4)'\n"
     "\n"
     "Anything else is the title. With no @owner the action is the --as member's;\n"
     "without --as, name one. An unknown @ or # is an error that names the nearest\n"
     "id (exit 65), and nothing is added. The action is open, and belongs to the\n"
     "meeting held today (or on the --on day) if there is one.\n"
     "\n"
     "  --meeting ID   the meeting the action was agreed at\n"
     "  --on DATE      agreed on DATE (YYYY-MM-DD), typed up later: the meeting held\n"
     "                 that day, due:+2w counted from it\n", false},
    {"done", cmd_done, "done IDS [NOTE] [--on DATE]",
     "close actions, with an optional update note",
     "Sets the actions to done, as one change. IDS is one id or a list and ranges,\n"
     "8,9,12-14. NOTE becomes an update on each, dated today by the --as member.\n"
     "An unknown id: exit 65, nothing changed. A NOTE that is only ids (done 8 9)\n"
     "is refused (exit 64) with the list form suggested.\n"
     "\n"
     "  --on DATE   done on DATE (YYYY-MM-DD, not after today): the update is dated\n"
     "              then and the minutes of a meeting that day show it; the history\n"
     "              still says when it was typed. A bad date: exit 64 or 65.\n", false},
    {"status", cmd_status, "status IDS STATUS [NOTE] [--on DATE]",
     "move actions to STATUS, with an optional update note",
     "STATUS is open, in-progress, done or dropped; IDS as for done, one change.\n"
     "NOTE becomes an update dated today by the --as member. An unknown id or\n"
     "status: exit 65, nothing changed.\n"
     "\n"
     "  --on DATE   moved on DATE (YYYY-MM-DD, not after today), as for done\n", false},
    {"show", cmd_show, "show ID", "one action whole: fields, owners, updates, latest changes",
     "Prints action ID's title, status (overdue marked), theme, due date, meeting,\n"
     "minute reference and revision, its owners by name, its updates oldest first,\n"
     "and the latest five changes to it from the history (panelboard history has\n"
     "the rest). An unknown id: exit 65.\n", false},
    {"edit", cmd_edit, "edit ID TEXT [--revision N]",
     "change an action with the quick-capture syntax; only what TEXT names changes",
     "TEXT is [TITLE WORDS] [@owner ...] [#theme] [due:DATE|due:~] [ref:TEXT], as\n"
     "for add: title words replace the title, @ owners replace the owners, #theme\n"
     "the theme, due: the due date (due:~ clears it), ref: the minute reference.\n"
     "TEXT naming nothing: exit 64. An unknown id: exit 65 (an unknown @ or #\n"
     "with the nearest id), nothing changed. The edit is made against the\n"
     "revision read, so a change someone makes meanwhile is not overwritten:\n"
     "exit 75, nothing changed.\n"
     "\n"
     "  --revision N   the revision you read (panelboard show): refused with exit\n"
     "                 75 when the action has changed since\n", false},
    {"note", cmd_note, "note ID TEXT [--on DATE]", "add a dated update note to an action",
     "TEXT becomes an update of action ID, dated today (or the --on day) by the\n"
     "--as member. An unknown id: exit 65.\n"
     "\n"
     "  --on DATE   noted on DATE (YYYY-MM-DD, not after today), as for done\n", false},
    {"undo", cmd_undo, "undo [CHANGE]",
     "reverse the latest change made --as this member, or change CHANGE",
     "Without CHANGE, the latest change the --as member made that is still in\n"
     "effect (a redo counts; an undo does not). CHANGE is a history id (panelboard\n"
     "history). The reversal is a change of its own, so it can be undone too. A\n"
     "change whose rows later work has touched is refused with exit 75 and what\n"
     "touched it; nothing to undo: exit 65.\n", false},
    {"redo", cmd_redo, "redo", "reverse the latest undo made --as this member",
     "Reverses the --as member's latest undo still in effect, unless they have\n"
     "made a change of their own since. Nothing to redo: exit 65.\n", false},
    {"members", cmd_members, "members [--format text|tsv]", "list the members, one a line",
     "Every member in the panel file's order.\n"
     "\n"
     "  --format text   one a line, the fields separated by two spaces (default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id name kind post voting organisation joined left\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
    {"themes", cmd_themes, "themes [--format text|tsv]",
     "list the themes with their open, overdue and done actions",
     "Every theme in the chair's order, with its lead and its actions counted: open\n"
     "(in progress included), overdue (open and due before today) and done.\n"
     "\n"
     "  --format text   one a line, the fields separated by two spaces (default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id title lead open overdue done\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
    {"meetings", cmd_meetings, "meetings [--format text|tsv]",
     "list the meetings with their dates and agenda items",
     "Every meeting with its date, title and agenda items: in text each item's ref\n"
     "and title, joined by '; '; in TSV the items' refs, joined by commas.\n"
     "\n"
     "  --format text   one a line, the fields separated by two spaces (default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id date title items\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
    {"co-options", cmd_co_options, "co-options [--format text|tsv]",
     "list the co-option seats, one a line",
     "Every co-option seat with its sector, status and holder.\n"
     "\n"
     "  --format text   one a line, the fields separated by two spaces (default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id sector status member nominated_by resolved term_end ref\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
    {"feedback", cmd_feedback, "feedback [--format text|tsv]",
     "list the \"you said, we did\" feedback, one item a line",
     "Every feedback item by id: date, theme, status, the action it led to, who was\n"
     "told and how, what was said and what was done.\n"
     "\n"
     "  --format text   one a line, the fields separated by two spaces (default)\n"
     "  --format tsv    tab-separated, with the header line\n"
     "                  id date theme status action told channel said did\n"
     "                  (ids, not names; \\t \\n \\\\ escaped)\n", false},
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
     "An unknown meeting: exit 65.\n", false},
    {"action-log", cmd_action_log,
     "action-log [--before MEETING] [--format md|html|text|csv|tsv] [--bom]",
     "the outstanding actions, as the agenda pack's action log",
     "The actions open or in progress when MEETING is held (default: the next\n"
     "meeting on or after today, else today), agreed at earlier meetings: grouped by\n"
     "the meeting and agenda item that agreed them, oldest first, each with its\n"
     "state (overdue, due before the meeting, on track, no due date), minute\n"
     "reference, the people responsible, due date, status and latest update. Then\n"
     "the actions completed since the previous meeting. What was recorded --on a\n"
     "day counts for that day. People are named by their post where they hold one.\n"
     "  --before MEETING  the log for meeting MEETING (a meeting id)\n"
     "  --format md       Markdown, one paragraph a line (default)\n"
     "  --format html     one HTML document, rendered from the Markdown\n"
     "  --format text     plain text, headings in capitals\n"
     "  --format csv      one row an action (RFC 4180, CRLF), people by name\n"
     "  --format tsv      tab-separated, header line, ids (\\t \\n \\\\ escaped)\n"
     "  --bom             with csv: a UTF-8 byte order mark, for spreadsheets\n"
     "An unknown meeting: exit 65, with the nearest id.\n", false},
    {NULL, NULL, NULL, NULL, NULL, false},
};
