/*
 * The panel's kinds of row and their fields, in the order of the panel file
 * (yaml-format.md). Everything that walks the panel's shape reads these
 * tables; the columns they map to are in columns.c.
 */
#include <panelboard/action.h>
#include <panelboard/record.h>

#include <string.h>

static const char *const member_kinds[] = {"councillor", "officer", "partner", "co-opted",
                                           "adviser", NULL};
static const char *const co_option_statuses[] = {"proposed", "nominated", "appointed", "ended",
                                                 "withdrawn", NULL};
static const char *const feedback_statuses[] = {"heard", "acting", "done", "told-back", NULL};

#define FIELD(k, t, ...) {.key = (k), .type = PB_FIELD_##t, __VA_ARGS__}
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const struct pb_field panel_fields[] = {
    FIELD("name", NAME),
    FIELD("authority", NAME),
};

static const struct pb_field member_fields[] = {
    FIELD("id", KEY, .required = true),
    FIELD("name", NAME, .required = true),
    FIELD("kind", ENUM, .required = true, .values = member_kinds),
    FIELD("post", NAME),
    FIELD("voting", BOOL),
    FIELD("organisation", NAME),
    FIELD("email", NAME),
    FIELD("phone", NAME),
    FIELD("joined", DATE),
    FIELD("left", DATE),
    FIELD("notes", LONG_TEXT),
};

static const struct pb_field co_option_fields[] = {
    FIELD("id", KEY, .required = true),
    FIELD("sector", NAME, .required = true),
    FIELD("status", ENUM, .required = true, .values = co_option_statuses),
    FIELD("member", REF, .ref = PB_KIND_MEMBER),
    FIELD("nominated_by", NAME),
    FIELD("resolved", DATE),
    FIELD("ref", NAME),
    FIELD("term_end", DATE),
    FIELD("notes", LONG_TEXT),
};

static const struct pb_field theme_fields[] = {
    FIELD("id", KEY, .required = true),
    FIELD("title", NAME, .required = true),
    FIELD("lead", REF, .ref = PB_KIND_MEMBER),
    FIELD("thoughts", LONG_TEXT),
    FIELD("portfolio", NAME),
    FIELD("subgroup", REF_LIST, .ref = PB_KIND_MEMBER),
};

static const struct pb_field strategy_fields[] = {
    FIELD("id", KEY, .required = true),
    FIELD("title", NAME, .required = true),
    FIELD("parent", REF, .ref = PB_KIND_STRATEGY),
    FIELD("from", DATE),
    FIELD("to", DATE),
    FIELD("priorities", TEXT_LIST),
};

static const struct pb_field meeting_fields[] = {
    FIELD("id", KEY, .required = true),
    FIELD("date", DATE, .required = true),
    FIELD("title", NAME),
    FIELD("chair", REF, .ref = PB_KIND_MEMBER),
    FIELD("present", REF_LIST, .ref = PB_KIND_MEMBER),
    FIELD("apologies", REF_LIST, .ref = PB_KIND_MEMBER),
    FIELD("declarations", CHILDREN, .ref = PB_KIND_DECLARATION),
    FIELD("items", CHILDREN, .ref = PB_KIND_ITEM),
    FIELD("decisions", CHILDREN, .ref = PB_KIND_DECISION),
    FIELD("questions", CHILDREN, .ref = PB_KIND_QUESTION),
};

static const struct pb_field action_fields[] = {
    FIELD("id", INT_KEY),
    FIELD("title", NAME, .required = true),
    FIELD("owners", REF_LIST, .required = true, .ref = PB_KIND_MEMBER),
    FIELD("theme", REF, .ref = PB_KIND_THEME),
    FIELD("due", DATE),
    FIELD("status", ENUM, .values = pb_action_statuses),
    FIELD("meeting", REF, .ref = PB_KIND_MEETING),
    FIELD("item", NAME),
    FIELD("ref", NAME),
    FIELD("updates", CHILDREN, .ref = PB_KIND_UPDATE),
};

