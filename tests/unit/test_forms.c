/*
 * test_forms.c - the forecast and target-model forms on a small
 * hand-built district, counted by hand in the comments; their totals
 * against compute.c's figures, and a roll-up of two districts (its forms
 * written as the region's sheets).
 *
 * As-of 31.12.2026; the template's rule by default: retirement age 60,
 * horizon 3 years, so the horizon ends 31.12.2029 (inclusive).
 *
 * Organizations: A (ОО, target model), B (ОО, no model), C (ДОО, says
 * «model» but is not a school).
 *   p0 teacher in A and in B (a part-timer), born 31.12.1966: exactly 60
 *      on the as-of date -> 60+, not «retiring»; target contract (row B)
 *   p1 teacher in A, born 01.01.1970: 56, 59 on 31.12.2029 -> neither
 *   p2 teacher in B, born 31.12.1969: 57, turns 60 on 31.12.2029, the
 *      horizon's last day -> retiring
 *   p3 teacher in A, born 01.01.1967: 59, turns 60 on 01.01.2027 ->
 *      retiring
 *   p4 психолог in C, born 1960: 66 but not a teacher; arrived
 *   p5 teacher in B, born 2000, 1 year of experience (a young beginner),
 *      hired 01.09.2026, arrived
 *   p6 teacher in A, born 1990; target contract
 * Pairs: pair0 B p6->p5 peer, paid, active; pair1 A p6->p1 reverse,
 * active; pair2 A p6->p3 ended 2025; pair3 A p0->p5 group, paid, active.
 * Vacancies: A math current 2, A math medium 1; B teacher without a
 * subject long 1; B психолог current 1; C воспитатель medium 2.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compute.h"
#include "enums.h"
#include "forms.h"
#include "rollup.h"
#include "summary.h"
#include "xlsx_forms.h"

#define DIST "Ленинский"

static struct dataset ds;
static struct params P;
static struct arena fa, frm;
static struct figures fs;
static struct forms F;

static kdate D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static int org(const char *id, int type, bool model)
{
	struct org *o = VEC_PUSH(ds.orgs.v, ds.orgs.n, ds.orgs.cap);
	o->id = arena_strdup(&ds.arena, id);
	o->name = arena_printf(&ds.arena, "Школа %s", id);
	o->municipality = DIST;
	o->type = (uint8_t)type;
	o->mentoring_model = model;
	strmap_put(&ds.org_index, o->id, (int)ds.orgs.n - 1);
	return (int)ds.orgs.n - 1;
}

static int person(void)
{
	struct person *p = VEC_PUSH(ds.persons.v, ds.persons.n,
				    ds.persons.cap);
	p->snils = arena_printf(&ds.arena, "%011zu", ds.persons.n);
	p->main_row = p->first_row = -1;
	return (int)ds.persons.n - 1;
}

static struct staff_row *row(int pi, int oi, int pos, kdate birth,
			     int exp)
{
	struct staff_row *r = VEC_PUSH(ds.staff.v, ds.staff.n, ds.staff.cap);
	struct person *p = &ds.persons.v[pi];
	r->person = pi;
	r->org = oi;
	r->position = (uint8_t)pos;
	r->birth = birth;
	r->experience = FIX(exp);
	r->hire = D(2015, 9, 1);
	r->load = FIX_NONE;
	r->employment = p->first_row < 0 ? EMP_MAIN : EMP_PART;
	if (p->first_row < 0)
		p->first_row = p->main_row = (int)ds.staff.n - 1;
	p->nrows++;
	return r;
}

static void pair(int oi, int mentor, int mentee, int form, bool paid,
		 kdate start, kdate end)
{
	struct pair *p = VEC_PUSH(ds.pairs.v, ds.pairs.n, ds.pairs.cap);
	p->org = oi;
	p->mentor = mentor;
	p->mentee = mentee;
	p->form = (uint8_t)form;
	p->paid = paid;
	p->start = start;
	p->end = end;
}

static void vacancy(int oi, int pos, int hz, int s, int64_t count)
{
	struct vacancy *v = VEC_PUSH(ds.vacancies.v, ds.vacancies.n,
				     ds.vacancies.cap);
	v->org = oi;
	v->position = (uint8_t)pos;
	v->horizon = (uint8_t)hz;
	v->subject = s;
	v->count = count;
}

static void build(bool mentoring)
{
	dataset_init(&ds);
	ds.have[KIND_ORGS] = ds.have[KIND_STAFF] = true;
	ds.have[KIND_VACANCIES] = true;
	ds.have[KIND_MENTORING] = mentoring;
	params_default(&P, 2026, 12);
	ds.asof = P.asof;
	memset(&fa, 0, sizeof(fa));
	memset(&frm, 0, sizeof(frm));
	figures_init(&fs, &fa, P.period);

	int a = org("A", ORG_OO, true), b = org("B", ORG_OO, false);
	int c = org("C", ORG_DOO, true);
	int p[7];
	for (int i = 0; i < 7; i++)
		p[i] = person();
	row(p[0], a, POS_TEACHER, D(1966, 12, 31), 30);
	row(p[0], b, POS_TEACHER, D(1966, 12, 31), 30)->flags =
		SF_TARGET_CONTRACT;
	row(p[1], a, POS_TEACHER, D(1970, 1, 1), 25);
	row(p[2], b, POS_TEACHER, D(1969, 12, 31), 25);
	row(p[3], a, POS_TEACHER, D(1967, 1, 1), 25);
	row(p[4], c, POS_PSYCHOLOGIST, D(1960, 5, 5), 40)->flags = SF_ARRIVED;
	struct staff_row *r5 = row(p[5], b, POS_TEACHER, D(2000, 3, 3), 1);
	r5->flags = SF_ARRIVED;
	r5->hire = D(2026, 9, 1);
	row(p[6], a, POS_TEACHER, D(1990, 2, 2), 10)->flags =
		SF_TARGET_CONTRACT;
	if (mentoring) {
		pair(b, p[6], p[5], MF_PEER, true, D(2026, 9, 1), KDATE_NONE);
		pair(a, p[6], p[1], MF_REVERSE, false, D(2025, 1, 1),
		     D(2027, 6, 30));
		pair(a, p[6], p[3], MF_PEER, true, D(2024, 1, 1),
		     D(2025, 6, 30));
		pair(a, p[0], p[5], MF_GROUP, true, D(2026, 10, 1),
		     KDATE_NONE);
	}
	vacancy(a, POS_TEACHER, HZ_CURRENT, SUBJ_MATH, 2);
	vacancy(a, POS_TEACHER, HZ_MEDIUM, SUBJ_MATH, 1);
	vacancy(b, POS_TEACHER, HZ_LONG, SUBJ_NONE, 1);
	vacancy(b, POS_PSYCHOLOGIST, HZ_CURRENT, SUBJ_NONE, 1);
	vacancy(c, POS_EDUCATOR, HZ_MEDIUM, SUBJ_NONE, 2);

	assert_int_equal(compute_figures(&ds, &P, DIST, &fs), 0);
	forms_add_figures(&ds, &P, DIST, &fs);
	figures_sort(&fs);
	forms_from_figures(&fs, SCOPE_ORG, SCOPE_DISTRICT, DIST, &P, &frm,
			   &F);
}

static void teardown(void)
{
	figures_release(&fs);
	arena_release(&fa);
	arena_release(&frm);
	dataset_release(&ds);
}

static const struct figure *get(int sc, const char *id, const char *code,
				const char *bd)
{
	const struct figure *f = figures_find(&fs, sc, id, code, bd);
	if (!f)
		fail_msg("no figure %s %s %s", id, code, bd ? bd : "");
	return f;
}

static int64_t dnum(const char *code, const char *bd)
{
	return get(SCOPE_DISTRICT, DIST, code, bd)->num;
}

static size_t group(const char *bd)
{
	for (size_t g = 0; g < F.fc.ngroups; g++)
		if (!strcmp(F.fc.groups[g].breakdown, bd))
			return g;
	fail_msg("no group %s", bd);
	return 0;
}

static void test_forms__rows_in_workbook_order(void **state)
{
	(void)state;
	build(true);
	assert_int_equal(F.fc.nrows, 4);
	assert_int_equal(F.tm.nrows, 4);
	assert_string_equal(F.fc.rows[0].id, "A");
	assert_string_equal(F.fc.rows[0].name, "Школа A");
	assert_string_equal(F.fc.rows[2].id, "C");
	assert_true(F.fc.rows[3].total && !F.fc.rows[2].total);
	assert_string_equal(F.fc.rows[3].id, DIST);
	assert_string_equal(F.tm.rows[3].id, DIST);
	assert_false(F.fc.vac_nodata);
	assert_false(F.tm.nodata);
	assert_int_equal(F.fc.retire_age, 60);
	assert_int_equal(F.fc.horizon_years, 3);
	assert_int_equal(F.fc.horizon_end, D(2029, 12, 31));
	teardown();
}

static void test_forms__forecast_need_grid(void **state)
{
	(void)state;
	build(true);
	/* subjects, teachers without a subject, then positions (bytewise) */
	assert_int_equal(F.fc.ngroups, 4);
	assert_string_equal(F.fc.groups[0].breakdown, "subject:математика");
	assert_string_equal(F.fc.groups[0].label, "математика");
	assert_string_equal(F.fc.groups[1].breakdown, "position:учитель");
	assert_string_equal(F.fc.groups[1].label,
			    "учитель (предмет не указан)");
	assert_string_equal(F.fc.groups[2].breakdown, "position:воспитатель");
	assert_string_equal(F.fc.groups[3].breakdown,
			    "position:педагог-психолог");
	size_t m = group("subject:математика"), t = group("position:учитель");
	size_t e = group("position:воспитатель");
	size_t ps = group("position:педагог-психолог");
	const struct fc_row *A = &F.fc.rows[0], *B = &F.fc.rows[1];
	const struct fc_row *C = &F.fc.rows[2], *T = &F.fc.rows[3];
	assert_int_equal(A->cell[m * FH__COUNT + FH_CURRENT], 2);
	assert_int_equal(A->cell[m * FH__COUNT + FH_MEDIUM], 1);
	assert_int_equal(A->cell[m * FH__COUNT + FH_LONG], 0);
	assert_int_equal(B->cell[t * FH__COUNT + FH_LONG], 1);
	assert_int_equal(B->cell[ps * FH__COUNT + FH_CURRENT], 1);
	assert_int_equal(C->cell[e * FH__COUNT + FH_MEDIUM], 2);
	assert_int_equal(C->cell[m * FH__COUNT + FH_CURRENT], 0);
	/* by horizon: current 2+1, medium 1+2, long 1 */
	assert_int_equal(T->hz[FH_CURRENT], 3);
	assert_int_equal(T->hz[FH_MEDIUM], 3);
	assert_int_equal(T->hz[FH_LONG], 1);
	assert_int_equal(A->vacancies, 3);
	assert_int_equal(B->vacancies, 2);
	assert_int_equal(T->vacancies, 7);
	assert_int_equal(T->need, 6);
	/* vacancies belong to one organization: rows sum exactly */
	assert_int_equal(A->vacancies + B->vacancies + C->vacancies,
			 T->vacancies);
	/* and equal K.vacancies and K.need */
	assert_int_equal(T->vacancies, dnum("K.vacancies", ""));
	assert_int_equal(T->need, dnum("K.need", ""));
	assert_int_equal(T->hz[FH_LONG],
			 dnum("K.vacancies", "horizon:долгосрочная"));
	assert_int_equal(T->cell[m * FH__COUNT + FH_CURRENT] +
			 T->cell[m * FH__COUNT + FH_MEDIUM],
			 dnum("K.need", "subject:математика"));
	/* the summary rows behind the cells */
	assert_int_equal(dnum("F.need", ""), 7);
	assert_int_equal(dnum("F.need", "horizon:среднесрочная"), 3);
	assert_int_equal(get(SCOPE_ORG, "B", "F.need",
			     "horizon:долгосрочная;position:учитель")->num, 1);
	assert_int_equal(get(SCOPE_ORG, "A", "F.need",
			     "horizon:текущая;subject:математика")->num, 2);
	/* zero cells are not written */
	assert_null(figures_find(&fs, SCOPE_ORG, "A", "F.need",
				 "horizon:долгосрочная;subject:математика"));
	teardown();
}

