/*
 * analysis.c - the analysis of seed 001, sections 6-9: statuses against the
 * template's targets, problem zones, clusters of schools, addressed
 * recommendations and the proposed management decisions.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "ru_plural.h"
#include "strmap.h"

#define KM_MAX_ITER 100

/* names a decision's {orgs} lists before «и ещё N» */
#define DECISION_ORGS 20

static const char *const status_names[] = {
	"нет данных", "достигнуто", "не достигнуто"
};

const char *an_status_name(int status)
{
	if (status < 0 || status > AN_NOT_ACHIEVED)
		return "";
	return status_names[status];
}

/* Genitive of the canonical subjects, for «РМО учителей физики». */
static const struct {
	const char *nom, *gen;
} subject_gen[] = {
	{ "русский язык и литература", "русского языка и литературы" },
	{ "русский язык", "русского языка" },
	{ "литература", "литературы" },
	{ "математика", "математики" },
	{ "информатика", "информатики" },
	{ "физика", "физики" },
	{ "химия", "химии" },
	{ "биология", "биологии" },
	{ "география", "географии" },
	{ "история и обществознание", "истории и обществознания" },
	{ "история", "истории" },
	{ "обществознание", "обществознания" },
	{ "иностранный язык", "иностранного языка" },
	{ "начальные классы", "начальных классов" },
	{ "физическая культура", "физической культуры" },
	{ "технология", "технологии" },
	{ "музыка", "музыки" },
	{ "ИЗО", "ИЗО" },
	{ "ОБЖ", "ОБЖ" },
};

static const char *genitive(const char *subject)
{
	for (size_t i = 0; i < sizeof(subject_gen) / sizeof(subject_gen[0]);
	     i++)
		if (strcmp(subject_gen[i].nom, subject) == 0)
			return subject_gen[i].gen;
	return subject;
}

/* I17, I18: numbers of persons, not percents (the catalogue's kind). */
static bool is_count_code(const char *code)
{
	const struct catalog_entry *e = catalog_find(code);

	return e && e->kind == FK_COUNT;
}

/* «40,5 %» or «5». */
static const char *value_text(struct arena *ar, const char *code,
			      int64_t tenths)
{
	char buf[32];

	if (is_count_code(code)) {
		snprintf(buf, sizeof(buf), "%lld", (long long)(tenths / 10));
		return arena_strdup(ar, buf);
	}
	return arena_printf(ar, "%s %%", tenths_str(tenths, ',', buf));
}

static const char *indicator_name(const char *code)
{
	const struct catalog_entry *e = catalog_find(code);

	return e && e->name ? e->name : code;
}

/* ------------------------------------------------------------------ */
/* Placeholders */

struct var {
	const char *name;
	const char *value;
};

/* Replaces {name} by its value; unknown names stay as written. */
static const char *expand(struct arena *ar, const char *text,
			  const struct var *vars, size_t nvars)
{
	size_t cap = strlen(text) + 1, n = 0;
	char *out = xmalloc(cap);
	const char *res;

	for (const char *s = text; *s;) {
		const char *val = NULL;
		size_t skip = 1;

		if (*s == '{') {
			const char *e = strchr(s, '}');

			for (size_t i = 0; e && i < nvars; i++) {
				size_t l = strlen(vars[i].name);

				if ((size_t)(e - s - 1) == l &&
				    memcmp(s + 1, vars[i].name, l) == 0) {
					val = vars[i].value ?
					      vars[i].value : "";
					skip = l + 2;
					break;
				}
			}
		}
		if (!val) {
			if (n + 2 > cap)
				out = xrealloc(out, cap *= 2);
			out[n++] = *s++;
			continue;
		}
		{
			size_t l = strlen(val);

			while (n + l + 1 > cap)
				cap *= 2;
			out = xrealloc(out, cap);
			memcpy(out + n, val, l);
			n += l;
			s += skip;
		}
	}
	out[n] = '\0';
	res = arena_strdup(ar, out);
	free(out);
	return res;
}

