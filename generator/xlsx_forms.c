/*
 * xlsx_forms.c - forecast.xlsx: the forecast of staffing need and the
 * target-model form of mentoring as the region's tables.
 */
#include "xlsx_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "enums.h"
#include "utf8.h"
#include "ru_plural.h"
#include "xlsx_style.h"

#define MAX_TEXT 32000
#define NODATA "нет данных"
#define HDR 3                   /* the first header row */
#define MAX_COLS 16000          /* Excel has 16384 columns */
#define NCOLW 1024              /* widths kept; wider sheets: 7.5 */

/* A4 landscape: 11.69 in less the 0.4 in side margins. */
#define PRINT_WIDTH_IN 10.89
#define MIN_SCALE 80            /* 10 pt text printed at >= 8 pt */
/*
 * Column widths are in characters of the workbook's font (Calibri);
 * where it is missing, LibreOffice draws DejaVu Sans, about a fifth
 * wider on paper (measured: 1.3 times).  Planned for the wider one,
 * pages fit in both.
 */
#define FONT_SLACK 1.35

struct xf {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_error err;
	struct arena ar;
	char *buf;
	size_t bufsz;
	double width_in;        /* the sheet's columns, inches on paper */
	lxw_col_t first_break;  /* the second page's first column; 0 none */
	double colw[NCOLW];  /* their widths, in characters */
	lxw_format *title, *sub, *hdr, *text, *bold, *cnt, *cnt_b, *pct;
	lxw_format *pct_b, *na, *right, *right_b, *note;
	lxw_format *vhdr;       /* one narrow column's heading, upright */
};

