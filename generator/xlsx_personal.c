/*
 * xlsx_personal.c - the department's named lists and the schools' return
 * files: the only workbooks that carry personal data.
 */
#include "xlsx_personal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "compute.h"
#include "date.h"
#include "enums.h"
#include "utf8.h"
#include "model.h"
#include "template.h"
#include "xlsx_style.h"

#define MAX_TEXT 32000
#define SHEET_MAX_ROWS 1000000   /* data rows of one sheet (of 1,048,576) */

struct pw {
	lxw_workbook *wb;
	const struct report_ctx *c;
	lxw_error err;
	struct arena ar;                /* this writer's strings */
	char *buf;
	size_t bufsz;
	lxw_format *title, *note, *hdr, *text, *wrap, *num, *dec, *date;
	lxw_format *cell_err, *cell_warn, *rej, *warned;
};

/* Valid UTF-8, invalid bytes as U+FFFD (see xlsx_write.c's twin). */
static const char *clean(struct pw *x, const char *s)
{
	return utf8_clean(s, MAX_TEXT, &x->buf, &x->bufsz);
}

static void track(struct pw *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

/* Always a string cell: a school's «=HYPERLINK(...)» stays inert. */
static void put_text(struct pw *x, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, const char *s, lxw_format *f)
{
	track(x, worksheet_write_string(ws, r, c, clean(x, s), f));
}

static void put_num(struct pw *x, lxw_worksheet *ws, lxw_row_t r,
		    lxw_col_t c, double v, lxw_format *f)
{
	track(x, worksheet_write_number(ws, r, c, v, f));
}

static void put_fix(struct pw *x, lxw_worksheet *ws, lxw_row_t r,
		    lxw_col_t c, fix_t v)
{
	if (v == FIX_NONE)
		track(x, worksheet_write_blank(ws, r, c, x->text));
	else
		put_num(x, ws, r, c, (double)v / FIX_ONE,
			v % FIX_ONE ? x->dec : x->num);
}

static void put_date(struct pw *x, lxw_worksheet *ws, lxw_row_t r,
		     lxw_col_t c, kdate d)
{
	char buf[16];
	put_text(x, ws, r, c, date_format(d, buf), x->text);
}

static lxw_format *fmt(struct pw *x, bool border)
{
	return xs_base(x->wb, border);
}

static void make_formats(struct pw *x)
{
	x->title = xs_title(x->wb, 13);
	x->note = xs_note(x->wb);
	x->hdr = xs_header(x->wb);
	x->text = fmt(x, true);
	x->wrap = fmt(x, true);
	format_set_text_wrap(x->wrap);
	x->num = fmt(x, true);
	format_set_num_format(x->num, "0");
	x->dec = fmt(x, true);
	format_set_num_format(x->dec, "0.0##");
	x->cell_err = fmt(x, true);
	format_set_bg_color(x->cell_err, XS_BAD_BG);
	format_set_font_color(x->cell_err, XS_BAD_FG);
	format_set_bold(x->cell_err);
	x->cell_warn = fmt(x, true);
	format_set_bg_color(x->cell_warn, XS_WARN_BG);
	format_set_font_color(x->cell_warn, XS_WARN_FG);
	x->rej = fmt(x, true);
	format_set_font_color(x->rej, XS_BAD_FG);
	x->warned = fmt(x, true);
	format_set_font_color(x->warned, XS_WARN_FG);
}

static lxw_workbook *open_book(struct pw *x, const char *path,
			       const char *title, bool big)
{
	lxw_doc_properties props = { 0 };
	lxw_workbook_options opt = { 0 };
	const struct template *t = x->c->t;
	/* big lists: flat memory; every sheet is written row by row */
	opt.constant_memory = big;
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		fprintf(stderr, "kadry: %s: не удалось создать файл\n", path);
		return NULL;
	}
	props.title = (char *)clean(x, title);
	props.comments = "Содержит персональные данные";
	if (t && t->department && *t->department) {
		props.author = (char *)t->department;
		props.company = (char *)t->department;
	}
	props.created = x->c->created;
	track(x, workbook_set_properties(x->wb, &props));
	make_formats(x);
	return x->wb;
}

