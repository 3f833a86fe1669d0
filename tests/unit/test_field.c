/*
 * test_field.c - the cell parsers of field.c on good, bad and boundary values.
 */
#include "field.h"

#include <stdlib.h>
#include <string.h>

#include "kadry_test.h"

static int setup(void **state)
{
	field_init();
	field_init();           /* idempotent */
	return 0;
}

static int teardown(void **state)
{
	field_release();
	return 0;
}

/* Parses s as a date that must be accepted; returns it as YYYYMMDD. */
static int date_ok(const char *s, bool want_serial)
{
	kdate d = KDATE_NONE;
	bool serial = !want_serial;
	const char *ex = "unset";
	assert_int_equal(field_date(s, &d, &serial, &ex), FIELD_OK);
	assert_null(ex);
	assert_int_equal(serial, want_serial);
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return y * 10000 + m * 100 + dd;
}

static const char *date_bad(const char *s)
{
	kdate d = 12345;
	bool serial;
	const char *ex = NULL;
	assert_int_equal(field_date(s, &d, &serial, &ex), FIELD_BAD);
	assert_non_null(ex);
	assert_int_equal(d, 12345);     /* untouched */
	return ex;
}

static void test_date_forms(void **state)
{
	assert_int_equal(date_ok("01.02.2024", false), 20240201);
	assert_int_equal(date_ok("1.2.2024", false), 20240201);
	assert_int_equal(date_ok("2024-02-01", false), 20240201);
	assert_int_equal(date_ok("  15.03.2023\xC2\xA0", false), 20230315);
	/* spreadsheets append a midnight time */
	assert_int_equal(date_ok("01.09.2025 0:00:00", false), 20250901);
	assert_int_equal(date_ok("2025-09-01 00:00", false), 20250901);
	assert_int_equal(date_ok("31.12.1999", false), 19991231);
}

static void test_date_calendar(void **state)
{
	/* 2024 is a leap year (divisible by 4, not by 100); 2023 is not */
	assert_int_equal(date_ok("29.02.2024", false), 20240229);
	assert_string_equal(date_bad("29.02.2023"),
			    "существующая дата в виде ДД.ММ.ГГГГ или "
			    "ГГГГ-ММ-ДД");
	date_bad("31.02.2024");
	date_bad("31.04.2024");         /* April has 30 days */
	assert_int_equal(date_ok("30.04.2024", false), 20240430);
	date_bad("00.01.2024");
	date_bad("01.13.2024");
	date_bad("2024-02-30");
	/* 2000 is leap (divisible by 400), 1900 is not */
	assert_int_equal(date_ok("29.02.2000", false), 20000229);
	date_bad("29.02.1900");
}

static void test_date_bad_forms(void **state)
{
	assert_string_equal(date_bad("01.02.24"),
			    "дата с годом из четырёх цифр: ДД.ММ.ГГГГ или "
			    "ГГГГ-ММ-ДД");
	date_bad("1.2.24");
	assert_string_equal(date_bad("вчера"),
			    "дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД");
	date_bad("01/02/2024");
	date_bad("01.02.2024г");
	date_bad("01.02.2024\n5");
	date_bad("001.02.2024");
	date_bad("24-02-01");
	date_bad("2024.02.01");
	date_bad("1234");

	kdate d;
	bool serial = true;
	const char *ex = "x";
	assert_int_equal(field_date("", &d, &serial, &ex), FIELD_EMPTY);
	assert_false(serial);
	assert_int_equal(field_date(" \t", &d, &serial, &ex), FIELD_EMPTY);
}

static void test_date_serial(void **state)
{
	/* Excel serial 45000 is 15.03.2023 (Excel shows it so) */
	assert_int_equal(date_ok("45000", true), 20230315);
	/* 44927 is 01.01.2023: 45000 - 73 days (31 Jan + 28 Feb + 14) */
	assert_int_equal(date_ok("44927", true), 20230101);
	/* boundaries of the accepted range */
	assert_int_equal(date_ok("20000", true), 19541003);
	assert_int_equal(date_ok("80000", true), 21190111);
	date_bad("19999");
	date_bad("80001");
	date_bad("450000");
	date_bad("4500");
}

static fix_t number_ok(const char *s)
{
	fix_t v = FIX_NONE;
	const char *ex = "unset";
	assert_int_equal(field_number(s, &v, &ex), FIELD_OK);
	assert_null(ex);
	return v;
}

