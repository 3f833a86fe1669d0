/*
 * validate.c - the input folder to an accepted dataset plus diagnostics.
 *
 * Stages, in order: discovery (recursive scan, path order, kind by name or
 * header), then one pass per kind in dependency order (organizations, staff,
 * diagnostics, courses, mentoring, vacancies).  Each file is streamed
 * through csv_read; its first record is the header, every later record is a
 * data row checked against the kind's column table (schema.c) and then
 * against the rules that tie columns, rows and files together.
 *
 * Decisions where input.md leaves room (documented here once):
 * - A name prefix counts only when followed by the end of the name, '_',
 *   '-', '.', ' ' or a digit: «оо_5.csv» is organizations, «оосш.csv» is not.
 * - A file whose kind is known neither by name nor by header is an error for
 *   that file (its data would be lost silently otherwise); nothing is read.
 * - ds->have[kind] is set by a file of that kind whose header is usable, so
 *   a present but broken file shows as "no data", not as zero.
 * - Org codes are compared exactly (after trimming).
 * - A person with several staff rows and none `основное` gets one warning
 *   (on the first row, which counts as main); a single `совместительство`
 *   row is an external part-timer and draws no warning.
 * - A mentoring row repeating a pair with overlapping dates is accepted
 *   (counted in "принято") but merged: no second pair is stored.
 * - An optional date after the as-of date (hire_date) is a warning and the
 *   date counts as not stated; a required one is an error.
 * - A bad value in an optional column with a default (employment, category,
 *   horizon, yes/no) takes the default; any other one counts as not stated.
 */
#include "validate.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "enums.h"
#include "errno_ru.h"
#include "field.h"
#include "schema.h"

const struct diag_code validate_codes[] = {
	{ "V101", SEV_ERROR, "нет обязательного файла (организации, кадры)" },
	{ "V102", SEV_ERROR, "вид файла не определён ни по имени, ни по "
	  "заголовку; файл пропущен" },
	{ "V103", SEV_ERROR, "в файле нет строки заголовка" },
	{ "V104", SEV_ERROR, "нет обязательного столбца; строки файла не "
	  "приняты" },
	{ "V105", SEV_WARNING, "неизвестный столбец; не учитывается" },
	{ "V106", SEV_WARNING, "столбец повторяется; учитывается первый" },
	{ "V107", SEV_ERROR, "папку не удалось прочитать или она вложена "
	  "глубже 64 уровней" },
	{ "V110", SEV_ERROR, "не заполнено обязательное поле" },
	{ "V111", SEV_ERROR, "неверная дата" },
	{ "V112", SEV_WARNING, "число прочитано как дата Excel" },
	{ "V113", SEV_ERROR, "неверное число" },
	{ "V114", SEV_WARNING, "неверное значение да/нет" },
	{ "V115", SEV_ERROR, "значение не из списка" },
	{ "V116", SEV_ERROR, "неверный СНИЛС" },
	{ "V117", SEV_ERROR, "контрольное число СНИЛС не сходится" },
	{ "V118", SEV_ERROR, "неверный код ОО" },
	{ "V119", SEV_WARNING, "неизвестный предмет; сохранён как записан" },
	{ "V130", SEV_ERROR, "возраст вне пределов 16–90 лет" },
	{ "V131", SEV_ERROR, "педагогический стаж больше возраста минус 14 "
	  "лет" },
	{ "V132", SEV_ERROR, "дата позже отчётной даты" },
	{ "V133", SEV_ERROR, "окончание раньше начала" },
	{ "V134", SEV_WARNING, "значение вне допустимых пределов" },
	{ "V135", SEV_WARNING, "часов меньше нормы (ПК 16, ПП 250)" },
	{ "V137", SEV_ERROR, "наставник и наставляемый совпадают" },
	{ "V138", SEV_WARNING, "для учителя не указан предмет" },
	{ "V140", SEV_ERROR, "код ОО повторяется" },
	{ "V141", SEV_ERROR, "организация не найдена среди принятых" },
	{ "V142", SEV_ERROR, "работник повторяется в одной организации" },
	{ "V143", SEV_WARNING, "у работника не одна строка с основной "
	  "занятостью" },
	{ "V144", SEV_WARNING, "данные работника расходятся между строками" },
	{ "V145", SEV_ERROR, "работник не найден среди принятых" },
	{ "V146", SEV_WARNING, "пара наставничества повторяется; учтена один "
	  "раз" },
	{ "V147", SEV_WARNING, "строки программы расходятся в признаке" },
	{ NULL, SEV_ERROR, NULL }
};

/* ---- kinds and names ---- */

static const struct {
	const char *key, *name_ru;
	const char *prefixes[5];
} kinds[KIND__COUNT] = {
	[KIND_UNKNOWN] = { "unknown", "неизвестный вид", { NULL } },
	[KIND_ORGS] = { "organizations", "Образовательные организации",
			{ "organizations", "orgs", "организации", "оо",
			  NULL } },
	[KIND_STAFF] = { "staff", "Педагогические работники",
			 { "staff", "кадры", "педагоги", "работники", NULL } },
	[KIND_DIAGNOSTICS] = { "diagnostics",
			       "Диагностика профессиональных дефицитов",
			       { "diagnostics", "диагностика", NULL } },
	[KIND_COURSES] = { "courses",
			   "Повышение квалификации и переподготовка",
			   { "courses", "курсы", "пк", NULL } },
	[KIND_MENTORING] = { "mentoring", "Наставничество",
			     { "mentoring", "наставничество", NULL } },
	[KIND_VACANCIES] = { "vacancies", "Потребность в кадрах",
			     { "vacancies", "вакансии", "потребность",
			       NULL } },
};

const char *kind_key(int kind)
{
	if (kind == KIND_SUMMARY)
		return "summary";
	if (kind < 0 || kind >= KIND__COUNT)
		kind = KIND_UNKNOWN;
	return kinds[kind].key;
}

const char *kind_name_ru(int kind)
{
	if (kind == KIND_SUMMARY)
		return "Сводки прошлых периодов";
	if (kind < 0 || kind >= KIND__COUNT)
		kind = KIND_UNKNOWN;
	return kinds[kind].name_ru;
}

int validate_kind_from_name(const char *base)
{
	char norm[256];

	text_normalize(base, norm, sizeof(norm));
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		for (int i = 0; kinds[k].prefixes[i]; i++) {
			const char *p = kinds[k].prefixes[i];
			size_t n = strlen(p);
			if (strncmp(norm, p, n) != 0)
				continue;
			char c = norm[n];
			if (c == '\0' || c == '_' || c == '-' || c == '.' ||
			    c == ' ' || (c >= '0' && c <= '9'))
				return k;
		}
	}
	return KIND_UNKNOWN;
}

/* ---- the validator's state ---- */

struct vfile {
	char *rel;              /* path relative to the input folder */
	const char *data;       /* buffer, or NULL to read rel from disk */
	size_t len;
	int kind;
	int index;              /* in dl->files */
	int colmap[SCHEMA_MAX_COLS];    /* schema column -> file column */
};

/* Per-program state for the consistency warnings. */
struct progstate {
	uint8_t first_flags;    /* flags of the program's first row */
	uint8_t warned;         /* attributes already warned about */
	struct src first;
};

struct validator {
	const struct validate_opts *o;
	struct dataset *ds;
	struct diag_list *dl;
	struct csv_read_opts ropts;
	struct arena tmp;       /* keys of the validator's own maps */

	/* the file being read */
	struct vfile *f;
	const struct column *cols;
	int ncols;
	bool have_header, header_bad;
	const char **header;
	int nheader;

	/* the row being checked */
	const struct csv_record *rec;
	char *cell[SCHEMA_MAX_COLS];    /* trimmed, mutable copies */
	char *scratch;
	size_t scratch_cap;
	struct raw_row *raw;
	bool rejected;
	int *ibuf;              /* subject and area ids of the row */
	size_t nibuf, capibuf;

