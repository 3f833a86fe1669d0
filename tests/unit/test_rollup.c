/*
 * test_rollup.c - the regional roll-up: sums checked by hand, rejected
 * files and rows with their diagnostics, and the whole `kadry rollup` run
 * (cmd_rollup in cli.c) and its folder.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "params.h"
#include "rollup.h"
#include "template.h"

#define HDR "period,scope,scope_id,scope_name,code,breakdown,numerator," \
	"denominator,value\n"

/*
 * Three municipalities.  Альфа has no courses (I03 «нет данных»), Бета
 * has a 0/0 I07, Гамма has no physics teachers (no I01/subject:физика).
 */
static const char alpha[] = HDR
	"2026-12,district,Альфа,Альфинский район,I01,,30,40,75.0\n"
	"2026-12,district,Альфа,Альфинский район,I01,subject:физика,2,3,"
	"66.7\n"
	"2026-12,district,Альфа,Альфинский район,I01.status,,0,,0\n"
	"2026-12,district,Альфа,Альфинский район,I03,,,,\n"
	"2026-12,district,Альфа,Альфинский район,S.staff,,40,,40\n"
	"2026-12,org,sch1,Школа 1,I01,,10,20,50.0\n";
static const char beta[] = HDR
	"2026-12,district,Бета,,I01,,45,50,90.0\n"
	"2026-12,district,Бета,,I01,subject:физика,1,1,100.0\n"
	"2026-12,district,Бета,,I03,,10,50,20.0\n"
	"2026-12,district,Бета,,I07,,0,0,\n"
	"2026-12,district,Бета,,S.staff,,50,,50\n";
static const char gamma_[] = HDR
	"2026-12,district,Гамма,Гаммский округ,I01,,9,10,90.0\n"
	"2026-12,district,Гамма,Гаммский округ,I03,,5,10,50.0\n"
	"2026-12,district,Гамма,Гаммский округ,I07,,3,4,75.0\n"
	"2026-12,district,Гамма,Гаммский округ,S.staff,,10,,10\n";

static const char tpl[] =
	"[department]\n"
	"name = Министерство образования\n"
	"district = Регион\n"
	"region = Волгоградская область\n"
	"[signature]\n"
	"position = Министр\n"
	"name = А.Б. Иванов\n"
	"[targets]\n"
	"I01 = 80\n"
	"I03 = 60\n";

static void add3(struct rollup *r)
{
	assert_int_equal(rollup_add_mem(r, "a.csv", alpha, strlen(alpha)), 0);
	assert_int_equal(rollup_add_mem(r, "b.csv", beta, strlen(beta)), 0);
	assert_int_equal(rollup_add_mem(r, "c.csv", gamma_, strlen(gamma_)),
			 0);
}

static const struct figure *region(const struct rollup *r, const char *code,
				   const char *bd)
{
	return figures_find(&r->fs, SCOPE_REGION, r->region, code, bd);
}

static bool has_code(const struct rollup *r, const char *code)
{
	for (size_t i = 0; i < r->dl.n; i++)
		if (!strcmp(r->dl.v[i].code, code))
			return true;
	return false;
}

