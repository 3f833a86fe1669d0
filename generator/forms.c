/*
 * forms.c - the forecast of staffing need and the target-model form of
 * mentoring: their own cells from the accepted data, both forms from the
 * figures.
 *
 * The cells are counted the way compute.c counts the figures they must
 * equal: person-level facts come from compute_person_facts(), a person
 * counts in every organization they have a row in, pairs by their org_id,
 * a pair active when start <= as-of <= end (or no end).
 */
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compute.h"
#include "enums.h"

/*
 * F.need's breakdowns: "horizon:<h>" per horizon and
 * "horizon:<h>;<group>" per column group, the way history rows join two
 * keys ("year:2025;subject:ИЗО"), so the subject sheets that list every
 * "subject:" row do not take the forecast's cells for their own.
 */
static const char *hz_breakdown(struct arena *a, int fh, const char *group)
{
	const char *h = enum_name(EN_HORIZON, HZ_CURRENT + fh);
	if (!group)
		return arena_printf(a, "horizon:%s", h);
	return arena_printf(a, "horizon:%s;%s", h, group);
}

const char *forms_horizon_label(int fh)
{
	static const char *const t[FH__COUNT] = {
		"текущая", "на 1–3 года", "более 3 лет"
	};
	return fh >= 0 && fh < FH__COUNT ? t[fh] : "";
}

/* ---- the cells from the accepted data ---- */

/* Per slot: [0] the district, [1 + o] organization o. */
struct cells {
	size_t nsl, nkeys;
	int64_t *need;          /* [(sl * nkeys + key) * FH__COUNT + h] */
	int64_t *t60, *retiring, *expected, *target;
	int64_t *arrived, *arrived_cov;
	int64_t *mentors, *mentees, *paid, *pairs;  /* pairs: [sl*MF + f] */
};

static void put_count(struct figures *fs, const struct dataset *ds,
		      const char *district, size_t sl, const char *code,
		      const char *bd, bool nodata, int64_t v)
{
	enum scope sc = sl ? SCOPE_ORG : SCOPE_DISTRICT;
	const char *id = district, *name = district;
	if (sl) {
		id = ds->orgs.v[sl - 1].id;
		name = ds->orgs.v[sl - 1].name ? ds->orgs.v[sl - 1].name : "";
	}
	if (nodata)
		figures_nodata(fs, sc, id, name, code, bd, FK_COUNT);
	else
		figures_count(fs, sc, id, name, code, bd, v);
}

static void put_share(struct figures *fs, const struct dataset *ds,
		      const char *district, size_t sl, const char *code,
		      bool nodata, int64_t num, int64_t den)
{
	enum scope sc = sl ? SCOPE_ORG : SCOPE_DISTRICT;
	const char *id = district, *name = district;
	if (sl) {
		id = ds->orgs.v[sl - 1].id;
		name = ds->orgs.v[sl - 1].name ? ds->orgs.v[sl - 1].name : "";
	}
	if (nodata)
		figures_nodata(fs, sc, id, name, code, "", FK_SHARE);
	else
		figures_share(fs, sc, id, name, code, "", num, den);
}

/*
 * A vacancy's column: a teacher's subject (key = subject id), teachers
 * with no subject (key 0), or another position (nsubj + position).
 */
static size_t need_key(const struct vacancy *v, size_t nsubj)
{
	if (v->position == POS_TEACHER)
		return v->subject > SUBJ_NONE && (size_t)v->subject < nsubj
			       ? (size_t)v->subject : 0;
	return nsubj + (v->position < POS__COUNT ? v->position : POS_OTHER);
}

static const char *key_breakdown(struct arena *a, const struct dataset *ds,
				 size_t key, size_t nsubj)
{
	if (key == 0)
		return arena_printf(a, "position:%s",
				    enum_name(EN_POSITION, POS_TEACHER));
	if (key < nsubj)
		return arena_printf(a, "subject:%s",
				    dataset_subject_name(ds, (int)key));
	return arena_printf(a, "position:%s",
			    enum_name(EN_POSITION, (int)(key - nsubj)));
}

