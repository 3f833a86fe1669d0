/*
 * test_diag.c - diagnostics on stderr stay one line each, whatever bytes
 * the values and header cells hold.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Runs fn(dl, out) into a string (caller frees). */
static char *capture(const struct diag_list *dl,
		     void (*fn)(const struct diag_list *, FILE *))
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	assert_non_null(f);
	fn(dl, f);
	fclose(f);
	return buf;
}

static void test_plain_unchanged(void **state)
{
	struct arena a = ARENA_INIT;
	struct diag_list dl;
	(void)state;
	diag_init(&dl, &a);
	int f = diag_file_add(&dl, "school1/кадры.csv", 0);
	diag_add(&dl, f, 7, "Код ОО", SEV_ERROR, "V141", "SCH9",
		 "организация «%s» не найдена", "SCH9");
	diag_add(&dl, f, 0, NULL, SEV_WARNING, "R003", NULL, "tab\there");
	dl.files[f].read = 3;
	dl.files[f].accepted = 2;
	dl.files[f].rejected = 1;
	char *s = capture(&dl, diag_print);
	assert_string_equal(s, "school1/кадры.csv:7: Код ОО: error: V141: "
			    "организация «SCH9» не найдена\n"
			    "school1/кадры.csv: warning: R003: tab\there\n");
	free(s);
	s = capture(&dl, diag_print_table);
	assert_string_equal(s, "school1/кадры.csv: прочитано 3, принято 2, "
			    "отклонено 1, предупреждений 1\n");
	free(s);
	diag_release(&dl);
	arena_release(&a);
}

/*
 * A header cell typed with Alt+Enter, a value holding CRLF, LF, ESC, DEL
 * and the C1 control U+009B (CSI), a path with a line break: each
 * diagnostic is still exactly one line, and the message in the list (what
 * validation.csv writes) is untouched.
 */
static void test_line_breaks_and_controls(void **state)
{
	struct arena a = ARENA_INIT;
	struct diag_list dl;
	(void)state;
	diag_init(&dl, &a);
	int f = diag_file_add(&dl, "a\nb.csv", 0);
	struct diag *d = diag_add(&dl, f, 2, "Дата\nрождения", SEV_ERROR,
				  "V111", NULL, "«SCH\r\n1\r2» \x1b[31m\x7f"
				  "\xc2\x9b!");
	diag_add(&dl, -1, 0, NULL, SEV_ERROR, "V101", NULL, "x\ny");
	char *s = capture(&dl, diag_print);
	assert_string_equal(s, "a↵b.csv:2: Дата↵рождения: error: V111: "
			    "«SCH↵1↵2» \xef\xbf\xbd[31m\xef\xbf\xbd"
			    "\xef\xbf\xbd!\n"
			    "kadry: error: V101: x↵y\n");
	free(s);
	assert_string_equal(d->message, "«SCH\r\n1\r2» \x1b[31m\x7f"
			    "\xc2\x9b!");
	s = capture(&dl, diag_print_table);
	assert_string_equal(s, "a↵b.csv: прочитано 0, принято 0, "
			    "отклонено 0, предупреждений 0\n");
	free(s);
	diag_release(&dl);
	arena_release(&a);
}

/*
 * A file name in Windows-1251 («кадры2.csv» unpacked from a Windows
 * archive): shown with U+FFFD for each of the 5 bad bytes, so that stderr
 * and validation.csv stay UTF-8; a UTF-8 name is kept as it is.
 */
static void test_path_not_utf8(void **state)
{
	struct arena a = ARENA_INIT;
	struct diag_list dl;
	(void)state;
	diag_init(&dl, &a);
	int f = diag_file_add(&dl, "школа/\xea\xe0\xe4\xf0\xfb" "2.csv", 0);
	int g = diag_file_add(&dl, "школа/кадры2.csv", 0);
	assert_string_equal(dl.files[f].path, "школа/\xef\xbf\xbd"
			    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
			    "\xef\xbf\xbd" "2.csv");
	assert_string_equal(dl.files[g].path, "школа/кадры2.csv");
	diag_release(&dl);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_unchanged),
		cmocka_unit_test(test_line_breaks_and_controls),
		cmocka_unit_test(test_path_not_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
