/*
 * The dashboard's one-line editor (src/app/input.c) on its own: code
 * points, never bytes, under the cursor; the shell's editing keys; control
 * characters kept out of the line; and Tab completion of @member and
 * #theme ids. No database and no terminal.
 */
#include "input.h"

#include <panelboard/base.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

static const char *const members[] = {"thirkill", "knox", "khan", "kay"};
static const char *const themes[] = {"housing", "health", "leisure"};

static void type(struct dash_input *in, const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t left = strlen(text);
    while (left) {
        uint32_t cp = 0;
        size_t n = pb_utf8_decode(s, left, &cp);
        assert_true(n > 0);
        assert_int_equal(dash_input_key(in, (int)cp), DASH_INPUT_EDITED);
        s += n;
        left -= n;
    }
}

static void assert_text(const struct dash_input *in, const char *want)
{
    char *text = dash_input_text(in);
    assert_string_equal(text, want);
    free(text);
}

static void complete(struct dash_input *in, char *shown, size_t size, bool want)
{
    assert_int_equal(dash_input_complete(in, members, 4, themes, 3, shown, size), want);
}

static void input__utf8_typed__is_held_as_code_points_and_backspace_removes_one(void **state)
{
    (void)state;
    struct dash_input in;
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", NULL, 0);
    type(&in, "Caf\u00e9 \u6e2c\U0001F600");
    assert_int_equal(in.len, 7);
    assert_int_equal(in.cursor, 7);
    assert_text(&in, "Caf\u00e9 \u6e2c\U0001F600");
    assert_int_equal(dash_input_key(&in, DASH_KEY_BACKSPACE), DASH_INPUT_EDITED);
    assert_text(&in, "Caf\u00e9 \u6e2c");
    dash_input_key(&in, DASH_KEY_LEFT);
    dash_input_key(&in, DASH_KEY_LEFT);
    dash_input_key(&in, DASH_KEY_BACKSPACE);
    assert_text(&in, "Caf \u6e2c");
}

static void input__start_with_text__puts_the_cursor_where_asked(void **state)
{
    (void)state;
    struct dash_input in;
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", " #housing", 0);
    assert_int_equal(in.cursor, 0);
    type(&in, "Call");
    assert_text(&in, "Call #housing");
    dash_input_start(&in, DASH_INPUT_FILTER, "filter: ", "#housing ", (size_t)-1);
    assert_int_equal(in.cursor, 9);
    assert_string_equal(in.prompt, "filter: ");
}

static void input__shell_keys__move_and_delete_as_in_a_shell(void **state)
{
    (void)state;
    struct dash_input in;
    dash_input_start(&in, DASH_INPUT_NOTE, "note: ", "one two three", (size_t)-1);
    assert_int_equal(dash_input_key(&in, DASH_CTRL('w')), DASH_INPUT_EDITED);
    assert_text(&in, "one two ");
    assert_int_equal(dash_input_key(&in, DASH_CTRL('a')), DASH_INPUT_MOVED);
    assert_int_equal(in.cursor, 0);
    dash_input_key(&in, DASH_CTRL('d'));
    assert_text(&in, "ne two ");
    dash_input_key(&in, DASH_KEY_DELETE);
    assert_text(&in, "e two ");
    dash_input_key(&in, DASH_KEY_RIGHT);
    dash_input_key(&in, DASH_CTRL('k'));
    assert_text(&in, "e");
    dash_input_key(&in, DASH_CTRL('e'));
    type(&in, "nd");
    assert_text(&in, "end");
    dash_input_key(&in, DASH_KEY_LEFT);
    dash_input_key(&in, DASH_CTRL('u'));
    assert_text(&in, "d");
    assert_int_equal(in.cursor, 0);
    /* Backspace at the start and Delete at the end change nothing */
    assert_int_equal(dash_input_key(&in, DASH_KEY_BACKSPACE), DASH_INPUT_MOVED);
    dash_input_key(&in, DASH_KEY_END);
    assert_int_equal(dash_input_key(&in, DASH_KEY_DELETE), DASH_INPUT_MOVED);
    assert_text(&in, "d");
}

