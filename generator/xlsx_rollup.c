/*
 * xlsx_rollup.c - the regional workbook with libxlsxwriter.
 */
#include "xlsx_rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "catalog.h"
#include "utf8.h"
#include "template.h"

#define NODATA "нет данных"
#define NIND 18
#define MAX_TEXT 32000

struct xr {
	const struct rollup *r;
	lxw_workbook *wb;
	lxw_error err;
	char *buf;              /* clean() output */
	size_t bufsz;
	lxw_format *title, *sub, *hdr, *text, *wrap, *bold, *pct, *cnt, *na,
		   *pct_good, *pct_bad, *cnt_good, *cnt_bad, *st_good,
		   *st_bad, *pct_b, *cnt_b, *note;
};

static void track(struct xr *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/* Valid UTF-8 only: invalid bytes become U+FFFD (they corrupt the file). */
static const char *clean(struct xr *x, const char *s)
{
	return utf8_clean(s, MAX_TEXT, &x->buf, &x->bufsz);
}

/* Every text is a string cell, never a formula. */
static void put_text(struct xr *x, lxw_worksheet *ws, int r, int c,
		     const char *s, lxw_format *f)
{
	track(x, worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c,
					clean(x, s), f));
}

static void put_num(struct xr *x, lxw_worksheet *ws, int r, int c, double v,
		    lxw_format *f)
{
	track(x, worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, v, f));
}

static void blank(struct xr *x, lxw_worksheet *ws, int r, int c)
{
	track(x, worksheet_write_blank(ws, (lxw_row_t)r, (lxw_col_t)c,
				       x->text));
}

/*
 * A figure's value: a percent as a fraction with "0.0%" from the exact
 * tenths, a count as a whole number; «нет данных» when none.  status
 * colours it (RS_ACHIEVED green, RS_NOT_ACHIEVED red); bold for the region.
 */
static void put_value(struct xr *x, lxw_worksheet *ws, int r, int c,
		      const struct figure *f, int status, bool bold)
{
	int64_t t;
	lxw_format *fm;
	if (!f || !figure_tenths(f, &t)) {
		put_text(x, ws, r, c, NODATA, x->na);
		return;
	}
	if (f->kind == FK_SHARE) {
		fm = status == RS_ACHIEVED ? x->pct_good :
		     status == RS_NOT_ACHIEVED ? x->pct_bad :
		     bold ? x->pct_b : x->pct;
		put_num(x, ws, r, c, (double)t / 1000.0, fm);
	} else {
		fm = status == RS_ACHIEVED ? x->cnt_good :
		     status == RS_NOT_ACHIEVED ? x->cnt_bad :
		     bold ? x->cnt_b : x->cnt;
		put_num(x, ws, r, c, (double)f->num, fm);
	}
}

/* A target as text: «90,0» for a percent, «5» for a whole count. */
static const char *target_num(int64_t tenths, const struct catalog_entry *ce,
			      char *buf)
{
	if (ce && ce->kind == FK_COUNT && tenths % 10 == 0) {
		snprintf(buf, 32, "%lld", (long long)(tenths / 10));
		return buf;
	}
	return tenths_str(tenths, ',', buf);
}

static void put_target(struct xr *x, lxw_worksheet *ws, int r, int c,
		       const char *code)
{
	const struct tpl_target *tg = x->r->t ? template_target(x->r->t, code)
					      : NULL;
	const struct catalog_entry *ce = catalog_find(code);
	char buf[64];
	if (!tg) {
		blank(x, ws, r, c);
		return;
	}
	/* «≥ 80,0 %»: direction and unit in one short cell */
	snprintf(buf, sizeof(buf), "%s %s%s", tg->dir == TD_MIN ? "≥" : "≤",
		 target_num(tg->tenths, ce, (char[32]){ 0 }),
		 ce && ce->kind == FK_SHARE ? " %" : "");
	put_text(x, ws, r, c, buf, x->text);
}

