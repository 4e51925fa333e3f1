/*
 * The base layer's dates, "did you mean" suggestions and UTF-8 checks: the
 * pieces every error message and every due date depends on.
 */
#include <panelboard/base.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static pb_day day_of(const char *text)
{
    pb_day day = 0;
    assert_true(pb_date_parse(text, &day));
    return day;
}

/* ---- dates ---- */

static void date__parse__counts_days_from_1970(void **state)
{
    (void)state;
    assert_int_equal(day_of("1970-01-01"), 0);
    assert_int_equal(day_of("1970-01-02"), 1);
    assert_int_equal(day_of("1969-12-31"), -1);
    assert_int_equal(day_of("2022-10-12"), 19277);
}

static void date__parse__accepts_leap_day_of_leap_years(void **state)
{
    (void)state;
    assert_int_equal(day_of("2024-02-29") + 1, day_of("2024-03-01"));
    assert_int_equal(day_of("2000-02-29") + 1, day_of("2000-03-01"));
}

static void date__parse__rejects_days_that_do_not_exist(void **state)
{
    (void)state;
    pb_day day;
    assert_false(pb_date_parse("2023-02-29", &day));
    assert_false(pb_date_parse("1900-02-29", &day));
    assert_false(pb_date_parse("2022-04-31", &day));
    assert_false(pb_date_parse("2022-13-01", &day));
    assert_false(pb_date_parse("2022-00-10", &day));
    assert_false(pb_date_parse("2022-10-00", &day));
    assert_false(pb_date_parse("2022-10-32", &day));
    assert_false(pb_date_parse("0000-01-01", &day));
}

static void date__parse__rejects_other_shapes(void **state)
{
    (void)state;
    pb_day day;
    assert_false(pb_date_parse("", &day));
    assert_false(pb_date_parse("2022-1-12", &day));
    assert_false(pb_date_parse("2022-10-1", &day));
    assert_false(pb_date_parse("2022-10-123", &day));
    assert_false(pb_date_parse("2022-10-12 ", &day));
    assert_false(pb_date_parse(" 2022-10-12", &day));
    assert_false(pb_date_parse("2022/10/12", &day));
    assert_false(pb_date_parse("+022-10-12", &day));
    assert_false(pb_date_parse("2022-1a-12", &day));
    assert_false(pb_date_parse("12-10-2022", &day));
}

static void date__format__writes_iso_date(void **state)
{
    (void)state;
    char buf[11];
    pb_date_format(day_of("2022-10-12"), buf);
    assert_string_equal(buf, "2022-10-12");
    pb_date_format(0, buf);
    assert_string_equal(buf, "1970-01-01");
    pb_date_format(day_of("0001-01-01"), buf);
    assert_string_equal(buf, "0001-01-01");
}

/* Every day from 1800 to 2200 is written as a date that reads back as the
 * same day, and the next day is the next date. */
static void date__format__round_trips_every_day_for_four_centuries(void **state)
{
    (void)state;
    char buf[11];
    pb_day last = day_of("2200-12-31");
    for (pb_day day = day_of("1800-01-01"); day <= last; day++) {
        pb_date_format(day, buf);
        pb_day back = -1;
        assert_true(pb_date_parse(buf, &back));
        assert_int_equal(back, day);
    }
}

static void date__format_long__writes_day_month_year_like_minutes(void **state)
{
    (void)state;
    char buf[32];
    pb_date_format_long(day_of("2022-10-12"), buf, sizeof buf);
    assert_string_equal(buf, "12 October 2022");
    pb_date_format_long(day_of("2023-01-05"), buf, sizeof buf);
    assert_string_equal(buf, "5 January 2023");
    pb_date_format_long(day_of("2024-02-29"), buf, sizeof buf);
    assert_string_equal(buf, "29 February 2024");
}

static void date__weekday__counts_from_monday(void **state)
{
    (void)state;
    assert_int_equal(pb_date_weekday(day_of("2022-10-12")), 2); /* Wednesday */
    assert_int_equal(pb_date_weekday(day_of("2022-10-17")), 0); /* Monday */
    assert_int_equal(pb_date_weekday(day_of("2022-10-16")), 6); /* Sunday */
    assert_int_equal(pb_date_weekday(day_of("1970-01-01")), 3); /* Thursday */
    assert_int_equal(pb_date_weekday(day_of("1969-12-29")), 0); /* Monday, before 1970 */
}