static void test_forms__forecast_expected_need(void **state)
{
	(void)state;
	build(true);
	const struct fc_row *A = &F.fc.rows[0], *B = &F.fc.rows[1];
	const struct fc_row *C = &F.fc.rows[2], *T = &F.fc.rows[3];
	/* 60+: p0 only (60 on the as-of date), in both of its schools */
	assert_int_equal(T->teachers60, 1);
	assert_int_equal(A->teachers60, 1);
	assert_int_equal(B->teachers60, 1);
	assert_int_equal(T->teachers60, dnum("K.teachers60", ""));
	/* retiring: p3 (A) and p2 (B, on the horizon's last day) */
	assert_int_equal(T->retiring, 2);
	assert_int_equal(A->retiring, 1);
	assert_int_equal(B->retiring, 1);
	/* the psychologist in C is not a teacher */
	assert_int_equal(C->teachers60 + C->retiring, 0);
	/* expected need: p0, p2, p3; the part-timer in each school */
	assert_int_equal(T->expected, 3);
	assert_int_equal(A->expected, 2);
	assert_int_equal(B->expected, 2);
	assert_true(A->expected + B->expected + C->expected > T->expected);
	/* target contracts: p0 (flag on its row in B, counts in A too), p6 */
	assert_int_equal(T->target, 2);
	assert_int_equal(A->target, 2);
	assert_int_equal(B->target, 1);
	assert_int_equal(T->target, dnum("K.target_contract", ""));
	teardown();
}