/* ------------------------------------------------------------------ */
/* Statuses */

static void assess(const struct figures *fs, enum scope scope, const char *id,
		   const char *code, const struct tpl_target *tg,
		   struct an_status *st)
{
	const struct figure *f = figures_find(fs, scope, id, code, "");
	int64_t v;

	st->code = tg->code;
	st->dir = tg->dir;
	st->target = tg->tenths;
	st->status = AN_NODATA;
	if (!f || !figure_tenths(f, &v))
		return;
	st->has_value = true;
	st->value = v;
	st->gap = tg->dir == TD_MAX ? v - tg->tenths : tg->tenths - v;
	/* The target reached exactly is achieved: the gap is 0. */
	st->status = st->gap > 0 ? AN_NOT_ACHIEVED : AN_ACHIEVED;
	if (st->gap < 0)
		st->gap = 0;
}

static const struct an_status *sort_st;

static int cmp_problem(const void *a, const void *b)
{
	const struct an_status *x = &sort_st[*(const size_t *)a];
	const struct an_status *y = &sort_st[*(const size_t *)b];

	if (x->gap != y->gap)
		return x->gap > y->gap ? -1 : 1;
	return strcmp(x->code, y->code);
}

static void fill_scope(struct analysis *a, const struct figures *fs,
		       const struct template *t, struct an_scope *sc)
{
	sc->st = arena_alloc(&a->arena, (a->ncodes + 1) * sizeof(*sc->st));
	sc->problems = arena_alloc(&a->arena,
				   (a->ncodes + 1) * sizeof(*sc->problems));
	for (size_t i = 0; i < a->ncodes; i++) {
		assess(fs, sc->scope, sc->id, a->codes[i],
		       template_target(t, a->codes[i]), &sc->st[i]);
		/*
		 * A count's target (I17, I18: persons) is the district's
		 * total; a school is not judged against it.
		 */
		if (sc->scope == SCOPE_ORG && is_count_code(a->codes[i])) {
			sc->st[i].status = AN_NODATA;
			sc->st[i].has_value = false;
			sc->st[i].value = sc->st[i].gap = 0;
		}
		if (sc->st[i].status == AN_NOT_ACHIEVED)
			sc->problems[sc->nproblems++] = i;
	}
	/* qsort is not stable; the comparison is total (codes differ). */
	sort_st = sc->st;
	qsort(sc->problems, sc->nproblems, sizeof(*sc->problems),
	      cmp_problem);
	sort_st = NULL;
}

/* ------------------------------------------------------------------ */
/* Clustering */

static int64_t dist2(const int64_t *x, const int64_t *y, size_t d)
{
	int64_t s = 0;

	for (size_t j = 0; j < d; j++) {
		int64_t e = x[j] - y[j];

		s += e * e;
	}
	return s;
}

/* Mean rounded half away from zero (tenths stay integers). */
static int64_t mean_round(int64_t sum, int64_t n)
{
	if (sum >= 0)
		return (2 * sum + n) / (2 * n);
	return -((-2 * sum + n) / (2 * n));
}

static const char *plural(int64_t n, const char *one, const char *few,
			  const char *many)
{
	int64_t m10 = n % 10, m100 = n % 100;

	if (m10 == 1 && m100 != 11)
		return one;
	if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
		return few;
	return many;
}

static int code_num(const char *code)
{
	return atoi(code + 1);
}

/* "I01–I06, I08, I09, I11–I13, I15": consecutive codes collapsed. */
static const char *codes_text(struct arena *ar, const char **codes, size_t n)
{
	char buf[512];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j + 1 < n &&
		       code_num(codes[j + 1]) == code_num(codes[j]) + 1)
			j++;
		if (j >= i + 2)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s–%s", i ? ", " : "",
						codes[i], codes[j]);
		else
			for (size_t k = i; k <= j; k++)
				len += (size_t)snprintf(buf + len,
							sizeof(buf) - len,
							"%s%s", k ? ", " : "",
							codes[k]);
		if (len >= sizeof(buf))
			len = sizeof(buf) - 1;
		i = j + 1;
	}
	return arena_strdup(ar, buf);
}

