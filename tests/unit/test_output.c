/*
 * test_output.c - the period folder: atomic renames, --force, SHA256SUMS.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/kadry-test-output-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static bool exists(const char *rel)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	return access(path, F_OK) == 0;
}

static void test_output__nothing_visible_before_commit(void **state)
{
	bool ex;
	(void)state;
	struct output *o = output_begin(root, "2026-12", false, &ex);
	assert_non_null(o);
	FILE *f = output_open(o, "summary.csv", true);
	fputs("abc", f);
	assert_int_equal(output_close(f, "summary.csv"), 0);
	f = output_open(o, "personal/lists.xlsx", false);
	fputs("x", f);
	output_close(f, "lists");
	assert_false(exists("2026-12/summary.csv"));
	assert_int_equal(output_commit(o), 0);
	output_end(o);
	assert_true(exists("2026-12/summary.csv"));
	assert_true(exists("2026-12/personal/lists.xlsx"));

	/* SHA-256("abc") is the FIPS 180-2 example value */
	char path[256], line[256];
	snprintf(path, sizeof(path), "%s/2026-12/SHA256SUMS", root);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	assert_string_equal(line, "ba7816bf8f01cfea414140de5dae2223"
			    "b00361a396177a9cb410ff61f20015ad  summary.csv\n");
	/* personal/ is not covered */
	assert_null(fgets(line, sizeof(line), f));
	fclose(f);
}

static void test_output__refuses_existing_without_force(void **state)
{
	bool ex;
	(void)state;
	struct output *o = output_begin(root, "2026-12", false, &ex);
	assert_null(o);
	assert_true(ex);
	o = output_begin(root, "2026-12", true, &ex);
	assert_non_null(o);
	/* an abandoned run leaves no temporary behind */
	FILE *f = output_open(o, "report.pdf", true);
	fputs("partial", f);
	fclose(f);
	output_end(o);
	assert_false(exists("2026-12/report.pdf"));
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "ls -A '%s/2026-12' | grep -q tmp", root);
	assert_int_not_equal(system(cmd), 0);
}

static void test_output__folder_replaces_stale_files(void **state)
{
	bool ex;
	char path[256];
	(void)state;
	for (int run = 0; run < 2; run++) {
		struct output *o = output_begin(root, "2025-07", true, &ex);
		const char *dir = output_tmpdir(o, "personal/returns");
		snprintf(path, sizeof(path), "%s/%s.xlsx", dir,
			 run == 0 ? "old" : "new");
		FILE *f = fopen(path, "w");
		fputs("x", f);
		fclose(f);
		assert_int_equal(output_commit(o), 0);
		output_end(o);
	}
	assert_true(exists("2025-07/personal/returns/new.xlsx"));
	assert_false(exists("2025-07/personal/returns/old.xlsx"));
}

static void test_output__unwritable_root(void **state)
{
	bool ex;
	(void)state;
	char ro[128];
	/* A regular file where the folder should be: unwritable even as root. */
	snprintf(ro, sizeof(ro), "%s/ro", root);
	FILE *f = fopen(ro, "w");
	fclose(f);
	assert_null(output_begin(ro, "2026-12", false, &ex));
	assert_false(ex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output__nothing_visible_before_commit),
		cmocka_unit_test(test_output__refuses_existing_without_force),
		cmocka_unit_test(test_output__folder_replaces_stale_files),
		cmocka_unit_test(test_output__unwritable_root),
	};
	return cmocka_run_group_tests_name("output", tests, setup, teardown);
}