static int close_book(struct pw *x, const char *path, int rc)
{
	lxw_error e = workbook_close(x->wb);
	x->wb = NULL;
	if (e != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: %s: %s\n", path, lxw_strerror(e));
		return -1;
	}
	if (rc == 0 && x->err != LXW_NO_ERROR) {
		fprintf(stderr, "kadry: %s: %s\n", path, lxw_strerror(x->err));
		return -1;
	}
	return rc;
}

static void page_setup(struct pw *x, lxw_worksheet *ws, lxw_row_t hdr,
		       lxw_col_t fcols)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.6);
	track(x, worksheet_set_footer(ws, "&L&A&RСтр. &P из &N"));
	track(x, worksheet_repeat_rows(ws, hdr, hdr));
	worksheet_freeze_panes(ws, hdr + 1, fcols);
}

/* «123-456-789 01» from the 11 digits. */
static const char *snils_str(const char *d, char out[16])
{
	if (!d || strlen(d) != 11) {
		snprintf(out, 16, "%s", d ? d : "");
		return out;
	}
	snprintf(out, 16, "%.3s-%.3s-%.3s %.2s", d, d + 3, d + 6, d + 9);
	return out;
}

/*
 * ------------------------------------------------------------------------
 * lists.xlsx
 * ------------------------------------------------------------------------
 */

enum list_id { L_NO_MENTOR, L_DEFICIT, L_OVERLOAD, L_OLD60, L__COUNT };

struct list_spec {
	const char *sheet, *title;
	const char *cols[8];    /* facts after org, name, SNILS */
	double width[8];        /* their column widths */
};

static const struct list_spec lists[L__COUNT] = {
	{ "Без наставника", "Начинающие педагоги без наставника",
	  { "Должность", "Педагогический стаж, лет", "Возраст, лет",
	    "Дата приема", "Молодой педагог (до 35 лет)", NULL },
	  { 24, 12, 10, 12, 14 } },
	{ "Неустранённые дефициты", "Педагоги с неустранёнными "
	  "профессиональными дефицитами",
	  { "Дата диагностики", "Вид диагностики", "Предмет",
	    "Результат, %", "Дефицитные области", "ИОМ", NULL },
	  { 12, 24, 26, 11, 44, 7 } },
	{ "Перегрузка", "Учителя с нагрузкой выше предельной",
	  { "Должность", "Нагрузка в этой организации, ч/нед",
	    "Нагрузка суммарно, ч/нед", "Предел, ч/нед",
	    "Превышение, ч/нед", NULL },
	  { 24, 14, 14, 12, 12 } },
	{ "Учителя 60+", "Учителя в возрасте 60 лет и старше",
	  { "Возраст, лет", "Должность", "Предметы",
	    "Педагогический стаж, лет", NULL },
	  { 10, 24, 40, 14 } },
};

/* Sort key of a staff row: org id, name, SNILS, row (no globals: the PDF
 * writer runs in another thread). */
struct entry {
	const char *org, *name, *snils;
	int row;
};

static int cmp_entry(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->org, b->org);
	if (!c)
		c = strcmp(a->name, b->name);
	if (!c)
		c = strcmp(a->snils, b->snils);
	return c ? c : (a->row > b->row) - (a->row < b->row);
}

static bool on_list(int l, const struct staff_row *s,
		    const struct person_facts *pf)
{
	uint32_t f = pf[s->person].flags;
	switch (l) {
	case L_NO_MENTOR:
		return (f & PF_BEGINNER) && !(f & PF_MENTEE_ASOF);
	case L_DEFICIT:
		return (f & PF_DEFICIT) && !(f & PF_ADDRESSED);
	case L_OVERLOAD:
		/* listed in the organizations where they teach */
		return (f & PF_OVERLOADED) && s->position == POS_TEACHER;
	case L_OLD60:
		return (f & PF_OLD60) && s->position == POS_TEACHER;
	}
	return false;
}

static const char *subjects_str(struct pw *x, const struct staff_row *s)
{
	const struct dataset *ds = x->c->ds;
	struct arena *a = &x->ar;
	char *out = "";
	for (int i = 0; i < s->nsubjects; i++)
		out = arena_printf(a, "%s%s%s", out, i ? ", " : "",
				   dataset_subject_name(ds, s->subjects[i]));
	return out;
}

