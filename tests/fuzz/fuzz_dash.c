/*
 * libFuzzer target: the dashboard's key handling (dash_key) over a real
 * temporary database holding the example panel, copied afresh for each
 * input so that a crash replays. Each input byte is a key: printable ASCII
 * as itself, a few bytes as Enter, Esc, Tab, Backspace, the arrows and the
 * page keys, the rest as Ctrl-letters; a 0xff byte resizes the screen.
 */
#include "fuzz_db.h"

#include "dash.h"

static int key_of(uint8_t b)
{
    static const int special[] = {
        DASH_KEY_ESC,  DASH_KEY_ENTER, DASH_KEY_TAB,  DASH_KEY_BACKSPACE, DASH_KEY_UP,
        DASH_KEY_DOWN, DASH_KEY_LEFT,  DASH_KEY_RIGHT, DASH_KEY_HOME,     DASH_KEY_END,
        DASH_KEY_PGUP, DASH_KEY_PGDN,  DASH_KEY_BTAB, DASH_KEY_DELETE,
    };
    if (b >= 0x20 && b < 0x7f)
        return b;
    if (b >= 0x80 && b < 0x80 + sizeof special / sizeof special[0])
        return special[b - 0x80];
    if (b >= 0xa0 && b < 0xf0)
        return 0xe9 + (b - 0xa0) * 97; /* wide and accented characters */
    return DASH_CTRL('a' + b % 26);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    struct pb_db *db = fuzz_db_open(true);
    struct dash d = {0};
    struct dash_options opt = {.as = "thirkill"};
    struct pb_error err = {0};
    if (dash_open(&d, db, &opt, 1669852800, &err) == PB_OK) {
        dash_resize(&d, 20);
        for (size_t i = 0; i < size; i++) {
            if (data[i] == 0xff) {
                dash_resize(&d, i + 1 < size ? data[++i] % 64 : 1);
                continue;
            }
            unsigned r = dash_key(&d, key_of(data[i]));
            if (r & DASH_QUIT)
                break;
            if (i % 16 == 15)
                dash_tick(&d, 1669852800 + (time_t)i);
        }
        dash_close(&d);
    }
    fuzz_db_close(db);
    return 0;
}
