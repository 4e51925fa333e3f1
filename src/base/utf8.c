/*
 * UTF-8 checks for text that comes from people: whether bytes are valid
 * UTF-8 at all (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF), and how many characters a valid string holds.
 */
#include <panelboard/base.h>

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The ranges for the second byte are those of RFC 3629's table, which rule
 * out overlongs (E0, F0), surrogates (ED) and values past U+10FFFF (F4). */
size_t pb_utf8_decode(const unsigned char *s, size_t left, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4;
    else
        return 0;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (left < n || s[1] < lo || s[1] > hi)
        return 0;
    uint32_t value = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if (!is_continuation(s[i]))
            return 0;
        value = (value << 6) | (s[i] & 0x3F);
    }
    *cp = value;
    return n;
}

bool pb_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = pb_utf8_decode(p + i, len - i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

size_t pb_utf8_length(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += !is_continuation((unsigned char)s[i]);
    return count;
}
