/*
 * test_figures.c - exact percents, lookup and value strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "figures.h"

static void test_figures__percent_half_away_from_zero(void **state)
{
	(void)state;
	/* 100/247 = 40.4858… -> 40.5 (the seed's "40,4" is a truncation) */
	assert_int_equal(percent_tenths(100, 247), 405);
	/* 156/247 = 63.157… -> 63.2; 47/247 = 19.028… -> 19.0 */
	assert_int_equal(percent_tenths(156, 247), 632);
	assert_int_equal(percent_tenths(47, 247), 190);
	/* exact halves round up: 1/16 = 6.25 -> 6.3; 1/8 = 12.5 -> 12.5 */
	assert_int_equal(percent_tenths(1, 16), 63);
	assert_int_equal(percent_tenths(1, 8), 125);
	/* 1/3 = 33.33 -> 33.3; 2/3 = 66.67 -> 66.7; 0 and 100 */
	assert_int_equal(percent_tenths(1, 3), 333);
	assert_int_equal(percent_tenths(2, 3), 667);
	assert_int_equal(percent_tenths(0, 5), 0);
	assert_int_equal(percent_tenths(5, 5), 1000);
	/* negative half: -1/16 = -6.25 -> -6.3 (away from zero) */
	assert_int_equal(percent_tenths(-1, 16), -63);
}

static void test_figures__values_and_nodata(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures fs;
	char buf[32];
	(void)state;

	figures_init(&fs, &a, "2026-12");
	figures_share(&fs, SCOPE_DISTRICT, "Р", "Р", "I01", NULL, 100, 247);
	figures_share(&fs, SCOPE_ORG, "sch1", "Школа", "I01", NULL, 0, 0);
	figures_count(&fs, SCOPE_DISTRICT, "Р", "Р", "K.need", NULL, 15);
	figures_nodata(&fs, SCOPE_DISTRICT, "Р", "Р", "I03", NULL, FK_SHARE);
	figures_sort(&fs);

	const struct figure *f = figures_find(&fs, SCOPE_DISTRICT, "Р", "I01", "");
	assert_non_null(f);
	assert_string_equal(figure_value_str(f, '.', buf), "40.5");
	assert_string_equal(figure_value_str(f, ',', buf), "40,5");
	f = figures_find(&fs, SCOPE_ORG, "sch1", "I01", NULL);
	assert_non_null(f);
	assert_string_equal(figure_value_str(f, '.', buf), "");
	f = figures_find(&fs, SCOPE_DISTRICT, "Р", "K.need", NULL);
	assert_string_equal(figure_value_str(f, '.', buf), "15");
	f = figures_find(&fs, SCOPE_DISTRICT, "Р", "I03", NULL);
	assert_true(f->nodata);
	assert_string_equal(figure_value_str(f, '.', buf), "");
	assert_null(figures_find(&fs, SCOPE_DISTRICT, "Р", "I02", NULL));
	/* sorted as summary.csv: district rows first, codes bytewise */
	assert_string_equal(fs.v[0].code, "I01");
	assert_string_equal(fs.v[1].code, "I03");
	assert_string_equal(fs.v[2].code, "K.need");
	assert_int_equal(fs.v[3].scope, SCOPE_ORG);
	assert_string_equal(tenths_str(-30, ',', buf), "-3,0");
	assert_string_equal(tenths_str(-5, '.', buf), "-0.5");
	figures_release(&fs);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures__percent_half_away_from_zero),
		cmocka_unit_test(test_figures__values_and_nodata),
	};
	return cmocka_run_group_tests_name("figures", tests, NULL, NULL);
}
