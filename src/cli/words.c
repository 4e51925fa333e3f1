/* The words of a command that takes free text (done, status, note, edit):
 * `--on DATE` and `--` may stand anywhere among them (GNU order), and an
 * id list such as 8,9,12-14 is read here once for every command. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum pb_status cli_take_words(struct cli *cli, bool takes_on, char ***words, int *n,
                              struct pb_error *err)
{
    *words = pb_xcalloc((size_t)cli->argc, sizeof **words);
    *n = 0;
    bool options = true;
    enum pb_status s = PB_OK;
    for (int i = 1; s == PB_OK && i < cli->argc; i++) {
        const char *a = cli->argv[i];
        /* no short options: a word with one dash is text ("-2 weeks: slipped") */
        if (!options || strncmp(a, "--", 2) != 0)
            (*words)[(*n)++] = cli->argv[i];
        else if (strcmp(a, "--") == 0)
            options = false;
        else if (takes_on && strncmp(a, "--on=", 5) == 0)
            s = cli_parse_on(cli, a + 5, err);
        else if (takes_on && strcmp(a, "--on") == 0 && i + 1 < cli->argc)
            s = cli_parse_on(cli, cli->argv[++i], err);
        else
            s = cli_usage(cli, err, "unknown option or missing value '%s'", a);
    }
    if (s != PB_OK) {
        free(*words);
        *words = NULL;
    }
    return s;
}

char *cli_join_words(char **words, int n)
{
    if (n <= 0)
        return NULL;
    struct pb_buf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            pb_buf_puts(&b, " ");
        pb_buf_puts(&b, words[i]);
    }
    return pb_buf_take(&b);
}

static bool parse_number(const char **p, int64_t *out)
{
    if (**p == '#')
        (*p)++;
    if (**p < '0' || **p > '9')
        return false;
    char *end = NULL;
    long long v = strtoll(*p, &end, 10);
    *p = end;
    *out = v;
    return v > 0 && v <= 999999999;
}

bool cli_is_id_list(const char *text)
{
    const char *p = text;
    for (;;) {
        int64_t a = 0, b = 0;
        if (!parse_number(&p, &a))
            return false;
        if (*p == '-' && (p++, !parse_number(&p, &b)))
            return false;
        if (*p == '\0')
            return true;
        if (*p++ != ',')
            return false;
    }
}

#define MAX_LIST_IDS 10000

enum pb_status cli_parse_id_list(const char *text, int64_t **ids, size_t *n,
                                 struct pb_error *err)
{
    *ids = NULL;
    *n = 0;
    if (!cli_is_id_list(text))
        return pb_error_set(err, PB_ERR_DATA,
                            "'%s' is not an id or a list of them (8, 8,9 or 12-14)", text);
    const char *p = text;
    while (*p) {
        int64_t a = 0, b = 0;
        parse_number(&p, &a);
        b = a;
        if (*p == '-') {
            p++;
            parse_number(&p, &b);
        }
        if (b < a || (size_t)(b - a) >= MAX_LIST_IDS - *n) {
            free(*ids);
            *ids = NULL;
            return pb_error_set(err, PB_ERR_DATA, "'%s': a range must go up, and at most %d ids",
                                text, MAX_LIST_IDS);
        }
        for (int64_t id = a; id <= b; id++) {
            bool again = false;
            for (size_t i = 0; i < *n; i++)
                again |= (*ids)[i] == id;
            if (again)
                continue;
            *ids = pb_xrealloc(*ids, (*n + 1) * sizeof **ids);
            (*ids)[(*n)++] = id;
        }
        if (*p == ',')
            p++;
    }
    return PB_OK;
}

enum pb_status cli_choose_format(struct cli *cli, const char *name, const char *const *names,
                                 size_t n, size_t *index, struct pb_error *err)
{
    struct pb_buf known = {0};
    for (size_t i = 0; i < n; i++) {
        if (strcmp(name, names[i]) == 0) {
            pb_buf_free(&known);
            *index = i;
            return PB_OK;
        }
        pb_buf_addf(&known, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", names[i]);
    }
    enum pb_status s = cli_usage(cli, err, "no format '%s' (%s)", name, known.data);
    pb_buf_free(&known);
    return s;
}