static void track(struct xf *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

static const char *clean(struct xf *x, const char *s)
{
	return utf8_clean(s ? s : "", MAX_TEXT, &x->buf, &x->bufsz);
}

/* Texts are string cells, never formulas. */
static void text(struct xf *x, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f)
{
	track(x, worksheet_write_string(x->ws, r, c, clean(x, s), f));
}

static void count(struct xf *x, lxw_row_t r, lxw_col_t c, int64_t v,
		  bool bold)
{
	track(x, worksheet_write_number(x->ws, r, c, (double)v,
					bold ? x->cnt_b : x->cnt));
}

static void nodata(struct xf *x, lxw_row_t r, lxw_col_t c)
{
	text(x, r, c, NODATA, x->na);
}

/* A percent as a fraction under "0.0%", from the exact tenths. */
static void percent(struct xf *x, lxw_row_t r, lxw_col_t c, int64_t n,
		    int64_t d, bool bold)
{
	if (d <= 0) {
		text(x, r, c, "—", bold ? x->right_b : x->right);
		return;
	}
	track(x, worksheet_write_number(x->ws, r, c,
					(double)percent_tenths(n, d) / 1000.0,
					bold ? x->pct_b : x->pct));
}

/*
 * A header cell over rows r1..r2 and columns c1..c2.  A number column is
 * too narrow for a heading's words, so its own heading reads bottom-up,
 * as in the statistical forms; a group's heading runs across.
 */
static void head(struct xf *x, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
		 lxw_col_t c2, const char *s)
{
	lxw_format *f = c1 == c2 && c1 >= 2 ? x->vhdr : x->hdr;
	if (r1 == r2 && c1 == c2)
		text(x, r1, c1, s, f);
	else
		track(x, worksheet_merge_range(x->ws, r1, c1, r2, c2,
					       clean(x, s), f));
}

static void width(struct xf *x, lxw_col_t c1, lxw_col_t c2, double w)
{
	track(x, worksheet_set_column(x->ws, c1, c2, w, NULL));
	for (lxw_col_t c = c1; c <= c2 && c < NCOLW; c++)
		x->colw[c] = w;
	x->width_in += (double)(c2 - c1 + 1) * FONT_SLACK * (w * 7.0 + 5.0) /
		       96.0;
}

/* Excel's pixels of a column: 7 per character and 5 of padding. */
static double col_in(const struct xf *x, lxw_col_t c)
{
	double w = c < NCOLW ? x->colw[c] : 7.5;
	return FONT_SLACK * (w * 7.0 + 5.0) / 96.0;
}

/* Columns printed together: a header group is never split by a page. */
struct block {
	lxw_col_t c1, n;
};

static void formats(struct xf *x)
{
	x->title = xs_title(x->wb, 14);
	x->sub = xs_note(x->wb);
	x->note = xs_note(x->wb);
	format_set_text_wrap(x->note);
	x->hdr = xs_header(x->wb);
	x->vhdr = xs_header(x->wb);
	format_set_rotation(x->vhdr, 90);
	x->text = xs_base(x->wb, true);
	format_set_text_wrap(x->text);
	x->bold = xs_base(x->wb, true);
	format_set_bold(x->bold);
	format_set_text_wrap(x->bold);
	x->cnt = xs_base(x->wb, true);
	format_set_num_format(x->cnt, "0");
	x->cnt_b = xs_base(x->wb, true);
	format_set_num_format(x->cnt_b, "0");
	format_set_bold(x->cnt_b);
	x->pct = xs_base(x->wb, true);
	format_set_num_format(x->pct, "0.0%");
	x->pct_b = xs_base(x->wb, true);
	format_set_num_format(x->pct_b, "0.0%");
	format_set_bold(x->pct_b);
	x->na = xs_base(x->wb, true);
	format_set_italic(x->na);
	format_set_font_color(x->na, 0x808080);
	format_set_align(x->na, LXW_ALIGN_RIGHT);
	x->right = xs_base(x->wb, true);
	format_set_align(x->right, LXW_ALIGN_RIGHT);
	x->right_b = xs_base(x->wb, true);
	format_set_align(x->right_b, LXW_ALIGN_RIGHT);
	format_set_bold(x->right_b);
}

static int begin(struct xf *x, lxw_workbook *wb, const char *name)
{
	memset(x, 0, sizeof(*x));
	x->wb = wb;
	x->ws = workbook_add_worksheet(wb, name);
	if (!x->ws) {
		fprintf(stderr, "kadry: не удалось добавить лист «%s»\n", name);
		return -1;
	}
	formats(x);
	return 0;
}

static int finish(struct xf *x, const char *name)
{
	int rc = 0;
	if (x->err != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: лист «%s»: %s\n", name,
			lxw_strerror(x->err));
		rc = -1;
	}
	free(x->buf);
	arena_release(&x->ar);
	return rc;
}

/* Title, subtitle (place, period, as-of), a blank row. */
static void titles(struct xf *x, const char *title, const struct xf_titles *t)
{
	char asof[16];
	date_format(t->asof, asof);
	track(x, worksheet_set_row(x->ws, 0, 20, NULL));
	text(x, 0, 0, title, x->title);
	text(x, 1, 0, arena_printf(&x->ar, "%s, период %s%s%s",
				   t->place ? t->place : "",
				   t->period ? t->period : "",
				   *asof ? ", по состоянию на " : "", asof),
	     x->sub);
}