static void put_status(struct xr *x, lxw_worksheet *ws, int r, int c,
		       int st)
{
	put_text(x, ws, r, c, st == RS_NO_TARGET ? "" : rollup_status_name(st),
		 st == RS_ACHIEVED ? x->st_good : st == RS_NOT_ACHIEVED ?
		 x->st_bad : x->text);
}

static const struct figure *rfig(struct xr *x, const char *code,
				 const char *bd)
{
	return figures_find(&x->r->fs, SCOPE_REGION, x->r->region, code, bd);
}

static const struct figure *mfig(struct xr *x, size_t k, const char *code,
				 const char *bd)
{
	return figures_find(&x->r->fs, SCOPE_DISTRICT, x->r->m[k].id, code,
			    bd);
}

static void make_formats(struct xr *x)
{
	lxw_workbook *wb = x->wb;
	lxw_format **all[] = { &x->text, &x->wrap, &x->bold, &x->pct, &x->cnt,
			       &x->na, &x->pct_good, &x->pct_bad, &x->cnt_good,
			       &x->cnt_bad, &x->st_good, &x->st_bad, &x->pct_b,
			       &x->cnt_b, &x->hdr };

	x->title = workbook_add_format(wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	x->sub = workbook_add_format(wb);
	format_set_italic(x->sub);
	x->note = workbook_add_format(wb);
	format_set_text_wrap(x->note);
	format_set_align(x->note, LXW_ALIGN_VERTICAL_TOP);
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		*all[i] = workbook_add_format(wb);
		format_set_border(*all[i], LXW_BORDER_THIN);
		format_set_align(*all[i], LXW_ALIGN_VERTICAL_TOP);
	}
	format_set_bold(x->hdr);
	format_set_text_wrap(x->hdr);
	format_set_bg_color(x->hdr, 0xD9E1F2);
	format_set_align(x->hdr, LXW_ALIGN_CENTER);
	format_set_text_wrap(x->wrap);
	format_set_bold(x->bold);
	format_set_italic(x->na);
	format_set_font_color(x->na, 0x808080);
	format_set_align(x->na, LXW_ALIGN_CENTER);
	lxw_format *pcts[] = { x->pct, x->pct_good, x->pct_bad, x->pct_b };
	for (int i = 0; i < 4; i++)
		format_set_num_format(pcts[i], "0.0%");
	lxw_format *cnts[] = { x->cnt, x->cnt_good, x->cnt_bad, x->cnt_b };
	for (int i = 0; i < 4; i++)
		format_set_num_format(cnts[i], "# ##0");
	format_set_bold(x->pct_b);
	format_set_bold(x->cnt_b);
	lxw_format *good[] = { x->pct_good, x->cnt_good, x->st_good };
	lxw_format *bad[] = { x->pct_bad, x->cnt_bad, x->st_bad };
	for (int i = 0; i < 3; i++) {
		format_set_bg_color(good[i], 0xC6EFCE);
		format_set_font_color(good[i], 0x006100);
		format_set_bg_color(bad[i], 0xFFC7CE);
		format_set_font_color(bad[i], 0x9C0006);
	}
}

/* A4 landscape, one page wide, header rows repeated. */
static void print_setup(struct xr *x, lxw_worksheet *ws, int hdr_row)
{
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	if (hdr_row >= 0)
		track(x, worksheet_repeat_rows(ws, (lxw_row_t)hdr_row,
					       (lxw_row_t)hdr_row));
}

static lxw_worksheet *sheet(struct xr *x, const char *name)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
	if (!ws)
		fprintf(stderr, "kadry: лист «%s» не создан\n", name);
	return ws;
}

static int achieved_count(struct xr *x, const char *code, int *with_target)
{
	int n = 0;
	*with_target = 0;
	for (size_t k = 0; k < x->r->nm; k++) {
		int st = rollup_status(x->r, SCOPE_DISTRICT, x->r->m[k].id,
				       code, NULL, NULL);
		if (st == RS_NO_TARGET)
			continue;
		(*with_target)++;
		n += st == RS_ACHIEVED;
	}
	return n;
}

