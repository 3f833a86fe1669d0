/*
 * blanks.c - the blank XLSX forms and CSV templates for the schools, built
 * from the column tables of schema.c.
 */
#include "blanks.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "arena.h"
#include "diag.h"
#include "enums.h"
#include "errno_ru.h"
#include "model.h"
#include "output.h"
#include "schema.h"

/*
 * libxlsxwriter 1.1.4 never frees its copy of a list validation's formula
 * (LXW_VALIDATION_TYPE_LIST_FORMULA: some 20 bytes per dropdown column,
 * once per form).  Not ours to fix, so the sanitizer builds are told, and
 * their leak check stays strict for the rest of the program.
 */
#if defined(__SANITIZE_ADDRESS__)
#define KADRY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KADRY_ASAN 1
#endif
#endif
#ifdef KADRY_ASAN
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:lxw_strdup\n";
}
#endif

/* Rows of the form that carry validation: far more than a school has. */
#define FORM_ROWS 5000
#define LISTS "Списки"

static const struct {
	const char *file;       /* a name prefix `kadry check` knows */
	const char *sheet;      /* the form's sheet */
} forms[KIND__COUNT] = {
	[KIND_ORGS] = { "организации", "Организации" },
	[KIND_STAFF] = { "кадры", "Кадры" },
	[KIND_DIAGNOSTICS] = { "диагностика", "Диагностика" },
	[KIND_COURSES] = { "курсы", "Курсы" },
	[KIND_MENTORING] = { "наставничество", "Наставничество" },
	[KIND_VACANCIES] = { "вакансии", "Вакансии" },
};

/*
 * Ranges of the number columns (input.md), checked by the form as the
 * validator will; other numbers only have to be >= 0.
 */
static const struct {
	const char *key;
	double min, max;
} ranges[] = {
	{ "ped_experience", 0, 76 },
	{ "teaching_load", 0, 60 },
	{ "score", 0, 100 },
	{ "hours", 0.5, 3000 },
};

/* Text columns that hold long values get room for them. */
static const struct {
	const char *key;
	double width;
} widths[] = {
	{ "name", 45 }, { "full_name", 32 }, { "program", 40 },
	{ "provider", 30 }, { "subjects", 28 }, { "deficit_areas", 32 },
	{ "municipality", 28 },
};

const char *blanks_name(int kind)
{
	return kind > KIND_UNKNOWN && kind < KIND__COUNT ? forms[kind].file
							 : NULL;
}

/* Characters (not bytes) of UTF-8 text, for column widths. */
static size_t u8len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The header as written in both forms: required columns end in «*». */
static const char *header(struct arena *a, const struct column *c)
{
	return c->required ? arena_printf(a, "%s*", c->label) : c->label;
}

/* The cell comment: what the column holds and what the reader accepts. */
static const char *comment(struct arena *a, const struct column *c)
{
	const char *s = arena_printf(a, "%s (%s)\nТип: %s\n%s", c->label,
				     c->key, schema_type_name(c->type),
				     c->required ? "Обязательный столбец: "
				     "строка без него не принимается" :
				     "Необязательный столбец");
	if (c->def)
		s = arena_printf(a, "%s\nЕсли пусто: «%s»", s, c->def);
	if (c->type == COL_YESNO)
		s = arena_printf(a, "%s\nЗначения: да, нет (пусто — нет)", s);
	else if (c->enum_id >= 0 && c->type == COL_ENUM)
		s = arena_printf(a, "%s\nЗначения: %s", s,
				 enum_expected(c->enum_id));
	else if (c->enum_id >= 0)
		s = arena_printf(a, "%s\nВыберите из списка или впишите; "
				 "несколько — через «,»", s);
	if (c->type == COL_DATE)
		s = arena_printf(a, "%s\nФормат: ДД.ММ.ГГГГ", s);
	if (c->personal)
		s = arena_printf(a, "%s\nПерсональные данные", s);
	if (c->note)
		s = arena_printf(a, "%s\n%s", s, c->note);
	return s;
}

struct bw {
	struct arena ar;
	lxw_error err;
	int list_col[EN__COUNT];        /* column on «Списки», -1 if none */
	int list_len[EN__COUNT];
};

