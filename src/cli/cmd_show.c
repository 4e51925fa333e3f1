/* `panelboard show ID`: one action whole, for a person: every field, its
 * owners by name, its updates, and its latest changes from the history. */
#include "cli.h"
#include "output.h"

#include <panelboard/page.h>

#include <inttypes.h>
#include <stdlib.h>

/* Changes listed under the action; `history` has the rest. */
#define SHOW_CHANGES 5

static enum pb_status print_name(const struct pb_member_row *m, void *ctx, struct pb_error *err)
{
    (void)ctx;
    (void)err;
    output_text(stdout, m->name);
    return PB_OK;
}

static enum pb_status print_owners(struct cli *cli, const struct pb_action *a,
                                   struct pb_error *err)
{
    fputs("owners:   ", stdout);
    if (a->owners_all)
        fputs("everyone (all)", stdout);
    enum pb_status s = PB_OK;
    for (size_t i = 0; s == PB_OK && i < a->n_owners; i++) {
        fputs(i ? ", " : "", stdout);
        s = pb_member_get(cli->db, a->owners[i], print_name, NULL, err);
        printf(" (%s)", a->owners[i]);
    }
    putchar('\n');
    return s;
}

/* A field's line, "-" when it is empty. */
static void print_field(const char *label, const char *value)
{
    printf("%-9s ", label);
    output_text(stdout, value ? value : "-");
    putchar('\n');
}

static void print_head(const struct pb_action *a)
{
    printf("#%" PRId64 "  ", a->id);
    output_text(stdout, a->title);
    putchar('\n');
    printf("status:   %s%s\n", a->status, a->overdue ? " (overdue)" : "");
}

static void print_fields(const struct pb_action *a)
{
    char due[11] = "-";
    if (a->has_due)
        pb_date_format(a->due, due);
    print_field("theme:", a->theme);
    printf("due:      %s\n", due);
    print_field("meeting:", a->meeting);
    print_field("ref:", a->ref);
    printf("revision: %" PRId64 "\n", a->revision);
}

static void print_updates(const struct pb_action *a)
{
    printf("updates:%s\n", a->n_updates ? "" : "  none");
    for (size_t i = 0; i < a->n_updates; i++) {
        const struct pb_action_update *u = &a->updates[i];
        char date[11];
        pb_date_format(u->date, date);
        printf("  %s  %-12s ", date, u->by ? u->by : "-");
        output_text(stdout, u->text);
        putchar('\n');
    }
}

static enum pb_status print_change(const struct pb_change_brief *c, void *ctx,
                                   struct pb_error *err)
{
    (void)err;
    if (!*(bool *)ctx)
        puts("changes:");
    *(bool *)ctx = true;
    printf("  #%" PRId64 "  %s  %s  ", c->id, c->at, *c->who ? c->who : "-");
    output_text(stdout, c->what);
    putchar('\n');
    return PB_OK;
}

enum pb_status cmd_show(struct cli *cli, struct pb_error *err)
{
    char **words = NULL;
    int n = 0;
    enum pb_status s = cli_take_words(cli, false, &words, &n, err);
    if (s == PB_OK && n != 1)
        s = n ? cli_usage(cli, err, "unexpected argument '%s'", words[1])
              : cli_usage(cli, err, "which action? give its ID");
    int64_t id = 0;
    if (s == PB_OK)
        s = cli_parse_id(words[0], "action", &id, err);
    free(words);
    if (s == PB_OK)
        s = cli_open_db(cli, err);
    struct pb_action *a = NULL;
    if (s == PB_OK)
        s = pb_action_get(cli->db, id, &a, err);
    if (s != PB_OK)
        return s;
    print_head(a);
    s = print_owners(cli, a, err);
    print_fields(a);
    print_updates(a);
    bool any = false;
    if (s == PB_OK)
        s = pb_action_changes(cli->db, id, SHOW_CHANGES, print_change, &any, err);
    if (s == PB_OK && !any)
        puts("changes:  none in the history");
    pb_action_free(a);
    if (s == PB_OK && (fflush(stdout) != 0 || ferror(stdout)))
        s = pb_error_set(err, PB_ERR_IO, "cannot write the output");
    return s;
}
