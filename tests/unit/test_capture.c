/*
 * Quick capture as the person at the meeting types it: what each token does,
 * and what they are told (and where) when a word is wrong. Today is pinned
 * to Wednesday 12 October 2022.
 */
#include <panelboard/capture.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static const char *const members[] = {"thirkill", "gov-officer", "hussain", "chair"};
static const char *const themes[] = {"housing", "education", "health"};
static const struct capture_ids ids = {members, 4, themes, 3};

static pb_day day_of(const char *text)
{
    pb_day day = 0;
    assert_true(pb_date_parse(text, &day));
    return day;
}

static pb_day today(void)
{
    return day_of("2022-10-12");
}

static void parse_ok(const char *line, struct capture *c)
{
    struct pb_error err = {0};
    if (capture_parse(line, today(), &ids, c, &err) != PB_OK)
        fail_msg("'%s' was refused: %s", line, err.message);
}

/* The error for line, after checking that nothing was left behind. */
static struct pb_error parse_fails(const char *line)
{
    struct capture c;
    struct pb_error err = {0};
    assert_int_equal(capture_parse(line, today(), &ids, &c, &err), PB_ERR_DATA);
    assert_int_equal(err.status, PB_ERR_DATA);
    assert_null(c.title);
    assert_null(c.owners);
    assert_int_equal(c.n_owners, 0);
    assert_null(c.theme);
    assert_null(c.ref);
    assert_false(c.has_due);
    return err;
}

static void assert_due(const char *line, const char *expected)
{
    struct capture c;
    char written[11];
    parse_ok(line, &c);
    assert_true(c.has_due);
    pb_date_format(c.due, written);
    assert_string_equal(written, expected);
    capture_free(&c);
}

/* ---- what a line says ---- */

static void capture__reads_every_token_of_a_full_line(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Inform portfolio-holders @thirkill #housing due:2022-11-30 ref:\"Resolved (1)\"", &c);
    assert_string_equal(c.title, "Inform portfolio-holders");
    assert_int_equal(c.n_owners, 1);
    assert_string_equal(c.owners[0], "thirkill");
    assert_false(c.owners_all);
    assert_string_equal(c.theme, "housing");
    assert_true(c.has_due);
    assert_int_equal(c.due, day_of("2022-11-30"));
    assert_string_equal(c.ref, "Resolved (1)");
    capture_free(&c);
}

static void capture__a_plain_line_is_all_title(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Write to the DWP", &c);
    assert_string_equal(c.title, "Write to the DWP");
    assert_int_equal(c.n_owners, 0);
    assert_false(c.owners_all);
    assert_null(c.theme);
    assert_false(c.has_due);
    assert_null(c.ref);
    capture_free(&c);
}

static void capture__tokens_may_stand_anywhere_in_the_line(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("@hussain Ask #education the   virtual\tschool due:fri head", &c);
    assert_string_equal(c.title, "Ask the virtual school head");
    assert_string_equal(c.owners[0], "hussain");
    assert_string_equal(c.theme, "education");
    assert_int_equal(c.due, day_of("2022-10-14"));
    capture_free(&c);
}

static void capture__keeps_several_owners_in_order_once_each(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Joint visit @hussain @thirkill @hussain @gov-officer", &c);
    assert_int_equal(c.n_owners, 3);
    assert_string_equal(c.owners[0], "hussain");
    assert_string_equal(c.owners[1], "thirkill");
    assert_string_equal(c.owners[2], "gov-officer");
    assert_false(c.owners_all);
    capture_free(&c);
}

static void capture__at_all_means_everyone(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Read the strategy @all", &c);
    assert_true(c.owners_all);
    assert_int_equal(c.n_owners, 0);
    assert_string_equal(c.title, "Read the strategy");
    capture_free(&c);
}

static void capture__ref_takes_a_word_or_quoted_text(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Advise on procedure ref:\"Resolved (3)\" @gov-officer", &c);
    assert_string_equal(c.ref, "Resolved (3)");
    assert_string_equal(c.title, "Advise on procedure");
    assert_string_equal(c.owners[0], "gov-officer");
    capture_free(&c);
    parse_ok("Advise on procedure ref:R3", &c);
    assert_string_equal(c.ref, "R3");
    capture_free(&c);
}