static void test_rollup__sums_by_hand(void **state)
{
	struct rollup r;
	const struct figure *f;
	int64_t v;
	(void)state;

	rollup_init(&r, NULL);
	add3(&r);
	assert_int_equal(rollup_sum(&r, NULL, NULL), 0);
	assert_string_equal(r.period, "2026-12");
	assert_string_equal(r.region, "Регион");
	assert_int_equal(r.nm, 3);
	/* municipalities in id order; a missing scope_name gives the id */
	assert_string_equal(r.m[0].name, "Альфинский район");
	assert_string_equal(r.m[1].name, "Бета");
	assert_string_equal(r.m[2].id, "Гамма");

	/*
	 * I01: 30 + 45 + 9 = 84 of 40 + 50 + 10 = 100 -> 84.0 %.
	 * (The mean of the percents, (75 + 90 + 90) / 3 = 85.0, is wrong.)
	 */
	f = region(&r, "I01", "");
	assert_non_null(f);
	assert_int_equal(f->kind, FK_SHARE);
	assert_int_equal(f->num, 84);
	assert_int_equal(f->den, 100);
	assert_true(figure_tenths(f, &v));
	assert_int_equal(v, 840);
	assert_int_equal(rollup_coverage(&r, "I01", ""), 3);

	/* physics: 2 + 1 = 3 of 3 + 1 = 4 -> 75.0; Гамма has none */
	f = region(&r, "I01", "subject:физика");
	assert_int_equal(f->num, 3);
	assert_int_equal(f->den, 4);
	assert_int_equal(rollup_coverage(&r, "I01", "subject:физика"), 2);

	/* I03: Альфа «нет данных» adds nothing: 10 + 5 = 15 of 60 -> 25.0 */
	f = region(&r, "I03", "");
	assert_false(f->nodata);
	assert_int_equal(f->num, 15);
	assert_int_equal(f->den, 60);
	assert_int_equal(rollup_coverage(&r, "I03", ""), 2);

	/* I07: Бета 0/0 and Гамма 3/4 -> 3/4 */
	f = region(&r, "I07", "");
	assert_int_equal(f->num, 3);
	assert_int_equal(f->den, 4);

	/* a count: 40 + 50 + 10 = 100 */
	f = region(&r, "S.staff", "");
	assert_int_equal(f->kind, FK_COUNT);
	assert_int_equal(f->num, 100);

	/* statuses are not summed; org rows are not taken */
	assert_null(region(&r, "I01.status", ""));
	assert_null(figures_find(&r.fs, SCOPE_ORG, "sch1", "I01", ""));
	/* the municipalities' rows are kept as they came */
	f = figures_find(&r.fs, SCOPE_DISTRICT, "Альфа", "I01.status", "");
	assert_non_null(f);
	assert_int_equal(f->num, 0);
	f = figures_find(&r.fs, SCOPE_DISTRICT, "Альфа", "I03", "");
	assert_true(f->nodata);
	/* 5 region rows + 14 district rows */
	assert_int_equal(r.fs.n, 5 + 14);
	assert_int_equal(r.dl.errors, 0);
	rollup_release(&r);
}

static void test_rollup__nodata_only_when_all_lack(void **state)
{
	struct rollup r;
	static const char a[] = HDR "2026-12,district,А,,I03,,,,\n";
	static const char b[] = HDR "2026-12,district,Б,,I03,,,,\n";
	(void)state;
	rollup_init(&r, NULL);
	assert_int_equal(rollup_add_mem(&r, "a.csv", a, strlen(a)), 0);
	assert_int_equal(rollup_add_mem(&r, "b.csv", b, strlen(b)), 0);
	rollup_sum(&r, "Край", NULL);
	const struct figure *f = region(&r, "I03", "");
	assert_non_null(f);
	assert_true(f->nodata);
	assert_int_equal(f->kind, FK_SHARE);    /* from the catalogue */
	assert_int_equal(rollup_coverage(&r, "I03", ""), 0);
	rollup_release(&r);
}

static void test_rollup__statuses_against_template(void **state)
{
	struct rollup r;
	struct template t;
	struct params p;
	int64_t v, tg;
	const struct figure *f;
	(void)state;

	template_init(&t);
	params_default(&p, 2026, 12);
	assert_int_equal(template_parse(&t, &p, "template.ini", tpl,
					strlen(tpl), stderr), 0);
	assert_int_equal(template_finish(&t, &p, stderr), 0);
	rollup_init(&r, NULL);
	add3(&r);
	rollup_sum(&r, t.region, &t);
	assert_string_equal(r.region, "Волгоградская область");
	/* region I01 84.0 >= 80: achieved */
	assert_int_equal(rollup_status(&r, SCOPE_REGION, r.region, "I01", &v,
				       &tg), RS_ACHIEVED);
	assert_int_equal(v, 840);
	assert_int_equal(tg, 800);
	f = region(&r, "I01.status", "");
	assert_non_null(f);
	assert_int_equal(f->num, 1);
	/* region I03 25.0 < 60: not achieved */
	assert_int_equal(rollup_status(&r, SCOPE_REGION, r.region, "I03",
				       NULL, NULL), RS_NOT_ACHIEVED);
	assert_int_equal(region(&r, "I03.status", "")->num, 0);
	/* Альфа has no I03 data; Гамма 90.0 on I01 */
	assert_int_equal(rollup_status(&r, SCOPE_DISTRICT, "Альфа", "I03",
				       NULL, NULL), RS_NODATA);
	assert_int_equal(rollup_status(&r, SCOPE_DISTRICT, "Гамма", "I01",
				       &v, NULL), RS_ACHIEVED);
	assert_int_equal(v, 900);
	rollup_release(&r);
	template_release(&t);
}

