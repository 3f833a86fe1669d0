/*
 * test_ru_plural.c - Russian agreement of nouns with numbers, case by
 * case as a Russian reader would write them.
 */
#include "kadry_test.h"

#include <stdint.h>
#include <string.h>

#include "ru_plural.h"

/* «учитель» after n: one / few / many. */
static const char *t(int64_t n)
{
	return ru_plural(n, "учитель", "учителя", "учителей");
}

static void test_ru_plural__forms(void **state)
{
	(void)state;
	assert_string_equal(t(0), "учителей");
	assert_string_equal(t(1), "учитель");
	assert_string_equal(t(2), "учителя");
	assert_string_equal(t(3), "учителя");
	assert_string_equal(t(4), "учителя");
	assert_string_equal(t(5), "учителей");
	assert_string_equal(t(10), "учителей");
	/* 11-14 whatever their last digit */
	assert_string_equal(t(11), "учителей");
	assert_string_equal(t(12), "учителей");
	assert_string_equal(t(13), "учителей");
	assert_string_equal(t(14), "учителей");
	assert_string_equal(t(15), "учителей");
	assert_string_equal(t(20), "учителей");
	assert_string_equal(t(21), "учитель");
	assert_string_equal(t(22), "учителя");
	assert_string_equal(t(24), "учителя");
	assert_string_equal(t(25), "учителей");
	assert_string_equal(t(100), "учителей");
	assert_string_equal(t(101), "учитель");
	assert_string_equal(t(102), "учителя");
	/* 111-114: the last two digits, not the last one */
	assert_string_equal(t(111), "учителей");
	assert_string_equal(t(112), "учителей");
	assert_string_equal(t(114), "учителей");
	assert_string_equal(t(121), "учитель");
	assert_string_equal(t(1001), "учитель");
	assert_string_equal(t(1011), "учителей");
	assert_string_equal(t(1000000), "учителей");
	/* negative numbers by their absolute value */
	assert_string_equal(t(-1), "учитель");
	assert_string_equal(t(-3), "учителя");
	assert_string_equal(t(-12), "учителей");
	assert_string_equal(t(INT64_MIN), "учителей");  /* ...808, no overflow */
	assert_string_equal(t(INT64_MAX), "учителей");  /* ...807 */
}

static void test_ru_plural__singular_verb(void **state)
{
	(void)state;
	/* «работает 21 учитель», «работают 22 учителя», «работают 11» */
	assert_true(ru_singular(1));
	assert_true(ru_singular(21));
	assert_true(ru_singular(101));
	assert_false(ru_singular(0));
	assert_false(ru_singular(2));
	assert_false(ru_singular(11));
	assert_false(ru_singular(111));
	assert_false(ru_singular(25));
}

static void test_ru_plural__persons(void **state)
{
	char buf[64];
	(void)state;
	assert_string_equal(ru_persons(1, buf), "1 человек");
	assert_string_equal(ru_persons(2, buf), "2 человека");
	assert_string_equal(ru_persons(5, buf), "5 человек");
	assert_string_equal(ru_persons(12, buf), "12 человек");
	assert_string_equal(ru_persons(22, buf), "22 человека");
	assert_string_equal(ru_persons(156, buf), "156 человек");
	assert_string_equal(ru_persons(0, buf), "0 человек");
}

static void test_ru_plural__percent(void **state)
{
	char buf[64];
	(void)state;
	/* a fraction: always «процента» */
	assert_string_equal(ru_percent(632, true, buf), "63,2 процента");
	assert_string_equal(ru_percent(632, false, buf), "63,2 процента");
	assert_string_equal(ru_percent(11, false, buf), "1,1 процента");
	assert_string_equal(ru_percent(5, false, buf), "0,5 процента");
	/* with decimal, a whole number keeps its «,0» */
	assert_string_equal(ru_percent(190, true, buf), "19,0 процента");
	assert_string_equal(ru_percent(10, true, buf), "1,0 процента");
	/* whole numbers agree */
	assert_string_equal(ru_percent(10, false, buf), "1 процент");
	assert_string_equal(ru_percent(30, false, buf), "3 процента");
	assert_string_equal(ru_percent(50, false, buf), "5 процентов");
	assert_string_equal(ru_percent(110, false, buf), "11 процентов");
	assert_string_equal(ru_percent(190, false, buf), "19 процентов");
	assert_string_equal(ru_percent(210, false, buf), "21 процент");
	assert_string_equal(ru_percent(220, false, buf), "22 процента");
	assert_string_equal(ru_percent(1000, false, buf), "100 процентов");
	assert_string_equal(ru_percent(0, false, buf), "0 процентов");
	/* a fall: the sign before the number */
	assert_string_equal(ru_percent(-25, true, buf), "-2,5 процента");
	assert_string_equal(ru_percent(-20, false, buf), "-2 процента");
}

static void test_ru_plural__months(void **state)
{
	(void)state;
	assert_string_equal(ru_month(1), "январь");
	assert_string_equal(ru_month(7), "июль");
	assert_string_equal(ru_month(12), "декабрь");
	assert_string_equal(ru_month(0), "");
	assert_string_equal(ru_month(13), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ru_plural__forms),
		cmocka_unit_test(test_ru_plural__singular_verb),
		cmocka_unit_test(test_ru_plural__persons),
		cmocka_unit_test(test_ru_plural__percent),
		cmocka_unit_test(test_ru_plural__months),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
