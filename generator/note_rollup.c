/*
 * note_rollup.c - the region's note as a document: every sentence of the
 * roll-up's report.pdf and report.docx.
 */
#include "note_rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "docx_write.h"
#include "pdf_render.h"
#include "ru_text.h"
#include "template.h"

#define NIND 18

static const struct figure *rfig(const struct rollup *r, const char *code)
{
	return figures_find(&r->fs, SCOPE_REGION, r->region, code, "");
}

static const struct figure *mfig(const struct rollup *r, size_t k,
				 const char *code)
{
	return figures_find(&r->fs, SCOPE_DISTRICT, r->m[k].id, code, "");
}

/* «84,0 %», «100», «нет данных». */
static char *value_text(const struct figure *f, char *buf)
{
	int64_t t;
	if (!f || !figure_tenths(f, &t))
		return strcpy(buf, "нет данных");
	if (f->kind == FK_SHARE) {
		tenths_str(t, ',', buf);
		strcat(buf, " %");
	} else {
		snprintf(buf, 32, "%lld", (long long)f->num);
	}
	return buf;
}

/* «≥ 90,0 %» in tables, «не менее 90,0 %» in prose; «—» when none. */
static char *target_text(const struct rollup *r, const char *code,
			 char *buf, bool prose)
{
	const struct tpl_target *tg = r->t ? template_target(r->t, code)
					   : NULL;
	const struct catalog_entry *ce = catalog_find(code);
	char v[32];
	bool share = ce && ce->kind == FK_SHARE;
	if (!tg)
		return strcpy(buf, "—");
	/* a whole count without its decimal: «≥ 5», «≥ 90,0 %» */
	if (!share && tg->tenths % 10 == 0)
		snprintf(v, sizeof(v), "%lld", (long long)(tg->tenths / 10));
	else
		tenths_str(tg->tenths, ',', v);
	snprintf(buf, 64, "%s %s%s", tg->dir == TD_MIN ?
		 (prose ? "не менее" : "≥") : (prose ? "не более" : "≤"), v,
		 share ? " %" : "");
	return buf;
}

static void title_block(struct doc *d, const struct rollup *r,
			time_t created)
{
	int y = 0, m = 0;
	char date[16];
	struct tm tm;

	sscanf(r->period, "%d-%d", &y, &m);
	gmtime_r(&created, &tm);
	strftime(date, sizeof(date), "%d.%m.%Y", &tm);
	if (r->t && *r->t->department)
		doc_text(d, DOC_CENTER, r->t->department);
	doc_textf(d, DOC_TITLE, "Аналитическая справка по итогам "
		  "регионального свода мониторинга показателей системы "
		  "обеспечения профессионального развития педагогических "
		  "работников");
	doc_gap(d, DOC_GAP_MEDIUM);
	doc_textf(d, DOC_PLAIN, "Регион: %s", r->region);
	doc_textf(d, DOC_PLAIN, "Период мониторинга: %s %d г. (%s)",
		  ru_month(m), y, r->period);
	doc_textf(d, DOC_PLAIN, "Муниципалитетов в своде: %zu", r->nm);
	doc_textf(d, DOC_PLAIN, "Дата составления: %s", date);
	doc_gap(d, DOC_GAP_SMALL);
}

