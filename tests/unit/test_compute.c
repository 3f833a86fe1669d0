/*
 * test_compute.c - every figure of indicators.md on small hand-built
 * datasets, with the hand count in the comments.
 *
 * As-of date 31.12.2026, window 01.01.2024..31.12.2026 (params_default).
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "compute.h"
#include "enums.h"

#define DIST "Ленинский"

static struct dataset ds;
static struct params P;
static struct arena fa;
static struct figures fs;

static kdate D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void begin(void)
{
	dataset_init(&ds);
	ds.have[KIND_ORGS] = ds.have[KIND_STAFF] = true;
	params_default(&P, 2026, 12);
	ds.asof = P.asof;
	memset(&fa, 0, sizeof(fa));
	figures_init(&fs, &fa, P.period);
}

static void end(void)
{
	figures_release(&fs);
	arena_release(&fa);
	dataset_release(&ds);
}

static int org(const char *id, int type)
{
	struct org *o = VEC_PUSH(ds.orgs.v, ds.orgs.n, ds.orgs.cap);
	o->id = arena_strdup(&ds.arena, id);
	o->name = arena_printf(&ds.arena, "Школа %s", id);
	o->municipality = DIST;
	o->type = (uint8_t)type;
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

/* A staff row; the person's first row is its main row. */
static struct staff_row *row(int pi, int oi, int pos, kdate birth,
			     fix_t exp)
{
	struct staff_row *r = VEC_PUSH(ds.staff.v, ds.staff.n, ds.staff.cap);
	struct person *p = &ds.persons.v[pi];
	r->person = pi;
	r->org = oi;
	r->position = (uint8_t)pos;
	r->birth = birth;
	r->experience = exp;
	r->hire = D(2015, 9, 1);
	r->load = FIX_NONE;
	r->employment = EMP_MAIN;
	if (p->first_row < 0)
		p->first_row = p->main_row = (int)ds.staff.n - 1;
	p->nrows++;
	return r;
}

static void subj(struct staff_row *r, int s)
{
	int *v = arena_alloc(&ds.arena, sizeof(int) * (r->nsubjects + 1));
	if (r->nsubjects)
		memcpy(v, r->subjects, sizeof(int) * r->nsubjects);
	v[r->nsubjects++] = s;
	r->subjects = v;
}

static struct diag_row *diag(int pi, kdate d, int kind, int deficit,
			     fix_t score)
{
	struct diag_row *r = VEC_PUSH(ds.diags.v, ds.diags.n, ds.diags.cap);
	r->person = pi;
	r->date = d;
	r->kind = (uint8_t)kind;
	r->deficit = (int8_t)deficit;
	r->score = score;
	return r;
}

static void area(struct diag_row *r, const char *name)
{
	int *v = arena_alloc(&ds.arena, sizeof(int) * (r->nareas + 1));
	if (r->nareas)
		memcpy(v, r->areas, sizeof(int) * r->nareas);
	v[r->nareas++] = dataset_area_id(&ds, name);
	r->areas = v;
}

static int program(const char *name, uint8_t flags)
{
	struct program *p = VEC_PUSH(ds.programs.v, ds.programs.n,
				     ds.programs.cap);
	p->name = name;
	p->flags = flags;
	return (int)ds.programs.n - 1;
}

static void course(int pi, int prog, int kind, int form, kdate end)
{
	struct course_row *c = VEC_PUSH(ds.courses.v, ds.courses.n,
					ds.courses.cap);
	c->person = pi;
	c->program = prog;
	c->kind = (uint8_t)kind;
	c->form = (uint8_t)form;
	c->start = end - 30;
	c->end = end;
}