static void date__today__is_pinned_by_environment(void **state)
{
    (void)state;
    char now[32];
    assert_int_equal(setenv("PANELBOARD_TODAY", "2022-10-12", 1), 0);
    assert_int_equal(pb_date_today(), day_of("2022-10-12"));
    /* the history's clock is the real one, to the microsecond */
    pb_now_format(now, sizeof now);
    assert_int_equal(strlen(now), 26);
    assert_true(strncmp(now, "2022-10-12", 10) != 0);
    assert_string_not_equal(now + 11, "00:00:00.000000");
    unsetenv("PANELBOARD_TODAY");
}

/* ---- suggestions ---- */

static const char *const members[] = {"thirkill", "gov-officer", "hussain", "chair"};
static const char *const themes[] = {"housing", "education", "health"};

static void suggest__finds_the_id_a_typo_meant(void **state)
{
    (void)state;
    assert_string_equal(pb_suggest("thirkil", members, 4), "thirkill");
    assert_string_equal(pb_suggest("gov-oficer", members, 4), "gov-officer");
}

static void suggest__counts_swapped_letters_as_one_slip(void **state)
{
    (void)state;
    /* "chiar" would be two edits from "chair" without transpositions, more
     * than a five-letter word allows. */
    assert_string_equal(pb_suggest("chiar", members, 4), "chair");
    assert_string_equal(pb_suggest("huosing", themes, 3), "housing");
}

static void suggest__ignores_letter_case(void **state)
{
    (void)state;
    assert_string_equal(pb_suggest("CHAIR", members, 4), "chair");
    assert_string_equal(pb_suggest("Thirkill", members, 4), "thirkill");
}

static void suggest__returns_null_when_nothing_is_close(void **state)
{
    (void)state;
    assert_null(pb_suggest("zzz", members, 4));
    assert_null(pb_suggest("transport", themes, 3));
    assert_null(pb_suggest("housing", NULL, 0));
}

static void suggest__allows_a_third_of_the_word(void **state)
{
    (void)state;
    static const char *const one[] = {"abcdef"};
    assert_string_equal(pb_suggest("abxyef", one, 1), "abcdef"); /* 2 of 6 */
    assert_null(pb_suggest("axyzef", one, 1));                   /* 3 of 6 */
    static const char *const short_id[] = {"ab"};
    assert_string_equal(pb_suggest("xb", short_id, 1), "ab"); /* at least 1 */
}

static void suggest__measures_characters_not_bytes(void **state)
{
    (void)state;
    static const char *const keys[] = {"ab"};
    /* "äb" is one character away from "ab" though two bytes away. */
    assert_string_equal(pb_suggest("\303\244b", keys, 1), "ab");
}

static void suggest__breaks_ties_with_the_first_candidate(void **state)
{
    (void)state;
    static const char *const pair[] = {"health", "wealth"};
    assert_string_equal(pb_suggest("xealth", pair, 2), "health");
    static const char *const reversed[] = {"wealth", "health"};
    assert_string_equal(pb_suggest("xealth", reversed, 2), "wealth");
}

/* ---- UTF-8 ---- */

static bool valid(const char *s)
{
    return pb_utf8_valid(s, strlen(s));
}

static void utf8__accepts_text_in_any_script(void **state)
{
    (void)state;
    assert_true(valid(""));
    assert_true(valid("Corporate Parenting Panel"));
    assert_true(valid("Caf\xc3\xa9 \xe2\x80\x94 \xd0\x9f\xd1\x80\xd0\xb8"));
    assert_true(valid("\xf0\x9f\x99\x82")); /* U+1F642 */
    assert_true(valid("\xf4\x8f\xbf\xbf")); /* U+10FFFF, the last */
    assert_true(valid("\xee\x80\x80"));     /* U+E000, just past the surrogates */
    assert_true(pb_utf8_valid("a\0b", 3));  /* NUL is a character; callers refuse it */
}

