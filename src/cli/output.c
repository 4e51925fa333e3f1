/*
 * Action listings (output.h). The text form is for people: fixed columns for
 * id, status and due date, then the owners and theme in quick-capture
 * notation (@thirkill #housing), then the title. The TSV form is for
 * scripts and follows cli.md to the letter.
 */
#include "output.h"

#include <inttypes.h>
#include <string.h>

enum pb_status output_parse_format(struct cli *cli, const char *name, enum output_format *format,
                                   struct pb_error *err)
{
    static const char *const names[] = {"text", "tsv"};
    size_t i = 0;
    enum pb_status s = cli_choose_format(cli, name, names, 2, &i, err);
    *format = i == 0 ? OUTPUT_TEXT : OUTPUT_TSV;
    return s;
}

void output_begin(struct output *o, enum output_format format, FILE *out)
{
    o->format = format;
    o->out = out;
    o->rows = 0;
}

static void put_header(struct output *o)
{
    if (o->format == OUTPUT_TSV)
        fputs("id\tstatus\tdue\ttheme\towners\ttitle\tmeeting\tref\n", o->out);
}

/* A TSV field: one line whatever it holds (\t \n \\), and any other
 * control character shown as an escape rather than sent to the terminal. */
static void put_tsv(FILE *out, const char *s)
{
    pb_visible_put(out, s, PB_VISIBLE_TSV);
}

/* Text for a person's terminal: a tab or newline in an imported title is
 * shown as a space, so the line stays one line; any other control
 * character (a C1 control such as CSI, say) as a visible escape. */
static void put_text(FILE *out, const char *s)
{
    pb_visible_put(out, s, PB_VISIBLE_SPACES);
}

void output_text(FILE *out, const char *s)
{
    put_text(out, s);
}

void output_tsv(FILE *out, const char *s)
{
    put_tsv(out, s);
}

static void write_tsv(FILE *out, const struct pb_action *a)
{
    char due[11] = "";
    if (a->has_due)
        pb_date_format(a->due, due);
    fprintf(out, "%" PRId64 "\t%s\t%s\t", a->id, a->status, due);
    put_tsv(out, a->theme);
    putc('\t', out);
    if (a->owners_all)
        fputs("all", out);
    for (size_t i = 0; i < a->n_owners; i++)
        fprintf(out, "%s%s", i || a->owners_all ? "," : "", a->owners[i]);
    putc('\t', out);
    put_tsv(out, a->title);
    putc('\t', out);
    put_tsv(out, a->meeting);
    putc('\t', out);
    put_tsv(out, a->ref);
    putc('\n', out);
}

static void write_text(FILE *out, const struct pb_action *a)
{
    char due[11] = "-";
    if (a->has_due)
        pb_date_format(a->due, due);
    char id[24];
    snprintf(id, sizeof id, "#%" PRId64, a->id);
    fprintf(out, "%-5s %-11s %-10s %-7s ", id, a->status, due, a->overdue ? "overdue" : "");
    if (a->owners_all)
        fputs(" @all", out);
    for (size_t i = 0; i < a->n_owners; i++) {
        fputs(" @", out);
        put_text(out, a->owners[i]);
    }
    if (a->theme) {
        fputs(" #", out);
        put_text(out, a->theme);
    }
    fputs("  ", out);
    put_text(out, a->title);
    putc('\n', out);
}

enum pb_status output_action(const struct pb_action *action, void *ctx, struct pb_error *err)
{
    struct output *o = ctx;
    if (o->rows == 0)
        put_header(o);
    if (o->format == OUTPUT_TSV)
        write_tsv(o->out, action);
    else
        write_text(o->out, action);
    o->rows++;
    /* Stop a long listing as soon as nobody reads it. */
    if (ferror(o->out))
        return pb_error_set(err, PB_ERR_IO, "cannot write the output");
    return PB_OK;
}

void output_end(struct output *o, const char *what)
{
    if (o->rows > 0)
        return;
    put_header(o);
    if (o->format == OUTPUT_TEXT) {
        pb_visible_put(stderr, what, 0); /* it names what was typed */
        fputc('\n', stderr);
    }
}
