/*
 * xlsx_write.c - monitoring.xlsx: the figures, analysis and data quality of
 * one period as a workbook with tables and native charts.
 */
#include "xlsx_write.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "analysis.h"
#include "catalog.h"
#include "date.h"
#include "utf8.h"
#include "history.h"
#include "model.h"
#include "template.h"
#include "xlsx_style.h"

#define NODATA "нет данных"
#define MAX_TEXT 32000          /* Excel's cell limit is 32767 chars */
#define QUALITY_MAX_ROWS 1000000        /* diagnostics on «Качество данных» */
#define MAX_CHART_ROWS 60       /* a chart of more bars is unreadable */
#define MAX_PERIODS 8

/* Row heights and widths in Excel units. */
#define W_CODE 9
#define W_NAME 48

struct xw {
	lxw_workbook *wb;
	const struct report_ctx *c;
	const char *did;                /* district scope_id */
	lxw_error err;                  /* first library error */
	struct arena ar;                /* this writer's strings */
	char *buf;                      /* clean() output */
	size_t bufsz;
	/* formats */
	lxw_format *title, *subtitle, *h2, *hdr, *text, *wrap, *bold;
	lxw_format *cnt, *dec, *pct, *chg_pp, *chg_cnt, *na, *ok, *bad;
	lxw_format *cf_ok, *cf_bad, *note, *warn, *right, *para, *pp;
	/* history periods of the same month, before the current one */
	int periods[MAX_PERIODS];
	size_t nperiods;
	int year, month;
	/* the current sheet's column widths, for wrapped rows' heights */
	double colw[64];
	lxw_worksheet *hws;
	lxw_row_t hrow;
	int hlines;
};

/* A table row written by a section sheet, for the charts. */
struct trow {
	const char *code;
	const char *breakdown;
	lxw_row_t row;
};

/*
 * ------------------------------------------------------------------------
 * Text and cells
 * ------------------------------------------------------------------------
 */

/*
 * Valid UTF-8 of at most MAX_TEXT bytes: invalid bytes become U+FFFD, so
 * a stray Windows-1251 byte cannot corrupt the file.  The result lives in
 * x->buf until the next call.
 */
static const char *clean(struct xw *x, const char *s)
{
	return utf8_clean(s, MAX_TEXT, &x->buf, &x->bufsz);
}

