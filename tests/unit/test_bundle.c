/*
 * test_bundle.c - the --bundle ZIP: written, byte-identical twice, listed;
 * an archive of entries in memory (report.docx).
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bundle.h"
#include "output.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/kadry-test-bundle-XXXXXX");
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

static void put(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static const char *const names[] = {
	"summary.csv", "monitoring.xlsx", "report.pdf", "validation.csv"
};

static void make_files(void)
{
	put("summary.csv", "period,scope\n2026-12,district\n");
	put("monitoring.xlsx", "not really a workbook");
	put("report.pdf", "%PDF-1.4 stand-in");
	put("validation.csv", "file,line\n");
}

static void test_bundle__identical_twice(void **state)
{
	char a[128], b[128], ha[65], hb[65];
	(void)state;
	make_files();
	snprintf(a, sizeof(a), "%s/a.zip", root);
	snprintf(b, sizeof(b), "%s/b.zip", root);
	/* 2026-12-21 00:00:00 UTC */
	assert_int_equal(bundle_write(a, root, names, 4, 1797811200), 0);
	/* the second run sees other file times: touch them */
	sleep(1);
	make_files();
	assert_int_equal(bundle_write(b, root, names, 4, 1797811200), 0);
	assert_int_equal(sha256_file(a, ha), 0);
	assert_int_equal(sha256_file(b, hb), 0);
	assert_string_equal(ha, hb);
	/* a different date gives a different archive: the date is in it */
	assert_int_equal(bundle_write(b, root, names, 4, 1797811200 + 86400),
			 0);
	assert_int_equal(sha256_file(b, hb), 0);
	assert_string_not_equal(ha, hb);
}

static void test_bundle__lists_names_in_order(void **state)
{
	char zip[128], cmd[256], line[512];
	int k = 0;
	(void)state;
	make_files();
	snprintf(zip, sizeof(zip), "%s/c.zip", root);
	assert_int_equal(bundle_write(zip, root, names, 4, 1797811200), 0);
	/* unzip -Z1 prints one entry name per line, in archive order */
	snprintf(cmd, sizeof(cmd), "unzip -Z1 '%s'", zip);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		assert_true(k < 4);
		assert_string_equal(line, names[k]);
		k++;
	}
	assert_int_equal(pclose(p), 0);
	assert_int_equal(k, 4);
	/* the date is 21.12.2026 00:00 whatever the local time zone */
	snprintf(cmd, sizeof(cmd), "TZ=Asia/Vladivostok unzip -l '%s' | "
		 "grep -c '2026-12-21 00:00'", zip);
	p = popen(cmd, "r");
	assert_non_null(fgets(line, sizeof(line), p));
	pclose(p);
	assert_int_equal(atoi(line), 4);
	/* the content comes back unchanged */
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' summary.csv", zip);
	p = popen(cmd, "r");
	assert_non_null(fgets(line, sizeof(line), p));
	pclose(p);
	assert_string_equal(line, "period,scope\n");
}

static void test_bundle__missing_file_no_archive(void **state)
{
	char zip[128];
	const char *bad[] = { "summary.csv", "нет-такого.pdf" };
	(void)state;
	make_files();
	snprintf(zip, sizeof(zip), "%s/d.zip", root);
	assert_int_equal(bundle_write(zip, root, bad, 2, 1797811200), -1);
	assert_int_not_equal(access(zip, F_OK), 0);
}

/* Entries from memory: in the order given, with the fixed date. */
static void test_bundle__from_memory(void **state)
{
	static const struct bundle_entry e[] = {
		{ "[Content_Types].xml", "<Types/>", 8 },
		{ "word/document.xml", "<w:document/>", 13 },
		{ "empty.xml", NULL, 0 },
	};
	char zip[128], cmd[256], line[512];
	FILE *p;
	(void)state;
	snprintf(zip, sizeof(zip), "%s/m.zip", root);
	assert_int_equal(bundle_write_mem(zip, e, 3, 1797811200), 0);
	snprintf(cmd, sizeof(cmd), "TZ=Asia/Vladivostok unzip -l '%s' | "
		 "awk '/2026-12-21 00:00/ {printf \"%%s,\", $4}'", zip);
	p = popen(cmd, "r");
	assert_non_null(fgets(line, sizeof(line), p));
	pclose(p);
	assert_string_equal(line, "[Content_Types].xml,word/document.xml,"
			    "empty.xml,");
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' word/document.xml", zip);
	p = popen(cmd, "r");
	assert_non_null(fgets(line, sizeof(line), p));
	pclose(p);
	assert_string_equal(line, "<w:document/>");
	/* an unwritable place: -1, said on stderr */
	assert_int_equal(bundle_write_mem("/nonexistent-dir/m.zip", e, 3, 0),
			 -1);
}

static void test_bundle__name(void **state)
{
	char buf[128];
	(void)state;
	assert_string_equal(bundle_name("Ленинский муниципальный район",
					"2026-12", buf, sizeof(buf)),
			    "Ленинский муниципальный район_2026-12.zip");
	assert_string_equal(bundle_name("г. Волжский: округ/город", "2026-07",
					buf, sizeof(buf)),
			    "г. Волжский_ округ_город_2026-07.zip");
	assert_null(bundle_name("Ленинский", "2026-12", buf, 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bundle__identical_twice),
		cmocka_unit_test(test_bundle__lists_names_in_order),
		cmocka_unit_test(test_bundle__missing_file_no_archive),
		cmocka_unit_test(test_bundle__from_memory),
		cmocka_unit_test(test_bundle__name),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