static void count_vacancies(const struct dataset *ds, struct cells *c,
			    size_t nsubj)
{
	for (size_t r = 0; r < ds->vacancies.n; r++) {
		const struct vacancy *v = &ds->vacancies.v[r];
		/* The validator fills in the default horizon, «текущая». */
		int h = v->horizon >= HZ_CURRENT && v->horizon < HZ__COUNT
				? v->horizon - HZ_CURRENT : FH_CURRENT;
		size_t key = need_key(v, nsubj);
		c->need[key * FH__COUNT + (size_t)h] += v->count;
		if (v->org >= 0 && (size_t)v->org < ds->orgs.n)
			c->need[((1 + (size_t)v->org) * c->nkeys + key) *
				FH__COUNT + (size_t)h] += v->count;
	}
}

/*
 * Teachers (retiring, 60+), target contracts and arrivals: once in the
 * district, in each organization of a row (a teacher: of a `учитель`
 * row).  hend: the horizon's last day.
 */
static void count_persons(const struct dataset *ds, const struct params *p,
			  const struct person_facts *pf, kdate hend,
			  struct cells *c)
{
	size_t np = ds->persons.n, no = ds->orgs.n;
	int *head = xmalloc((np ? np : 1) * sizeof(int));
	int *next = xmalloc((ds->staff.n ? ds->staff.n : 1) * sizeof(int));
	int *ostamp = xmalloc((no ? no : 1) * sizeof(int));
	int *tstamp = xmalloc((no ? no : 1) * sizeof(int));

	for (size_t i = 0; i < np; i++)
		head[i] = -1;
	for (size_t o = 0; o < no; o++)
		ostamp[o] = tstamp[o] = -1;
	for (size_t r = ds->staff.n; r-- > 0;) {
		int pi = ds->staff.v[r].person;
		if (pi < 0 || (size_t)pi >= np)
			continue;
		next[r] = head[pi];
		head[pi] = (int)r;
	}
	for (size_t i = 0; i < np && pf; i++) {
		const struct person *pe = &ds->persons.v[i];
		int mr = pe->main_row >= 0 &&
			 (size_t)pe->main_row < ds->staff.n ? pe->main_row
							    : pe->first_row;
		bool teacher = pf[i].flags & PF_TEACHER;
		bool old = teacher && (pf[i].flags & PF_OLD60);
		bool ret = false, any = false;
		if (teacher && mr >= 0 && hend != KDATE_NONE) {
			kdate b = ds->staff.v[mr].birth;
			ret = b != KDATE_NONE &&
			      date_age(b, p->asof) < p->retire_age &&
			      date_age(b, hend) >= p->retire_age;
		}
		bool tgt = pf[i].sflags & SF_TARGET_CONTRACT;
		bool arr = pf[i].sflags & SF_ARRIVED;
		bool cov = arr && (pf[i].flags & PF_MENTEE_ASOF);
		for (int r = head[i]; r >= 0; r = next[r]) {
			const struct staff_row *row = &ds->staff.v[r];
			if (row->org < 0 || (size_t)row->org >= no)
				continue;
			size_t sl = 1 + (size_t)row->org;
			any = true;
			if (row->position == POS_TEACHER &&
			    tstamp[row->org] != (int)i) {
				tstamp[row->org] = (int)i;
				c->t60[sl] += old;
				c->retiring[sl] += ret;
				c->expected[sl] += old || ret;
			}
			if (ostamp[row->org] == (int)i)
				continue;
			ostamp[row->org] = (int)i;
			c->target[sl] += tgt;
			c->arrived[sl] += arr;
			c->arrived_cov[sl] += cov;
		}
		if (!any)
			continue;       /* no accepted row: not in P */
		c->t60[0] += old;
		c->retiring[0] += ret;
		c->expected[0] += old || ret;
		c->target[0] += tgt;
		c->arrived[0] += arr;
		c->arrived_cov[0] += cov;
	}
	free(head);
	free(next);
	free(ostamp);
	free(tstamp);
}

