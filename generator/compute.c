/*
 * compute.c - the accepted dataset to every figure of indicators.md, one
 * pass per input table.
 *
 * The work has three steps:
 * 1. facts(): one pass per table (staff, diagnostics, courses, pairs) fills
 *    per-person state (a bit set of everything an indicator asks about, the
 *    person's organizations, the subjects they teach) and per-program and
 *    per-organization counters;
 * 2. the `person_figs` table turns the per-person bits into shares and
 *    counts for the district, every organization and every subject: a row
 *    says which bits make the base (denominator) and which the numerator;
 * 3. small functions compute what is not about persons (programs, pairs,
 *    vacancies, organizations, breakdowns by form, area, kind, horizon).
 *
 * Adding a person-level figure: a catalogue row (catalog.c), a bit below if
 * none fits, its derivation in facts(), and a row in person_figs.
 */
#include "compute.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "enums.h"

/* Per-person state bits (internal; person_facts exports a subset). */
#define B(n) ((uint64_t)1 << (n))
enum {
	B_TEACHER = 0, B_TEACHER_OO, B_YOUNG, B_BEGINNER, B_EXP_UNDER1,
	B_OLD60, B_DIAGNOSED, B_DEFICIT, B_NO_DEFICIT, B_ADDRESSED, B_IOM,
	B_METHOD, B_NETWORK, B_YOUNG_SUPPORT, B_TARGET, B_ARRIVED,
	B_MENTOR_COMMUNITY, B_MENTEE_ASOF, B_MENTEE_WINDOW, B_MENTOR_WINDOW,
	B_YB_SUPPORT, B_C_ADDR, B_C_FED, B_C_PP, B_C_PP_PED, B_C_DIST,
	B_C_GIA, B_C_ATT, B_NEW_HIRE, B_OVERLOADED, B_EDU_HIGHER, B_CAT_HIGH,
	B_CAT_FIRST, B_CAT_SZD, B_CAT_NONE, B_WOMAN
};

/* Which optional input a figure needs: a missing one makes it "no data". */
#define N_DIAG (1u << KIND_DIAGNOSTICS)
#define N_COURSES (1u << KIND_COURSES)
#define N_MENT (1u << KIND_MENTORING)
#define N_VAC (1u << KIND_VACANCIES)

#define DI CAT_DISTRICT
#define DO (CAT_DISTRICT | CAT_ORG)

/*
 * Person-level figures.  A person is in the base when all `den` bits are
 * set (0: every person) and counted when all `num` bits are set too.  Org
 * rows count each person in every organization they have a row in;
 * by_subject adds district rows `subject:<name>` whose base is further
 * restricted to the teachers of that subject.
 */
static const struct person_fig {
	const char *code;
	uint8_t kind;
	bool by_subject;
	uint64_t num, den;
	unsigned needs, scopes;
} person_figs[] = {
	{ "I01", FK_SHARE, true, B(B_DIAGNOSED), 0, N_DIAG, DO },
	{ "I02", FK_SHARE, false, B(B_IOM), 0, 0, DO },
	{ "I03", FK_SHARE, false, B(B_C_ADDR), 0, N_COURSES, DO },
	{ "I04", FK_SHARE, false, B(B_C_FED), 0, N_COURSES, DO },
	{ "I05", FK_SHARE, false, B(B_C_PP_PED), B(B_C_PP), N_COURSES, DO },
	{ "I06", FK_SHARE, false, B(B_C_DIST), 0, N_COURSES, DO },
	{ "I08", FK_SHARE, false, B(B_C_GIA), 0, N_COURSES, DO },
	{ "I09", FK_SHARE, false, B(B_C_ATT), 0, N_COURSES, DO },
	{ "I11", FK_SHARE, false, B(B_NO_DEFICIT) | B(B_METHOD),
	  B(B_DIAGNOSED), N_DIAG, DO },
	{ "I12", FK_SHARE, false, B(B_MENTOR_COMMUNITY), 0, N_MENT, DO },
	{ "I13", FK_SHARE, false, B(B_YB_SUPPORT), B(B_YOUNG) | B(B_BEGINNER),
	  N_MENT, DO },
	{ "I15", FK_SHARE, true, B(B_NETWORK), 0, 0, DO },
	{ "I17", FK_COUNT, false, B(B_EXP_UNDER1), 0, 0, DO },
	{ "I18", FK_COUNT, true, B(B_YOUNG) | B(B_TEACHER), 0, 0, DI },
	{ "S.count", FK_COUNT, false, B(B_TEACHER_OO), 0, 0, DI },
	{ "S.edu.higher", FK_SHARE, false, B(B_EDU_HIGHER), B(B_TEACHER_OO),
	  0, DI },
	{ "S.cat.high", FK_SHARE, false, B(B_CAT_HIGH), B(B_TEACHER_OO), 0,
	  DI },
	{ "S.cat.first", FK_SHARE, false, B(B_CAT_FIRST), B(B_TEACHER_OO),
	  0, DI },
	{ "S.cat.szd", FK_SHARE, false, B(B_CAT_SZD), B(B_TEACHER_OO), 0, DI },
	{ "S.cat.none", FK_SHARE, false, B(B_CAT_NONE), B(B_TEACHER_OO), 0,
	  DI },
	{ "S.women", FK_SHARE, false, B(B_WOMAN), B(B_TEACHER_OO), 0, DI },
	{ "M.beginners", FK_COUNT, false, B(B_BEGINNER), 0, N_MENT, DO },
	{ "M.beginners.covered", FK_SHARE, false, B(B_MENTEE_ASOF),
	  B(B_BEGINNER), N_MENT, DO },
	{ "M.young_beginners", FK_COUNT, false, B(B_YOUNG) | B(B_BEGINNER), 0,
	  N_MENT, DI },
	{ "M.young_beginners.covered", FK_SHARE, false, B(B_MENTEE_ASOF),
	  B(B_YOUNG) | B(B_BEGINNER), N_MENT, DI },
	{ "M.new_hires", FK_COUNT, false, B(B_NEW_HIRE), 0, N_MENT, DO },
	{ "M.new_hires.covered", FK_SHARE, false, B(B_MENTEE_ASOF),
	  B(B_NEW_HIRE), N_MENT, DO },
	{ "M.arrived.covered", FK_SHARE, false, B(B_MENTEE_ASOF), B(B_ARRIVED),
	  N_MENT, DI },
	{ "D.diagnosed", FK_COUNT, true, B(B_DIAGNOSED), 0, N_DIAG, DO },
	{ "D.with_deficit", FK_COUNT, true, B(B_DEFICIT), 0, N_DIAG, DO },
	{ "D.addressed", FK_SHARE, true, B(B_ADDRESSED), B(B_DEFICIT),
	  N_DIAG | N_COURSES, DO },
	{ "D.iom", FK_SHARE, false, B(B_IOM), B(B_DEFICIT), N_DIAG, DI },
	{ "K.teachers60", FK_COUNT, true, B(B_OLD60) | B(B_TEACHER), 0, 0,
	  DI },
	{ "K.overloaded", FK_COUNT, false, B(B_OVERLOADED), 0, 0, DI },
	{ "K.target_contract", FK_COUNT, false, B(B_TARGET), 0, 0, DI },
	{ "K.arrived", FK_COUNT, false, B(B_ARRIVED), 0, 0, DI },
};
#define NPFIGS (sizeof(person_figs) / sizeof(person_figs[0]))