static void sources(struct doc *d, const struct rollup *r)
{
	static const struct doc_col cols[] = {
		{ "№", 0.07f, DOC_RIGHT },
		{ "Муниципалитет", 0.53f, DOC_LEFT },
		{ "Педагогических работников", 0.2f, DOC_RIGHT },
		{ "Учителей ОО", 0.2f, DOC_RIGHT },
	};
	struct doc_table *tb;
	char no[24], a[32], b[32];
	size_t rejected = 0;

	doc_heading(d, 1, "Источники данных и метод свода");
	for (size_t i = 0; i < r->dl.nfiles; i++)
		rejected += r->dl.files[i].file_error;
	doc_textf(d, DOC_BODY, "В свод включены итоговые файлы summary.csv "
		  "%zu муниципалитетов за период %s%s", r->nm, r->period,
		  rejected ? "" : "; все представленные файлы приняты.");
	if (rejected)
		doc_textf(d, DOC_BODY, "Не принято файлов: %zu (причины — в "
			  "разделе «Качество данных»); их данные в свод не "
			  "вошли.", rejected);
	tb = doc_table(d, cols, 4, 0);
	for (size_t k = 0; k < r->nm; k++) {
		const char *cells[4];
		snprintf(no, sizeof(no), "%zu", k + 1);
		cells[0] = no;
		cells[1] = r->m[k].name;
		cells[2] = value_text(mfig(r, k, "S.staff"), a);
		cells[3] = value_text(mfig(r, k, "S.count"), b);
		doc_table_row(d, tb, cells, 0);
	}
	const char *tot[4] = { "", r->region,
			       value_text(rfig(r, "S.staff"), a),
			       value_text(rfig(r, "S.count"), b) };
	doc_table_row(d, tb, tot, DOC_ROW_BOLD | DOC_ROW_SHADE);
	doc_text(d, DOC_BODY, "Значение каждого показателя региона "
		 "рассчитано заново по суммам числителей и знаменателей "
		 "муниципалитетов, а не как среднее их процентов, поэтому "
		 "крупные муниципалитеты весят больше малых; численные "
		 "показатели сложены. Муниципалитет, у которого по показателю "
		 "нет данных (не собран соответствующий файл), в сумму не "
		 "входит, и значение региона относится к остальным "
		 "муниципалитетам: их число указано в столбце «Данные МО». "
		 "Работник, работающий в двух муниципалитетах, учтён в "
		 "каждом из них.");
}

static void indicators(struct doc *d, const struct rollup *r)
{
	static const struct doc_col cols[] = {
		{ "Код", 0.06f, DOC_LEFT },
		{ "Показатель", 0.32f, DOC_LEFT },
		{ "Регион", 0.1f, DOC_RIGHT },
		{ "Цель", 0.12f, DOC_RIGHT },
		{ "Статус", 0.16f, DOC_LEFT },
		{ "Данные есть у МО", 0.12f, DOC_RIGHT },
		{ "Достигли цели МО", 0.12f, DOC_RIGHT },
	};
	struct doc_table *tb;
	int ach = 0, miss = 0;

	doc_heading(d, 1, "Показатели региона");
	tb = doc_table(d, cols, 7, 8.5f);
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		int st = rollup_status(r, SCOPE_REGION, r->region, ce->code,
				       NULL, NULL);
		char v[32], tg[64], cov[32], am[32];
		int na = 0, nt = 0;
		for (size_t k = 0; k < r->nm; k++) {
			int s = rollup_status(r, SCOPE_DISTRICT, r->m[k].id,
					      ce->code, NULL, NULL);
			nt += s != RS_NO_TARGET;
			na += s == RS_ACHIEVED;
		}
		snprintf(cov, sizeof(cov), "%d из %zu",
			 rollup_coverage(r, ce->code, ""), r->nm);
		if (nt)
			snprintf(am, sizeof(am), "%d из %zu", na, r->nm);
		else
			strcpy(am, "—");
		const char *cells[7] = {
			ce->code, ce->short_name,
			value_text(rfig(r, ce->code), v),
			target_text(r, ce->code, tg, false),
			st == RS_NO_TARGET ? "—" : rollup_status_name(st),
			cov, am
		};
		ach += st == RS_ACHIEVED;
		miss += st == RS_NOT_ACHIEVED;
		doc_table_row(d, tb, cells, st == RS_NOT_ACHIEVED ?
			      DOC_ROW_SHADE : 0);
	}
	doc_textf(d, DOC_NOTE, "Строки не достигнутых регионом целей "
		  "выделены. Достигнуто целей: %d, не достигнуто: %d.", ach,
		  miss);
}

