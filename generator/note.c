/*
 * note.c - the district's analytical note as a document: every sentence
 * of it, built from the figures, the analysis and the template.
 */
#include "note.h"

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "catalog.h"
#include "date.h"
#include "history.h"
#include "docx_write.h"
#include "pdf_render.h"
#include "ru_text.h"
#include "template.h"

/* Caps that keep the note readable for 40,000 organizations. */
#define NAMES_MAX 30            /* organization names in one sentence */
#define TOP_ORGS 15             /* rows of the best/worst tables */
#define RECS_MAX 40             /* organization recommendations shown */
#define FILES_MAX 10            /* files with rejected rows listed */
#define ROWS_MAX 20             /* rows of a breakdown table */

struct note {
	const struct report_ctx *c;
	struct doc *d;
	struct arena ar;        /* this note's strings */
	uint8_t scope;          /* SCOPE_DISTRICT, or SCOPE_REGION (roll-up) */
	const char *id;
	int year, month;
};

/* ------------------------------------------------------------ figures */

static int key_cmp(const struct figure *f, int scope, const char *id,
		   const char *code, const char *bd)
{
	int r;

	if (f->scope != scope)
		return f->scope < scope ? -1 : 1;
	if ((r = strcmp(f->scope_id, id)) != 0)
		return r;
	if ((r = strcmp(f->code, code)) != 0)
		return r;
	return strcmp(f->breakdown, bd);
}

/* First figure not ordered before the key (figures are sorted). */
static size_t lower(const struct figures *fs, int scope, const char *id,
		    const char *code, const char *bd)
{
	size_t lo = 0, hi = fs->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (key_cmp(&fs->v[mid], scope, id, code, bd) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The district's figures of code whose breakdown starts with prefix. */
static size_t range(struct note *n, const char *code, const char *prefix,
		    size_t *end)
{
	const struct figures *fs = n->c->fs;
	size_t a = lower(fs, n->scope, n->id, code, prefix), b = a;

	while (b < fs->n && fs->v[b].scope == n->scope &&
	       strcmp(fs->v[b].scope_id, n->id) == 0 &&
	       strcmp(fs->v[b].code, code) == 0 &&
	       starts(fs->v[b].breakdown, prefix))
		b++;
	*end = b;
	return a;
}

static const struct figure *fig(struct note *n, const char *code,
				const char *bd)
{
	return figures_find(n->c->fs, n->scope, n->id, code, bd);
}

static bool val(const struct figure *f, int64_t *t)
{
	return f && figure_tenths(f, t);
}

/* «63,2 %» or «15»; counts are shown whole. */
static const char *tenths_text(struct note *n, int64_t t, bool count)
{
	char buf[32];

	if (count)
		return arena_printf(&n->ar, "%" PRId64, t / 10);
	return arena_printf(&n->ar, "%s %%", tenths_str(t, ',', buf));
}

static const char *fig_text(struct note *n, const struct figure *f)
{
	int64_t t;

	if (!val(f, &t))
		return "нет данных";
	return tenths_text(n, t, f->kind == FK_COUNT);
}

/* «156 человек (63,2 процента)»; NULL when the share has no value. */
static const char *share_phrase(struct note *n, const struct figure *f)
{
	char a[64], b[64];
	int64_t t;

	if (!val(f, &t) || f->kind != FK_SHARE)
		return NULL;
	return arena_printf(&n->ar, "%s (%s)", ru_persons(f->num, a),
			    ru_percent(t, true, b));
}

/* A count's value; -1 when there is none. */
static int64_t count_of(const struct figure *f)
{
	int64_t t;

	return val(f, &t) ? t / 10 : -1;
}

static const char *persons(struct note *n, int64_t k)
{
	char buf[64];

	return arena_strdup(&n->ar, ru_persons(k, buf));
}

static const char *orgs_word(int64_t k)
{
	return ru_plural(k, "организация", "организации", "организаций");
}

static const char *org_name(const struct an_scope *o)
{
	return o->name && *o->name ? o->name : o->id;
}

static const char *ind_name(const char *code, bool short_name)
{
	const struct catalog_entry *e = catalog_find(code);

	if (!e)
		return code;
	if (short_name && e->short_name && *e->short_name)
		return e->short_name;
	return e->name ? e->name : code;
}

/* A growing list of names joined by ", ", capped with «и ещё N». */
struct names {
	char *s;
	size_t len, cap;
	size_t shown, total;
};

static void names_add(struct names *nm, const char *name)
{
	size_t l = strlen(name);

	nm->total++;
	if (nm->shown >= NAMES_MAX)
		return;
	if (nm->len + l + 3 > nm->cap) {
		nm->cap = (nm->len + l + 3) * 2;
		nm->s = xrealloc(nm->s, nm->cap);
	}
	if (nm->shown++ > 0) {
		memcpy(nm->s + nm->len, ", ", 2);
		nm->len += 2;
	}
	memcpy(nm->s + nm->len, name, l);
	nm->len += l;
	nm->s[nm->len] = '\0';
}

static const char *names_text(struct note *n, struct names *nm)
{
	const char *r;

	if (nm->total == 0)
		return "";
	if (nm->total > nm->shown)
		r = arena_printf(&n->ar, "%s и ещё %zu", nm->s,
				 nm->total - nm->shown);
	else
		r = arena_strdup(&n->ar, nm->s);
	free(nm->s);
	memset(nm, 0, sizeof(*nm));
	return r;
}

/* -------------------------------------------------------------- texts */

static const char *period_text(struct note *n)
{
	if (n->month >= 1 && n->month <= 12)
		return arena_printf(&n->ar, "%s %d г.", ru_month(n->month),
				    n->year);
	return n->c->fs->period;
}

/* The template's paragraphs with {district}, {period} ... filled in. */
static const char *expand(struct note *n, const char *text)
{
	const struct template *t = n->c->t;
	const char *vars[][2] = {
		{ "district", t && *t->district ? t->district : n->id },
		{ "department", t ? t->department : "" },
		{ "period", period_text(n) },
		{ "year", arena_printf(&n->ar, "%d", n->year) },
		{ "next_year", arena_printf(&n->ar, "%d", n->year + 1) },
	};
	size_t cap = strlen(text) * 2 + 64, len = 0;
	char *out = xmalloc(cap);
	const char *r;

	for (const char *s = text; *s;) {
		const char *v = NULL;
		size_t skip = 0;

		if (*s == '{') {
			for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]);
			     i++) {
				size_t l = strlen(vars[i][0]);
				if (strncmp(s + 1, vars[i][0], l) == 0 &&
				    s[l + 1] == '}') {
					v = vars[i][1];
					skip = l + 2;
					break;
				}
			}
		}
		if (!v) {
			v = s;
			skip = 1;
		}
		size_t vl = v == s ? 1 : strlen(v);

		/* «{period}.» with a period «декабрь 2026 г.»: one stop */
		if (v != s && vl > 0 && v[vl - 1] == '.' && s[skip] == '.')
			skip++;
		if (len + vl + 1 > cap) {
			cap = (len + vl + 1) * 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + len, v, vl);
		len += vl;
		s += skip;
	}
	out[len] = '\0';
	r = arena_strdup(&n->ar, out);
	free(out);
	return r;
}

/* The text with its first letter a capital. */
static const char *capital(struct note *n, const char *s)
{
	return ru_capital(&n->ar, s);
}

/* Ends a sentence with a full stop unless it has one. */
static const char *sentence(struct note *n, const char *s)
{
	size_t l = strlen(s);

	while (l > 0 && s[l - 1] == ' ')
		l--;
	if (l > 0 && strchr(".!?", s[l - 1]))
		return arena_strndup(&n->ar, s, l);
	return arena_printf(&n->ar, "%.*s.", (int)l, s);
}

/* ------------------------------------------------------------ statuses */

static const struct an_status *status_of(struct note *n, const char *code)
{
	const struct analysis *an = n->c->an;

	return an ? analysis_status(an, &an->district, code) : NULL;
}

static bool is_count(const char *code)
{
	const struct catalog_entry *e = catalog_find(code);

	return e && e->kind == FK_COUNT;
}

/* «не менее 90,0 %»; "—" when there is no target. */
static const char *target_text(struct note *n, const char *code)
{
	const struct an_status *st = status_of(n, code);
	const struct tpl_target *tt = n->c->t ?
		template_target(n->c->t, code) : NULL;
	int64_t target;
	int dir;

	if (st) {
		target = st->target;
		dir = st->dir;
	} else if (tt) {
		target = tt->tenths;
		dir = tt->dir;
	} else {
		return "—";
	}
	return arena_printf(&n->ar, "%s %s",
			    dir == TD_MAX ? "не более" : "не менее",
			    tenths_text(n, target, is_count(code)));
}

/* ------------------------------------------------------------ sections */