static void track(struct xw *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/*
 * Lines a wrapped text takes in a column of width w: spreadsheet programs
 * do not grow rows on load, so the writer sets the height itself.
 */
static int text_lines(const char *s, double w)
{
	double cap = w * 1.25 - 3.0;
	int lines = 0;
	long chars = 0;
	if (cap < 4)
		cap = 4;
	for (;; s++) {
		if (!*s || *s == '\n') {
			/* word wrap wastes about a tenth of each line */
			lines += 1 + (int)((double)chars * 1.1 / cap);
			chars = 0;
			if (!*s)
				break;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			chars++;
		}
	}
	return lines;
}

static void set_col(struct xw *x, lxw_worksheet *ws, lxw_col_t c1,
		    lxw_col_t c2, double w)
{
	track(x, worksheet_set_column(ws, c1, c2, w, NULL));
	for (lxw_col_t c = c1; c <= c2 && c < 64; c++)
		x->colw[c] = w;
}

/* User and program text alike: always a string cell, never a formula. */
static void put_text(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, const char *s, lxw_format *f)
{
	const char *t = clean(x, s);
	if (f == x->wrap && c < 64) {
		int n = text_lines(t, x->colw[c]);
		if (x->hws == ws && x->hrow == r && x->hlines > n)
			n = x->hlines;
		if (n > 1 && !(x->hws == ws && x->hrow == r &&
			       x->hlines == n))
			track(x, worksheet_set_row(ws, r, 12.75 * n + 1.5,
						   NULL));
		x->hws = ws;
		x->hrow = r;
		x->hlines = n;
	}
	track(x, worksheet_write_string(ws, r, c, t, f));
}

static void put_num(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		    lxw_col_t c, double v, lxw_format *f)
{
	track(x, worksheet_write_number(ws, r, c, v, f));
}

/* A long note across columns c1..c2, wrapped, its row as tall as needed. */
static void put_para(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c1, lxw_col_t c2, const char *s)
{
	double w = 0;
	const char *t = clean(x, s);
	for (lxw_col_t c = c1; c <= c2 && c < 64; c++)
		w += x->colw[c];
	int n = text_lines(t, w);
	if (n > 1)
		track(x, worksheet_set_row(ws, r, 12.75 * n + 3.0, NULL));
	if (c2 > c1)
		track(x, worksheet_merge_range(ws, r, c1, r, c2, t,
					       x->para));
	else
		track(x, worksheet_write_string(ws, r, c1, t, x->para));
}

/* A value in tenths (percent or count) as its cell. */
static void put_tenths(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		       lxw_col_t c, int kind, int64_t t)
{
	if (kind == FK_SHARE)
		put_num(x, ws, r, c, (double)t / 1000.0, x->pct);
	else
		put_num(x, ws, r, c, (double)t / 10.0,
			t % 10 ? x->dec : x->cnt);
}

/* A figure's value, or «нет данных». */
static void put_value(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		      lxw_col_t c, const struct figure *f)
{
	int64_t t;
	if (!f || !figure_tenths(f, &t))
		put_text(x, ws, r, c, NODATA, x->na);
	else if (f->kind == FK_SHARE)
		put_num(x, ws, r, c, (double)t / 1000.0, x->pct);
	else
		put_num(x, ws, r, c, (double)f->num, x->cnt);
}

/* Numerator and denominator in c and c+1 (blank when absent). */
static void put_numden(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		       lxw_col_t c, const struct figure *f)
{
	if (f && !f->nodata)
		put_num(x, ws, r, c, (double)f->num, x->cnt);
	else
		track(x, worksheet_write_blank(ws, r, c, x->text));
	if (f && !f->nodata && f->kind == FK_SHARE)
		put_num(x, ws, r, c + 1, (double)f->den, x->cnt);
	else
		track(x, worksheet_write_blank(ws, r, c + 1, x->text));
}

/* current - earlier in p.p. (shares) or persons (counts). */
static void put_change(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		       lxw_col_t c, const struct figure *cur,
		       const struct figure *earlier)
{
	int64_t d;
	if (!cur || !earlier || !history_change(cur, earlier, &d))
		track(x, worksheet_write_blank(ws, r, c, x->text));
	else if (cur->kind == FK_SHARE)
		put_num(x, ws, r, c, (double)d / 10.0, x->chg_pp);
	else
		put_num(x, ws, r, c, (double)d, x->chg_cnt);
}

static void put_long(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, long v)
{
	put_num(x, ws, r, c, (double)v, x->cnt);
}

/*
 * ------------------------------------------------------------------------
 * Lookups
 * ------------------------------------------------------------------------
 */

static const struct figure *dfig(struct xw *x, const char *code,
				 const char *bd)
{
	return figures_find(x->c->fs, SCOPE_DISTRICT, x->did, code, bd);
}

static const struct figure *ofig(struct xw *x, const char *org,
				 const char *code)
{
	return figures_find(x->c->fs, SCOPE_ORG, org, code, "");
}

static const char *short_name(const char *code)
{
	const struct catalog_entry *e = catalog_find(code);
	if (e && e->short_name && *e->short_name)
		return e->short_name;
	if (e && e->name && *e->name)
		return e->name;
	return code;
}

static const char *full_name(const char *code)
{
	const struct catalog_entry *e = catalog_find(code);
	return e && e->name && *e->name ? e->name : short_name(code);
}

/* First figure of (scope, id, code) in the sorted figures. */
static size_t lower(const struct figures *fs, int scope, const char *id,
		    const char *code)
{
	size_t lo = 0, hi = fs->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct figure *f = &fs->v[mid];
		int c = f->scope != scope ? (f->scope < scope ? -1 : 1) :
			strcmp(f->scope_id, id);
		if (!c)
			c = strcmp(f->code, code);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool same_key(const struct figure *f, int scope, const char *id,
		     const char *code)
{
	return f->scope == scope && !strcmp(f->scope_id, id) &&
		!strcmp(f->code, code);
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* «Предмет: физика» for "subject:физика". */
static const char *bd_label(struct xw *x, const char *bd)
{
	static const struct {
		const char *prefix, *label;
	} map[] = {
		{ "subject:", "Предмет: " },
		{ "org_type:", "Тип организаций: " },
		{ "position:", "Должность: " },
		{ "form:", "Форма: " },
		{ "area:", "Область: " },
		{ "horizon:", "Горизонт: " },
		{ "kind:", "Вид: " },
		{ "year:", "Год: " },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (starts(bd, map[i].prefix))
			return arena_printf(&x->ar, "%s%s",
					    map[i].label,
					    bd + strlen(map[i].prefix));
	return bd;
}

/* The target of code: analysis first, then the template. */
static bool target_of(struct xw *x, const char *code, int64_t *t, int *dir)
{
	const struct an_status *s = NULL;
	const struct tpl_target *tt;
	if (x->c->an)
		s = analysis_status(x->c->an, &x->c->an->district, code);
	if (s) {
		*t = s->target;
		*dir = s->dir;
		return true;
	}
	if (x->c->t && (tt = template_target(x->c->t, code))) {
		*t = tt->tenths;
		*dir = tt->dir;
		return true;
	}
	return false;
}

static int code_kind(struct xw *x, const char *code)
{
	const struct catalog_entry *e = catalog_find(code);
	const struct figure *f;
	if (e)
		return e->kind;
	f = dfig(x, code, "");
	return f ? f->kind : FK_SHARE;
}

/* Distinct organizations of the figures, in id order. */
struct orgref {
	const char *id, *name;
};

static size_t org_list(struct xw *x, struct orgref **out)
{
	const struct figures *fs = x->c->fs;
	struct orgref *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		if (f->scope != SCOPE_ORG)
			continue;
		if (n && !strcmp(v[n - 1].id, f->scope_id))
			continue;
		struct orgref *o = VEC_PUSH(v, n, cap);
		o->id = f->scope_id;
		o->name = *f->scope_name ? f->scope_name : f->scope_id;
	}
	*out = v;
	return n;
}

/*
 * ------------------------------------------------------------------------
 * Workbook scaffolding
 * ------------------------------------------------------------------------
 */

static lxw_format *fmt(struct xw *x, bool border)
{
	return xs_base(x->wb, border);
}

static void make_formats(struct xw *x)
{
	x->title = xs_title(x->wb, 14);
	x->subtitle = xs_note(x->wb);
	x->h2 = xs_title(x->wb, 12);
	x->note = xs_note(x->wb);
	x->para = xs_note(x->wb);
	format_set_text_wrap(x->para);
	x->hdr = xs_header(x->wb);
	x->text = fmt(x, true);
	x->wrap = fmt(x, true);
	format_set_text_wrap(x->wrap);
	x->right = fmt(x, true);
	format_set_align(x->right, LXW_ALIGN_RIGHT);
	x->bold = fmt(x, true);
	format_set_bold(x->bold);
	x->cnt = fmt(x, true);
	format_set_num_format(x->cnt, "0");
	x->dec = fmt(x, true);
	format_set_num_format(x->dec, "0.0");
	x->pct = fmt(x, true);
	format_set_num_format(x->pct, "0.0%");
	x->chg_pp = fmt(x, true);
	format_set_num_format(x->chg_pp,
			      "+0.0\" п.п.\";-0.0\" п.п.\";0.0\" п.п.\"");
	x->pp = fmt(x, true);
	format_set_num_format(x->pp, "0.0\" п.п.\"");
	x->chg_cnt = fmt(x, true);
	format_set_num_format(x->chg_cnt, "+0;-0;0");
	x->na = fmt(x, true);
	format_set_italic(x->na);
	format_set_font_color(x->na, 0x808080);
	format_set_align(x->na, LXW_ALIGN_RIGHT);
	x->ok = fmt(x, true);
	format_set_bg_color(x->ok, XS_GOOD_BG);
	format_set_font_color(x->ok, XS_GOOD_FG);
	x->bad = fmt(x, true);
	format_set_bg_color(x->bad, XS_BAD_BG);
	format_set_font_color(x->bad, XS_BAD_FG);
	x->warn = fmt(x, true);
	format_set_bg_color(x->warn, XS_WARN_BG);
	format_set_font_color(x->warn, XS_WARN_FG);
	/* conditional formats carry only colours */
	x->cf_ok = workbook_add_format(x->wb);
	format_set_bg_color(x->cf_ok, XS_GOOD_BG);
	format_set_font_color(x->cf_ok, XS_GOOD_FG);
	x->cf_bad = workbook_add_format(x->wb);
	format_set_bg_color(x->cf_bad, XS_BAD_BG);
	format_set_font_color(x->cf_bad, XS_BAD_FG);
}

/*
 * A4 landscape, one page wide, the header row repeated on every page and
 * frozen on screen.  hdr < 0: no header row.
 */
static void page_setup(struct xw *x, lxw_worksheet *ws, int hdr, int fcols)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
	track(x, worksheet_set_footer(ws, "&L&A&RСтр. &P из &N"));
	if (hdr >= 0) {
		track(x, worksheet_repeat_rows(ws, (lxw_row_t)hdr,
					       (lxw_row_t)hdr));
		worksheet_freeze_panes(ws, (lxw_row_t)hdr + 1,
				       (lxw_col_t)fcols);
	}
}

static lxw_worksheet *add_sheet(struct xw *x, const char *name)
{
	lxw_worksheet *ws;
	if (workbook_validate_sheet_name(x->wb, name) != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: недопустимое имя листа «%s»\n", name);
		return NULL;
	}
	ws = workbook_add_worksheet(x->wb, name);
	for (int c = 0; c < 64; c++)
		x->colw[c] = 8.43;
	x->hws = NULL;
	if (!ws)
		fprintf(stderr, "kadry: не удалось добавить лист «%s»\n",
			name);
	return ws;
}

static void header_row(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
		       lxw_col_t c0, const char *const *cells, size_t n)
{
	int lines = 1;
	for (size_t i = 0; i < n; i++) {
		lxw_col_t c = c0 + (lxw_col_t)i;
		int k = text_lines(cells[i], c < 64 ? x->colw[c] : 8.43);
		if (k > lines)
			lines = k;
	}
	if (lines > 1)
		track(x, worksheet_set_row(ws, r, 12.75 * lines + 3.0, NULL));
	for (size_t i = 0; i < n; i++)
		put_text(x, ws, r, c0 + (lxw_col_t)i, cells[i], x->hdr);
}

/* Title, subtitle (district, period, as-of) and a blank row: 3 rows. */
static void sheet_title(struct xw *x, lxw_worksheet *ws, const char *title)
{
	char asof[16], *sub;
	const struct params *p = x->c->p;
	date_format(p ? p->asof : KDATE_NONE, asof);
	sub = arena_printf(&x->ar, "%s, период %s%s%s",
			   x->c->district ? x->c->district : "",
			   x->c->fs->period, *asof ? ", по состоянию на " : "",
			   asof);
	/* rows strictly in order (constant_memory) */
	track(x, worksheet_set_row(ws, 0, 20, NULL));
	put_text(x, ws, 0, 0, title, x->title);
	put_text(x, ws, 1, 0, sub, x->subtitle);
}

static lxw_chart *new_chart(struct xw *x, uint8_t type, const char *title)
{
	lxw_chart *ch = workbook_add_chart(x->wb, type);
	if (!ch)
		return NULL;
	chart_title_set_name(ch, clean(x, title));
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	return ch;
}

static void place_chart(struct xw *x, lxw_worksheet *ws, lxw_row_t r,
			lxw_col_t c, lxw_chart *ch, double xs, double ys)
{
	lxw_chart_options o = { 0 };
	o.x_scale = xs;
	o.y_scale = ys;
	o.x_offset = 4;
	o.y_offset = 4;
	track(x, worksheet_insert_chart_opt(ws, r, c, ch, &o));
}

static lxw_chart_series *series(lxw_chart *ch, const char *sheet,
				 const char *name, lxw_row_t r1, lxw_col_t cc,
				 lxw_row_t r2, lxw_col_t vc, lxw_col_t cc2,
				 lxw_col_t vc2)
{
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	if (!s)
		return NULL;
	chart_series_set_categories(s, sheet, r1, cc, r2, cc2);
	chart_series_set_values(s, sheet, r1, vc, r2, vc2);
	if (name)
		chart_series_set_name(s, name);
	return s;
}

/*
 * A horizontal bar chart reads top-down in table order, its value axis
 * from zero (to 100 % for shares).  In a bar chart libxlsxwriter's x_axis
 * is the horizontal (value) one, y_axis the categories.
 */
static void bar_axes(lxw_chart *ch, bool share)
{
	chart_axis_set_reverse(ch->y_axis);
	chart_axis_set_min(ch->x_axis, 0);
	if (share) {
		chart_axis_set_num_format(ch->x_axis, "0%");
		chart_axis_set_max(ch->x_axis, 1);
	}
}

/*
 * ------------------------------------------------------------------------
 * Сводка
 * ------------------------------------------------------------------------
 */

static const char *const kind_names[KIND__COUNT] = {
	"неизвестный", "Организации", "Кадры", "Диагностика", "Курсы",
	"Наставничество", "Вакансии"
};

/* Per-organization data completeness, from the dataset and raw rows. */
struct completeness {
	size_t norgs, nfiles;
	long (*rows)[KIND__COUNT];      /* accepted rows per org and kind */
	long *rejected, *warned;        /* raw rows per org */
	unsigned char *infile;          /* norgs x nfiles */
	long unattributed;              /* rejected rows without a known org */
};

static void mark(struct completeness *k, int org, int file, int kind)
{
	if (org < 0 || (size_t)org >= k->norgs)
		return;
	if (kind > 0 && kind < KIND__COUNT)
		k->rows[org][kind]++;
	if (file >= 0 && (size_t)file < k->nfiles)
		k->infile[(size_t)org * k->nfiles + (size_t)file] = 1;
}

static int person_org(const struct dataset *ds, int person)
{
	if (person < 0 || (size_t)person >= ds->persons.n)
		return -1;
	int row = ds->persons.v[person].main_row;
	if (row < 0 || (size_t)row >= ds->staff.n)
		return -1;
	return ds->staff.v[row].org;
}

static void completeness_fill(const struct report_ctx *c,
			      struct completeness *k)
{
	const struct dataset *ds = c->ds;
	const struct diag_list *dl = c->dl;
	size_t i;
	memset(k, 0, sizeof(*k));
	k->norgs = ds->orgs.n;
	k->nfiles = dl ? dl->nfiles : 0;
	k->rows = xcalloc(k->norgs + 1, sizeof(*k->rows));
	k->rejected = xcalloc(k->norgs + 1, sizeof(long));
	k->warned = xcalloc(k->norgs + 1, sizeof(long));
	k->infile = xcalloc((k->norgs + 1) * (k->nfiles + 1), 1);
	for (i = 0; i < ds->orgs.n; i++)
		mark(k, (int)i, ds->orgs.v[i].src.file, KIND_UNKNOWN);
	for (i = 0; i < ds->staff.n; i++)
		mark(k, ds->staff.v[i].org, ds->staff.v[i].src.file,
		     KIND_STAFF);
	for (i = 0; i < ds->diags.n; i++)
		mark(k, person_org(ds, ds->diags.v[i].person),
		     ds->diags.v[i].src.file, KIND_DIAGNOSTICS);
	for (i = 0; i < ds->courses.n; i++)
		mark(k, person_org(ds, ds->courses.v[i].person),
		     ds->courses.v[i].src.file, KIND_COURSES);
	for (i = 0; i < ds->pairs.n; i++)
		mark(k, ds->pairs.v[i].org, ds->pairs.v[i].src.file,
		     KIND_MENTORING);
	for (i = 0; i < ds->vacancies.n; i++)
		mark(k, ds->vacancies.v[i].org, ds->vacancies.v[i].src.file,
		     KIND_VACANCIES);
	if (!dl)
		return;
	/* Diagnostics of one row are adjacent after diag_sort. */
	const struct raw_row *prev = NULL;
	for (i = 0; i < dl->n; i++) {
		const struct raw_row *r = dl->v[i].row;
		int org;
		if (!r || r == prev)
			continue;
		prev = r;
		org = r->org_id ? strmap_get(&ds->org_index, r->org_id) : -1;
		if (org < 0)
			continue;
		mark(k, org, r->file, KIND_UNKNOWN);
		if (r->rejected)
			k->rejected[org]++;
		else
			k->warned[org]++;
	}
	/*
	 * Whatever the files' counts reject beyond the rows placed at an
	 * organization has none: rows whose org_id is unknown, records the
	 * reader could not parse and the rows of a file refused as a whole
	 * (neither keeps a raw row).  So the Сводка always reconciles with
	 * the files table.
	 */
	long total = 0, placed = 0;
	for (i = 0; i < dl->nfiles; i++)
		if (dl->files[i].kind != KIND_SUMMARY)
			total += dl->files[i].rejected;
	for (i = 0; i < k->norgs; i++)
		placed += k->rejected[i];
	k->unattributed = total > placed ? total - placed : 0;
}

static void completeness_free(struct completeness *k)
{
	free(k->rows);
	free(k->rejected);
	free(k->warned);
	free(k->infile);
}

/* Organizations of the dataset in id order (indexes); no globals, since
 * the PDF writer runs in another thread. */
struct org_key {
	const char *id;
	int idx;
};

static int cmp_org_key(const void *a, const void *b)
{
	return strcmp(((const struct org_key *)a)->id,
		      ((const struct org_key *)b)->id);
}

static int *orgs_by_id(const struct dataset *ds)
{
	struct org_key *k = xmalloc((ds->orgs.n + 1) * sizeof(*k));
	int *ix = xmalloc((ds->orgs.n + 1) * sizeof(int));
	for (size_t i = 0; i < ds->orgs.n; i++) {
		k[i].id = ds->orgs.v[i].id;
		k[i].idx = (int)i;
	}
	qsort(k, ds->orgs.n, sizeof(*k), cmp_org_key);
	for (size_t i = 0; i < ds->orgs.n; i++)
		ix[i] = k[i].idx;
	free(k);
	return ix;
}

static lxw_row_t summary_headline(struct xw *x, lxw_worksheet *ws,
				  lxw_row_t r)
{
	static const char *const codes[] = {
		"S.staff", "S.count", "M.beginners", "M.beginners.covered",
		"M.pairs.active", "D.diagnosed", "D.with_deficit",
		"D.addressed", "K.vacancies", "K.need", "K.teachers60",
		"K.overloaded"
	};
	static const char *const hdr[] = { "Показатель", "Значение", "Код" };
	const struct analysis *an = x->c->an;
	struct orgref *orgs;
	size_t norgs = org_list(x, &orgs);
	free(orgs);

	put_text(x, ws, r++, 0, "Основные сведения", x->h2);
	header_row(x, ws, r++, 0, hdr, 3);
	put_text(x, ws, r, 0, "Организаций в мониторинге", x->text);
	put_num(x, ws, r, 1, (double)(x->c->ds ? x->c->ds->orgs.n : norgs),
		x->cnt);
	track(x, worksheet_write_blank(ws, r++, 2, x->text));
	if (an) {
		size_t ok = 0, assessed = 0;
		for (size_t i = 0; i < an->ncodes; i++) {
			if (an->district.st[i].status == AN_NODATA)
				continue;
			assessed++;
			ok += an->district.st[i].status == AN_ACHIEVED;
		}
		put_text(x, ws, r, 0, "Показателей достигнуто (из оцененных)",
			 x->text);
		put_text(x, ws, r, 1, arena_printf(&x->ar,
						   "%zu из %zu", ok, assessed),
			 x->right);
		track(x, worksheet_write_blank(ws, r++, 2, x->text));
	}
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		const struct figure *f = dfig(x, codes[i], "");
		if (!f)
			continue;
		put_text(x, ws, r, 0, full_name(codes[i]), x->wrap);
		put_value(x, ws, r, 1, f);
		put_text(x, ws, r++, 2, codes[i], x->text);
	}
	return r + 1;
}

static lxw_row_t summary_problems(struct xw *x, lxw_worksheet *ws,
				  lxw_row_t r)
{
	static const char *const hdr[] = {
		"Показатель (по убыванию отставания)", "Значение",
		"Целевое значение", "Отставание", "Код"
	};
	const struct analysis *an = x->c->an;
	put_text(x, ws, r++, 0, "Проблемные зоны района", x->h2);
	if (!an) {
		put_text(x, ws, r++, 0, "Анализ не выполнен.", x->note);
		return r + 1;
	}
	if (!an->district.nproblems) {
		put_text(x, ws, r++, 0, "Все оцениваемые показатели района "
			 "достигли целевых значений.", x->note);
		return r + 1;
	}
	header_row(x, ws, r++, 0, hdr, 5);
	for (size_t i = 0; i < an->district.nproblems; i++, r++) {
		const struct an_status *s =
			&an->district.st[an->district.problems[i]];
		int kind = code_kind(x, s->code);
		put_text(x, ws, r, 0, full_name(s->code), x->wrap);
		if (s->has_value)
			put_tenths(x, ws, r, 1, kind, s->value);
		else
			put_text(x, ws, r, 1, NODATA, x->na);
		put_tenths(x, ws, r, 2, kind, s->target);
		/* a shortfall, not a change: no sign */
		if (kind == FK_SHARE)
			put_num(x, ws, r, 3, (double)s->gap / 10.0, x->pp);
		else
			put_tenths(x, ws, r, 3, kind, s->gap);
		put_text(x, ws, r, 4, s->code, x->text);
	}
	return r + 1;
}

static lxw_row_t summary_completeness(struct xw *x, lxw_worksheet *ws,
				      lxw_row_t r)
{
	static const char *const hdr[] = {
		"Код ОО", "Организация", "Кадры", "Диагностика", "Курсы",
		"Наставничество", "Вакансии", "Отклонено строк",
		"Строк с предупреждениями", "Папка / файлы"
	};
	const struct dataset *ds = x->c->ds;
	const struct diag_list *dl = x->c->dl;
	struct completeness k;
	int *ix;
	size_t i, nothing = 0;

	put_text(x, ws, r++, 0, "Полнота данных по организациям", x->h2);
	if (!ds) {
		put_text(x, ws, r++, 0, "Сведения о файлах не переданы.",
			 x->note);
		return r + 1;
	}
	put_text(x, ws, r++, 0, "Принятые строки каждого вида файлов; "
		 "«—» — строк нет. Диагностика и курсы отнесены к основному "
		 "месту работы педагога.", x->note);
	completeness_fill(x->c, &k);
	ix = orgs_by_id(ds);
	header_row(x, ws, r++, 0, hdr, 10);
	for (i = 0; i < ds->orgs.n; i++, r++) {
		int o = ix[i];
		const struct org *org = &ds->orgs.v[o];
		char *files = NULL;
		size_t flen = 0;
		long total = 0;
		put_text(x, ws, r, 0, org->id, x->text);
		put_text(x, ws, r, 1, org->name, x->text);
		for (int kd = KIND_STAFF; kd <= KIND_VACANCIES; kd++) {
			long n = k.rows[o][kd];
			lxw_col_t c = (lxw_col_t)(kd - KIND_STAFF + 2);
			total += n;
			if (n)
				put_long(x, ws, r, c, n);
			else
				put_text(x, ws, r, c, "—", x->na);
		}
		put_long(x, ws, r, 7, k.rejected[o]);
		put_long(x, ws, r, 8, k.warned[o]);
		/* the folders (or names) of its files, each once */
		for (size_t f = 0; f < k.nfiles; f++) {
			if (!k.infile[(size_t)o * k.nfiles + f] ||
			    dl->files[f].kind == KIND_ORGS)
				continue;
			const char *p = dl->files[f].path;
			const char *sl = strrchr(p, '/');
			size_t pl = sl ? (size_t)(sl - p) : strlen(p);
			bool dup = false;
			for (const char *q = files; q && *q && !dup;) {
				size_t ql = strcspn(q, ";");
				dup = ql == pl && !strncmp(q, p, pl);
				q += ql;
				q += *q ? 2 : 0;
			}
			if (dup)
				continue;
			files = xrealloc(files, flen + pl + 3);
			if (flen) {
				memcpy(files + flen, "; ", 2);
				flen += 2;
			}
			memcpy(files + flen, p, pl);
			flen += pl;
			files[flen] = '\0';
		}
		put_text(x, ws, r, 9, files ? files : "—", x->text);
		free(files);
		if (!total && !k.rejected[o] && !k.warned[o])
			nothing++;
	}
	r++;
	if (nothing) {
		put_text(x, ws, r++, 0, "Не представили ни одной строки "
			 "данных (кроме реестра организаций):", x->bold);
		for (i = 0; i < ds->orgs.n; i++) {
			int o = ix[i];
			long total = k.rejected[o] + k.warned[o];
			for (int kd = KIND_STAFF; kd <= KIND_VACANCIES; kd++)
				total += k.rows[o][kd];
			if (total)
				continue;
			put_text(x, ws, r, 0, ds->orgs.v[o].id, x->text);
			put_text(x, ws, r++, 1, ds->orgs.v[o].name, x->text);
		}
	} else {
		put_text(x, ws, r++, 0, "Данные представили все организации.",
			 x->note);
	}
	if (k.unattributed)
		put_text(x, ws, r++, 0, arena_printf(&x->ar,
			 "Отклонённых строк без установленной организации: "
			 "%ld",
			 k.unattributed), x->note);
	free(ix);
	completeness_free(&k);
	return r + 1;
}

static int sheet_summary(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "Сводка");
	const struct template *t = x->c->t;
	lxw_row_t r;
	if (!ws)
		return -1;
	set_col(x, ws, 0, 0, 46);
	set_col(x, ws, 1, 1, 34);
	set_col(x, ws, 2, 2, 18);
	set_col(x, ws, 3, 8, 13);
	set_col(x, ws, 9, 9, 30);
	sheet_title(x, ws, "Мониторинг кадрового потенциала системы "
		    "образования");
	r = 2;
	if (t && t->department && *t->department)
		put_text(x, ws, r++, 0, t->department, x->subtitle);
	r++;
	r = summary_headline(x, ws, r);
	r = summary_problems(x, ws, r);
	r = summary_completeness(x, ws, r);
	(void)r;
	page_setup(x, ws, -1, 0);
	worksheet_activate(ws);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Показатели
 * ------------------------------------------------------------------------
 */

static const struct figure *earlier(struct xw *x, int yyyymm,
				    const char *code, const char *bd)
{
	const struct figure *f = NULL;
	char yb[32];
	if (x->c->hist &&
	    history_value(x->c->hist, yyyymm / 100, yyyymm % 100, code, bd,
			  &f))
		return f;
	/* history_apply's year rows (I16-I18) when hist is not at hand */
	if (yyyymm % 100 != x->month)
		return NULL;
	if (bd && *bd)
		snprintf(yb, sizeof(yb), "year:%d;", yyyymm / 100);
	else
		snprintf(yb, sizeof(yb), "year:%d", yyyymm / 100);
	if (bd && *bd) {
		char *k = arena_printf(&x->ar, "%s%s", yb, bd);
		return dfig(x, code, k);
	}
	return dfig(x, code, yb);
}

static int sheet_indicators(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "Показатели");
	const char *hdr[8 + MAX_PERIODS];
	size_t nh = 0, np = x->nperiods;
	lxw_row_t r = 3, first, last_share = 0, first_share = 0;
	bool any_share = false;
	struct arena *a = &x->ar;
	if (!ws)
		return -1;
	set_col(x, ws, 0, 0, W_CODE);
	set_col(x, ws, 1, 1, 62);
	set_col(x, ws, 2, 5, 12);
	set_col(x, ws, 6, 6, 15);
	set_col(x, ws, 7, (lxw_col_t)(7 + np), 13);
	sheet_title(x, ws, "Показатели системы профессионального развития "
		    "(I01–I18)");
	hdr[nh++] = "Код";
	hdr[nh++] = "Показатель";
	hdr[nh++] = "Числитель";
	hdr[nh++] = "Знаменатель";
	hdr[nh++] = "Значение";
	hdr[nh++] = "Целевое значение";
	hdr[nh++] = "Статус";
	for (size_t i = 0; i < np; i++)
		hdr[nh++] = arena_printf(a, "%04d-%02d", x->periods[i] / 100,
					 x->periods[i] % 100);
	hdr[nh++] = np ? arena_printf(a, "Изменение к %04d-%02d",
				      x->periods[np - 1] / 100,
				      x->periods[np - 1] % 100) :
		"Изменение";
	header_row(x, ws, r, 0, hdr, nh);
	track(x, worksheet_set_row(ws, r, 30, NULL));
	first = ++r;
	for (int i = 1; i <= 18; i++, r++) {
		const struct catalog_entry *e = catalog_indicator(i);
		char code[8];
		const struct figure *f, *prev = NULL;
		int64_t tgt;
		int dir;
		snprintf(code, sizeof(code), "I%02d", i);
		f = dfig(x, code, "");
		put_text(x, ws, r, 0, code, x->bold);
		put_text(x, ws, r, 1, e ? e->name : full_name(code), x->wrap);
		put_numden(x, ws, r, 2, f);
		put_value(x, ws, r, 4, f);
		int kind = f ? f->kind : code_kind(x, code);
		if (kind == FK_SHARE) {
			if (!any_share)
				first_share = r;
			any_share = true;
			last_share = r;
		}
		if (target_of(x, code, &tgt, &dir))
			put_tenths(x, ws, r, 5, kind, tgt);
		else
			put_text(x, ws, r, 5, "не установлено", x->na);
		const struct an_status *s = x->c->an ?
			analysis_status(x->c->an, &x->c->an->district, code) :
			NULL;
		if (!s)
			put_text(x, ws, r, 6, "не оценивается", x->na);
		else
			put_text(x, ws, r, 6, an_status_name(s->status),
				 s->status == AN_ACHIEVED ? x->ok :
				 s->status == AN_NOT_ACHIEVED ? x->bad :
				 x->na);
		for (size_t j = 0; j < np; j++) {
			prev = earlier(x, x->periods[j], code, "");
			put_value(x, ws, r, (lxw_col_t)(7 + j), prev);
		}
		put_change(x, ws, r, (lxw_col_t)(7 + np), f, prev);
	}
	worksheet_autofilter(ws, 3, 0, r - 1, (lxw_col_t)(nh - 1));
	r++;
	put_text(x, ws, r++, 0, "Проценты — доля от знаменателя; изменение "
		 "долей — в процентных пунктах (п.п.), численности — в "
		 "человеках.", x->note);
	/* Indicators against targets: the shares, as columns. */
	if (any_share && last_share - first_share < 20) {
		lxw_chart *ch = new_chart(x, LXW_CHART_COLUMN,
					  "Показатели района и целевые "
					  "значения, %");
		if (ch) {
			series(ch, "Показатели", "Значение", first_share, 0,
			       last_share, 4, 0, 4);
			series(ch, "Показатели", "Целевое значение",
			       first_share, 0, last_share, 5, 0, 5);
			chart_axis_set_num_format(ch->y_axis, "0%");
			chart_axis_set_min(ch->y_axis, 0);
			lxw_row_t br[] = { r + 1, 0 };
			track(x, worksheet_set_h_pagebreaks(ws, br));
			place_chart(x, ws, r + 1, 0, ch, 2.4, 1.3);
		}
	}
	(void)first;
	page_setup(x, ws, 3, 2);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * По организациям
 * ------------------------------------------------------------------------
 */

/* Indicator codes that have organization figures. */
static size_t org_codes(struct xw *x, const char **codes)
{
	size_t n = 0;
	for (int i = 1; i <= 18; i++) {
		const struct catalog_entry *e = catalog_indicator(i);
		char code[8];
		snprintf(code, sizeof(code), "I%02d", i);
		if (e && !(e->scopes & CAT_ORG))
			continue;
		if (!e) {
			/* no catalogue: look for any org row of the code */
			bool found = false;
			for (size_t j = 0; j < x->c->fs->n && !found; j++)
				found = x->c->fs->v[j].scope == SCOPE_ORG &&
					!strcmp(x->c->fs->v[j].code, code);
			if (!found)
				continue;
		}
		codes[n++] = e ? e->code : arena_strdup(&x->ar, code);
	}
	return n;
}

/* Green when the target is met, red when not (numbers only). */
static void target_colours(struct xw *x, lxw_worksheet *ws, lxw_row_t r1,
			   lxw_row_t r2, lxw_col_t c, const char *code)
{
	int64_t tgt;
	int dir, kind = code_kind(x, code);
	char cell[16], rule[128];
	lxw_conditional_format cf = { 0 };
	if (r2 < r1 || !target_of(x, code, &tgt, &dir))
		return;
	lxw_rowcol_to_cell(cell, r1, c);
	/* Integers only, so no decimal mark enters the formula. */
	const char *scale = kind == FK_SHARE ? "1000" : "10";
	const char *ge = dir == TD_MAX ? "<=" : ">=";
	const char *lt = dir == TD_MAX ? ">" : "<";
	snprintf(rule, sizeof(rule),
		 "=AND(ISNUMBER(%s),ROUND(%s*%s,0)%s%" PRId64 ")", cell, cell,
		 scale, ge, tgt);
	cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
	cf.value_string = rule;
	cf.format = x->cf_ok;
	track(x, worksheet_conditional_format_range(ws, r1, c, r2, c, &cf));
	snprintf(rule, sizeof(rule),
		 "=AND(ISNUMBER(%s),ROUND(%s*%s,0)%s%" PRId64 ")", cell, cell,
		 scale, lt, tgt);
	cf.format = x->cf_bad;
	track(x, worksheet_conditional_format_range(ws, r1, c, r2, c, &cf));
}

static int sheet_orgs(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "По организациям");
	const char *codes[18];
	size_t nc = org_codes(x, codes);
	struct orgref *orgs;
	size_t no = org_list(x, &orgs);
	const struct analysis *an = x->c->an;
	struct arena *a = &x->ar;
	lxw_row_t r = 3, first;
	lxw_col_t c0 = 3, cl = (lxw_col_t)(c0 + nc);
	if (!ws) {
		free(orgs);
		return -1;
	}
	set_col(x, ws, 0, 0, 10);
	set_col(x, ws, 1, 1, 40);
	set_col(x, ws, 2, 2, 8);
	set_col(x, ws, c0, cl, 12);
	set_col(x, ws, cl + 1, cl + 1, 40);
	sheet_title(x, ws, "Показатели по организациям");
	put_text(x, ws, r, 0, "Код ОО", x->hdr);
	put_text(x, ws, r, 1, "Организация", x->hdr);
	put_text(x, ws, r, 2, "Кластер", x->hdr);
	for (size_t i = 0; i < nc; i++)
		put_text(x, ws, r, c0 + (lxw_col_t)i,
			 arena_printf(a, "%s\n%s", codes[i],
				      short_name(codes[i])), x->hdr);
	put_text(x, ws, r, cl, "Достигнуто", x->hdr);
	put_text(x, ws, r, cl + 1, "Проблемные зоны (по убыванию отставания)",
		 x->hdr);
	track(x, worksheet_set_row(ws, r, 75, NULL));
	first = ++r;
	for (size_t o = 0; o < no; o++, r++) {
		const struct an_scope *sc = an ? analysis_org(an, orgs[o].id) :
			NULL;
		put_text(x, ws, r, 0, orgs[o].id, x->text);
		put_text(x, ws, r, 1, orgs[o].name, x->text);
		if (sc && sc->cluster > 0)
			put_num(x, ws, r, 2, sc->cluster, x->cnt);
		else
			track(x, worksheet_write_blank(ws, r, 2, x->text));
		for (size_t i = 0; i < nc; i++)
			put_value(x, ws, r, c0 + (lxw_col_t)i,
				  ofig(x, orgs[o].id, codes[i]));
		if (sc) {
			size_t ok = 0, as = 0;
			char *pz = arena_strdup(a, "");
			for (size_t i = 0; i < an->ncodes; i++) {
				as += sc->st[i].status != AN_NODATA;
				ok += sc->st[i].status == AN_ACHIEVED;
			}
			for (size_t i = 0; i < sc->nproblems; i++) {
				const char *pc = sc->st[sc->problems[i]].code;
				pz = arena_printf(a, "%s%s%s", pz,
						  i ? ", " : "", pc);
			}
			put_text(x, ws, r, cl, arena_printf(a, "%zu из %zu",
							    ok, as), x->right);
			put_text(x, ws, r, cl + 1, pz, x->wrap);
		} else {
			track(x, worksheet_write_blank(ws, r, cl, x->text));
			track(x, worksheet_write_blank(ws, r, cl + 1,
						       x->text));
		}
	}
	if (no)
		worksheet_autofilter(ws, 3, 0, r - 1, cl + 1);
	for (size_t i = 0; i < nc && no; i++)
		target_colours(x, ws, first, r - 1, c0 + (lxw_col_t)i,
			       codes[i]);
	/* The district below the filter range, for comparison. */
	put_text(x, ws, r, 0, "Район", x->bold);
	put_text(x, ws, r, 1, x->did, x->bold);
	track(x, worksheet_write_blank(ws, r, 2, x->text));
	for (size_t i = 0; i < nc; i++)
		put_value(x, ws, r, c0 + (lxw_col_t)i, dfig(x, codes[i], ""));
	r += 2;
	put_text(x, ws, r++, 0, "Цвет ячейки: зелёный — целевое значение "
		 "района достигнуто, красный — не достигнуто.", x->note);
	page_setup(x, ws, 3, 2);
	free(orgs);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * По предметам
 * ------------------------------------------------------------------------
 */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int sheet_subjects(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "По предметам");
	const struct figures *fs = x->c->fs;
	const char **codes = NULL, **subj = NULL;
	size_t nc = 0, cc = 0, ns = 0, cs = 0, i, lo;
	struct arena *a = &x->ar;
	lxw_row_t r = 3;
	if (!ws)
		return -1;
	sheet_title(x, ws, "Показатели по предметам");
	/* Codes with subject rows, in catalogue order (else figure order). */
	lo = lower(fs, SCOPE_DISTRICT, x->did, "");
	for (i = lo; i < fs->n && fs->v[i].scope == SCOPE_DISTRICT &&
	     !strcmp(fs->v[i].scope_id, x->did); i++) {
		const struct figure *f = &fs->v[i];
		if (!starts(f->breakdown, "subject:"))
			continue;
		if (!nc || strcmp(codes[nc - 1], f->code))
			*(const char **)VEC_PUSH(codes, nc, cc) = f->code;
		*(const char **)VEC_PUSH(subj, ns, cs) =
			f->breakdown + strlen("subject:");
	}
	if (ns)
		qsort(subj, ns, sizeof(*subj), cmp_str);
	size_t nu = 0;
	for (i = 0; i < ns; i++)
		if (!nu || strcmp(subj[nu - 1], subj[i]))
			subj[nu++] = subj[i];
	/* catalogue order of the codes */
	const char **ord = xmalloc((nc + 1) * sizeof(*ord));
	size_t no = 0;
	for (size_t k = 0; k < catalog_count(); k++)
		for (i = 0; i < nc; i++)
			if (!strcmp(catalog_at(k)->code, codes[i]))
				ord[no++] = codes[i];
	if (no != nc) {
		memcpy(ord, codes, nc * sizeof(*ord));
		no = nc;
	}
	set_col(x, ws, 0, 0, 34);
	set_col(x, ws, 1, (lxw_col_t)(no ? no : 1), 13);
	if (!nu) {
		put_text(x, ws, r, 0, "Показателей в разрезе предметов нет.",
			 x->note);
		goto out;
	}
	put_text(x, ws, r, 0, "Предмет", x->hdr);
	for (i = 0; i < no; i++)
		put_text(x, ws, r, (lxw_col_t)(i + 1),
			 arena_printf(a, "%s\n%s", ord[i],
				      short_name(ord[i])), x->hdr);
	track(x, worksheet_set_row(ws, r, 75, NULL));
	r++;
	for (size_t s = 0; s < nu; s++, r++) {
		char *bd = arena_printf(a, "subject:%s", subj[s]);
		put_text(x, ws, r, 0, subj[s], x->text);
		for (i = 0; i < no; i++) {
			const struct figure *f = dfig(x, ord[i], bd);
			if (f)
				put_value(x, ws, r, (lxw_col_t)(i + 1), f);
			else
				put_text(x, ws, r, (lxw_col_t)(i + 1), "—",
					 x->na);
		}
	}
	worksheet_autofilter(ws, 3, 0, r - 1, (lxw_col_t)no);
	r++;
	put_text(x, ws, r++, 0, "«—» — показатель по предмету не "
		 "рассчитывается или по предмету нет педагогов.", x->note);
	/* Young teachers and the need, by subject. */
	for (i = 0; i < no && nu <= MAX_CHART_ROWS; i++) {
		if (strcmp(ord[i], "I18") && strcmp(ord[i], "K.need"))
			continue;
		lxw_chart *ch = new_chart(x, LXW_CHART_BAR,
					  short_name(ord[i]));
		if (!ch)
			continue;
		series(ch, "По предметам", NULL, 4, 0, (lxw_row_t)(3 + nu),
		       (lxw_col_t)(i + 1), 0, (lxw_col_t)(i + 1));
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		bar_axes(ch, false);
		place_chart(x, ws, r + 1, !strcmp(ord[i], "I18") ? 0 : 5, ch,
			    1.3, 1.0 + (double)nu / 20.0);
	}
out:
	page_setup(x, ws, 3, 1);
	free(codes);
	free(subj);
	free(ord);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Section sheets (S, M, D, K)
 * ------------------------------------------------------------------------
 */

struct chart_spec {
	uint8_t type;           /* LXW_CHART_* */
	const char *title;
	const char *codes;      /* space-separated codes (their totals) */
	const char *code;       /* or: the breakdown rows of this code */
	const char *prefix;     /* with this breakdown prefix */
};

struct section_spec {
	const char *sheet, *title;
	char section;
	const char *order;      /* codes first, in this order */
	const struct chart_spec *charts;
	const char *org_chart;  /* per-org chart of this code */
	const char *org_chart_title;
};

static const struct chart_spec s_charts[] = {
	{ LXW_CHART_COLUMN, "Возрастная структура учителей, %",
	  "S.age.under25 S.age.25-29 S.age.30-34 S.age.35-39 S.age.40-44 "
	  "S.age.45-49 S.age.50-54 S.age.55-59 S.age.60-64 S.age.65+", NULL,
	  NULL },
	{ LXW_CHART_PIE, "Квалификационные категории учителей",
	  "S.cat.high S.cat.first S.cat.szd S.cat.none", NULL, NULL },
	{ LXW_CHART_COLUMN, "Педагогический стаж учителей, %",
	  "S.exp.under3 S.exp.3-5 S.exp.5-10 S.exp.10-15 S.exp.15-20 "
	  "S.exp.20+", NULL, NULL },
	{ LXW_CHART_BAR, "Педагогические работники по должностям", NULL,
	  "S.staff", "position:" },
	{ 0, NULL, NULL, NULL, NULL }
};

static const struct chart_spec m_charts[] = {
	{ LXW_CHART_PIE, "Активные пары по формам наставничества", NULL,
	  "M.pairs.active", "form:" },
	{ 0, NULL, NULL, NULL, NULL }
};

static const struct chart_spec d_charts[] = {
	{ LXW_CHART_BAR, "Педагоги с дефицитами по областям", NULL,
	  "D.with_deficit", "area:" },
	{ LXW_CHART_BAR, "Педагоги с дефицитами по предметам", NULL,
	  "D.with_deficit", "subject:" },
	{ 0, NULL, NULL, NULL, NULL }
};

static const struct chart_spec k_charts[] = {
	{ LXW_CHART_BAR, "Потребность в кадрах по предметам (текущая и "
	  "среднесрочная)", NULL, "K.need", "subject:" },
	{ LXW_CHART_PIE, "Вакансии по горизонту", NULL, "K.vacancies",
	  "horizon:" },
	{ 0, NULL, NULL, NULL, NULL }
};

static const struct section_spec sections[] = {
	{ "Кадровый состав", "Кадровый состав (учителя общеобразовательных "
	  "организаций)", 'S',
	  "S.count S.staff S.edu.higher S.cat.high S.cat.first S.cat.szd "
	  "S.cat.none S.age.under25 S.age.25-29 S.age.30-34 S.age.35-39 "
	  "S.age.40-44 S.age.45-49 S.age.50-54 S.age.55-59 S.age.60-64 "
	  "S.age.65+ S.age.35-59 S.age.under35 S.exp.under3 S.exp.3-5 "
	  "S.exp.5-10 S.exp.10-15 S.exp.15-20 S.exp.20+ S.women",
	  s_charts, NULL, NULL },
	{ "Наставничество", "Наставничество", 'M',
	  "M.beginners M.beginners.covered M.young_beginners "
	  "M.young_beginners.covered M.pairs.active M.pairs.paid "
	  "M.mentors.active M.mentors.over_limit",
	  m_charts, "M.beginners.covered",
	  "Охват начинающих педагогов наставничеством по организациям" },
	{ "Дефициты", "Профессиональные дефициты", 'D',
	  "D.diagnosed D.with_deficit D.addressed D.iom",
	  d_charts, "D.addressed",
	  "Доля устранённых дефицитов по организациям" },
	{ "Потребность в кадрах", "Потребность в кадрах", 'K',
	  "K.vacancies K.need K.teachers60 K.overloaded K.target_contract "
	  "K.arrived",
	  k_charts, "K.vacancies", "Вакансии по организациям" },
};

/* Codes of a section: `order` first, then the catalogue's others. */
static size_t section_codes(const struct section_spec *sp, struct arena *a,
			    const char ***out)
{
	const char **v = NULL;
	size_t n = 0, cap = 0;
	char buf[64];
	const char *s = sp->order;
	while (*s) {
		size_t len = strcspn(s, " ");
		if (len && len < sizeof(buf)) {
			const struct catalog_entry *e;
			memcpy(buf, s, len);
			buf[len] = '\0';
			e = catalog_find(buf);
			*(const char **)VEC_PUSH(v, n, cap) =
				e ? e->code : arena_strdup(a, buf);
		}
		s += len;
		while (*s == ' ')
			s++;
	}
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_entry *e = catalog_at(i);
		bool have = false;
		if (e->section != sp->section)
			continue;
		for (size_t j = 0; j < n && !have; j++)
			have = !strcmp(v[j], e->code);
		if (!have)
			*(const char **)VEC_PUSH(v, n, cap) = e->code;
	}
	*out = v;
	return n;
}