/*
 * Section S bands over the teachers of type-ОО organizations (lower bound
 * inclusive, upper exclusive; -1: open).  Ages in years, experience in
 * whole years (compared as fixed point).
 */
static const struct band {
	const char *code;
	bool exp;               /* experience band, else age band */
	int lo, hi;
} bands[] = {
	{ "S.age.under25", false, -1, 25 },
	{ "S.age.25-29", false, 25, 30 },
	{ "S.age.30-34", false, 30, 35 },
	{ "S.age.35-39", false, 35, 40 },
	{ "S.age.40-44", false, 40, 45 },
	{ "S.age.45-49", false, 45, 50 },
	{ "S.age.50-54", false, 50, 55 },
	{ "S.age.55-59", false, 55, 60 },
	{ "S.age.60-64", false, 60, 65 },
	{ "S.age.65+", false, 65, -1 },
	{ "S.age.35-59", false, 35, 60 },
	{ "S.age.under35", false, -1, 35 },
	{ "S.exp.under3", true, -1, 3 },
	{ "S.exp.3-5", true, 3, 5 },
	{ "S.exp.5-10", true, 5, 10 },
	{ "S.exp.10-15", true, 10, 15 },
	{ "S.exp.15-20", true, 15, 20 },
	{ "S.exp.20+", true, 20, -1 },
};
#define NBANDS (sizeof(bands) / sizeof(bands[0]))

/* Everything facts() derives; arrays indexed by person, org, program. */
struct state {
	const struct dataset *ds;
	const struct params *p;
	size_t np, no;
	uint64_t *bits;         /* per person */
	int *age;               /* per person, -1 unknown */
	fix_t *exp;             /* per person, FIX_NONE unknown */
	uint8_t *sflags;        /* per person: SF_* ORed */
	fix_t *load;            /* per person: load summed over rows */
	int *latest;            /* per person: latest diagnostic in window */
	uint8_t *dkinds;        /* per person: 1 << kind of window diags */
	int *mentees_asof;      /* per person as mentor */
	/* Organizations a person has rows in (CSR): orgs of person i are
	 * morg[mstart[i] .. mstart[i+1]), with mbits overlays. */
	size_t *mstart;
	int *morg;
	uint64_t *mbits;        /* per-membership bits (B_NEW_HIRE) */
	fix_t *mload;           /* per-membership load, teachers' rows */
	bool *mteacher;         /* a `учитель` row in that org */
	/* Subjects a teacher teaches (CSR, `учитель` rows only). */
	size_t *tstart;
	int *tsubj;
	size_t nsubj;           /* ds->subjects.n */
	uint8_t *prog_pk;       /* per program: a ПК row ends in the window */
};

static bool in_range(kdate d, kdate lo, kdate hi)
{
	return d != KDATE_NONE && d >= lo && d <= hi;
}

static bool diag_shows_deficit(const struct diag_row *d, fix_t threshold)
{
	if (d->deficit >= 0)
		return d->deficit == 1;
	/* Equal to the threshold is no deficit; no score, no deficit. */
	return d->score != FIX_NONE && d->score < threshold;
}

static int main_row(const struct dataset *ds, const struct person *pe)
{
	if (pe->main_row >= 0 && (size_t)pe->main_row < ds->staff.n)
		return pe->main_row;
	return pe->first_row;
}

static void state_release(struct state *s)
{
	free(s->bits);
	free(s->age);
	free(s->exp);
	free(s->sflags);
	free(s->load);
	free(s->latest);
	free(s->dkinds);
	free(s->mentees_asof);
	free(s->mstart);
	free(s->morg);
	free(s->mbits);
	free(s->mload);
	free(s->mteacher);
	free(s->tstart);
	free(s->tsubj);
	free(s->prog_pk);
	memset(s, 0, sizeof(*s));
}