static const char *cluster_label(int number, int k)
{
	static const char *const mid4[] = { "выше среднего уровня",
					    "ниже среднего уровня" };
	static const char *const mid5[] = { "выше среднего уровня",
					    "средний уровень",
					    "ниже среднего уровня" };

	if (k == 1)
		return "единая группа";
	if (number == 1)
		return "высокий уровень";
	if (number == k)
		return "зона риска";
	if (k == 3)
		return "средний уровень";
	if (k == 4)
		return mid4[number - 2];
	if (k == 5)
		return mid5[number - 2];
	return "средний уровень";
}

static struct analysis *sort_an;

static int cmp_cluster(const void *pa, const void *pb)
{
	const struct an_cluster *x = pa, *y = pb;

	if (x->overall != y->overall)
		return x->overall > y->overall ? -1 : 1;
	/* members are by org id; the first member breaks the tie */
	return strcmp(sort_an->orgs[x->members[0]].id,
		      sort_an->orgs[y->members[0]].id);
}

/*
 * k-means on integer tenths with a deterministic start: the first centre is
 * the school with the smallest org id, each next centre the school farthest
 * from the chosen ones (ties: smaller id).  Organizations are already in
 * org id order, so the result does not depend on the input files' order.
 */
static void cluster_orgs(struct analysis *a, const struct figures *fs,
			 const struct dataset *ds, int kwant)
{
	struct arena *ar = &a->arena;
	size_t *idx = NULL, n = 0, d = 0;
	int64_t *x = NULL, *c = NULL, *sum = NULL, *cnt = NULL;
	int *asg = NULL;
	size_t k, distinct, *rep;
	size_t nind;
	const struct catalog_entry *ind = catalog_indicators(&nind);
	const char **prof = arena_alloc(ar, (nind + 1) * sizeof(*prof));

	/* the schools */
	idx = xcalloc(a->norgs + 1, sizeof(*idx));
	for (size_t i = 0; i < a->norgs; i++)
		if (!ds || a->orgs[i].org_type == ORG_OO)
			idx[n++] = i;
	/*
	 * the profile: the indicators other than dynamics (I01-I15) with a
	 * value in at least one school
	 */
	for (size_t j = 0; j < nind; j++) {
		if (catalog_is_dynamics(&ind[j]))
			continue;
		for (size_t i = 0; i < n; i++) {
			const struct figure *f = figures_find(fs, SCOPE_ORG,
				a->orgs[idx[i]].id, ind[j].code, "");
			int64_t v;

			if (f && figure_tenths(f, &v)) {
				prof[d++] = ind[j].code;
				break;
			}
		}
	}
	a->profile = prof;
	a->nprofile = d;
	if (n == 0 || d == 0) {
		a->k = 0;
		a->cluster_method = n == 0 ?
			"Группировка школ не проводилась: нет данных об "
			"общеобразовательных организациях." :
			"Группировка школ не проводилась: нет значений "
			"показателей по школам.";
		goto out;
	}

	/* the points, missing values imputed with the district value */
	x = xcalloc(n * d, sizeof(*x));
	for (size_t j = 0; j < d; j++) {
		const struct figure *df = figures_find(fs, SCOPE_DISTRICT,
						       a->district_id, prof[j],
						       "");
		int64_t dv, s = 0, m = 0;
		bool have_d = df && figure_tenths(df, &dv);

		for (size_t i = 0; i < n; i++) {
			const struct figure *f = figures_find(fs, SCOPE_ORG,
				a->orgs[idx[i]].id, prof[j], "");
			int64_t v;

			if (f && figure_tenths(f, &v)) {
				s += v;
				m++;
			}
		}
		if (!have_d)
			dv = mean_round(s, m);  /* m >= 1 by the profile */
		for (size_t i = 0; i < n; i++) {
			const struct figure *f = figures_find(fs, SCOPE_ORG,
				a->orgs[idx[i]].id, prof[j], "");
			int64_t v;

			x[i * d + j] = f && figure_tenths(f, &v) ? v : dv;
		}
	}

	/*
	 * k: the template's, capped by the distinct profiles.  Only whether
	 * there are k of them matters, and a profile equal to an earlier one
	 * equals one of the distinct ones found so far: n * k comparisons,
	 * not n^2 / 2 (30,000 schools took seconds).
	 */
	k = kwant < 1 ? 1 : (size_t)kwant;
	rep = xcalloc(k, sizeof(*rep));
	distinct = 0;
	for (size_t i = 0; i < n && distinct < k; i++) {
		bool dup = false;

		for (size_t r = 0; r < distinct && !dup; r++)
			dup = dist2(x + i * d, x + rep[r] * d, d) == 0;
		if (!dup)
			rep[distinct++] = i;
	}
	free(rep);
	if (k > distinct)
		k = distinct;

	c = xcalloc(k * d, sizeof(*c));
	sum = xcalloc(k * d, sizeof(*sum));
	cnt = xcalloc(k, sizeof(*cnt));
	asg = xcalloc(n, sizeof(*asg));
	memcpy(c, x, d * sizeof(*c));
	for (size_t m = 1; m < k; m++) {
		size_t best = 0;
		int64_t bestd = -1;

		for (size_t i = 0; i < n; i++) {
			int64_t md = INT64_MAX;

			for (size_t q = 0; q < m; q++) {
				int64_t e = dist2(x + i * d, c + q * d, d);

				if (e < md)
					md = e;
			}
			if (md > bestd) {
				bestd = md;
				best = i;
			}
		}
		memcpy(c + m * d, x + best * d, d * sizeof(*c));
	}
	for (int it = 0; it < KM_MAX_ITER; it++) {
		bool changed = it == 0;

		for (size_t i = 0; i < n; i++) {
			int bq = 0;
			int64_t bd = INT64_MAX;

			for (size_t q = 0; q < k; q++) {
				int64_t e = dist2(x + i * d, c + q * d, d);

				if (e < bd) {
					bd = e;
					bq = (int)q;
				}
			}
			if (asg[i] != bq)
				changed = true;
			asg[i] = bq;
		}
		if (!changed)
			break;
		memset(sum, 0, k * d * sizeof(*sum));
		memset(cnt, 0, k * sizeof(*cnt));
		for (size_t i = 0; i < n; i++) {
			cnt[asg[i]]++;
			for (size_t j = 0; j < d; j++)
				sum[asg[i] * d + j] += x[i * d + j];
		}
		/* an empty cluster keeps its centre */
		for (size_t q = 0; q < k; q++)
			for (size_t j = 0; cnt[q] && j < d; j++)
				c[q * d + j] = mean_round(sum[q * d + j],
							  cnt[q]);
	}

	/* the clusters: members, mean profile of the real values */
	a->clusters = arena_alloc(ar, k * sizeof(*a->clusters));
	{
		size_t kk = 0;

		for (size_t q = 0; q < k; q++) {
			struct an_cluster *cl = &a->clusters[kk];
			int64_t tot = 0, ntot = 0;

			cl->members = arena_alloc(ar, (n + 1) *
						  sizeof(*cl->members));
			for (size_t i = 0; i < n; i++)
				if (asg[i] == (int)q)
					cl->members[cl->nmembers++] = idx[i];
			if (!cl->nmembers)
				continue;       /* dropped */
			cl->mean = arena_alloc(ar, d * sizeof(*cl->mean));
			cl->has_mean = arena_alloc(ar, d * sizeof(bool));
			for (size_t j = 0; j < d; j++) {
				int64_t s = 0, m = 0;

				for (size_t u = 0; u < cl->nmembers; u++) {
					const struct figure *f = figures_find(
						fs, SCOPE_ORG,
						a->orgs[cl->members[u]].id,
						prof[j], "");
					int64_t v;

					if (f && figure_tenths(f, &v)) {
						s += v;
						m++;
					}
				}
				if (m) {
					cl->mean[j] = mean_round(s, m);
					cl->has_mean[j] = true;
					tot += cl->mean[j];
					ntot++;
				}
			}
			cl->overall = ntot ? mean_round(tot, ntot) : 0;
			kk++;
		}
		k = kk;
	}
	sort_an = a;
	qsort(a->clusters, k, sizeof(*a->clusters), cmp_cluster);
	sort_an = NULL;
	for (size_t q = 0; q < k; q++) {
		struct an_cluster *cl = &a->clusters[q];

		cl->number = (int)q + 1;
		cl->label = cluster_label(cl->number, (int)k);
		for (size_t u = 0; u < cl->nmembers; u++)
			a->orgs[cl->members[u]].cluster = cl->number;
	}
	a->k = (int)k;
	if (k == 1)
		a->cluster_method = arena_printf(ar,
			"Все школы (%zu) отнесены к одной группе: значения "
			"показателей %s не позволяют выделить группы.", n,
			codes_text(ar, prof, d));
	else
		a->cluster_method = arena_printf(ar,
			"Школы (%zu) разделены на %zu %s по близости значений "
			"показателей %s (метод k-средних: первый центр — "
			"школа с наименьшим кодом, каждый следующий — "
			"наиболее удалённая от выбранных школа; пропущенные "
			"значения заменены значением по району); группы "
			"пронумерованы по убыванию среднего значения "
			"показателей.", n, k,
			plural((int64_t)k, "группу", "группы", "групп"),
			codes_text(ar, prof, d));
out:
	free(idx);
	free(x);
	free(c);
	free(sum);
	free(cnt);
	free(asg);
}