static bool find_rows(const struct trow *t, size_t n,
		      const struct chart_spec *cs, lxw_row_t *r1,
		      lxw_row_t *r2)
{
	size_t i;
	if (cs->code) {
		bool found = false;
		for (i = 0; i < n; i++) {
			if (strcmp(t[i].code, cs->code) ||
			    !starts(t[i].breakdown, cs->prefix))
				continue;
			if (!found)
				*r1 = t[i].row;
			else if (t[i].row != *r2 + 1)
				return false;
			*r2 = t[i].row;
			found = true;
		}
		return found && *r2 - *r1 < MAX_CHART_ROWS;
	}
	/* a run of totals, in the order given */
	const char *s = cs->codes;
	bool first = true;
	while (*s) {
		size_t len = strcspn(s, " ");
		bool found = false;
		for (i = 0; i < n && !found; i++) {
			if (strlen(t[i].code) != len ||
			    strncmp(t[i].code, s, len) || *t[i].breakdown)
				continue;
			found = true;
			if (first)
				*r1 = t[i].row;
			else if (t[i].row != *r2 + 1)
				return false;
			*r2 = t[i].row;
			first = false;
		}
		if (!found)
			return false;
		s += len;
		while (*s == ' ')
			s++;
	}
	return !first;
}

static int sheet_section(struct xw *x, const struct section_spec *sp)
{
	static const char *const hdr[] = {
		"Код", "Показатель", "Разрез", "Числитель", "Знаменатель",
		"Значение"
	};
	lxw_worksheet *ws = add_sheet(x, sp->sheet);
	const struct figures *fs = x->c->fs;
	struct arena *a = &x->ar;
	const char **codes;
	size_t nc = section_codes(sp, a, &codes);
	struct trow *rows = NULL;
	size_t nrows = 0, caprows = 0;
	struct orgref *orgs = NULL;
	size_t no = 0;
	lxw_row_t r = 3, hdr_row = 3;
	if (!ws) {
		free(codes);
		return -1;
	}
	/* Per-organization totals of the section's org-level codes. */
	const char **oc = xmalloc((nc + 1) * sizeof(*oc));
	size_t noc = 0;
	for (size_t i = 0; i < nc; i++) {
		const struct catalog_entry *e = catalog_find(codes[i]);
		if (e && (e->scopes & CAT_ORG))
			oc[noc++] = codes[i];
	}
	/* charts right of both tables, after a narrow gap */
	lxw_col_t chart_col = (lxw_col_t)(2 + noc > 6 ? 2 + noc : 6) + 1;
	set_col(x, ws, 0, 0, 24);
	set_col(x, ws, 1, 1, 42);
	set_col(x, ws, 2, 2, 30);
	set_col(x, ws, 3, chart_col - 2, 12);
	set_col(x, ws, chart_col - 1, chart_col - 1, 3);
	sheet_title(x, ws, sp->title);
	header_row(x, ws, r++, 0, hdr, 6);
	for (size_t i = 0; i < nc; i++) {
		size_t j = lower(fs, SCOPE_DISTRICT, x->did, codes[i]);
		for (; j < fs->n && same_key(&fs->v[j], SCOPE_DISTRICT,
					     x->did, codes[i]); j++) {
			const struct figure *f = &fs->v[j];
			if (starts(f->breakdown, "year:"))
				continue;       /* the Динамика sheet's */
			struct trow *t = VEC_PUSH(rows, nrows, caprows);
			t->code = f->code;
			t->breakdown = f->breakdown;
			t->row = r;
			put_text(x, ws, r, 0, f->code, *f->breakdown ?
				 x->text : x->bold);
			put_text(x, ws, r, 1, short_name(f->code), x->wrap);
			put_text(x, ws, r, 2, bd_label(x, f->breakdown),
				 x->text);
			put_numden(x, ws, r, 3, f);
			put_value(x, ws, r++, 5, f);
		}
	}
	if (!nrows)
		put_text(x, ws, r++, 0, "Показателей раздела нет (файлы, "
			 "нужные для расчёта, не представлены).", x->note);
	else
		worksheet_autofilter(ws, hdr_row, 0, r - 1, 5);
	r++;
	lxw_row_t org_first = 0, org_hdr = 0;
	lxw_col_t org_chart_col = 0;
	if (noc) {
		no = org_list(x, &orgs);
		put_text(x, ws, r++, 0, "По организациям", x->h2);
		org_hdr = r;
		put_text(x, ws, r, 0, "Код ОО", x->hdr);
		put_text(x, ws, r, 1, "Организация", x->hdr);
		for (size_t i = 0; i < noc; i++) {
			put_text(x, ws, r, (lxw_col_t)(2 + i),
				 arena_printf(a, "%s\n%s", oc[i],
					      short_name(oc[i])), x->hdr);
			if (sp->org_chart && !strcmp(oc[i], sp->org_chart))
				org_chart_col = (lxw_col_t)(2 + i);
		}
		track(x, worksheet_set_row(ws, r, 60, NULL));
		org_first = ++r;
		for (size_t o = 0; o < no; o++, r++) {
			put_text(x, ws, r, 0, orgs[o].id, x->text);
			put_text(x, ws, r, 1, orgs[o].name, x->text);
			for (size_t i = 0; i < noc; i++)
				put_value(x, ws, r, (lxw_col_t)(2 + i),
					  ofig(x, orgs[o].id, oc[i]));
		}
	}
	(void)org_hdr;
	/* Charts to the right of the table. */
	lxw_row_t cr = 3;
	for (const struct chart_spec *cs = sp->charts; cs->title; cs++) {
		lxw_row_t r1 = 0, r2 = 0;
		if (!find_rows(rows, nrows, cs, &r1, &r2))
			continue;
		lxw_chart *ch = new_chart(x, cs->type, cs->title);
		if (!ch)
			continue;
		lxw_chart_series *se = series(ch, sp->sheet, NULL, r1,
					      cs->code ? 2 : 1, r2, 5,
					      cs->code ? 2 : 1, 5);
		if (cs->type == LXW_CHART_PIE) {
			chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
			if (se)
				chart_series_set_labels_percentage(se);
		} else {
			chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		}
		if (cs->type == LXW_CHART_BAR)
			bar_axes(ch, false);
		else if (cs->type != LXW_CHART_PIE && cs->codes)
			chart_axis_set_num_format(ch->y_axis, "0%");
		place_chart(x, ws, cr, chart_col, ch, 1.5, 1.1);
		cr += 18;
	}
	if (org_chart_col && no && no <= MAX_CHART_ROWS) {
		lxw_chart *ch = new_chart(x, LXW_CHART_BAR,
					  sp->org_chart_title);
		if (ch) {
			series(ch, sp->sheet, NULL, org_first, 1,
			       org_first + (lxw_row_t)no - 1, org_chart_col,
			       1, org_chart_col);
			chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
			bar_axes(ch, code_kind(x, sp->org_chart) == FK_SHARE);
			place_chart(x, ws, cr, chart_col, ch, 1.5,
				    1.0 + (double)no / 25.0);
		}
	}
	page_setup(x, ws, (int)hdr_row, 0);
	free(orgs);
	free(oc);
	free(rows);
	free(codes);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Динамика
 * ------------------------------------------------------------------------
 */

static int sheet_dynamics(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "Динамика");
	struct arena *a = &x->ar;
	size_t np = x->nperiods, i;
	lxw_row_t r = 3, hdr_row = 3, share1 = 0, share2 = 0, cnt1 = 0;
	lxw_row_t cnt2 = 0;
	bool shares = false, counts = false;
	lxw_col_t cur = (lxw_col_t)(2 + np);
	if (!ws)
		return -1;
	set_col(x, ws, 0, 0, W_CODE);
	set_col(x, ws, 1, 1, W_NAME);
	set_col(x, ws, 2, cur + 1, 14);
	sheet_title(x, ws, "Динамика показателей");
	put_text(x, ws, r, 0, "Код", x->hdr);
	put_text(x, ws, r, 1, "Показатель", x->hdr);
	for (i = 0; i < np; i++)
		put_text(x, ws, r, (lxw_col_t)(2 + i),
			 arena_printf(a, "%04d-%02d", x->periods[i] / 100,
				      x->periods[i] % 100), x->hdr);
	put_text(x, ws, r, cur, arena_printf(a, "%s (текущий)",
					     x->c->fs->period), x->hdr);
	put_text(x, ws, r, cur + 1, "Изменение", x->hdr);
	track(x, worksheet_set_row(ws, r, 30, NULL));
	r++;
	/* Shares first, then counts, so each chart reads one block. */
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 1; k <= 18; k++) {
			char code[8];
			const struct figure *f, *prev = NULL;
			snprintf(code, sizeof(code), "I%02d", k);
			f = dfig(x, code, "");
			int kind = f ? f->kind : code_kind(x, code);
			if ((pass == 0) != (kind == FK_SHARE))
				continue;
			put_text(x, ws, r, 0, code, x->bold);
			put_text(x, ws, r, 1, short_name(code), x->wrap);
			for (i = 0; i < np; i++) {
				prev = earlier(x, x->periods[i], code, "");
				put_value(x, ws, r, (lxw_col_t)(2 + i), prev);
			}
			put_value(x, ws, r, cur, f);
			put_change(x, ws, r, cur + 1, f, prev);
			if (pass == 0) {
				if (!shares)
					share1 = r;
				share2 = r;
				shares = true;
			} else {
				if (!counts)
					cnt1 = r;
				cnt2 = r;
				counts = true;
			}
			r++;
		}
	}
	/* I18 by subject */
	const struct figures *fs = x->c->fs;
	size_t j = lower(fs, SCOPE_DISTRICT, x->did, "I18");
	for (; j < fs->n && same_key(&fs->v[j], SCOPE_DISTRICT, x->did,
				     "I18"); j++) {
		const struct figure *f = &fs->v[j], *prev = NULL;
		if (!starts(f->breakdown, "subject:"))
			continue;
		put_text(x, ws, r, 0, "I18", x->text);
		put_text(x, ws, r, 1, arena_printf(a, "%s: %s",
			 short_name("I18"), f->breakdown + 8), x->wrap);
		for (i = 0; i < np; i++) {
			prev = earlier(x, x->periods[i], "I18", f->breakdown);
			put_value(x, ws, r, (lxw_col_t)(2 + i), prev);
		}
		put_value(x, ws, r, cur, f);
		put_change(x, ws, r, cur + 1, f, prev);
		r++;
	}
	worksheet_autofilter(ws, hdr_row, 0, r - 1, cur + 1);
	r++;
	if (!np) {
		put_text(x, ws, r++, 0, "Сводки прошлых лет не загружены "
			 "(параметр --history): приведены только текущие "
			 "значения.", x->note);
	} else {
		put_text(x, ws, r++, 0, "Изменение — к последнему из прошлых "
			 "периодов: доли в п.п., численность в человеках.",
			 x->note);
		/* one line per indicator across the periods */
		lxw_chart *ch = shares ? new_chart(x, LXW_CHART_LINE,
			"Динамика показателей (доли), %") : NULL;
		for (lxw_row_t k = share1; ch && k <= share2; k++) {
			lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
			chart_series_set_categories(s, "Динамика", hdr_row, 2,
						    hdr_row, cur);
			chart_series_set_values(s, "Динамика", k, 2, k, cur);
			chart_series_set_name_range(s, "Динамика", k, 0);
			chart_series_set_marker_type(s,
						     LXW_CHART_MARKER_CIRCLE);
		}
		if (ch) {
			chart_axis_set_num_format(ch->y_axis, "0%");
			chart_legend_set_position(ch, LXW_CHART_LEGEND_RIGHT);
			place_chart(x, ws, r + 1, 0, ch, 2.0, 1.5);
		}
		ch = counts ? new_chart(x, LXW_CHART_LINE,
			"Динамика численности, чел.") : NULL;
		for (lxw_row_t k = cnt1; ch && k <= cnt2; k++) {
			lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
			chart_series_set_categories(s, "Динамика", hdr_row, 2,
						    hdr_row, cur);
			chart_series_set_values(s, "Динамика", k, 2, k, cur);
			chart_series_set_name_range(s, "Динамика", k, 0);
			chart_series_set_marker_type(s,
						     LXW_CHART_MARKER_CIRCLE);
		}
		if (ch)
			place_chart(x, ws, r + 25, 0, ch, 2.0, 1.2);
	}
	page_setup(x, ws, (int)hdr_row, 2);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Кластеры
 * ------------------------------------------------------------------------
 */