/* One chart per indicator: the municipalities and the region. */
static void comparison(struct doc *d, const struct rollup *r)
{
	struct doc_bar *bars = calloc(r->nm + 1, sizeof(*bars));
	char title[256];

	if (!bars) {
		fputs("kadry: нет памяти\n", stderr);
		return;
	}
	doc_heading(d, 1, "Сравнение муниципалитетов");
	doc_text(d, DOC_BODY, "Для каждого показателя ниже приведены "
		 "значения муниципалитетов и региона; зелёным отмечены "
		 "значения, достигшие цели, красным — не достигшие, тёмной "
		 "риской — целевое значение шаблона свода.");
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		bool share = ce->kind == FK_SHARE;
		/* a count's regional sum would dwarf the municipalities */
		size_t nb = r->nm + (share ? 1 : 0);
		for (size_t k = 0; k < nb; k++) {
			bool reg = k == r->nm;
			const char *id = reg ? r->region : r->m[k].id;
			int sc = reg ? SCOPE_REGION : SCOPE_DISTRICT;
			int64_t v, t;
			int st = rollup_status(r, sc, id, ce->code, &v, &t);
			const struct figure *f = figures_find(&r->fs, sc, id,
							      ce->code, "");
			struct doc_bar *b = &bars[k];
			memset(b, 0, sizeof(*b));
			b->label = reg ? r->region : r->m[k].name;
			b->nodata = !f || !figure_tenths(f, &v);
			b->value = (double)v / 10.0;
			b->has_target = st != RS_NO_TARGET;
			b->target = (double)t / 10.0;
			b->kind = st == RS_ACHIEVED ? DOC_BAR_GOOD :
				  st == RS_NOT_ACHIEVED ? DOC_BAR_BAD :
				  DOC_BAR_NEUTRAL;
		}
		if (share) {
			snprintf(title, sizeof(title), "%s. %s, %%", ce->code,
				 ce->short_name);
		} else {
			char v[32];
			snprintf(title, sizeof(title), "%s. %s, человек "
				 "(регион: %s)", ce->code, ce->short_name,
				 value_text(rfig(r, ce->code), v));
		}
		struct doc_bar_chart bc = {
			title, share ? 100 : 0, share ? 1 : 0,
			share ? "%" : "",
			{ "без цели", "достигнуто", "не достигнуто" },
			"цель", 0.36f, NULL, 0
		};
		doc_bar_chart(d, &bc, bars, (int)nb);
	}
	free(bars);
}

struct zone {
	const char *code;
	int64_t gap;
};