/* Свод: the municipalities, then the region's indicators. */
static int sheet_summary(struct xr *x, time_t created)
{
	const struct rollup *r = x->r;
	lxw_worksheet *ws = sheet(x, "Свод");
	char buf[512], date[16];
	struct tm tm;
	int row;
	static const char *const mh[] = {
		"№", "Муниципалитет", "Педагогических работников",
		"Учителей ОО", "Файл summary.csv"
	};
	static const char *const ih[] = {
		"Код", "Показатель", "Числитель", "Знаменатель", "Значение",
		"Цель", "Статус", "Данные есть у МО", "Достигли цели МО"
	};

	if (!ws)
		return -1;
	gmtime_r(&created, &tm);
	strftime(date, sizeof(date), "%d.%m.%Y", &tm);
	worksheet_set_column(ws, 0, 0, 7, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_set_column(ws, 2, 3, 13, NULL);
	worksheet_set_column(ws, 4, 5, 14, NULL);
	worksheet_set_column(ws, 6, 6, 15, NULL);
	worksheet_set_column(ws, 7, 8, 13, NULL);
	snprintf(buf, sizeof(buf), "Региональный свод мониторинга кадрового "
		 "потенциала: %s", r->region);
	put_text(x, ws, 0, 0, buf, x->title);
	snprintf(buf, sizeof(buf), "Период %s; муниципалитетов в своде: %zu; "
		 "сформировано %s", r->period, r->nm, date);
	put_text(x, ws, 1, 0, buf, x->sub);

	row = 3;
	for (int c = 0; c < 5; c++)
		put_text(x, ws, row, c, mh[c], x->hdr);
	worksheet_set_row(ws, (lxw_row_t)row, 30, NULL);
	for (size_t k = 0; k < r->nm; k++) {
		row++;
		put_num(x, ws, row, 0, (double)(k + 1), x->cnt);
		put_text(x, ws, row, 1, r->m[k].name, x->text);
		put_value(x, ws, row, 2, mfig(x, k, "S.staff", ""), -1, false);
		put_value(x, ws, row, 3, mfig(x, k, "S.count", ""), -1, false);
		put_text(x, ws, row, 4, r->dl.files[r->m[k].file].path,
			 x->text);
	}
	row++;
	blank(x, ws, row, 0);
	put_text(x, ws, row, 1, r->region, x->bold);
	put_value(x, ws, row, 2, rfig(x, "S.staff", ""), -1, true);
	put_value(x, ws, row, 3, rfig(x, "S.count", ""), -1, true);
	blank(x, ws, row, 4);

	row += 2;
	put_text(x, ws, row, 0, "Показатели региона", x->bold);
	row++;
	int hdr = row;
	for (int c = 0; c < 9; c++)
		put_text(x, ws, row, c, ih[c], x->hdr);
	worksheet_set_row(ws, (lxw_row_t)row, 30, NULL);
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		const struct figure *f = rfig(x, ce->code, "");
		int st = rollup_status(r, SCOPE_REGION, r->region, ce->code,
				       NULL, NULL);
		int wt, ach = achieved_count(x, ce->code, &wt);
		row++;
		put_text(x, ws, row, 0, ce->code, x->text);
		put_text(x, ws, row, 1, ce->name, x->wrap);
		if (f && !f->nodata) {
			put_num(x, ws, row, 2, (double)f->num, x->cnt);
			if (f->kind == FK_SHARE)
				put_num(x, ws, row, 3, (double)f->den, x->cnt);
			else
				blank(x, ws, row, 3);
		} else {
			blank(x, ws, row, 2);
			blank(x, ws, row, 3);
		}
		put_value(x, ws, row, 4, f, st, false);
		put_target(x, ws, row, 5, ce->code);
		put_status(x, ws, row, 6, st);
		snprintf(buf, sizeof(buf), "%d из %zu",
			 rollup_coverage(r, ce->code, ""), r->nm);
		put_text(x, ws, row, 7, buf, x->text);
		if (wt)
			snprintf(buf, sizeof(buf), "%d из %zu", ach, r->nm);
		else
			buf[0] = '\0';
		put_text(x, ws, row, 8, buf, x->text);
		/* the seed's long names wrap: about 70 characters a line */
		worksheet_set_row(ws, (lxw_row_t)row,
				  15.0 * (1 + (int)strlen(ce->name) / 110),
				  NULL);
	}
	row += 2;
	worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, 8,
			      "Значения региона рассчитаны по суммам "
			      "числителей и знаменателей муниципалитетов, а "
			      "не "
			      "как среднее их процентов; числа (количества) "
			      "сложены. Муниципалитет без данных по "
			      "показателю "
			      "(«нет данных») в сумму не входит, и значение "
			      "региона относится к остальным: сколько их, "
			      "показывает столбец «Данные есть у МО». "
			      "Работник, работающий в двух муниципалитетах, "
			      "учтён в каждом.", x->note);
	worksheet_set_row(ws, (lxw_row_t)row, 48, NULL);
	print_setup(x, ws, hdr);
	return 0;
}