/* The first two columns of a row: code and name, or «Итого». */
static void row_head(struct xf *x, lxw_row_t r, size_t k, bool total,
		     const char *id, const char *name,
		     const struct xf_titles *t)
{
	size_t chars = 0;
	for (const char *p = name ? name : ""; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	/* a long name wraps: room for its lines (libraries do not autofit) */
	int lines = 1 + (int)((double)chars / x->colw[1]);
	if (lines > 1)
		track(x, worksheet_set_row(x->ws, r, 12.75 * lines + 2, NULL));
	if (total) {
		text(x, r, 0, "Итого", x->bold);
		text(x, r, 1, name, x->bold);
	} else if (t->region) {
		count(x, r, 0, (int64_t)k + 1, false);
		text(x, r, 1, name, x->text);
	} else {
		text(x, r, 0, id, x->text);
		text(x, r, 1, name, x->text);
	}
}

/*
 * A4 landscape; the header rows and the first two columns on every page.
 * One page wide when that keeps the text at >= 8 pt; else printed at 80 %
 * with a page break before each block that would not fit on the page,
 * pages in reading order (across, then down).
 */
static void page(struct xf *x, lxw_row_t hdr2, const struct block *b,
		 size_t nb)
{
	/* the width at 100 % that fits, a little short of the paper */
	double avail = 0.97 * PRINT_WIDTH_IN * 100.0 / MIN_SCALE;
	double fixed = col_in(x, 0) + col_in(x, 1), used = fixed;
	lxw_col_t *brk;
	size_t n = 0;

	worksheet_set_landscape(x->ws);
	worksheet_set_paper(x->ws, 9);
	worksheet_set_margins(x->ws, 0.4, 0.4, 0.5, 0.6);
	track(x, worksheet_set_footer(x->ws, "&L&A&RСтр. &P из &N"));
	track(x, worksheet_repeat_rows(x->ws, HDR, hdr2));
	track(x, worksheet_repeat_columns(x->ws, 0, 1));
	worksheet_freeze_panes(x->ws, hdr2 + 1, 2);
	if (x->width_in <= avail) {
		worksheet_fit_to_pages(x->ws, 1, 0);
		return;
	}
	worksheet_set_print_scale(x->ws, MIN_SCALE);
	worksheet_print_across(x->ws);
	brk = xmalloc((nb + 1) * sizeof(*brk));
	for (size_t i = 0; i < nb; i++) {
		double w = 0;
		for (lxw_col_t c = b[i].c1; c < b[i].c1 + b[i].n; c++)
			w += col_in(x, c);
		if (used + w > avail && used > fixed && n < 1000) {
			brk[n++] = b[i].c1;
			used = fixed;
		}
		used += w;
	}
	brk[n] = 0;
	x->first_break = brk[0];
	if (n)
		track(x, worksheet_set_v_pagebreaks(x->ws, brk));
	free(brk);
}

static void notes(struct xf *x, lxw_row_t r, lxw_col_t lastc,
		  const char *const *v, size_t n)
{
	/* on the first page, at most the width of a few columns' text */
	lxw_col_t c2 = x->first_break ? x->first_break - 1 : lastc;
	if (c2 > 14)
		c2 = 14;
	double w = 0;
	for (lxw_col_t c = 0; c <= c2; c++)
		w += c < NCOLW ? x->colw[c] : 7.5;
	for (size_t i = 0; i < n; i++, r++) {
		size_t chars = 0;
		if (!v[i])
			continue;
		for (const char *p = v[i]; *p; p++)
			chars += ((unsigned char)*p & 0xC0) != 0x80;
		/* italic text runs a little wider than the digit width */
		int lines = 1 + (int)((double)chars * 1.1 / w);
		track(x, worksheet_set_row(x->ws, r, 12.75 * lines + 2, NULL));
		track(x, worksheet_merge_range(x->ws, r, 0, r, c2,
					       clean(x, v[i]), x->note));
	}
}

/* ---- Прогноз потребности ---- */

int xlsx_forms_forecast_sheet(lxw_workbook *wb,
			      const struct forecast_form *fc,
			      const struct xf_titles *t)
{
	static const char sheet[] = "Прогноз потребности";
	struct xf x;
	char hend[16];
	size_t ng = fc->ngroups;
	if ((size_t)2 + ng * FH__COUNT + 9 > MAX_COLS)
		ng = (MAX_COLS - 11) / FH__COUNT;  /* never at real sizes */
	lxw_col_t cg = 2, ct = (lxw_col_t)(cg + ng * FH__COUNT);
	lxw_col_t cv = ct + FH__COUNT, cn = cv + 1, ce = cn + 1;
	lxw_col_t cs = ce + 3;
	lxw_row_t r;

	if (begin(&x, wb, sheet))
		return -1;
	date_format(fc->horizon_end, hend);
	width(&x, 0, 0, t->region ? 5 : 8);
	width(&x, 1, 1, 40);
	width(&x, cg, cs, 6);
	titles(&x, "Прогноз потребности в педагогических кадрах", t);

	head(&x, HDR, 0, HDR + 1, 0, t->region ? "№ п/п" : "Код ОО");
	head(&x, HDR, 1, HDR + 1, 1, t->region ? "Муниципалитет"
					       : "Организация");
	for (size_t g = 0; g < ng; g++) {
		lxw_col_t c = (lxw_col_t)(cg + g * FH__COUNT);
		head(&x, HDR, c, HDR, c + FH__COUNT - 1, fc->groups[g].label);
		for (int h = 0; h < FH__COUNT; h++)
			head(&x, HDR + 1, c + h, HDR + 1, c + h,
			     forms_horizon_label(h));
	}
	head(&x, HDR, ct, HDR, ct + FH__COUNT - 1, "Всего по горизонтам");
	for (int h = 0; h < FH__COUNT; h++)
		head(&x, HDR + 1, ct + h, HDR + 1, ct + h,
		     forms_horizon_label(h));
	head(&x, HDR, cv, HDR + 1, cv, "Всего вакансий");
	head(&x, HDR, cn, HDR + 1, cn, "Потребность: текущая и на 1–3 года");
	head(&x, HDR, ce, HDR, ce + 2, "Ожидаемая потребность (учителя)");
	head(&x, HDR + 1, ce, HDR + 1, ce, "60 лет и старше");
	head(&x, HDR + 1, ce + 1, HDR + 1, ce + 1,
	     arena_printf(&x.ar, "исполнится %d %s по %s", fc->retire_age,
			  ru_plural(fc->retire_age, "год", "года", "лет"),
			  hend));
	head(&x, HDR + 1, ce + 2, HDR + 1, ce + 2, "всего");
	head(&x, HDR, cs, HDR + 1, cs,
	     "Ожидаемое восполнение: целевое обучение");
	track(&x, worksheet_set_row(x.ws, HDR, 40, NULL));
	track(&x, worksheet_set_row(x.ws, HDR + 1, 80, NULL));

	r = HDR + 2;
	for (size_t k = 0; k < fc->nrows; k++, r++) {
		const struct fc_row *w = &fc->rows[k];
		bool b = w->total;
		row_head(&x, r, k, b, w->id, w->name, t);
		for (lxw_col_t c = cg; c < ce; c++) {
			size_t i = (size_t)(c - cg);
			int64_t v;
			if (w->nodata) {
				nodata(&x, r, c);
				continue;
			}
			if (c < ct)
				v = w->cell[i];
			else if (c < cv)
				v = w->hz[c - ct];
			else
				v = c == cv ? w->vacancies : w->need;
			count(&x, r, c, v, b);
		}
		count(&x, r, ce, w->teachers60, b);
		count(&x, r, ce + 1, w->retiring, b);
		count(&x, r, ce + 2, w->expected, b);
		count(&x, r, cs, w->target, b);
	}
	bool nosubj = false;
	for (size_t g = 0; g < ng; g++)
		nosubj |= !strcmp(fc->groups[g].breakdown, "position:учитель");
	const char *nv[] = {
		nosubj ? "Потребность — вакансии, заявленные организациями, "
		"по горизонту: текущая, на 1–3 года (среднесрочная), более 3 "
		"лет (долгосрочная); «учитель (предмет не указан)» — вакансии "
		"учителей без предмета." : "Потребность — вакансии, "
		"заявленные организациями, по горизонту: текущая, на 1–3 года "
		"(среднесрочная), более 3 лет (долгосрочная).",
		arena_printf(&x.ar, "Ожидаемая потребность — учителя в "
			     "возрасте 60 лет и старше на дату среза и "
			     "учителя, которым исполнится %d %s в течение %d "
			     "%s (по %s включительно); каждый учитель "
			     "учитывается в итоге один раз. Возраст и срок "
			     "задаются в шаблоне (раздел [forecast]).",
			     fc->retire_age, ru_plural(fc->retire_age, "год",
			     "года", "лет"), fc->horizon_years,
			     ru_plural(fc->horizon_years, "года", "лет",
				       "лет"), hend),
		"Ожидаемое восполнение — педагоги, пришедшие по договору о "
		"целевом обучении.",
		t->region ? "Строка «Итого» — сумма муниципалитетов; педагог, "
		"работающий в двух муниципалитетах, учитывается в каждом." :
		"Педагог, работающий в нескольких организациях, учитывается "
		"в строке каждой из них, поэтому сумма строк организаций в "
		"столбцах ожидаемой потребности и восполнения может быть "
		"больше итога по району; вакансии складываются точно.",
		fc->vac_nodata ? "Файл вакансий не представлен: столбцы "
		"потребности не заполнены." : NULL,
	};
	struct block *bl = arena_alloc(&x.ar, (ng + 6) * sizeof(*bl));
	size_t nb = 0;
	for (size_t g = 0; g <= ng; g++)        /* the groups, the totals */
		bl[nb++] = (struct block){ (lxw_col_t)(cg + g * FH__COUNT),
					   FH__COUNT };
	bl[nb++] = (struct block){ cv, 2 };
	bl[nb++] = (struct block){ ce, 4 };
	page(&x, HDR + 1, bl, nb);
	notes(&x, r + 1, cs, nv, sizeof(nv) / sizeof(nv[0]));
	return finish(&x, sheet);
}

/* ---- Целевая модель наставничества ---- */

enum {
	TM_MODEL = 2, TM_COMMUNITY, TM_MENTORS, TM_MENTEES, TM_PAIRS,
	TM_BEG = TM_PAIRS + MF__COUNT, TM_BEG_COV, TM_BEG_PCT, TM_YOUNG,
	TM_YOUNG_SUP, TM_PAID, TM_NEW, TM_NEW_COV, TM_ARR, TM_ARR_COV,
	TM__COLS
};

static void tm_model(struct xf *x, lxw_row_t r, const struct tm_row *w)
{
	if (w->total)
		text(x, r, TM_MODEL, arena_printf(&x->ar, "%lld из %lld",
						  (long long)w->model_num,
						  (long long)w->model_den),
		     x->right_b);
	else if (!w->model_den)
		text(x, r, TM_MODEL, "—", x->right);  /* not a school */
	else
		text(x, r, TM_MODEL, w->model_num ? "да" : "нет", x->right);
}

static void tm_cells(struct xf *x, lxw_row_t r, const struct tm_row *w)
{
	bool b = w->total;
	int64_t v[TM__COLS] = { 0 };
	if (w->nodata) {
		for (lxw_col_t c = TM_COMMUNITY; c < TM__COLS; c++)
			nodata(x, r, c);
		return;
	}
	v[TM_COMMUNITY] = w->community;
	v[TM_MENTORS] = w->mentors;
	v[TM_MENTEES] = w->mentees;
	for (int f = 0; f < MF__COUNT; f++)
		v[TM_PAIRS + f] = w->pairs[f];
	v[TM_BEG] = w->beginners;
	v[TM_BEG_COV] = w->beginners_covered;
	v[TM_YOUNG] = w->young;
	v[TM_YOUNG_SUP] = w->young_supported;
	v[TM_PAID] = w->paid_mentors;
	v[TM_NEW] = w->new_hires;
	v[TM_NEW_COV] = w->new_hires_covered;
	v[TM_ARR] = w->arrived;
	v[TM_ARR_COV] = w->arrived_covered;
	for (lxw_col_t c = TM_COMMUNITY; c < TM__COLS; c++) {
		if (c == TM_BEG_PCT)
			percent(x, r, c, w->beginners_covered, w->beginners,
				b);
		else
			count(x, r, c, v[c], b);
	}
}

/* «стаж до 3 лет»: the template's threshold, whole or with a decimal. */
static const char *years_text(struct arena *a, fix_t y)
{
	int64_t w = y / FIX_ONE, d = (y % FIX_ONE) / 100;
	if (d)
		return arena_printf(a, "%lld,%lld года", (long long)w,
				    (long long)d);
	return arena_printf(a, "%lld %s", (long long)w,
			    ru_plural(w, "года", "лет", "лет"));
}

int xlsx_forms_mentoring_sheet(lxw_workbook *wb,
			       const struct mentoring_form *tm,
			       const struct xf_titles *t)
{
	static const char sheet[] = "Целевая модель наставничества";
	struct xf x;
	struct params def;
	const struct params *p = t->p;
	lxw_row_t r;

	if (!p) {
		params_default(&def, 2000, 12);
		p = &def;
	}
	if (begin(&x, wb, sheet))
		return -1;
	width(&x, 0, 0, t->region ? 5 : 8);
	width(&x, 1, 1, 40);
	width(&x, TM_MODEL, TM_MODEL, 8);
	width(&x, TM_COMMUNITY, TM__COLS - 1, 6);
	titles(&x, "Мониторинг реализации целевой модели наставничества", t);

	head(&x, HDR, 0, HDR + 1, 0, t->region ? "№ п/п" : "Код ОО");
	head(&x, HDR, 1, HDR + 1, 1, t->region ? "Муниципалитет"
					       : "Организация");
	head(&x, HDR, TM_MODEL, HDR + 1, TM_MODEL,
	     "Целевая модель наставничества реализуется");
	head(&x, HDR, TM_COMMUNITY, HDR, TM_MENTORS, "Наставники");
	head(&x, HDR + 1, TM_COMMUNITY, HDR + 1, TM_COMMUNITY,
	     "в сообществе наставников");
	head(&x, HDR + 1, TM_MENTORS, HDR + 1, TM_MENTORS,
	     "в действующих парах");
	head(&x, HDR, TM_MENTEES, HDR + 1, TM_MENTEES,
	     "Наставляемые в действующих парах");
	head(&x, HDR, TM_PAIRS, HDR, TM_PAIRS + MF__COUNT - 1,
	     "Действующие пары по формам наставничества");
	head(&x, HDR + 1, TM_PAIRS, HDR + 1, TM_PAIRS, "всего");
	for (int f = 1; f < MF__COUNT; f++)
		head(&x, HDR + 1, TM_PAIRS + f, HDR + 1, TM_PAIRS + f,
		     enum_name(EN_MENTOR_FORM, f));
	head(&x, HDR, TM_BEG, HDR, TM_BEG_PCT,
	     arena_printf(&x.ar, "Начинающие педагоги (стаж до %s)",
			  years_text(&x.ar, p->beginner_exp)));
	head(&x, HDR + 1, TM_BEG, HDR + 1, TM_BEG, "всего");
	head(&x, HDR + 1, TM_BEG_COV, HDR + 1, TM_BEG_COV, "с наставником");
	head(&x, HDR + 1, TM_BEG_PCT, HDR + 1, TM_BEG_PCT,
	     "доля с наставником");
	head(&x, HDR, TM_YOUNG, HDR, TM_YOUNG_SUP,
	     arena_printf(&x.ar, "Из них моложе %d %s", p->young_age,
			  ru_plural(p->young_age, "года", "лет", "лет")));
	head(&x, HDR + 1, TM_YOUNG, HDR + 1, TM_YOUNG, "всего");
	head(&x, HDR + 1, TM_YOUNG_SUP, HDR + 1, TM_YOUNG_SUP,
	     "в формах поддержки");
	head(&x, HDR, TM_PAID, HDR + 1, TM_PAID, "Наставники с доплатой");
	head(&x, HDR, TM_NEW, HDR, TM_NEW_COV,
	     arena_printf(&x.ar, "Вновь принятые за %d %s", p->new_hire_months,
			  ru_plural(p->new_hire_months, "месяц", "месяца",
				    "месяцев")));
	head(&x, HDR + 1, TM_NEW, HDR + 1, TM_NEW, "всего");
	head(&x, HDR + 1, TM_NEW_COV, HDR + 1, TM_NEW_COV, "с наставником");
	head(&x, HDR, TM_ARR, HDR, TM_ARR_COV, "Прибывшие педагоги");
	head(&x, HDR + 1, TM_ARR, HDR + 1, TM_ARR, "всего");
	head(&x, HDR + 1, TM_ARR_COV, HDR + 1, TM_ARR_COV, "с наставником");
	track(&x, worksheet_set_row(x.ws, HDR, 40, NULL));
	/* «руководитель — педагог» upright without breaking the word */
	track(&x, worksheet_set_row(x.ws, HDR + 1, 96, NULL));

	r = HDR + 2;
	for (size_t k = 0; k < tm->nrows; k++, r++) {
		const struct tm_row *w = &tm->rows[k];
		row_head(&x, r, k, w->total, w->id, w->name, t);
		tm_model(&x, r, w);
		tm_cells(&x, r, w);
	}
	const char *nv[] = {
		"Пара действует на дату среза: начало не позже этой даты, "
		"окончание не указано или не раньше неё; пары, наставники и "
		"наставляемые учитываются в организации, указанной в строке "
		"пары.",
		"Целевая модель — отметка организаций типа ОО; в строке "
		"«Итого» — число школ, реализующих модель, из всех школ "
		"(показатель I14); «—» — организация не является школой.",
		"«С наставником» — педагог является наставляемым в паре, "
		"действующей на дату среза (в паре любой организации); "
		"молодые педагоги «в формах поддержки» (показатель I13) — "
		"наставляемые в паре, действовавшей в окне учёта, или "
		"участники другой формы поддержки молодых педагогов.",
		t->region ? "Строка «Итого» — сумма муниципалитетов; педагог, "
		"работающий в двух муниципалитетах, учитывается в каждом." :
		"Педагог, работающий в нескольких организациях, учитывается "
		"в строке каждой из них, поэтому сумма строк организаций "
		"может быть больше итога по району.",
		tm->nodata ? "Файл наставничества не представлен: столбцы "
		"наставничества не заполнены." : NULL,
	};
	static const struct block bl[] = {
		{ TM_MODEL, 1 }, { TM_COMMUNITY, 2 }, { TM_MENTEES, 1 },
		{ TM_PAIRS, MF__COUNT }, { TM_BEG, 3 }, { TM_YOUNG, 2 },
		{ TM_PAID, 1 }, { TM_NEW, 2 }, { TM_ARR, 2 },
	};
	page(&x, HDR + 1, bl, sizeof(bl) / sizeof(bl[0]));
	notes(&x, r + 1, TM__COLS - 1, nv, sizeof(nv) / sizeof(nv[0]));
	return finish(&x, sheet);
}

/* ---- forecast.xlsx ---- */

int xlsx_forms_write(const char *path, const struct report_ctx *ctx)
{
	struct arena a = ARENA_INIT;
	struct forms f;
	lxw_doc_properties props = { 0 };
	const char *place = ctx->district ? ctx->district : "";
	struct xf_titles t = {
		.place = place, .period = ctx->fs->period,
		.asof = ctx->p ? ctx->p->asof : KDATE_NONE, .region = false,
		.p = ctx->p,
	};
	lxw_workbook *wb;
	lxw_error e;
	int rc = -1;

	forms_from_figures(ctx->fs, SCOPE_ORG, SCOPE_DISTRICT, place, ctx->p,
			   &a, &f);
	wb = workbook_new(path);
	if (!wb) {
		fprintf(stderr, "kadry: %s: не удалось создать файл\n", path);
		arena_release(&a);
		return -1;
	}
	props.title = arena_printf(&a, "Прогноз потребности в кадрах: %s, %s",
				   place, ctx->fs->period);
	props.subject = "Прогноз потребности в педагогических кадрах и "
		"мониторинг целевой модели наставничества";
	props.created = ctx->created;
	workbook_set_properties(wb, &props);
	if (xlsx_forms_forecast_sheet(wb, &f.fc, &t) ||
	    xlsx_forms_mentoring_sheet(wb, &f.tm, &t))
		goto out;
	rc = 0;
out:
	e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: %s: %s\n", path, lxw_strerror(e));
		rc = -1;
	}
	arena_release(&a);
	return rc;
}