/* Staff: person-level values, flags, memberships, teacher subjects. */
static void facts_staff(struct state *s)
{
	const struct dataset *ds = s->ds;
	const struct params *p = s->p;
	size_t nr = ds->staff.n;
	/* Chain each person's rows: head[person], next[row]. */
	int *head = xmalloc((s->np ? s->np : 1) * sizeof(int));
	int *next = xmalloc((nr ? nr : 1) * sizeof(int));
	int *ostamp = xmalloc((s->no ? s->no : 1) * sizeof(int));
	int *sstamp = xmalloc((s->nsubj ? s->nsubj : 1) * sizeof(int));
	kdate hire_from = date_add_months(p->asof + 1, -p->new_hire_months);

	for (size_t i = 0; i < s->np; i++)
		head[i] = -1;
	for (size_t i = 0; i < s->no; i++)
		ostamp[i] = -1;
	for (size_t i = 0; i < s->nsubj; i++)
		sstamp[i] = -1;
	for (size_t r = nr; r-- > 0;) {
		int pi = ds->staff.v[r].person;
		if (pi < 0 || (size_t)pi >= s->np)
			continue;
		next[r] = head[pi];
		head[pi] = (int)r;
	}
	s->mstart = xcalloc(s->np + 1, sizeof(size_t));
	s->morg = xmalloc((nr ? nr : 1) * sizeof(int));
	s->mbits = xcalloc(nr ? nr : 1, sizeof(uint64_t));
	s->mload = xcalloc(nr ? nr : 1, sizeof(fix_t));
	s->mteacher = xcalloc(nr ? nr : 1, sizeof(bool));
	s->tstart = xcalloc(s->np + 1, sizeof(size_t));
	size_t tcap = 16, nt = 0, nm = 0;
	s->tsubj = xmalloc(tcap * sizeof(int));

	for (size_t i = 0; i < s->np; i++) {
		const struct person *pe = &ds->persons.v[i];
		uint64_t b = 0;
		s->mstart[i] = nm;
		s->tstart[i] = nt;
		s->age[i] = -1;
		s->exp[i] = FIX_NONE;
		if (head[i] < 0)
			continue;
		const struct staff_row *m = &ds->staff.v[main_row(ds, pe)];
		if (m->birth != KDATE_NONE)
			s->age[i] = date_age(m->birth, p->asof);
		s->exp[i] = m->experience;
		if (s->age[i] >= 0 && s->age[i] < p->young_age)
			b |= B(B_YOUNG);
		if (s->age[i] >= 60)
			b |= B(B_OLD60);
		if (m->experience != FIX_NONE) {
			if (m->experience < p->beginner_exp)
				b |= B(B_BEGINNER);
			if (m->experience < FIX(1))
				b |= B(B_EXP_UNDER1);
		}
		if (m->education == EDU_HIGHER_PED ||
		    m->education == EDU_HIGHER)
			b |= B(B_EDU_HIGHER);
		switch (m->category) {
		case CAT_HIGH: b |= B(B_CAT_HIGH); break;
		case CAT_FIRST: b |= B(B_CAT_FIRST); break;
		case CAT_SZD: b |= B(B_CAT_SZD); break;
		default: b |= B(B_CAT_NONE); break;  /* empty is none */
		}
		if (m->gender == GENDER_F)
			b |= B(B_WOMAN);

		uint8_t sf = 0;
		fix_t load = 0;
		for (int r = head[i]; r >= 0; r = next[r]) {
			const struct staff_row *row = &ds->staff.v[r];
			bool teacher = row->position == POS_TEACHER;
			bool oo = row->org >= 0 && (size_t)row->org < s->no &&
				  ds->orgs.v[row->org].type == ORG_OO;
			size_t mi;
			sf |= row->flags;
			if (row->load != FIX_NONE)
				load += row->load;
			if (row->org >= 0 && (size_t)row->org < s->no) {
				if (ostamp[row->org] != (int)i) {
					ostamp[row->org] = (int)i;
					s->morg[nm++] = row->org;
				}
				/* Find the membership: few per person. */
				mi = s->mstart[i];
				while (s->morg[mi] != row->org)
					mi++;
				if (in_range(row->hire, hire_from, p->asof))
					s->mbits[mi] |= B(B_NEW_HIRE);
				if (teacher) {
					s->mteacher[mi] = true;
					if (row->load != FIX_NONE)
						s->mload[mi] += row->load;
				}
			}
			if (in_range(row->hire, hire_from, p->asof))
				b |= B(B_NEW_HIRE);
			if (!teacher)
				continue;
			b |= B(B_TEACHER);
			if (oo)
				b |= B(B_TEACHER_OO);
			for (int k = 0; k < row->nsubjects; k++) {
				int sj = row->subjects[k];
				if (sj <= SUBJ_NONE ||
				    (size_t)sj >= s->nsubj ||
				    sstamp[sj] == (int)i)
					continue;
				sstamp[sj] = (int)i;
				if (nt == tcap) {
					tcap *= 2;
					s->tsubj = xrealloc(s->tsubj, tcap *
							    sizeof(int));
				}
				s->tsubj[nt++] = sj;
			}
		}
		if (sf & SF_IOM)
			b |= B(B_IOM);
		if (sf & SF_METHOD_ACTIVE)
			b |= B(B_METHOD);
		if (sf & SF_NETWORK)
			b |= B(B_NETWORK);
		if (sf & SF_YOUNG_SUPPORT)
			b |= B(B_YOUNG_SUPPORT);
		if (sf & SF_TARGET_CONTRACT)
			b |= B(B_TARGET);
		if (sf & SF_ARRIVED)
			b |= B(B_ARRIVED);
		if ((b & B(B_TEACHER)) && load > p->load_limit)
			b |= B(B_OVERLOADED);
		s->sflags[i] = sf;
		s->load[i] = load;
		s->bits[i] = b;
	}
	s->mstart[s->np] = nm;
	s->tstart[s->np] = nt;
	free(head);
	free(next);
	free(ostamp);
	free(sstamp);
}

