/*
 * libFuzzer target: the date parsers, pb_date_parse (YYYY-MM-DD) and the
 * due: forms (capture_parse_due); what parses must format back to itself.
 */
#include <panelboard/base.h>
#include <panelboard/capture.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    pb_day day;
    if (pb_date_parse(text, &day)) {
        char back[11];
        pb_date_format(day, back);
        if (strcmp(back, text) != 0)
            abort();
    }
    struct pb_error err = {0};
    if (capture_parse_due(text, 19327, &day, &err) == PB_OK) {
        if (!pb_date_valid(day))
            abort();
        char buf[32];
        pb_date_format(day, buf);
        pb_date_format_long(day, buf, sizeof buf);
    }
    free(text);
    return 0;
}
