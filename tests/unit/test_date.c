/*
 * test_date.c - calendar arithmetic: ages, windows, Excel serials.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "date.h"
#include "params.h"

static void test_date__roundtrip_and_epoch(void **state)
{
	int y, m, d;
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2);
	for (kdate t = -800000; t < 800000; t += 997) {
		date_to_ymd(t, &y, &m, &d);
		assert_int_equal(date_from_ymd(y, m, d), t);
	}
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_false(date_valid_ymd(2023, 2, 29));
	assert_false(date_valid_ymd(1900, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
}

static void test_date__age_on_birthday(void **state)
{
	kdate asof = date_from_ymd(2026, 12, 31);
	(void)state;
	/* born 31.12.1991: 35 on the as-of date itself (not young) */
	assert_int_equal(date_age(date_from_ymd(1991, 12, 31), asof), 35);
	/* born 01.01.1992: still 34 */
	assert_int_equal(date_age(date_from_ymd(1992, 1, 1), asof), 34);
	/* born 29.02.2008: 18 only from 01.03.2026 in a common year */
	assert_int_equal(date_age(date_from_ymd(2008, 2, 29),
				  date_from_ymd(2026, 2, 28)), 17);
	assert_int_equal(date_age(date_from_ymd(2008, 2, 29),
				  date_from_ymd(2026, 3, 1)), 18);
}

static void test_date__window_and_period(void **state)
{
	struct params p;
	char buf[16];
	(void)state;
	params_default(&p, 2026, 12);
	assert_string_equal(date_format(p.asof, buf), "31.12.2026");
	assert_string_equal(date_format(p.window_start, buf), "01.01.2024");
	assert_string_equal(p.period, "2026-12");
	params_default(&p, 2026, 7);
	assert_string_equal(date_format(p.asof, buf), "31.07.2026");
	assert_string_equal(date_format(p.window_start, buf), "01.08.2023");
	params_default(&p, 2024, 2);
	assert_string_equal(date_format(p.asof, buf), "29.02.2024");
	assert_string_equal(date_format(date_add_months(date_from_ymd(2024, 1, 31), 1), buf),
			    "29.02.2024");
}

static void test_date__excel_serial(void **state)
{
	char buf[16];
	(void)state;
	/* Excel: 1 = 01.01.1900, 61 = 01.03.1900, 45000 = 15.03.2023 */
	assert_string_equal(date_format(date_from_excel(1), buf), "01.01.1900");
	assert_string_equal(date_format(date_from_excel(61), buf), "01.03.1900");
	assert_string_equal(date_format(date_from_excel(45000), buf), "15.03.2023");
	assert_string_equal(date_format(KDATE_NONE, buf), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date__roundtrip_and_epoch),
		cmocka_unit_test(test_date__age_on_birthday),
		cmocka_unit_test(test_date__window_and_period),
		cmocka_unit_test(test_date__excel_serial),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