static struct pair *pair(int oi, int mentor, int mentee, int form,
			 kdate start, kdate end)
{
	struct pair *p = VEC_PUSH(ds.pairs.v, ds.pairs.n, ds.pairs.cap);
	p->org = oi;
	p->mentor = mentor;
	p->mentee = mentee;
	p->form = (uint8_t)form;
	p->start = start;
	p->end = end;
	return p;
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

static void run(void)
{
	assert_int_equal(compute_figures(&ds, &P, NULL, &fs), 0);
	figures_sort(&fs);
}

static const struct figure *get(int sc, const char *id, const char *code,
				const char *bd)
{
	const struct figure *f = figures_find(&fs, sc, sc == SCOPE_DISTRICT ?
					      DIST : id, code, bd);
	if (!f)
		fail_msg("no figure %s %s %s %s", scope_name(sc), id, code,
			 bd ? bd : "");
	return f;
}

/* A share: numerator, denominator and the printed value. */
static void share(int sc, const char *id, const char *code, const char *bd,
		  int64_t num, int64_t den, const char *value)
{
	const struct figure *f = get(sc, id, code, bd);
	char buf[32];
	if (f->kind != FK_SHARE || f->nodata || f->num != num ||
	    f->den != den ||
	    strcmp(figure_value_str(f, '.', buf), value))
		fail_msg("%s %s %s %s: got %s %lld/%lld = %s, want %lld/%lld "
			 "= %s", scope_name(sc), id, code, bd ? bd : "",
			 f->kind == FK_SHARE ? "share" : "count",
			 (long long)f->num, (long long)f->den,
			 figure_value_str(f, '.', buf), (long long)num,
			 (long long)den, value);
}

static void dshare(const char *code, const char *bd, int64_t num,
		   int64_t den, const char *value)
{
	share(SCOPE_DISTRICT, DIST, code, bd, num, den, value);
}

static void count(int sc, const char *id, const char *code, const char *bd,
		  int64_t n)
{
	const struct figure *f = get(sc, id, code, bd);
	if (f->kind != FK_COUNT || f->nodata || f->num != n)
		fail_msg("%s %s %s %s: got %lld (%s), want %lld",
			 scope_name(sc), id, code, bd ? bd : "",
			 (long long)f->num, f->nodata ? "nodata" : "",
			 (long long)n);
}

static void dcount(const char *code, const char *bd, int64_t n)
{
	count(SCOPE_DISTRICT, DIST, code, bd, n);
}

static void nodata(int sc, const char *id, const char *code, const char *bd)
{
	const struct figure *f = get(sc, id, code, bd);
	char buf[32];
	assert_true(f->nodata);
	assert_string_equal(figure_value_str(f, '.', buf), "");
}

static void absent(int sc, const char *id, const char *code, const char *bd)
{
	assert_null(figures_find(&fs, sc, sc == SCOPE_DISTRICT ? DIST : id,
				 code, bd));
}

/*
 * Staff only: orgs A (ОО), B (ОО), C (ДОО), E (ОО, no staff).
 *  p0  учитель A (математика) + учитель B (физика, part-time, network
 *      flag on that row only); born 31.12.1991: exactly 35 on the as-of
 *      date (not young); experience exactly 1 (not < 1, beginner); woman,
 *      higher education, high category; load 18 + 10 = 28 > 27.
 *  p1  учитель A (математика); born 01.01.1992: 34 (young); exp 0.5;
 *      man, СПО, category not stated (= none); load 30.
 *  p2  воспитатель C; 66; exp exactly 3 (not beginner); IOM.
 *  p3  учитель B (физика); born 01.01.1965: 61; exp 20; woman, first
 *      category; load exactly 27 (not over); target contract, arrived.
 */
static void build_staff(void)
{
	int A = org("A", ORG_OO), B = org("B", ORG_OO);
	int C = org("C", ORG_DOO);
	struct staff_row *r;
	org("E", ORG_OO);
	ds.orgs.v[A].mentoring_model = true;

	int p0 = person(), p1 = person(), p2 = person(), p3 = person();
	r = row(p0, A, POS_TEACHER, D(1991, 12, 31), FIX(1));
	subj(r, SUBJ_MATH);
	r->gender = GENDER_F;
	r->education = EDU_HIGHER;
	r->category = CAT_HIGH;
	r->load = FIX(18);
	r = row(p1, A, POS_TEACHER, D(1992, 1, 1), 500);
	subj(r, SUBJ_MATH);
	r->gender = GENDER_M;
	r->education = EDU_SPO;
	r->load = FIX(30);
	r = row(p2, C, POS_EDUCATOR, D(1960, 6, 1), FIX(3));
	r->flags = SF_IOM;
	r = row(p0, B, POS_TEACHER, D(1991, 12, 31), FIX(1));
	subj(r, SUBJ_PHYSICS);
	r->employment = EMP_PART;
	r->flags = SF_NETWORK;
	r->load = FIX(10);
	r = row(p3, B, POS_TEACHER, D(1965, 1, 1), FIX(20));
	subj(r, SUBJ_PHYSICS);
	r->gender = GENDER_F;
	r->category = CAT_FIRST;
	r->load = FIX(27);
	r->flags = SF_TARGET_CONTRACT | SF_ARRIVED;
}

static void test_compute__staff_populations(void **state)
{
	(void)state;
	begin();
	build_staff();
	run();
	/* P = 4 persons; A: p0 p1; B: p0 p3 (part-timer in both); C: p2. */
	dshare("I02", NULL, 1, 4, "25.0");
	share(SCOPE_ORG, "A", "I02", NULL, 0, 2, "0.0");
	share(SCOPE_ORG, "C", "I02", NULL, 1, 1, "100.0");
	/* E has no staff: 0/0, no value. */
	share(SCOPE_ORG, "E", "I02", NULL, 0, 0, "");
	/* Network flag on p0's B row: the person's flag (OR), in A and B. */
	dshare("I15", NULL, 1, 4, "25.0");
	share(SCOPE_ORG, "A", "I15", NULL, 1, 2, "50.0");
	share(SCOPE_ORG, "B", "I15", NULL, 1, 2, "50.0");
	share(SCOPE_ORG, "C", "I15", NULL, 0, 1, "0.0");
	/* Teachers of математика: p0 p1 (1 network); физика: p0 p3. */
	dshare("I15", "subject:математика", 1, 2, "50.0");
	dshare("I15", "subject:физика", 1, 2, "50.0");
	/* I17: experience < 1: p1 only (p0 has exactly 1). */
	dcount("I17", NULL, 1);
	count(SCOPE_ORG, "A", "I17", NULL, 1);
	count(SCOPE_ORG, "B", "I17", NULL, 0);
	/* I18: young teachers: p1 (p0 is exactly 35). */
	dcount("I18", NULL, 1);
	dcount("I18", "subject:математика", 1);
	dcount("I18", "subject:физика", 0);
	absent(SCOPE_ORG, "A", "I18", NULL);
	/* I14: ОО A, B, E; model in A: 1/3. */
	dshare("I14", NULL, 1, 3, "33.3");
	/* Section S: teachers of ОО: p0, p1, p3 = 3. */
	dcount("S.count", NULL, 3);
	dshare("S.edu.higher", NULL, 1, 3, "33.3");
	dshare("S.cat.high", NULL, 1, 3, "33.3");
	dshare("S.cat.first", NULL, 1, 3, "33.3");
	dshare("S.cat.none", NULL, 1, 3, "33.3");  /* p1, not stated */
	dshare("S.cat.szd", NULL, 0, 3, "0.0");
	dshare("S.women", NULL, 2, 3, "66.7");
	/* Ages 35 (p0), 34 (p1), 61 (p3). */
	dshare("S.age.35-39", NULL, 1, 3, "33.3");
	dshare("S.age.30-34", NULL, 1, 3, "33.3");
	dshare("S.age.60-64", NULL, 1, 3, "33.3");
	dshare("S.age.35-59", NULL, 1, 3, "33.3");
	dshare("S.age.under35", NULL, 1, 3, "33.3");
	dshare("S.age.under25", NULL, 0, 3, "0.0");
	dshare("S.age.65+", NULL, 0, 3, "0.0");
	/* Experience 1 and 0.5 under 3; 20 in 20+. */
	dshare("S.exp.under3", NULL, 2, 3, "66.7");
	dshare("S.exp.3-5", NULL, 0, 3, "0.0");
	dshare("S.exp.20+", NULL, 1, 3, "33.3");
	dshare("S.exp.15-20", NULL, 0, 3, "0.0");
	/* S.staff: 4 persons; by type ОО p0 p1 p3, ДОО p2; by position. */
	dcount("S.staff", NULL, 4);
	dcount("S.staff", "org_type:ОО", 3);
	dcount("S.staff", "org_type:ДОО", 1);
	dcount("S.staff", "org_type:ДО", 0);
	dcount("S.staff", "position:учитель", 3);
	dcount("S.staff", "position:воспитатель", 1);
	/* K: teachers 60+: p3 (p2 is 66 but not a teacher). */
	dcount("K.teachers60", NULL, 1);
	dcount("K.teachers60", "subject:физика", 1);
	dcount("K.teachers60", "subject:математика", 0);
	/* Overloaded: p0 (18+10 = 28), p1 (30); p3 exactly 27 is not. */
	dcount("K.overloaded", NULL, 2);
	dcount("K.target_contract", NULL, 1);
	dcount("K.arrived", NULL, 1);
	/* Load: teachers 3, 28 + 30 + 27 = 85 h; A: p0 18 + p1 30. */
	dcount("K.load.teachers", NULL, 3);
	dcount("K.load.hours", NULL, 85);
	count(SCOPE_ORG, "A", "K.load.hours", NULL, 48);
	count(SCOPE_ORG, "B", "K.load.hours", NULL, 37);
	count(SCOPE_ORG, "B", "K.load.teachers", NULL, 2);
	count(SCOPE_ORG, "C", "K.load.teachers", NULL, 0);
	/* Missing optional files: no data everywhere they are needed. */
	nodata(SCOPE_DISTRICT, DIST, "I01", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I01", "subject:физика");
	nodata(SCOPE_ORG, "A", "I01", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I03", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I07", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I10", NULL);
	nodata(SCOPE_ORG, "B", "I05", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I11", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I12", NULL);
	nodata(SCOPE_ORG, "E", "I13", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I16", NULL);
	nodata(SCOPE_ORG, "A", "I16", NULL);
	nodata(SCOPE_DISTRICT, DIST, "K.vacancies", NULL);
	nodata(SCOPE_DISTRICT, DIST, "K.need", NULL);
	nodata(SCOPE_DISTRICT, DIST, "M.beginners", NULL);
	nodata(SCOPE_DISTRICT, DIST, "M.pairs.active", NULL);
	nodata(SCOPE_DISTRICT, DIST, "D.with_deficit", NULL);
	nodata(SCOPE_DISTRICT, DIST, "D.addressed", NULL);
	nodata(SCOPE_ORG, "C", "D.diagnosed", NULL);
	end();
}

/*
 * Diagnostics and courses; org A (ОО), persons p0..p4 (P = 5).
 *  p0 учитель математики: two diagnostics on 01.03.2025 (a tie): first
 *     score 59 (deficit), then score 60 (= threshold: none).  The later
 *     row wins: no deficit.  method_active.  Course of program X (ПК,
 *     federal, e-learning) ending 01.05.2025, distance form.
 *  p1 учитель математики: diagnostic 31.12.2023 (before the window) and
 *     01.01.2024 (first day: in) with an explicit deficit, area ИКТ.
 *     Course of Y (ПК, addresses deficits, stress) ending 01.01.2024 (in,
 *     and on the diagnostic's date: addressed).  Course of X ending
 *     01.06.2023 (out).
 *  p2 учитель физики: diagnostic 01.06.2026, no flag, no score (no
 *     deficit), kind цифровая.  ПП course of W (pedagogical, expert GIA)
 *     ending 31.12.2026 (the as-of date: in).
 *  p3 педагог-психолог: diagnostic 10.01.2025 deficit, areas ИКТ and
 *     оценивание; course of Y ending 09.01.2025 (before it: not
 *     addressed, but in the window).  IOM.
 *  p4 учитель математики: no diagnostic; ПП of V (not pedagogical) ending
 *     01.01.2024 (in); ПП of W ending 31.12.2023 (out); ПК of Z
 *     (e-learning) ending 31.12.2023 (out).
 */
static void build_dc(void)
{
	int A = org("A", ORG_OO);
	struct staff_row *r;
	struct diag_row *d;
	int p[5];
	for (int i = 0; i < 5; i++)
		p[i] = person();
	ds.have[KIND_DIAGNOSTICS] = ds.have[KIND_COURSES] = true;
	subj(row(p[0], A, POS_TEACHER, D(1980, 1, 1), FIX(20)), SUBJ_MATH);
	ds.staff.v[0].flags = SF_METHOD_ACTIVE;
	subj(row(p[1], A, POS_TEACHER, D(1980, 1, 1), FIX(20)), SUBJ_MATH);
	subj(row(p[2], A, POS_TEACHER, D(1980, 1, 1), FIX(20)),
	     SUBJ_PHYSICS);
	r = row(p[3], A, POS_PSYCHOLOGIST, D(1980, 1, 1), FIX(20));
	r->flags = SF_IOM;
	subj(row(p[4], A, POS_TEACHER, D(1980, 1, 1), FIX(20)), SUBJ_MATH);

	diag(p[0], D(2025, 3, 1), DK_METHODICAL, -1, FIX(59));
	diag(p[0], D(2025, 3, 1), DK_SUBJECT, -1, FIX(60));
	diag(p[1], D(2023, 12, 31), DK_PSYCHO, 1, FIX_NONE);
	d = diag(p[1], D(2024, 1, 1), DK_SUBJECT, 1, FIX_NONE);
	area(d, "ИКТ");
	diag(p[2], D(2026, 6, 1), DK_DIGITAL, -1, FIX_NONE);
	d = diag(p[3], D(2025, 1, 10), DK_SUBJECT, 1, FIX(80));
	area(d, "ИКТ");
	area(d, "оценивание");

	int X = program("X", CFL_FEDERAL | CFL_ELEARNING);
	int Y = program("Y", CFL_ADDRESSES_DEFICIT | CFL_STRESS);
	int W = program("W", CFL_PEDAGOGICAL | CFL_EXPERT_GIA);
	int V = program("V", 0);
	int Z = program("Z", CFL_ELEARNING);
	course(p[0], X, CK_PK, CF_DISTANCE, D(2025, 5, 1));
	course(p[1], Y, CK_PK, CF_FULLTIME, D(2024, 1, 1));
	course(p[1], X, CK_PK, CF_FULLTIME, D(2023, 6, 1));
	course(p[2], W, CK_PP, CF_FULLTIME, D(2026, 12, 31));
	course(p[3], Y, CK_PK, CF_FULLTIME, D(2025, 1, 9));
	course(p[4], V, CK_PP, CF_FULLTIME, D(2024, 1, 1));
	course(p[4], W, CK_PP, CF_FULLTIME, D(2023, 12, 31));
	course(p[4], Z, CK_PK, CF_DISTANCE, D(2023, 12, 31));
}

static void test_compute__diagnostics_and_courses(void **state)
{
	(void)state;
	begin();
	build_dc();
	run();
	/* I01: p0 p1 p2 p3 diagnosed in the window: 4/5. */
	dshare("I01", NULL, 4, 5, "80.0");
	share(SCOPE_ORG, "A", "I01", NULL, 4, 5, "80.0");
	/* Teachers of математика p0 p1 p4: 2 diagnosed; физика p2: 1/1. */
	dshare("I01", "subject:математика", 2, 3, "66.7");
	dshare("I01", "subject:физика", 1, 1, "100.0");
	/* I11: of 4 diagnosed, no deficit + method_active: p0 only. */
	dshare("I11", NULL, 1, 4, "25.0");
	/* D: deficits p1 (explicit) and p3; p0's tie resolves to none. */
	dcount("D.diagnosed", NULL, 4);
	dcount("D.with_deficit", NULL, 2);
	count(SCOPE_ORG, "A", "D.with_deficit", NULL, 2);
	/* Addressed: p1 (course ends on the diagnostic's date), not p3. */
	dshare("D.addressed", NULL, 1, 2, "50.0");
	share(SCOPE_ORG, "A", "D.addressed", NULL, 1, 2, "50.0");
	dshare("D.iom", NULL, 1, 2, "50.0");
	dcount("D.with_deficit", "area:ИКТ", 2);
	dcount("D.with_deficit", "area:оценивание", 1);
	/* Kinds in the window: предметная p0 p1 p3; методическая p0;
	 * цифровая p2; психолого-педагогическая only before the window. */
	dcount("D.diagnosed", "kind:предметная", 3);
	dcount("D.diagnosed", "kind:методическая", 1);
	dcount("D.diagnosed", "kind:цифровая", 1);
	dcount("D.diagnosed", "kind:психолого-педагогическая", 0);
	/* By subject (teachers): математика deficit p1; физика none. */
	dcount("D.with_deficit", "subject:математика", 1);
	dcount("D.with_deficit", "subject:физика", 0);
	dshare("D.addressed", "subject:математика", 1, 1, "100.0");
	/* I03: addressing program in the window: p1, p3. */
	dshare("I03", NULL, 2, 5, "40.0");
	/* I04: federal X in the window: p0 only (p1's X row is out). */
	dshare("I04", NULL, 1, 5, "20.0");
	/* I05: ПП in the window: p2 (W, pedagogical), p4 (V): 1/2. */
	dshare("I05", NULL, 1, 2, "50.0");
	share(SCOPE_ORG, "A", "I05", NULL, 1, 2, "50.0");
	/* I06: distance in the window: p0 (p4's Z row is out). */
	dshare("I06", NULL, 1, 5, "20.0");
	/* I08: expert GIA (W) in the window: p2; I09: nobody. */
	dshare("I08", NULL, 1, 5, "20.0");
	dshare("I09", NULL, 0, 5, "0.0");
	/* ПК programs with a row ending in the window: X, Y (Z is out). */
	dshare("I07", NULL, 1, 2, "50.0");
	dshare("I10", NULL, 1, 2, "50.0");
	absent(SCOPE_ORG, "A", "I07", NULL);
	end();
}

/* Without the courses file D.addressed is no data, D.with_deficit not. */
static void test_compute__addressed_needs_courses(void **state)
{
	(void)state;
	begin();
	build_dc();
	ds.have[KIND_COURSES] = false;
	ds.courses.n = 0;
	run();
	dcount("D.with_deficit", NULL, 2);
	nodata(SCOPE_DISTRICT, DIST, "D.addressed", NULL);
	nodata(SCOPE_ORG, "A", "D.addressed", NULL);
	nodata(SCOPE_DISTRICT, DIST, "I04", NULL);
	dshare("I01", NULL, 4, 5, "80.0");
	end();
}

/* The deficit rule alone: flag wins, else score < threshold. */
static void test_compute__deficit_threshold(void **state)
{
	(void)state;
	begin();
	int A = org("A", ORG_OO);
	int p[4];
	ds.have[KIND_DIAGNOSTICS] = true;
	for (int i = 0; i < 4; i++) {
		p[i] = person();
		row(p[i], A, POS_TEACHER, D(1980, 1, 1), FIX(20));
	}
	diag(p[0], D(2025, 1, 1), DK_SUBJECT, -1, 59999);  /* 59.999: yes */
	diag(p[1], D(2025, 1, 1), DK_SUBJECT, -1, FIX(60)); /* equal: no */
	diag(p[2], D(2025, 1, 1), DK_SUBJECT, 0, FIX(10)); /* flag no */
	diag(p[3], D(2025, 1, 1), DK_SUBJECT, 1, FIX(99)); /* flag yes */
	run();
	dcount("D.with_deficit", NULL, 2);
	dcount("D.diagnosed", NULL, 4);
	/* Deficits with no courses file: D.iom 0/2. */
	dshare("D.iom", NULL, 0, 2, "0.0");
	end();
}

/*
 * Mentoring; orgs A B C (ОО).  P = 9.
 *  p0 A mentor of pair1 (p1, peer, 01.09.2026-31.12.2026: ends on the
 *     as-of date, active, paid) and pairs 4-6 (p6 p7 p8, group, open):
 *     4 active mentees > limit 3.
 *  p1 A 25 years, exp 1: young beginner, covered.
 *  p2 A 40 years, exp 2.999: beginner; pair2 (mentor p5, reverse,
 *     01.01.2025-30.12.2026): ended before the as-of date, active in the
 *     window.
 *  p3 B 30 years, exp 0: young beginner, no pair, young_support.
 *  p4 B exp exactly 3 (not a beginner), hired 01.01.2026 (first day of
 *     the 12 months: new hire), arrived; pair3 (mentor p0, starts
 *     01.01.2027): not active.
 *  p5 C exp 10, hired 31.12.2025 (not new), is_mentor flag.
 *  p6 p7 p8 A exp 5.
 */
static void test_compute__mentoring(void **state)
{
	(void)state;
	begin();
	int A = org("A", ORG_OO), B = org("B", ORG_OO), C = org("C", ORG_OO);
	struct staff_row *r;
	struct pair *pr;
	int p[9];
	ds.have[KIND_MENTORING] = true;
	for (int i = 0; i < 9; i++)
		p[i] = person();
	row(p[0], A, POS_TEACHER, D(1976, 5, 5), FIX(20));
	row(p[1], A, POS_TEACHER, D(2001, 5, 5), FIX(1));
	row(p[2], A, POS_TEACHER, D(1986, 5, 5), 2999);
	r = row(p[3], B, POS_TEACHER, D(1996, 5, 5), 0);
	r->flags = SF_YOUNG_SUPPORT;
	r = row(p[4], B, POS_TEACHER, D(1990, 5, 5), FIX(3));
	r->hire = D(2026, 1, 1);
	r->flags = SF_ARRIVED;
	r = row(p[5], C, POS_TEACHER, D(1980, 5, 5), FIX(10));
	r->hire = D(2025, 12, 31);
	r->flags = SF_MENTOR;
	for (int i = 6; i < 9; i++)
		row(p[i], A, POS_TEACHER, D(1980, 5, 5), FIX(5));
	pr = pair(A, p[0], p[1], MF_PEER, D(2026, 9, 1), D(2026, 12, 31));
	pr->paid = true;
	pair(A, p[5], p[2], MF_REVERSE, D(2025, 1, 1), D(2026, 12, 30));
	pair(B, p[0], p[4], MF_PEER, D(2027, 1, 1), KDATE_NONE);
	for (int i = 6; i < 9; i++)
		pair(A, p[0], p[i], MF_GROUP, D(2026, 1, 1), KDATE_NONE);
	run();
	/* Active on 31.12.2026: pair1 and the three group pairs. */
	dcount("M.pairs.active", NULL, 4);
	count(SCOPE_ORG, "A", "M.pairs.active", NULL, 4);
	count(SCOPE_ORG, "B", "M.pairs.active", NULL, 0);
	dcount("M.pairs.active", "form:педагог — педагог", 1);
	dcount("M.pairs.active", "form:групповое", 3);
	dcount("M.pairs.active", "form:реверсивное", 0);
	dshare("M.pairs.paid", NULL, 1, 4, "25.0");
	dcount("M.mentors.active", NULL, 1);
	dcount("M.mentees.active", NULL, 4);
	dcount("M.mentors.over_limit", NULL, 1);
	/* Beginners p1 p2 p3 (p4 has exactly 3). */
	dcount("M.beginners", NULL, 3);
	count(SCOPE_ORG, "A", "M.beginners", NULL, 2);
	count(SCOPE_ORG, "C", "M.beginners", NULL, 0);
	dshare("M.beginners.covered", NULL, 1, 3, "33.3");
	share(SCOPE_ORG, "A", "M.beginners.covered", NULL, 1, 2, "50.0");
	share(SCOPE_ORG, "B", "M.beginners.covered", NULL, 0, 1, "0.0");
	share(SCOPE_ORG, "C", "M.beginners.covered", NULL, 0, 0, "");
	/* Young beginners p1 (25) and p3 (30). */
	dcount("M.young_beginners", NULL, 2);
	dshare("M.young_beginners.covered", NULL, 1, 2, "50.0");
	/* I13: p1 (pair in the window), p3 (young_support): 2/2. */
	dshare("I13", NULL, 2, 2, "100.0");
	share(SCOPE_ORG, "B", "I13", NULL, 1, 1, "100.0");
	share(SCOPE_ORG, "C", "I13", NULL, 0, 0, "");
	/* I12: p0 (mentor of active pairs), p5 (flag; pair2 in window). */
	dshare("I12", NULL, 2, 9, "22.2");
	share(SCOPE_ORG, "A", "I12", NULL, 1, 6, "16.7");
	share(SCOPE_ORG, "C", "I12", NULL, 1, 1, "100.0");
	/* New hires: p4 only; its pair starts later: 0/1. */
	dcount("M.new_hires", NULL, 1);
	count(SCOPE_ORG, "B", "M.new_hires", NULL, 1);
	count(SCOPE_ORG, "C", "M.new_hires", NULL, 0);
	dshare("M.new_hires.covered", NULL, 0, 1, "0.0");
	dshare("M.arrived.covered", NULL, 0, 1, "0.0");
	/* Schools with beginners and no active pair: B. */
	dcount("M.orgs_beginners_no_pair", NULL, 1);
	end();
}

/* A new hire in one organization is new there, not in the other. */
static void test_compute__new_hire_per_org(void **state)
{
	(void)state;
	begin();
	int A = org("A", ORG_OO), B = org("B", ORG_OO);
	struct staff_row *r;
	int p0 = person();
	ds.have[KIND_MENTORING] = true;
	row(p0, A, POS_TEACHER, D(1980, 1, 1), FIX(10));
	r = row(p0, B, POS_TEACHER, D(1980, 1, 1), FIX(10));
	r->hire = D(2026, 9, 1);
	run();
	dcount("M.new_hires", NULL, 1);
	count(SCOPE_ORG, "A", "M.new_hires", NULL, 0);
	count(SCOPE_ORG, "B", "M.new_hires", NULL, 1);
	end();
}

/*
 * Vacancies: A (3 persons), B (1 person).
 *  A текущая математика 2, A среднесрочная физика 1 (учитель);
 *  B долгосрочная математика 3 (учитель); B текущая воспитатель 1.
 * I16: 4 / (4 + 3) = 57.1; A 3/5 = 60.0; B 1/2 = 50.0.
 */
static void test_compute__vacancies(void **state)
{
	(void)state;
	begin();
	int A = org("A", ORG_OO), B = org("B", ORG_OO);
	ds.have[KIND_VACANCIES] = true;
	for (int i = 0; i < 3; i++)
		row(person(), A, POS_TEACHER, D(1980, 1, 1), FIX(10));
	row(person(), B, POS_TEACHER, D(1980, 1, 1), FIX(10));
	vacancy(A, POS_TEACHER, HZ_CURRENT, SUBJ_MATH, 2);
	vacancy(A, POS_TEACHER, HZ_MEDIUM, SUBJ_PHYSICS, 1);
	vacancy(B, POS_TEACHER, HZ_LONG, SUBJ_MATH, 3);
	vacancy(B, POS_EDUCATOR, HZ_CURRENT, SUBJ_NONE, 1);
	run();
	dshare("I16", NULL, 4, 7, "57.1");
	share(SCOPE_ORG, "A", "I16", NULL, 3, 5, "60.0");
	share(SCOPE_ORG, "B", "I16", NULL, 1, 2, "50.0");
	dcount("K.vacancies", NULL, 7);
	count(SCOPE_ORG, "A", "K.vacancies", NULL, 3);
	count(SCOPE_ORG, "B", "K.vacancies", NULL, 4);
	dcount("K.vacancies", "horizon:текущая", 3);
	dcount("K.vacancies", "horizon:среднесрочная", 1);
	dcount("K.vacancies", "horizon:долгосрочная", 3);
	dcount("K.vacancies", "subject:математика", 5);
	dcount("K.vacancies", "subject:физика", 1);
	dcount("K.vacancies", "position:учитель", 6);
	dcount("K.vacancies", "position:воспитатель", 1);
	/* Need: current + medium = 2 + 1 + 1 = 4; математика 2, физика 1. */
	dcount("K.need", NULL, 4);
	dcount("K.need", "subject:математика", 2);
	dcount("K.need", "subject:физика", 1);
	end();
}

/* Every organization gets its rows; district name given explicitly. */
static void test_compute__district_name_and_orgs(void **state)
{
	(void)state;
	begin();
	build_staff();
	assert_int_equal(compute_figures(&ds, &P, "Другой район", &fs), 0);
	figures_sort(&fs);
	assert_non_null(figures_find(&fs, SCOPE_DISTRICT, "Другой район",
				     "I02", NULL));
	assert_null(figures_find(&fs, SCOPE_DISTRICT, DIST, "I02", NULL));
	/* Every org has I01..I17 org rows, E included. */
	static const char *org_codes[] = { "I01", "I02", "I03", "I04", "I05",
		"I06", "I08", "I09", "I11", "I12", "I13", "I15", "I16", "I17",
		"M.beginners", "M.beginners.covered", "M.pairs.active",
		"D.diagnosed", "D.with_deficit", "D.addressed",
		"K.vacancies" };
	for (size_t i = 0; i < sizeof(org_codes) / sizeof(*org_codes); i++)
		for (size_t o = 0; o < ds.orgs.n; o++)
			if (!figures_find(&fs, SCOPE_ORG, ds.orgs.v[o].id,
					  org_codes[i], NULL))
				fail_msg("no org row %s %s", ds.orgs.v[o].id,
					 org_codes[i]);
	const struct figure *f = figures_find(&fs, SCOPE_ORG, "A", "I02",
					      NULL);
	assert_string_equal(f->scope_name, "Школа A");
	end();

	/* No municipality anywhere: a placeholder id, never "". */
	begin();
	build_staff();
	for (size_t o = 0; o < ds.orgs.n; o++)
		ds.orgs.v[o].municipality = NULL;
	assert_int_equal(compute_figures(&ds, &P, "", &fs), 0);
	figures_sort(&fs);
	assert_non_null(figures_find(&fs, SCOPE_DISTRICT, "муниципалитет",
				     "I02", NULL));
	end();
}

static void test_compute__municipality(void **state)
{
	(void)state;
	begin();
	assert_string_equal(dataset_municipality(&ds), "");
	org("1", ORG_OO);
	org("2", ORG_OO);
	org("3", ORG_OO);
	org("4", ORG_OO);
	ds.orgs.v[0].municipality = "Б";
	ds.orgs.v[1].municipality = "А";
	ds.orgs.v[2].municipality = "А";
	ds.orgs.v[3].municipality = "Б";
	/* 2 and 2: the first in file order, Б. */
	assert_string_equal(dataset_municipality(&ds), "Б");
	ds.orgs.v[0].municipality = "В";
	assert_string_equal(dataset_municipality(&ds), "А");
	end();
}

static void test_compute__person_facts(void **state)
{
	(void)state;
	begin();
	build_staff();
	struct person_facts *pf = compute_person_facts(&ds, &P);
	assert_non_null(pf);
	assert_int_equal(pf[0].age, 35);
	assert_true(pf[0].flags & PF_OVERLOADED);
	assert_int_equal(pf[0].load, FIX(28));
	assert_true(pf[1].flags & PF_YOUNG);
	assert_false(pf[0].flags & PF_YOUNG);
	assert_true(pf[3].flags & PF_OLD60);
	assert_false(pf[2].flags & PF_TEACHER);
	assert_int_equal(pf[0].latest_diag, -1);
	free(pf);
	end();
}

/*
 * Scale: 300,000 persons with one row each in 1,000 organizations, a
 * diagnostic and a course each, a pair per 10 persons.  Linear time; the
 * counts check the arrays line up.
 */
static void test_compute__scale(void **state)
{
	(void)state;
	begin();
	const int NP = 300000, NO = 1000;
	ds.have[KIND_DIAGNOSTICS] = ds.have[KIND_COURSES] = true;
	ds.have[KIND_MENTORING] = true;
	for (int o = 0; o < NO; o++) {
		char id[16];
		snprintf(id, sizeof(id), "o%04d", o);
		org(id, ORG_OO);
	}
	int prog = program("P", CFL_ADDRESSES_DEFICIT);
	for (int i = 0; i < NP; i++) {
		int pi = person();
		struct staff_row *r = row(pi, i % NO, POS_TEACHER,
					  D(1970 + i % 40, 1, 1), FIX(i % 30));
		subj(r, 1 + i % 15);
		diag(pi, D(2025, 1, 1), DK_SUBJECT, i % 2, FIX_NONE);
		course(pi, prog, CK_PK, CF_FULLTIME, D(2025, 6, 1));
		if (i % 10 == 1)
			pair(i % NO, pi - 1, pi, MF_PEER, D(2026, 1, 1),
			     KDATE_NONE);
	}
	clock_t t0 = clock();
	run();
	double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("    compute: %d persons in %.2f s\n", NP, sec);
	/* Odd persons have a deficit, all addressed. */
	dcount("D.with_deficit", NULL, NP / 2);
	dshare("D.addressed", NULL, NP / 2, NP / 2, "100.0");
	dcount("M.pairs.active", NULL, NP / 10);
	count(SCOPE_ORG, "o0001", "D.diagnosed", NULL, NP / NO);
	end();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compute__staff_populations),
		cmocka_unit_test(test_compute__diagnostics_and_courses),
		cmocka_unit_test(test_compute__addressed_needs_courses),
		cmocka_unit_test(test_compute__deficit_threshold),
		cmocka_unit_test(test_compute__mentoring),
		cmocka_unit_test(test_compute__new_hire_per_org),
		cmocka_unit_test(test_compute__vacancies),
		cmocka_unit_test(test_compute__district_name_and_orgs),
		cmocka_unit_test(test_compute__municipality),
		cmocka_unit_test(test_compute__person_facts),
		cmocka_unit_test(test_compute__scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