static void title_block(struct note *n)
{
	struct doc *d = n->d;
	const struct template *t = n->c->t;
	const char *kind;
	char date[40];
	struct tm tm;
	time_t created = n->c->created;

	if (t && *t->department)
		doc_run(d, doc_para(d, DOC_CENTER), DOC_BOLD, t->department);
	if (n->month == 7)
		kind = "промежуточного (июльского) мониторинга";
	else if (n->month == 12)
		kind = "итогового (декабрьского) мониторинга";
	else
		kind = arena_printf(&n->ar, "мониторинга за %s",
				    period_text(n));
	doc_textf(d, DOC_TITLE, "Аналитическая справка по итогам %s "
		  "показателей системы обеспечения профессионального развития "
		  "педагогических работников", kind);
	doc_gap(d, DOC_GAP_MEDIUM);
	if (t && *t->district)
		doc_textf(d, DOC_PLAIN, "Муниципальное образование: %s%s%s%s",
			  t->district, *t->region ? " (" : "", t->region,
			  *t->region ? ")" : "");
	else
		doc_textf(d, DOC_PLAIN, "Муниципальное образование: %s",
			  n->id);
	if (n->c->p) {
		char asof[16];

		date_format(n->c->p->asof, asof);
		doc_textf(d, DOC_PLAIN, "Период мониторинга: %s (сведения по "
			  "состоянию на %s)", period_text(n), asof);
	} else {
		doc_textf(d, DOC_PLAIN, "Период мониторинга: %s",
			  period_text(n));
	}
	gmtime_r(&created, &tm);
	snprintf(date, sizeof(date), "%02d.%02d.%04d", tm.tm_mday,
		 tm.tm_mon + 1, tm.tm_year + 1900);
	doc_textf(d, DOC_PLAIN, "Дата составления: %s", date);
	if (t && *t->compiler)
		doc_textf(d, DOC_PLAIN, "Составитель: %s", t->compiler);
	doc_gap(d, DOC_GAP_MEDIUM);
	if (t && *t->intro)
		doc_text(d, DOC_BODY, expand(n, t->intro));
}

/* Rows of the sources table: the input kinds, then the history files. */
#define KIND_HISTORY KIND_SUMMARY
#define NKINDS (KIND__COUNT + 1)

static const char *const kind_title[NKINDS] = {
	"Не распознаны",
	"Образовательные организации",
	"Педагогические работники",
	"Диагностика профессиональных дефицитов",
	"Повышение квалификации и переподготовка",
	"Наставничество",
	"Вакансии и потребность в кадрах",
	"Сводки прошлых периодов (история)",
};

static void sources(struct note *n)
{
	struct doc *d = n->d;
	const struct diag_list *dl = n->c->dl;
	const struct dataset *ds = n->c->ds;
	char a[32], b[32], c[32], e[32], w[32];

	doc_heading(d, 1, "Источники данных и полнота сведений");
	if (!dl || dl->nfiles == 0) {
		doc_text(d, DOC_BODY, "Сведения о прочитанных файлах в "
			 "справку не переданы.");
	} else {
		long read = 0, acc = 0, rej = 0, warn = 0;
		size_t nin = 0;         /* input files, without the history */
		long k_files[NKINDS] = { 0 }, k_read[NKINDS] = { 0 };
		long k_acc[NKINDS] = { 0 }, k_rej[NKINDS] = { 0 };
		long k_warn[NKINDS] = { 0 };
		struct doc_col cols[] = {
			{ "Вид сведений", 0.32f, DOC_LEFT },
			{ "Файлов", 0.11f, DOC_RIGHT },
			{ "Прочитано строк", 0.15f, DOC_RIGHT },
			{ "Принято", 0.13f, DOC_RIGHT },
			{ "Отклонено", 0.15f, DOC_RIGHT },
			{ "Предупре-\nждений", 0.14f, DOC_RIGHT },
		};
		struct doc_table *tb;

		for (size_t i = 0; i < dl->nfiles; i++) {
			const struct file_report *f = &dl->files[i];
			int k = f->kind > 0 && f->kind < KIND__COUNT
				? f->kind : 0;

			/* Earlier summaries are listed, not counted. */
			if (f->kind == KIND_SUMMARY) {
				k = KIND_HISTORY;
			} else {
				nin++;
				read += f->read;
				acc += f->accepted;
				rej += f->rejected;
				warn += f->warnings;
			}
			k_files[k]++;
			k_read[k] += f->read;
			k_acc[k] += f->accepted;
			k_rej[k] += f->rejected;
			k_warn[k] += f->warnings;
		}
		doc_textf(d, DOC_BODY, "Для мониторинга %s %zu %s: "
			  "прочитано %ld %s, принято %ld, отклонено %ld. "
			  "Зарегистрировано %ld %s и %ld %s. Отклонённые "
			  "строки "
			  "в расчёт показателей не включены; замечания по "
			  "каждой строке приведены в файле validation.csv, "
			  "образовательным организациям подготовлены файлы "
			  "для исправления сведений.",
			  ru_agree((int64_t)nin, "обработан", "обработано"),
			  nin,
			  ru_plural((int64_t)nin, "файл", "файла", "файлов"),
			  read, ru_plural(read, "строка", "строки", "строк"),
			  acc, rej, dl->errors,
			  ru_plural(dl->errors, "ошибка", "ошибки", "ошибок"),
			  dl->warnings,
			  ru_plural(dl->warnings, "предупреждение",
				    "предупреждения", "предупреждений"));
		tb = doc_table(d, cols, 6, 0);
		for (int k = 1; k <= NKINDS; k++) {
			int kk = k % NKINDS;    /* unknown last */
			const char *cells[6];

			if (k_files[kk] == 0 && (kk == KIND_UNKNOWN ||
						 kk == KIND_HISTORY))
				continue;
			snprintf(a, sizeof(a), "%ld", k_files[kk]);
			snprintf(b, sizeof(b), "%ld", k_read[kk]);
			snprintf(c, sizeof(c), "%ld", k_acc[kk]);
			snprintf(e, sizeof(e), "%ld", k_rej[kk]);
			snprintf(w, sizeof(w), "%ld", k_warn[kk]);
			cells[0] = kind_title[kk];
			cells[1] = k_files[kk] ? a : "нет";
			cells[2] = k_files[kk] ? b : "—";
			cells[3] = k_files[kk] ? c : "—";
			cells[4] = k_files[kk] ? e : "—";
			cells[5] = k_files[kk] ? w : "—";
			doc_table_row(n->d, tb, cells, 0);
		}
		{
			const char *cells[6] = { "Всего", a, b, c, e, w };

			snprintf(a, sizeof(a), "%zu", dl->nfiles);
			snprintf(b, sizeof(b), "%ld", read);
			snprintf(c, sizeof(c), "%ld", acc);
			snprintf(e, sizeof(e), "%ld", rej);
			snprintf(w, sizeof(w), "%ld", warn);
			doc_table_row(n->d, tb, cells,
				      DOC_ROW_BOLD | DOC_ROW_SHADE);
		}

		/* missing optional kinds: their figures say «нет данных» */
		{
			struct names nm = { 0 };

			for (int k = KIND_DIAGNOSTICS; k < KIND__COUNT; k++)
				if (k_files[k] == 0)
					names_add(&nm, kind_title[k]);
			if (nm.total)
				doc_textf(d, DOC_BODY, "Не представлены "
					  "сведения: %s. Показатели, которые "
					  "на них опираются, отмечены как "
					  "«нет "
					  "данных».", names_text(n, &nm));
		}
		/* the files that lost the most rows */
		if (rej > 0) {
			size_t *idx = xcalloc(dl->nfiles, sizeof(*idx));
			size_t m = 0;
			struct doc_col fc[] = {
				{ "Файл", 0.58f, DOC_LEFT },
				{ "Прочитано", 0.14f, DOC_RIGHT },
				{ "Отклонено", 0.14f, DOC_RIGHT },
				{ "Предупре-\nждений", 0.14f, DOC_RIGHT },
			};

			for (size_t i = 0; i < dl->nfiles; i++)
				if (dl->files[i].rejected > 0)
					idx[m++] = i;
			/* stable selection sort by rejected rows, top only */
			for (size_t i = 0; i < m && i < FILES_MAX; i++)
				for (size_t j = i + 1; j < m; j++)
					if (dl->files[idx[j]].rejected >
					    dl->files[idx[i]].rejected) {
						size_t t = idx[i];
						idx[i] = idx[j];
						idx[j] = t;
					}
			doc_textf(d, DOC_BODY, "Строки отклонены в %zu %s%s:",
				  m, ru_plural((int64_t)m, "файле", "файлах",
					       "файлах"),
				  m > FILES_MAX ? "; больше всего — в "
				  "следующих" : "")->keep_next = true;
			tb = doc_table(d, fc, 4, 0);
			for (size_t i = 0; i < m && i < FILES_MAX; i++) {
				const struct file_report *f =
					&dl->files[idx[i]];
				const char *cells[4] = { f->path, a, b, c };

				snprintf(a, sizeof(a), "%ld", f->read);
				snprintf(b, sizeof(b), "%ld", f->rejected);
				snprintf(c, sizeof(c), "%ld", f->warnings);
				doc_table_row(n->d, tb, cells, 0);
			}
			free(idx);
		}
	}
	if (ds && ds->orgs.n > 0) {
		size_t *rows = xcalloc(ds->orgs.n, sizeof(*rows));
		struct names nm = { 0 };

		for (size_t i = 0; i < ds->staff.n; i++)
			if (ds->staff.v[i].org >= 0 &&
			    (size_t)ds->staff.v[i].org < ds->orgs.n)
				rows[ds->staff.v[i].org]++;
		for (size_t i = 0; i < ds->orgs.n; i++)
			if (rows[i] == 0)
				names_add(&nm, ds->orgs.v[i].name ?
					  ds->orgs.v[i].name :
					  ds->orgs.v[i].id);
		if (nm.total == 0)
			doc_textf(d, DOC_BODY, "Сведения о педагогических "
				  "работниках представили все %zu %s.",
				  ds->orgs.n,
				  ru_plural((int64_t)ds->orgs.n,
					    "образовательная организация",
					    "образовательные организации",
					    "образовательных организаций"));
		else {
			size_t k = nm.total;
			const char *list = names_text(n, &nm);

			doc_textf(d, DOC_BODY, "В реестре %zu %s; принятых "
				  "сведений о педагогических работниках нет у "
				  "%zu %s: %s.", ds->orgs.n,
				  ru_plural((int64_t)ds->orgs.n,
					    "образовательная организация",
					    "образовательные организации",
					    "образовательных организаций"),
				  k, ru_plural((int64_t)k, "организации",
					       "организаций", "организаций"),
				  list);
		}
		free(rows);
	}
}