static void capture__ref_takes_single_quoted_text_too(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Write to Bradford's DWP @thirkill ref:'Resolved (4)'", &c);
    assert_string_equal(c.title, "Write to Bradford's DWP");
    assert_string_equal(c.ref, "Resolved (4)");
    assert_string_equal(c.owners[0], "thirkill");
    capture_free(&c);
    /* an apostrophe inside a word does not close the quote */
    parse_ok("Write ref:'Bradford's reply' #housing 'tis", &c);
    assert_string_equal(c.ref, "Bradford's reply");
    assert_string_equal(c.title, "Write 'tis");
    assert_string_equal(c.theme, "housing");
    capture_free(&c);
    parse_ok("Write ref:'a \"b\"'", &c);
    assert_string_equal(c.ref, "a \"b\"");
    capture_free(&c);
}

static void capture__at_and_hash_inside_a_word_stay_in_the_title(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Email louise@lcs.org about item#3", &c);
    assert_string_equal(c.title, "Email louise@lcs.org about item#3");
    assert_int_equal(c.n_owners, 0);
    assert_null(c.theme);
    capture_free(&c);
}

static void capture__keeps_the_title_utf8_as_typed(void **state)
{
    (void)state;
    struct capture c;
    parse_ok("Caf\xc3\xa9 f\xc3\xbcr Care Leavers \xe2\x80\x94 Zo\xc3\xab's \xe2\x9c\x93 #health",
             &c);
    assert_string_equal(c.title, "Caf\xc3\xa9 f\xc3\xbcr Care Leavers \xe2\x80\x94 Zo\xc3\xab's "
                                 "\xe2\x9c\x93");
    capture_free(&c);
}

/* ---- due: ---- */

static void capture__due_weekday_is_the_next_such_day_after_today(void **state)
{
    (void)state;
    assert_due("Report back due:fri", "2022-10-14");
    assert_due("Report back due:Friday", "2022-10-14");
    assert_due("Report back due:THU", "2022-10-13");
    assert_due("Report back due:wed", "2022-10-19"); /* today is Wednesday: next week */
    assert_due("Report back due:tue", "2022-10-18");
    assert_due("Report back due:monday", "2022-10-17");
}

static void capture__due_counts_days_and_weeks_ahead(void **state)
{
    (void)state;
    assert_due("Report back due:+3d", "2022-10-15");
    assert_due("Report back due:+2w", "2022-10-26");
    assert_due("Report back due:+1d", "2022-10-13");
    assert_due("Report back due:+3650d", "2032-10-09");
}

static void capture__due_counts_calendar_months_clamping_the_day(void **state)
{
    (void)state;
    assert_due("Report back due:+1m", "2022-11-12");
    assert_due("Report back due:+4M", "2023-02-12");
    assert_due("Report back due:+119m", "2032-09-12");
    pb_day due = 0;
    struct pb_error err = {0};
    assert_int_equal(capture_parse_due("+1m", day_of("2024-01-31"), &due, &err), PB_OK);
    assert_int_equal(due, day_of("2024-02-29"));
    assert_int_equal(capture_parse_due("+1m", day_of("2023-01-31"), &due, &err), PB_OK);
    assert_int_equal(due, day_of("2023-02-28"));
    assert_int_equal(capture_parse_due("+13m", day_of("2023-12-31"), &due, &err), PB_OK);
    assert_int_equal(due, day_of("2025-01-31"));
    /* ten years of months is more than 3650 days */
    assert_int_equal(capture_parse_due("+120m", today(), &due, &err), PB_ERR_DATA);
    assert_int_equal(capture_parse_due("+0m", today(), &due, &err), PB_ERR_DATA);
}

static void capture__edit_needs_no_title_and_clears_due(void **state)
{
    (void)state;
    struct capture c = {0};
    struct pb_error err = {0};
    assert_int_equal(capture_parse_edit("due:~ #housing", today(), &ids, &c, &err), PB_OK);
    assert_null(c.title);
    assert_true(c.clears_due);
    assert_false(c.has_due);
    assert_string_equal(c.theme, "housing");
    capture_free(&c);
    assert_int_equal(capture_parse_edit("due:~ due:fri", today(), &ids, &c, &err), PB_ERR_DATA);
    /* only an edit has a due date to clear */
    assert_int_equal(capture_parse("Chase due:~", today(), &ids, &c, &err), PB_ERR_DATA);
}

static void capture__due_today_and_tomorrow(void **state)
{
    (void)state;
    assert_due("Report back due:today", "2022-10-12");
    assert_due("Report back due:tomorrow", "2022-10-13");
    assert_due("Report back due:Tomorrow", "2022-10-13");
}