static void list_facts(struct pw *x, lxw_worksheet *ws, lxw_row_t r,
		       int l, const struct staff_row *s,
		       const struct person_facts *pf)
{
	const struct dataset *ds = x->c->ds;
	const struct params *p = x->c->p;
	const struct person_facts *f = &pf[s->person];
	const struct person *pe = &ds->persons.v[s->person];
	const struct staff_row *main = pe->main_row >= 0 ?
		&ds->staff.v[pe->main_row] : s;
	const char *pos = enum_name(EN_POSITION, s->position);
	lxw_col_t c = 4;
	switch (l) {
	case L_NO_MENTOR:
		put_text(x, ws, r, c++, pos, x->text);
		put_fix(x, ws, r, c++, main->experience);
		if (f->age >= 0)
			put_num(x, ws, r, c++, f->age, x->num);
		else
			track(x, worksheet_write_blank(ws, r, c++, x->text));
		put_date(x, ws, r, c++, s->hire);
		put_text(x, ws, r, c++, f->flags & PF_YOUNG ? "да" : "нет",
			 x->text);
		break;
	case L_DEFICIT: {
		const struct diag_row *d = f->latest_diag >= 0 &&
			(size_t)f->latest_diag < ds->diags.n ?
			&ds->diags.v[f->latest_diag] : NULL;
		char *areas = "";
		if (!d)
			break;
		put_date(x, ws, r, c++, d->date);
		put_text(x, ws, r, c++, enum_name(EN_DIAG_KIND, d->kind),
			 x->text);
		put_text(x, ws, r, c++, d->subject ?
			 dataset_subject_name(ds, d->subject) : "", x->text);
		put_fix(x, ws, r, c++, d->score);
		for (int i = 0; i < d->nareas; i++)
			areas = arena_printf(&x->ar,
					     "%s%s%s", areas, i ? ", " : "",
					     ds->areas.v[d->areas[i]]);
		/* the areas column wraps: about 50 characters a line */
		size_t len = strlen(areas);
		if (len > 100)
			track(x, worksheet_set_row(ws, r,
				12.75 * (double)(1 + len / 100) + 2, NULL));
		put_text(x, ws, r, c++, areas, x->wrap);
		put_text(x, ws, r, c++, f->sflags & SF_IOM ? "да" : "нет",
			 x->text);
		break;
	}
	case L_OVERLOAD:
		put_text(x, ws, r, c++, pos, x->text);
		put_fix(x, ws, r, c++, s->load == FIX_NONE ? 0 : s->load);
		put_fix(x, ws, r, c++, f->load);
		put_fix(x, ws, r, c++, p ? p->load_limit : FIX_NONE);
		put_fix(x, ws, r, c++, p ? f->load - p->load_limit : FIX_NONE);
		break;
	case L_OLD60:
		if (f->age >= 0)
			put_num(x, ws, r, c++, f->age, x->num);
		else
			track(x, worksheet_write_blank(ws, r, c++, x->text));
		put_text(x, ws, r, c++, pos, x->text);
		put_text(x, ws, r, c++, subjects_str(x, s), x->text);
		put_fix(x, ws, r, c++, main->experience);
		break;
	}
}

/* Why a list cannot be drawn up, or NULL. */
static const char *list_missing(const struct dataset *ds, int l)
{
	if (l == L_NO_MENTOR && !ds->have[KIND_MENTORING])
		return "Файл наставничества не представлен: список не "
			"составлен.";
	if (l == L_DEFICIT && !ds->have[KIND_DIAGNOSTICS])
		return "Файл диагностики не представлен: список не составлен.";
	return NULL;
}

