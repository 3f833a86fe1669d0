/*
 * test_summary.c - summary.csv: exact bytes out, round trip, and every
 * kind of bad row diagnosed and skipped.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

static struct arena A;
static struct figures fs;
static struct diag_list dl;
static int file;

static int setup(void **state)
{
	(void)state;
	memset(&A, 0, sizeof(A));
	figures_init(&fs, &A, NULL);
	diag_init(&dl, &A);
	file = diag_file_add(&dl, "summary.csv", 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	figures_release(&fs);
	diag_release(&dl);
	arena_release(&A);
	return 0;
}

static char *write_mem(const struct figures *f, size_t *len)
{
	char *buf = NULL;
	FILE *m = open_memstream(&buf, len);
	assert_int_equal(summary_write(f, m), 0);
	fclose(m);
	return buf;
}

static int read_str(const char *s)
{
	return summary_read_mem(s, strlen(s), file, &fs, &dl);
}

/* The diagnostic with code at line, or NULL. */
static const struct diag *find_diag(const char *code, long line)
{
	for (size_t i = 0; i < dl.n; i++)
		if (!strcmp(dl.v[i].code, code) && dl.v[i].line == line)
			return &dl.v[i];
	return NULL;
}

static void want_diag(const char *code, long line)
{
	if (!find_diag(code, line)) {
		for (size_t i = 0; i < dl.n; i++)
			printf("  %ld %s %s\n", dl.v[i].line, dl.v[i].code,
			       dl.v[i].message);
		fail_msg("no %s at line %ld", code, line);
	}
}

static void test_summary__write_exact(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures w;
	size_t len;
	(void)state;
	figures_init(&w, &a, "2026-12");
	/* Added out of order: the writer sorts. */
	figures_count(&w, SCOPE_ORG, "s1", "Школа \"Ромашка\", филиал",
		      "M.beginners", NULL, 3);
	figures_count(&w, SCOPE_DISTRICT, "Р", "Р", "K.need", NULL, 15);
	figures_nodata(&w, SCOPE_DISTRICT, "Р", "Р", "I03", NULL, FK_SHARE);
	figures_share(&w, SCOPE_DISTRICT, "Р", "Р", "I01", "subject:физика",
		      0, 0);
	figures_share(&w, SCOPE_DISTRICT, "Р", "Р", "I01", NULL, 100, 247);
	figures_nodata(&w, SCOPE_DISTRICT, "Р", "Р", "I17", "year:2025",
		       FK_COUNT);
	char *out = write_mem(&w, &len);
	assert_string_equal(out,
		"period,scope,scope_id,scope_name,code,breakdown,numerator,"
		"denominator,value\n"
		"2026-12,district,Р,Р,I01,,100,247,40.5\n"
		"2026-12,district,Р,Р,I01,subject:физика,0,0,\n"
		"2026-12,district,Р,Р,I03,,,,\n"
		"2026-12,district,Р,Р,I17,year:2025,,,\n"
		"2026-12,district,Р,Р,K.need,,15,,15\n"
		"2026-12,org,s1,\"Школа \"\"Ромашка\"\", филиал\",M.beginners,"
		",3,,3\n");
	/* The figures themselves were not reordered. */
	assert_string_equal(w.v[0].code, "M.beginners");
	free(out);
	figures_release(&w);
	arena_release(&a);
}