static void indicators(struct note *n)
{
	struct doc *d = n->d;
	const struct analysis *an = n->c->an;
	struct doc_col cols[] = {
		{ "Код", 0.06f, DOC_LEFT },
		{ "Показатель", 0.35f, DOC_LEFT },
		{ "Значение", 0.11f, DOC_RIGHT },
		{ "Числитель / знаменатель", 0.14f, DOC_RIGHT },
		{ "Целевое значение", 0.18f, DOC_RIGHT },
		{ "Статус", 0.16f, DOC_LEFT },
	};
	struct doc_bar bars[18];
	int nb = 0;
	struct doc_table *tb;

	doc_heading(d, 1, "Показатели системы обеспечения профессионального "
		    "развития педагогических работников");
	if (an && an->ncodes > 0) {
		int64_t k[3] = { 0 };

		for (size_t i = 0; i < an->ncodes; i++)
			k[an->district.st[i].status < 3 ?
			  an->district.st[i].status : 0]++;
		doc_textf(d, DOC_BODY, "Целевые значения установлены для "
			  "%zu %s: достигнуты – %" PRId64 ", не достигнуты – "
			  "%" PRId64 ", нет данных – %" PRId64 ".", an->ncodes,
			  ru_plural((int64_t)an->ncodes, "показателя",
				    "показателей", "показателей"),
			  k[AN_ACHIEVED], k[AN_NOT_ACHIEVED], k[AN_NODATA]);
	}
	tb = doc_table(d, cols, 6, 8);
	for (int i = 1; i <= 18; i++) {
		char code[8], nd[64];
		const struct catalog_entry *e = catalog_indicator(i);
		const struct figure *f;
		const struct an_status *st;
		const char *cells[6];
		int64_t t;

		snprintf(code, sizeof(code), "I%02d", i);
		f = fig(n, code, "");
		st = status_of(n, code);
		if (f && !f->nodata && f->kind == FK_SHARE)
			snprintf(nd, sizeof(nd), "%" PRId64 " / %" PRId64,
				 f->num, f->den);
		else
			snprintf(nd, sizeof(nd), "—");
		cells[0] = code;
		cells[1] = e && e->name ? e->name : code;
		cells[2] = fig_text(n, f);
		cells[3] = nd;
		cells[4] = target_text(n, code);
		cells[5] = st ? an_status_name(st->status) : "—";
		doc_table_row(n->d, tb, cells, 0);
		if (f && f->kind == FK_SHARE && nb < 18) {
			struct doc_bar *b = &bars[nb++];

			memset(b, 0, sizeof(*b));
			b->label = arena_printf(&n->ar, "%s %s", code,
						ind_name(code, true));
			b->nodata = !val(f, &t);
			b->value = b->nodata ? 0 : (double)t / 10;
			if (st && st->target > 0) {
				b->has_target = true;
				b->target = (double)st->target / 10;
			}
			b->kind = !st || st->status == AN_NODATA
				? DOC_BAR_NEUTRAL
				: st->status == AN_ACHIEVED ? DOC_BAR_GOOD
				: DOC_BAR_BAD;
		}
	}
	if (nb > 0) {
		struct doc_bar_chart bc = {
			"Значения показателей и целевые значения, %", 100, 1,
			"%", { "без целевого значения", "достигнуто",
			       "не достигнуто" }, "целевое значение", 0.42f,
			NULL, 0
		};
		doc_bar_chart(d, &bc, bars, nb);
		doc_text(d, DOC_NOTE, "Показатели I17 и I18 выражены в "
			 "числе человек и приведены в таблице и в разделе о "
			 "динамике.");
	}
}

struct band {
	const char *code;
	const char *label;      /* chart label */
	const char *phrase;     /* «учителя со стажем работы …» */
};

static const struct band age_bands[] = {
	{ "S.age.under25", "до 25 лет", NULL },
	{ "S.age.25-29", "25–29 лет", NULL },
	{ "S.age.30-34", "30–34 года", NULL },
	{ "S.age.35-39", "35–39 лет", NULL },
	{ "S.age.40-44", "40–44 года", NULL },
	{ "S.age.45-49", "45–49 лет", NULL },
	{ "S.age.50-54", "50–54 года", NULL },
	{ "S.age.55-59", "55–59 лет", NULL },
	{ "S.age.60-64", "60–64 года", NULL },
	{ "S.age.65+", "65 лет и старше", NULL },
};

static const struct band exp_bands[] = {
	{ "S.exp.under3", "менее 3 лет", "со стажем работы менее 3 лет" },
	{ "S.exp.3-5", "от 3 до 5 лет", "со стажем работы от 3 до 5 лет" },
	{ "S.exp.5-10", "от 5 до 10 лет", "со стажем работы от 5 до 10 лет" },
	{ "S.exp.10-15", "от 10 до 15 лет",
	  "со стажем работы от 10 до 15 лет" },
	{ "S.exp.15-20", "от 15 до 20 лет",
	  "со стажем работы от 15 до 20 лет" },
	{ "S.exp.20+", "20 лет и более", "со стажем работы 20 лет и более" },
};

static void band_chart(struct note *n, const char *title,
		       const struct band *bd, int nbd)
{
	struct doc_bar bars[16];
	int nb = 0;
	bool any = false;

	for (int i = 0; i < nbd && i < 16; i++) {
		const struct figure *f = fig(n, bd[i].code, "");
		int64_t t;

		memset(&bars[nb], 0, sizeof(bars[nb]));
		bars[nb].label = bd[i].label;
		bars[nb].nodata = !val(f, &t);
		bars[nb].value = bars[nb].nodata ? 0 : (double)t / 10;
		any |= !bars[nb].nodata;
		nb++;
	}
	if (any) {
		struct doc_bar_chart bc = {
			title, 0, 1, "%", { NULL, NULL, NULL }, NULL, 0.25f,
			NULL, 0
		};
		doc_bar_chart(n->d, &bc, bars, nb);
	}
}