/* По муниципалитетам: municipalities x I01-I18, the region last. */
static int sheet_matrix(struct xr *x)
{
	const struct rollup *r = x->r;
	lxw_worksheet *ws = sheet(x, "По муниципалитетам");
	char buf[256];
	int row = 0;

	if (!ws)
		return -1;
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, NIND, 13, NULL);
	put_text(x, ws, 0, 0, "Муниципалитет", x->hdr);
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		snprintf(buf, sizeof(buf), "%s\n%s", ce->code, ce->short_name);
		put_text(x, ws, 0, i, buf, x->hdr);
	}
	worksheet_set_row(ws, 0, 90, NULL);
	for (size_t k = 0; k <= r->nm; k++) {
		bool reg = k == r->nm;
		const char *id = reg ? r->region : r->m[k].id;
		row++;
		put_text(x, ws, row, 0, reg ? r->region : r->m[k].name,
			 reg ? x->bold : x->text);
		for (int i = 1; i <= NIND; i++) {
			const char *code = catalog_indicator(i)->code;
			int sc = reg ? SCOPE_REGION : SCOPE_DISTRICT;
			int st = rollup_status(r, sc, id, code, NULL, NULL);
			put_value(x, ws, row, i, figures_find(&r->fs, sc, id,
							      code, ""),
				  st, reg);
		}
	}
	row++;
	put_text(x, ws, row, 0, "Цель", x->bold);
	for (int i = 1; i <= NIND; i++)
		put_target(x, ws, row, i, catalog_indicator(i)->code);
	row += 2;
	worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, 10,
			      "Зелёный — цель достигнута, красный — не "
			      "достигнута (цели из шаблона свода).", x->note);
	worksheet_freeze_panes(ws, 1, 1);
	print_setup(x, ws, 0);
	return 0;
}

struct ranked {
	size_t k;
	bool has;
	int64_t v;
};

static int dir_desc;    /* qsort has no context: 1 = larger first */

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->has != b->has)
		return a->has ? -1 : 1;
	if (a->has && a->v != b->v)
		return (a->v > b->v) == (dir_desc == 1) ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* Рейтинг: for each indicator the municipalities, better first. */