/* ------------------------------------------------------------------ */
/* Recommendations and decisions */

static void add_org_recs(struct analysis *a, const struct template *t,
			 const struct params *p, size_t *cap)
{
	for (size_t o = 0; o < a->norgs; o++) {
		const struct an_scope *sc = &a->orgs[o];

		for (size_t i = 0; i < a->ncodes; i++) {
			const struct an_status *st = &sc->st[i];
			const struct tpl_rec_rule *rule;
			struct an_rec *r;

			if (st->status != AN_NOT_ACHIEVED)
				continue;
			rule = template_rec(t, st->code);
			if (!rule || !rule->text || !*rule->text)
				continue;
			if (rule->types &&
			    !(rule->types & (1u << sc->org_type)))
				continue;
			r = VEC_PUSH(a->recs, a->nrecs, *cap);
			r->to = AN_TO_ORG_HEAD;
			r->addressee = arena_printf(&a->arena,
						    "Руководителю %s",
						    sc->name);
			r->org_id = sc->id;
			r->org_name = sc->name;
			r->subject = "";
			r->code = st->code;
			r->has_value = true;
			r->value = st->value;
			r->target = st->target;
			{
				struct var v[] = {
					{ "district", t->district },
					{ "department", t->department },
					{ "period", a->period_ru },
					{ "org", sc->name },
					{ "org_id", sc->id },
					{ "code", st->code },
					{ "indicator",
					  indicator_name(st->code) },
					{ "value", value_text(&a->arena,
						st->code, st->value) },
					{ "target", value_text(&a->arena,
						st->code, st->target) },
				};

				r->text = expand(&a->arena, rule->text, v,
						 sizeof(v) / sizeof(v[0]));
			}
		}
	}
}