/* Diagnostics: the latest in the window per person, kinds seen. */
static void facts_diags(struct state *s)
{
	const struct dataset *ds = s->ds;
	for (size_t r = 0; r < ds->diags.n; r++) {
		const struct diag_row *d = &ds->diags.v[r];
		if (d->person < 0 || (size_t)d->person >= s->np ||
		    !in_range(d->date, s->p->window_start, s->p->asof))
			continue;
		int *l = &s->latest[d->person];
		/* File order: on a tie the later row wins (>=). */
		if (*l < 0 || d->date >= ds->diags.v[*l].date)
			*l = (int)r;
		if (d->kind < 8)
			s->dkinds[d->person] |= (uint8_t)(1u << d->kind);
	}
}

/* Courses: attributes of window courses, latest addressing course end. */
static void facts_courses(struct state *s, kdate *addr_end)
{
	const struct dataset *ds = s->ds;
	kdate ws = s->p->window_start, asof = s->p->asof;
	for (size_t r = 0; r < ds->courses.n; r++) {
		const struct course_row *c = &ds->courses.v[r];
		uint8_t pf = 0;
		if (c->program >= 0 && (size_t)c->program < ds->programs.n)
			pf = ds->programs.v[c->program].flags;
		bool in = in_range(c->end, ws, asof);
		if (in && c->kind == CK_PK && c->program >= 0 &&
		    (size_t)c->program < ds->programs.n)
			s->prog_pk[c->program] = 1;
		if (c->person < 0 || (size_t)c->person >= s->np)
			continue;
		uint64_t *b = &s->bits[c->person];
		/* A completed course: ended by the as-of date. */
		if ((pf & CFL_ADDRESSES_DEFICIT) && c->end != KDATE_NONE &&
		    c->end <= asof &&
		    (addr_end[c->person] == KDATE_NONE ||
		     c->end > addr_end[c->person]))
			addr_end[c->person] = c->end;
		if (!in)
			continue;
		if (pf & CFL_ADDRESSES_DEFICIT)
			*b |= B(B_C_ADDR);
		if (pf & CFL_FEDERAL)
			*b |= B(B_C_FED);
		if (pf & CFL_EXPERT_GIA)
			*b |= B(B_C_GIA);
		if (pf & CFL_EXPERT_ATTEST)
			*b |= B(B_C_ATT);
		if (c->form == CF_DISTANCE)
			*b |= B(B_C_DIST);
		if (c->kind == CK_PP) {
			*b |= B(B_C_PP);
			if (pf & CFL_PEDAGOGICAL)
				*b |= B(B_C_PP_PED);
		}
	}
}

static bool pair_active_on(const struct pair *pr, kdate d)
{
	return pr->start <= d && (pr->end == KDATE_NONE || pr->end >= d);
}

static bool pair_active_window(const struct pair *pr, kdate ws, kdate asof)
{
	return pr->start <= asof && (pr->end == KDATE_NONE || pr->end >= ws);
}

static void facts_pairs(struct state *s)
{
	const struct dataset *ds = s->ds;
	for (size_t r = 0; r < ds->pairs.n; r++) {
		const struct pair *pr = &ds->pairs.v[r];
		bool asof = pair_active_on(pr, s->p->asof);
		bool win = pair_active_window(pr, s->p->window_start,
					      s->p->asof);
		if (pr->mentee >= 0 && (size_t)pr->mentee < s->np) {
			if (asof)
				s->bits[pr->mentee] |= B(B_MENTEE_ASOF);
			if (win)
				s->bits[pr->mentee] |= B(B_MENTEE_WINDOW);
		}
		if (pr->mentor >= 0 && (size_t)pr->mentor < s->np) {
			if (asof)
				s->mentees_asof[pr->mentor]++;
			if (win)
				s->bits[pr->mentor] |= B(B_MENTOR_WINDOW);
		}
	}
}

/* Runs every pass; the derived bits that combine passes come last. */
static void facts(struct state *s, const struct dataset *ds,
		  const struct params *p)
{
	memset(s, 0, sizeof(*s));
	s->ds = ds;
	s->p = p;
	s->np = ds->persons.n;
	s->no = ds->orgs.n;
	s->nsubj = ds->subjects.n;
	size_t np1 = s->np ? s->np : 1;
	s->bits = xcalloc(np1, sizeof(uint64_t));
	s->age = xcalloc(np1, sizeof(int));
	s->exp = xcalloc(np1, sizeof(fix_t));
	s->sflags = xcalloc(np1, sizeof(uint8_t));
	s->load = xcalloc(np1, sizeof(fix_t));
	s->latest = xmalloc(np1 * sizeof(int));
	s->dkinds = xcalloc(np1, sizeof(uint8_t));
	s->mentees_asof = xcalloc(np1, sizeof(int));
	s->prog_pk = xcalloc(ds->programs.n ? ds->programs.n : 1, 1);
	kdate *addr_end = xmalloc(np1 * sizeof(kdate));
	for (size_t i = 0; i < s->np; i++) {
		s->latest[i] = -1;
		addr_end[i] = KDATE_NONE;
	}

	facts_staff(s);
	if (ds->have[KIND_DIAGNOSTICS])
		facts_diags(s);
	if (ds->have[KIND_COURSES])
		facts_courses(s, addr_end);
	if (ds->have[KIND_MENTORING])
		facts_pairs(s);

	for (size_t i = 0; i < s->np; i++) {
		uint64_t *b = &s->bits[i];
		int l = s->latest[i];
		if (l >= 0) {
			const struct diag_row *d = &ds->diags.v[l];
			*b |= B(B_DIAGNOSED);
			if (diag_shows_deficit(d, p->deficit_score)) {
				*b |= B(B_DEFICIT);
				if (addr_end[i] != KDATE_NONE &&
				    addr_end[i] >= d->date)
					*b |= B(B_ADDRESSED);
			} else {
				*b |= B(B_NO_DEFICIT);
			}
		}
		if ((s->sflags[i] & SF_MENTOR) || (*b & B(B_MENTOR_WINDOW)))
			*b |= B(B_MENTOR_COMMUNITY);
		if ((*b & B(B_MENTEE_WINDOW)) || (*b & B(B_YOUNG_SUPPORT)))
			*b |= B(B_YB_SUPPORT);
	}
	free(addr_end);
}