/* A later horizon end moves p1 (60 on 01.01.2030) into «retiring». */
static void test_forms__horizon_from_params(void **state)
{
	(void)state;
	dataset_init(&ds);
	ds.have[KIND_ORGS] = ds.have[KIND_STAFF] = true;
	params_default(&P, 2026, 12);
	P.forecast_years = 4;
	ds.asof = P.asof;
	memset(&fa, 0, sizeof(fa));
	memset(&frm, 0, sizeof(frm));
	figures_init(&fs, &fa, P.period);
	int a = org("A", ORG_OO, false);
	row(person(), a, POS_TEACHER, D(1970, 1, 1), 25);
	row(person(), a, POS_TEACHER, D(1970, 1, 2), 25);
	forms_add_figures(&ds, &P, DIST, &fs);
	figures_sort(&fs);
	/* 31.12.2030: the first turned 60 on 01.01.2030, the second on
	 * 02.01.2030 — both; with 3 years neither (below) */
	assert_int_equal(dnum("F.need.retiring", ""), 2);
	figures_release(&fs);
	arena_release(&fa);
	figures_init(&fs, &fa, P.period);
	P.forecast_years = 3;
	P.retire_age = 59;
	forms_add_figures(&ds, &P, DIST, &fs);
	figures_sort(&fs);
	/* age 56 now; 59 on 01.01.2029 and 02.01.2029, within 31.12.2029 */
	assert_int_equal(dnum("F.need.retiring", ""), 2);
	figures_release(&fs);
	arena_release(&fa);
	figures_init(&fs, &fa, P.period);
	P.retire_age = 60;
	forms_add_figures(&ds, &P, DIST, &fs);
	figures_sort(&fs);
	assert_int_equal(dnum("F.need.retiring", ""), 0);
	/* no vacancies file: the need cells say so, the rest is counted */
	assert_true(get(SCOPE_DISTRICT, DIST, "F.need", "")->nodata);
	assert_false(get(SCOPE_DISTRICT, DIST, "F.need.teachers60",
			 "")->nodata);
	teardown();
}

