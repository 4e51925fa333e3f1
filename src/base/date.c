/*
 * Calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), their two written forms, and "today", which the environment
 * can pin so that tests and meeting preparation do not depend on the clock.
 */
#include <panelboard/base.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Four-digit years only, so that every day has a 10-character form. */
#define FIRST_YEAR 1
#define LAST_YEAR  9999

static const char *const month_names[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Howard Hinnant's days_from_civil: exact for every proleptic Gregorian
 * date, without going through time_t or the time zone. */
static pb_day days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (pb_day)(era * 146097 + doe - 719468);
}

static void civil_from_days(pb_day day, int *year, int *month, int *mday)
{
    int z = day + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *mday = doy - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (*month <= 2);
}

/* Out-of-range day numbers can only come from arithmetic gone far astray;
 * clamping keeps the written form well-formed instead of overrunning buf. */
static void civil_clamped(pb_day day, int *year, int *month, int *mday)
{
    pb_day first = days_from_civil(FIRST_YEAR, 1, 1);
    pb_day last = days_from_civil(LAST_YEAR, 12, 31);
    civil_from_days(day < first ? first : day > last ? last : day, year, month, mday);
}

bool pb_date_valid(pb_day day)
{
    return day >= days_from_civil(FIRST_YEAR, 1, 1) && day <= days_from_civil(LAST_YEAR, 12, 31);
}

static bool read_digits(const char *s, int n, int *out)
{
    int value = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    *out = value;
    return true;
}

bool pb_date_parse(const char *s, pb_day *out)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    if (!read_digits(s, 4, &y) || !read_digits(s + 5, 2, &m) || !read_digits(s + 8, 2, &d))
        return false;
    if (y < FIRST_YEAR || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *out = days_from_civil(y, m, d);
    return true;
}

void pb_date_format(pb_day day, char *buf)
{
    int y, m, d;
    civil_clamped(day, &y, &m, &d);
    /* Unsigned and reduced, so that the compiler can see the 10 characters
     * that clamping already guarantees (-O3 otherwise warns of truncation). */
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

/* Month names are spelled out here rather than by strftime, because the
 * dashboard sets the locale for wide characters and the minutes are English
 * whatever the locale says. */
void pb_date_format_long(pb_day day, char *buf, size_t size)
{
    int y, m, d;
    civil_clamped(day, &y, &m, &d);
    snprintf(buf, size, "%d %s %d", d, month_names[m - 1], y);
}

int pb_date_weekday(pb_day day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int r = (int)(day % 7);
    return (r + 7 + 3) % 7;
}

pb_day pb_date_add_months(pb_day day, int months)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    /* months counted from year 0, divided rounding down, so that a day
     * before year 0 still lands in a month from 1 to 12 */
    long index = (long)y * 12 + (m - 1) + months;
    long year = index >= 0 ? index / 12 : -((-index + 11) / 12);
    y = (int)year;
    m = (int)(index - year * 12) + 1;
    int last = days_in_month(y, m);
    return days_from_civil(y, m, d < last ? d : last);
}

/* The pinned date, when PANELBOARD_TODAY holds a valid one; an invalid value
 * is ignored rather than half-trusted. */
static bool pinned_today(pb_day *out)
{
    const char *pin = getenv("PANELBOARD_TODAY");
    return pin && pb_date_parse(pin, out);
}

pb_day pb_date_today(void)
{
    pb_day day;
    if (pinned_today(&day))
        return day;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* Never pinned: the history's clock says when a change was really made,
 * whatever day the panel is told it is. */
void pb_now_format(char *buf, size_t size)
{
    if (size == 0)
        return;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct tm tm;
    gmtime_r(&now.tv_sec, &tm);
    char seconds[24];
    if (strftime(seconds, sizeof seconds, "%Y-%m-%d %H:%M:%S", &tm) == 0)
        seconds[0] = '\0';
    snprintf(buf, size, "%s.%06ld", seconds, (long)(now.tv_nsec / 1000) % 1000000);
}