/* An active pair: its organization and row, sorted org first. */
struct pref {
	int org, row;
};

static int cmp_pref(const void *a, const void *b)
{
	const struct pref *x = a, *y = b;
	if (x->org != y->org)
		return x->org < y->org ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/*
 * Mentors, mentees, mentors with a paid pair, pairs by form: the pairs
 * active on the as-of date, distinct persons per organization of the
 * pair and once in the district.  stamp values: 1 + slot.
 */
static void count_pairs(const struct dataset *ds, const struct params *p,
			struct cells *c)
{
	size_t np = ds->persons.n, n = 0;
	struct pref *ord = xmalloc((ds->pairs.n ? ds->pairs.n : 1) *
				   sizeof(*ord));
	/* [0] district stamps, [1] the current organization's */
	int *st = xcalloc(6 * (np ? np : 1), sizeof(int));
	int *sm[2] = { st, st + np }, *se[2] = { st + 2 * np, st + 3 * np };
	int *sp[2] = { st + 4 * np, st + 5 * np };

	for (size_t r = 0; r < ds->pairs.n; r++) {
		const struct pair *pr = &ds->pairs.v[r];
		if (pr->start <= p->asof &&
		    (pr->end == KDATE_NONE || pr->end >= p->asof)) {
			ord[n].org = pr->org;
			ord[n++].row = (int)r;
		}
	}
	/* one organization's pairs adjacent: its stamps stay valid */
	qsort(ord, n, sizeof(*ord), cmp_pref);
	for (size_t k = 0; k < n; k++) {
		const struct pair *pr = &ds->pairs.v[ord[k].row];
		size_t slots[2] = { 0, 0 };
		int ns = 1;
		if (pr->org >= 0 && (size_t)pr->org < ds->orgs.n)
			slots[ns++] = 1 + (size_t)pr->org;
		for (int j = 0; j < ns; j++) {
			size_t sl = slots[j];
			int mark = (int)sl + 1;
			c->pairs[sl * MF__COUNT] += 1;
			if (pr->form > MF_NONE && pr->form < MF__COUNT)
				c->pairs[sl * MF__COUNT + pr->form] += 1;
			if (pr->mentor >= 0 && (size_t)pr->mentor < np) {
				int *m = &sm[j][pr->mentor];
				if (*m != mark) {
					*m = mark;
					c->mentors[sl]++;
				}
				int *q = &sp[j][pr->mentor];
				if (pr->paid && *q != mark) {
					*q = mark;
					c->paid[sl]++;
				}
			}
			if (pr->mentee >= 0 && (size_t)pr->mentee < np) {
				int *e = &se[j][pr->mentee];
				if (*e != mark) {
					*e = mark;
					c->mentees[sl]++;
				}
			}
		}
	}
	free(ord);
	free(st);
}

static void cells_alloc(struct cells *c, size_t nsl, size_t nkeys)
{
	c->nsl = nsl;
	c->nkeys = nkeys;
	c->need = xcalloc(nsl * nkeys * FH__COUNT, sizeof(int64_t));
	int64_t **v[] = { &c->t60, &c->retiring, &c->expected, &c->target,
			  &c->arrived, &c->arrived_cov, &c->mentors,
			  &c->mentees, &c->paid };
	for (size_t k = 0; k < sizeof(v) / sizeof(v[0]); k++)
		*v[k] = xcalloc(nsl, sizeof(int64_t));
	c->pairs = xcalloc(nsl * MF__COUNT, sizeof(int64_t));
}

static void cells_free(struct cells *c)
{
	free(c->need);
	free(c->t60);
	free(c->retiring);
	free(c->expected);
	free(c->target);
	free(c->arrived);
	free(c->arrived_cov);
	free(c->mentors);
	free(c->mentees);
	free(c->paid);
	free(c->pairs);
}

void forms_add_figures(const struct dataset *ds, const struct params *p,
		       const char *district, struct figures *fs)
{
	size_t nsubj = ds->subjects.n > SUBJ__COUNT ? ds->subjects.n
						    : SUBJ__COUNT;
	size_t nkeys = nsubj + POS__COUNT, nsl = 1 + ds->orgs.n;
	bool novac = !ds->have[KIND_VACANCIES];
	bool noment = !ds->have[KIND_MENTORING];
	kdate hend = date_add_months(p->asof, 12 * p->forecast_years);
	struct person_facts *pf = compute_person_facts(ds, p);
	struct cells c;

	cells_alloc(&c, nsl, nkeys);
	count_vacancies(ds, &c, nsubj);
	count_persons(ds, p, pf, hend, &c);
	if (!noment)
		count_pairs(ds, p, &c);
	free(pf);

	for (size_t sl = 0; sl < nsl; sl++) {
		const int64_t *nd = c.need + sl * nkeys * FH__COUNT;
		int64_t all = 0;
		for (int h = 0; h < FH__COUNT && !novac; h++) {
			int64_t tot = 0;
			for (size_t k = 0; k < nkeys; k++)
				tot += nd[k * FH__COUNT + (size_t)h];
			all += tot;
			put_count(fs, ds, district, sl, "F.need",
				  hz_breakdown(fs->arena, h, NULL), false,
				  tot);
			for (size_t k = 0; k < nkeys; k++) {
				int64_t v = nd[k * FH__COUNT + (size_t)h];
				if (!v)
					continue;
				const char *g = key_breakdown(fs->arena, ds,
							      k, nsubj);
				put_count(fs, ds, district, sl, "F.need",
					  hz_breakdown(fs->arena, h, g),
					  false, v);
			}
		}
		put_count(fs, ds, district, sl, "F.need", "", novac, all);
		put_count(fs, ds, district, sl, "F.need.teachers60", "",
			  false, c.t60[sl]);
		put_count(fs, ds, district, sl, "F.need.retiring", "", false,
			  c.retiring[sl]);
		put_count(fs, ds, district, sl, "F.need.expected", "", false,
			  c.expected[sl]);
		put_count(fs, ds, district, sl, "F.supply.target", "", false,
			  c.target[sl]);
	}

	int64_t schools = 0, model = 0;
	for (size_t o = 0; o < ds->orgs.n; o++) {
		bool oo = ds->orgs.v[o].type == ORG_OO;
		bool m = oo && ds->orgs.v[o].mentoring_model;
		schools += oo;
		model += m;
		put_share(fs, ds, district, 1 + o, "F.tm.model", false, m, oo);
	}
	put_share(fs, ds, district, 0, "F.tm.model", false, model, schools);
	for (size_t sl = 0; sl < nsl; sl++) {
		put_count(fs, ds, district, sl, "F.tm.mentors", "", noment,
			  c.mentors[sl]);
		put_count(fs, ds, district, sl, "F.tm.mentees", "", noment,
			  c.mentees[sl]);
		put_count(fs, ds, district, sl, "F.tm.paid", "", noment,
			  c.paid[sl]);
		put_count(fs, ds, district, sl, "F.tm.pairs", "", noment,
			  c.pairs[sl * MF__COUNT]);
		/* every form in the district, as M.pairs.active has them */
		for (int f = 1; f < MF__COUNT && !noment; f++) {
			int64_t v = c.pairs[sl * MF__COUNT + (size_t)f];
			if (v || !sl)
				put_count(fs, ds, district, sl, "F.tm.pairs",
					  arena_printf(fs->arena, "form:%s",
						       enum_name(EN_MENTOR_FORM,
								 f)),
					  false, v);
		}
		put_share(fs, ds, district, sl, "F.tm.arrived", noment,
			  c.arrived_cov[sl], c.arrived[sl]);
	}
	cells_free(&c);
}

/* ---- both forms from the figures ---- */

static const struct figure *look(const struct figures *fs, int scope,
				 const char *id, const char *code,
				 const char *bd)
{
	return figures_find(fs, (enum scope)scope, id, code, bd);
}

/* A count, or a share's numerator; 0 when absent or without data. */
static int64_t num_of(const struct figures *fs, int scope, const char *id,
		      const char *code, const char *bd)
{
	const struct figure *f = look(fs, scope, id, code, bd);
	return f && !f->nodata ? f->num : 0;
}

static int64_t den_of(const struct figures *fs, int scope, const char *id,
		      const char *code)
{
	const struct figure *f = look(fs, scope, id, code, "");
	return f && !f->nodata && f->kind == FK_SHARE ? f->den : 0;
}

static bool nodata_of(const struct figures *fs, int scope, const char *id,
		      const char *code)
{
	const struct figure *f = look(fs, scope, id, code, "");
	return !f || f->nodata;
}

/* Subjects first, then teachers with no subject, then other positions. */
static int group_rank(const char *bd)
{
	if (!strncmp(bd, "subject:", 8))
		return 0;
	return strcmp(bd + 9, enum_name(EN_POSITION, POS_TEACHER)) ? 2 : 1;
}

static int cmp_group(const void *a, const void *b)
{
	const struct fc_group *x = a, *y = b;
	int rx = group_rank(x->breakdown), ry = group_rank(y->breakdown);
	if (rx != ry)
		return rx - ry;
	return strcmp(x->breakdown, y->breakdown);
}

static void find_groups(const struct figures *fs, enum scope ts,
			const char *tid, struct arena *a,
			struct forecast_form *fc)
{
	size_t cap = 0;
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		const char *bd = strchr(f->breakdown, ';');
		bool dup = false;
		if (f->scope != ts || strcmp(f->scope_id, tid) || !bd ||
		    strcmp(f->code, "F.need") ||
		    strncmp(f->breakdown, "horizon:", 8) || !strchr(++bd, ':'))
			continue;
		for (size_t g = 0; g < fc->ngroups && !dup; g++)
			dup = !strcmp(fc->groups[g].breakdown, bd);
		if (dup)
			continue;
		struct fc_group *g = VEC_PUSH(fc->groups, fc->ngroups, cap);
		g->breakdown = bd;
		g->label = group_rank(bd) == 1 ? "учитель (предмет не указан)"
					       : strchr(bd, ':') + 1;
	}
	if (fc->ngroups > 1)
		qsort(fc->groups, fc->ngroups, sizeof(*fc->groups), cmp_group);
	/* Into the arena, so the caller frees nothing but the arena. */
	struct fc_group *v = arena_alloc(a, (fc->ngroups + 1) * sizeof(*v));
	if (fc->ngroups)
		memcpy(v, fc->groups, fc->ngroups * sizeof(*v));
	free(fc->groups);
	fc->groups = v;
}