static void track(struct bw *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

/* Puts enumeration e on the hidden sheet (once) and returns its range. */
static const char *list_range(struct bw *b, lxw_worksheet *lists, int e,
			      const char *label, int *ncols)
{
	if (b->list_col[e] < 0) {
		int col = (*ncols)++, n = 0;
		track(b, worksheet_write_string(lists, 0, (lxw_col_t)col,
						label, NULL));
		for (int v = 1; v < enum_size(e); v++) {
			const char *name = enum_name(e, v);
			if (!*name)
				continue;
			track(b, worksheet_write_string(lists,
							(lxw_row_t)(1 + n++),
							(lxw_col_t)col, name,
							NULL));
		}
		b->list_col[e] = col;
		b->list_len[e] = n;
	}
	char colname[4];
	int col = b->list_col[e];
	if (col < 26) {
		colname[0] = (char)('A' + col);
		colname[1] = '\0';
	} else {
		colname[0] = (char)('A' + col / 26 - 1);
		colname[1] = (char)('A' + col % 26);
		colname[2] = '\0';
	}
	return arena_printf(&b->ar, "='%s'!$%s$2:$%s$%d", LISTS, colname,
			    colname, 1 + b->list_len[e]);
}

/* The validation of column c, or false when it has none. */
static bool validation(struct bw *b, lxw_worksheet *lists, int *ncols,
		       const struct column *c, lxw_data_validation *v)
{
	static const char *yesno[] = { "да", "нет", NULL };

	memset(v, 0, sizeof(*v));
	v->error_title = "Проверка значения";
	switch (c->type) {
	case COL_YESNO:
		v->validate = LXW_VALIDATION_TYPE_LIST;
		v->value_list = (char **)yesno;
		v->error_message = "Выберите «да» или «нет» (пусто — нет).";
		break;
	case COL_ENUM:
	case COL_SUBJECT:
	case COL_LIST:
		if (c->enum_id < 0)
			return false;
		/*
		 * The values live on the hidden sheet: libxlsxwriter 1.1.4
		 * overflows on inline Cyrillic lists of 256+ bytes.  Synonyms
		 * («ВКК», «учитель математики») and unknown subjects are
		 * accepted by the reader, so only a warning (a list, one
		 * value; several: information only).
		 */
		v->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
		v->value_formula = (char *)list_range(b, lists, c->enum_id,
						      c->label, ncols);
		v->error_type = c->type == COL_LIST
			? LXW_VALIDATION_ERROR_TYPE_INFORMATION
			: LXW_VALIDATION_ERROR_TYPE_WARNING;
		v->error_message = c->type == COL_LIST
			? "Несколько значений пишите через запятую."
			: "Значения нет в списке. Оставить его?";
		break;
	case COL_DATE:
		v->validate = LXW_VALIDATION_TYPE_DATE;
		v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v->minimum_datetime = (lxw_datetime){ 1930, 1, 1, 0, 0, 0 };
		v->maximum_datetime = (lxw_datetime){ 2100, 12, 31, 0, 0, 0 };
		v->error_message = "Введите дату в виде ДД.ММ.ГГГГ.";
		break;
	case COL_NUMBER:
		v->validate = LXW_VALIDATION_TYPE_DECIMAL;
		v->criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v->value_number = 0;
		v->error_message = "Введите число не меньше 0.";
		for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
			if (!strcmp(ranges[i].key, c->key)) {
				v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
				v->minimum_number = ranges[i].min;
				v->maximum_number = ranges[i].max;
				v->error_message = arena_printf(&b->ar,
					"Введите число от %g до %g.",
					ranges[i].min, ranges[i].max);
			}
		break;
	case COL_INTEGER:
		v->validate = LXW_VALIDATION_TYPE_INTEGER;
		v->criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
		v->value_number = 1;
		v->error_message = "Введите целое число больше 0.";
		break;
	case COL_SNILS:
		/* «123-456-789 01» is 14 characters, 11 digits the least */
		v->validate = LXW_VALIDATION_TYPE_LENGTH;
		v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v->minimum_number = 11;
		v->maximum_number = 14;
		v->error_message = "СНИЛС: 123-456-789 01 или 11 цифр.";
		break;
	case COL_ORGID:
		v->validate = LXW_VALIDATION_TYPE_LENGTH;
		v->criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		v->minimum_number = 1;
		v->maximum_number = 32;
		v->error_message = "Код ОО: от 1 до 32 знаков.";
		break;
	default:
		return false;
	}
	/* the hint shown when a cell of the column is selected */
	/* Excel's limits: a title of 32 characters, a message of 255 */
	v->input_title = u8len(c->label) <= 32 ? (char *)c->label : NULL;
	v->input_message = c->note && u8len(c->note) <= 255 ? (char *)c->note
							    : NULL;
	return true;
}

static int write_xlsx(const char *path, int kind, time_t created)
{
	struct bw b;
	lxw_workbook *wb;
	lxw_worksheet *ws, *lists;
	lxw_format *hdr, *req, *text, *date;
	lxw_doc_properties props = { 0 };
	int n, nlists = 0, rc = -1;
	const struct column *cols = schema_for(kind, &n);
	lxw_error e;

	memset(&b, 0, sizeof(b));
	for (int i = 0; i < EN__COUNT; i++)
		b.list_col[i] = -1;
	wb = workbook_new(path);
	if (!wb) {
		fprintf(stderr, "kadry: %s: не удалось создать файл\n", path);
		return -1;
	}
	props.title = arena_printf(&b.ar, "Бланк: %s", forms[kind].sheet);
	props.subject = "Мониторинг кадрового потенциала системы "
		"образования";
	props.created = created;
	track(&b, workbook_set_properties(wb, &props));
	ws = workbook_add_worksheet(wb, forms[kind].sheet);
	lists = workbook_add_worksheet(wb, LISTS);
	if (!ws || !lists) {
		fprintf(stderr, "kadry: %s: лист не создан\n", path);
		goto out;
	}
	hdr = workbook_add_format(wb);
	format_set_bold(hdr);
	format_set_text_wrap(hdr);
	format_set_align(hdr, LXW_ALIGN_CENTER);
	format_set_align(hdr, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(hdr, LXW_BORDER_THIN);
	format_set_bg_color(hdr, 0xD9E1F2);
	req = workbook_add_format(wb);
	format_set_bold(req);
	format_set_text_wrap(req);
	format_set_align(req, LXW_ALIGN_CENTER);
	format_set_align(req, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(req, LXW_BORDER_THIN);
	format_set_bg_color(req, 0xFCE4D6);
	/* text cells keep SNILS and codes as typed (no 1.2E+10) */
	text = workbook_add_format(wb);
	format_set_num_format(text, "@");
	date = workbook_add_format(wb);
	format_set_num_format(date, "dd.mm.yyyy");

	for (int i = 0; i < n; i++) {
		const struct column *c = &cols[i];
		const char *h = header(&b.ar, c);
		lxw_comment_options co = { 0 };
		lxw_data_validation v;
		lxw_format *cf = NULL;
		/* fitted to the header, which wraps onto at most 3 lines */
		double w = (double)u8len(h) + 2;

		if (w > 22)
			w = w / 2 + 3 > 22 ? w / 2 + 3 : 22;
		if (w < 12)
			w = 12;
		if (c->type == COL_DATE) {
			cf = date;
			if (w < 13)
				w = 13;
		} else if (c->type == COL_SNILS || c->type == COL_ORGID ||
			   c->type == COL_TEXT || c->type == COL_LIST ||
			   c->type == COL_SUBJECT || c->type == COL_ENUM) {
			cf = text;
		}
		if (c->type == COL_ENUM || c->type == COL_SUBJECT)
			w = w < 24 ? 24 : w;
		for (size_t k = 0; k < sizeof(widths) / sizeof(widths[0]); k++)
			if (!strcmp(widths[k].key, c->key))
				w = widths[k].width;
		track(&b, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
					       w, cf));
		track(&b, worksheet_write_string(ws, 0, (lxw_col_t)i, h,
						 c->required ? req : hdr));
		const char *note = comment(&b.ar, c);
		/* about 45 characters a line of a 320 px box, 15 px a line */
		size_t lines = 2 + u8len(note) / 40;
		for (const char *q = note; *q; q++)
			lines += *q == '\n';
		co.width = 320;
		co.height = (uint16_t)(15 * lines + 10);
		track(&b, worksheet_write_comment_opt(ws, 0, (lxw_col_t)i,
						      note, &co));
		if (validation(&b, lists, &nlists, c, &v))
			track(&b, worksheet_data_validation_range(ws, 1,
				(lxw_col_t)i, FORM_ROWS, (lxw_col_t)i, &v));
	}
	track(&b, worksheet_set_row(ws, 0, 45, NULL));
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	track(&b, worksheet_repeat_rows(ws, 0, 0));
	worksheet_activate(ws);
	if (nlists == 0)
		track(&b, worksheet_write_string(lists, 0, 0, "", NULL));
	worksheet_hide(lists);
	rc = 0;
out:
	e = workbook_close(wb);
	if (e != LXW_NO_ERROR || (rc == 0 && b.err != LXW_NO_ERROR)) {
		fprintf(stderr, "kadry: %s: %s\n", path,
			lxw_strerror(e != LXW_NO_ERROR ? e : b.err));
		rc = -1;
	}
	arena_release(&b.ar);
	return rc;
}

/* The header row in Windows-1251 with ';' and CRLF, as Excel saves it. */
static int write_csv(const char *path, int kind)
{
	struct arena a = ARENA_INIT;
	int n, rc = -1;
	const struct column *cols = schema_for(kind, &n);
	iconv_t cd = iconv_open("CP1251", "UTF-8");
	FILE *f = NULL;
	char *line = "";

	if (cd == (iconv_t)-1) {
		fprintf(stderr, "kadry: нет перекодировки в Windows-1251: "
			"%s\n", errno_ru(errno));
		return -1;
	}
	for (int i = 0; i < n; i++)
		line = arena_printf(&a, "%s%s%s", line, i ? ";" : "",
				    header(&a, &cols[i]));
	line = arena_printf(&a, "%s\r\n", line);
	size_t inlen = strlen(line), outlen = inlen + 1;
	char *out = arena_alloc(&a, outlen), *ip = line, *op = out;
	if (iconv(cd, &ip, &inlen, &op, &outlen) == (size_t)-1) {
		fprintf(stderr, "kadry: %s: заголовок не переводится в "
			"Windows-1251\n", path);
		goto out;
	}
	f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "kadry: не удалось создать «%s»: %s\n", path,
			errno_ru(errno));
		goto out;
	}
	fwrite(out, 1, (size_t)(op - out), f);
	if (fclose(f)) {
		fprintf(stderr, "kadry: ошибка записи «%s»\n", path);
		goto out;
	}
	rc = 0;
out:
	iconv_close(cd);
	arena_release(&a);
	return rc;
}