static int sheet_ranking(struct xr *x)
{
	const struct rollup *r = x->r;
	lxw_worksheet *ws = sheet(x, "Рейтинг");
	static const char *const h[] = {
		"Код", "Показатель", "Место", "Муниципалитет", "Значение",
		"Цель", "Статус"
	};
	struct ranked *rk = xcalloc(r->nm ? r->nm : 1, sizeof(*rk));
	int row = 0;

	if (!ws) {
		free(rk);
		return -1;
	}
	worksheet_set_column(ws, 0, 0, 7, NULL);
	worksheet_set_column(ws, 1, 1, 46, NULL);
	worksheet_set_column(ws, 2, 2, 8, NULL);
	worksheet_set_column(ws, 3, 3, 40, NULL);
	worksheet_set_column(ws, 4, 4, 12, NULL);
	worksheet_set_column(ws, 5, 6, 15, NULL);
	for (int c = 0; c < 7; c++)
		put_text(x, ws, 0, c, h[c], x->hdr);
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		for (size_t k = 0; k < r->nm; k++) {
			rk[k].k = k;
			rk[k].has = false;
			const struct figure *f = mfig(x, k, ce->code, "");
			if (f)
				rk[k].has = figure_tenths(f, &rk[k].v);
		}
		/* smaller is better only for DIR_LOWER indicators */
		dir_desc = ce->dir == DIR_LOWER ? 0 : 1;
		qsort(rk, r->nm, sizeof(*rk), cmp_ranked);
		for (size_t j = 0, place = 0; j < r->nm; j++) {
			size_t k = rk[j].k;
			/* equal values share a place: 1, 1, 3 */
			if (j == 0 || !rk[j].has || rk[j].v != rk[j - 1].v)
				place = j + 1;
			row++;
			put_text(x, ws, row, 0, ce->code,
				 j ? x->text : x->bold);
			put_text(x, ws, row, 1, ce->short_name, x->text);
			if (rk[j].has)
				put_num(x, ws, row, 2, (double)place, x->cnt);
			else
				put_text(x, ws, row, 2, "—", x->na);
			put_text(x, ws, row, 3, r->m[k].name, x->text);
			int st = rollup_status(r, SCOPE_DISTRICT, r->m[k].id,
					       ce->code, NULL, NULL);
			put_value(x, ws, row, 4, mfig(x, k, ce->code, ""), st,
				  false);
			put_target(x, ws, row, 5, ce->code);
			put_status(x, ws, row, 6, st);
		}
	}
	free(rk);
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(row > 0 ? row : 1), 6);
	print_setup(x, ws, 0);
	return 0;
}

/* Диаграммы: one column chart per indicator, from «По муниципалитетам». */
static int sheet_charts(struct xr *x)
{
	const struct rollup *r = x->r;
	lxw_worksheet *ws = sheet(x, "Диаграммы");
	char buf[256];

	if (!ws)
		return -1;
	for (int i = 1; i <= NIND; i++) {
		const struct catalog_entry *ce = catalog_indicator(i);
		bool share = ce->kind == FK_SHARE;
		lxw_chart *ch = workbook_add_chart(x->wb, LXW_CHART_BAR);
		lxw_chart_series *s;
		/*
		 * The municipalities and, for shares, the region (rows
		 * 1..nm+1 of «По муниципалитетам»); a count's regional sum
		 * would dwarf the municipalities' bars.
		 */
		lxw_row_t last = (lxw_row_t)(r->nm + (share ? 1 : 0));
		if (!ch)
			return -1;
		s = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(s, "По муниципалитетам", 1, 0,
					    last, 0);
		chart_series_set_values(s, "По муниципалитетам", 1,
					(lxw_col_t)i, last, (lxw_col_t)i);
		chart_series_set_name(s, ce->code);
		chart_series_set_labels(s);
		chart_series_set_labels_num_format(s, share ? "0.0%" : "0");
		lxw_chart_font lfs = { .size = 8 };
		chart_series_set_labels_font(s, &lfs);
		lxw_chart_fill fill = { .color = 0x4472C4 };
		chart_series_set_fill(s, &fill);
		snprintf(buf, sizeof(buf), "%s. %s%s", ce->code,
			 ce->short_name, share ? "" : ", человек");
		chart_title_set_name(ch, clean(x, buf));
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		/* a bar chart's values run along x, its categories along y */
		chart_axis_set_num_format(ch->x_axis, share ? "0%" : "0");
		chart_axis_set_min(ch->x_axis, 0);
		if (share) {
			chart_axis_set_max(ch->x_axis, 1);
			chart_axis_set_major_unit(ch->x_axis, 0.2);
		}
		/* first municipality at the top, as in the tables */
		chart_axis_set_reverse(ch->y_axis);
		lxw_chart_font lf = { .size = 8 };
		chart_axis_set_num_font(ch->x_axis, &lf);
		chart_axis_set_num_font(ch->y_axis, &lf);
		lxw_chart_font tf = { .size = 10, .bold = 1 };
		chart_title_set_name_font(ch, &tf);
		lxw_chart_options o = { .x_scale = 1.0, .y_scale = 1.0 };
		int row = ((i - 1) / 2) * 16, col = ((i - 1) % 2) * 8;
		track(x, worksheet_insert_chart_opt(ws, (lxw_row_t)row,
						    (lxw_col_t)col, ch, &o));
	}
	/* three rows of charts (48 rows) a page: no chart cut in two */
	static lxw_row_t breaks[] = { 48, 96, 144, 0 };
	track(x, worksheet_set_h_pagebreaks(ws, breaks));
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6);
	return 0;
}