static void utf8__rejects_overlong_forms(void **state)
{
    (void)state;
    assert_false(valid("\xc0\xaf"));
    assert_false(valid("\xc1\xbf"));
    assert_false(valid("\xe0\x80\xaf"));
    assert_false(valid("\xe0\x9f\xbf"));
    assert_false(valid("\xf0\x80\x80\xaf"));
    assert_false(valid("\xf0\x8f\xbf\xbf"));
}

static void utf8__rejects_surrogates_and_values_past_10ffff(void **state)
{
    (void)state;
    assert_false(valid("\xed\xa0\x80")); /* U+D800 */
    assert_false(valid("\xed\xbf\xbf")); /* U+DFFF */
    assert_false(valid("\xf4\x90\x80\x80"));
    assert_false(valid("\xf5\x80\x80\x80"));
    assert_false(valid("\xff"));
}

static void utf8__rejects_truncated_and_stray_bytes(void **state)
{
    (void)state;
    assert_false(valid("\xe2\x82"));
    assert_false(valid("abc\xf0\x9f\x99"));
    assert_false(pb_utf8_valid("\xc3\xa9", 1)); /* cut off by the length given */
    assert_false(valid("\x80"));
    assert_false(valid("a\277b"));
    assert_false(valid("\303a"));
}

static void utf8__length_counts_characters(void **state)
{
    (void)state;
    assert_int_equal(pb_utf8_length("", 0), 0);
    assert_int_equal(pb_utf8_length("panel", 5), 5);
    assert_int_equal(pb_utf8_length("Caf\xc3\xa9", 5), 4);
    assert_int_equal(pb_utf8_length("\xf0\x9f\x99\x82!", 5), 2);
}

/* Found by fuzzing the quick capture: a day before year 0 gave month 0. */
static void date__add_months__stays_a_month_long_before_year_0(void **state)
{
    (void)state;
    for (pb_day day = -800000; day < -800000 + 400; day += 7) {
        pb_day next = pb_date_add_months(day, 1);
        assert_true(next - day >= 28 && next - day <= 31);
        assert_int_equal(pb_date_add_months(next, -1) <= day, true);
    }
    pb_day jan31;
    assert_true(pb_date_parse("2023-01-31", &jan31));
    char out[11];
    pb_date_format(pb_date_add_months(jan31, 1), out);
    assert_string_equal(out, "2023-02-28");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(date__parse__counts_days_from_1970),
        cmocka_unit_test(date__parse__accepts_leap_day_of_leap_years),
        cmocka_unit_test(date__parse__rejects_days_that_do_not_exist),
        cmocka_unit_test(date__parse__rejects_other_shapes),
        cmocka_unit_test(date__format__writes_iso_date),
        cmocka_unit_test(date__format__round_trips_every_day_for_four_centuries),
        cmocka_unit_test(date__format_long__writes_day_month_year_like_minutes),
        cmocka_unit_test(date__weekday__counts_from_monday),
        cmocka_unit_test(date__today__is_pinned_by_environment),
        cmocka_unit_test(suggest__finds_the_id_a_typo_meant),
        cmocka_unit_test(suggest__counts_swapped_letters_as_one_slip),
        cmocka_unit_test(suggest__ignores_letter_case),
        cmocka_unit_test(suggest__returns_null_when_nothing_is_close),
        cmocka_unit_test(suggest__allows_a_third_of_the_word),
        cmocka_unit_test(suggest__measures_characters_not_bytes),
        cmocka_unit_test(suggest__breaks_ties_with_the_first_candidate),
        cmocka_unit_test(utf8__accepts_text_in_any_script),
        cmocka_unit_test(utf8__rejects_overlong_forms),
        cmocka_unit_test(utf8__rejects_surrogates_and_values_past_10ffff),
        cmocka_unit_test(utf8__rejects_truncated_and_stray_bytes),
        cmocka_unit_test(utf8__length_counts_characters),
        cmocka_unit_test(date__add_months__stays_a_month_long_before_year_0),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