	/* state across files */
	struct strmap rejected_orgs;    /* ids seen only in rejected rows */
	struct strmap rejected_persons; /* SNILS seen only in rejected rows */
	int *staff_next;                /* next row of the same person */
	size_t cap_staff_next;
	int *person_last;               /* last row of each person */
	uint8_t *person_has_main;
	struct raw_row **person_first_raw;
	size_t cap_person_last, cap_person_has_main, cap_person_first_raw;
	struct progstate *prog;
	size_t cap_prog;
	struct strmap pair_index;       /* "mentor:mentee" -> first pair */
	struct strmap prog_raw;         /* program and provider as written
					   -> program, to skip normalizing */
	struct strmap area_raw;         /* deficit area as written -> id */
	int *pair_next;
	size_t cap_pair_next;
	struct vfile *files;
	int nfiles;
};

static char empty_cell[1];

/* ---- messages ---- */

/* A value for quoting in a message: at most ~80 bytes, UTF-8 safe. */
static const char *clip(const char *s, char *buf, size_t bufsz)
{
	size_t n = strlen(s);
	if (n < 80 && n < bufsz)
		return s;
	n = bufsz - 4 < 80 ? bufsz - 4 : 80;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "…", sizeof("…"));
	return buf;
}

/* "12,5" for 12.500 (Russian decimal mark, no trailing zeros). */
static char *fmt_fix(fix_t v, char *buf, size_t n)
{
	bool neg = v < 0;
	uint64_t a = neg ? -(uint64_t)v : (uint64_t)v;
	unsigned frac = (unsigned)(a % FIX_ONE);
	int k = snprintf(buf, n, "%s%llu", neg ? "-" : "",
			 (unsigned long long)(a / FIX_ONE));
	if (frac && k > 0 && (size_t)k < n) {
		char f[8];
		snprintf(f, sizeof(f), "%03u", frac);
		for (int i = 2; i > 0 && f[i] == '0'; i--)
			f[i] = '\0';
		snprintf(buf + k, n - (size_t)k, ",%s", f);
	}
	return buf;
}

/* " файла <path>" when src is in another file than the current one. */
static const char *where_file(struct validator *v, int file, char *buf,
			      size_t n)
{
	if (file == v->f->index) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, n, " файла %s", v->dl->files[file].path);
	return buf;
}

/* The raw copy of the current row, made on its first diagnostic. */
static struct raw_row *row_raw(struct validator *v)
{
	const struct csv_record *r = v->rec;
	struct arena *a = v->dl->arena;

	if (v->raw)
		return v->raw;
	v->raw = arena_alloc(a, sizeof(*v->raw));
	v->raw->file = v->f->index;
	v->raw->line = r->line;
	v->raw->nfields = r->nfields;
	v->raw->fields = arena_alloc(a, (size_t)(r->nfields ? r->nfields : 1) *
				     sizeof(*v->raw->fields));
	for (int i = 0; i < r->nfields; i++)
		v->raw->fields[i] = r->lens ?
			arena_strndup(a, r->fields[i], r->lens[i]) :
			arena_strdup(a, r->fields[i]);
	return v->raw;
}

/*
 * A diagnostic on the current row at schema column c (-1: none).  Errors
 * reject the row.  Personal columns never carry their value.
 */
static struct diag *vrdiag(struct validator *v, int c, enum severity sev,
			   const char *code, const char *value,
			   const char *fmt, va_list ap)
{
	char msg[1024];
	const char *column = NULL;
	int ci = -1;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (c >= 0) {
		ci = v->f->colmap[c];
		column = ci >= 0 && ci < v->nheader ? v->header[ci] :
			v->cols[c].label;
		if (v->cols[c].personal)
			value = NULL;
	}
	struct diag *d = diag_add(v->dl, v->f->index, v->rec->line, column,
				  sev, code, value, "%s", msg);
	d->row = row_raw(v);
	d->col_index = ci;
	if (sev == SEV_ERROR)
		v->rejected = true;
	return d;
}