/* Все показатели: every region row (but statuses) with the municipalities. */
static int sheet_all(struct xr *x)
{
	const struct rollup *r = x->r;
	lxw_worksheet *ws = sheet(x, "Все показатели");
	int row = 0, col;

	if (!ws)
		return -1;
	static const char *const h[] = {
		"Код", "Разрез", "Наименование", "Числитель", "Знаменатель",
		"Регион"
	};
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 2, 40, NULL);
	worksheet_set_column(ws, 3, 5, 12, NULL);
	worksheet_set_column(ws, 6, (lxw_col_t)(6 + r->nm), 14, NULL);
	for (col = 0; col < 6; col++)
		put_text(x, ws, 0, col, h[col], x->hdr);
	for (size_t k = 0; k < r->nm; k++)
		put_text(x, ws, 0, (int)(6 + k), r->m[k].name, x->hdr);
	put_text(x, ws, 0, (int)(6 + r->nm), "Данные есть у МО", x->hdr);
	worksheet_set_row(ws, 0, 60, NULL);
	for (size_t i = 0; i < r->fs.n; i++) {
		const struct figure *f = &r->fs.v[i];
		const struct catalog_entry *ce;
		size_t n = strlen(f->code);
		char buf[32];
		if (f->scope != SCOPE_REGION ||
		    (n > 7 && !strcmp(f->code + n - 7, ".status")))
			continue;
		ce = catalog_find(f->code);
		row++;
		put_text(x, ws, row, 0, f->code, x->text);
		put_text(x, ws, row, 1, f->breakdown, x->text);
		put_text(x, ws, row, 2, ce ? ce->short_name : "", x->text);
		if (!f->nodata) {
			put_num(x, ws, row, 3, (double)f->num, x->cnt);
			if (f->kind == FK_SHARE)
				put_num(x, ws, row, 4, (double)f->den, x->cnt);
			else
				blank(x, ws, row, 4);
		} else {
			blank(x, ws, row, 3);
			blank(x, ws, row, 4);
		}
		put_value(x, ws, row, 5, f, -1, true);
		for (size_t k = 0; k < r->nm; k++)
			put_value(x, ws, row, (int)(6 + k),
				  mfig(x, k, f->code, f->breakdown), -1,
				  false);
		snprintf(buf, sizeof(buf), "%d из %zu",
			 rollup_coverage(r, f->code, f->breakdown), r->nm);
		put_text(x, ws, row, (int)(6 + r->nm), buf, x->text);
	}
	worksheet_freeze_panes(ws, 1, 2);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(row > 0 ? row : 1),
			     (lxw_col_t)(6 + r->nm));
	print_setup(x, ws, 0);
	return 0;
}