static void fill_fc(const struct figures *fs, int sc, const char *id,
		    struct arena *a, const struct forecast_form *fc,
		    struct fc_row *r)
{
	r->nodata = nodata_of(fs, sc, id, "F.need");
	r->vacancies = num_of(fs, sc, id, "F.need", "");
	r->cell = arena_alloc(a, (fc->ngroups * FH__COUNT + 1) *
				 sizeof(int64_t));
	for (int h = 0; h < FH__COUNT; h++) {
		r->hz[h] = num_of(fs, sc, id, "F.need",
				  hz_breakdown(a, h, NULL));
		for (size_t g = 0; g < fc->ngroups; g++)
			r->cell[g * FH__COUNT + (size_t)h] =
				num_of(fs, sc, id, "F.need",
				       hz_breakdown(a, h,
						    fc->groups[g].breakdown));
	}
	r->need = r->hz[FH_CURRENT] + r->hz[FH_MEDIUM];
	r->teachers60 = num_of(fs, sc, id, "F.need.teachers60", "");
	r->retiring = num_of(fs, sc, id, "F.need.retiring", "");
	r->expected = num_of(fs, sc, id, "F.need.expected", "");
	r->target = num_of(fs, sc, id, "F.supply.target", "");
}

static void fill_tm(const struct figures *fs, int sc, const char *id,
		    struct tm_row *r)
{
	r->nodata = nodata_of(fs, sc, id, "F.tm.mentors");
	r->model_num = num_of(fs, sc, id, "F.tm.model", "");
	r->model_den = den_of(fs, sc, id, "F.tm.model");
	r->community = num_of(fs, sc, id, "I12", "");
	r->mentors = num_of(fs, sc, id, "F.tm.mentors", "");
	r->mentees = num_of(fs, sc, id, "F.tm.mentees", "");
	r->pairs[0] = num_of(fs, sc, id, "F.tm.pairs", "");
	for (int f = 1; f < MF__COUNT; f++) {
		char bd[96];
		snprintf(bd, sizeof(bd), "form:%s",
			 enum_name(EN_MENTOR_FORM, f));
		r->pairs[f] = num_of(fs, sc, id, "F.tm.pairs", bd);
	}
	r->paid_mentors = num_of(fs, sc, id, "F.tm.paid", "");
	r->beginners = num_of(fs, sc, id, "M.beginners", "");
	r->beginners_covered = num_of(fs, sc, id, "M.beginners.covered", "");
	r->young_supported = num_of(fs, sc, id, "I13", "");
	r->young = den_of(fs, sc, id, "I13");
	r->new_hires = num_of(fs, sc, id, "M.new_hires", "");
	r->new_hires_covered = num_of(fs, sc, id, "M.new_hires.covered", "");
	r->arrived_covered = num_of(fs, sc, id, "F.tm.arrived", "");
	r->arrived = den_of(fs, sc, id, "F.tm.arrived");
}

