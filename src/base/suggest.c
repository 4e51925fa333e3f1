/*
 * "Did you mean ...?": the known id or key nearest to what someone typed,
 * by Damerau-Levenshtein distance (optimal string alignment, so a swapped
 * pair of letters counts as one slip), measured in characters.
 */
#include <panelboard/base.h>

#include <stdlib.h>
#include <string.h>

/* How many bytes the character at s takes: a byte that does not start valid
 * UTF-8 stands for itself, since suggestions must work on any input. */
static size_t char_bytes(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n > 1 && n <= left && pb_utf8_valid(s, n) ? n : 1;
}

/* Characters as code points, with ASCII letters folded so that "Thirkill"
 * is a distance 0 from "thirkill". */
static size_t decode(const char *s, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, i = 0, len = strlen(s);
    while (i < len) {
        size_t step = char_bytes(s + i, len - i);
        uint32_t c = p[i];
        if (step > 1) {
            c &= 0xFFu >> (step + 1);
            for (size_t k = 1; k < step; k++)
                c = (c << 6) | (p[i + k] & 0x3Fu);
        } else if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }
        out[n++] = c;
        i += step;
    }
    return n;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;
    return m < c ? m : c;
}

/* Three rows of the dynamic-programming table: the one before last is what
 * a transposition looks back to. */
static size_t distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
    size_t *rows = pb_xmalloc(3 * (nb + 1) * sizeof *rows);
    size_t *before = rows, *prev = rows + nb + 1, *cur = rows + 2 * (nb + 1);
    for (size_t j = 0; j <= nb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < cur[j])
                cur[j] = before[j - 2] + 1;
        }
        size_t *t = before;
        before = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[nb];
    free(rows);
    return d;
}

const char *pb_suggest(const char *word, const char *const *candidates, size_t n)
{
    uint32_t *w = pb_xmalloc((strlen(word) + 1) * sizeof *w);
    size_t nw = decode(word, w);
    size_t limit = nw / 3 > 1 ? nw / 3 : 1;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t *c = pb_xmalloc((strlen(candidates[i]) + 1) * sizeof *c);
        size_t nc = decode(candidates[i], c);
        size_t gap = nc > nw ? nc - nw : nw - nc;
        /* Ties go to the earlier candidate: the order callers give is theirs. */
        if (gap < best_distance) {
            size_t d = distance(w, nw, c, nc);
            if (d < best_distance) {
                best = candidates[i];
                best_distance = d;
            }
        }
        free(c);
    }
    free(w);
    return best;
}
