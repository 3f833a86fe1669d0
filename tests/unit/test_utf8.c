/*
 * test_utf8.c - UTF-8 validity (RFC 3629's rejections by hand) and the
 * writers' repair with U+FFFD.
 */
#include "kadry_test.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static void test_utf8__valid(void **state)
{
	(void)state;
	assert_true(utf8_valid("abc", 3));
	assert_true(utf8_valid("ёж", strlen("ёж")));
	assert_true(utf8_valid("\xF0\x9F\x98\x80", 4));         /* U+1F600 */
	assert_true(utf8_valid("", 0));
	assert_false(utf8_valid("\xC0\xAF", 2));        /* overlong '/' */
	assert_false(utf8_valid("\xE0\x80\xAF", 3));    /* overlong */
	assert_false(utf8_valid("\xED\xA0\x80", 3));    /* surrogate */
	assert_false(utf8_valid("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
	assert_false(utf8_valid("\xD0", 1));            /* cut short */
	assert_false(utf8_valid("\xD0\x90", 1));        /* cut by n */
	assert_false(utf8_valid("\x80", 1));
	assert_false(utf8_valid("\xFF", 1));
	/* Windows-1251 «Иван» is not UTF-8 */
	assert_false(utf8_valid("\xC8\xE2\xE0\xED", 4));
}

static void test_utf8__clean(void **state)
{
	char *buf = NULL;
	size_t sz = 0;
	(void)state;
	/* valid text comes back as the same pointer, no copy */
	const char *ok = "Код ОО";
	assert_ptr_equal(utf8_clean(ok, 100, &buf, &sz), ok);
	assert_string_equal(utf8_clean(NULL, 100, &buf, &sz), "");
	/* a stray Windows-1251 byte (0xCA, «К») becomes U+FFFD */
	assert_string_equal(utf8_clean("A\xCA;", 100, &buf, &sz),
			    "A\xEF\xBF\xBD;");
	/* a truncated 2-byte sequence at the end */
	assert_string_equal(utf8_clean("Б\xD0", 100, &buf, &sz),
			    "Б\xEF\xBF\xBD");
	/* over max bytes: cut at a character boundary (4 = «АБ») */
	assert_string_equal(utf8_clean("АБВ", 4, &buf, &sz), "АБ");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8__valid),
		cmocka_unit_test(test_utf8__clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
