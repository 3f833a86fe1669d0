/*
 * test_errno_ru.c - the Russian texts of system errors, and strerror's
 * text for the rare ones the table does not hold.
 */
#include "kadry_test.h"

#include <errno.h>
#include <string.h>

#include "errno_ru.h"

static void test_errno_ru__texts(void **state)
{
	(void)state;
	assert_string_equal(errno_ru(ENOENT), "нет такого файла или папки");
	assert_string_equal(errno_ru(EACCES), "нет прав доступа");
	assert_string_equal(errno_ru(EPERM), "нет прав доступа");
	assert_string_equal(errno_ru(ENOSPC), "нет места на диске");
	assert_string_equal(errno_ru(EISDIR), "это папка, а не файл");
	/* not in the table: the C library's own text */
	assert_string_equal(errno_ru(EXDEV), strerror(EXDEV));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errno_ru__texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