int blanks_write(const char *dir, time_t created)
{
	struct arena a = ARENA_INIT;
	const char *tmp[2 * KIND__COUNT], *fin[2 * KIND__COUNT];
	int nt = 0, rc = -1;

	if (output_mkdir(dir))
		return -1;
	/* everything under temporary names first, then the renames */
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		for (int csv = 0; csv < 2; csv++) {
			const char *ext = csv ? "csv" : "xlsx";
			fin[nt] = arena_printf(&a, "%s/%s.%s", dir,
					       forms[k].file, ext);
			tmp[nt] = arena_printf(&a, "%s/.%s.%s.tmp%ld", dir,
					       forms[k].file, ext,
					       (long)getpid());
			nt++;
			if (csv ? write_csv(tmp[nt - 1], k)
				: write_xlsx(tmp[nt - 1], k, created))
				goto out;
		}
	}
	for (int i = 0; i < nt; i++)
		if (rename(tmp[i], fin[i])) {
			fprintf(stderr, "kadry: не удалось переименовать "
				"«%s»: %s\n", tmp[i], errno_ru(errno));
			goto out;
		}
	rc = 0;
out:
	for (int i = 0; i < nt; i++)
		unlink(tmp[i]);         /* renamed ones: ENOENT, harmless */
	arena_release(&a);
	return rc;
}