static void test_forms__mentoring(void **state)
{
	(void)state;
	build(true);
	const struct tm_row *A = &F.tm.rows[0], *B = &F.tm.rows[1];
	const struct tm_row *C = &F.tm.rows[2], *T = &F.tm.rows[3];
	/* the model: A да, B нет, C not a school; 1 of 2 schools = I14 */
	assert_int_equal(A->model_num, 1);
	assert_int_equal(A->model_den, 1);
	assert_int_equal(B->model_num, 0);
	assert_int_equal(B->model_den, 1);
	assert_int_equal(C->model_num, 0);
	assert_int_equal(C->model_den, 0);
	assert_int_equal(T->model_num, 1);
	assert_int_equal(T->model_den, 2);
	assert_int_equal(T->model_num, dnum("I14", ""));
	assert_int_equal(T->model_den, get(SCOPE_DISTRICT, DIST, "I14",
					   "")->den);
	/* active pairs: pair0 (B), pair1 and pair3 (A); pair2 ended */
	assert_int_equal(T->pairs[0], 3);
	assert_int_equal(A->pairs[0], 2);
	assert_int_equal(B->pairs[0], 1);
	assert_int_equal(A->pairs[MF_REVERSE], 1);
	assert_int_equal(A->pairs[MF_GROUP], 1);
	assert_int_equal(A->pairs[MF_PEER], 0);
	assert_int_equal(B->pairs[MF_PEER], 1);
	assert_int_equal(T->pairs[0], dnum("M.pairs.active", ""));
	assert_int_equal(T->pairs[MF_GROUP],
			 dnum("M.pairs.active", "form:групповое"));
	/* mentors: p6 (A, B), p0 (A): district 2, rows 2 + 1 */
	assert_int_equal(T->mentors, 2);
	assert_int_equal(A->mentors, 2);
	assert_int_equal(B->mentors, 1);
	assert_int_equal(T->mentors, dnum("M.mentors.active", ""));
	/* mentees: p1 (A), p5 (A and B) */
	assert_int_equal(T->mentees, 2);
	assert_int_equal(A->mentees, 2);
	assert_int_equal(B->mentees, 1);
	assert_int_equal(T->mentees, dnum("M.mentees.active", ""));
	/* paid: p6 (pair0, B), p0 (pair3, A); pair2 paid but ended */
	assert_int_equal(T->paid_mentors, 2);
	assert_int_equal(A->paid_mentors, 1);
	assert_int_equal(B->paid_mentors, 1);
	/* community (I12): p0 and p6 */
	assert_int_equal(T->community, 2);
	assert_int_equal(T->community, dnum("I12", ""));
	/* beginners: p5 (B), covered; young beginners the same */
	assert_int_equal(T->beginners, 1);
	assert_int_equal(T->beginners_covered, 1);
	assert_int_equal(B->beginners, 1);
	assert_int_equal(A->beginners, 0);
	assert_int_equal(T->young, 1);
	assert_int_equal(T->young_supported, 1);
	/* new hires: p5, with a mentor */
	assert_int_equal(T->new_hires, 1);
	assert_int_equal(T->new_hires_covered, 1);
	assert_int_equal(B->new_hires_covered, 1);
	/* arrivals: p4 (C, no mentor), p5 (B, mentor) = M.arrived.covered */
	assert_int_equal(T->arrived, 2);
	assert_int_equal(T->arrived_covered, 1);
	assert_int_equal(B->arrived, 1);
	assert_int_equal(B->arrived_covered, 1);
	assert_int_equal(C->arrived, 1);
	assert_int_equal(C->arrived_covered, 0);
	assert_int_equal(T->arrived_covered, dnum("M.arrived.covered", ""));
	assert_int_equal(T->arrived, get(SCOPE_DISTRICT, DIST,
					 "M.arrived.covered", "")->den);
	teardown();
}