/* Output helpers: one "slot" per scope, [0] the district, [1+o] org o. */
struct out {
	struct figures *fs;
	const struct dataset *ds;
	const char *district;
	unsigned have;          /* 1 << KIND_* of files read */
};

static void put(struct out *o, size_t slot, const char *code,
		enum figure_kind kind, const char *breakdown, bool nodata,
		int64_t num, int64_t den)
{
	enum scope sc = slot ? SCOPE_ORG : SCOPE_DISTRICT;
	const char *id = o->district, *name = o->district;
	if (slot) {
		const struct org *org = &o->ds->orgs.v[slot - 1];
		id = org->id;
		name = org->name ? org->name : "";
	}
	if (nodata)
		figures_nodata(o->fs, sc, id, name, code, breakdown, kind);
	else if (kind == FK_COUNT)
		figures_count(o->fs, sc, id, name, code, breakdown, num);
	else
		figures_share(o->fs, sc, id, name, code, breakdown, num, den);
}

/* The district row and, with CAT_ORG, one row per organization. */
static void put_all(struct out *o, const char *code, enum figure_kind kind,
		    unsigned scopes, unsigned needs, const int64_t *num,
		    const int64_t *den)
{
	bool nodata = (needs & o->have) != needs;
	size_t nslots = (scopes & CAT_ORG) ? 1 + o->ds->orgs.n : 1;
	for (size_t sl = 0; sl < nslots; sl++)
		put(o, sl, code, kind, NULL, nodata, num ? num[sl] : 0,
		    den ? den[sl] : 0);
}

static const char *bd(struct out *o, const char *key, const char *val)
{
	return arena_printf(o->fs->arena, "%s:%s", key, val);
}

/* The person_figs table over every person, organization and subject. */
static void person_figures(struct out *o, const struct state *s)
{
	size_t nsl = 1 + s->no, ns = s->nsubj;
	int64_t *num = xcalloc(NPFIGS * nsl, sizeof(int64_t));
	int64_t *den = xcalloc(NPFIGS * nsl, sizeof(int64_t));
	int64_t *snum = xcalloc(NPFIGS * ns + 1, sizeof(int64_t));
	int64_t *sden = xcalloc(NPFIGS * ns + 1, sizeof(int64_t));
	int64_t *steachers = xcalloc(ns + 1, sizeof(int64_t));

	for (size_t i = 0; i < s->np; i++) {
		uint64_t b = s->bits[i];
		if (s->mstart[i] == s->mstart[i + 1])
			continue;       /* no accepted staff row */
		for (size_t t = s->tstart[i]; t < s->tstart[i + 1]; t++)
			steachers[s->tsubj[t]]++;
		for (size_t f = 0; f < NPFIGS; f++) {
			const struct person_fig *pf = &person_figs[f];
			/* District: bits over all rows. */
			if ((b & pf->den) == pf->den) {
				bool in = (b & pf->num) == pf->num;
				size_t t = s->tstart[i], t1 = t;
				if (pf->by_subject)
					t1 = s->tstart[i + 1];
				den[f * nsl]++;
				num[f * nsl] += in;
				for (; t < t1; t++) {
					sden[f * ns + s->tsubj[t]]++;
					snum[f * ns + s->tsubj[t]] += in;
				}
			}
			if (!(pf->scopes & CAT_ORG))
				continue;
			/* Organizations: per-membership bits overlay. */
			for (size_t m = s->mstart[i]; m < s->mstart[i + 1];
			     m++) {
				uint64_t mb = (b & ~B(B_NEW_HIRE)) |
					      s->mbits[m];
				size_t k = f * nsl + 1 + (size_t)s->morg[m];
				if ((mb & pf->den) != pf->den)
					continue;
				den[k]++;
				num[k] += (mb & pf->num) == pf->num;
			}
		}
	}
	for (size_t f = 0; f < NPFIGS; f++) {
		const struct person_fig *pf = &person_figs[f];
		bool nodata = (pf->needs & o->have) != pf->needs;
		put_all(o, pf->code, pf->kind, pf->scopes, pf->needs,
			num + f * nsl, den + f * nsl);
		if (!pf->by_subject)
			continue;
		for (size_t sj = 1; sj < ns; sj++) {
			if (!steachers[sj])
				continue;
			const char *sn = dataset_subject_name(o->ds, (int)sj);
			const char *b = bd(o, "subject", sn);
			put(o, 0, pf->code, pf->kind, b, nodata,
			    snum[f * ns + sj], sden[f * ns + sj]);
		}
	}
	free(num);
	free(den);
	free(snum);
	free(sden);
	free(steachers);
}