static struct diag *rdiag(struct validator *v, int c, enum severity sev,
			  const char *code, const char *value,
			  const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static struct diag *rdiag(struct validator *v, int c, enum severity sev,
			  const char *code, const char *value,
			  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct diag *d = vrdiag(v, c, sev, code, value, fmt, ap);
	va_end(ap);
	return d;
}

/*
 * A bad value in column c: an error when the column is required, else a
 * warning saying what is taken instead.
 */
static void problem(struct validator *v, int c, const char *code,
		    const char *value, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void problem(struct validator *v, int c, const char *code,
		    const char *value, const char *fmt, ...)
{
	char msg[900];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (v->cols[c].required)
		rdiag(v, c, SEV_ERROR, code, value, "%s", msg);
	else if (v->cols[c].def)
		rdiag(v, c, SEV_WARNING, code, value, "%s; принято «%s»", msg,
		      v->cols[c].def);
	else
		rdiag(v, c, SEV_WARNING, code, value,
		      "%s; значение не учтено", msg);
}

/* ---- typed cells ---- */

static const char *cell(struct validator *v, int c)
{
	return v->cell[c];
}

/* The cell of c, or NULL when empty (an error when required). */
static const char *get_text(struct validator *v, int c)
{
	const char *s = v->cell[c];
	if (s[0])
		return s;
	if (v->cols[c].required)
		rdiag(v, c, SEV_ERROR, "V110", NULL,
		      "не заполнено обязательное поле");
	return NULL;
}

static bool get_date(struct validator *v, int c, kdate *out)
{
	const char *s = get_text(v, c), *exp = NULL;
	bool serial = false, pers = v->cols[c].personal;
	char q[128], d[16];

	*out = KDATE_NONE;
	if (!s)
		return false;
	enum field_status st = field_date(s, out, &serial, &exp);
	if (st != FIELD_OK) {
		*out = KDATE_NONE;
		if (pers)
			problem(v, c, "V111", NULL,
				"неверная дата: ожидается %s",
				exp ? exp : "дата");
		else
			problem(v, c, "V111", s, "неверная дата «%s»: "
				"ожидается %s", clip(s, q, sizeof(q)),
				exp ? exp : "дата");
		return false;
	}
	if (serial) {
		if (pers)
			rdiag(v, c, SEV_WARNING, "V112", NULL,
			      "число прочитано как дата Excel; укажите дату "
			      "в виде ДД.ММ.ГГГГ");
		else
			rdiag(v, c, SEV_WARNING, "V112", s,
			      "число «%s» прочитано как дата Excel %s; "
			      "укажите дату в виде ДД.ММ.ГГГГ", s,
			      date_format(*out, d));
	}
	return true;
}

/* A date that must not be after the as-of date. */
static bool get_date_asof(struct validator *v, int c, kdate *out)
{
	char d[16];

	if (!get_date(v, c, out))
		return false;
	if (v->ds->asof != KDATE_NONE && *out > v->ds->asof) {
		problem(v, c, "V132", cell(v, c), "дата «%s» позже отчётной "
			"даты %s", cell(v, c), date_format(v->ds->asof, d));
		*out = KDATE_NONE;
		return false;
	}
	return true;
}

static bool get_number(struct validator *v, int c, fix_t *out)
{
	const char *s = get_text(v, c), *exp = NULL;
	char q[128];

	*out = FIX_NONE;
	if (!s)
		return false;
	if (field_number(s, out, &exp) != FIELD_OK) {
		*out = FIX_NONE;
		problem(v, c, "V113", s, "неверное число «%s»: ожидается %s",
			clip(s, q, sizeof(q)), exp ? exp : "число");
		return false;
	}
	return true;
}

/* A number in lo..hi (inclusive; FIX_NONE: unbounded). */
static bool get_range(struct validator *v, int c, fix_t lo, fix_t hi,
		      fix_t *out)
{
	char a[32], b[32];

	if (!get_number(v, c, out))
		return false;
	if ((lo != FIX_NONE && *out < lo) || (hi != FIX_NONE && *out > hi)) {
		if (hi == FIX_NONE)
			problem(v, c, "V134", cell(v, c), "значение «%s» вне "
				"пределов: ожидается не меньше %s", cell(v, c),
				fmt_fix(lo, a, sizeof(a)));
		else
			problem(v, c, "V134", cell(v, c), "значение «%s» вне "
				"пределов: ожидается от %s до %s", cell(v, c),
				fmt_fix(lo, a, sizeof(a)),
				fmt_fix(hi, b, sizeof(b)));
		*out = FIX_NONE;
		return false;
	}
	return true;
}

/* Yes/no; empty and bad values are "no" (bad ones warned). */
static bool get_yesno(struct validator *v, int c)
{
	const char *s = cell(v, c), *exp = NULL;
	bool val = false;
	char q[128];

	if (!s[0])
		return false;
	if (field_yesno(s, &val, &exp) != FIELD_OK) {
		problem(v, c, "V114", s,
			"неверное значение «%s»: ожидается %s",
			clip(s, q, sizeof(q)), exp ? exp : "да или нет");
		return false;
	}
	return val;
}

/*
 * An enumerated value; empty gives the default (0 when none), unknown
 * values are diagnosed and give the default too.
 */
static int get_enum(struct validator *v, int c)
{
	const struct column *col = &v->cols[c];
	const char *s = get_text(v, c);
	char q[128];
	int def, val;

	if (s && (val = enum_lookup(col->enum_id, s)))
		return val;
	def = col->def ? enum_lookup(col->enum_id, col->def) : 0;
	if (!s)
		return def;
	problem(v, c, "V115", s, "неизвестное значение «%s»: ожидается одно "
		"из: %s", clip(s, q, sizeof(q)), enum_expected(col->enum_id));
	return def;
}

/* A position (with the subject «учитель <предмета>» names). */
static int get_position(struct validator *v, int c, int *subject)
{
	const char *s = get_text(v, c);
	char q[128];

	*subject = SUBJ_NONE;
	if (!s)
		return 0;
	int val = position_lookup(s, subject);
	if (val)
		return val;
	problem(v, c, "V115", s, "неизвестная должность «%s»: ожидается одно "
		"из: %s", clip(s, q, sizeof(q)), enum_expected(EN_POSITION));
	return 0;
}

static bool get_snils(struct validator *v, int c, char out[12])
{
	const char *s = get_text(v, c), *exp = NULL;

	if (!s)
		return false;
	enum field_status st = field_snils(s, out, &exp);
	if (st == FIELD_OK)
		return true;
	if (st == FIELD_BAD_CHECKSUM)
		rdiag(v, c, SEV_ERROR, "V117", NULL,
		      "контрольное число СНИЛС не сходится");
	else
		rdiag(v, c, SEV_ERROR, "V116", NULL,
		      "неверный СНИЛС: ожидается %s",
		      exp ? exp : "123-456-789 01");
	return false;
}

/* One subject: canonical id, or the text kept as written (warned). */
static int subject_id(struct validator *v, int c, const char *s)
{
	char q[128];
	int id = enum_lookup(EN_SUBJECT, s);
	if (id)
		return id;
	rdiag(v, c, SEV_WARNING, "V119", s, "неизвестный предмет «%s»; "
	      "сохранён как записан", clip(s, q, sizeof(q)));
	return dataset_subject_id(v->ds, s);
}

static void ibuf_add_unique(struct validator *v, int id)
{
	for (size_t i = 0; i < v->nibuf; i++)
		if (v->ibuf[i] == id)
			return;
	*VEC_PUSH(v->ibuf, v->nibuf, v->capibuf) = id;
}

/* Trims p[0..n) of spaces and NBSP in place; returns the start. */
static char *trim_part(char *p, char *e)
{
	for (;;) {
		if (p < e && (*p == ' ' || *p == '\t'))
			p++;
		else if (e - p >= 2 && (unsigned char)p[0] == 0xC2 &&
			 (unsigned char)p[1] == 0xA0)
			p += 2;
		else
			break;
	}
	for (;;) {
		if (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - p >= 2 && (unsigned char)e[-2] == 0xC2 &&
			 (unsigned char)e[-1] == 0xA0)
			e -= 2;
		else
			break;
	}
	*e = '\0';
	return p;
}

/*
 * Splits the (mutable) cell of c at any of seps and calls fn on each
 * non-empty trimmed part; ids go to v->ibuf without repeats.
 */
static void split_cell(struct validator *v, int c, const char *seps,
		       int (*fn)(struct validator *, int, const char *))
{
	char *p = v->cell[c];

	v->nibuf = 0;
	if (!p[0])
		return;
	for (;;) {
		char *q = p + strcspn(p, seps);
		bool last = *q == '\0';
		char *part = trim_part(p, q);
		/* a dash is how spreadsheets say "none" */
		if (part[0] && strcmp(part, "-") && strcmp(part, "–") &&
		    strcmp(part, "—"))
			ibuf_add_unique(v, fn(v, c, part));
		if (last)
			break;
		p = q + 1;
	}
}

static int area_id(struct validator *v, int c, const char *s)
{
	char norm[512];
	(void)c;
	/* a few areas recur on every diagnostics row: the raw text first */
	int id = strmap_get(&v->area_raw, s);
	if (id >= 0)
		return id;
	text_normalize(s, norm, sizeof(norm));
	id = dataset_area_id(v->ds, norm);
	strmap_put(&v->area_raw, arena_strdup(&v->tmp, s), id);
	return id;
}

static int *ids_copy(struct validator *v)
{
	if (!v->nibuf)
		return NULL;
	int *p = arena_alloc(&v->ds->arena, v->nibuf * sizeof(*p));
	memcpy(p, v->ibuf, v->nibuf * sizeof(*p));
	return p;
}

/* The org referred to by column c, or -1 (diagnosed). */
static int get_org_ref(struct validator *v, int c)
{
	const char *s = get_text(v, c);
	char q[128];

	if (!s)
		return -1;
	int org = strmap_get(&v->ds->org_index, s);
	if (org >= 0)
		return org;
	if (strmap_get(&v->rejected_orgs, s) >= 0)
		rdiag(v, c, SEV_ERROR, "V141", s, "строки организации «%s» "
		      "в файле организаций отклонены", clip(s, q, sizeof(q)));
	else
		rdiag(v, c, SEV_ERROR, "V141", s, "организация «%s» не "
		      "найдена в файле организаций", clip(s, q, sizeof(q)));
	return -1;
}

/* The person referred to by column c, or -1 (diagnosed). */
static int get_person_ref(struct validator *v, int c, char snils[12],
			  const char *who, const char *whose)
{
	if (!get_snils(v, c, snils))
		return -1;
	int p = strmap_get(&v->ds->person_index, snils);
	if (p >= 0)
		return p;
	if (strmap_get(&v->rejected_persons, snils) >= 0)
		rdiag(v, c, SEV_ERROR, "V145", NULL, "все строки %s в файле "
		      "кадров отклонены", whose);
	else
		rdiag(v, c, SEV_ERROR, "V145", NULL, "%s не найден в файле "
		      "кадров", who);
	return -1;
}

static void mark_rejected(struct strmap *m, struct arena *a, const char *key)
{
	if (key && key[0] && strmap_get(m, key) < 0)
		strmap_put(m, arena_strdup(a, key), 1);
}

static const char *dup_str(struct validator *v, const char *s)
{
	return s && s[0] ? arena_strdup(&v->ds->arena, s) : NULL;
}

static struct src row_src(struct validator *v)
{
	struct src s = { v->f->index, v->rec->line };
	return s;
}

/* ---- organizations ---- */

static const char *do_org(struct validator *v)
{
	struct dataset *ds = v->ds;
	const char *id = get_text(v, CO_ID), *exp = NULL;
	char q[128], w[512];
	bool id_ok = false;

	if (id) {
		if (field_org_id(id, &exp) != FIELD_OK)
			rdiag(v, CO_ID, SEV_ERROR, "V118", id, "неверный код "
			      "ОО «%s»: ожидается %s", clip(id, q, sizeof(q)),
			      exp ? exp : "код ОО");
		else
			id_ok = true;
	}
	const char *name = get_text(v, CO_NAME);
	int type = get_enum(v, CO_TYPE);
	const char *mun = get_text(v, CO_MUNICIPALITY);
	bool low = get_yesno(v, CO_LOW_RESULTS);
	bool model = get_yesno(v, CO_MENTORING_MODEL);

	if (id_ok) {
		int prev = strmap_get(&ds->org_index, id);
		if (prev >= 0) {
			const struct src *s = &ds->orgs.v[prev].src;
			rdiag(v, CO_ID, SEV_ERROR, "V140", id, "код ОО «%s» "
			      "уже встречался в строке %ld%s",
			      clip(id, q, sizeof(q)), s->line,
			      where_file(v, s->file, w, sizeof(w)));
		}
	}
	if (v->rejected) {
		mark_rejected(&v->rejected_orgs, &v->tmp, id);
		return id;
	}
	struct org *o = VEC_PUSH(ds->orgs.v, ds->orgs.n, ds->orgs.cap);
	o->id = arena_strdup(&ds->arena, id);
	o->name = dup_str(v, name);
	o->municipality = dup_str(v, mun);
	o->type = (uint8_t)type;
	o->low_results = low;
	o->mentoring_model = model;
	o->src = row_src(v);
	strmap_put(&ds->org_index, o->id, (int)ds->orgs.n - 1);
	return id;
}

/* ---- staff ---- */

static void grow_person_state(struct validator *v, size_t n)
{
	v->person_last = vec_grow(v->person_last, &v->cap_person_last, n,
				  sizeof(*v->person_last));
	v->person_has_main = vec_grow(v->person_has_main,
				      &v->cap_person_has_main, n,
				      sizeof(*v->person_has_main));
	v->person_first_raw = vec_grow(v->person_first_raw,
				       &v->cap_person_first_raw, n,
				       sizeof(*v->person_first_raw));
}

static int subject_of_staff(struct validator *v, int c, const char *s)
{
	return subject_id(v, c, s);
}

static const char *do_staff(struct validator *v)
{
	struct dataset *ds = v->ds;
	char snils[12], w[512], a[32], b[32];
	int psubj = SUBJ_NONE, age = -1;
	kdate birth, hire;
	fix_t exp, load;

	bool snils_ok = get_snils(v, CS_PERSON, snils);
	int org = get_org_ref(v, CS_ORG);
	const char *name = cell(v, CS_FULL_NAME);
	if (get_date(v, CS_BIRTH, &birth) && ds->asof != KDATE_NONE) {
		age = date_age(birth, ds->asof);
		if (age < 16 || age > 90) {
			rdiag(v, CS_BIRTH, SEV_ERROR, "V130", NULL, "возраст "
			      "на отчётную дату вне пределов: ожидается от 16 "
			      "до 90 лет");
			age = -1;
		}
	}
	int gender = get_enum(v, CS_GENDER);
	int pos = get_position(v, CS_POSITION, &psubj);
	split_cell(v, CS_SUBJECTS, ",/", subject_of_staff);
	if (!v->nibuf && psubj != SUBJ_NONE)
		ibuf_add_unique(v, psubj);
	if (pos == POS_TEACHER && !v->nibuf)
		rdiag(v, v->f->colmap[CS_SUBJECTS] >= 0 ? CS_SUBJECTS :
		      CS_POSITION, SEV_WARNING, "V138", NULL,
		      "для учителя не указан предмет: ни в столбце предметов, "
		      "ни в должности («учитель математики»)");
	int emp = get_enum(v, CS_EMPLOYMENT);
	int edu = get_enum(v, CS_EDUCATION);
	int cat = get_enum(v, CS_CATEGORY);
	if (get_number(v, CS_EXPERIENCE, &exp)) {
		if (exp < 0) {
			rdiag(v, CS_EXPERIENCE, SEV_ERROR, "V134",
			      cell(v, CS_EXPERIENCE), "стаж «%s» меньше 0",
			      cell(v, CS_EXPERIENCE));
		} else if (age >= 0 && exp > FIX(age - 14)) {
			rdiag(v, CS_EXPERIENCE, SEV_ERROR, "V131",
			      cell(v, CS_EXPERIENCE), "педагогический стаж "
			      "«%s» больше возраста работника минус 14 лет",
			      cell(v, CS_EXPERIENCE));
		}
	}
	get_date_asof(v, CS_HIRE, &hire);
	get_range(v, CS_LOAD, 0, FIX(60), &load);
	uint8_t flags = 0;
	static const struct { int col; uint8_t flag; } yn[] = {
		{ CS_MENTOR, SF_MENTOR },
		{ CS_METHOD_ACTIVE, SF_METHOD_ACTIVE },
		{ CS_NETWORK, SF_NETWORK },
		{ CS_YOUNG_SUPPORT, SF_YOUNG_SUPPORT }, { CS_IOM, SF_IOM },
		{ CS_TARGET_CONTRACT, SF_TARGET_CONTRACT },
		{ CS_ARRIVED, SF_ARRIVED },
	};
	for (size_t i = 0; i < sizeof(yn) / sizeof(yn[0]); i++)
		if (get_yesno(v, yn[i].col))
			flags |= yn[i].flag;

	int person = snils_ok ? strmap_get(&ds->person_index, snils) : -1;
	if (person >= 0 && org >= 0) {
		int r = ds->persons.v[person].first_row;
		for (; r >= 0; r = v->staff_next[r]) {
			if (ds->staff.v[r].org != org)
				continue;
			rdiag(v, CS_PERSON, SEV_ERROR, "V142", NULL,
			      "работник уже указан в этой организации в "
			      "строке %ld%s", ds->staff.v[r].src.line,
			      where_file(v, ds->staff.v[r].src.file, w,
					 sizeof(w)));
			break;
		}
	}
	if (v->rejected) {
		if (snils_ok && person < 0)
			mark_rejected(&v->rejected_persons, &v->tmp, snils);
		return cell(v, CS_ORG);
	}

	int row = (int)ds->staff.n;
	struct staff_row *s = VEC_PUSH(ds->staff.v, ds->staff.n,
				       ds->staff.cap);
	s->org = org;
	s->full_name = dup_str(v, name);
	s->birth = birth;
	s->hire = hire;
	s->experience = exp;
	s->load = load;
	s->position = (uint8_t)pos;
	s->gender = (uint8_t)gender;
	s->employment = (uint8_t)emp;
	s->education = (uint8_t)edu;
	s->category = (uint8_t)cat;
	s->flags = flags;
	s->nsubjects = (int)v->nibuf;
	s->subjects = ids_copy(v);
	s->src = row_src(v);
	v->staff_next = vec_grow(v->staff_next, &v->cap_staff_next,
				 ds->staff.n, sizeof(*v->staff_next));
	v->staff_next[row] = -1;

	if (person < 0) {
		person = (int)ds->persons.n;
		struct person *p = VEC_PUSH(ds->persons.v, ds->persons.n,
					    ds->persons.cap);
		p->snils = arena_strdup(&ds->arena, snils);
		p->main_row = p->first_row = row;
		p->nrows = 1;
		strmap_put(&ds->person_index, p->snils, person);
		grow_person_state(v, ds->persons.n);
		v->person_last[person] = row;
		v->person_has_main[person] = emp == EMP_MAIN;
		/* kept for the "no main row" warning of the final pass */
		v->person_first_raw[person] = emp == EMP_MAIN ? v->raw :
			row_raw(v);
		s->person = person;
		return cell(v, CS_ORG);
	}

	struct person *p = &ds->persons.v[person];
	const struct staff_row *first = &ds->staff.v[p->first_row];
	s->person = person;
	v->staff_next[v->person_last[person]] = row;
	v->person_last[person] = row;
	p->nrows++;
	if (first->birth != birth)
		rdiag(v, CS_BIRTH, SEV_WARNING, "V144", NULL, "дата рождения "
		      "не совпадает с указанной в строке %ld%s; учитывается "
		      "строка с основной занятостью", first->src.line,
		      where_file(v, first->src.file, w, sizeof(w)));
	if (first->experience != exp)
		rdiag(v, CS_EXPERIENCE, SEV_WARNING, "V144",
		      cell(v, CS_EXPERIENCE), "стаж «%s» не совпадает со "
		      "стажем «%s» в строке %ld%s; учитывается строка с "
		      "основной занятостью", fmt_fix(exp, a, sizeof(a)),
		      fmt_fix(first->experience, b, sizeof(b)),
		      first->src.line,
		      where_file(v, first->src.file, w, sizeof(w)));
	if (emp == EMP_MAIN) {
		if (v->person_has_main[person]) {
			const struct src *m = &ds->staff.v[p->main_row].src;
			rdiag(v, CS_EMPLOYMENT, SEV_WARNING, "V143",
			      cell(v, CS_EMPLOYMENT), "основная занятость "
			      "работника уже указана в строке %ld%s; "
			      "основной считается она", m->line,
			      where_file(v, m->file, w, sizeof(w)));
		} else {
			p->main_row = row;
			v->person_has_main[person] = 1;
		}
	}
	return cell(v, CS_ORG);
}

/*
 * After all staff files: a person with several rows and no `основное`
 * one gets a warning on the first row, which counts as main.
 */
static void staff_final(struct validator *v)
{
	struct dataset *ds = v->ds;

	for (size_t i = 0; i < ds->persons.n; i++) {
		const struct person *p = &ds->persons.v[i];
		if (p->nrows < 2 || v->person_has_main[i])
			continue;
		const struct staff_row *s = &ds->staff.v[p->main_row];
		struct raw_row *raw = v->person_first_raw[i];
		const struct file_report *fr = &v->dl->files[s->src.file];
		const char *column = NULL;
		int ci = -1;
		for (int k = 0; k < v->nfiles; k++) {
			if (v->files[k].index != s->src.file)
				continue;
			ci = v->files[k].colmap[CS_EMPLOYMENT];
			if (ci >= 0 && ci < fr->ncols)
				column = fr->header[ci];
			break;
		}
		struct diag *d = diag_add(v->dl, s->src.file, s->src.line,
					  column, SEV_WARNING, "V143", NULL,
					  "ни в одной из %d строк работника "
					  "не указана основная занятость; "
					  "основной считается эта строка",
					  p->nrows);
		d->row = raw;
		d->col_index = raw ? ci : -1;
	}
}

/* ---- diagnostics ---- */

static int subject_single(struct validator *v, int c)
{
	const char *s = cell(v, c);
	return s[0] ? subject_id(v, c, s) : SUBJ_NONE;
}

/*
 * The org id of a person's main row (for the return files).  Only a row
 * with a diagnostic needs it: skipping the two random reads (person, then
 * staff row) on clean rows matters at a million staff, where each is a
 * cache miss.
 */
static const char *person_org(struct validator *v, int person)
{
	if (person < 0 || !v->raw)
		return NULL;
	const struct dataset *ds = v->ds;
	const struct staff_row *s =
		&ds->staff.v[ds->persons.v[person].main_row];
	return ds->orgs.v[s->org].id;
}

static const char *do_diag(struct validator *v)
{
	struct dataset *ds = v->ds;
	char snils[12];
	kdate date;
	fix_t score;
	int8_t deficit = -1;

	int person = get_person_ref(v, CD_PERSON, snils, "работник",
				    "работника");
	get_date_asof(v, CD_DATE, &date);
	int kind = get_enum(v, CD_KIND);
	int subject = subject_single(v, CD_SUBJECT);
	get_range(v, CD_SCORE, 0, FIX(100), &score);
	if (cell(v, CD_DEFICIT)[0]) {
		bool val = false;
		const char *exp = NULL;
		char q[128];
		if (field_yesno(cell(v, CD_DEFICIT), &val, &exp) == FIELD_OK)
			deficit = val;
		else
			problem(v, CD_DEFICIT, "V114", cell(v, CD_DEFICIT),
				"неверное значение «%s»: ожидается %s",
				clip(cell(v, CD_DEFICIT), q, sizeof(q)),
				exp ? exp : "да или нет");
	}
	if (v->rejected)
		return person_org(v, person);
	split_cell(v, CD_AREAS, ",", area_id);
	struct diag_row *d = VEC_PUSH(ds->diags.v, ds->diags.n, ds->diags.cap);
	d->person = person;
	d->date = date;
	d->kind = (uint8_t)kind;
	d->deficit = deficit;
	d->subject = subject;
	d->score = score;
	d->nareas = (int)v->nibuf;
	d->areas = ids_copy(v);
	d->src = row_src(v);
	return person_org(v, person);
}

/* ---- courses ---- */

static const struct { int col; uint8_t flag; } course_flags[] = {
	{ CC_FEDERAL, CFL_FEDERAL },
	{ CC_ADDRESSES_DEFICIT, CFL_ADDRESSES_DEFICIT },
	{ CC_ELEARNING, CFL_ELEARNING }, { CC_STRESS, CFL_STRESS },
	{ CC_EXPERT_GIA, CFL_EXPERT_GIA },
	{ CC_EXPERT_ATTEST, CFL_EXPERT_ATTEST },
	{ CC_PEDAGOGICAL, CFL_PEDAGOGICAL },
};
#define NCOURSE_FLAGS (sizeof(course_flags) / sizeof(course_flags[0]))

static int program_of(struct validator *v, const char *name,
		      const char *provider, uint8_t flags)
{
	struct dataset *ds = v->ds;
	char a[1024], b[1024], key[2100], w[512], q[128], raw[512];
	size_t nn = strlen(name), np = provider ? strlen(provider) : 0;
	int pr = -1;

	/*
	 * The same spelling recurs on thousands of rows: the raw text finds
	 * the program without normalizing both names (the answer depends on
	 * the text alone).  Long names (rare) take the normal way.
	 */
	bool use_raw = nn + np + 2 <= sizeof(raw) && !memchr(name, 0x1f, nn);
	if (use_raw) {
		memcpy(raw, name, nn);
		raw[nn] = '\x1f';
		memcpy(raw + nn + 1, provider ? provider : "", np);
		raw[nn + 1 + np] = '\0';
		pr = strmap_get(&v->prog_raw, raw);
	}
	if (pr < 0) {
		text_normalize(name, a, sizeof(a));
		text_normalize(provider ? provider : "", b, sizeof(b));
		snprintf(key, sizeof(key), "%s\x1f%s", a, b);
		pr = strmap_get(&ds->program_index, key);
		if (pr >= 0 && use_raw)
			strmap_put(&v->prog_raw, arena_strdup(&v->tmp, raw),
				   pr);
	}
	if (pr < 0) {
		pr = (int)ds->programs.n;
		struct program *p = VEC_PUSH(ds->programs.v, ds->programs.n,
					     ds->programs.cap);
		p->name = arena_strdup(&ds->arena, name);
		p->provider = dup_str(v, provider);
		p->flags = flags;
		/* the map keeps its keys: they live as long as the dataset */
		strmap_put(&ds->program_index, arena_strdup(&ds->arena, key),
			   pr);
		v->prog = vec_grow(v->prog, &v->cap_prog, ds->programs.n,
				   sizeof(*v->prog));
		v->prog[pr].first_flags = flags;
		v->prog[pr].warned = 0;
		v->prog[pr].first = row_src(v);
		if (use_raw)
			strmap_put(&v->prog_raw, arena_strdup(&v->tmp, raw),
				   pr);
		return pr;
	}
	struct program *p = &ds->programs.v[pr];
	struct progstate *ps = &v->prog[pr];
	uint8_t diff = (uint8_t)((flags ^ ps->first_flags) & ~ps->warned);
	for (size_t i = 0; i < NCOURSE_FLAGS; i++) {
		uint8_t fl = course_flags[i].flag;
		if (!(diff & fl))
			continue;
		int c = course_flags[i].col;
		ps->warned |= fl;
		rdiag(v, c, SEV_WARNING, "V147", cell(v, c)[0] ? cell(v, c) :
		      NULL, "признак «%s» программы «%s» расходится со "
		      "строкой %ld%s; для всех строк программы принято «да»",
		      v->cols[c].label, clip(name, q, sizeof(q)),
		      ps->first.line,
		      where_file(v, ps->first.file, w, sizeof(w)));
	}
	p->flags |= flags;
	return pr;
}

static const char *do_course(struct validator *v)
{
	struct dataset *ds = v->ds;
	char snils[12], a[32], d[16];
	kdate start, end;
	fix_t hours;

	int person = get_person_ref(v, CC_PERSON, snils, "работник",
				    "работника");
	const char *program = get_text(v, CC_PROGRAM);
	const char *provider = cell(v, CC_PROVIDER);
	int kind = get_enum(v, CC_KIND);
	if (get_number(v, CC_HOURS, &hours)) {
		if (hours <= 0) {
			problem(v, CC_HOURS, "V134", cell(v, CC_HOURS),
				"часы «%s»: ожидается число больше 0",
				cell(v, CC_HOURS));
			hours = FIX_NONE;
		} else if (kind == CK_PK && hours < FIX(16)) {
			rdiag(v, CC_HOURS, SEV_WARNING, "V135",
			      cell(v, CC_HOURS), "%s ч меньше 16 ч — "
			      "минимума повышения квалификации",
			      fmt_fix(hours, a, sizeof(a)));
		} else if (kind == CK_PP && hours < FIX(250)) {
			rdiag(v, CC_HOURS, SEV_WARNING, "V135",
			      cell(v, CC_HOURS), "%s ч меньше 250 ч — "
			      "минимума профессиональной переподготовки",
			      fmt_fix(hours, a, sizeof(a)));
		}
	}
	get_date(v, CC_START, &start);
	if (get_date_asof(v, CC_END, &end) && start != KDATE_NONE &&
	    end < start)
		rdiag(v, CC_END, SEV_ERROR, "V133", cell(v, CC_END),
		      "окончание «%s» раньше начала %s", cell(v, CC_END),
		      date_format(start, d));
	int form = get_enum(v, CC_FORM);
	uint8_t flags = 0;
	for (size_t i = 0; i < NCOURSE_FLAGS; i++)
		if (get_yesno(v, course_flags[i].col))
			flags |= course_flags[i].flag;
	if (v->rejected)
		return person_org(v, person);

	struct course_row *c = VEC_PUSH(ds->courses.v, ds->courses.n,
					ds->courses.cap);
	c->person = person;
	c->kind = (uint8_t)kind;
	c->form = (uint8_t)form;
	c->flags = flags;
	c->hours = hours;
	c->start = start;
	c->end = end;
	c->src = row_src(v);
	/* after the push: program_of may warn, and c must stay valid */
	int pr = program_of(v, program, provider[0] ? provider : NULL, flags);
	ds->courses.v[ds->courses.n - 1].program = pr;
	return person_org(v, person);
}

/* ---- mentoring ---- */

static bool overlaps(kdate s1, kdate e1, kdate s2, kdate e2)
{
	/* an open end (KDATE_NONE) runs on for ever */
	bool a = e2 == KDATE_NONE || s1 <= e2;
	bool b = e1 == KDATE_NONE || s2 <= e1;
	return a && b;
}

static const char *do_mentoring(struct validator *v)
{
	struct dataset *ds = v->ds;
	char s1[12], s2[12], d[16], w[512];
	kdate start, end;

	int org = get_org_ref(v, CM_ORG);
	int mentor = get_person_ref(v, CM_MENTOR, s1, "наставник",
				    "наставника");
	int mentee = get_person_ref(v, CM_MENTEE, s2, "наставляемый",
				    "наставляемого");
	if (mentor >= 0 && mentor == mentee)
		rdiag(v, CM_MENTEE, SEV_ERROR, "V137", NULL,
		      "наставник и наставляемый — один и тот же человек");
	int form = get_enum(v, CM_FORM);
	get_date_asof(v, CM_START, &start);
	/* a planned end may lie after the as-of date */
	if (get_date(v, CM_END, &end) && start != KDATE_NONE && end < start)
		rdiag(v, CM_END, SEV_ERROR, "V133", cell(v, CM_END),
		      "окончание «%s» раньше начала %s", cell(v, CM_END),
		      date_format(start, d));
	bool paid = get_yesno(v, CM_PAID);
	if (v->rejected)
		return cell(v, CM_ORG);

	char kb[32];
	snprintf(kb, sizeof(kb), "%d:%d", mentor, mentee);
	int first = strmap_get(&v->pair_index, kb);
	for (int i = first; i >= 0; i = v->pair_next[i]) {
		const struct pair *p = &ds->pairs.v[i];
		if (!overlaps(p->start, p->end, start, end))
			continue;
		rdiag(v, CM_MENTEE, SEV_WARNING, "V146", NULL, "та же пара "
		      "наставник — наставляемый с пересекающимися датами уже "
		      "указана в строке %ld%s; пара учтена один раз",
		      p->src.line, where_file(v, p->src.file, w, sizeof(w)));
		return cell(v, CM_ORG);
	}
	int idx = (int)ds->pairs.n;
	struct pair *p = VEC_PUSH(ds->pairs.v, ds->pairs.n, ds->pairs.cap);
	p->org = org;
	p->mentor = mentor;
	p->mentee = mentee;
	p->form = (uint8_t)form;
	p->paid = paid;
	p->start = start;
	p->end = end;
	p->src = row_src(v);
	v->pair_next = vec_grow(v->pair_next, &v->cap_pair_next, ds->pairs.n,
				sizeof(*v->pair_next));
	/* newest first: the chain is short, order does not matter */
	v->pair_next[idx] = first;
	/* an existing key keeps its stored copy (strmap_put) */
	strmap_put(&v->pair_index, first >= 0 ? kb :
		   arena_strdup(&v->tmp, kb), idx);
	return cell(v, CM_ORG);
}

/* ---- vacancies ---- */

static const char *do_vacancy(struct validator *v)
{
	struct dataset *ds = v->ds;
	int psubj = SUBJ_NONE;
	long long count = 0;
	fix_t hours;
	const char *exp = NULL;
	char q[128];

	int org = get_org_ref(v, CV_ORG);
	int pos = get_position(v, CV_POSITION, &psubj);
	int subject = subject_single(v, CV_SUBJECT);
	if (subject == SUBJ_NONE)
		subject = psubj;
	if (pos == POS_TEACHER && subject == SUBJ_NONE)
		rdiag(v, v->f->colmap[CV_SUBJECT] >= 0 ? CV_SUBJECT :
		      CV_POSITION, SEV_WARNING, "V138", NULL,
		      "для учителя не указан предмет: ни в столбце предмета, "
		      "ни в должности («учитель математики»)");
	const char *s = get_text(v, CV_COUNT);
	if (s) {
		if (field_integer(s, &count, &exp) != FIELD_OK)
			rdiag(v, CV_COUNT, SEV_ERROR, "V113", s, "неверное "
			      "количество «%s»: ожидается %s",
			      clip(s, q, sizeof(q)),
			      exp ? exp : "целое число");
		else if (count <= 0)
			rdiag(v, CV_COUNT, SEV_ERROR, "V134", s, "количество "
			      "«%s»: ожидается целое число больше 0", s);
	}
	int horizon = get_enum(v, CV_HORIZON);
	get_range(v, CV_HOURS, 0, FIX_NONE, &hours);
	if (v->rejected)
		return cell(v, CV_ORG);
	struct vacancy *r = VEC_PUSH(ds->vacancies.v, ds->vacancies.n,
				     ds->vacancies.cap);
	r->org = org;
	r->position = (uint8_t)pos;
	r->horizon = (uint8_t)horizon;
	r->subject = subject;
	r->count = count;
	r->hours = hours;
	r->src = row_src(v);
	return cell(v, CV_ORG);
}

/* ---- files ---- */

typedef const char *(*row_fn)(struct validator *);

static const row_fn row_fns[KIND__COUNT] = {
	[KIND_ORGS] = do_org,
	[KIND_STAFF] = do_staff,
	[KIND_DIAGNOSTICS] = do_diag,
	[KIND_COURSES] = do_course,
	[KIND_MENTORING] = do_mentoring,
	[KIND_VACANCIES] = do_vacancy,
};

static void on_header(struct validator *v, const struct csv_record *rec)
{
	struct file_report *fr = &v->dl->files[v->f->index];
	struct arena *a = v->dl->arena;
	char norm[256], q[128];

	v->have_header = true;
	v->nheader = rec->nfields;
	v->header = arena_alloc(a, (size_t)(rec->nfields ? rec->nfields : 1) *
				sizeof(*v->header));
	for (int i = 0; i < rec->nfields; i++)
		v->header[i] = arena_strdup(a, rec->fields[i]);
	fr->header = v->header;
	fr->ncols = v->nheader;
	for (int c = 0; c < SCHEMA_MAX_COLS; c++)
		v->f->colmap[c] = -1;
	if (rec->broken) {
		diag_add(v->dl, v->f->index, rec->line, NULL, SEV_ERROR,
			 "V103", NULL, "строку заголовка не удалось "
			 "прочитать; строки файла не приняты");
		v->header_bad = true;
		fr->file_error = true;
		return;
	}
	for (int i = 0; i < rec->nfields; i++) {
		text_normalize(rec->fields[i], norm, sizeof(norm));
		if (!norm[0])
			continue;
		int c = schema_find_norm(v->f->kind, norm);
		if (c < 0) {
			diag_add(v->dl, v->f->index, rec->line, v->header[i],
				 SEV_WARNING, "V105", v->header[i],
				 "неизвестный столбец «%s» не учитывается",
				 clip(v->header[i], q, sizeof(q)));
		} else if (v->f->colmap[c] >= 0) {
			diag_add(v->dl, v->f->index, rec->line, v->header[i],
				 SEV_WARNING, "V106", v->header[i],
				 "столбец «%s» повторяет столбец %d; "
				 "учитывается первый",
				 clip(v->header[i], q, sizeof(q)),
				 v->f->colmap[c] + 1);
		} else {
			v->f->colmap[c] = i;
		}
	}
	for (int c = 0; c < v->ncols; c++) {
		if (!v->cols[c].required || v->f->colmap[c] >= 0)
			continue;
		diag_add(v->dl, v->f->index, rec->line, v->cols[c].label,
			 SEV_ERROR, "V104", NULL, "нет обязательного столбца "
			 "«%s» (%s); строки файла не приняты",
			 v->cols[c].label, v->cols[c].key);
		v->header_bad = true;
		fr->file_error = true;
	}
}

/* True when every field holds only spaces, tabs or NBSP. */
static bool rec_blank(const struct csv_record *rec)
{
	for (int i = 0; i < rec->nfields; i++) {
		const unsigned char *p = (const unsigned char *)rec->fields[i];
		for (; *p; p++) {
			if (*p == ' ' || *p == '\t')
				continue;
			if (p[0] == 0xC2 && p[1] == 0xA0) {
				p++;
				continue;
			}
			return false;
		}
	}
	return true;
}

static bool blank_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * field_trim() over a field of known length, returning the length: the
 * same blanks (space, tab, CR, LF, NBSP) on both ends, without the two
 * strlen() passes, which show in the profile at a million rows.
 */
static size_t trim_copy(const char *s, size_t n, char *out)
{
	const char *e = s + n;

	for (;;) {
		if (s < e && blank_byte(*s))
			s++;
		else if (e - s >= 2 && (unsigned char)s[0] == 0xC2 &&
			 (unsigned char)s[1] == 0xA0)
			s += 2;
		else
			break;
	}
	for (;;) {
		if (e > s && blank_byte(e[-1]))
			e--;
		else if (e - s >= 2 && (unsigned char)e[-2] == 0xC2 &&
			 (unsigned char)e[-1] == 0xA0)
			e -= 2;
		else
			break;
	}
	memcpy(out, s, (size_t)(e - s));
	out[e - s] = '\0';
	return (size_t)(e - s);
}

/* Trimmed copies of the mapped cells into the row's scratch buffer. */
static void row_cells(struct validator *v, const struct csv_record *rec)
{
	size_t need = 0;

	for (int c = 0; c < v->ncols; c++) {
		int i = v->f->colmap[c];
		if (i >= 0 && i < rec->nfields)
			need += (rec->lens ? rec->lens[i] :
				 strlen(rec->fields[i])) + 1;
	}
	if (need > v->scratch_cap) {
		v->scratch_cap = need * 2;
		free(v->scratch);
		v->scratch = xmalloc(v->scratch_cap);
	}
	char *p = v->scratch;
	for (int c = 0; c < v->ncols; c++) {
		int i = v->f->colmap[c];
		if (i < 0 || i >= rec->nfields) {
			v->cell[c] = empty_cell;
			continue;
		}
		size_t n = rec->lens ? rec->lens[i] : strlen(rec->fields[i]);
		v->cell[c] = p;
		p += trim_copy(rec->fields[i], n, p) + 1;
	}
}

static int on_record(void *ctx, const struct csv_record *rec)
{
	struct validator *v = ctx;
	struct file_report *fr = &v->dl->files[v->f->index];

	if (!rec->broken && rec_blank(rec))
		return 0;       /* spaces only: a blank row */
	if (!v->have_header) {
		on_header(v, rec);
		return 0;
	}
	fr->read++;
	if (rec->broken || v->header_bad) {
		fr->rejected++;
		return 0;
	}
	row_cells(v, rec);
	v->rec = rec;
	v->raw = NULL;
	v->rejected = false;
	const char *org_id = row_fns[v->f->kind](v);
	if (v->raw) {
		v->raw->rejected = v->rejected;
		v->raw->org_id = org_id && org_id[0] ?
			arena_strdup(v->dl->arena, org_id) : NULL;
	}
	if (v->rejected)
		fr->rejected++;
	else
		fr->accepted++;
	return 0;
}

static void read_file(struct validator *v, struct vfile *f)
{
	struct file_report *fr = &v->dl->files[f->index];
	int rc;

	v->f = f;
	v->cols = schema_for(f->kind, &v->ncols);
	v->have_header = v->header_bad = false;
	v->header = NULL;
	v->nheader = 0;
	if (f->data) {
		rc = csv_read_mem(f->data, f->len, f->index, &v->ropts,
				  on_record, v, v->dl);
	} else {
		char *full = arena_printf(&v->tmp, "%s/%s", v->o->input_dir,
					  f->rel);
		rc = csv_read_file(full, f->index, &v->ropts, on_record, v,
				   v->dl);
	}
	if (rc == 0 && !v->have_header) {
		diag_add(v->dl, f->index, 0, NULL, SEV_ERROR, "V103", NULL,
			 "в файле нет строки заголовка");
		fr->file_error = true;
	}
	if (rc < 0)
		fr->file_error = true;
	if (v->have_header && !v->header_bad)
		v->ds->have[f->kind] = true;
	assert(fr->read == fr->accepted + fr->rejected);
}

/* ---- kind from the header ---- */

struct peek {
	bool got;
	int kind;
};

/*
 * The kind whose required columns are all in the header; when several
 * qualify, the one naming the most of its columns (ties: the earlier kind
 * in dependency order).
 */
static int peek_record(void *ctx, const struct csv_record *rec)
{
	struct peek *pk = ctx;
	int best = 0, best_kind = KIND_UNKNOWN;

	if (!rec->broken && rec_blank(rec))
		return 0;
	pk->got = true;
	if (rec->broken)
		return 1;
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		int n, matched = 0, req = 0, req_matched = 0;
		const struct column *cols = schema_for(k, &n);
		bool seen[SCHEMA_MAX_COLS] = { false };
		for (int i = 0; i < rec->nfields; i++) {
			int c = schema_find(k, rec->fields[i]);
			if (c >= 0 && !seen[c]) {
				seen[c] = true;
				matched++;
				if (cols[c].required)
					req_matched++;
			}
		}
		for (int c = 0; c < n; c++)
			req += cols[c].required;
		if (req_matched == req && matched > best) {
			best = matched;
			best_kind = k;
		}
	}
	pk->kind = best_kind;
	return 1;
}

/* The kind of a file named without a known prefix, from its header. */
static int kind_from_header(struct validator *v, struct vfile *f, bool *got)
{
	struct arena a = ARENA_INIT;
	struct diag_list tmp;
	struct peek pk = { false, KIND_UNKNOWN };

	diag_init(&tmp, &a);
	int idx = diag_file_add(&tmp, f->rel, KIND_UNKNOWN);
	if (f->data) {
		csv_read_mem(f->data, f->len, idx, &v->ropts, peek_record,
			     &pk, &tmp);
	} else {
		char *full = arena_printf(&a, "%s/%s", v->o->input_dir,
					  f->rel);
		csv_read_file(full, idx, &v->ropts, peek_record, &pk, &tmp);
	}
	diag_release(&tmp);
	arena_release(&a);
	*got = pk.got;
	return pk.kind;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* Registers the files (in the given order) and decides their kinds. */
static void classify(struct validator *v)
{
	for (int i = 0; i < v->nfiles; i++) {
		struct vfile *f = &v->files[i];
		bool got = true;
		if (f->kind == KIND_UNKNOWN)
			f->kind = validate_kind_from_name(base_name(f->rel));
		if (f->kind == KIND_UNKNOWN)
			f->kind = kind_from_header(v, f, &got);
		f->index = diag_file_add(v->dl, f->rel, f->kind);
		if (f->kind != KIND_UNKNOWN)
			continue;
		v->dl->files[f->index].file_error = true;
		if (!got)
			diag_add(v->dl, f->index, 0, NULL, SEV_ERROR, "V103",
				 NULL, "в файле нет строки заголовка, и по "
				 "имени вид файла не определить; файл "
				 "пропущен");
		else
			diag_add(v->dl, f->index, 0, NULL, SEV_ERROR, "V102",
				 NULL, "вид файла не определён ни по имени, "
				 "ни по заголовку; файл пропущен (ожидаются "
				 "имена вида staff.csv, кадры.csv или "
				 "заголовки столбцов из бланков)");
	}
}

static void run(struct validator *v)
{
	classify(v);
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		bool any = false;
		for (int i = 0; i < v->nfiles; i++) {
			if (v->files[i].kind != k)
				continue;
			any = true;
			read_file(v, &v->files[i]);
		}
		if (k == KIND_STAFF)
			staff_final(v);
		if (!any && (k == KIND_ORGS || k == KIND_STAFF))
			diag_add(v->dl, -1, 0, NULL, SEV_ERROR, "V101", NULL,
				 "нет файла вида «%s» (%s): например, %s.csv",
				 kind_name_ru(k), kind_key(k),
				 kinds[k].prefixes[0]);
	}
}

static void validator_init(struct validator *v, const struct validate_opts *o,
			   struct dataset *ds, struct diag_list *dl)
{
	static const struct csv_limits def = CSV_LIMITS_DEFAULT;

	memset(v, 0, sizeof(*v));
	v->o = o;
	v->ds = ds;
	v->dl = dl;
	v->ropts.encoding = o->encoding;
	v->ropts.limits = o->limits.max_field ? o->limits : def;
	ds->asof = o->asof;
	field_init();
}

static void validator_release(struct validator *v)
{
	for (int i = 0; i < v->nfiles; i++)
		free(v->files[i].rel);
	free(v->files);
	free(v->scratch);
	free(v->ibuf);
	free(v->staff_next);
	free(v->person_last);
	free(v->person_has_main);
	free(v->person_first_raw);
	free(v->prog);
	free(v->pair_next);
	strmap_release(&v->rejected_orgs);
	strmap_release(&v->rejected_persons);
	strmap_release(&v->pair_index);
	strmap_release(&v->prog_raw);
	strmap_release(&v->area_raw);
	arena_release(&v->tmp);
}

int validate_buffers(const struct validate_opts *o,
		     const struct validate_buf *files, int nfiles,
		     struct dataset *ds, struct diag_list *dl)
{
	struct validator v;

	validator_init(&v, o, ds, dl);
	v.files = xcalloc(nfiles > 0 ? (size_t)nfiles : 1, sizeof(*v.files));
	v.nfiles = nfiles;
	for (int i = 0; i < nfiles; i++) {
		v.files[i].rel = xstrdup(files[i].path);
		v.files[i].data = files[i].data ? files[i].data : "";
		v.files[i].len = files[i].data ? files[i].len : 0;
		v.files[i].kind = files[i].kind;
	}
	run(&v);
	validator_release(&v);
	return 0;
}

/* ---- discovery ---- */

struct pathvec {
	char **v;
	size_t n, cap;
};

static bool wanted_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	static const char *const exts[] = { ".csv", ".tsv", ".txt" };

	if (!dot)
		return false;
	for (size_t i = 0; i < 3; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return true;
	return false;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The folder walk.  Each folder and each file is taken once, by device and
 * inode, so symbolic links that point back into the input (x -> .) neither
 * loop nor count a file twice; depth is capped only to bound path length,
 * and a folder past the cap is reported, never skipped in silence.
 */
#define SCAN_MAX_DEPTH 64

struct scan {
	const char *root;
	struct pathvec *out;
	struct diag_list *dl;
	struct strmap seen;             /* "dev:ino" of folders and files */
};

/* true the first time the object of st is seen. */
static bool scan_first(struct scan *sc, const struct stat *st)
{
	char *key = arena_printf(sc->dl->arena, "%llx:%llx",
				 (unsigned long long)st->st_dev,
				 (unsigned long long)st->st_ino);
	if (strmap_get(&sc->seen, key) >= 0)
		return false;
	strmap_put(&sc->seen, key, 1);
	return true;
}

/* Collects data files under root/rel; false when the folder is unreadable. */
static bool scan(struct scan *sc, const char *rel, int depth)
{
	struct diag_list *dl = sc->dl;
	char *dir = rel ? arena_printf(dl->arena, "%s/%s", sc->root, rel) :
		(char *)sc->root;
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d) {
		if (!rel)
			return false;
		diag_add(dl, -1, 0, NULL, SEV_ERROR, "V107", NULL,
			 "папку «%s» не удалось прочитать: %s; её файлы "
			 "пропущены", rel, errno_ru(errno));
		return true;
	}
	/*
	 * Names in byte order, so which of two links to one file is kept
	 * does not depend on the order the file system lists them in.
	 */
	struct pathvec names = { NULL, 0, 0 };
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			*VEC_PUSH(names.v, names.n, names.cap) =
				arena_strdup(dl->arena, e->d_name);
	closedir(d);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof(*names.v), cmp_path);
	for (size_t i = 0; i < names.n; i++) {
		const char *name = names.v[i];
		struct stat st;
		char *crel = rel ? arena_printf(dl->arena, "%s/%s", rel, name) :
			arena_strdup(dl->arena, name);
		char *full = arena_printf(dl->arena, "%s/%s", sc->root, crel);
		if (stat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (!scan_first(sc, &st))
				continue;       /* a link back: seen already */
			if (depth + 1 >= SCAN_MAX_DEPTH)
				diag_add(dl, -1, 0, NULL, SEV_ERROR, "V107",
					 NULL, "папка «%s» вложена глубже %d "
					 "уровней; её файлы пропущены", crel,
					 SCAN_MAX_DEPTH);
			else
				scan(sc, crel, depth + 1);
		} else if (S_ISREG(st.st_mode) && wanted_ext(name) &&
			   scan_first(sc, &st)) {
			*VEC_PUSH(sc->out->v, sc->out->n, sc->out->cap) =
				xstrdup(crel);
		}
	}
	free(names.v);
	return true;
}