static void test_forms__no_mentoring_file(void **state)
{
	(void)state;
	build(false);
	assert_true(F.tm.nodata);
	assert_true(F.tm.rows[0].nodata);
	assert_true(get(SCOPE_ORG, "A", "F.tm.mentors", "")->nodata);
	/* the model is the organizations file's */
	assert_int_equal(F.tm.rows[3].model_num, 1);
	assert_int_equal(F.tm.rows[3].model_den, 2);
	assert_false(F.fc.vac_nodata);
	teardown();
}

/* Two districts' summaries rolled up: the region's form is their sum. */
static void test_forms__rollup_sums_the_forms(void **state)
{
	struct rollup r;
	struct forms R;
	struct arena ra = ARENA_INIT;
	(void)state;
	rollup_init(&r, NULL);
	for (int k = 0; k < 2; k++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		build(true);
		if (k) {
			/* the same district under another name */
			figures_release(&fs);
			arena_release(&fa);
			figures_init(&fs, &fa, P.period);
			compute_figures(&ds, &P, "Второй", &fs);
			forms_add_figures(&ds, &P, "Второй", &fs);
			figures_sort(&fs);
		}
		assert_int_equal(summary_write(&fs, m), 0);
		fclose(m);
		assert_int_equal(rollup_add_mem(&r, k ? "b.csv" : "a.csv", buf,
						len), 0);
		free(buf);
		teardown();
	}
	rollup_sum(&r, "Регион", NULL);
	forms_from_figures(&r.fs, SCOPE_DISTRICT, SCOPE_REGION, "Регион",
			   NULL, &ra, &R);
	assert_int_equal(R.fc.nrows, 3);
	assert_string_equal(R.fc.rows[0].id, "Второй");
	assert_string_equal(R.fc.rows[1].id, DIST);
	const struct fc_row *T = &R.fc.rows[2];
	assert_true(T->total);
	assert_int_equal(T->vacancies, 14);
	assert_int_equal(T->need, 12);
	assert_int_equal(T->teachers60, 2);
	assert_int_equal(T->retiring, 4);
	assert_int_equal(T->expected, 6);
	assert_int_equal(T->target, 4);
	assert_int_equal(R.fc.ngroups, 4);
	assert_int_equal(T->cell[0 * FH__COUNT + FH_CURRENT], 4);
	const struct tm_row *M = &R.tm.rows[2];
	assert_int_equal(M->model_num, 2);
	assert_int_equal(M->model_den, 4);
	assert_int_equal(M->pairs[0], 6);
	assert_int_equal(M->pairs[MF_GROUP], 2);
	assert_int_equal(M->mentors, 4);
	assert_int_equal(M->paid_mentors, 4);
	assert_int_equal(M->arrived, 4);
	assert_int_equal(M->arrived_covered, 2);
	assert_int_equal(M->community, 4);
	/* the region's sheets: municipalities as rows */
	char path[] = "/tmp/test_forms_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	struct xf_titles t = { .place = "Регион", .period = "2026-12",
			       .asof = KDATE_NONE, .region = true };
	assert_non_null(wb);
	assert_int_equal(xlsx_forms_forecast_sheet(wb, &R.fc, &t), 0);
	assert_int_equal(xlsx_forms_mentoring_sheet(wb, &R.tm, &t), 0);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fgetc(f), 'P');        /* a ZIP: "PK" */
	fclose(f);
	unlink(path);
	arena_release(&ra);
	rollup_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms__rows_in_workbook_order),
		cmocka_unit_test(test_forms__forecast_need_grid),
		cmocka_unit_test(test_forms__forecast_expected_need),
		cmocka_unit_test(test_forms__horizon_from_params),
		cmocka_unit_test(test_forms__mentoring),
		cmocka_unit_test(test_forms__no_mentoring_file),
		cmocka_unit_test(test_forms__rollup_sums_the_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
