/*
 * test_csv_write.c - RFC 4180 fields as kadry writes them: quoted only
 * when they hold a comma, a quote or a line break, quotes doubled.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"

/* The field as written, in a static buffer. */
static const char *put(const char *s)
{
	static char buf[256];
	FILE *f;

	memset(buf, 0, sizeof(buf));
	f = fmemopen(buf, sizeof(buf) - 1, "w");
	assert_non_null(f);
	csv_put_field(f, s);
	fclose(f);
	return buf;
}

static void test_csv_write__quoting(void **state)
{
	(void)state;
	assert_string_equal(put("I01"), "I01");
	assert_string_equal(put(""), "");
	assert_string_equal(put(NULL), "");
	assert_string_equal(put("Ленинский район"), "Ленинский район");
	/* a semicolon is not our separator: left bare */
	assert_string_equal(put("a;b"), "a;b");
	assert_string_equal(put("1,5"), "\"1,5\"");
	assert_string_equal(put("школа «Ромашка»"), "школа «Ромашка»");
	assert_string_equal(put("МБОУ \"СШ 1\""), "\"МБОУ \"\"СШ 1\"\"\"");
	assert_string_equal(put("две\nстроки"), "\"две\nстроки\"");
	assert_string_equal(put("cr\r"), "\"cr\r\"");
	assert_string_equal(put("\""), "\"\"\"\"");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_write__quoting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