static const struct pb_field feedback_fields[] = {
    FIELD("id", INT_KEY),
    FIELD("date", DATE),
    FIELD("theme", REF, .ref = PB_KIND_THEME),
    FIELD("said", LONG_TEXT, .required = true),
    FIELD("did", LONG_TEXT),
    FIELD("action", INT_REF, .ref = PB_KIND_ACTION),
    FIELD("status", ENUM, .values = feedback_statuses),
    FIELD("told", DATE),
    FIELD("channel", NAME),
};

static const struct pb_field declaration_fields[] = {
    FIELD("by", REF, .required = true, .ref = PB_KIND_MEMBER),
    FIELD("item", NAME),
    FIELD("text", LONG_TEXT, .required = true),
};

static const struct pb_field item_fields[] = {
    FIELD("ref", NAME, .required = true),
    FIELD("title", NAME, .required = true),
    FIELD("summary", LONG_TEXT),
    FIELD("contact", NAME),
    FIELD("minutes", LONG_TEXT),
    FIELD("report-backs", BOOL),
    FIELD("exempt", BOOL),
    FIELD("documents", TEXT_LIST),
    FIELD("decisions", CHILDREN, .ref = PB_KIND_ITEM_DECISION),
    FIELD("questions", CHILDREN, .ref = PB_KIND_ITEM_QUESTION),
};

static const struct pb_field decision_fields[] = {
    FIELD("ref", NAME, .required = true),
    FIELD("text", LONG_TEXT, .required = true),
};

static const struct pb_field question_fields[] = {
    FIELD("by", REF, .ref = PB_KIND_MEMBER),
    FIELD("asked", LONG_TEXT, .required = true),
    FIELD("answer", LONG_TEXT),
};

static const struct pb_field update_fields[] = {
    FIELD("date", DATE, .required = true),
    FIELD("by", REF, .ref = PB_KIND_MEMBER),
    FIELD("text", LONG_TEXT, .required = true),
};

#define KIND(k, s, f, p) {.key = (k), .singular = (s), .fields = (f), .n_fields = COUNT(f), .parent = (p)}

static const struct pb_kind_info kinds[PB_KIND_COUNT] = {
    [PB_KIND_PANEL] = KIND("panel", "panel", panel_fields, PB_KIND_COUNT),
    [PB_KIND_MEMBER] = KIND("members", "member", member_fields, PB_KIND_COUNT),
    [PB_KIND_CO_OPTION] = KIND("co-options", "co-option", co_option_fields, PB_KIND_COUNT),
    [PB_KIND_THEME] = KIND("themes", "theme", theme_fields, PB_KIND_COUNT),
    [PB_KIND_STRATEGY] = KIND("strategies", "strategy", strategy_fields, PB_KIND_COUNT),
    [PB_KIND_MEETING] = KIND("meetings", "meeting", meeting_fields, PB_KIND_COUNT),
    [PB_KIND_ACTION] = KIND("actions", "action", action_fields, PB_KIND_COUNT),
    [PB_KIND_FEEDBACK] = KIND("feedback", "feedback item", feedback_fields, PB_KIND_COUNT),
    [PB_KIND_DECLARATION] = KIND("declarations", "declaration", declaration_fields, PB_KIND_MEETING),
    [PB_KIND_ITEM] = KIND("items", "agenda item", item_fields, PB_KIND_MEETING),
    [PB_KIND_ITEM_DECISION] = KIND("decisions", "decision", decision_fields, PB_KIND_ITEM),
    [PB_KIND_ITEM_QUESTION] = KIND("questions", "question", question_fields, PB_KIND_ITEM),
    [PB_KIND_DECISION] = KIND("decisions", "decision", decision_fields, PB_KIND_MEETING),
    [PB_KIND_QUESTION] = KIND("questions", "question", question_fields, PB_KIND_MEETING),
    [PB_KIND_UPDATE] = KIND("updates", "update", update_fields, PB_KIND_ACTION),
};

const struct pb_kind_info *pb_kind_info(enum pb_kind kind)
{
    return kind < PB_KIND_COUNT ? &kinds[kind] : NULL;
}

int pb_field_index(enum pb_kind kind, const char *key)
{
    const struct pb_kind_info *info = pb_kind_info(kind);
    for (size_t i = 0; info && i < info->n_fields; i++)
        if (strcmp(info->fields[i].key, key) == 0)
            return (int)i;
    return -1;
}