static void input__control_characters__never_enter_the_line(void **state)
{
    (void)state;
    struct dash_input in;
    dash_input_start(&in, DASH_INPUT_SEARCH, "/", NULL, 0);
    assert_int_equal(dash_input_key(&in, 0x01b), DASH_INPUT_CANCEL);
    assert_int_equal(dash_input_key(&in, DASH_CTRL('g')), DASH_INPUT_CANCEL);
    assert_int_equal(dash_input_key(&in, DASH_KEY_ENTER), DASH_INPUT_SUBMIT);
    assert_int_equal(dash_input_key(&in, '\n'), DASH_INPUT_SUBMIT);
    assert_int_equal(dash_input_key(&in, DASH_KEY_TAB), DASH_INPUT_COMPLETE);
    assert_int_equal(dash_input_key(&in, DASH_CTRL('x')), DASH_INPUT_IGNORED);
    assert_int_equal(dash_input_key(&in, 0x85), DASH_INPUT_IGNORED);
    assert_int_equal(dash_input_key(&in, 0xD800), DASH_INPUT_IGNORED);
    assert_int_equal(dash_input_key(&in, DASH_KEY_PGDN), DASH_INPUT_IGNORED);
    assert_int_equal(in.len, 0);
}

static void input__a_full_line__takes_no_more(void **state)
{
    (void)state;
    struct dash_input *in = calloc(1, sizeof *in);
    dash_input_start(in, DASH_INPUT_NOTE, "note: ", NULL, 0);
    for (int i = 0; i < DASH_INPUT_MAX; i++)
        assert_int_equal(dash_input_key(in, 'x'), DASH_INPUT_EDITED);
    assert_int_equal(dash_input_key(in, 'y'), DASH_INPUT_IGNORED);
    dash_input_insert(in, "zz");
    assert_int_equal(in->len, DASH_INPUT_MAX);
    char *text = dash_input_text(in);
    assert_int_equal(strlen(text), DASH_INPUT_MAX);
    assert_null(strchr(text, 'y'));
    assert_null(strchr(text, 'z'));
    free(text);
    free(in);
}

static void input__tab_on_a_unique_prefix__completes_the_id_and_a_space(void **state)
{
    (void)state;
    struct dash_input in;
    char shown[256];
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", "Write @thi", (size_t)-1);
    complete(&in, shown, sizeof shown, true);
    assert_text(&in, "Write @thirkill ");
    assert_string_equal(shown, "");
    type(&in, "#le");
    complete(&in, shown, sizeof shown, true);
    assert_text(&in, "Write @thirkill #leisure ");
}

static void input__tab_inside_a_word__completes_the_whole_word_once(void **state)
{
    (void)state;
    struct dash_input in;
    char shown[256];
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", "Write @thirkill", 10);
    complete(&in, shown, sizeof shown, true);
    assert_text(&in, "Write @thirkill ");
}

static void input__tab_on_a_shared_prefix__completes_to_it_and_shows_the_candidates(void **state)
{
    (void)state;
    struct dash_input in;
    char shown[256];
    dash_input_start(&in, DASH_INPUT_FILTER, "filter: ", "#h", (size_t)-1);
    complete(&in, shown, sizeof shown, true);
    assert_text(&in, "#h");
    assert_string_equal(shown, "#housing #health");
    dash_input_start(&in, DASH_INPUT_FILTER, "filter: ", "@k", (size_t)-1);
    complete(&in, shown, sizeof shown, true);
    assert_string_equal(shown, "@knox @khan @kay");
    type(&in, "h");
    complete(&in, shown, sizeof shown, true);
    assert_text(&in, "@khan ");
}

static void input__tab_on_a_plain_word_or_no_match__changes_nothing(void **state)
{
    (void)state;
    struct dash_input in;
    char shown[256];
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", "Write", (size_t)-1);
    complete(&in, shown, sizeof shown, false);
    assert_text(&in, "Write");
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", "Write @zz", (size_t)-1);
    complete(&in, shown, sizeof shown, false);
    assert_text(&in, "Write @zz");
    dash_input_start(&in, DASH_INPUT_CAPTURE, "add: ", "Write ", (size_t)-1);
    complete(&in, shown, sizeof shown, false);
    assert_text(&in, "Write ");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(input__utf8_typed__is_held_as_code_points_and_backspace_removes_one),
        cmocka_unit_test(input__start_with_text__puts_the_cursor_where_asked),
        cmocka_unit_test(input__shell_keys__move_and_delete_as_in_a_shell),
        cmocka_unit_test(input__control_characters__never_enter_the_line),
        cmocka_unit_test(input__a_full_line__takes_no_more),
        cmocka_unit_test(input__tab_on_a_unique_prefix__completes_the_id_and_a_space),
        cmocka_unit_test(input__tab_inside_a_word__completes_the_whole_word_once),
        cmocka_unit_test(input__tab_on_a_shared_prefix__completes_to_it_and_shows_the_candidates),
        cmocka_unit_test(input__tab_on_a_plain_word_or_no_match__changes_nothing),
    };
    return cmocka_run_group_tests_name("input", tests, NULL, NULL);
}