static void staff(struct note *n)
{
	struct doc *d = n->d;
	const struct figure *cnt = fig(n, "S.count", "");
	int64_t teachers = count_of(cnt);
	size_t a, b;

	doc_heading(d, 1, "Кадровый состав");
	/* all pedagogical workers by type of organization */
	{
		const struct figure *oo = fig(n, "S.staff", "org_type:ОО");
		const struct figure *doo = fig(n, "S.staff", "org_type:ДОО");
		const struct figure *dop = fig(n, "S.staff", "org_type:ДО");
		const struct figure *all = fig(n, "S.staff", "");
		int64_t total = count_of(all);

		if (total >= 0)
			doc_textf(d, DOC_BODY, "Общая численность "
				  "педагогических работников составляет %s "
				  "(в том числе %" PRId64 " – в "
				  "общеобразовательных организациях, %" PRId64
				  " – в дошкольных образовательных "
				  "организациях, %" PRId64 " – в организациях "
				  "дополнительного образования).",
				  persons(n, total),
				  count_of(oo) < 0 ? 0 : count_of(oo),
				  count_of(doo) < 0 ? 0 : count_of(doo),
				  count_of(dop) < 0 ? 0 : count_of(dop));
	}
	if (teachers <= 0) {
		doc_text(d, DOC_BODY, "Сведений об учителях "
			 "общеобразовательных организаций нет.");
		return;
	}
	/* the seed's paragraph (001, section 1) */
	{
		const struct figure *hi = fig(n, "S.edu.higher", "");
		const struct figure *ch = fig(n, "S.cat.high", "");
		const struct figure *c1 = fig(n, "S.cat.first", "");
		const struct figure *age = fig(n, "S.age.35-59", "");
		const struct figure *ex = NULL;
		const struct band *exb = NULL;
		int64_t hit = 0, t, best = -1;
		char p1[64], p2[64];
		const char *s;

		for (size_t i = 0; i < sizeof(exp_bands) / sizeof(*exp_bands);
		     i++) {
			const struct figure *f = fig(n, exp_bands[i].code, "");
			if (val(f, &t) && f->num > best) {
				best = f->num;
				ex = f;
				exb = &exp_bands[i];
			}
		}
		s = arena_printf(&n->ar, "В общеобразовательных организациях "
				 "%s %s %" PRId64 " %s.", n->scope ==
				 SCOPE_REGION ? "региона" : "района",
				 ru_singular(teachers) ? "работает" :
				 "работают", teachers,
				 ru_plural(teachers, "учитель", "учителя",
					   "учителей"));
		if (share_phrase(n, hi) && share_phrase(n, ch) &&
		    share_phrase(n, c1)) {
			val(hi, &hit);
			s = arena_printf(&n->ar, "%s %s: %s %s высшее "
					 "образование, %s – высшую категорию, "
					 "%s – первую категорию.", s,
					 hit >= 600 ? "Профессиональный "
					 "уровень учителей достаточно высок" :
					 "Уровень образования и квалификации "
					 "учителей",
					 share_phrase(n, hi),
					 ru_singular(hi->num) ? "имеет" :
					 "имеют",
					 share_phrase(n, ch),
					 share_phrase(n, c1));
		}
		if (val(age, &t) && ex) {
			int64_t te;

			val(ex, &te);
			s = arena_printf(&n->ar, "%s Наиболее массовые группы "
					 "представляют учителя в возрасте "
					 "35–59 лет (%s, %s) и учителя %s "
					 "(%s, %s).", s,
					 persons(n, age->num),
					 ru_percent(t, true, p1), exb->phrase,
					 persons(n, ex->num),
					 ru_percent(te, true, p2));
		}
		doc_text(d, DOC_BODY, s);
	}
	/* young, older, women */
	{
		const struct figure *y = fig(n, "S.age.under35", "");
		const struct figure *o1 = fig(n, "S.age.60-64", "");
		const struct figure *o2 = fig(n, "S.age.65+", "");
		const struct figure *wm = fig(n, "S.women", "");
		int64_t t1, t2;

		if (share_phrase(n, y) && val(o1, &t1) && val(o2, &t2)) {
			int64_t old = o1->num + o2->num;
			char p[64];

			doc_textf(d, DOC_BODY, "Учителей в возрасте до 35 "
				  "лет "
				  "– %s, в возрасте 60 лет и старше – %s (%s)"
				  "%s%s.", share_phrase(n, y), persons(n, old),
				  ru_percent(percent_tenths(old, teachers),
					     true, p),
				  share_phrase(n, wm) ? "; женщин – " : "",
				  share_phrase(n, wm) ? share_phrase(n, wm) :
				  "");
		}
	}
	/* positions, largest first (a short list) */
	a = range(n, "S.staff", "position:", &b);
	if (b > a) {
		struct names nm = { 0 };
		size_t m = b - a;
		size_t *ix = xcalloc(m, sizeof(*ix));

		for (size_t i = 0; i < m; i++)
			ix[i] = a + i;
		for (size_t i = 0; i < m; i++)
			for (size_t j = i + 1; j < m; j++)
				if (count_of(&n->c->fs->v[ix[j]]) >
				    count_of(&n->c->fs->v[ix[i]])) {
					size_t t = ix[i];
					ix[i] = ix[j];
					ix[j] = t;
				}
		for (size_t i = 0; i < m; i++) {
			const struct figure *f = &n->c->fs->v[ix[i]];

			if (count_of(f) > 0)
				names_add(&nm, arena_printf(&n->ar, "%s – %"
					  PRId64, f->breakdown + 9,
					  count_of(f)));
		}
		if (nm.total)
			doc_textf(d, DOC_BODY, "По должностям: %s.",
				  names_text(n, &nm));
		free(ix);
	}
	band_chart(n, "Возрастной состав учителей общеобразовательных "
		   "организаций, % от числа учителей", age_bands,
		   (int)(sizeof(age_bands) / sizeof(*age_bands)));
	band_chart(n, "Педагогический стаж учителей общеобразовательных "
		   "организаций, % от числа учителей", exp_bands,
		   (int)(sizeof(exp_bands) / sizeof(*exp_bands)));
}

/* Schools with beginners and no active pair (org scope figures). */
static void schools_without_pairs(struct note *n)
{
	const struct figures *fs = n->c->fs;
	struct names nm = { 0 };

	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		const struct figure *p;

		if (f->scope != SCOPE_ORG || strcmp(f->code, "M.beginners") ||
		    *f->breakdown || count_of(f) <= 0)
			continue;
		p = figures_find(fs, SCOPE_ORG, f->scope_id, "M.pairs.active",
				 "");
		if (p && !p->nodata && count_of(p) <= 0)
			names_add(&nm, *f->scope_name ? f->scope_name :
				  f->scope_id);
	}
	if (nm.total) {
		size_t k = nm.total;
		const char *list = names_text(n, &nm);

		doc_textf(n->d, DOC_BODY, "Начинающие педагоги есть, а "
			  "действующих пар наставничества нет в %zu %s: %s.",
			  k, ru_plural((int64_t)k, "организации",
				       "организациях", "организациях"),
			  list);
	}
}

static void mentoring(struct note *n)
{
	struct doc *d = n->d;
	const struct figure *beg = fig(n, "M.beginners", "");
	const struct figure *cov = fig(n, "M.beginners.covered", "");
	const struct figure *yb = fig(n, "M.young_beginners", "");
	const struct figure *ycov = fig(n, "M.young_beginners.covered", "");
	const struct figure *pairs = fig(n, "M.pairs.active", "");
	const struct figure *mentors = fig(n, "M.mentors.active", "");
	const struct figure *over = fig(n, "M.mentors.over_limit", "");
	const struct figure *paid = fig(n, "M.pairs.paid", "");
	int limit = n->c->p ? n->c->p->mentor_limit : 3;
	size_t a, b;

	doc_heading(d, 1, "Наставничество и поддержка молодых педагогов");
	if (count_of(pairs) < 0 && count_of(beg) < 0) {
		doc_text(d, DOC_BODY, "Сведения о наставничестве не "
			 "представлены: показатели раздела – «нет данных».");
		return;
	}
	if (count_of(beg) >= 0) {
		if (share_phrase(n, cov))
			doc_textf(d, DOC_BODY, "Начинающих педагогических "
				  "работников (педагогический стаж менее 3 "
				  "лет) – %s; на дату мониторинга "
				  "наставничеством %s %s при целевом "
				  "значении 100 процентов.",
				  persons(n, count_of(beg)),
				  ru_agree(cov->num, "охвачен", "охвачены"),
				  share_phrase(n, cov));
		else
			doc_textf(d, DOC_BODY, "Начинающих педагогических "
				  "работников (педагогический стаж менее 3 "
				  "лет) – %s.", persons(n, count_of(beg)));
	}
	if (count_of(yb) > 0 && share_phrase(n, ycov))
		doc_textf(d, DOC_BODY, "Из них молодых педагогов в возрасте "
			  "до 35 лет – %s, наставничеством %s %s.",
			  persons(n, count_of(yb)),
			  ru_agree(ycov->num, "охвачен", "охвачены"),
			  share_phrase(n, ycov));
	if (count_of(pairs) >= 0) {
		struct names nm = { 0 };
		const char *s;

		s = arena_printf(&n->ar, "На дату мониторинга действует "
				 "%" PRId64 " %s «наставник – наставляемый»",
				 count_of(pairs),
				 ru_plural(count_of(pairs), "пара", "пары",
					   "пар"));
		if (count_of(mentors) >= 0)
			s = arena_printf(&n->ar, "%s, в них %" PRId64 " %s",
					 s, count_of(mentors),
					 ru_plural(count_of(mentors),
						   "наставник", "наставника",
						   "наставников"));
		if (count_of(over) > 0)
			s = arena_printf(&n->ar, "%s; у %" PRId64 " %s больше "
					 "%d наставляемых", s, count_of(over),
					 ru_plural(count_of(over),
						   "наставника",
						   "наставников",
						   "наставников"), limit);
		a = range(n, "M.pairs.active", "form:", &b);
		for (size_t i = a; i < b; i++)
			if (count_of(&n->c->fs->v[i]) > 0)
				names_add(&nm, arena_printf(&n->ar,
					  "«%s» – %" PRId64,
					  n->c->fs->v[i].breakdown + 5,
					  count_of(&n->c->fs->v[i])));
		if (nm.total)
			s = arena_printf(&n->ar, "%s. Формы наставничества: "
					 "%s", s, names_text(n, &nm));
		doc_text(d, DOC_BODY, sentence(n, s));
	}
	{
		int64_t t;

		if (val(paid, &t))
			doc_textf(d, DOC_BODY, "Наставникам доплачивают в "
				  "%" PRId64 " %s из %" PRId64 " (%s).",
				  paid->num,
				  ru_plural(paid->num, "паре", "парах",
					    "парах"),
				  paid->den, tenths_text(n, t, false));
	}
	schools_without_pairs(n);
	/* coverage chart: beginners and the mentoring indicators */
	{
		static const char *const codes[][2] = {
			{ "M.beginners.covered", "Начинающие педагоги, "
			  "охваченные наставничеством" },
			{ "M.young_beginners.covered", "Молодые начинающие "
			  "педагоги, охваченные наставничеством" },
			{ "I12", NULL }, { "I13", NULL }, { "I14", NULL },
		};
		struct doc_bar bars[5];
		int nb = 0;
		bool any = false;

		for (int i = 0; i < 5; i++) {
			const struct figure *f = fig(n, codes[i][0], "");
			const struct an_status *st = status_of(n, codes[i][0]);
			struct doc_bar *bb = &bars[nb];
			int64_t t;

			if (!f)
				continue;
			memset(bb, 0, sizeof(*bb));
			bb->label = codes[i][1] ? codes[i][1] :
				arena_printf(&n->ar, "%s %s", codes[i][0],
					     ind_name(codes[i][0], true));
			bb->nodata = !val(f, &t);
			bb->value = bb->nodata ? 0 : (double)t / 10;
			any |= !bb->nodata;
			if (codes[i][1]) {
				/* the seed's target: every beginner */
				bb->has_target = true;
				bb->target = 100;
				bb->kind = bb->nodata ? DOC_BAR_NEUTRAL :
					t >= 1000 ? DOC_BAR_GOOD : DOC_BAR_BAD;
			} else if (st) {
				bb->has_target = st->target > 0;
				bb->target = (double)st->target / 10;
				bb->kind = st->status == AN_ACHIEVED ?
					DOC_BAR_GOOD : st->status ==
					AN_NOT_ACHIEVED ? DOC_BAR_BAD :
					DOC_BAR_NEUTRAL;
			}
			nb++;
		}
		if (any) {
			struct doc_bar_chart bc = {
				"Охват наставничеством, %", 100, 1, "%",
				{ NULL, "достигнуто", "не достигнуто" },
				"целевое значение", 0.42f, NULL, 0
			};
			doc_bar_chart(d, &bc, bars, nb);
		}
	}
}

