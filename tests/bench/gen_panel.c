/*
 * A generator of realistic panel files for the benchmarks: M members, a
 * dozen themes led by them, a meeting a month over two years, and N actions
 * spread over the themes, owners (one to three, now and then "all"),
 * statuses and two years of due dates (2023-01-01 to 2024-12-31), with zero
 * to three updates each. The same seed gives the same file, byte for byte,
 * on any machine: it uses its own generator, not rand(3).
 *
 *     gen_panel [-n ACTIONS] [-m MEMBERS] [-s SEED] [-i] [-o PREFIX [-c CHUNK]]
 *
 * -i writes each action's id, as an export does; without it the actions
 * are id-less, as in a hand-written file (matched by title and meeting).
 * The panel goes to standard output, or with -o to PREFIX-001.yaml,
 * PREFIX-002.yaml ... of CHUNK actions each (default 50,000: a file must
 * stay under the import's limits), whose names are printed one a line.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define THEMES   12
#define MEETINGS 24

static uint64_t state;
static FILE *out;
#define printf(...) fprintf(out, __VA_ARGS__)
#define puts(s)     fprintf(out, "%s\n", s)

/* splitmix64: small, fast, and the same everywhere */
static uint64_t next(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static unsigned below(unsigned n)
{
    return (unsigned)(next() % n);
}

static const char *const theme_titles[THEMES] = {
    "Housing",
    "Education and the Virtual School",
    "Health",
    "Leisure and culture",
    "Employment and skills",
    "Youth justice",
    "Finance and benefits",
    "Placements",
    "Care leavers",
    "Participation",
    "Emotional wellbeing",
    "Transport",
};

static const char *const verbs[] = {
    "Report back on",
    "Write to the portfolio-holder about",
    "Review",
    "Arrange a visit on",
    "Circulate a briefing on",
    "Ask the Strategic Director about",
    "Consult young people on",
    "Draft a pledge on",
};

static const char *const topics[] = {
    "council tax exemption for care leavers",
    "the Local Offer",
    "Pupil Premium Plus funding",
    "supported lodgings",
    "apprenticeships with the Council",
    "free leisure passes",
    "health assessments",
    "the Children in Care Council",
    "Staying Put arrangements",
    "bus passes",
    "mental health waiting times",
    "the care leavers' hub",
};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* Day d after 2023-01-01 (d < 731), as YYYY-MM-DD. */
static void day_text(unsigned d, char out[16])
{
    static const unsigned len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y = 2023;
    for (;;) {
        unsigned ydays = y % 4 == 0 ? 366 : 365;
        if (d < ydays)
            break;
        d -= ydays;
        y++;
    }
    unsigned m = 0;
    for (;; m++) {
        unsigned ml = len[m] + (m == 1 && y % 4 == 0);
        if (d < ml)
            break;
        d -= ml;
    }
    snprintf(out, 16, "%04u-%02u-%02u", y % 10000, (m + 1) % 100, (d + 1) % 100);
}

static void members(unsigned m)
{
    static const char *const kinds[] = {"councillor", "councillor", "officer", "partner"};
    puts("members:");
    for (unsigned i = 0; i < m; i++) {
        printf("  - id: m%05u\n    name: Member %u O'Brien\n    kind: %s\n", i, i,
               kinds[below(COUNT(kinds))]);
        printf("    email: m%u@example.org\n    joined: 2022-09-%02u\n", i, i % 28 + 1);
    }
}

static void themes(unsigned m)
{
    puts("themes:");
    for (unsigned i = 0; i < THEMES; i++) {
        printf("  - id: t%02u\n    title: %s\n    lead: m%05u\n", i, theme_titles[i], i % m);
        printf("    subgroup: [m%05u, m%05u]\n", (i + 1) % m, (i + 2) % m);
        printf("    thoughts: |\n      Initial thoughts on %s,\n      over two lines.\n",
               theme_titles[i]);
    }
}

static void meetings(void)
{
    puts("meetings:");
    for (unsigned i = 0; i < MEETINGS; i++)
        printf("  - id: %04u-%02u-12\n    date: %04u-%02u-12\n", 2023 + i / 12, i % 12 + 1,
               2023 + i / 12, i % 12 + 1);
}

/* With a prefix, file number k's name and file; else standard output. */
static FILE *open_part(const char *prefix, unsigned k)
{
    if (!prefix)
        return stdout;
    char name[4096];
    snprintf(name, sizeof name, "%s-%03u.yaml", prefix, k);
    FILE *f = fopen(name, "w");
    if (!f) {
        perror(name);
        exit(73);
    }
    fprintf(stdout, "%s\n", name);
    return f;
}

static void close_part(const char *prefix)
{
    if (ferror(out) || (prefix && fclose(out) != 0)) {
        fprintf(stderr, "gen_panel: cannot write\n");
        exit(74);
    }
}

static void actions(unsigned n, unsigned m, bool ids, const char *prefix, unsigned chunk)
{
    unsigned part = 1;
    static const char *const statuses[] = {"open", "open", "open", "in-progress", "in-progress",
                                           "done", "done", "done", "dropped",     "open"};
    puts("actions:");
    for (unsigned i = 0; i < n; i++) {
        if (prefix && i > 0 && i % chunk == 0) {
            close_part(prefix);
            out = open_part(prefix, ++part);
            puts("panelboard: 1\nactions:");
        }
        unsigned meeting = below(MEETINGS);
        char due[16];
        day_text(below(731), due);
        if (ids)
            printf("  - id: %u\n    title:", i + 1);
        else
            printf("  - title:");
        printf(" %s %s (%u)\n", verbs[below(COUNT(verbs))], topics[below(COUNT(topics))], i + 1);
        unsigned k = below(20);
        printf("    owners: [%s", k == 0 ? "all, " : "");
        unsigned n_owners = 1 + below(3);
        unsigned first = below(m);
        for (unsigned o = 0; o < n_owners && o < m; o++)
            printf("%sm%05u", o ? ", " : "", (first + o) % m);
        puts("]");
        if (below(10))
            printf("    theme: t%02u\n", below(THEMES));
        printf("    due: %s\n    status: %s\n", due, statuses[below(COUNT(statuses))]);
        printf("    meeting: %04u-%02u-12\n    ref: Resolved (%u)\n", 2023 + meeting / 12,
               meeting % 12 + 1, 1 + below(9));
        unsigned n_updates = below(4);
        if (n_updates)
            puts("    updates:");
        for (unsigned u = 0; u < n_updates; u++) {
            char date[16];
            day_text(below(731), date);
            printf("      - date: %s\n        by: m%05u\n        text: Progress note %u on "
                   "this action.\n",
                   date, (first + u) % m, u + 1);
        }
    }
}

int main(int argc, char **argv)
{
    unsigned long n = 1000, m = 40, seed = 1, chunk = 50000;
    bool ids = false;
    const char *prefix = NULL;
    int c;
    while ((c = getopt(argc, argv, "n:m:s:io:c:")) != -1) {
        if (c == 'n')
            n = strtoul(optarg, NULL, 10);
        else if (c == 'm')
            m = strtoul(optarg, NULL, 10);
        else if (c == 's')
            seed = strtoul(optarg, NULL, 10);
        else if (c == 'i')
            ids = true;
        else if (c == 'o')
            prefix = optarg;
        else if (c == 'c')
            chunk = strtoul(optarg, NULL, 10);
        else {
            fprintf(stderr, "usage: gen_panel [-n ACTIONS] [-m MEMBERS] [-s SEED] [-i] "
                            "[-o PREFIX [-c CHUNK]]\n");
            return 64;
        }
    }
    if (m < 3)
        m = 3;
    if (chunk < 1)
        chunk = 1;
    state = seed;
    out = open_part(prefix, 1);
    puts("panelboard: 1\npanel:\n  name: Corporate Parenting Panel\n"
         "  authority: Generated Metropolitan Borough Council");
    members((unsigned)m);
    themes((unsigned)m);
    meetings();
    actions((unsigned)n, (unsigned)m, ids, prefix, (unsigned)chunk);
    close_part(prefix);
    return 0;
}