static void add_rmo_recs(struct analysis *a, const struct figures *fs,
			 const struct template *t, const struct params *p,
			 size_t *cap)
{
	static const char pre[] = "subject:";

	if (!t->subject_text || !*t->subject_text)
		return;
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		const char *subj;
		int64_t v;
		struct an_rec *r;
		char persons[32];

		if (f->scope != SCOPE_DISTRICT ||
		    strcmp(f->scope_id, a->district_id) != 0 ||
		    strcmp(f->code, "D.with_deficit") != 0 ||
		    strncmp(f->breakdown, pre, sizeof(pre) - 1) != 0 ||
		    !figure_tenths(f, &v) || v < t->subject_min * 10)
			continue;
		subj = f->breakdown + sizeof(pre) - 1;
		snprintf(persons, sizeof(persons), "%lld",
			 (long long)(v / 10));
		r = VEC_PUSH(a->recs, a->nrecs, *cap);
		r->to = AN_TO_RMO;
		r->org_id = "";
		r->org_name = "";
		r->subject = arena_strdup(&a->arena, subj);
		r->code = "D.with_deficit";
		r->has_value = true;
		r->value = v;
		r->target = 0;
		{
			struct var vars[] = {
				{ "district", t->district },
				{ "department", t->department },
				{ "period", a->period_ru },
				{ "subject", subj },
				{ "subject_gen", genitive(subj) },
				{ "persons", persons },
				{ "rmo_gen", NULL },
				{ "rmo_dat", NULL },
				{ "rmo", NULL },
			};
			size_t nv = sizeof(vars) / sizeof(vars[0]);

			r->addressee = expand(&a->arena, t->rmo_name, vars,
					      nv);
			/* «план работы районного методического объединения» */
			vars[nv - 3].value = ru_case(&a->arena, r->addressee,
				RU_GENITIVE, expand(&a->arena, t->rmo_gen, vars,
						    nv - 3));
			vars[nv - 2].value = ru_case(&a->arena, r->addressee,
				RU_DATIVE, expand(&a->arena, t->rmo_dat, vars,
						  nv - 3));
			vars[nv - 1].value = r->addressee;
			r->text = expand(&a->arena, t->subject_text, vars,
					 nv);
		}
	}
}