#define DIM_CODES 6
#define DIM_KEYS 500

static int64_t sort_value(const struct figure *f)
{
	int64_t t;

	return val(f, &t) ? t : -1;
}

/*
 * One table per breakdown dimension (subject, area, kind): a row per
 * value, a column per figure that has that breakdown (I01 for subjects,
 * then the D codes), largest first by the first column.
 */
static void dimension_table(struct note *n, const char *prefix,
			    const char *head, const char *title,
			    const char *const *given, size_t ngiven)
{
	const struct figures *fs = n->c->fs;
	const char *codes[DIM_CODES];
	const char *keys[DIM_KEYS];
	size_t nc = 0, nk = 0, a, b, plen = strlen(prefix);
	struct doc_col cols[DIM_CODES + 1];
	struct doc_table *tb;

	for (size_t i = 0; i < ngiven && nc < DIM_CODES; i++)
		if (range(n, given[i], prefix, &b) < b)
			codes[nc++] = given[i];
	if (strcmp(prefix, "subject:") == 0 && ngiven == 0 &&
	    range(n, "I01", prefix, &b) < b)
		codes[nc++] = "I01";
	for (size_t i = lower(fs, n->scope, n->id, "D.", ""); ngiven == 0 &&
	     i < fs->n && nc < DIM_CODES; i++) {
		const struct figure *f = &fs->v[i];

		if (f->scope != n->scope || strcmp(f->scope_id, n->id) ||
		    !starts(f->code, "D."))
			break;
		if (starts(f->breakdown, prefix) &&
		    (nc == 0 || strcmp(codes[nc - 1], f->code)))
			codes[nc++] = f->code;
	}
	if (nc == 0)
		return;
	/* the union of the values, in the figures' (sorted) order */
	for (size_t c = 0; c < nc; c++) {
		a = range(n, codes[c], prefix, &b);
		for (size_t i = a; i < b && nk < DIM_KEYS; i++) {
			const char *k = fs->v[i].breakdown + plen;
			size_t j = 0;

			while (j < nk && strcmp(keys[j], k))
				j++;
			if (j == nk)
				keys[nk++] = k;
		}
	}
	/* largest first by the first column; ties keep the order */
	for (size_t i = 0; i < nk && i < ROWS_MAX; i++)
		for (size_t j = i + 1; j < nk; j++) {
			const char *bi = arena_printf(&n->ar, "%s%s", prefix,
						      keys[i]);
			const char *bj = arena_printf(&n->ar, "%s%s", prefix,
						      keys[j]);

			if (sort_value(fig(n, codes[0], bj)) >
			    sort_value(fig(n, codes[0], bi))) {
				const char *t = keys[i];
				keys[i] = keys[j];
				keys[j] = t;
			}
		}
	cols[0] = (struct doc_col){ head, 0.34f, DOC_LEFT };
	for (size_t c = 0; c < nc; c++)
		cols[c + 1] = (struct doc_col){
			c == 0 && strcmp(codes[c], "I01") == 0 ?
			"I01 Прошедшие диагностику, % учителей предмета" :
			ind_name(codes[c], true), 0.66f / (float)nc,
			DOC_RIGHT };
	tb = doc_table(n->d, cols, (int)nc + 1, 0);
	doc_table_caption(n->d, tb, title);
	for (size_t i = 0; i < nk && i < ROWS_MAX; i++) {
		const char *cells[DIM_CODES + 1];
		const char *bd = arena_printf(&n->ar, "%s%s", prefix, keys[i]);

		cells[0] = keys[i];
		for (size_t c = 0; c < nc; c++) {
			const struct figure *f = fig(n, codes[c], bd);
			cells[c + 1] = f ? fig_text(n, f) : "—";
		}
		doc_table_row(n->d, tb, cells, 0);
	}
	if (nk > ROWS_MAX)
		doc_textf(n->d, DOC_NOTE, "Показаны %d строк из %zu; "
			  "полностью – в файле monitoring.xlsx.", ROWS_MAX,
			  nk);
}

static void deficits(struct note *n)
{
	struct doc *d = n->d;
	const struct figure *dg = fig(n, "D.diagnosed", "");
	const struct figure *wd = fig(n, "D.with_deficit", "");
	const struct figure *ad = fig(n, "D.addressed", "");
	const struct figure *iom = fig(n, "D.iom", "");
	const struct figure *i01 = fig(n, "I01", "");
	int window = n->c->p ? n->c->p->window_months : 36;

	doc_heading(d, 1, "Профессиональные дефициты");
	if (count_of(dg) < 0) {
		doc_text(d, DOC_BODY, "Сведения о диагностике "
			 "профессиональных дефицитов не представлены: "
			 "показатели раздела – «нет данных».");
		return;
	}
	{
		const char *s;
		char g[64];
		int64_t t;

		s = arena_printf(&n->ar, "Диагностику профессиональных "
				 "дефицитов за %d %s %s %s", window,
				 ru_plural(window, "месяц", "месяца",
					   "месяцев"),
				 ru_agree(count_of(dg), "прошёл", "прошли"),
				 persons(n, count_of(dg)));
		if (val(i01, &t))
			s = arena_printf(&n->ar, "%s (%s педагогических "
					 "работников)", s,
					 tenths_text(n, t, false));
		if (count_of(wd) >= 0)
			s = arena_printf(&n->ar, "%s. По результатам "
					 "последней "
					 "диагностики дефициты выявлены у %s",
					 s, ru_persons_gen(count_of(wd), g));
		doc_text(d, DOC_BODY, sentence(n, s));
		if (share_phrase(n, ad))
			doc_textf(d, DOC_BODY, "Из педагогов с выявленными "
				  "дефицитами %s %s обучение по адресным "
				  "программам повышения квалификации после "
				  "диагностики%s%s.", share_phrase(n, ad),
				  ru_agree(ad->num, "прошёл", "прошли"),
				  !share_phrase(n, iom) ? "" :
				  ru_singular(iom->num) ? "; индивидуальный "
				  "образовательный маршрут имеет " :
				  "; индивидуальные "
				  "образовательные маршруты имеют ",
				  share_phrase(n, iom) ? share_phrase(n, iom)
				  : "");
	}
	dimension_table(n, "subject:", "Предмет", "В разрезе предметов:",
			NULL, 0);
	dimension_table(n, "area:", "Область дефицита",
			"По областям профессиональных дефицитов:", NULL, 0);
	dimension_table(n, "kind:", "Вид диагностики",
			"По видам диагностики:", NULL, 0);
}