static const char *number_bad(const char *s)
{
	fix_t v = 77;
	const char *ex = NULL;
	assert_int_equal(field_number(s, &v, &ex), FIELD_BAD);
	assert_int_equal(v, 77);
	assert_non_null(ex);
	return ex;
}

static void test_number(void **state)
{
	assert_int_equal(number_ok("12"), 12000);
	assert_int_equal(number_ok("12,5"), 12500);
	assert_int_equal(number_ok("12.5"), 12500);
	assert_int_equal(number_ok("0,125"), 125);
	assert_int_equal(number_ok("1 234,5"), 1234500);
	assert_int_equal(number_ok("1\xC2\xA0" "234,5"), 1234500);
	assert_int_equal(number_ok("1\xE2\x80\xAF" "234"), 1234000);
	assert_int_equal(number_ok("1 000 000"), 1000000000);
	assert_int_equal(number_ok("-0,5"), -500);
	assert_int_equal(number_ok("+7"), 7000);
	assert_int_equal(number_ok("\xE2\x88\x92" "2"), -2000);  /* U+2212 */
	assert_int_equal(number_ok("007"), 7000);
	/* trailing zeros beyond thousandths lose nothing */
	assert_int_equal(number_ok("12,3450"), 12345);
	assert_int_equal(number_ok(" 3,25 "), 3250);
	/* 12 significant digits are the limit */
	assert_int_equal(number_ok("999999999999"), 999999999999000LL);

	assert_string_equal(number_bad("1,2,3"), "число, например 12,5");
	number_bad("12abc");
	number_bad("abc");
	number_bad("1.234,5");
	number_bad("1234 567");         /* groups of three only */
	number_bad("12 34");
	number_bad(",5");
	number_bad("5,");
	number_bad("-");
	number_bad("--5");
	number_bad("1e5");
	number_bad("1000000000000");    /* 13 digits */
	assert_string_equal(number_bad("12,3456"),
			    "число не более чем с тремя знаками после "
			    "запятой, например 12,5");

	fix_t v;
	const char *ex;
	assert_int_equal(field_number("", &v, &ex), FIELD_EMPTY);
	assert_int_equal(field_number("\xC2\xA0", &v, &ex), FIELD_EMPTY);
}

static void test_integer(void **state)
{
	long long v = 0;
	const char *ex;
	assert_int_equal(field_integer("12", &v, &ex), FIELD_OK);
	assert_int_equal(v, 12);
	assert_int_equal(field_integer("1 000", &v, &ex), FIELD_OK);
	assert_int_equal(v, 1000);
	assert_int_equal(field_integer("12,00", &v, &ex), FIELD_OK);
	assert_int_equal(v, 12);
	assert_int_equal(field_integer("-3", &v, &ex), FIELD_OK);
	assert_int_equal(v, -3);
	v = 5;
	assert_int_equal(field_integer("12,5", &v, &ex), FIELD_BAD);
	assert_string_equal(ex, "целое число, например 12");
	assert_int_equal(field_integer("12,0001", &v, &ex), FIELD_BAD);
	assert_int_equal(field_integer("два", &v, &ex), FIELD_BAD);
	assert_int_equal(v, 5);
	assert_int_equal(field_integer("", &v, &ex), FIELD_EMPTY);
	/* 9 digits at most: an 18-digit count overflowed the vacancy sums
	   and their tenths (UBSan, case 916) */
	assert_int_equal(field_integer("999 999 999", &v, &ex), FIELD_OK);
	assert_int_equal(v, 999999999);
	assert_int_equal(field_integer("0001000", &v, &ex), FIELD_OK);
	assert_int_equal(v, 1000);
	assert_int_equal(field_integer("1000000000", &v, &ex), FIELD_BAD);
	assert_int_equal(field_integer("999999999999999999", &v, &ex),
			 FIELD_BAD);
}

static void test_yesno(void **state)
{
	static const char *const yes[] = {
		"да", "Да", "ДА", "Д", "+", "1", "yes", "YES", "y", "true",
		"True", "ИСТИНА", " да ", "Да."
	};
	static const char *const no[] = {
		"нет", "НЕТ", "н", "-", "0", "no", "No", "N", "false",
		"FALSE", "ложь",
		"\xE2\x80\x94"  /* an em dash in the cell */
	};
	bool v;
	const char *ex;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		v = false;
		assert_int_equal(field_yesno(yes[i], &v, &ex), FIELD_OK);
		assert_true(v);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		v = true;
		assert_int_equal(field_yesno(no[i], &v, &ex), FIELD_OK);
		assert_false(v);
	}
	assert_int_equal(field_yesno("", &v, &ex), FIELD_EMPTY);
	assert_int_equal(field_yesno("может быть", &v, &ex), FIELD_BAD);
	assert_string_equal(ex, "да или нет");
	assert_int_equal(field_yesno("2", &v, &ex), FIELD_BAD);
	assert_int_equal(field_yesno("даа", &v, &ex), FIELD_BAD);
	assert_int_equal(field_yesno("очень длинный ответ да", &v, &ex),
			 FIELD_BAD);
}

