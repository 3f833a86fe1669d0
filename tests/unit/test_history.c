/*
 * test_history.c - earlier summaries: which are kept, the year rows they
 * add, lookups and changes.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history.h"

#define H "period,scope,scope_id,scope_name,code,breakdown,numerator," \
	"denominator,value\n"

static char root[64];

static void put_file(const char *rel, const char *text)
{
	char path[256], dir[256];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	/* mkdir -p of the parent */
	snprintf(dir, sizeof(dir), "%s", path);
	for (char *s = dir + strlen(root) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(dir, 0700);
		*s = '/';
	}
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void rm_tree(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/kadry_hist_XXXXXX");
	assert_non_null(mkdtemp(root));
	/* Same month, one year back: I16 38.2 %, I17 8, I18 with subjects;
	 * the district was called differently then. */
	put_file("2025-12/summary.csv", H
		 "2025-12,district,Старое,Старое,I16,,97,254,38.2\n"
		 "2025-12,district,Старое,Старое,I17,,8,,8\n"
		 "2025-12,district,Старое,Старое,I18,,30,,30\n"
		 "2025-12,district,Старое,Старое,I18,subject:физика,4,,4\n"
		 "2025-12,org,s1,Школа 1,I16,,10,12,83.3\n"
		 "2025-12,org,s1,Школа 1,I17,,2,,2\n"
		 /* Year rows that run itself wrote: never re-keyed. */
		 "2025-12,district,Старое,Старое,I18,year:2024,25,,25\n"
		 "2025-12,district,Старое,Старое,I17,year:2024,5,,5\n");
	/* Two years back, no vacancies file then: I16 no data. */
	put_file("old/2024-12/summary.csv", H
		 "2024-12,district,Старое,Старое,I16,,,,\n"
		 "2024-12,district,Старое,Старое,I17,,5,,5\n"
		 "2024-12,district,Старое,Старое,I18,,25,,25\n");
	/* The interim monitoring of this year. */
	put_file("x/summary.csv", H
		 "2026-07,district,Ленинский,Ленинский,I16,,99,250,39.6\n");
	/* Three years back: not needed, silently ignored. */
	put_file("2023-12/summary.csv", H
		 "2023-12,district,Старое,Старое,I17,,1,,1\n");
	/* A second file for 2025-12: ignored with H020 (byte order of
	 * paths: "2025-12/..." comes before "dup/..."). */
	put_file("dup/summary.csv", H
		 "2025-12,district,Старое,Старое,I17,,99,,99\n");
	/* A broken file: its problems are reported. */
	put_file("bad/summary.csv", "что-то не то\n");
	put_file("notes.txt", "not a summary\n");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rm_tree();
	return 0;
}

static bool has_code(const struct diag_list *dl, const char *code)
{
	for (size_t i = 0; i < dl->n; i++)
		if (!strcmp(dl->v[i].code, code))
			return true;
	return false;
}

static void test_history__load_and_find(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures hist;
	struct diag_list dl;
	struct params p;
	const struct figure *f;
	int per[8];
	(void)state;
	params_default(&p, 2026, 12);
	figures_init(&hist, &a, NULL);
	diag_init(&dl, &a);
	assert_int_equal(history_load(root, &p, &hist, &dl), 3);
	assert_int_equal(history_periods(&hist, per, 8), 3);
	assert_int_equal(per[0], 202412);
	assert_int_equal(per[1], 202512);
	assert_int_equal(per[2], 202607);
	/* Reported: the duplicate (H020) and the broken file (H001, H021);
	 * registered: 2025-12, 2024-12, x, bad, dup = 5 files, not
	 * 2023-12. */
	assert_true(has_code(&dl, "H020"));
	assert_true(has_code(&dl, "H001"));
	assert_true(has_code(&dl, "H021"));
	assert_int_equal(dl.nfiles, 5);
	for (size_t i = 0; i < dl.nfiles; i++)
		assert_null(strstr(dl.files[i].path, "2023-12"));

	assert_true(history_value(&hist, 2025, 12, "I17", NULL, &f));
	assert_int_equal(f->num, 8);            /* not the duplicate's 99 */
	assert_string_equal(f->scope_name, "Старое");
	assert_true(history_value(&hist, 2025, 12, "I18", "subject:физика",
				  &f));
	assert_int_equal(f->num, 4);
	assert_true(history_value(&hist, 2024, 12, "I16", "", &f));
	assert_true(f->nodata);
	assert_int_equal(f->kind, FK_SHARE);
	assert_false(history_value(&hist, 2023, 12, "I17", NULL, &f));
	assert_null(f);
	f = history_find(&hist, 2025, 12, SCOPE_ORG, "s1", "I16", NULL);
	assert_non_null(f);
	assert_int_equal(f->den, 12);
	assert_null(history_find(&hist, 2025, 12, SCOPE_ORG, "s2", "I16",
				 NULL));
	/* District lookups ignore the id (the name changed). */
	assert_non_null(history_find(&hist, 2026, 7, SCOPE_DISTRICT,
				     "Другое", "I16", NULL));
	figures_release(&hist);
	diag_release(&dl);
	arena_release(&a);
}