static size_t code_index(const struct analysis *a, const char *code)
{
	for (size_t i = 0; i < a->ncodes; i++)
		if (strcmp(a->codes[i], code) == 0)
			return i;
	return SIZE_MAX;
}

/* Does the rule fire?  *code gets the indicator it names, "" for always. */
static bool decision_fires(struct analysis *a,
			   const struct tpl_decision *d, const char **code,
			   const char **orgs)
{
	bool any = strncmp(d->when, "any:", 4) == 0;
	const char *c = any ? d->when + 4 : d->when;
	size_t ci;

	*code = "";
	*orgs = "";
	if (strcmp(d->when, "always") == 0 || !*d->when)
		return true;
	ci = code_index(a, c);
	if (ci == SIZE_MAX)
		return false;   /* no target: never judged as missed */
	*code = a->codes[ci];
	{
		/*
		 * The schools that miss it, for {orgs}: the first
		 * DECISION_ORGS by org id, then «и ещё N».  A decision is a
		 * sentence in the note and the workbook; at a region or a
		 * country thousands of names would fill a hundred pages.
		 */
		char *list = NULL;
		size_t len = 0, cap = 0, n = 0;

		for (size_t o = 0; o < a->norgs; o++) {
			const char *nm = a->orgs[o].name;
			size_t l = strlen(nm);

			if (a->orgs[o].st[ci].status != AN_NOT_ACHIEVED)
				continue;
			if (n++ >= DECISION_ORGS)
				continue;
			if (len + l + 3 > cap) {
				cap = (len + l + 3) * 2;
				list = xrealloc(list, cap);
			}
			if (n > 1)
				memcpy(list + len, ", ", 2), len += 2;
			memcpy(list + len, nm, l);
			len += l;
			list[len] = '\0';
		}
		if (list) {
			*orgs = n > DECISION_ORGS ?
				arena_printf(&a->arena, "%s и ещё %zu", list,
					     n - DECISION_ORGS) :
				arena_strdup(&a->arena, list);
			free(list);
		}
		if (any)
			return n > 0;
	}
	return a->district.st[ci].status == AN_NOT_ACHIEVED;
}