static void test_rollup__mixed_periods_rejected(void **state)
{
	struct rollup r;
	static const char july[] = HDR
		"2026-07,district,Дельта,,I01,,1,2,50.0\n";
	(void)state;
	rollup_init(&r, NULL);
	add3(&r);
	assert_int_equal(rollup_add_mem(&r, "d.csv", july, strlen(july)), 1);
	assert_true(has_code(&r, "U001"));
	assert_true(r.dl.files[3].file_error);
	assert_int_equal(r.dl.files[3].accepted, 0);
	assert_int_equal(r.dl.files[3].rejected, 1);
	assert_int_equal(r.nm, 3);
	rollup_sum(&r, NULL, NULL);
	/* Дельта's 1/2 is not in the region: still 84/100 */
	assert_int_equal(region(&r, "I01", "")->num, 84);
	rollup_release(&r);

	/* --period 2026-07: the December files are the odd ones */
	rollup_init(&r, "2026-07");
	assert_int_equal(rollup_add_mem(&r, "a.csv", alpha, strlen(alpha)), 1);
	assert_int_equal(rollup_add_mem(&r, "d.csv", july, strlen(july)), 0);
	assert_string_equal(r.dl.v[0].code, "U001");
	assert_string_equal(r.dl.v[0].value, "2026-12");
	rollup_release(&r);
}

static void test_rollup__municipality_twice_rejected(void **state)
{
	struct rollup r;
	(void)state;
	rollup_init(&r, NULL);
	add3(&r);
	assert_int_equal(rollup_add_mem(&r, "a-copy.csv", alpha,
					strlen(alpha)), 1);
	assert_true(has_code(&r, "U002"));
	/* the message names the file it first came from */
	assert_non_null(strstr(r.dl.v[r.dl.n - 1].message, "«a.csv»"));
	rollup_sum(&r, NULL, NULL);
	assert_int_equal(region(&r, "S.staff", "")->num, 100);
	rollup_release(&r);
}

static void test_rollup__malformed_row_skipped(void **state)
{
	struct rollup r;
	/* line 3: 1/3 is 33.3, not 50.0; the rest of the file is good */
	static const char bad[] = HDR
		"2026-12,district,Эпсилон,,I01,,5,10,50.0\n"
		"2026-12,district,Эпсилон,,I03,,1,3,50.0\n"
		"2026-12,district,Эпсилон,,S.staff,,10,,10\n";
	(void)state;
	rollup_init(&r, NULL);
	assert_int_equal(rollup_add_mem(&r, "e.csv", bad, strlen(bad)), 0);
	assert_int_equal(r.dl.n, 1);
	assert_string_equal(r.dl.v[0].code, "H009");
	assert_int_equal(r.dl.v[0].line, 3);
	assert_int_equal(r.dl.files[0].accepted, 2);
	assert_int_equal(r.dl.files[0].rejected, 1);
	rollup_sum(&r, NULL, NULL);
	assert_null(region(&r, "I03", ""));
	assert_int_equal(region(&r, "I01", "")->num, 5);
	rollup_release(&r);
}