static int list_sheet(struct pw *x, int l, const int *order, size_t n,
		      const struct person_facts *pf)
{
	const struct list_spec *sp = &lists[l];
	const struct dataset *ds = x->c->ds;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, sp->sheet);
	lxw_row_t r = 3;
	lxw_col_t nc = 4;
	size_t count = 0;
	char sn[16];
	const char *why = list_missing(ds, l);
	if (!ws) {
		fprintf(stderr, "kadry: не удалось добавить лист «%s»\n",
			sp->sheet);
		return -1;
	}
	put_text(x, ws, 0, 0, sp->title, x->title);
	put_text(x, ws, 1, 0, "Персональные данные: только для служебного "
		 "пользования Отдела образования.", x->note);
	put_text(x, ws, r, 0, "Код ОО", x->hdr);
	put_text(x, ws, r, 1, "Организация", x->hdr);
	put_text(x, ws, r, 2, "ФИО", x->hdr);
	put_text(x, ws, r, 3, "СНИЛС", x->hdr);
	for (const char *const *h = sp->cols; *h; h++)
		put_text(x, ws, r, nc++, *h, x->hdr);
	track(x, worksheet_set_row(ws, r, 45, NULL));
	r++;
	for (size_t i = 0; i < n && !why; i++) {
		const struct staff_row *s = &ds->staff.v[order[i]];
		if (!on_list(l, s, pf))
			continue;
		if (count >= SHEET_MAX_ROWS) {
			count++;        /* counted, no room on the sheet */
			continue;
		}
		const struct org *o = &ds->orgs.v[s->org];
		put_text(x, ws, r, 0, o->id, x->text);
		put_text(x, ws, r, 1, o->name, x->text);
		put_text(x, ws, r, 2, s->full_name ? s->full_name : "",
			 x->text);
		put_text(x, ws, r, 3,
			 snils_str(ds->persons.v[s->person].snils, sn),
			 x->text);
		list_facts(x, ws, r++, l, s, pf);
		count++;
	}
	if (count)
		worksheet_autofilter(ws, 3, 0, r - 1, nc - 1);
	if (count > SHEET_MAX_ROWS)
		put_text(x, ws, ++r, 0, arena_printf(&x->ar, "Список не "
			 "уместился на лист: показаны первые %d строк из %zu.",
			 SHEET_MAX_ROWS, count), x->note);
	r++;
	if (why)
		put_text(x, ws, r, 0, why, x->note);
	else if (!count)
		put_text(x, ws, r, 0, "Таких педагогов нет.", x->note);
	else if (l == L_DEFICIT && !ds->have[KIND_COURSES])
		put_text(x, ws, r, 0, "Файл курсов не представлен: "
			 "прохождение адресных курсов не проверено.", x->note);
	else
		put_text(x, ws, r, 0, arena_printf(&x->ar,
			 "Всего строк: %zu.", count), x->note);
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 34, NULL);
	worksheet_set_column(ws, 2, 2, 34, NULL);
	worksheet_set_column(ws, 3, 3, 15, NULL);
	for (lxw_col_t c = 4; c < nc; c++)
		worksheet_set_column(ws, c, c, sp->width[c - 4], NULL);
	page_setup(x, ws, 3, 4);
	return 0;
}

int xlsx_write_lists(const char *path, const struct report_ctx *ctx)
{
	struct pw x = { 0 };
	const struct dataset *ds = ctx->ds;
	struct person_facts *pf = NULL;
	int *order = NULL, rc = -1;
	size_t n = 0;

	x.c = ctx;
	if (!open_book(&x, path, "Именные списки",
		       ds && ds->staff.n > XLSX_BIG_LISTS))
		return -1;
	if (ds && ds->persons.n && ctx->p)
		pf = compute_person_facts(ds, ctx->p);
	if (pf) {
		struct entry *e = xmalloc((ds->staff.n + 1) * sizeof(*e));
		n = ds->staff.n;
		for (size_t i = 0; i < n; i++) {
			const struct staff_row *s = &ds->staff.v[i];
			e[i].org = ds->orgs.v[s->org].id;
			e[i].name = s->full_name ? s->full_name : "";
			e[i].snils = ds->persons.v[s->person].snils;
			e[i].row = (int)i;
		}
		qsort(e, n, sizeof(*e), cmp_entry);
		order = xmalloc((n + 1) * sizeof(int));
		for (size_t i = 0; i < n; i++)
			order[i] = e[i].row;
		free(e);
	}
	for (int l = 0; l < L__COUNT; l++) {
		if (!pf) {
			lxw_worksheet *ws = workbook_add_worksheet(x.wb,
							lists[l].sheet);
			if (!ws)
				goto out;
			put_text(&x, ws, 0, 0, lists[l].title, x.title);
			put_text(&x, ws, 2, 0, "Принятых строк кадров нет.",
				 x.note);
			continue;
		}
		if (list_sheet(&x, l, order, n, pf))
			goto out;
	}
	rc = 0;
out:
	rc = close_book(&x, path, rc);
	free(order);
	free(pf);
	free(x.buf);
	arena_release(&x.ar);
	return rc;
}