static void staffing(struct note *n)
{
	struct doc *d = n->d;
	const struct figure *vac = fig(n, "K.vacancies", "");
	const struct figure *i16 = fig(n, "I16", "");
	const struct figures *fs = n->c->fs;
	size_t a, b;

	doc_heading(d, 1, "Обеспеченность и потребность в кадрах");
	if (count_of(vac) >= 0) {
		struct names nm = { 0 };
		const char *s;

		s = arena_printf(&n->ar, "Потребность в педагогических кадрах "
				 "по заявленным вакансиям составляет %s",
				 persons(n, count_of(vac)));
		/* the horizons in time order, not in byte order */
		static const char *const hz[] = {
			"текущая", "среднесрочная", "долгосрочная"
		};
		for (size_t i = 0; i < 3; i++) {
			const struct figure *h = fig(n, "K.vacancies",
				arena_printf(&n->ar, "horizon:%s", hz[i]));

			if (count_of(h) >= 0)
				names_add(&nm, arena_printf(&n->ar, "%s – %"
					  PRId64, hz[i], count_of(h)));
		}
		if (nm.total)
			s = arena_printf(&n->ar, "%s (%s)", s,
					 names_text(n, &nm));
		doc_text(d, DOC_BODY, sentence(n, s));
	} else {
		doc_text(d, DOC_BODY, "Сведения о вакансиях не представлены: "
			 "потребность в кадрах – «нет данных».");
	}
	/* the seed's sentence: the subjects most in need */
	a = range(n, "K.need", "subject:", &b);
	if (b > a) {
		size_t m = b - a;
		size_t *ix = xcalloc(m, sizeof(*ix));
		struct names nm = { 0 };

		for (size_t i = 0; i < m; i++)
			ix[i] = a + i;
		for (size_t i = 0; i < m && i < ROWS_MAX; i++)
			for (size_t j = i + 1; j < m; j++)
				if (count_of(&fs->v[ix[j]]) >
				    count_of(&fs->v[ix[i]])) {
					size_t t = ix[i];
					ix[i] = ix[j];
					ix[j] = t;
				}
		for (size_t i = 0; i < m && i < 5; i++)
			if (count_of(&fs->v[ix[i]]) > 0)
				names_add(&nm, arena_printf(&n->ar, "%s (%s)",
					  fs->v[ix[i]].breakdown + 8,
					  persons(n,
						  count_of(&fs->v[ix[i]]))));
		if (nm.total)
			doc_textf(d, DOC_BODY, "Наибольшую потребность "
				  "муниципальная система образования "
				  "испытывает в учителях по предметам: %s.",
				  names_text(n, &nm));
		free(ix);
	}
	{
		static const char *const kc[] = {
			"K.need", "K.vacancies", "K.teachers60"
		};

		dimension_table(n, "subject:", "Предмет", "Потребность в "
				"кадрах и учителя в возрасте 60 лет и старше "
				"по предметам:", kc, 3);
	}
	{
		const struct figure *t60 = fig(n, "K.teachers60", "");
		const struct figure *ov = fig(n, "K.overloaded", "");
		const struct figure *tc = fig(n, "K.target_contract", "");
		const struct figure *ar = fig(n, "K.arrived", "");
		const char *s = "";
		int64_t t;

		if (count_of(t60) >= 0)
			s = arena_printf(&n->ar, "Учителей в возрасте 60 лет "
					 "и старше (риск выбытия) – %s. ",
					 persons(n, count_of(t60)));
		if (count_of(ov) >= 0)
			s = arena_printf(&n->ar, "%sУчебную нагрузку выше "
					 "%s ч в неделю %s %s. ", s,
					 n->c->p ? arena_printf(&n->ar, "%"
					 PRId64, n->c->p->load_limit / 1000) :
					 "27", ru_agree(count_of(ov), "имеет",
							"имеют"),
					 persons(n, count_of(ov)));
		if (count_of(tc) >= 0 && count_of(ar) >= 0)
			s = arena_printf(&n->ar, "%sПо целевому договору "
					 "%s %s, прибывших "
					 "педагогов – %s. ", s,
					 ru_agree(count_of(tc), "обучается или "
						  "работает", "обучаются или "
						  "работают"),
					 persons(n, count_of(tc)),
					 persons(n, count_of(ar)));
		if (val(i16, &t))
			s = arena_printf(&n->ar, "%sОбеспеченность "
					 "образовательных организаций "
					 "педагогическими кадрами – %s.", s,
					 tenths_text(n, t, false));
		if (*s)
			doc_text(d, DOC_BODY, s);
	}
}

/* ------------------------------------------------------------ dynamics */

#define MAX_PERIODS 8

static const char *period_label(struct note *n, int yyyymm)
{
	return arena_printf(&n->ar, "%02d.%04d", yyyymm % 100, yyyymm / 100);
}

/* The value of code in period yyyymm (the current one from fs). */
static const struct figure *period_fig(struct note *n, int yyyymm,
				       const char *code, const char *bd)
{
	if (yyyymm == n->year * 100 + n->month)
		return fig(n, code, bd);
	if (!n->c->hist)
		return NULL;
	return history_find(n->c->hist, yyyymm / 100, yyyymm % 100,
			    SCOPE_DISTRICT, "", code, bd);
}

static void dynamics(struct note *n)
{
	struct doc *d = n->d;
	int per[MAX_PERIODS + 1];
	size_t np = 0;
	int cur = n->year * 100 + n->month, prev = cur - 100;
	static const char *const codes[] = {
		"I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09",
		"I10", "I11", "I12", "I13", "I14", "I15", "I16", "I17", "I18",
		"S.count", "M.beginners"
	};
	const size_t ncodes = sizeof(codes) / sizeof(codes[0]);

	doc_heading(d, 1, "Динамика показателей");
	if (n->c->hist && n->c->hist->n > 0)
		np = history_periods(n->c->hist, per, MAX_PERIODS);
	if (np == 0) {
		doc_text(d, DOC_BODY, "Данные предыдущих мониторингов не "
			 "представлены: динамика показателей не "
			 "рассчитывается.");
		return;
	}
	per[np++] = cur;
	{
		struct doc_col cols[MAX_PERIODS + 3];
		const char *cells[MAX_PERIODS + 3];
		struct doc_table *tb;
		float w = 0.58f / (float)(np + 1);
		size_t nc = 0;

		cols[nc++] = (struct doc_col){ "Показатель", 0.42f, DOC_LEFT };
		for (size_t i = 0; i < np; i++)
			cols[nc++] = (struct doc_col){
				period_label(n, per[i]), w, DOC_RIGHT };
		cols[nc++] = (struct doc_col){
			arena_printf(&n->ar, "Изменение к %s",
				     period_label(n, prev)), w, DOC_RIGHT };
		doc_textf(d, DOC_BODY, "Значения показателей за %zu %s "
			  "(изменение – к тому же месяцу предыдущего года, "
			  "для долей – в процентных пунктах, для "
			  "численности – "
			  "в человеках):", np,
			  ru_plural((int64_t)np, "период", "периода",
				    "периодов"))->keep_next = true;
		tb = doc_table(d, cols, (int)nc, 8.5f);
		for (size_t k = 0; k < ncodes; k++) {
			const struct figure *now = fig(n, codes[k], "");
			const struct figure *was;
			char ch[32];
			bool any = false;

			cells[0] = arena_printf(&n->ar, "%s%s%s",
						codes[k][0] == 'I' ? codes[k]
						: "", codes[k][0] == 'I' ?
						" " : "",
						ind_name(codes[k], true));
			for (size_t i = 0; i < np; i++) {
				const struct figure *f = period_fig(n, per[i],
								    codes[k],
								    "");
				int64_t t;

				any |= val(f, &t) && per[i] != cur;
				cells[1 + i] = f ? fig_text(n, f) : "—";
			}
			if (!any)
				continue;
			was = period_fig(n, prev, codes[k], "");
			ch[0] = '\0';
			if (now && was)
				history_change_str(now, was, ',', ch);
			cells[1 + np] = *ch ? arena_strdup(&n->ar, ch) : "—";
			doc_table_row(n->d, tb, cells, 0);
		}
	}
	/* line charts: shares, then counts */
	for (int kind = 0; kind < 2; kind++) {
		static const char *const share_codes[] = {
			"I01", "I03", "I12", "I15", "I16"
		};
		static const char *const count_codes[] = {
			"I17", "I18", "M.beginners"
		};
		const char *const *cc = kind ? count_codes : share_codes;
		size_t ncc = kind ? 3 : 5;
		struct doc_series s[5];
		double *vals = xcalloc(5 * np, sizeof(double));
		const char *cat[MAX_PERIODS + 1];
		int ns = 0;

		for (size_t i = 0; i < np; i++)
			cat[i] = period_label(n, per[i]);
		for (size_t k = 0; k < ncc; k++) {
			int have = 0;

			for (size_t i = 0; i < np; i++) {
				const struct figure *f = period_fig(n, per[i],
								    cc[k], "");
				int64_t t;

				if (val(f, &t)) {
					vals[ns * np + i] = (double)t / 10;
					have++;
				} else {
					vals[ns * np + i] = NAN;
				}
			}
			if (have < 2)
				continue;
			s[ns].name = arena_printf(&n->ar, "%s%s%s",
						  cc[k][0] == 'I' ? cc[k] : "",
						  cc[k][0] == 'I' ? " " : "",
						  ind_name(cc[k], true));
			s[ns].y = &vals[ns * np];
			ns++;
		}
		if (ns > 0) {
			struct doc_line_chart lc = {
				kind ? "Динамика численности, человек" :
				"Динамика показателей, %", cat, (int)np,
				kind ? 0 : 100, kind ? 0 : 1, kind ? "" : "%",
				kind ? "человек" : NULL, NULL, 0
			};
			doc_line_chart(d, &lc, s, ns);
		}
		free(vals);
	}
	/* I18: young teachers by subject, this year and last */
	{
		size_t a, b;
		struct doc_table *tb = NULL;
		struct doc_col cols[] = {
			{ "Предмет", 0.46f, DOC_LEFT },
			{ period_label(n, prev), 0.18f, DOC_RIGHT },
			{ period_label(n, cur), 0.18f, DOC_RIGHT },
			{ "Изменение", 0.18f, DOC_RIGHT },
		};

		a = range(n, "I18", "subject:", &b);
		for (size_t i = a; i < b; i++) {
			const struct figure *f = &n->c->fs->v[i];
			const struct figure *w = period_fig(n, prev, "I18",
							    f->breakdown);
			char ch[32];

			if (!tb) {
				doc_textf(d, DOC_PLAIN, "%s:", ind_name("I18",
					  false))->keep_next = true;
				tb = doc_table(d, cols, 4, 0);
			}
			ch[0] = '\0';
			if (w)
				history_change_str(f, w, ',', ch);
			doc_table_row(n->d, tb, (const char *const[]){
				f->breakdown + 8, w ? fig_text(n, w) : "—",
				fig_text(n, f), *ch ? ch : "—" }, 0);
		}
	}
}