/* A July run keeps only the two earlier Julys. */
static void test_history__july_run(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures hist;
	struct diag_list dl;
	struct params p;
	(void)state;
	params_default(&p, 2027, 7);
	figures_init(&hist, &a, NULL);
	diag_init(&dl, &a);
	/* Only 2026-07 (x/summary.csv) is a July of 2025 or 2026. */
	assert_int_equal(history_load(root, &p, &hist, &dl), 1);
	assert_false(has_code(&dl, "H020"));
	figures_release(&hist);
	diag_release(&dl);
	arena_release(&a);
}

static void test_history__apply(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures hist, cur;
	struct diag_list dl;
	struct params p;
	const struct figure *f;
	(void)state;
	params_default(&p, 2026, 12);
	figures_init(&hist, &a, NULL);
	figures_init(&cur, &a, p.period);
	diag_init(&dl, &a);
	assert_int_equal(history_load(root, &p, &hist, &dl), 3);
	figures_share(&cur, SCOPE_DISTRICT, "Ленинский", "Ленинский", "I16",
		      NULL, 100, 247);
	figures_count(&cur, SCOPE_DISTRICT, "Ленинский", "Ленинский", "I17",
		      NULL, 5);
	figures_count(&cur, SCOPE_DISTRICT, "Ленинский", "Ленинский", "I18",
		      NULL, 31);
	figures_share(&cur, SCOPE_ORG, "s1", "Школа 1", "I16", NULL, 11, 12);
	figures_count(&cur, SCOPE_ORG, "s2", "Школа 2", "I17", NULL, 1);
	history_apply(&cur, &hist, &p);
	figures_sort(&cur);

	/* I16: 2025 97/254, 2024 no data (carried as no data). */
	f = figures_find(&cur, SCOPE_DISTRICT, "Ленинский", "I16",
			 "year:2025");
	assert_non_null(f);
	assert_int_equal(f->num, 97);
	assert_int_equal(f->den, 254);
	assert_string_equal(f->scope_name, "Ленинский");
	f = figures_find(&cur, SCOPE_DISTRICT, "Ленинский", "I16",
			 "year:2024");
	assert_non_null(f);
	assert_true(f->nodata);
	/* I17: 8 in 2025, 5 in 2024. */
	assert_int_equal(figures_find(&cur, SCOPE_DISTRICT, "Ленинский",
				      "I17", "year:2025")->num, 8);
	assert_int_equal(figures_find(&cur, SCOPE_DISTRICT, "Ленинский",
				      "I17", "year:2024")->num, 5);
	/* I18: the previous year only, total and subject. */
	assert_int_equal(figures_find(&cur, SCOPE_DISTRICT, "Ленинский",
				      "I18", "year:2025")->num, 30);
	assert_int_equal(figures_find(&cur, SCOPE_DISTRICT, "Ленинский",
				      "I18", "year:2025;subject:физика")->num,
			 4);
	assert_null(figures_find(&cur, SCOPE_DISTRICT, "Ленинский", "I18",
				 "year:2024"));
	for (size_t i = 0; i < cur.n; i++)
		assert_null(strstr(cur.v[i].breakdown, ";year:"));
	/* Organizations: s1's I16 2025; s2 not in the history. */
	f = figures_find(&cur, SCOPE_ORG, "s1", "I16", "year:2025");
	assert_non_null(f);
	assert_int_equal(f->num, 10);
	assert_null(figures_find(&cur, SCOPE_ORG, "s1", "I16", "year:2024"));
	assert_null(figures_find(&cur, SCOPE_ORG, "s2", "I17", "year:2025"));
	/* 5 original rows + I16 x2 + I17 x2 + I18 x2 + s1 I16 = 12. */
	assert_int_equal(cur.n, 12);
	/* The July figure is not a year row. */
	assert_null(figures_find(&cur, SCOPE_DISTRICT, "Ленинский", "I16",
				 "year:2026"));
	figures_release(&cur);
	figures_release(&hist);
	diag_release(&dl);
	arena_release(&a);
}