static void add_decisions(struct analysis *a, const struct template *t,
			  const struct params *p)
{
	struct an_decision *tmp;
	size_t n = 0, cap_a = 0;
	int *items;
	char year[8], next_year[8];

	if (!t->ndecisions)
		return;
	snprintf(year, sizeof(year), "%d", p->year % 10000);
	snprintf(next_year, sizeof(next_year), "%d", (p->year + 1) % 10000);
	tmp = xcalloc(t->ndecisions, sizeof(*tmp));
	items = xcalloc(t->ndecisions + 1, sizeof(*items));
	for (size_t i = 0; i < t->ndecisions; i++) {
		const struct tpl_decision *d = &t->decisions[i];
		const char *code, *orgs;
		struct an_decision *x;
		size_t g;

		if (!decision_fires(a, d, &code, &orgs))
			continue;
		for (g = 0; g < a->naddressees; g++)
			if (strcmp(a->addressees[g], d->addressee) == 0)
				break;
		if (g == a->naddressees)
			*VEC_PUSH(a->addressees, a->naddressees, cap_a) =
				d->addressee;
		x = &tmp[n++];
		x->kind = d->kind;
		x->addressee = d->addressee;
		x->group = (int)g + 1;
		x->item = ++items[g];
		x->number = arena_printf(&a->arena, "%d.%d", x->group,
					 x->item);
		x->code = code;
		{
			size_t ci = *code ? code_index(a, code) : SIZE_MAX;
			const struct an_status *st = ci == SIZE_MAX ? NULL :
				&a->district.st[ci];
			struct var v[] = {
				{ "district", t->district },
				{ "department", t->department },
				{ "period", a->period_ru },
				{ "year", year },
				{ "next_year", next_year },
				{ "code", code },
				{ "indicator", *code ? indicator_name(code) :
				  "" },
				{ "value", st && st->has_value ?
				  value_text(&a->arena, code, st->value) :
				  "нет данных" },
				{ "target", st ? value_text(&a->arena, code,
							    st->target) : "" },
				{ "orgs", orgs },
			};
			size_t nv = sizeof(v) / sizeof(v[0]);

			x->text = expand(&a->arena, d->text, v, nv);
			x->deadline = expand(&a->arena, d->deadline, v, nv);
		}
	}
	/* by group, then item: a stable pass per group */
	a->decisions = arena_alloc(&a->arena, (n + 1) * sizeof(*a->decisions));
	for (size_t g = 1; g <= a->naddressees; g++)
		for (size_t i = 0; i < n; i++)
			if (tmp[i].group == (int)g)
				a->decisions[a->ndecisions++] = tmp[i];
	free(tmp);
	free(items);
}

/* ------------------------------------------------------------------ */
/* Public */

/* The period as a reader writes it in a text: «декабрь 2026 г.». */
static const char *period_words(struct arena *ar, const struct params *p)
{
	if (p->month < 1 || p->month > 12)
		return arena_strdup(ar, p->period);
	return arena_printf(ar, "%s %d г.", ru_month(p->month), p->year);
}