static void capture__due_takes_a_date_that_exists(void **state)
{
    (void)state;
    assert_due("Report back due:2024-02-29", "2024-02-29");
    struct pb_error err = parse_fails("Report back due:2023-02-29");
    assert_non_null(strstr(err.message, "2023-02-29"));
    assert_int_equal(err.column, 13);
}

static void capture__rejects_a_bad_due_naming_the_forms(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Report back due:xyz");
    assert_string_equal(err.message,
                        "bad date 'xyz' in due: (use YYYY-MM-DD, +3d, +2w, +1m, a weekday, today or "
                        "tomorrow)");
    assert_int_equal(err.column, 13);
    parse_fails("Report back due:frid");
    parse_fails("Report back due:+3");
    parse_fails("Report back due:+d");
    parse_fails("Report back due:3d");
    parse_fails("Report back due:+3dd");
    parse_fails("Report back due:12/10/2022");
}

static void capture__rejects_due_offsets_out_of_bounds(void **state)
{
    (void)state;
    parse_fails("Report back due:+0d");
    parse_fails("Report back due:+0w");
    parse_fails("Report back due:+3651d");
    parse_fails("Report back due:+522w");
    parse_fails("Report back due:+99999999999999999999999d");
}

static void capture__parse_due_alone_serves_the_cli(void **state)
{
    (void)state;
    pb_day due = 0;
    struct pb_error err = {0};
    assert_int_equal(capture_parse_due("sat", today(), &due, &err), PB_OK);
    assert_int_equal(due, day_of("2022-10-15"));
    assert_int_equal(capture_parse_due("soon", today(), &due, &err), PB_ERR_DATA);
    assert_non_null(strstr(err.message, "'soon'"));
    assert_int_equal(err.column, 0);
    assert_int_equal(capture_parse_due("", today(), &due, &err), PB_ERR_DATA);
}

/* ---- errors, and where they point ---- */

static void capture__rejects_unknown_owner__with_suggestion(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Inform the chair @thirkil #housing");
    assert_string_equal(err.message, "no member 'thirkil'; did you mean 'thirkill'?");
    assert_int_equal(err.column, 18);
}

static void capture__error_column_counts_characters_not_bytes(void **state)
{
    (void)state;
    /* "Café " is five characters but six bytes. */
    struct pb_error err = parse_fails("Caf\xc3\xa9 @thirkil");
    assert_int_equal(err.column, 6);
}

static void capture__rejects_unknown_owner__without_suggestion_when_none_is_close(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Inform the chair @zzz");
    assert_string_equal(err.message, "no member 'zzz'");
    assert_int_equal(err.column, 18);
}

static void capture__rejects_unknown_theme__with_suggestion(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Visit the hostel #huosing @thirkill");
    assert_string_equal(err.message, "no theme 'huosing'; did you mean 'housing'?");
    assert_int_equal(err.column, 18);
    err = parse_fails("Visit the hostel #transport");
    assert_string_equal(err.message, "no theme 'transport'");
}

static void capture__rejects_a_second_theme(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Visit #housing #health");
    assert_int_equal(err.column, 16);
    assert_non_null(strstr(err.message, "housing"));
}

static void capture__rejects_all_mixed_with_named_owners(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Read the strategy @all @thirkill");
    assert_string_equal(err.message, "@all cannot be combined with other owners");
    assert_int_equal(err.column, 24);
    err = parse_fails("Read the strategy @thirkill @all");
    assert_int_equal(err.column, 29);
}

static void capture__rejects_a_line_without_title(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("@thirkill #housing due:fri");
    assert_string_equal(err.message, "an action needs a title");
    err = parse_fails("   ");
    assert_string_equal(err.message, "an action needs a title");
}

static void capture__rejects_an_unterminated_quote(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Advise ref:\"Resolved (3) @gov-officer");
    assert_non_null(strstr(err.message, "closing quote"));
    assert_int_equal(err.column, 8);
    parse_fails("Advise ref:\"Resolved (3)\"@gov-officer");
}

static void capture__rejects_an_unterminated_single_quote__at_its_ref(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Write to Bradford's DWP ref:'Resolved (4) @thirkill");
    assert_string_equal(err.message, "ref:' has no closing quote");
    assert_int_equal(err.column, 25);
    err = parse_fails("Write ref:'Bradford's");
    assert_int_equal(err.column, 7);
    err = parse_fails("Write ref:'Resolved (4)'@thirkill");
    assert_string_equal(err.message, "a space must follow the closing quote of ref:'...'");
    assert_int_equal(err.column, 25);
    assert_int_equal(parse_fails("Visit ref:'  '").column, 7);
}

