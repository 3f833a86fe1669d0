/*
 * test_analysis.c - statuses at and around the target, problem zones,
 * clusters on an obvious set, recommendations and numbered decisions.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "figures.h"
#include "model.h"
#include "template.h"

#define DISTRICT "Ленинский муниципальный район"

#define HEAD \
	"[department]\n" \
	"name = Отдел образования\n" \
	"district = " DISTRICT "\n" \
	"[signature]\n" \
	"position = Начальник Отдела\n" \
	"name = Л.А. Петрова\n"

static void load(struct template *t, struct params *p, const char *main_ini,
		 const char *recs, const char *decs)
{
	template_init(t);
	params_default(p, 2026, 12);
	assert_int_equal(template_parse(t, p, "template.ini", main_ini,
					strlen(main_ini), stderr), 0);
	if (recs)
		assert_int_equal(template_parse(t, p, "recommendations.ini",
						recs, strlen(recs), stderr),
				 0);
	if (decs)
		assert_int_equal(template_parse(t, p, "decisions.ini", decs,
						strlen(decs), stderr), 0);
	assert_int_equal(template_finish(t, p, stderr), 0);
}

/*
 * The status set:
 *   district I01 80/100 = 80.0, target 80  -> достигнуто, gap 0
 *   org a    I01 799/1000 = 79.9           -> не достигнуто, gap 1
 *   org b    I01 0/0                        -> нет данных
 *   org a    I02 0/10 = 0.0, target 50     -> gap 500
 *   org a    I03 0/10 = 0.0, target 50     -> gap 500 (tie: I02 first)
 *   district I02 5/10 = 50.0               -> достигнуто
 *   district I03 absent                    -> нет данных
 *   district I17 count 4, «не более 3»     -> не достигнуто, gap 10
 */
static void status_figures(struct figures *fs, struct arena *ar)
{
	figures_init(fs, ar, "2026-12");
	figures_share(fs, SCOPE_ORG, "b", "Школа Б", "I01", NULL, 0, 0);
	figures_share(fs, SCOPE_DISTRICT, DISTRICT, "", "I01", NULL, 80, 100);
	figures_share(fs, SCOPE_ORG, "a", "Школа А", "I01", NULL, 799, 1000);
	figures_share(fs, SCOPE_ORG, "a", "Школа А", "I02", NULL, 0, 10);
	figures_share(fs, SCOPE_ORG, "a", "Школа А", "I03", NULL, 0, 10);
	figures_share(fs, SCOPE_DISTRICT, DISTRICT, "", "I02", NULL, 5, 10);
	figures_count(fs, SCOPE_DISTRICT, DISTRICT, "", "I17", NULL, 4);
	figures_count(fs, SCOPE_ORG, "a", "Школа А", "I17", NULL, 9);
	figures_count(fs, SCOPE_DISTRICT, DISTRICT, "", "D.with_deficit",
		      "subject:физика", 3);
	figures_count(fs, SCOPE_DISTRICT, DISTRICT, "", "D.with_deficit",
		      "subject:химия", 0);
	figures_sort(fs);
}

static const char status_ini[] = HEAD
	"[targets]\nI01 = 80\nI02 = 50\nI03 = 50\nI17 = не более 3\n";