int analysis_run(const struct figures *fs, const struct dataset *ds,
		 const struct template *t, const struct params *p,
		 const char *district_id, struct analysis *a)
{
	struct arena *ar;
	size_t ocap = 0, rcap = 0, nind;
	const struct catalog_entry *ind;

	memset(a, 0, sizeof(*a));
	ar = &a->arena;
	a->period = arena_strdup(ar, p->period);
	a->period_ru = period_words(ar, p);
	a->district_id = arena_strdup(ar, district_id ? district_id : "");

	/* the assessed indicators: those the template sets a target for */
	ind = catalog_indicators(&nind);
	a->codes = arena_alloc(ar, (nind + 1) * sizeof(*a->codes));
	a->org_level = arena_alloc(ar, (nind + 1) * sizeof(*a->org_level));
	for (size_t i = 0; i < nind; i++)
		if (template_target(t, ind[i].code))
			a->codes[a->ncodes++] = ind[i].code;

	/* the organizations: org scope ids of the figures, already sorted */
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		struct an_scope *sc;

		if (f->scope != SCOPE_ORG)
			continue;
		if (a->norgs && strcmp(a->orgs[a->norgs - 1].id,
				       f->scope_id) == 0) {
			sc = &a->orgs[a->norgs - 1];
			if (!*sc->name && f->scope_name && *f->scope_name)
				sc->name = f->scope_name;
			continue;
		}
		sc = VEC_PUSH(a->orgs, a->norgs, ocap);
		sc->scope = SCOPE_ORG;
		sc->id = f->scope_id;
		sc->name = f->scope_name ? f->scope_name : "";
	}
	for (size_t o = 0; o < a->norgs; o++) {
		struct an_scope *sc = &a->orgs[o];

		if (!*sc->name)
			sc->name = sc->id;
		if (ds) {
			int oi = strmap_get(&ds->org_index, sc->id);

			if (oi >= 0 && (size_t)oi < ds->orgs.n)
				sc->org_type = ds->orgs.v[oi].type;
		}
		fill_scope(a, fs, t, sc);
	}
	for (size_t i = 0; i < a->ncodes; i++)
		for (size_t o = 0; o < a->norgs && !a->org_level[i] &&
		     !is_count_code(a->codes[i]); o++)
			a->org_level[i] = figures_find(fs, SCOPE_ORG,
				a->orgs[o].id, a->codes[i], "") != NULL;

	a->district.scope = SCOPE_DISTRICT;
	a->district.id = a->district_id;
	a->district.name = a->district_id;
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];

		if (f->scope == SCOPE_DISTRICT &&
		    strcmp(f->scope_id, a->district_id) == 0 &&
		    f->scope_name && *f->scope_name) {
			a->district.name = f->scope_name;
			break;
		}
	}
	fill_scope(a, fs, t, &a->district);

	cluster_orgs(a, fs, ds, p->nclusters > 0 ? p->nclusters :
		     t->nclusters);
	add_org_recs(a, t, p, &rcap);
	add_rmo_recs(a, fs, t, p, &rcap);
	add_decisions(a, t, p);
	{
		struct var v[] = {
			{ "district", t->district },
			{ "department", t->department },
			{ "period", a->period_ru },
		};
		size_t nv = sizeof(v) / sizeof(v[0]);

		a->intro = expand(ar, t->intro ? t->intro : "", v, nv);
		a->conclusion = expand(ar, t->conclusion ? t->conclusion : "",
				       v, nv);
		a->cluster_note = expand(ar, t->cluster_note ?
					 t->cluster_note : "", v, nv);
	}
	return 0;
}

void analysis_release(struct analysis *a)
{
	free(a->orgs);
	free(a->recs);
	free(a->addressees);
	arena_release(&a->arena);
	memset(a, 0, sizeof(*a));
}

int analysis_add_figures(const struct analysis *a, struct figures *fs)
{
	char code[32];

	for (size_t o = 0; o <= a->norgs; o++) {
		const struct an_scope *sc = o < a->norgs ? &a->orgs[o] :
			&a->district;

		for (size_t i = 0; i < a->ncodes; i++) {
			const struct an_status *st = &sc->st[i];

			if (sc->scope == SCOPE_ORG && !a->org_level[i])
				continue;
			snprintf(code, sizeof(code), "%s.status", st->code);
			if (st->status == AN_NODATA)
				figures_nodata(fs, sc->scope, sc->id, sc->name,
					       code, "", FK_COUNT);
			else
				figures_count(fs, sc->scope, sc->id, sc->name,
					      code, "",
					      st->status == AN_ACHIEVED);
		}
		if (sc->scope == SCOPE_ORG && sc->cluster > 0)
			figures_count(fs, SCOPE_ORG, sc->id, sc->name,
				      "cluster", "", sc->cluster);
	}
	return 0;
}

const struct an_scope *analysis_org(const struct analysis *a, const char *id)
{
	size_t lo = 0, hi = a->norgs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(a->orgs[mid].id, id);

		if (c == 0)
			return &a->orgs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct an_status *analysis_status(const struct analysis *a,
					const struct an_scope *sc,
					const char *code)
{
	size_t i = code_index(a, code);

	return i == SIZE_MAX ? NULL : &sc->st[i];
}