static void test_snils_checksum(void **state)
{
	/* 112233445: 1*9+1*8+2*7+2*6+3*5+3*4+4*3+4*2+5*1 = 95 -> 95 */
	assert_int_equal(snils_checksum("112233445"), 95);
	/* 112233466: 9+8+14+12+15+12+12+6*2+6*1 = 100 -> 00 */
	assert_int_equal(snils_checksum("112233466"), 0);
	/* 112233467: 100 + 1 = 101 -> 00 */
	assert_int_equal(snils_checksum("112233467"), 0);
	/* 999999999: 9*45 = 405; 405 mod 101 = 1 -> 01 */
	assert_int_equal(snils_checksum("999999999"), 1);
	/* 996100000: 9*9+8*9+7*6+6*1 = 201; 201 mod 101 = 100 -> 00 */
	assert_int_equal(snils_checksum("996100000"), 0);
	/* 112233455: as 112233445 with d8 4 -> 5 (weight 2): 95 + 2 = 97 */
	assert_int_equal(snils_checksum("112233455"), 97);
	/* 123456789: 9+16+21+24+25+24+21+16+9 = 165; 165 - 101 = 64 */
	assert_int_equal(snils_checksum("123456789"), 64);
}

static enum field_status snils(const char *s, char out[12])
{
	const char *ex = NULL;
	enum field_status st = field_snils(s, out, &ex);
	if (st == FIELD_OK || st == FIELD_EMPTY)
		assert_null(ex);
	else
		assert_non_null(ex);
	return st;
}

static void test_snils(void **state)
{
	char d[12];
	assert_int_equal(snils("112-233-445 95", d), FIELD_OK);
	assert_string_equal(d, "11223344595");
	assert_int_equal(snils("11223344595", d), FIELD_OK);
	assert_int_equal(snils("112 233 445 95", d), FIELD_OK);
	assert_int_equal(snils("112-233-445-95", d), FIELD_OK);
	assert_int_equal(snils(" 112-233-445 95 ", d), FIELD_OK);
	assert_int_equal(snils("112-233-466 00", d), FIELD_OK);
	assert_int_equal(snils("112-233-467 00", d), FIELD_OK);
	assert_int_equal(snils("999-999-999 01", d), FIELD_OK);
	assert_int_equal(snils("996-100-000 00", d), FIELD_OK);
	assert_int_equal(snils("123-456-789 64", d), FIELD_OK);

	assert_int_equal(snils("112-233-445 96", d), FIELD_BAD_CHECKSUM);
	assert_string_equal(d, "11223344596");
	/* S = 100 and 101 give 00, never 100 or 01 */
	assert_int_equal(snils("112-233-466 01", d), FIELD_BAD_CHECKSUM);
	assert_int_equal(snils("112-233-467 01", d), FIELD_BAD_CHECKSUM);
	/* 201 mod 101 = 100, read as 00 */
	assert_int_equal(snils("996-100-000 99", d), FIELD_BAD_CHECKSUM);

	/*
	 * Up to 001-001-998 the check number is not checked: 001001998 sums
	 * to 1*7+1*4+9*3+9*2+8*1 = 64, yet 00 passes.
	 */
	assert_int_equal(snils("001-001-998 00", d), FIELD_OK);
	assert_int_equal(snils("000-000-000 00", d), FIELD_OK);
	/* 001-001-999: sum 65, checked, 00 is wrong and 65 right */
	assert_int_equal(snils("001-001-999 00", d), FIELD_BAD_CHECKSUM);
	assert_int_equal(snils("001-001-999 65", d), FIELD_OK);

	const char *ex;
	assert_int_equal(field_snils("112-233-445 9", d, &ex), FIELD_BAD);
	assert_string_equal(ex, "СНИЛС в виде 123-456-789 01 или 11 цифр");
	assert_int_equal(snils("1122334459", d), FIELD_BAD);
	assert_int_equal(snils("112233445955", d), FIELD_BAD);
	assert_int_equal(snils("112--233-445 95", d), FIELD_BAD);
	assert_int_equal(snils("112-233-445 9a", d), FIELD_BAD);
	assert_int_equal(snils("СНИЛС 11223344595", d), FIELD_BAD);
	assert_int_equal(snils("", d), FIELD_EMPTY);
}

