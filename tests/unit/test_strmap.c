/*
 * test_strmap.c - the string map: get/put, overwrite, short (inline) and
 * long keys, keys that share a long prefix, and growth.
 */
#include "kadry_test.h"

#include <stdio.h>

#include "strmap.h"

static void test_get_put(void **state)
{
	struct strmap m = STRMAP_INIT;
	(void)state;

	assert_int_equal(strmap_get(&m, "a"), -1);      /* empty map */
	assert_int_equal(strmap_put(&m, "a", 1), -1);   /* new key */
	assert_int_equal(strmap_put(&m, "", 7), -1);    /* empty key */
	assert_int_equal(strmap_get(&m, "a"), 1);
	assert_int_equal(strmap_get(&m, ""), 7);
	assert_int_equal(strmap_put(&m, "a", 2), 1);    /* old value back */
	assert_int_equal(strmap_get(&m, "a"), 2);
	assert_int_equal(strmap_get(&m, "b"), -1);
	assert_int_equal(m.n, 2);
	strmap_release(&m);
	assert_int_equal(m.n, 0);
	assert_int_equal(strmap_get(&m, "a"), -1);
}

static void test_long_keys(void **state)
{
	/* 15 bytes live in the slot, 16 and more are compared in place */
	static const char *const k[] = {
		"123456789012345", "1234567890123456",
		"12345678901234567", "общеобразовательная школа № 1",
		"общеобразовательная школа № 2",
	};
	struct strmap m = STRMAP_INIT;
	(void)state;

	for (int i = 0; i < 5; i++)
		assert_int_equal(strmap_put(&m, k[i], i * 10), -1);
	for (int i = 0; i < 5; i++)
		assert_int_equal(strmap_get(&m, k[i]), i * 10);
	/* a copy at another address finds the same entry */
	char copy[64];
	snprintf(copy, sizeof(copy), "%s", k[4]);
	assert_int_equal(strmap_get(&m, copy), 40);
	assert_int_equal(strmap_get(&m, "общеобразовательная школа № 3"),
			 -1);
	assert_int_equal(strmap_get(&m, "12345678901234"), -1);
	strmap_release(&m);
}

static void test_growth(void **state)
{
	/* 300,000 SNILS-like and long keys: the table doubles from 64
	   slots 14 times (the last tables, 16 MiB and more, on huge pages)
	   and every key keeps its value */
	enum { N = 300000 };
	static char keys[N][24];
	struct strmap m = STRMAP_INIT;
	(void)state;

	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), i % 2 ? "%011d" :
			 "long-key-number-%d", i * 7);
		assert_int_equal(strmap_put(&m, keys[i], i), -1);
	}
	assert_int_equal(m.n, N);
	assert_true(m.cap >= 2 * N);
	for (int i = 0; i < N; i++) {
		char q[24];
		snprintf(q, sizeof(q), i % 2 ? "%011d" : "long-key-number-%d",
			 i * 7);
		assert_int_equal(strmap_get(&m, q), i);
	}
	assert_int_equal(strmap_get(&m, "00000000001"), -1);
	strmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_put),
		cmocka_unit_test(test_long_keys),
		cmocka_unit_test(test_growth),
	};
	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