static void test_rollup__not_one_municipality(void **state)
{
	struct rollup r;
	static const char two[] = HDR
		"2026-12,district,А,,I01,,1,2,50.0\n"
		"2026-12,district,Б,,I01,,1,2,50.0\n";
	static const char orgs[] = HDR "2026-12,org,sch1,,I01,,1,2,50.0\n";
	static const char reg[] = HDR
		"2026-12,district,В,,I01,,1,2,50.0\n"
		"2026-12,region,Край,,I01,,9,9,100.0\n";
	(void)state;
	rollup_init(&r, NULL);
	assert_int_equal(rollup_add_mem(&r, "two.csv", two, strlen(two)), 1);
	assert_string_equal(r.dl.v[0].code, "U004");
	assert_int_equal(rollup_add_mem(&r, "o.csv", orgs, strlen(orgs)), 1);
	assert_string_equal(r.dl.v[1].code, "U003");
	assert_int_equal(rollup_add_mem(&r, "r.csv", reg, strlen(reg)), 0);
	assert_string_equal(r.dl.v[2].code, "U005");
	assert_int_equal(r.dl.v[2].sev, SEV_WARNING);
	rollup_sum(&r, NULL, NULL);
	assert_int_equal(region(&r, "I01", "")->num, 1);
	rollup_release(&r);
}

/*
 * A code that is a share in one file and a count in another is left out
 * of the region (U006, a warning in validation.csv).  The summary reader
 * already refuses a catalogue code of the wrong kind (H013), so only a
 * code unknown to the catalogue gets this far.  The analysis rows
 * («<code>.status», «cluster») are never summed; counts add up (the
 * reader's 12-digit limit keeps U007's overflow out of reach: no test).
 */
static void test_rollup__mixed_kinds_and_analysis(void **state)
{
	struct rollup r;
	static const char a[] = HDR
		"2026-12,district,А,,X.local,,5,,5\n"
		"2026-12,district,А,,S.staff,,999999999999,,999999999999\n"
		"2026-12,district,А,,M.pairs.active,,4,,4\n"
		"2026-12,district,А,,I01.status,,1,,1\n"
		"2026-12,district,А,,cluster,,2,,2\n";
	static const char b[] = HDR
		"2026-12,district,Б,,X.local,,1,2,50.0\n"
		"2026-12,district,Б,,S.staff,,1,,1\n"
		"2026-12,district,Б,,M.pairs.active,,3,,3\n"
		"2026-12,district,Б,,I01.status,,0,,0\n";
	const struct figure *f;
	(void)state;

	rollup_init(&r, NULL);
	assert_int_equal(rollup_add_mem(&r, "a.csv", a, strlen(a)), 0);
	assert_int_equal(rollup_add_mem(&r, "b.csv", b, strlen(b)), 0);
	assert_int_equal(r.dl.n, 0);
	rollup_sum(&r, NULL, NULL);
	assert_int_equal(r.dl.n, 1);
	assert_string_equal(r.dl.v[0].code, "U006");
	assert_int_equal(r.dl.v[0].sev, SEV_WARNING);
	assert_int_equal(r.dl.v[0].file, -1);
	assert_null(region(&r, "X.local", ""));
	/* 999 999 999 999 + 1 staff, 4 + 3 pairs */
	f = region(&r, "S.staff", "");
	assert_non_null(f);
	assert_int_equal(f->num, 1000000000000);
	f = region(&r, "M.pairs.active", "");
	assert_non_null(f);
	assert_false(f->nodata);
	assert_int_equal(f->num, 7);
	assert_int_equal(f->kind, FK_COUNT);
	/* no template: no status of its own, and none summed */
	assert_null(region(&r, "I01.status", ""));
	assert_null(region(&r, "cluster", ""));
	/* the municipalities' own rows are kept as they came */
	f = figures_find(&r.fs, SCOPE_DISTRICT, "А", "I01.status", "");
	assert_non_null(f);
	assert_int_equal(f->num, 1);
	f = figures_find(&r.fs, SCOPE_DISTRICT, "Б", "X.local", "");
	assert_non_null(f);
	assert_int_equal(f->den, 2);
	rollup_release(&r);
}

/* ---- the whole run: files on disk, the period folder ---- */

static char root[64];