static int cmp_zone(const void *pa, const void *pb)
{
	const struct zone *a = pa, *b = pb;
	if (a->gap != b->gap)
		return a->gap > b->gap ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* The indicators a scope misses, largest gap first, as «I03 (−35,0)». */
static size_t zones(const struct rollup *r, int sc, const char *id,
		    struct zone *z)
{
	size_t n = 0;
	for (int i = 1; i <= NIND; i++) {
		const char *code = catalog_indicator(i)->code;
		int64_t v, t;
		if (rollup_status(r, sc, id, code, &v, &t) != RS_NOT_ACHIEVED)
			continue;
		const struct tpl_target *tg = template_target(r->t, code);
		z[n].code = code;
		z[n].gap = tg->dir == TD_MIN ? t - v : v - t;
		n++;
	}
	qsort(z, n, sizeof(*z), cmp_zone);
	return n;
}

static void problems(struct doc *d, const struct rollup *r)
{
	static const struct doc_col cols[] = {
		{ "Муниципалитет", 0.4f, DOC_LEFT },
		{ "Не достигнуто", 0.14f, DOC_RIGHT },
		{ "Показатели (отставание от цели)", 0.46f, DOC_LEFT },
	};
	struct zone z[NIND];
	struct doc_table *tb;
	char buf[1024], num[24], v[32];
	size_t n;

	doc_heading(d, 1, "Проблемные зоны");
	if (!r->t) {
		doc_text(d, DOC_BODY, "Шаблон свода не задан: целевые "
			 "значения неизвестны, проблемные зоны не "
			 "определялись.");
		return;
	}
	doc_heading(d, 2, "Проблемные зоны региона");
	n = zones(r, SCOPE_REGION, r->region, z);
	if (!n) {
		doc_text(d, DOC_BODY, "Все целевые значения, для которых "
			 "есть данные, регионом достигнуты.");
	} else {
		doc_textf(d, DOC_BODY, "Регион не достиг целевых значений "
			  "по %zu %s (в порядке убывания отставания):", n,
			  ru_plural((long)n, "показателю", "показателям",
				    "показателям"));
		struct doc_list *l = doc_list(d, false);

		for (size_t j = 0; j < n; j++) {
			const struct catalog_entry *ce =
				catalog_find(z[j].code);
			bool share = ce->kind == FK_SHARE;
			char *item = arena_printf(&d->ar, "%s «%s»: %s при "
				  "цели %s (отставание %s %s)", ce->code,
				  ce->short_name,
				  value_text(rfig(r, ce->code), v),
				  target_text(r, ce->code, buf, true),
				  tenths_str(z[j].gap, ',', num),
				  share ? "п. п." : "чел.");

			doc_run(d, doc_list_item(d, l, 0, NULL), DOC_REGULAR,
				item);
		}
	}
	/* a heading stays with the table; a paragraph could be orphaned */
	doc_heading(d, 2, "Проблемные зоны муниципалитетов");
	tb = doc_table(d, cols, 3, 0);
	for (size_t k = 0; k < r->nm; k++) {
		size_t m = zones(r, SCOPE_DISTRICT, r->m[k].id, z), o = 0;
		buf[0] = '\0';
		for (size_t j = 0; j < m && o < sizeof(buf) - 40; j++) {
			o += (size_t)snprintf(buf + o, sizeof(buf) - o,
					      "%s%s (−%s)", j ? ", " : "",
					      z[j].code,
					      tenths_str(z[j].gap, ',', v));
		}
		snprintf(num, sizeof(num), "%zu", m);
		const char *cells[3] = { r->m[k].name, num, m ? buf : "—" };
		doc_table_row(d, tb, cells, 0);
	}
	doc_text(d, DOC_NOTE, "Отставание — в процентных пунктах для "
		 "долей и в человеках для численных показателей (I17, I18).");
}

static void quality(struct doc *d, const struct rollup *r)
{
	static const struct doc_col cols[] = {
		{ "Файл", 0.48f, DOC_LEFT },
		{ "Прочитано", 0.13f, DOC_RIGHT },
		{ "Принято", 0.13f, DOC_RIGHT },
		{ "Отклонено", 0.13f, DOC_RIGHT },
		{ "В своде", 0.13f, DOC_LEFT },
	};
	struct doc_table *tb;
	long errors = 0;

	doc_heading(d, 1, "Качество данных");
	tb = doc_table(d, cols, 5, 8.5f);
	for (size_t i = 0; i < r->dl.nfiles; i++) {
		const struct file_report *fr = &r->dl.files[i];
		char a[24], b[24], c[24];
		snprintf(a, sizeof(a), "%ld", fr->read);
		snprintf(b, sizeof(b), "%ld", fr->accepted);
		snprintf(c, sizeof(c), "%ld", fr->rejected);
		const char *cells[5] = { fr->path, a, b, c,
					 fr->file_error ? "нет" : "да" };
		doc_table_row(d, tb, cells, fr->file_error ? DOC_ROW_SHADE : 0);
	}
	for (size_t i = 0; i < r->dl.n; i++)
		errors += r->dl.v[i].sev == SEV_ERROR;
	if (!r->dl.n)
		doc_text(d, DOC_BODY, "Замечаний к файлам нет.");
	else
		doc_textf(d, DOC_BODY, "Замечаний к файлам: %zu, из них "
			  "ошибок: %ld. Полный перечень — в файле "
			  "validation.csv и на листе «Качество данных» "
			  "рабочей книги.", r->dl.n, errors);
}

void note_rollup_build(struct doc *d, const struct rollup *r,
		       time_t created)
{
	doc_set_filter(d, ru_typeset);
	title_block(d, r, created);
	sources(d, r);
	indicators(d, r);
	comparison(d, r);
	problems(d, r);
	quality(d, r);
	if (r->t && *r->t->sign_position)
		doc_sign(d, r->t->sign_position, r->t->sign_name);
}

int note_rollup_write(const char *pdf_path, const char *docx_path,
		      const struct rollup *r, time_t created)
{
	struct doc d;
	int rc = 0;

	doc_init(&d, "Аналитическая справка: региональный свод");
	note_rollup_build(&d, r, created);
	if (pdf_path && pdf_render_write(&d, pdf_path, created))
		rc = -1;
	if (rc == 0 && docx_path && docx_write(&d, docx_path, created))
		rc = -1;
	doc_release(&d);
	return rc;
}