/* Section S bands: teachers of type-ОО organizations by age, experience. */
static void band_figures(struct out *o, const struct state *s)
{
	int64_t num[NBANDS] = { 0 }, base = 0;
	for (size_t i = 0; i < s->np; i++) {
		if (!(s->bits[i] & B(B_TEACHER_OO)))
			continue;
		base++;
		for (size_t k = 0; k < NBANDS; k++) {
			const struct band *bn = &bands[k];
			if (bn->exp) {
				fix_t e = s->exp[i];
				if (e == FIX_NONE)
					continue;
				if ((bn->lo < 0 || e >= FIX(bn->lo)) &&
				    (bn->hi < 0 || e < FIX(bn->hi)))
					num[k]++;
			} else {
				int a = s->age[i];
				if (a < 0)
					continue;
				if ((bn->lo < 0 || a >= bn->lo) &&
				    (bn->hi < 0 || a < bn->hi))
					num[k]++;
			}
		}
	}
	for (size_t k = 0; k < NBANDS; k++)
		put(o, 0, bands[k].code, FK_SHARE, NULL, false, num[k], base);
}

/* S.staff: every pedagogical worker, by organization type and position. */
static void staff_figures(struct out *o, const struct state *s)
{
	const struct dataset *ds = s->ds;
	int64_t total = 0, bytype[ORG__COUNT] = { 0 };
	int64_t bypos[POS__COUNT] = { 0 };
	for (size_t i = 0; i < s->np; i++) {
		unsigned types = 0;
		if (s->mstart[i] == s->mstart[i + 1])
			continue;
		total++;
		for (size_t m = s->mstart[i]; m < s->mstart[i + 1]; m++)
			types |= 1u << ds->orgs.v[s->morg[m]].type;
		for (int t = 1; t < ORG__COUNT; t++)
			bytype[t] += (types >> t) & 1;
	}
	/*
	 * Positions: one pass over the rows, a person once per position (a
	 * bit set per person; POS__COUNT < 32).
	 */
	uint32_t *seen = xcalloc(s->np ? s->np : 1, sizeof(uint32_t));
	for (size_t r = 0; r < ds->staff.n; r++) {
		const struct staff_row *row = &ds->staff.v[r];
		if (row->person < 0 || (size_t)row->person >= s->np ||
		    row->position >= POS__COUNT || row->position == POS_NONE)
			continue;
		uint32_t bit = 1u << row->position;
		if (seen[row->person] & bit)
			continue;
		seen[row->person] |= bit;
		bypos[row->position]++;
	}
	free(seen);
	put(o, 0, "S.staff", FK_COUNT, NULL, false, total, 0);
	for (int t = 1; t < ORG__COUNT; t++)
		put(o, 0, "S.staff", FK_COUNT,
		    bd(o, "org_type", enum_name(EN_ORG_TYPE, t)), false,
		    bytype[t], 0);
	for (int k = 1; k < POS__COUNT; k++)
		if (bypos[k])
			put(o, 0, "S.staff", FK_COUNT,
			    bd(o, "position", enum_name(EN_POSITION, k)),
			    false, bypos[k], 0);
}

/* I07, I10: distinct ПК programs in the window; I14: schools. */
static void program_org_figures(struct out *o, const struct state *s)
{
	const struct dataset *ds = s->ds;
	int64_t pk = 0, el = 0, st = 0, oo = 0, model = 0;
	for (size_t k = 0; k < ds->programs.n; k++) {
		if (!s->prog_pk[k])
			continue;
		pk++;
		el += (ds->programs.v[k].flags & CFL_ELEARNING) != 0;
		st += (ds->programs.v[k].flags & CFL_STRESS) != 0;
	}
	for (size_t k = 0; k < ds->orgs.n; k++) {
		if (ds->orgs.v[k].type != ORG_OO)
			continue;
		oo++;
		model += ds->orgs.v[k].mentoring_model;
	}
	int64_t n7[1] = { el }, n10[1] = { st }, d[1] = { pk };
	int64_t n14[1] = { model }, d14[1] = { oo };
	put_all(o, "I07", FK_SHARE, DI, N_COURSES, n7, d);
	put_all(o, "I10", FK_SHARE, DI, N_COURSES, n10, d);
	put_all(o, "I14", FK_SHARE, DI, 0, n14, d14);
}