/* Write, read back, write again: identical bytes, identical figures. */
static void test_summary__round_trip(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures w;
	size_t len, len2;
	(void)state;
	figures_init(&w, &a, "2025-07");
	figures_share(&w, SCOPE_DISTRICT, "Р", "Р", "I01", NULL, 156, 247);
	figures_share(&w, SCOPE_DISTRICT, "Р", "Р", "I01", "subject:x,y",
		      1, 3);
	figures_share(&w, SCOPE_ORG, "s\"1", "", "I02", NULL, 0, 0);
	figures_count(&w, SCOPE_REGION, "Обл", "", "K.need", NULL, 0);
	figures_nodata(&w, SCOPE_ORG, "s2", "Ш\nколоа", "I16", NULL,
		       FK_SHARE);
	figures_nodata(&w, SCOPE_ORG, "s2", "", "I17", NULL, FK_COUNT);
	figures_count(&w, SCOPE_ORG, "s2", "", "I03.status", NULL, 1);
	char *out = write_mem(&w, &len);
	assert_int_equal(read_str(out), 7);
	assert_int_equal(dl.n, 0);
	assert_string_equal(fs.period, "2025-07");
	assert_int_equal(dl.files[file].read, 7);
	assert_int_equal(dl.files[file].accepted, 7);
	char *out2 = write_mem(&fs, &len2);
	assert_string_equal(out, out2);
	figures_sort(&fs);
	const struct figure *f = figures_find(&fs, SCOPE_ORG, "s2", "I16",
					      NULL);
	assert_non_null(f);
	assert_true(f->nodata);
	assert_int_equal(f->kind, FK_SHARE);    /* from the catalogue */
	assert_string_equal(f->scope_name, "Ш\nколоа");
	f = figures_find(&fs, SCOPE_DISTRICT, "Р", "I01", "subject:x,y");
	assert_int_equal(f->num, 1);
	assert_int_equal(f->den, 3);
	free(out);
	free(out2);
	figures_release(&w);
	arena_release(&a);
}

#define H "period,scope,scope_id,scope_name,code,breakdown,numerator," \
	"denominator,value\n"

static void test_summary__bad_rows(void **state)
{
	(void)state;
	const char *in = H
		"2026-12,district,Р,Р,I01,,100,247,40.5\n"      /* 2 good */
		"2026-13,district,Р,Р,I02,,1,2,50.0\n"          /* 3 H003 */
		"2025-12,district,Р,Р,I02,,1,2,50.0\n"          /* 4 H004 */
		"2026-12,city,Р,Р,I02,,1,2,50.0\n"              /* 5 H005 */
		"2026-12,district,Р,Р,,,1,2,50.0\n"             /* 6 H006 */
		"2026-12,district,Р,Р,I02,,1.5,2,75.0\n"        /* 7 H007 */
		"2026-12,district,Р,Р,I02,,1,2,abc\n"           /* 8 H008 */
		"2026-12,district,Р,Р,I02,,100,247,40.4\n"      /* 9 H009 */
		"2026-12,district,Р,Р,K.need,,15,,16\n"         /* 10 H010 */
		"2026-12,district,Р,Р,I02,,,2,\n"               /* 11 H011 */
		"2026-12,district,Р,Р,I02,,3,2,150.0\n"         /* 12 H012 */
		"2026-12,district,Р,Р,I17,,3,5,60.0\n"          /* 13 H013 */
		"2026-12,district,Р,Р,I01,,100,247,40.5\n"      /* 14 H014 */
		"2026-12,district,Р,Р,I05,,1,2,50.0,x,y\n"      /* 15 H002 */
		"2026-12,district,Р,Р,I06,,0,0,0.0\n"           /* 16 H009 */
		"2026-12,district,Р,Р,I02,,-1,2,-50.0\n"        /* 17 H007 */
		"2026-12,district,Р,Р,I02,,1,2,\n"              /* 18 H009 */
		"2026-12,district,Р,Р,I03,,,,5\n"               /* 19 H011 */
		"2026-12,district,Р,Р,I02,,1,2,50.00\n"         /* 20 good */
		"2026-12,region,Обл,,I02,,0,0,\n"               /* 21 good */
		"2026-12,district,,Р,I02,,1,2,50.0\n"           /* 22 H006 */
		"2026-12,district,Р,Р,I04,,,,\n"                /* 23 good */
		"2026-12,district,Р,\001,I05,,1,2,50.0\n";       /* 24 H016 */
	assert_int_equal(read_str(in), 4);
	assert_string_equal(fs.period, "2026-12");
	want_diag("H003", 3);
	want_diag("H004", 4);
	want_diag("H005", 5);
	want_diag("H006", 6);
	want_diag("H007", 7);
	want_diag("H008", 8);
	want_diag("H009", 9);
	want_diag("H010", 10);
	want_diag("H011", 11);
	want_diag("H012", 12);
	want_diag("H013", 13);
	want_diag("H014", 14);
	want_diag("H002", 15);
	want_diag("H009", 16);
	want_diag("H007", 17);
	want_diag("H009", 18);
	want_diag("H011", 19);
	want_diag("H006", 22);
	want_diag("H016", 24);
	assert_null(find_diag("H009", 20));
	/* The duplicate is a warning, the rest errors. */
	assert_int_equal(find_diag("H014", 14)->sev, SEV_WARNING);
	assert_int_equal(find_diag("H009", 9)->sev, SEV_ERROR);
	assert_string_equal(find_diag("H009", 9)->value, "40.4");
	assert_int_equal(dl.files[file].read, 23);
	assert_int_equal(dl.files[file].accepted, 4);
	assert_int_equal(dl.files[file].rejected, 19);
	figures_sort(&fs);
	const struct figure *f = figures_find(&fs, SCOPE_DISTRICT, "Р", "I02",
					      NULL);
	assert_non_null(f);
	assert_int_equal(f->num, 1);
	assert_non_null(figures_find(&fs, SCOPE_REGION, "Обл", "I02", NULL));
	assert_true(figures_find(&fs, SCOPE_DISTRICT, "Р", "I04", NULL)
		    ->nodata);
}

