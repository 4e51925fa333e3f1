/*
 * libFuzzer target: the quick-capture parser (capture_parse), a line with
 * a few known member and theme ids, and the today it is relative to taken
 * from the input too.
 */
#include <panelboard/capture.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const members[] = {"thirkill", "chair", "gov-officer", "knox"};
    static const char *const themes[] = {"housing", "health", "youth-justice"};
    const struct capture_ids ids = {members, 4, themes, 3};
    pb_day today = 19327; /* 2022-12-01 */
    if (size >= 4) {
        int32_t t;
        memcpy(&t, data, sizeof t);
        today = t % 3000000; /* any day that has a written form, and some that do not */
        data += 4;
        size -= 4;
    }
    char *line = malloc(size + 1);
    memcpy(line, data, size);
    line[size] = '\0';
    struct capture c;
    struct pb_error err = {0};
    if (capture_parse(line, today, &ids, &c, &err) == PB_OK)
        capture_free(&c);
    free(line);
    return 0;
}