void forms_from_figures(const struct figures *fs, enum scope row_scope,
			enum scope total_scope, const char *total_id,
			const struct params *p, struct arena *arena,
			struct forms *out)
{
	struct forecast_form *fc = &out->fc;
	struct mentoring_form *tm = &out->tm;
	const char **ids = NULL, **names = NULL;
	size_t n = 0, cap = 0, capn = 0, nn = 0;

	memset(out, 0, sizeof(*out));
	fc->retire_age = p ? p->retire_age : 60;
	fc->horizon_years = p ? p->forecast_years : 3;
	fc->horizon_end = p ? date_add_months(p->asof, 12 * p->forecast_years)
			    : KDATE_NONE;
	/* The rows: scope_ids of row_scope in summary.csv order. */
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		if (f->scope != row_scope ||
		    (n && !strcmp(ids[n - 1], f->scope_id)))
			continue;
		*VEC_PUSH(ids, n, cap) = f->scope_id;
		*VEC_PUSH(names, nn, capn) = *f->scope_name ? f->scope_name
							    : f->scope_id;
	}
	find_groups(fs, total_scope, total_id, arena, fc);
	fc->nrows = tm->nrows = n + 1;
	fc->rows = arena_alloc(arena, (n + 1) * sizeof(*fc->rows));
	tm->rows = arena_alloc(arena, (n + 1) * sizeof(*tm->rows));
	for (size_t k = 0; k <= n; k++) {
		bool tot = k == n;
		int sc = tot ? (int)total_scope : (int)row_scope;
		const char *id = tot ? total_id : ids[k];
		const char *name = tot ? total_id : names[k];
		const struct figure *f0 = tot ? look(fs, sc, id, "F.tm.model",
						     "") : NULL;
		if (f0 && *f0->scope_name)
			name = f0->scope_name;
		fc->rows[k].id = tm->rows[k].id = id;
		fc->rows[k].name = tm->rows[k].name = name;
		fc->rows[k].total = tm->rows[k].total = tot;
		fill_fc(fs, sc, id, arena, fc, &fc->rows[k]);
		fill_tm(fs, sc, id, &tm->rows[k]);
	}
	fc->vac_nodata = fc->rows[n].nodata;
	tm->nodata = tm->rows[n].nodata;
	free(ids);
	free(names);
}