static void capture__rejects_empty_tokens(void **state)
{
    (void)state;
    assert_int_equal(parse_fails("Visit @").column, 7);
    assert_int_equal(parse_fails("Visit #").column, 7);
    assert_int_equal(parse_fails("Visit due:").column, 7);
    assert_int_equal(parse_fails("Visit ref:").column, 7);
    assert_int_equal(parse_fails("Visit ref:\"  \"").column, 7);
}

static void capture__rejects_a_due_or_ref_given_twice(void **state)
{
    (void)state;
    assert_int_equal(parse_fails("Visit due:fri due:mon").column, 15);
    assert_int_equal(parse_fails("Visit ref:R1 ref:R2").column, 14);
}

static void capture__rejects_control_characters_and_bad_utf8(void **state)
{
    (void)state;
    struct pb_error err = parse_fails("Visit \x1b[31mnow");
    assert_non_null(strstr(err.message, "control character"));
    assert_int_equal(err.column, 7);
    err = parse_fails("Visit \xc2\x9bnow"); /* a C1 control */
    assert_non_null(strstr(err.message, "control character"));
    err = parse_fails("Visit \xed\xa0\x80 now");
    assert_non_null(strstr(err.message, "UTF-8"));
    assert_int_equal(err.column, 7);
}

static void capture__rejects_a_title_over_200_characters(void **state)
{
    (void)state;
    char line[256];
    struct capture c;
    memset(line, 'x', 200);
    line[200] = '\0';
    parse_ok(line, &c);
    capture_free(&c);
    strcpy(line + 200, "y");
    struct pb_error err = parse_fails(line);
    assert_non_null(strstr(err.message, "200"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capture__reads_every_token_of_a_full_line),
        cmocka_unit_test(capture__a_plain_line_is_all_title),
        cmocka_unit_test(capture__tokens_may_stand_anywhere_in_the_line),
        cmocka_unit_test(capture__keeps_several_owners_in_order_once_each),
        cmocka_unit_test(capture__at_all_means_everyone),
        cmocka_unit_test(capture__ref_takes_a_word_or_quoted_text),
        cmocka_unit_test(capture__ref_takes_single_quoted_text_too),
        cmocka_unit_test(capture__at_and_hash_inside_a_word_stay_in_the_title),
        cmocka_unit_test(capture__keeps_the_title_utf8_as_typed),
        cmocka_unit_test(capture__due_weekday_is_the_next_such_day_after_today),
        cmocka_unit_test(capture__due_counts_days_and_weeks_ahead),
        cmocka_unit_test(capture__due_counts_calendar_months_clamping_the_day),
        cmocka_unit_test(capture__edit_needs_no_title_and_clears_due),
        cmocka_unit_test(capture__due_today_and_tomorrow),
        cmocka_unit_test(capture__due_takes_a_date_that_exists),
        cmocka_unit_test(capture__rejects_a_bad_due_naming_the_forms),
        cmocka_unit_test(capture__rejects_due_offsets_out_of_bounds),
        cmocka_unit_test(capture__parse_due_alone_serves_the_cli),
        cmocka_unit_test(capture__rejects_unknown_owner__with_suggestion),
        cmocka_unit_test(capture__error_column_counts_characters_not_bytes),
        cmocka_unit_test(capture__rejects_unknown_owner__without_suggestion_when_none_is_close),
        cmocka_unit_test(capture__rejects_unknown_theme__with_suggestion),
        cmocka_unit_test(capture__rejects_a_second_theme),
        cmocka_unit_test(capture__rejects_all_mixed_with_named_owners),
        cmocka_unit_test(capture__rejects_a_line_without_title),
        cmocka_unit_test(capture__rejects_an_unterminated_quote),
        cmocka_unit_test(capture__rejects_an_unterminated_single_quote__at_its_ref),
        cmocka_unit_test(capture__rejects_empty_tokens),
        cmocka_unit_test(capture__rejects_a_due_or_ref_given_twice),
        cmocka_unit_test(capture__rejects_control_characters_and_bad_utf8),
        cmocka_unit_test(capture__rejects_a_title_over_200_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