/*
 * ------------------------------------------------------------------------
 * returns/<org_id>.xlsx
 * ------------------------------------------------------------------------
 */

/* A diagnosed row and its diagnostics dl->v[first .. first+n). */
struct rrow {
	const struct raw_row *row;
	size_t first, n;
	size_t seq;
};

static int cmp_rrow(const void *pa, const void *pb)
{
	const struct rrow *a = pa, *b = pb;
	int c = strcmp(a->row->org_id, b->row->org_id);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * An org id that is safe as a file name: the org_id alphabet of input.md
 * (Latin or Cyrillic letters, digits, . _ -, first a letter or digit).
 */
static bool safe_name(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 128 || !utf8_valid(s, n))
		return false;
	if (s[0] == '.' || s[0] == '-' || s[0] == '_')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (!(*p >= 0x80 || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

static const char *const kind_names[KIND__COUNT] = {
	"Файл", "Организации", "Кадры", "Диагностика", "Курсы",
	"Наставничество", "Вакансии"
};

static const char *const instructions[] = {
	"Ниже приведены строки ваших файлов в том виде, в каком они "
	"поступили в Отдел образования, и замечания к ним.",
	"Строки с результатом «отклонена» не приняты и в отчёт не вошли: "
	"исправьте ячейки, выделенные красным, и пришлите файл снова.",
	"Строки с результатом «принята с предупреждением» вошли в отчёт, "
	"но значения в жёлтых ячейках не учтены: проверьте и уточните их.",
	"Номер строки указан так, как он считается в вашем CSV-файле "
	"(строка заголовка тоже считается).",
};

/* One sheet: the rows of one source file. */
static int return_sheet(struct pw *x, const struct rrow *rr, size_t n,
			const char *sheet)
{
	const struct diag_list *dl = x->c->dl;
	const struct file_report *fr = &dl->files[rr[0].row->file];
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, sheet);
	struct arena *a = &x->ar;
	lxw_row_t r = 0;
	int ncols = fr->ncols;
	if (!ws) {
		fprintf(stderr, "kadry: не удалось добавить лист «%s»\n",
			sheet);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (rr[i].row->nfields > ncols)
			ncols = rr[i].row->nfields;
	put_text(x, ws, r++, 0, arena_printf(a, "Замечания к файлу %s",
					     fr->path), x->title);
	/* A sheet holds 1,048,576 rows: the first SHEET_MAX_ROWS fit. */
	if (n > SHEET_MAX_ROWS) {
		put_text(x, ws, r++, 0, arena_printf(a, "Показаны первые %d "
			 "строк с замечаниями из %zu; полный список — в файле "
			 "validation.csv.", SHEET_MAX_ROWS, n), x->note);
		n = SHEET_MAX_ROWS;
	}
	for (size_t i = 0; i < sizeof(instructions) / sizeof(*instructions);
	     i++)
		put_text(x, ws, r++, 0, instructions[i], x->note);
	r++;
	lxw_row_t hdr = r;
	put_text(x, ws, r, 0, "Строка файла", x->hdr);
	put_text(x, ws, r, 1, "Результат", x->hdr);
	put_text(x, ws, r, 2, "Что исправить", x->hdr);
	for (int c = 0; c < ncols; c++)
		put_text(x, ws, r, (lxw_col_t)(3 + c),
			 c < fr->ncols && fr->header ? fr->header[c] :
			 "(без заголовка)", x->hdr);
	track(x, worksheet_set_row(ws, r, 30, NULL));
	r++;
	unsigned char *sev = xcalloc((size_t)ncols + 1, 1);
	for (size_t i = 0; i < n; i++, r++) {
		const struct raw_row *row = rr[i].row;
		char *msg = "";
		memset(sev, 0, (size_t)ncols + 1);
		for (size_t k = 0; k < rr[i].n; k++) {
			const struct diag *d = &dl->v[rr[i].first + k];
			msg = arena_printf(a, "%s%s%s%s%s (%s)", msg,
					   k ? "\n" : "",
					   d->column ? d->column : "",
					   d->column ? ": " : "", d->message,
					   d->code);
			if (d->col_index >= 0 && d->col_index < ncols) {
				/* 2 error beats 1 warning */
				unsigned char s = d->sev == SEV_ERROR ? 2 : 1;
				if (s > sev[d->col_index])
					sev[d->col_index] = s;
			}
		}
		/* the message column wraps at about 65 characters */
		int lines = 0;
		for (const char *p = msg; *p;) {
			size_t ll = strcspn(p, "\n");
			lines += 1 + (int)(ll / 2 / 65); /* 2 bytes a letter */
			p += ll;
			p += *p ? 1 : 0;
		}
		if (lines > 1)
			track(x, worksheet_set_row(ws, r, 12.75 * lines + 2,
						   NULL));
		put_num(x, ws, r, 0, (double)row->line, x->num);
		put_text(x, ws, r, 1, row->rejected ? "отклонена" :
			 "принята с предупреждением",
			 row->rejected ? x->rej : x->warned);
		put_text(x, ws, r, 2, msg, x->wrap);
		for (int c = 0; c < ncols; c++) {
			const char *v = c < row->nfields ? row->fields[c] : "";
			lxw_format *f = sev[c] == 2 ? x->cell_err :
				sev[c] == 1 ? x->cell_warn : x->text;
			put_text(x, ws, r, (lxw_col_t)(3 + c), v, f);
		}
	}
	free(sev);
	worksheet_autofilter(ws, hdr, 0, r - 1, (lxw_col_t)(2 + ncols));
	worksheet_set_column(ws, 0, 0, 9, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	worksheet_set_column(ws, 3, (lxw_col_t)(2 + (ncols ? ncols : 1)), 16,
			     NULL);
	page_setup(x, ws, hdr, 3);
	return 0;
}

static int write_return(struct pw *x, const char *dir, const struct rrow *rr,
			size_t n)
{
	const struct dataset *ds = x->c->ds;
	const struct diag_list *dl = x->c->dl;
	const char *id = rr[0].row->org_id;
	char *path = arena_printf(&x->ar, "%s/%s.xlsx", dir, id);
	const char *name = id;
	int seen[KIND__COUNT] = { 0 };
	int rc = 0;
	int o = ds ? strmap_get(&ds->org_index, id) : -1;
	if (o >= 0)
		name = ds->orgs.v[o].name;
	x->err = LXW_NO_ERROR;
	if (!open_book(x, path, arena_printf(&x->ar, "Замечания к данным: "
					     "%s", name), false))
		return -1;
	/* rr is in file, line order: one sheet per run of one file */
	for (size_t i = 0; i < n && !rc;) {
		size_t j = i;
		int file = rr[i].row->file, kind;
		while (j < n && rr[j].row->file == file)
			j++;
		kind = dl->files[file].kind;
		if (kind < 0 || kind >= KIND__COUNT)
			kind = KIND_UNKNOWN;
		const char *sheet = seen[kind]++ ?
			arena_printf(&x->ar, "%s (%d)", kind_names[kind],
				     seen[kind]) : kind_names[kind];
		rc = return_sheet(x, rr + i, j - i, sheet);
		i = j;
	}
	return close_book(x, path, rc);
}

int xlsx_write_returns(const char *dir, const struct report_ctx *ctx)
{
	struct pw x = { 0 };
	const struct diag_list *dl = ctx->dl;
	struct rrow *v = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	x.c = ctx;
	if (!dl)
		return 0;
	/* Diagnostics of one row are adjacent after diag_sort. */
	for (size_t i = 0; i < dl->n; i++) {
		const struct raw_row *row = dl->v[i].row;
		if (!row || !row->org_id || !safe_name(row->org_id) ||
		    row->file < 0 || (size_t)row->file >= dl->nfiles)
			continue;
		if (n && v[n - 1].row == row &&
		    v[n - 1].first + v[n - 1].n == i) {
			v[n - 1].n++;
			continue;
		}
		struct rrow *e = VEC_PUSH(v, n, cap);
		e->row = row;
		e->first = i;
		e->n = 1;
		e->seq = n - 1;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_rrow);
	for (size_t i = 0; i < n && !rc;) {
		size_t j = i;
		while (j < n && !strcmp(v[j].row->org_id, v[i].row->org_id))
			j++;
		rc = write_return(&x, dir, v + i, j - i);
		i = j;
	}
	free(v);
	free(x.buf);
	arena_release(&x.ar);
	return rc;
}