/* I16 and section K's vacancies, need and load. */
static void staffing_figures(struct out *o, const struct state *s)
{
	const struct dataset *ds = s->ds;
	size_t nsl = 1 + s->no, ns = s->nsubj;
	int64_t *p = xcalloc(nsl, sizeof(int64_t));
	int64_t *cur = xcalloc(nsl, sizeof(int64_t));
	int64_t *vac = xcalloc(nsl, sizeof(int64_t));
	int64_t *i16d = xcalloc(nsl, sizeof(int64_t));
	int64_t *lteach = xcalloc(nsl, sizeof(int64_t));
	int64_t *lsum = xcalloc(nsl, sizeof(int64_t));
	int64_t *vsubj = xcalloc(ns + 1, sizeof(int64_t));
	int64_t *nsubj = xcalloc(ns + 1, sizeof(int64_t));
	int64_t need = 0, hz[HZ__COUNT] = { 0 }, pos[POS__COUNT] = { 0 };
	bool vac_subj_seen = false;

	for (size_t i = 0; i < s->np; i++) {
		if (s->mstart[i] == s->mstart[i + 1])
			continue;
		p[0]++;
		if (s->bits[i] & B(B_TEACHER)) {
			lteach[0]++;
			lsum[0] += s->load[i];
		}
		for (size_t m = s->mstart[i]; m < s->mstart[i + 1]; m++) {
			size_t k = 1 + (size_t)s->morg[m];
			p[k]++;
			if (s->mteacher[m]) {
				lteach[k]++;
				lsum[k] += s->mload[m];
			}
		}
	}
	for (size_t r = 0; r < ds->vacancies.n; r++) {
		const struct vacancy *v = &ds->vacancies.v[r];
		size_t k = (v->org >= 0 && (size_t)v->org < s->no) ?
			   1 + (size_t)v->org : 0;
		vac[0] += v->count;
		if (k)
			vac[k] += v->count;
		if (v->horizon < HZ__COUNT)
			hz[v->horizon] += v->count;
		if (v->position < POS__COUNT)
			pos[v->position] += v->count;
		if (v->horizon == HZ_CURRENT) {
			cur[0] += v->count;
			if (k)
				cur[k] += v->count;
		}
		bool needed = v->horizon == HZ_CURRENT ||
			      v->horizon == HZ_MEDIUM;
		if (needed)
			need += v->count;
		if (v->subject > SUBJ_NONE && (size_t)v->subject < ns) {
			vsubj[v->subject] += v->count;
			vac_subj_seen = true;
			if (needed)
				nsubj[v->subject] += v->count;
		}
	}
	for (size_t k = 0; k < nsl; k++)
		i16d[k] = p[k] + cur[k];
	put_all(o, "I16", FK_SHARE, DO, N_VAC, p, i16d);
	put_all(o, "K.vacancies", FK_COUNT, DO, N_VAC, vac, NULL);
	put_all(o, "K.need", FK_COUNT, DI, N_VAC, &need, NULL);
	if (o->have & N_VAC) {
		for (int h = 1; h < HZ__COUNT; h++)
			put(o, 0, "K.vacancies", FK_COUNT,
			    bd(o, "horizon", enum_name(EN_HORIZON, h)), false,
			    hz[h], 0);
		for (int k = 1; k < POS__COUNT; k++)
			if (pos[k])
				put(o, 0, "K.vacancies", FK_COUNT,
				    bd(o, "position",
				       enum_name(EN_POSITION, k)),
				    false, pos[k], 0);
		for (size_t sj = 1; vac_subj_seen && sj < ns; sj++) {
			if (!vsubj[sj])
				continue;
			const char *sn = dataset_subject_name(ds, (int)sj);
			put(o, 0, "K.vacancies", FK_COUNT,
			    bd(o, "subject", sn), false, vsubj[sj], 0);
			put(o, 0, "K.need", FK_COUNT, bd(o, "subject", sn),
			    false, nsubj[sj], 0);
		}
	}
	/* Load: whole hours, rounded half up from thousandths. */
	for (size_t k = 0; k < nsl; k++)
		lsum[k] = (lsum[k] + FIX_ONE / 2) / FIX_ONE;
	put_all(o, "K.load.teachers", FK_COUNT, DO, 0, lteach, NULL);
	put_all(o, "K.load.hours", FK_COUNT, DO, 0, lsum, NULL);
	free(p);
	free(cur);
	free(vac);
	free(i16d);
	free(lteach);
	free(lsum);
	free(vsubj);
	free(nsubj);
}

/* Section M figures about pairs and mentors, and schools without pairs. */
static void mentoring_figures(struct out *o, const struct state *s)
{
	const struct dataset *ds = s->ds;
	size_t nsl = 1 + s->no;
	int64_t *active = xcalloc(nsl, sizeof(int64_t));
	int64_t *beg = xcalloc(nsl, sizeof(int64_t));
	int64_t form[MF__COUNT] = { 0 }, paid = 0, mentors = 0, over = 0;
	int64_t mentees = 0, orgs_no_pair = 0;
	bool nodata = !(o->have & N_MENT);

	for (size_t r = 0; r < ds->pairs.n && !nodata; r++) {
		const struct pair *pr = &ds->pairs.v[r];
		if (!pair_active_on(pr, s->p->asof))
			continue;
		active[0]++;
		if (pr->org >= 0 && (size_t)pr->org < s->no)
			active[1 + pr->org]++;
		if (pr->form < MF__COUNT)
			form[pr->form]++;
		paid += pr->paid;
	}
	for (size_t i = 0; i < s->np && !nodata; i++) {
		if (s->mentees_asof[i] > 0)
			mentors++;
		if (s->mentees_asof[i] > s->p->mentor_limit)
			over++;
		if (s->bits[i] & B(B_MENTEE_ASOF))
			mentees++;
		if (!(s->bits[i] & B(B_BEGINNER)))
			continue;
		for (size_t m = s->mstart[i]; m < s->mstart[i + 1]; m++)
			beg[1 + s->morg[m]]++;
	}
	for (size_t k = 0; k < s->no; k++)
		if (ds->orgs.v[k].type == ORG_OO && beg[1 + k] &&
		    !active[1 + k])
			orgs_no_pair++;
	put_all(o, "M.pairs.active", FK_COUNT, DO, N_MENT, active, NULL);
	int64_t pd[1] = { active[0] };
	put_all(o, "M.pairs.paid", FK_SHARE, DI, N_MENT, &paid, pd);
	put_all(o, "M.mentors.active", FK_COUNT, DI, N_MENT, &mentors, NULL);
	put_all(o, "M.mentors.over_limit", FK_COUNT, DI, N_MENT, &over, NULL);
	put_all(o, "M.mentees.active", FK_COUNT, DI, N_MENT, &mentees, NULL);
	put_all(o, "M.orgs_beginners_no_pair", FK_COUNT, DI, N_MENT,
		&orgs_no_pair, NULL);
	for (int f = 1; f < MF__COUNT && !nodata; f++)
		put(o, 0, "M.pairs.active", FK_COUNT,
		    bd(o, "form", enum_name(EN_MENTOR_FORM, f)), false,
		    form[f], 0);
	free(active);
	free(beg);
}