/* ------------------------------------------------------------ analysis */

static void clusters(struct note *n)
{
	struct doc *d = n->d;
	const struct analysis *an = n->c->an;
	const struct template *t = n->c->t;

	doc_heading(d, 1, "Кластерный анализ общеобразовательных организаций");
	if (!an || an->k == 0) {
		doc_text(d, DOC_BODY, "Кластеризация не проводилась: "
			 "недостаточно общеобразовательных организаций со "
			 "значениями показателей.");
		return;
	}
	if (an->cluster_method && *an->cluster_method)
		doc_text(d, DOC_BODY, an->cluster_method);
	if (t && *t->cluster_note)
		doc_text(d, DOC_BODY, expand(n, t->cluster_note));
	{
		struct doc_col cols[12];
		const char *cells[12];
		int k = an->k < 10 ? an->k : 10;
		float w = 0.55f / (float)(k + 1);
		struct doc_table *tb;
		int nc = 0;

		cols[nc++] = (struct doc_col){ "Показатель", 0.45f, DOC_LEFT };
		for (int i = 0; i < k; i++)
			cols[nc++] = (struct doc_col){
				arena_printf(&n->ar, "Группа %d (%s)",
					     an->clusters[i].number,
					     an->clusters[i].label), w,
				DOC_RIGHT };
		cols[nc++] = (struct doc_col){ "Район", w, DOC_RIGHT };
		tb = doc_table(d, cols, nc, 8.5f);
		cells[0] = "Число школ";
		for (int i = 0; i < k; i++)
			cells[1 + i] = arena_printf(&n->ar, "%zu",
						    an->clusters[i].nmembers);
		cells[1 + k] = "";
		doc_table_row(n->d, tb, cells, DOC_ROW_SHADE);
		for (size_t p = 0; p < an->nprofile; p++) {
			const char *code = an->profile[p];
			const struct figure *f = fig(n, code, "");

			cells[0] = arena_printf(&n->ar, "%s %s", code,
						ind_name(code, true));
			for (int i = 0; i < k; i++)
				cells[1 + i] = an->clusters[i].has_mean[p] ?
					tenths_text(n, an->clusters[i].mean[p],
						    is_count(code)) : "—";
			cells[1 + k] = fig_text(n, f);
			doc_table_row(n->d, tb, cells, 0);
		}
		cells[0] = "Средний уровень по профилю";
		for (int i = 0; i < k; i++)
			cells[1 + i] = tenths_text(n, an->clusters[i].overall,
						   false);
		cells[1 + k] = "";
		doc_table_row(n->d, tb, cells, DOC_ROW_BOLD);
	}
	for (int i = 0; i < an->k; i++) {
		const struct an_cluster *cl = &an->clusters[i];
		struct names nm = { 0 };

		for (size_t m = 0; m < cl->nmembers; m++) {
			const struct an_scope *o = &an->orgs[cl->members[m]];
			names_add(&nm, org_name(o));
		}
		doc_textf(d, DOC_BODY, "Группа %d – %s (%zu %s): %s.",
			  cl->number, cl->label, cl->nmembers,
			  ru_plural((int64_t)cl->nmembers, "школа", "школы",
				    "школ"),
			  nm.total ? names_text(n, &nm) : "нет");
	}
}

/* Total gap of an organization's problem zones, for ranking. */
static int64_t gap_sum(const struct an_scope *o)
{
	int64_t s = 0;

	for (size_t i = 0; i < o->nproblems; i++)
		s += o->st[o->problems[i]].gap;
	return s;
}

/* An organization's ranking key (qsort has no context argument). */
struct rank {
	size_t nproblems;
	int64_t gap;
	const char *id;
	size_t idx;
};

