/*
 * The lowest layer, shared by every other: allocation that cannot fail
 * silently, growable strings, calendar dates and "did you mean" suggestions.
 * No SQL, no YAML, no curses here.
 */
#ifndef PANELBOARD_BASE_H
#define PANELBOARD_BASE_H

#include <panelboard/error.h>

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* Allocation failure is reported once, here, and ends the program with
 * status 70. */
void *pb_xmalloc(size_t size);
void *pb_xcalloc(size_t n, size_t size);
void *pb_xrealloc(void *p, size_t size);
char *pb_xstrdup(const char *s);
char *pb_xstrndup(const char *s, size_t n);
char *pb_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string; buf is always NUL-terminated once anything is added. */
struct pb_buf {
    char *data;
    size_t len;
    size_t cap;
};
void pb_buf_add(struct pb_buf *b, const char *s, size_t n);
void pb_buf_puts(struct pb_buf *b, const char *s);
void pb_buf_addf(struct pb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void pb_buf_addfv(struct pb_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void pb_buf_free(struct pb_buf *b);
/* Hand the string to the caller (never NULL) and reset b. */
char *pb_buf_take(struct pb_buf *b);
/* Writes b to out and flushes it, where a full disk or a closed pipe
 * usually shows: PB_OK, else PB_ERR_IO saying what failed. */
enum pb_status pb_buf_write(const struct pb_buf *b, FILE *out, struct pb_error *err);

/* Calendar dates as days since 1970-01-01 (proleptic Gregorian), so that
 * "+2w" and "overdue" are plain arithmetic. */
typedef int32_t pb_day;
/* "YYYY-MM-DD", exactly 10 characters, and a date that exists. */
bool pb_date_parse(const char *s, pb_day *out);
/* True for the days that have a written form, 0001-01-01 to 9999-12-31. */
bool pb_date_valid(pb_day day);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); a day outside
 * pb_date_valid is written as the nearest valid one. */
void pb_date_format(pb_day day, char *buf);
/* "12 October 2022", the way minutes write dates (buf: at least 32 bytes). */
void pb_date_format_long(pb_day day, char *buf, size_t size);
/* 0 = Monday ... 6 = Sunday. */
int pb_date_weekday(pb_day day);
/* day plus months calendar months, the day of the month clamped to the
 * last of the month reached (31 January + 1 month is 28 or 29 February). */
pb_day pb_date_add_months(pb_day day, int months);
/* Today in local time, unless the environment pins it: PANELBOARD_TODAY=YYYY-MM-DD
 * (for tests and for preparing a meeting in advance). */
pb_day pb_date_today(void);
/* Now as "YYYY-MM-DD HH:MM:SS.UUUUUU" UTC (buf: at least 27 bytes), from
 * the real clock: PANELBOARD_TODAY never changes it. */
void pb_now_format(char *buf, size_t size);

/* The candidate nearest to word by edit distance, or NULL when none is close
 * enough to be a plausible typo (distance at most a third of the word, and
 * at least 1). */
const char *pb_suggest(const char *word, const char *const *candidates, size_t n);

/* UTF-8 helpers. */
/* True when s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool pb_utf8_valid(const char *s, size_t len);
/* The length of the valid UTF-8 sequence at s (at most `left` bytes), its
 * code point in *cp; 0 when the bytes there are not valid UTF-8. */
size_t pb_utf8_decode(const unsigned char *s, size_t left, uint32_t *cp);
/* Number of code points in a valid UTF-8 string. */
size_t pb_utf8_length(const char *s, size_t len);

/* Text people type (text.c): the limits of the panel file's fields
 * (yaml-format.md), in characters. */
#define PB_NAME_MAX_CHARS 200  /* titles and names: one line */
#define PB_TEXT_MAX_CHARS 4000 /* every other text */
/* True when the character at s (left bytes) is a control character, which
 * would reach the terminal and the minutes: C0 but those in allow (may be
 * NULL; "\n\t" for multi-line text), DEL, or C1 (U+0080 to U+009F); its
 * code point in *code. */
bool pb_utf8_control(const char *s, size_t left, const char *allow, uint32_t *code);
/* text trimmed of leading and trailing white space, as a new string in
 * *out; PB_ERR_DATA, naming the field `what`, when it is empty, longer
 * than max characters, not UTF-8, or holds a control character. */
enum pb_status pb_text_clean(const char *what, const char *text, size_t max, bool multiline,
                             char **out, struct pb_error *err);
/* Text on its way to a terminal or a report: the one sanitizer that every
 * command uses. C0 controls and DEL are written \xNN, the C1 controls
 * \u0080..\u009f, a byte that is not UTF-8 \xNN; everything else passes.
 * Newline and tab are escaped too unless flags say otherwise. */
enum {
    PB_VISIBLE_LINES = 1,  /* newline, CR LF and tab pass (a report's paragraphs) */
    PB_VISIBLE_SPACES = 2, /* newline and tab become spaces (one line for people) */
    PB_VISIBLE_TSV = 4,    /* newline, tab and backslash written \n, \t, \\ (cli.md) */
};
/* Appends s[0..len) made visible; out is a string afterwards. */
void pb_visible(struct pb_buf *out, const char *s, size_t len, unsigned flags);
/* A new string (never NULL; "" for NULL). */
char *pb_visible_dup(const char *s, unsigned flags);
/* Writes s made visible to out; EOF when the write failed. */
int pb_visible_put(FILE *out, const char *s, unsigned flags);
/* True when s[0..len) is UTF-8 with nothing the sanitizer would change
 * (newline and tab allowed when lines): text the importer accepts. */
bool pb_visible_clean(const char *s, size_t len, bool lines);

/* Markdown escaping, so that user text shows as the words typed. */
/* Appends text[0..len) with a backslash before each character that would
 * start inline Markdown: \ ` * [ ] | ~ always, _ at the edge of a word,
 * < opening a tag, & opening an entity, and with heading, a # after a
 * space (which would close an ATX heading). out is a string afterwards,
 * even for empty text. */
void pb_md_escape(struct pb_buf *out, const char *text, size_t len, bool heading);
/* The same for text that starts a line or a list item's content, where a
 * leading #, >, -, +, = or "1." / "1)" would also open a block. */
void pb_md_escape_line(struct pb_buf *out, const char *text, size_t len, bool heading);

/* An arena: memory for many small things that live as long as one job and
 * are freed all at once. Start from a zeroed struct; pb_arena_free leaves
 * it empty and ready for reuse. */
struct pb_arena {
    struct pb_arena_block *head;
};
/* size bytes, zeroed, aligned to align (a power of two, at most
 * _Alignof(max_align_t)); valid until pb_arena_free. */
void *pb_arena_alloc(struct pb_arena *a, size_t size, size_t align);
/* A NUL-terminated copy of s[0..n). */
char *pb_arena_strndup(struct pb_arena *a, const char *s, size_t n);
void pb_arena_free(struct pb_arena *a);

#endif
