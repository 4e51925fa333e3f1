/* The columns behind each kind's fields (see columns.h and schema.sql). */
#include "columns.h"

#define COL(c) {.column = (c)}
#define LIST(t, o, i) {.list_table = (t), .list_owner = (o), .list_item = (i)}

static const struct table_map maps[PB_KIND_COUNT] = {
    [PB_KIND_PANEL] = {
        .table = "panel", .order = "rowid",
        .fields = {COL("name"), COL("authority")},
    },
    [PB_KIND_MEMBER] = {
        .table = "members", .key_column = "id", .order = "rowid",
        .fields = {COL("id"), COL("name"), COL("kind"), COL("post"), COL("voting"),
                   COL("organisation"), COL("email"), COL("phone"), COL("joined"),
                   COL("left_on"), COL("notes")},
    },
    [PB_KIND_CO_OPTION] = {
        .table = "co_options", .key_column = "id", .order = "rowid",
        .fields = {COL("id"), COL("sector"), COL("status"), COL("member"),
                   COL("nominated_by"), COL("resolved"), COL("ref"), COL("term_end"),
                   COL("notes")},
    },
    [PB_KIND_THEME] = {
        .table = "themes", .key_column = "id", .order = "position, rowid", .positioned = true,
        .fields = {COL("id"), COL("title"), COL("lead"), COL("thoughts"), COL("portfolio"),
                   LIST("theme_subgroup", "theme", "member")},
    },
    [PB_KIND_STRATEGY] = {
        .table = "strategies", .key_column = "id", .order = "rowid",
        .fields = {COL("id"), COL("title"), COL("parent"), COL("from_date"), COL("to_date"),
                   LIST("strategy_priorities", "strategy", "text")},
    },
    [PB_KIND_MEETING] = {
        .table = "meetings", .key_column = "id", .order = "rowid",
        .fields = {COL("id"), COL("date"), COL("title"), COL("chair"),
                   LIST("meeting_present", "meeting", "member"),
                   LIST("meeting_apologies", "meeting", "member"), {0}, {0}, {0}, {0}},
    },
    [PB_KIND_ACTION] = {
        .table = "actions", .key_column = "id", .order = "id",
        .fields = {COL("id"), COL("title"),
                   {.list_table = "action_owners", .list_owner = "action",
                    .list_item = "member", .all_column = "owners_all"},
                   COL("theme"), COL("due"), {.column = "status", .insert_default = "open"},
                   COL("meeting"), COL("item"), COL("ref"), {0}},
    },
    [PB_KIND_FEEDBACK] = {
        .table = "feedback", .key_column = "id", .order = "id",
        .fields = {COL("id"), COL("date"), COL("theme"), COL("said"), COL("did"),
                   COL("action"), {.column = "status", .insert_default = "heard"}, COL("told"),
                   COL("channel")},
    },
    [PB_KIND_DECLARATION] = {
        .table = "declarations", .parent_column = "meeting", .order = "rowid",
        .fields = {{.column = "by", .identity = true}, {.column = "item", .identity = true},
                   COL("text")},
    },
    [PB_KIND_ITEM] = {
        .table = "items", .parent_column = "meeting", .order = "rowid",
        .fields = {{.column = "ref", .identity = true}, COL("title"), COL("summary"),
                   COL("contact"), COL("minutes"),
                   {.column = "report_backs", .insert_default = "0"},
                   {.column = "exempt", .insert_default = "0"},
                   LIST("item_documents", "item", "text"), {0}, {0}},
    },
    [PB_KIND_ITEM_DECISION] = {
        .table = "item_decisions", .parent_column = "item", .order = "rowid",
        .fields = {{.column = "ref", .identity = true}, COL("text")},
    },
    [PB_KIND_ITEM_QUESTION] = {
        .table = "item_questions", .parent_column = "item", .order = "rowid",
        .fields = {COL("by"), {.column = "asked", .identity = true}, COL("answer")},
    },
    [PB_KIND_DECISION] = {
        .table = "decisions", .parent_column = "meeting", .order = "rowid",
        .fields = {{.column = "ref", .identity = true}, COL("text")},
    },
    [PB_KIND_QUESTION] = {
        .table = "questions", .parent_column = "meeting", .order = "rowid",
        .fields = {COL("by"), {.column = "asked", .identity = true}, COL("answer")},
    },
    [PB_KIND_UPDATE] = {
        .table = "updates", .parent_column = "action", .order = "date, rowid",
        .fields = {{.column = "date", .identity = true}, {.column = "by", .identity = true},
                   {.column = "text", .identity = true}},
    },
};

const struct table_map *columns_of(enum pb_kind kind)
{
    return kind < PB_KIND_COUNT ? &maps[kind] : NULL;
}