static int sheet_clusters(struct xw *x)
{
	lxw_worksheet *ws = add_sheet(x, "Кластеры");
	const struct analysis *an = x->c->an;
	struct arena *a = &x->ar;
	lxw_row_t r = 3, hdr_row = 3, c1;
	size_t i, j;
	if (!ws)
		return -1;
	sheet_title(x, ws, "Кластеры общеобразовательных организаций");
	if (!an || !an->k) {
		put_text(x, ws, r, 0, "Кластеризация не выполнена "
			 "(недостаточно организаций или данных).", x->note);
		page_setup(x, ws, -1, 0);
		return 0;
	}
	set_col(x, ws, 0, 0, 9);
	set_col(x, ws, 1, 1, 20);
	set_col(x, ws, 2, 2, 10);
	set_col(x, ws, 3, 3, 40);
	set_col(x, ws, 4, (lxw_col_t)(4 + an->nprofile), 11);
	put_text(x, ws, r, 0, "№", x->hdr);
	put_text(x, ws, r, 1, "Уровень", x->hdr);
	put_text(x, ws, r, 2, "Число ОО", x->hdr);
	put_text(x, ws, r, 3, "Средний уровень", x->hdr);
	for (j = 0; j < an->nprofile; j++)
		put_text(x, ws, r, (lxw_col_t)(4 + j),
			 arena_printf(a, "%s\n%s", an->profile[j],
				      short_name(an->profile[j])), x->hdr);
	track(x, worksheet_set_row(ws, r, 75, NULL));
	c1 = ++r;
	for (i = 0; i < (size_t)an->k; i++, r++) {
		const struct an_cluster *cl = &an->clusters[i];
		put_num(x, ws, r, 0, cl->number, x->cnt);
		put_text(x, ws, r, 1, cl->label, x->text);
		put_num(x, ws, r, 2, (double)cl->nmembers, x->cnt);
		put_tenths(x, ws, r, 3, FK_SHARE, cl->overall);
		for (j = 0; j < an->nprofile; j++) {
			if (cl->has_mean[j])
				put_tenths(x, ws, r, (lxw_col_t)(4 + j),
					   code_kind(x, an->profile[j]),
					   cl->mean[j]);
			else
				put_text(x, ws, r, (lxw_col_t)(4 + j), NODATA,
					 x->na);
		}
	}
	r++;
	lxw_col_t last = (lxw_col_t)(3 + an->nprofile);
	if (an->cluster_method && *an->cluster_method)
		put_para(x, ws, r++, 0, last, an->cluster_method);
	if (x->c->t && x->c->t->cluster_note && *x->c->t->cluster_note)
		put_para(x, ws, r++, 0, last, x->c->t->cluster_note);
	r++;
	put_text(x, ws, r++, 0, "Состав кластеров", x->h2);
	put_text(x, ws, r, 0, "Кластер", x->hdr);
	put_text(x, ws, r, 1, "Уровень", x->hdr);
	lxw_row_t mem_hdr = r;
	put_text(x, ws, r, 2, "Код ОО", x->hdr);
	put_text(x, ws, r, 3, "Организация", x->hdr);
	for (j = 0; j < an->nprofile; j++)
		put_text(x, ws, r, (lxw_col_t)(4 + j), an->profile[j], x->hdr);
	r++;
	for (i = 0; i < (size_t)an->k; i++) {
		const struct an_cluster *cl = &an->clusters[i];
		for (size_t m = 0; m < cl->nmembers; m++, r++) {
			const struct an_scope *o = &an->orgs[cl->members[m]];
			put_num(x, ws, r, 0, cl->number, x->cnt);
			put_text(x, ws, r, 1, cl->label, x->text);
			put_text(x, ws, r, 2, o->id, x->text);
			put_text(x, ws, r, 3, o->name, x->text);
			for (j = 0; j < an->nprofile; j++)
				put_value(x, ws, r, (lxw_col_t)(4 + j),
					  ofig(x, o->id, an->profile[j]));
		}
	}
	/* Mean profiles side by side. */
	if (an->nprofile) {
		lxw_chart *ch = new_chart(x, LXW_CHART_COLUMN,
					  "Средние значения показателей по "
					  "кластерам");
		for (i = 0; ch && i < (size_t)an->k; i++) {
			lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
			/* the members' header: codes only */
			chart_series_set_categories(s, "Кластеры", mem_hdr, 4,
				mem_hdr, (lxw_col_t)(3 + an->nprofile));
			lxw_row_t cr = c1 + (lxw_row_t)i;
			chart_series_set_values(s, "Кластеры", cr, 4, cr,
				(lxw_col_t)(3 + an->nprofile));
			chart_series_set_name_range(s, "Кластеры",
						    c1 + (lxw_row_t)i, 1);
		}
		if (ch) {
			chart_axis_set_num_format(ch->y_axis, "0%");
			place_chart(x, ws, r + 2, 0, ch, 2.2, 1.3);
		}
	}
	page_setup(x, ws, (int)hdr_row, 0);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Рекомендации
 * ------------------------------------------------------------------------
 */

static int sheet_recs(struct xw *x)
{
	static const char *const rh[] = {
		"№", "Адресат", "Показатель", "Значение", "Целевое значение",
		"Рекомендация"
	};
	static const char *const dh[] = {
		"№", "Адресат", "Вид решения", "Срок", "По показателю",
		"Содержание решения"
	};
	lxw_worksheet *ws = add_sheet(x, "Рекомендации");
	const struct analysis *an = x->c->an;
	lxw_row_t r = 3, hdr_row = 3;
	size_t i;
	if (!ws)
		return -1;
	set_col(x, ws, 0, 0, 7);
	set_col(x, ws, 1, 1, 32);
	set_col(x, ws, 2, 2, 34);
	set_col(x, ws, 3, 4, 14);
	set_col(x, ws, 5, 5, 80);
	sheet_title(x, ws, "Адресные рекомендации и проект управленческих "
		    "решений");
	if (!an) {
		put_text(x, ws, r, 0, "Анализ не выполнен.", x->note);
		page_setup(x, ws, -1, 0);
		return 0;
	}
	header_row(x, ws, r++, 0, rh, 6);
	for (i = 0; i < an->nrecs; i++, r++) {
		const struct an_rec *rc = &an->recs[i];
		int kind = rc->to == AN_TO_RMO ? FK_COUNT :
			code_kind(x, rc->code);
		put_num(x, ws, r, 0, (double)(i + 1), x->cnt);
		put_text(x, ws, r, 1, rc->addressee, x->wrap);
		put_text(x, ws, r, 2, rc->to == AN_TO_RMO ?
			 arena_printf(&x->ar, "%s: %s",
				      short_name(rc->code), rc->subject) :
			 arena_printf(&x->ar, "%s %s", rc->code,
				      short_name(rc->code)), x->wrap);
		if (rc->has_value)
			put_tenths(x, ws, r, 3, kind, rc->value);
		else
			put_text(x, ws, r, 3, NODATA, x->na);
		if (rc->to == AN_TO_RMO)
			track(x, worksheet_write_blank(ws, r, 4, x->text));
		else
			put_tenths(x, ws, r, 4, kind, rc->target);
		put_text(x, ws, r, 5, rc->text, x->wrap);
	}
	if (!an->nrecs)
		put_text(x, ws, r++, 0, "Рекомендаций нет: целевые значения "
			 "достигнуты.", x->note);
	else
		worksheet_autofilter(ws, hdr_row, 0, r - 1, 5);
	r += 2;
	put_text(x, ws, r++, 0, "Предлагаемые управленческие решения", x->h2);
	header_row(x, ws, r++, 0, dh, 6);
	for (i = 0; i < an->ndecisions; i++, r++) {
		const struct an_decision *d = &an->decisions[i];
		put_text(x, ws, r, 0, d->number, x->text);
		put_text(x, ws, r, 1, d->addressee, x->wrap);
		put_text(x, ws, r, 2, decision_kind_name(d->kind), x->wrap);
		put_text(x, ws, r, 3, d->deadline, x->wrap);
		put_text(x, ws, r, 4, *d->code ? d->code : "всегда", x->text);
		put_text(x, ws, r, 5, d->text, x->wrap);
	}
	if (!an->ndecisions)
		put_text(x, ws, r++, 0, "Правила шаблона не предложили "
			 "решений.", x->note);
	page_setup(x, ws, (int)hdr_row, 0);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * Качество данных
 * ------------------------------------------------------------------------
 */

/*
 * The diagnostics (A-G) and the per-file counts (I-Q) side by side, both
 * written strictly row by row (constant_memory).
 */
static int sheet_quality(struct xw *x)
{
	static const char *const dh[] = {
		"Файл", "Строка", "Столбец", "Важность", "Код", "Сообщение",
		"Значение"
	};
	static const char *const fh[] = {
		"Файл", "Вид", "Кодировка", "Разделитель", "Прочитано",
		"Принято", "Отклонено", "Предупреждений", "Файл отклонён"
	};
	lxw_worksheet *ws = add_sheet(x, "Качество данных");
	const struct diag_list *dl = x->c->dl;
	size_t nd = dl ? dl->n : 0, nf = dl ? dl->nfiles : 0;
	/*
	 * A sheet holds 1,048,576 rows: past QUALITY_MAX_ROWS diagnostics the
	 * sheet lists the first ones and says where the rest are.
	 */
	size_t total = nd;
	if (nd > QUALITY_MAX_ROWS)
		nd = QUALITY_MAX_ROWS;
	size_t rows = nd > nf ? nd : nf;
	lxw_row_t hdr_row = 4;
	char delim[8];
	if (!ws)
		return -1;
	/* Widths before any row: constant_memory wants them first. */
	set_col(x, ws, 0, 0, 28);
	set_col(x, ws, 1, 1, 8);
	set_col(x, ws, 2, 2, 20);
	set_col(x, ws, 3, 3, 14);
	set_col(x, ws, 4, 4, 7);
	set_col(x, ws, 5, 5, 70);
	set_col(x, ws, 6, 6, 18);
	set_col(x, ws, 7, 7, 3);
	set_col(x, ws, 8, 8, 28);
	set_col(x, ws, 9, 16, 12);
	sheet_title(x, ws, "Качество данных");
	put_text(x, ws, 2, 0, arena_printf(&x->ar,
		 "Ошибок: %ld, предупреждений: %ld. Строки с ошибками "
		 "отклонены и в расчёт не вошли.%s", dl ? dl->errors : 0,
		 dl ? dl->warnings : 0, total > nd ? arena_printf(&x->ar,
		 " Показаны первые %zu замечаний из %zu; полный список — в "
		 "файле validation.csv.", nd, total) : ""), x->note);
	put_text(x, ws, 3, 0, "Замечания", x->h2);
	put_text(x, ws, 3, 8, "Файлы", x->h2);
	header_row(x, ws, hdr_row, 0, dh, 7);
	header_row(x, ws, hdr_row, 8, fh, 9);
	for (size_t i = 0; i < rows; i++) {
		lxw_row_t r = hdr_row + 1 + (lxw_row_t)i;
		if (i < nd) {
			const struct diag *d = &dl->v[i];
			const char *path = d->file >= 0 &&
				(size_t)d->file < nf ?
				dl->files[d->file].path : "";
			put_text(x, ws, r, 0, path, x->text);
			if (d->line > 0)
				put_long(x, ws, r, 1, d->line);
			else
				track(x, worksheet_write_blank(ws, r, 1,
							       x->text));
			put_text(x, ws, r, 2, d->column, x->text);
			put_text(x, ws, r, 3, d->sev == SEV_ERROR ? "ошибка" :
				 "предупреждение", d->sev == SEV_ERROR ?
				 x->bad : x->warn);
			put_text(x, ws, r, 4, d->code, x->text);
			put_text(x, ws, r, 5, d->message, x->wrap);
			put_text(x, ws, r, 6, d->value, x->text);
		}
		if (i < nf) {
			const struct file_report *f = &dl->files[i];
			put_text(x, ws, r, 8, f->path, x->text);
			put_text(x, ws, r, 9, f->kind > 0 &&
				 f->kind < KIND__COUNT ? kind_names[f->kind] :
				 "не определён", x->text);
			put_text(x, ws, r, 10, f->encoding, x->text);
			if (f->delimiter == '\t')
				strcpy(delim, "TAB");
			else if (f->delimiter)
				snprintf(delim, sizeof(delim), "%c",
					 f->delimiter);
			else
				delim[0] = '\0';
			put_text(x, ws, r, 11, delim, x->text);
			put_long(x, ws, r, 12, f->read);
			put_long(x, ws, r, 13, f->accepted);
			put_long(x, ws, r, 14, f->rejected);
			put_long(x, ws, r, 15, f->warnings);
			put_text(x, ws, r, 16, f->file_error ? "да" : "нет",
				 f->file_error ? x->bad : x->text);
		}
	}
	if (nd)
		worksheet_autofilter(ws, hdr_row, 0,
				     hdr_row + (lxw_row_t)nd, 6);
	else
		put_text(x, ws, hdr_row + 1 + (lxw_row_t)rows, 0,
			 "Замечаний нет.", x->note);
	page_setup(x, ws, (int)hdr_row, 0);
	return 0;
}

/*
 * ------------------------------------------------------------------------
 * The workbook
 * ------------------------------------------------------------------------
 */

static void find_periods(struct xw *x)
{
	int all[64];
	size_t n = 0;
	x->nperiods = 0;
	if (x->c->hist)
		n = history_periods(x->c->hist, all, 64);
	if (n > 64)
		n = 64;
	/* the same month of earlier years: the dynamics' comparison */
	for (size_t i = 0; i < n && x->nperiods < MAX_PERIODS; i++)
		if (all[i] % 100 == x->month && all[i] / 100 < x->year)
			x->periods[x->nperiods++] = all[i];
	if (x->nperiods)
		return;
	/* no hist at hand: the year rows history_apply left in fs */
	const struct figures *fs = x->c->fs;
	size_t j = lower(fs, SCOPE_DISTRICT, x->did, "I16");
	for (; j < fs->n && same_key(&fs->v[j], SCOPE_DISTRICT, x->did, "I16")
	     && x->nperiods < MAX_PERIODS; j++) {
		int y;
		if (sscanf(fs->v[j].breakdown, "year:%d", &y) == 1 &&
		    y < x->year)
			x->periods[x->nperiods++] = y * 100 + x->month;
	}
}

int xlsx_write_monitoring(const char *path, const struct report_ctx *ctx)
{
	struct xw x = { 0 };
	lxw_workbook_options opt = { 0 };
	lxw_doc_properties props = { 0 };
	const struct template *t = ctx->t;
	lxw_error e;
	int rc = -1;

	x.c = ctx;
	x.did = ctx->district ? ctx->district : "";
	if (ctx->p) {
		x.year = ctx->p->year;
		x.month = ctx->p->month;
	} else if (sscanf(ctx->fs->period, "%d-%d", &x.year, &x.month) != 2) {
		x.year = x.month = 0;
	}
	find_periods(&x);
	opt.constant_memory = ctx->dl && ctx->dl->n > XLSX_BIG_DIAGS;
	x.wb = workbook_new_opt(path, &opt);
	if (!x.wb) {
		fprintf(stderr, "kadry: %s: не удалось создать файл\n", path);
		return -1;
	}
	props.title = arena_strdup(&x.ar, clean(&x, arena_printf(&x.ar,
				   "Мониторинг кадрового потенциала: %s, %s",
				   x.did, ctx->fs->period)));
	props.subject = "Мониторинг кадрового потенциала системы "
		"образования";
	if (t && t->department && *t->department) {
		props.author = (char *)t->department;
		props.company = (char *)t->department;
	}
	if (t && t->sign_name && *t->sign_name)
		props.manager = (char *)t->sign_name;
	props.created = ctx->created;
	track(&x, workbook_set_properties(x.wb, &props));
	make_formats(&x);

	if (sheet_summary(&x) || sheet_indicators(&x) || sheet_orgs(&x) ||
	    sheet_subjects(&x))
		goto out;
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (sheet_section(&x, &sections[i]))
			goto out;
	if (sheet_dynamics(&x) || sheet_clusters(&x) || sheet_recs(&x) ||
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
	arena_release(&x.ar);
	return rc;
}