static void test_analysis__statuses(void **state)
{
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	const struct an_scope *sa, *sb;
	const struct an_status *st;
	(void)state;

	status_figures(&fs, &ar);
	load(&t, &p, status_ini, NULL, NULL);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(a.ncodes, 4);
	assert_string_equal(a.codes[3], "I17");
	assert_int_equal(a.norgs, 2);

	st = analysis_status(&a, &a.district, "I01");
	assert_int_equal(st->status, AN_ACHIEVED);
	assert_int_equal(st->value, 800);
	assert_int_equal(st->gap, 0);
	assert_string_equal(an_status_name(st->status), "достигнуто");

	sa = analysis_org(&a, "a");
	sb = analysis_org(&a, "b");
	assert_non_null(sa);
	assert_non_null(sb);
	assert_null(analysis_org(&a, "c"));
	assert_string_equal(sa->name, "Школа А");
	st = analysis_status(&a, sa, "I01");
	assert_int_equal(st->status, AN_NOT_ACHIEVED);
	assert_int_equal(st->value, 799);
	assert_int_equal(st->gap, 1);
	st = analysis_status(&a, sb, "I01");
	assert_int_equal(st->status, AN_NODATA);
	assert_false(st->has_value);
	assert_string_equal(an_status_name(st->status), "нет данных");

	/* problem zones of a: I02 (500), I03 (500), I01 (1) */
	assert_int_equal(sa->nproblems, 3);
	assert_string_equal(sa->st[sa->problems[0]].code, "I02");
	assert_string_equal(sa->st[sa->problems[1]].code, "I03");
	assert_string_equal(sa->st[sa->problems[2]].code, "I01");

	/* district: I03 no data, I17 4 > 3 not achieved */
	assert_int_equal(analysis_status(&a, &a.district, "I03")->status,
			 AN_NODATA);
	st = analysis_status(&a, &a.district, "I17");
	assert_int_equal(st->status, AN_NOT_ACHIEVED);
	assert_int_equal(st->gap, 10);
	assert_int_equal(a.district.nproblems, 1);
	/* I17 (a count, target = district total) is not judged per org */
	assert_false(a.org_level[3]);
	assert_int_equal(analysis_status(&a, sa, "I17")->status, AN_NODATA);
	assert_true(a.org_level[0]);

	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

static void test_analysis__summary_codes(void **state)
{
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	const struct figure *f;
	int64_t v;
	(void)state;

	status_figures(&fs, &ar);
	load(&t, &p, status_ini, NULL, NULL);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(analysis_add_figures(&a, &fs), 0);
	figures_sort(&fs);
	f = figures_find(&fs, SCOPE_DISTRICT, DISTRICT, "I01.status", NULL);
	assert_non_null(f);
	assert_true(figure_tenths(f, &v));
	assert_int_equal(v, 10);        /* count 1: achieved */
	f = figures_find(&fs, SCOPE_ORG, "a", "I01.status", NULL);
	assert_true(figure_tenths(f, &v));
	assert_int_equal(v, 0);
	f = figures_find(&fs, SCOPE_ORG, "b", "I01.status", NULL);
	assert_non_null(f);
	assert_true(f->nodata);
	/* no org rows for a district-only code */
	assert_null(figures_find(&fs, SCOPE_ORG, "a", "I17.status", NULL));
	assert_non_null(figures_find(&fs, SCOPE_DISTRICT, DISTRICT,
				     "I17.status", NULL));
	/* both schools (no dataset: all clustered) have a cluster */
	f = figures_find(&fs, SCOPE_ORG, "a", "cluster", NULL);
	assert_non_null(f);
	assert_true(f->num >= 1 && f->num <= 2);

	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

/*
 * Six schools, two obvious groups on I01 and I02 (values in %):
 *   o1 90/90  o2 88/88  o3 92/92        -> high
 *   o4 30/30  o5 32/32  o6 28/(none)    -> low; o6's I02 is imputed with
 *                                          the district's 60.0, still low
 * plus a kindergarten d1 (ДОО) at 0/0 that must not be clustered.
 * Means over real values: high 90.0/90.0; low I01 30.0, I02 31.0.
 */
static const char *const org_ids[] = { "o1", "o2", "o3", "o4", "o5", "o6",
				       "d1" };
static const int org_vals[] = { 90, 88, 92, 30, 32, 28, 0 };

static void cluster_set(struct figures *fs, struct arena *ar,
			struct dataset *ds, bool reverse)
{
	figures_init(fs, ar, "2026-12");
	dataset_init(ds);
	for (int k = 0; k < 7; k++) {
		int i = reverse ? 6 - k : k;
		struct org *o = VEC_PUSH(ds->orgs.v, ds->orgs.n, ds->orgs.cap);

		o->id = org_ids[i];
		o->name = org_ids[i];
		o->type = i == 6 ? ORG_DOO : ORG_OO;
		strmap_put(&ds->org_index, o->id, (int)ds->orgs.n - 1);
		figures_share(fs, SCOPE_ORG, org_ids[i], "", "I01", NULL,
			      org_vals[i], 100);
		if (i == 5)
			figures_share(fs, SCOPE_ORG, org_ids[i], "", "I02",
				      NULL, 0, 0);
		else
			figures_share(fs, SCOPE_ORG, org_ids[i], "", "I02",
				      NULL, org_vals[i], 100);
	}
	figures_share(fs, SCOPE_DISTRICT, DISTRICT, "", "I01", NULL, 60, 100);
	figures_share(fs, SCOPE_DISTRICT, DISTRICT, "", "I02", NULL, 60, 100);
	figures_sort(fs);
}

static void test_analysis__clusters(void **state)
{
	static const char ini[] = HEAD "[targets]\nI01 = 80\nI02 = 80\n"
		"[clusters]\ncount = 2\n"
		"[paragraphs]\nintro = {district}, {period}\n";
	struct arena ar1 = ARENA_INIT, ar2 = ARENA_INIT;
	struct figures f1, f2;
	struct dataset d1, d2;
	struct template t;
	struct params p;
	struct analysis a1, a2;
	const struct an_cluster *hi, *lo;
	(void)state;

	load(&t, &p, ini, NULL, NULL);
	cluster_set(&f1, &ar1, &d1, false);
	cluster_set(&f2, &ar2, &d2, true);
	assert_int_equal(analysis_run(&f1, &d1, &t, &p, DISTRICT, &a1), 0);
	assert_int_equal(analysis_run(&f2, &d2, &t, &p, DISTRICT, &a2), 0);

	assert_int_equal(a1.k, 2);
	assert_int_equal(a1.nprofile, 2);
	hi = &a1.clusters[0];
	lo = &a1.clusters[1];
	assert_int_equal(hi->number, 1);
	assert_string_equal(hi->label, "высокий уровень");
	assert_string_equal(lo->label, "зона риска");
	assert_int_equal(hi->nmembers, 3);
	assert_int_equal(lo->nmembers, 3);
	assert_string_equal(a1.orgs[hi->members[0]].id, "o1");
	assert_string_equal(a1.orgs[hi->members[2]].id, "o3");
	assert_string_equal(a1.orgs[lo->members[0]].id, "o4");
	assert_string_equal(a1.orgs[lo->members[2]].id, "o6");
	assert_int_equal(hi->mean[0], 900);
	assert_int_equal(hi->mean[1], 900);
	assert_int_equal(lo->mean[0], 300);
	assert_int_equal(lo->mean[1], 310);     /* (30 + 32) / 2 */
	assert_int_equal(analysis_org(&a1, "d1")->cluster, 0);
	assert_int_equal(analysis_org(&a1, "o6")->cluster, 2);
	assert_non_null(strstr(a1.cluster_method, "Школы (6) разделены на 2 "
			       "группы"));
	assert_non_null(strstr(a1.cluster_method, "I01, I02"));
	assert_string_equal(a1.intro, DISTRICT ", декабрь 2026 г.");
	assert_string_equal(a1.conclusion, "");

	/* the same under the reversed input order */
	assert_int_equal(a2.k, a1.k);
	for (size_t o = 0; o < a1.norgs; o++) {
		assert_string_equal(a1.orgs[o].id, a2.orgs[o].id);
		assert_int_equal(a1.orgs[o].cluster, a2.orgs[o].cluster);
	}
	assert_string_equal(a1.cluster_method, a2.cluster_method);

	analysis_release(&a1);
	analysis_release(&a2);
	dataset_release(&d1);
	dataset_release(&d2);
	figures_release(&f1);
	figures_release(&f2);
	arena_release(&ar1);
	arena_release(&ar2);
	template_release(&t);
}

static void test_analysis__k_capped(void **state)
{
	/* three clusters wanted, two distinct profiles: k = 2 */
	static const char ini[] = HEAD "[targets]\nI01 = 80\n"
		"[clusters]\ncount = 3\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	(void)state;

	load(&t, &p, ini, NULL, NULL);
	figures_init(&fs, &ar, "2026-12");
	figures_share(&fs, SCOPE_ORG, "x1", "", "I01", NULL, 5, 10);
	figures_share(&fs, SCOPE_ORG, "x2", "", "I01", NULL, 5, 10);
	figures_share(&fs, SCOPE_ORG, "x3", "", "I01", NULL, 1, 10);
	figures_sort(&fs);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(a.k, 2);
	assert_int_equal(analysis_org(&a, "x1")->cluster, 1);
	assert_int_equal(analysis_org(&a, "x2")->cluster, 1);
	assert_int_equal(analysis_org(&a, "x3")->cluster, 2);
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

static void test_analysis__k_capped_many(void **state)
{
	/*
	 * 300 schools: x001-x299 share one profile (I01 5/10), x300 has
	 * another (1/10).  Four clusters wanted, two distinct: k = 2, and
	 * only x300 is in the second cluster.
	 */
	static const char ini[] = HEAD "[targets]\nI01 = 80\n"
		"[clusters]\ncount = 4\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	char id[16];
	(void)state;

	load(&t, &p, ini, NULL, NULL);
	figures_init(&fs, &ar, "2026-12");
	for (int i = 1; i <= 300; i++) {
		snprintf(id, sizeof(id), "x%03d", i);
		figures_share(&fs, SCOPE_ORG, id, "", "I01", NULL,
			      i == 300 ? 1 : 5, 10);
	}
	figures_sort(&fs);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(a.k, 2);
	assert_int_equal(analysis_org(&a, "x001")->cluster, 1);
	assert_int_equal(analysis_org(&a, "x299")->cluster, 1);
	assert_int_equal(analysis_org(&a, "x300")->cluster, 2);
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

static void test_analysis__decision_orgs_capped(void **state)
{
	/*
	 * 23 schools miss I01 (1/10 = 10 % < 80 %): {orgs} names the first
	 * 20 by org id, then «и ещё 3».
	 */
	static const char decs[] =
		"[decision]\nkind = организующие\n"
		"addressee = Руководителям ОО\ntext = B ({orgs})\n"
		"when = any:I01\n";
	static const char ini[] = HEAD "[targets]\nI01 = 80\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	char id[16], name[16], want[512] = "B (";
	(void)state;

	load(&t, &p, ini, NULL, decs);
	figures_init(&fs, &ar, "2026-12");
	for (int i = 1; i <= 23; i++) {
		snprintf(id, sizeof(id), "o%02d", i);
		snprintf(name, sizeof(name), "Ш%02d", i);
		figures_share(&fs, SCOPE_ORG, id, name, "I01", NULL, 1, 10);
		if (i <= 20)
			snprintf(want + strlen(want), sizeof(want) -
				 strlen(want), "%s%s", i > 1 ? ", " : "",
				 name);
	}
	strcat(want, " и ещё 3)");
	figures_share(&fs, SCOPE_DISTRICT, DISTRICT, "", "I01", NULL, 23,
		      230);
	figures_sort(&fs);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(a.ndecisions, 1);
	assert_string_equal(a.decisions[0].text, want);
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

static void test_analysis__recommendations(void **state)
{
	static const char recs[] =
		"[I01]\ntext = {org}: {value} при цели {target}\n"
		"[I02]\ntypes = ДОО, ДО\ntext = not for schools\n"
		"[subject]\ntext = {rmo}: {persons}; план работы {rmo_gen}; "
		"{rmo_dat}\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	(void)state;

	status_figures(&fs, &ar);
	load(&t, &p, status_ini, recs, NULL);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	/*
	 * Fires: a misses I01.  Does not fire: b (no data), a's I02 (the
	 * rule is for ДОО and ДО only, a's type is unknown), a's I03 (no
	 * rule), химия (0 persons).  Then the РМО of физика (3 persons).
	 */
	assert_int_equal(a.nrecs, 2);
	assert_int_equal(a.recs[0].to, AN_TO_ORG_HEAD);
	assert_string_equal(a.recs[0].addressee, "Руководителю Школа А");
	assert_string_equal(a.recs[0].org_id, "a");
	assert_string_equal(a.recs[0].code, "I01");
	assert_int_equal(a.recs[0].value, 799);
	assert_int_equal(a.recs[0].target, 800);
	assert_string_equal(a.recs[0].text,
			    "Школа А: 79,9 % при цели 80,0 %");
	assert_int_equal(a.recs[1].to, AN_TO_RMO);
	assert_string_equal(a.recs[1].subject, "физика");
	assert_string_equal(a.recs[1].addressee, "районное методическое "
			    "объединение учителей физики");
	/* the genitive and dative by the rules of ru_case() */
	assert_string_equal(a.recs[1].text, "районное методическое "
			    "объединение учителей физики: 3; план работы "
			    "районного методического объединения учителей "
			    "физики; районному методическому объединению "
			    "учителей физики");
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

/* A name the rules cannot decline: the template gives its cases. */
static void test_analysis__rmo_cases_from_template(void **state)
{
	static const char recs[] =
		"[subject]\nrmo = МО «Радуга» ({subject})\n"
		"rmo_gen = МО «Радуга» (учителей {subject_gen})\n"
		"text = план работы {rmo_gen}; {rmo_dat}\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	(void)state;

	status_figures(&fs, &ar);
	load(&t, &p, status_ini, recs, NULL);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	assert_int_equal(a.nrecs, 1);
	/* rmo_dat not given, «МО» not declinable: the name as it is */
	assert_string_equal(a.recs[0].text, "план работы МО «Радуга» "
			    "(учителей физики); МО «Радуга» (физика)");
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

static void test_analysis__decisions(void **state)
{
	static const char decs[] =
		"[decision]\nkind = контролирующие\n"
		"addressee = Управлению образования\ntext = A\n"
		"deadline = до 31.01.{next_year}\n"
		"[decision]\nkind = организующие\n"
		"addressee = Руководителям ОО\ntext = B ({orgs})\n"
		"when = any:I01\ndeadline = постоянно\n"
		"[decision]\nkind = активизирующие\n"
		"addressee = Управлению образования\ntext = C\nwhen = I01\n"
		"[decision]\nkind = стимулирующие\n"
		"addressee = Управлению образования\n"
		"text = D {value} > {target}\nwhen = I17\n"
		"[decision]\nkind = координирующие\n"
		"addressee = Ресурсному центру\ntext = E\nwhen = I03\n";
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct template t;
	struct params p;
	struct analysis a;
	(void)state;

	status_figures(&fs, &ar);
	load(&t, &p, status_ini, NULL, decs);
	assert_int_equal(analysis_run(&fs, NULL, &t, &p, DISTRICT, &a), 0);
	/*
	 * A always; B: school a misses I01; C: the district achieves I01, so
	 * not; D: the district misses I17; E: I03 has no data, so not.
	 * Groups: Управлению образования (A, D) = 1, Руководителям ОО = 2.
	 */
	assert_int_equal(a.ndecisions, 3);
	assert_int_equal(a.naddressees, 2);
	assert_string_equal(a.addressees[0], "Управлению образования");
	assert_string_equal(a.addressees[1], "Руководителям ОО");
	assert_string_equal(a.decisions[0].number, "1.1");
	assert_string_equal(a.decisions[0].text, "A");
	assert_string_equal(a.decisions[0].deadline, "до 31.01.2027");
	assert_int_equal(a.decisions[0].kind, DEC_CONTROLLING);
	assert_string_equal(a.decisions[0].code, "");
	assert_string_equal(a.decisions[1].number, "1.2");
	assert_string_equal(a.decisions[1].text, "D 4 > 3");
	assert_string_equal(a.decisions[1].code, "I17");
	assert_int_equal(a.decisions[1].kind, DEC_STIMULATING);
	assert_string_equal(a.decisions[2].number, "2.1");
	assert_string_equal(a.decisions[2].addressee, "Руководителям ОО");
	assert_string_equal(a.decisions[2].text, "B (Школа А)");
	assert_string_equal(a.decisions[2].deadline, "постоянно");
	analysis_release(&a);
	template_release(&t);
	figures_release(&fs);
	arena_release(&ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_analysis__statuses),
		cmocka_unit_test(test_analysis__summary_codes),
		cmocka_unit_test(test_analysis__k_capped_many),
		cmocka_unit_test(test_analysis__decision_orgs_capped),
		cmocka_unit_test(test_analysis__clusters),
		cmocka_unit_test(test_analysis__k_capped),
		cmocka_unit_test(test_analysis__recommendations),
		cmocka_unit_test(test_analysis__rmo_cases_from_template),
		cmocka_unit_test(test_analysis__decisions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