/* Качество данных: the files read and every diagnostic. */
static int sheet_quality(struct xr *x)
{
	const struct rollup *r = x->r;
	const struct diag_list *dl = &r->dl;
	lxw_worksheet *ws = sheet(x, "Качество данных");
	static const char *const fh[] = {
		"Файл", "Прочитано строк", "Принято", "Отклонено",
		"Предупреждений", "В своде"
	};
	static const char *const dh[] = {
		"Файл", "Строка", "Столбец", "Серьёзность", "Код", "Сообщение",
		"Значение"
	};
	int row = 0;

	if (!ws)
		return -1;
	worksheet_set_column(ws, 0, 0, 45, NULL);
	worksheet_set_column(ws, 1, 4, 13, NULL);
	worksheet_set_column(ws, 5, 5, 60, NULL);
	worksheet_set_column(ws, 6, 6, 20, NULL);
	for (int c = 0; c < 6; c++)
		put_text(x, ws, row, c, fh[c], x->hdr);
	worksheet_set_row(ws, (lxw_row_t)row, 30, NULL);
	for (size_t i = 0; i < dl->nfiles; i++) {
		const struct file_report *fr = &dl->files[i];
		row++;
		put_text(x, ws, row, 0, fr->path, x->text);
		put_num(x, ws, row, 1, (double)fr->read, x->cnt);
		put_num(x, ws, row, 2, (double)fr->accepted, x->cnt);
		put_num(x, ws, row, 3, (double)fr->rejected, x->cnt);
		put_num(x, ws, row, 4, (double)fr->warnings, x->cnt);
		put_text(x, ws, row, 5, fr->file_error ? "нет" : "да",
			 fr->file_error ? x->st_bad : x->text);
	}
	row += 2;
	if (!dl->n) {
		put_text(x, ws, row, 0, "Замечаний к файлам нет.", x->sub);
		print_setup(x, ws, -1);
		return 0;
	}
	for (int c = 0; c < 7; c++)
		put_text(x, ws, row, c, dh[c], x->hdr);
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		row++;
		put_text(x, ws, row, 0, d->file >= 0 ?
			 dl->files[d->file].path : "", x->text);
		if (d->line > 0)
			put_num(x, ws, row, 1, (double)d->line, x->cnt);
		else
			blank(x, ws, row, 1);
		put_text(x, ws, row, 2, d->column ? d->column : "", x->text);
		put_text(x, ws, row, 3, d->sev == SEV_ERROR ? "ошибка" :
			 "предупреждение", x->text);
		put_text(x, ws, row, 4, d->code, x->text);
		put_text(x, ws, row, 5, d->message, x->wrap);
		put_text(x, ws, row, 6, d->value ? d->value : "", x->text);
	}
	print_setup(x, ws, -1);
	return 0;
}

int xlsx_rollup_write(const char *path, const struct rollup *r,
		      time_t created)
{
	struct xr x = { 0 };
	lxw_doc_properties props = { 0 };
	char title[512];
	lxw_error e;
	int rc = -1;

	x.r = r;
	x.wb = workbook_new(path);
	if (!x.wb) {
		fprintf(stderr, "kadry: %s: не удалось создать файл\n", path);
		return -1;
	}
	snprintf(title, sizeof(title), "Региональный свод мониторинга: %s, "
		 "%s", r->region, r->period);
	props.title = (char *)clean(&x, title);
	props.subject = "Мониторинг кадрового потенциала системы "
		"образования";
	if (r->t && r->t->department && *r->t->department) {
		props.author = (char *)r->t->department;
		props.company = (char *)r->t->department;
	}
	/* the only date in the file: two runs give the same bytes */
	props.created = created;
	track(&x, workbook_set_properties(x.wb, &props));
	make_formats(&x);
	if (sheet_summary(&x, created) || sheet_matrix(&x) ||
	    sheet_ranking(&x) || sheet_charts(&x) || sheet_all(&x) ||
	    sheet_quality(&x))
		goto out;
	rc = 0;
out:
	e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: %s: %s\n", path, lxw_strerror(e));
		rc = -1;
	} else if (rc == 0 && x.err != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: %s: %s\n", path, lxw_strerror(x.err));
		rc = -1;
	}
	free(x.buf);
	return rc;
}