static void put(const char *name, const char *text)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* kadry rollup FILES -o root/out --template root/tpl --quiet [--force] */
static int run_in(const char *out, char **files, int n, bool force)
{
	char dir[128], tpl_dir[128];
	char *argv[16];
	int argc = 0;

	snprintf(dir, sizeof(dir), "%s/%s", root, out);
	snprintf(tpl_dir, sizeof(tpl_dir), "%s/tpl", root);
	argv[argc++] = "rollup";
	for (int i = 0; i < n; i++)
		argv[argc++] = files[i];
	argv[argc++] = "-o";
	argv[argc++] = dir;
	argv[argc++] = "--template";
	argv[argc++] = tpl_dir;
	argv[argc++] = "--quiet";
	if (force)
		argv[argc++] = "--force";
	argv[argc] = NULL;
	return cmd_rollup(argc, argv);
}

static int sh(const char *fmt, const char *arg)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), fmt, root, arg);
	return system(cmd);
}

static void test_rollup__run_writes_period_folder(void **state)
{
	char a[128], b[128], c[128], d[128];
	char *files[] = { a, b, c };
	(void)state;
	strcpy(root, "/tmp/kadry-test-rollup-XXXXXX");
	assert_non_null(mkdtemp(root));
	/* a template without a region or targets: the region «Регион» */
	assert_int_equal(sh("mkdir %s/%s", "tpl"), 0);
	put("tpl/template.ini", "[department]\nname = Министерство\n"
	    "district = Регион\n[signature]\nposition = Министр\n"
	    "name = А.Б. Иванов\n");
	put("a.csv", alpha);
	put("b.csv", beta);
	put("c.csv", gamma_);
	snprintf(a, sizeof(a), "%s/a.csv", root);
	snprintf(b, sizeof(b), "%s/b.csv", root);
	snprintf(c, sizeof(c), "%s/c.csv", root);
	assert_int_equal(run_in("out", files, 3, false), 0);
	/* the region's I01 row as summed by hand above: 84/100 */
	assert_int_equal(sh("grep -qx '2026-12,region,Регион,,I01,,84,100,"
			    "84.0' %s/%s/2026-12/summary.csv", "out"), 0);
	assert_int_equal(sh("cd %s/%s/2026-12 && sha256sum --quiet -c "
			    "SHA256SUMS", "out"), 0);
	assert_int_equal(sh("cd %s/%s/2026-12 && test -s monitoring.xlsx && "
			    "test -s report.pdf", "out"), 0);
	/* a second time: refused without --force, nothing changed */
	assert_int_equal(run_in("out", files, 3, false), 3);
	assert_int_equal(run_in("out", files, 3, true), 0);
	/* the files in another order: the same bytes */
	char *rev[] = { c, a, b };
	assert_int_equal(run_in("again", rev, 3, false), 0);
	assert_int_equal(sh("cd %s && for f in summary.csv monitoring.xlsx "
			    "report.pdf validation.csv SHA256SUMS; do cmp "
			    "out/2026-12/$f %s/2026-12/$f || exit 1; done",
			    "again"), 0);
	/* an unreadable file: exit 3 and nothing written */
	snprintf(d, sizeof(d), "%s/нет.csv", root);
	char *bad[] = { a, d };
	assert_int_equal(run_in("bad", bad, 2, false), 3);
	assert_int_not_equal(sh("test -e %s/%s", "bad/2026-12/summary.csv"),
			     0);
	/* a duplicate: written, but exit 1 */
	char *dup[] = { a, b, a };
	assert_int_equal(run_in("dup", dup, 3, false), 1);
	assert_int_equal(sh("grep -q U002 %s/%s/2026-12/validation.csv",
			    "dup"), 0);
	sh("rm -rf '%s'%s", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rollup__sums_by_hand),
		cmocka_unit_test(test_rollup__nodata_only_when_all_lack),
		cmocka_unit_test(test_rollup__statuses_against_template),
		cmocka_unit_test(test_rollup__mixed_periods_rejected),
		cmocka_unit_test(test_rollup__municipality_twice_rejected),
		cmocka_unit_test(test_rollup__malformed_row_skipped),
		cmocka_unit_test(test_rollup__not_one_municipality),
		cmocka_unit_test(test_rollup__mixed_kinds_and_analysis),
		cmocka_unit_test(test_rollup__run_writes_period_folder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