static void test_history__change(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures w;
	char buf[32];
	int64_t d;
	(void)state;
	figures_init(&w, &a, NULL);
	figures_share(&w, SCOPE_DISTRICT, "Р", "", "I16", NULL, 100, 247);
	figures_share(&w, SCOPE_DISTRICT, "Р", "", "I16", "y", 97, 254);
	figures_count(&w, SCOPE_DISTRICT, "Р", "", "I17", NULL, 5);
	figures_count(&w, SCOPE_DISTRICT, "Р", "", "I17", "y", 8);
	figures_nodata(&w, SCOPE_DISTRICT, "Р", "", "I16", "z", FK_SHARE);
	figures_share(&w, SCOPE_DISTRICT, "Р", "", "I16", "q", 0, 0);
	/* 40.5 - 38.2 = +2.3 points; 5 - 8 = -3 persons. */
	assert_true(history_change(&w.v[0], &w.v[1], &d));
	assert_int_equal(d, 23);
	assert_string_equal(history_change_str(&w.v[0], &w.v[1], ',', buf),
			    "+2,3");
	assert_string_equal(history_change_str(&w.v[1], &w.v[0], '.', buf),
			    "-2.3");
	assert_true(history_change(&w.v[2], &w.v[3], &d));
	assert_int_equal(d, -3);
	assert_string_equal(history_change_str(&w.v[2], &w.v[3], ',', buf),
			    "-3");
	assert_string_equal(history_change_str(&w.v[3], &w.v[2], ',', buf),
			    "+3");
	assert_string_equal(history_change_str(&w.v[2], &w.v[2], ',', buf),
			    "0");
	assert_string_equal(history_change_str(&w.v[0], &w.v[0], ',', buf),
			    "0,0");
	/* No value on either side, or different kinds: no change. */
	assert_false(history_change(&w.v[0], &w.v[4], &d));
	assert_false(history_change(&w.v[0], &w.v[5], &d));
	assert_false(history_change(&w.v[0], &w.v[2], &d));
	assert_false(history_change(&w.v[0], NULL, &d));
	assert_string_equal(history_change_str(&w.v[4], &w.v[0], ',', buf),
			    "");
	figures_release(&w);
	arena_release(&a);
}

static void test_history__missing_dir(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures hist;
	struct diag_list dl;
	struct params p;
	char path[128];
	(void)state;
	params_default(&p, 2026, 12);
	figures_init(&hist, &a, NULL);
	diag_init(&dl, &a);
	snprintf(path, sizeof(path), "%s/nope", root);
	assert_int_equal(history_load(path, &p, &hist, &dl), -1);
	snprintf(path, sizeof(path), "%s/notes.txt", root);
	assert_int_equal(history_load(path, &p, &hist, &dl), -1);
	assert_int_equal(hist.n, 0);
	figures_release(&hist);
	diag_release(&dl);
	arena_release(&a);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_history__load_and_find),
		T(test_history__july_run),
		T(test_history__apply),
		T(test_history__change),
		T(test_history__missing_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