/* Most problem zones first, then largest total gap, then org id. */
static int cmp_worst(const void *pa, const void *pb)
{
	const struct rank *a = pa, *b = pb;

	if (a->nproblems != b->nproblems)
		return a->nproblems > b->nproblems ? -1 : 1;
	if (a->gap != b->gap)
		return a->gap > b->gap ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Organizations with at least one assessed value, worst first. */
static size_t *ranked_orgs(const struct analysis *an, size_t *count)
{
	struct rank *r = xcalloc(an->norgs + 1, sizeof(*r));
	size_t *ix = xcalloc(an->norgs + 1, sizeof(*ix)), m = 0;

	for (size_t i = 0; i < an->norgs; i++) {
		const struct an_scope *o = &an->orgs[i];
		bool any = false;

		for (size_t k = 0; k < an->ncodes && !any; k++)
			any = o->st[k].has_value;
		if (any)
			r[m++] = (struct rank){ o->nproblems, gap_sum(o),
				o->id, i };
	}
	qsort(r, m, sizeof(*r), cmp_worst);
	for (size_t i = 0; i < m; i++)
		ix[i] = r[i].idx;
	free(r);
	*count = m;
	return ix;
}

/* «I03: 15,9 % при цели не менее 60,0 %». */
static const char *short_problem(struct note *n, const struct an_status *st)
{
	bool cnt = is_count(st->code);

	return arena_printf(&n->ar, "%s: %s при цели %s %s", st->code,
			    tenths_text(n, st->value, cnt),
			    st->dir == TD_MAX ? "не более" : "не менее",
			    tenths_text(n, st->target, cnt));
}

static void problems(struct note *n)
{
	struct doc *d = n->d;
	const struct analysis *an = n->c->an;
	const struct an_scope *ds;
	size_t m, *ix;

	doc_heading(d, 1, "Проблемные зоны");
	if (!an) {
		doc_text(d, DOC_BODY, "Анализ не выполнялся.");
		return;
	}
	ds = &an->district;
	if (ds->nproblems == 0) {
		doc_text(d, DOC_BODY, "На уровне района все показатели, "
			 "для которых рассчитаны значения, достигли целевых "
			 "значений.");
	} else {
		struct doc_col cols[] = {
			{ "Показатель", 0.46f, DOC_LEFT },
			{ "Значение", 0.14f, DOC_RIGHT },
			{ "Целевое значение", 0.22f, DOC_RIGHT },
			{ "Отставание", 0.18f, DOC_RIGHT },
		};
		struct doc_table *tb;

		doc_textf(d, DOC_BODY, "На уровне района не достигнуты "
			  "целевые значения %zu %s (в порядке убывания "
			  "отставания; для долей – в процентных пунктах):",
			  ds->nproblems,
			  ru_plural((int64_t)ds->nproblems, "показателя",
				    "показателей", "показателей"));
		tb = doc_table(d, cols, 4, 0);
		for (size_t i = 0; i < ds->nproblems; i++) {
			const struct an_status *st = &ds->st[ds->problems[i]];
			bool cnt = is_count(st->code);
			char g[32];

			doc_table_row(n->d, tb, (const char *const[]){
				arena_printf(&n->ar, "%s %s", st->code,
					     ind_name(st->code, true)),
				tenths_text(n, st->value, cnt),
				target_text(n, st->code),
				cnt ? persons(n, st->gap / 10) :
				arena_printf(&n->ar, "%s п. п.",
					     tenths_str(st->gap, ',', g)) },
				0);
		}
	}
	ix = ranked_orgs(an, &m);
	if (m > 0) {
		size_t with = 0, none = 0;
		struct names nm = { 0 };
		struct doc_col cols[] = {
			{ "Организация", 0.40f, DOC_LEFT },
			{ "Проблемных зон", 0.16f, DOC_RIGHT },
			{ "Наибольшие отставания", 0.44f, DOC_LEFT },
		};
		struct doc_table *tb;

		for (size_t i = 0; i < m; i++)
			with += an->orgs[ix[i]].nproblems > 0;
		doc_textf(d, DOC_BODY, "Хотя бы одна проблемная зона есть у "
			  "%zu из %zu %s.", with, m,
			  ru_plural((int64_t)m, "организации", "организаций",
				    "организаций"));
		if (with > 0) {
			doc_textf(d, DOC_PLAIN, "Организации с наибольшим "
				  "числом проблемных зон%s:",
				  with > TOP_ORGS ? arena_printf(&n->ar,
				  " (первые %d)", TOP_ORGS) : "")
				->keep_next = true;
			tb = doc_table(d, cols, 3, 0);
			for (size_t i = 0; i < m && i < TOP_ORGS; i++) {
				const struct an_scope *o = &an->orgs[ix[i]];
				const char *gaps = "";

				if (o->nproblems == 0)
					break;
				for (size_t k = 0; k < o->nproblems && k < 3;
				     k++)
					gaps = arena_printf(&n->ar, "%s%s%s",
						gaps, k ? "\n" : "",
						short_problem(n,
						&o->st[o->problems[k]]));
				doc_table_row(n->d, tb, (const char *const[]){
					org_name(o),
					arena_printf(&n->ar, "%zu",
						     o->nproblems),
					gaps }, 0);
			}
		}
		/* the best: no problem zone, or the fewest */
		for (size_t i = m; i-- > 0;) {
			const struct an_scope *o = &an->orgs[ix[i]];

			if (o->nproblems > 0)
				break;
			none++;
			names_add(&nm, org_name(o));
		}
		if (none > 0)
			doc_textf(d, DOC_BODY, "%s всех целевых "
				  "значений %zu %s: %s.",
				  ru_agree((int64_t)none, "Достигла",
					   "Достигли"), none,
				  orgs_word((int64_t)none),
				  names_text(n, &nm));
		else if (m > 1) {
			for (size_t i = m; i-- > 0 && m - i <= 5;)
				names_add(&nm, arena_printf(&n->ar, "%s (%zu)",
					  org_name(&an->orgs[ix[i]]),
					  an->orgs[ix[i]].nproblems));
			doc_textf(d, DOC_BODY, "Наименьшее число проблемных "
				  "зон: %s.", names_text(n, &nm));
		}
	}
	free(ix);
}

static void recommendations(struct note *n)
{
	struct doc *d = n->d;
	const struct analysis *an = n->c->an;
	size_t norg = 0, shown = 0, m;
	size_t *ix, *first;
	struct doc_col cols[] = {
		{ "Адресат", 0.32f, DOC_LEFT },
		{ "Рекомендация", 0.68f, DOC_LEFT },
	};
	struct doc_table *tb;

	doc_heading(d, 1, "Адресные рекомендации");
	if (!an || an->nrecs == 0) {
		doc_text(d, DOC_BODY, "Правила шаблона не дали адресных "
			 "рекомендаций.");
		return;
	}
	/*
	 * Where each organization's recommendations start: they come
	 * grouped by org id, so one pass indexes them and the output below
	 * stays linear for 40,000 organizations.
	 */
	first = xcalloc(an->norgs + 1, sizeof(*first));
	for (size_t i = 0; i < an->norgs; i++)
		first[i] = SIZE_MAX;
	for (size_t i = 0; i < an->nrecs; i++) {
		const struct an_rec *r = &an->recs[i];
		const struct an_scope *o;

		if (r->to != AN_TO_ORG_HEAD)
			continue;
		norg++;
		o = analysis_org(an, r->org_id);
		if (o && first[o - an->orgs] == SIZE_MAX)
			first[o - an->orgs] = i;
	}
	/* organizations: the worst first, up to RECS_MAX items, a table */
	ix = ranked_orgs(an, &m);
	tb = doc_table(d, cols, 2, 0);
	for (size_t k = 0; k < m && shown < RECS_MAX; k++) {
		const struct an_scope *o = &an->orgs[ix[k]];
		const char *to = NULL, *text = "";
		size_t cnt = 0;

		if (first[ix[k]] == SIZE_MAX)
			continue;
		for (size_t i = first[ix[k]]; i < an->nrecs &&
		     shown < RECS_MAX; i++) {
			const struct an_rec *r = &an->recs[i];

			if (r->to != AN_TO_ORG_HEAD || strcmp(r->org_id,
							      o->id))
				break;
			to = to ? to : r->addressee;
			text = arena_printf(&n->ar, "%s%s– %s", text,
					    cnt ? "\n" : "",
					    sentence(n, r->text));
			cnt++;
			shown++;
		}
		if (cnt)
			doc_table_row(n->d, tb, (const char *const[]){ to,
				      cnt == 1 ? text + strlen("– ") : text },
				      0);
	}
	/* then the methodological associations, by subject */
	for (size_t i = 0; i < an->nrecs; i++) {
		const struct an_rec *r = &an->recs[i];

		if (r->to == AN_TO_RMO)
			doc_table_row(n->d, tb, (const char *const[]){
				      capital(n, r->addressee),
				      sentence(n, r->text) }, 0);
	}
	free(ix);
	free(first);
	if (shown < norg)
		doc_textf(d, DOC_NOTE, "Показаны %zu из %zu рекомендаций "
			  "руководителям (организации с наибольшим числом "
			  "проблемных зон); полный перечень – в файле "
			  "monitoring.xlsx, лист «Рекомендации».", shown,
			  norg);
}

static void decisions(struct note *n)
{
	struct doc *d = n->d;
	const struct analysis *an = n->c->an;
	struct doc_list *l;
	const char *kind = n->month == 7 ? "промежуточного (июльского) " :
		n->month == 12 ? "итогового (декабрьского) " : "";

	/* the draft decision is a document of its own: a new page */
	doc_page_break(d);
	doc_heading(d, 0, "Проект решения коллегии");
	doc_textf(d, DOC_BODY, "Заслушав и обсудив аналитическую справку по "
		  "итогам %sмониторинга показателей системы обеспечения "
		  "профессионального развития педагогических работников за "
		  "%s, проблемные зоны и адресные рекомендации,",
		  kind, period_text(n));
	doc_run(d, doc_para(d, DOC_LEAD), DOC_BOLD, "КОЛЛЕГИЯ РЕКОМЕНДУЕТ:");
	if (!an || an->ndecisions == 0) {
		doc_text(d, DOC_BODY, "Правила шаблона не дали проектов "
			 "управленческих решений.");
		return;
	}
	/*
	 * A numbered list of two levels: the addressee groups («1.»), their
	 * items («1.1.»).  The analysis numbers groups and items in order,
	 * so its labels are the list's own numbering.
	 */
	l = doc_list(d, true);
	for (size_t i = 0; i < an->ndecisions; i++) {
		const struct an_decision *x = &an->decisions[i];
		const char *s;

		if (i == 0 || x->group != an->decisions[i - 1].group)
			doc_run(d, doc_list_item(d, l, 0, arena_printf(&n->ar,
				"%d.", x->group)), DOC_BOLD,
				arena_printf(&n->ar, "%s:", x->addressee));
		s = sentence(n, x->text);
		if (x->deadline && *x->deadline)
			s = arena_printf(&n->ar, "%s Срок: %s", s,
					 sentence(n, x->deadline));
		doc_run(d, doc_list_item(d, l, 1, arena_printf(&n->ar, "%s.",
			x->number)), DOC_REGULAR, s);
	}
}

static void conclusion(struct note *n)
{
	const struct template *t = n->c->t;

	if (t && *t->conclusion) {
		doc_gap(n->d, DOC_GAP_SMALL);
		doc_text(n->d, DOC_BODY, expand(n, t->conclusion));
	}
}

static void closing(struct note *n)
{
	const struct template *t = n->c->t;

	if (t && (*t->sign_position || *t->sign_name))
		doc_sign(n->d, t->sign_position, t->sign_name);
	if (t && *t->executor) {
		doc_gap(n->d, DOC_GAP_LARGE);
		doc_textf(n->d, DOC_NOTE, "Исполнитель: %s", t->executor);
	}
}

/* ---------------------------------------------------------------- main */

void note_build(struct doc *d, const struct report_ctx *ctx)
{
	struct note n = { 0 };

	n.c = ctx;
	n.d = d;
	n.id = ctx->district ? ctx->district : "";
	n.scope = SCOPE_DISTRICT;
	doc_set_filter(d, ru_typeset);
	/* the roll-up has region figures only */
	if (ctx->fs->n > 0 && !figures_find(ctx->fs, SCOPE_DISTRICT, n.id,
					    "I01", "") &&
	    figures_find(ctx->fs, SCOPE_REGION, n.id, "I01", ""))
		n.scope = SCOPE_REGION;
	if (ctx->p) {
		n.year = ctx->p->year;
		n.month = ctx->p->month;
	} else if (sscanf(ctx->fs->period, "%d-%d", &n.year, &n.month) != 2) {
		n.year = n.month = 0;
	}
	title_block(&n);
	sources(&n);
	indicators(&n);
	staff(&n);
	mentoring(&n);
	deficits(&n);
	staffing(&n);
	dynamics(&n);
	clusters(&n);
	problems(&n);
	recommendations(&n);
	conclusion(&n);
	decisions(&n);
	closing(&n);
	arena_release(&n.ar);
}

int note_write(const char *pdf_path, const char *docx_path,
	       const struct report_ctx *ctx)
{
	struct doc d;
	int rc = 0;

	doc_init(&d, "Аналитическая справка");
	note_build(&d, ctx);
	if (pdf_path && pdf_render_write(&d, pdf_path, ctx->created))
		rc = -1;
	if (rc == 0 && docx_path && docx_write(&d, docx_path, ctx->created))
		rc = -1;
	doc_release(&d);
	return rc;
}
