/*
 * test_blanks.c - the blank forms: files, sheets, notes, validations and
 * the CSV templates' headers, read back from the written bytes.
 */
#include "kadry_test.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blanks.h"
#include "model.h"
#include "output.h"
#include "schema.h"
#include "validate.h"

static char root[64];

static int setup(void **state)
{
	(void)state;
	strcpy(root, "/tmp/kadry-test-blanks-XXXXXX");
	if (!mkdtemp(root))
		return -1;
	/* 2026-12-21 00:00 UTC */
	return blanks_write(root, 1797811200);
}

static int teardown(void **state)
{
	char cmd[128];
	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd);
}

/* One member of a workbook, via unzip -p, as a malloc'd string. */
static char *member(const char *file, const char *name)
{
	char cmd[512];
	size_t n = 0, cap = 1 << 16;
	char *buf = malloc(cap);
	FILE *p;

	snprintf(cmd, sizeof(cmd), "unzip -p '%s/%s' '%s'", root, file, name);
	p = popen(cmd, "r");
	assert_non_null(p);
	for (size_t k; (k = fread(buf + n, 1, cap - n - 1, p)) > 0;) {
		n += k;
		if (n + 1 == cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	assert_int_equal(pclose(p), 0);
	return buf;
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

static void test_blanks__twelve_files_recognised(void **state)
{
	char path[256];
	(void)state;
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		snprintf(path, sizeof(path), "%s/%s.xlsx", root,
			 blanks_name(k));
		assert_int_equal(access(path, F_OK), 0);
		snprintf(path, sizeof(path), "%s.csv", blanks_name(k));
		/* the name tells `kadry check` the kind */
		assert_int_equal(validate_kind_from_name(path), k);
	}
	/* no temporary left behind */
	snprintf(path, sizeof(path), "ls -A '%s' | grep -c tmp", root);
	FILE *p = popen(path, "r");
	char line[16];
	assert_non_null(fgets(line, sizeof(line), p));
	pclose(p);
	assert_int_equal(atoi(line), 0);
}

static void test_blanks__staff_form(void **state)
{
	(void)state;
	char *wb = member("кадры.xlsx", "xl/workbook.xml");
	/* the form first, the value lists on a hidden sheet */
	assert_non_null(strstr(wb, "<sheet name=\"Кадры\" sheetId=\"1\""));
	assert_non_null(strstr(wb, "<sheet name=\"Списки\" sheetId=\"2\" "
			       "state=\"hidden\""));
	free(wb);

	char *ws = member("кадры.xlsx", "xl/worksheets/sheet1.xml");
	/*
	 * Staff has 20 columns; all but ФИО (free text) are validated:
	 * 7 yes/no, 5 enumerations (пол, должность, занятость,
	 * образование, категория), 1 subject list, 2 dates, 2 numbers,
	 * SNILS and org code lengths = 19.
	 */
	assert_non_null(strstr(ws, "<dataValidations count=\"19\">"));
	assert_int_equal(count(ws, "<formula1>\"да,нет\"</formula1>"), 7);
	assert_int_equal(count(ws, "type=\"date\""), 2);
	assert_int_equal(count(ws, "type=\"decimal\""), 2);
	assert_int_equal(count(ws, "type=\"textLength\""), 2);
	/* lists from the hidden sheet (no inline Cyrillic list) */
	assert_int_equal(count(ws, "<formula1>'Списки'!$"), 6);
	/* experience 0..76, load 0..60 */
	assert_non_null(strstr(ws, "sqref=\"K2:K5001\"><formula1>0</formula1>"
			       "<formula2>76</formula2>"));
	/* header frozen */
	assert_non_null(strstr(ws, "<pane ySplit=\"1\" topLeftCell=\"A2\" "
			       "activePane=\"bottomLeft\" "
			       "state=\"frozen\"/>"));
	free(ws);

	/* positions: 17 values in column B of «Списки», B2:B18 */
	char *sst = member("кадры.xlsx", "xl/sharedStrings.xml");
	assert_non_null(strstr(sst, "<t>учитель</t>"));
	assert_non_null(strstr(sst, "<t>концертмейстер</t>"));
	assert_non_null(strstr(sst, "<t>СНИЛС*</t>"));
	assert_non_null(strstr(sst, "<t>ФИО</t>"));
	free(sst);
	ws = member("кадры.xlsx", "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(ws, "<formula1>'Списки'!$B$2:$B$18"
			       "</formula1>"));
	free(ws);

	/* one note per column, saying type and requiredness */
	char *cm = member("кадры.xlsx", "xl/comments1.xml");
	assert_int_equal(count(cm, "<comment ref="), CS__COUNT);
	assert_non_null(strstr(cm, "Тип: дата"));
	assert_non_null(strstr(cm, "Обязательный столбец"));
	assert_non_null(strstr(cm, "Значения: «высшая», «первая»"));
	free(cm);
}

static void test_blanks__deterministic(void **state)
{
	char again[96], a[256], b[256], ha[65], hb[65];
	(void)state;
	snprintf(again, sizeof(again), "%s/again", root);
	assert_int_equal(blanks_write(again, 1797811200), 0);
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		snprintf(a, sizeof(a), "%s/%s.xlsx", root, blanks_name(k));
		snprintf(b, sizeof(b), "%s/%s.xlsx", again, blanks_name(k));
		assert_int_equal(sha256_file(a, ha), 0);
		assert_int_equal(sha256_file(b, hb), 0);
		assert_string_equal(ha, hb);
	}
}

/* The CSV template: Windows-1251, ';', CRLF, the schema's labels. */
static void test_blanks__csv_headers(void **state)
{
	(void)state;
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		char path[256], raw[1024], utf[2048], want[2048] = "";
		int n;
		const struct column *c = schema_for(k, &n);
		snprintf(path, sizeof(path), "%s/%s.csv", root,
			 blanks_name(k));
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		size_t len = fread(raw, 1, sizeof(raw) - 1, f);
		fclose(f);
		raw[len] = '\0';
		assert_true(len > 2);
		assert_memory_equal(raw + len - 2, "\r\n", 2);
		/* «С» of СНИЛС / «К» of Код is one byte in Windows-1251 */
		assert_true((unsigned char)raw[0] == 0xD1 ||
			    (unsigned char)raw[0] == 0xCA);
		iconv_t cd = iconv_open("UTF-8", "CP1251");
		char *ip = raw, *op = utf;
		size_t il = len, ol = sizeof(utf) - 1;
		assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
		iconv_close(cd);
		*op = '\0';
		for (int i = 0; i < n; i++) {
			if (i)
				strcat(want, ";");
			strcat(want, c[i].label);
			if (c[i].required)
				strcat(want, "*");
		}
		strcat(want, "\r\n");
		assert_string_equal(utf, want);
		/* and every header cell finds its column again */
		char *save, *cell = strtok_r(utf, ";\r\n", &save);
		for (int i = 0; cell; i++, cell = strtok_r(NULL, ";\r\n",
							    &save))
			assert_int_equal(schema_find(k, cell), i);
	}
}

static void test_blanks__unwritable_folder(void **state)
{
	(void)state;
	assert_int_equal(blanks_write("/proc/kadry-blanks", 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blanks__twelve_files_recognised),
		cmocka_unit_test(test_blanks__staff_form),
		cmocka_unit_test(test_blanks__deterministic),
		cmocka_unit_test(test_blanks__csv_headers),
		cmocka_unit_test(test_blanks__unwritable_folder),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
