/*
 * test_field_fast.c - the fast paths of field_date (ДД.ММ.ГГГГ) and
 * field_snils («123-456-789 01», 11 digits) give what the patterns give:
 * the same values, and near misses still go to the patterns.
 */
#include "field.h"

#include <string.h>

#include "date.h"
#include "kadry_test.h"

static void test_date(void **state)
{
	kdate d = 0;
	bool serial = true;
	(void)state;

	assert_int_equal(field_date("05.11.2026", &d, &serial, NULL),
			 FIELD_OK);
	assert_int_equal(d, date_from_ymd(2026, 11, 5));
	assert_false(serial);
	/* surrounding blanks, then the same fast shape */
	assert_int_equal(field_date(" 29.02.2024\xC2\xA0", &d, NULL, NULL),
			 FIELD_OK);
	assert_int_equal(d, date_from_ymd(2024, 2, 29));
	/* fast shape, impossible day or month: the calendar check */
	assert_int_equal(field_date("29.02.2026", &d, NULL, NULL), FIELD_BAD);
	assert_int_equal(field_date("01.13.2026", &d, NULL, NULL), FIELD_BAD);
	assert_int_equal(field_date("00.01.2026", &d, NULL, NULL), FIELD_BAD);
	/* other shapes go to the patterns */
	assert_int_equal(field_date("5.1.2026", &d, NULL, NULL), FIELD_OK);
	assert_int_equal(d, date_from_ymd(2026, 1, 5));
	assert_int_equal(field_date("05.11.2026 10:30", &d, NULL, NULL),
			 FIELD_OK);
	assert_int_equal(d, date_from_ymd(2026, 11, 5));
	assert_int_equal(field_date("2026-11-05", &d, NULL, NULL), FIELD_OK);
	assert_int_equal(d, date_from_ymd(2026, 11, 5));
	/* ten characters with dots in place but a letter: not a date */
	assert_int_equal(field_date("05.11.20a6", &d, NULL, NULL), FIELD_BAD);
	assert_int_equal(field_date("05/11/2026", &d, NULL, NULL), FIELD_BAD);
}

static void test_snils(void **state)
{
	char out[12];
	(void)state;

	/*
	 * 112-233-445 95: 1*9 + 1*8 + 2*7 + 2*6 + 3*5 + 3*4 + 4*3 + 4*2 +
	 * 5*1 = 95, below 100: the check number is 95.
	 */
	assert_int_equal(field_snils("112-233-445 95", out, NULL), FIELD_OK);
	assert_string_equal(out, "11223344595");
	assert_int_equal(field_snils("11223344595", out, NULL), FIELD_OK);
	assert_string_equal(out, "11223344595");
	assert_int_equal(field_snils("112-233-445 96", out, NULL),
			 FIELD_BAD_CHECKSUM);
	assert_int_equal(field_snils("1122334459a", out, NULL), FIELD_BAD);
	/* other separators: the pattern */
	assert_int_equal(field_snils("112 233 445 95", out, NULL), FIELD_OK);
	assert_string_equal(out, "11223344595");
	assert_int_equal(field_snils("112-233-44595", out, NULL), FIELD_OK);
	assert_int_equal(field_snils("112-233-445-95", out, NULL), FIELD_OK);
	assert_int_equal(field_snils("112-233-445 9", out, NULL), FIELD_BAD);
	assert_int_equal(field_snils("112_233_445 95", out, NULL), FIELD_BAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_snils),
	};
	field_init();
	return cmocka_run_group_tests_name("field_fast", tests, NULL, NULL);
}