static void test_org_id(void **state)
{
	const char *ex;
	assert_int_equal(field_org_id("sch-1", &ex), FIELD_OK);
	assert_int_equal(field_org_id("Школа_12", &ex), FIELD_OK);
	assert_int_equal(field_org_id("МБОУ.СОШ-5", &ex), FIELD_OK);
	assert_int_equal(field_org_id("1", &ex), FIELD_OK);
	assert_int_equal(field_org_id("ёЁ", &ex), FIELD_OK);
	/* 32 characters, Cyrillic (64 bytes) */
	assert_int_equal(field_org_id("ЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯ",
				      &ex), FIELD_OK);
	assert_int_equal(field_org_id("abcdefghijabcdefghijabcdefghijab",
				      &ex), FIELD_OK);
	assert_int_equal(field_org_id("abcdefghijabcdefghijabcdefghijabc",
				      &ex), FIELD_BAD);
	assert_string_equal(ex, "код из 1–32 букв, цифр, «.», «_», «-», "
			    "начинающийся с буквы или цифры");
	assert_int_equal(field_org_id("ЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯЯ",
				      &ex), FIELD_BAD);
	assert_int_equal(field_org_id("_a", &ex), FIELD_BAD);
	assert_int_equal(field_org_id("-a", &ex), FIELD_BAD);
	assert_int_equal(field_org_id("a b", &ex), FIELD_BAD);
	assert_int_equal(field_org_id("a/b", &ex), FIELD_BAD);
	assert_int_equal(field_org_id("\xCE\xB1", &ex), FIELD_BAD); /* α */
	assert_int_equal(field_org_id("a\xD0", &ex), FIELD_BAD);
	assert_int_equal(field_org_id("a\n", &ex), FIELD_OK);  /* trimmed */
	assert_int_equal(field_org_id("", &ex), FIELD_EMPTY);
}

static void test_trim(void **state)
{
	char out[32];
	assert_string_equal(field_trim("  a b \t\xC2\xA0", out, sizeof(out)),
			    "a b");
	assert_string_equal(field_trim("\xC2\xA0\xC2\xA0", out, sizeof(out)),
			    "");
	assert_string_equal(field_trim("abc", out, sizeof(out)), "abc");
	/* "ёж" is 4 bytes: 3 fit, the cut backs off to the whole "ё" */
	assert_string_equal(field_trim("ёж", out, 4), "ё");
	assert_string_equal(field_trim("abcdef", out, 4), "abc");
	/* in place */
	strcpy(out, "  xy  ");
	assert_string_equal(field_trim(out, out, sizeof(out)), "xy");
}

static void test_split(void **state)
{
	struct arena a = ARENA_INIT;
	const char **parts;
	int n = field_split("математика, физика / химия", ",/", &a, &parts);
	assert_int_equal(n, 3);
	assert_string_equal(parts[0], "математика");
	assert_string_equal(parts[1], "физика");
	assert_string_equal(parts[2], "химия");
	n = field_split(" , ,\xC2\xA0, ", ",", &a, &parts);
	assert_int_equal(n, 0);
	assert_null(parts);
	assert_int_equal(field_split("", ",", &a, &parts), 0);
	n = field_split("одна", ",/", &a, &parts);
	assert_int_equal(n, 1);
	assert_string_equal(parts[0], "одна");
	n = field_split(",,a,,b,", ",", &a, &parts);
	assert_int_equal(n, 2);
	assert_string_equal(parts[1], "b");
	arena_release(&a);
}

static void test_reinit(void **state)
{
	kdate d;
	bool serial;
	const char *ex;
	field_release();
	field_release();        /* twice is harmless */
	/* a parser after release compiles the patterns again */
	assert_int_equal(field_date("1.2.2024", &d, &serial, &ex), FIELD_OK);
	assert_int_equal(d, date_from_ymd(2024, 2, 1));
	field_init();
	assert_int_equal(field_date("1.2.24", &d, &serial, &ex), FIELD_BAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_forms),
		cmocka_unit_test(test_date_calendar),
		cmocka_unit_test(test_date_bad_forms),
		cmocka_unit_test(test_date_serial),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_integer),
		cmocka_unit_test(test_yesno),
		cmocka_unit_test(test_snils_checksum),
		cmocka_unit_test(test_snils),
		cmocka_unit_test(test_org_id),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_reinit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