static bool scan_input(const char *root, struct pathvec *out,
		       struct diag_list *dl)
{
	struct scan sc = { root, out, dl, STRMAP_INIT };
	struct stat st;
	bool ok;

	if (stat(root, &st) == 0)
		scan_first(&sc, &st);   /* the input folder itself */
	ok = scan(&sc, NULL, 0);
	strmap_release(&sc.seen);
	return ok;
}


int validate_input(const struct validate_opts *o, struct dataset *ds,
		   struct diag_list *dl)
{
	struct validator v;
	struct pathvec paths = { NULL, 0, 0 };
	struct stat st;

	const char *why = NULL;
	if (stat(o->input_dir, &st) != 0)
		why = errno_ru(errno);
	else if (!S_ISDIR(st.st_mode))
		why = "это не папка";
	else if (!scan_input(o->input_dir, &paths, dl))
		why = errno_ru(errno);
	if (why) {
		fprintf(stderr, "kadry: папку с входными файлами «%s» не "
			"удалось открыть: %s\n", o->input_dir, why);
		return -1;
	}
	qsort(paths.v, paths.n, sizeof(*paths.v), cmp_path);
	validator_init(&v, o, ds, dl);
	v.files = xcalloc(paths.n ? paths.n : 1, sizeof(*v.files));
	v.nfiles = (int)paths.n;
	for (size_t i = 0; i < paths.n; i++)
		v.files[i].rel = paths.v[i];    /* owned by v from here */
	free(paths.v);
	run(&v);
	validator_release(&v);
	return 0;
}