static void test_summary__bad_header(void **state)
{
	(void)state;
	assert_int_equal(read_str("period;scope;scope_id;scope_name;code;"
				  "breakdown;numerator;denominator;value\n"
				  "2026-12;district;Р;Р;I01;;1;2;50.0\n"), 0);
	want_diag("H001", 1);
	assert_true(dl.files[file].file_error);
	assert_int_equal(fs.n, 0);
}

static void test_summary__header_order(void **state)
{
	(void)state;
	assert_int_equal(read_str("scope,period,scope_id,scope_name,code,"
				  "breakdown,numerator,denominator,value\n"
				  "district,2026-12,Р,Р,I01,,1,2,50.0\n"), 0);
	want_diag("H001", 1);
	assert_int_equal(fs.n, 0);
}

static void test_summary__empty_and_header_only(void **state)
{
	(void)state;
	assert_int_equal(read_str(""), 0);
	want_diag("H001", 0);
	dl.n = 0;
	dl.files[file].file_error = false;
	assert_int_equal(read_str(H), 0);
	want_diag("H015", 0);
	assert_false(dl.files[file].file_error);
}

/* A broken record (quote) is counted as read and rejected. */
static void test_summary__broken_quote(void **state)
{
	(void)state;
	assert_int_equal(read_str(H
		"2026-12,district,Р,Р,I01,,1,2,50.0\n"
		"2026-12,district,Р,\"Р\"x,I02,,1,2,50.0\n"
		"2026-12,district,Р,Р,I03,,1,4,25.0\n"), 2);
	assert_int_equal(dl.files[file].rejected, 1);
	assert_true(dl.errors >= 1);
}

/* A preset period: rows of another period are refused. */
static void test_summary__preset_period(void **state)
{
	(void)state;
	fs.period = "2026-07";
	assert_int_equal(read_str(H
		"2026-12,district,Р,Р,I01,,1,2,50.0\n"), 0);
	want_diag("H004", 2);
}

static void test_summary__file(void **state)
{
	char path[] = "/tmp/kadry_summary_XXXXXX";
	int fd = mkstemp(path);
	(void)state;
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fputs(H "2026-12,district,Р,Р,I01,,1,2,50.0\r\n", f);
	fclose(f);
	assert_int_equal(summary_read_file(path, file, &fs, &dl), 1);
	remove(path);
	assert_int_equal(summary_read_file("/nonexistent/summary.csv", file,
					   &fs, &dl), -1);
	assert_true(dl.files[file].file_error);
}

static void test_summary__codes_table(void **state)
{
	(void)state;
	size_t n = 0;
	for (; summary_codes[n].code; n++) {
		assert_int_equal(strlen(summary_codes[n].code), 4);
		assert_int_equal(summary_codes[n].code[0], 'H');
		assert_true(*summary_codes[n].what);
	}
	assert_true(n >= 15);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_summary__write_exact),
		T(test_summary__round_trip),
		T(test_summary__bad_rows),
		T(test_summary__bad_header),
		T(test_summary__header_order),
		T(test_summary__empty_and_header_only),
		T(test_summary__broken_quote),
		T(test_summary__preset_period),
		T(test_summary__file),
		T(test_summary__codes_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