/* Section D breakdowns: area of the latest deficit, kind of diagnostic. */
static void deficit_figures(struct out *o, const struct state *s)
{
	const struct dataset *ds = s->ds;
	if (!(o->have & N_DIAG))
		return;
	size_t na = ds->areas.n;
	int64_t *area = xcalloc(na + 1, sizeof(int64_t));
	int *astamp = xmalloc((na + 1) * sizeof(int));
	int64_t kinds[DK__COUNT] = { 0 };
	for (size_t a = 0; a < na; a++)
		astamp[a] = -1;
	for (size_t i = 0; i < s->np; i++) {
		for (int k = 1; k < DK__COUNT; k++)
			kinds[k] += (s->dkinds[i] >> k) & 1;
		if (!(s->bits[i] & B(B_DEFICIT)))
			continue;
		const struct diag_row *d = &ds->diags.v[s->latest[i]];
		for (int k = 0; k < d->nareas; k++) {
			int a = d->areas[k];
			if (a < 0 || (size_t)a >= na || astamp[a] == (int)i)
				continue;
			astamp[a] = (int)i;
			area[a]++;
		}
	}
	for (size_t a = 0; a < na; a++)
		put(o, 0, "D.with_deficit", FK_COUNT,
		    bd(o, "area", ds->areas.v[a]), false, area[a], 0);
	for (int k = 1; k < DK__COUNT; k++)
		put(o, 0, "D.diagnosed", FK_COUNT,
		    bd(o, "kind", enum_name(EN_DIAG_KIND, k)), false, kinds[k],
		    0);
	free(area);
	free(astamp);
}

int compute_figures(const struct dataset *ds, const struct params *p,
		    const char *district, struct figures *out)
{
	struct state s;
	struct out o = { out, ds, district,
			 1u << KIND_ORGS | 1u << KIND_STAFF };
	if (!o.district || !*o.district)
		o.district = dataset_municipality(ds);
	/* summary.csv needs a scope_id (its reader refuses an empty one). */
	if (!*o.district)
		o.district = "муниципалитет";
	for (int k = KIND_DIAGNOSTICS; k < KIND__COUNT; k++)
		if (ds->have[k])
			o.have |= 1u << k;
	facts(&s, ds, p);
	person_figures(&o, &s);
	band_figures(&o, &s);
	staff_figures(&o, &s);
	program_org_figures(&o, &s);
	staffing_figures(&o, &s);
	mentoring_figures(&o, &s);
	deficit_figures(&o, &s);
	state_release(&s);
	figures_sort(out);
	return 0;
}

const char *dataset_municipality(const struct dataset *ds)
{
	struct strmap idx = STRMAP_INIT;
	int *cnt = xcalloc(ds->orgs.n + 1, sizeof(int));
	const char *best = "";
	int bestn = 0;
	/* First occurrence's org index holds the count: ties -> file order. */
	for (size_t k = 0; k < ds->orgs.n; k++) {
		const char *m = ds->orgs.v[k].municipality;
		if (!m || !*m)
			continue;
		int first = strmap_get(&idx, m);
		if (first < 0) {
			first = (int)k;
			strmap_put(&idx, m, first);
		}
		cnt[first]++;
	}
	for (size_t k = 0; k < ds->orgs.n; k++)
		if (cnt[k] > bestn) {
			bestn = cnt[k];
			best = ds->orgs.v[k].municipality;
		}
	free(cnt);
	strmap_release(&idx);
	return best;
}

struct person_facts *compute_person_facts(const struct dataset *ds,
					  const struct params *p)
{
	static const struct { int b; uint32_t pf; } map[] = {
		{ B_TEACHER, PF_TEACHER }, { B_TEACHER_OO, PF_TEACHER_OO },
		{ B_YOUNG, PF_YOUNG }, { B_BEGINNER, PF_BEGINNER },
		{ B_DIAGNOSED, PF_DIAGNOSED }, { B_DEFICIT, PF_DEFICIT },
		{ B_ADDRESSED, PF_ADDRESSED },
		{ B_MENTEE_ASOF, PF_MENTEE_ASOF },
		{ B_MENTEE_WINDOW, PF_MENTEE_WINDOW },
		{ B_MENTOR_WINDOW, PF_MENTOR_WINDOW },
		{ B_OVERLOADED, PF_OVERLOADED }, { B_NEW_HIRE, PF_NEW_HIRE },
		{ B_OLD60, PF_OLD60 },
	};
	struct state s;
	if (!ds->persons.n)
		return NULL;
	facts(&s, ds, p);
	struct person_facts *pf = xcalloc(s.np, sizeof(*pf));
	for (size_t i = 0; i < s.np; i++) {
		pf[i].age = s.age[i];
		pf[i].sflags = s.sflags[i];
		pf[i].latest_diag = s.latest[i];
		pf[i].load = s.load[i];
		pf[i].mentees_asof = s.mentees_asof[i];
		for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++)
			if (s.bits[i] & B(map[k].b))
				pf[i].flags |= map[k].pf;
	}
	state_release(&s);
	return pf;
}
