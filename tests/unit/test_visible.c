/*
 * The sanitizer (base.h, pb_visible): what a terminal would obey comes out
 * as a visible escape, everything else as it was, in each of its modes.
 */
#include <panelboard/base.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

static void expect(const char *in, unsigned flags, const char *want)
{
    char *got = pb_visible_dup(in, flags);
    assert_string_equal(got, want);
    free(got);
}

static void visible__escapes_terminal_controls(void **state)
{
    (void)state;
    expect("\x1b]52;c;aGVsbG8=\x07", 0, "\\x1b]52;c;aGVsbG8=\\x07");
    expect("\x1b[2J\x1b" "c\x1b(0", 0, "\\x1b[2J\\x1bc\\x1b(0");
    expect("a\xc2\x9b" "2Jb\x7f", 0, "a\\u009b2Jb\\x7f");
    expect("bad \xff\xfe byte", 0, "bad \\xff\\xfe byte");
}

static void visible__leaves_text_as_typed(void **state)
{
    (void)state;
    expect("Cllr Thirkill — Housing, £30, 中文, 😀 C:\\minutes", 0,
           "Cllr Thirkill — Housing, £30, 中文, 😀 C:\\minutes");
    expect("\xc2\xa0no-break", 0, "\xc2\xa0no-break");
    expect(NULL, 0, "");
}

static void visible__modes_for_lines_spaces_and_tsv(void **state)
{
    (void)state;
    expect("one\ntwo\tthree\r\n", PB_VISIBLE_LINES, "one\ntwo\tthree\r\n");
    expect("lone\rreturn", PB_VISIBLE_LINES, "lone\\x0dreturn");
    expect("one\ntwo\tthree", PB_VISIBLE_SPACES, "one two three");
    expect("one\ntwo\tthree\\four\x1b", PB_VISIBLE_TSV, "one\\ntwo\\tthree\\\\four\\x1b");
    expect("one\n", 0, "one\\x0a");
}

static void visible__clean_is_what_the_importer_accepts(void **state)
{
    (void)state;
    assert_true(pb_visible_clean("plain 中文", strlen("plain 中文"), false));
    assert_true(pb_visible_clean("two\nlines", 9, true));
    assert_false(pb_visible_clean("two\nlines", 9, false));
    assert_false(pb_visible_clean("esc\x1b", 4, true));
    assert_false(pb_visible_clean("csi\xc2\x9b", 5, true));
    assert_false(pb_visible_clean("bad\xff", 4, true));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(visible__escapes_terminal_controls),
        cmocka_unit_test(visible__leaves_text_as_typed),
        cmocka_unit_test(visible__modes_for_lines_spaces_and_tsv),
        cmocka_unit_test(visible__clean_is_what_the_importer_accepts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
