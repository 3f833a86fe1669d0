/*
 * summary.c - summary.csv: the writer, and the validating reader that
 * --history and the roll-up use on files from elsewhere.
 *
 * The reader takes records from csv_read (encoding, RFC 4180, line numbers
 * and hostile-input caps live there) and checks every row against the
 * format of outputs.md; a bad row is diagnosed and skipped.
 */
#include "summary.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "csv_read.h"
#include "csv_write.h"
#include "errno_ru.h"

const char summary_header[] =
	"period,scope,scope_id,scope_name,code,breakdown,numerator,"
	"denominator,value";

enum { C_PERIOD, C_SCOPE, C_ID, C_NAME, C_CODE, C_BREAKDOWN, C_NUM, C_DEN,
       C_VALUE, NCOLS };

static const char *const columns[NCOLS] = {
	"period", "scope", "scope_id", "scope_name", "code", "breakdown",
	"numerator", "denominator", "value"
};

const struct diag_code summary_codes[] = {
	{ "H001", SEV_ERROR, "заголовок summary.csv не тот, что в "
	  "outputs.md" },
	{ "H002", SEV_ERROR, "в строке не 9 полей" },
	{ "H003", SEV_ERROR, "период не в виде ГГГГ-ММ" },
	{ "H004", SEV_ERROR, "период строки отличается от периода файла" },
	{ "H005", SEV_ERROR, "неизвестный уровень (scope)" },
	{ "H006", SEV_ERROR, "пустой scope_id или code" },
	{ "H007", SEV_ERROR, "числитель или знаменатель не целое "
	  "неотрицательное число" },
	{ "H008", SEV_ERROR, "значение не число" },
	{ "H009", SEV_ERROR, "значение доли не совпадает с пересчитанным из "
	  "числителя и знаменателя" },
	{ "H010", SEV_ERROR, "значение числа не совпадает с числителем" },
	{ "H011", SEV_ERROR, "строка без данных, но значение или знаменатель "
	  "заполнены, или знаменатель без числителя" },
	{ "H012", SEV_ERROR, "числитель доли больше знаменателя" },
	{ "H013", SEV_ERROR, "вид строки (доля или число) не совпадает с "
	  "каталогом показателей" },
	{ "H014", SEV_WARNING, "строка с тем же ключом уже была; повтор "
	  "пропущен" },
	{ "H015", SEV_WARNING, "в файле нет строк с данными" },
	{ "H016", SEV_ERROR, "управляющий символ в поле" },
	{ "H020", SEV_WARNING, "второй файл истории за тот же период "
	  "пропущен" },
	{ "H021", SEV_WARNING, "файл истории пропущен: в нём нет периода" },
	{ NULL, 0, NULL }
};

/* ---- writer ---- */

static int cmp_ptr(const void *pa, const void *pb)
{
	const struct figure *a = *(const struct figure *const *)pa;
	const struct figure *b = *(const struct figure *const *)pb;
	int c;
	if (a->scope != b->scope)
		return a->scope < b->scope ? -1 : 1;
	if ((c = strcmp(a->scope_id, b->scope_id)))
		return c;
	if ((c = strcmp(a->code, b->code)))
		return c;
	if ((c = strcmp(a->breakdown, b->breakdown)))
		return c;
	/* Equal keys keep their order: compare addresses. */
	return a < b ? -1 : a > b;
}

/*
 * A text field.  Names and breakdowns come from the schools' cells, which
 * may hold control bytes (C0 but TAB, LF, CR; DEL): the reader refuses them
 * (H016), so next year's --history and the roll-up would lose the rows,
 * and DEL also makes a small file look binary (R002).  They are written as
 * U+FFFD.
 */
static bool ctl(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
	       c == 0x7F;
}

static void put_text(FILE *out, const char *s)
{
	const char *p;
	char *c, *q;

	for (p = s; *p && !ctl((unsigned char)*p); p++)
		;
	if (!*p) {
		csv_put_field(out, s);
		return;
	}
	c = q = xmalloc(3 * strlen(s) + 1);
	for (p = s; *p; p++) {
		if (ctl((unsigned char)*p)) {
			memcpy(q, "\xEF\xBF\xBD", 3);
			q += 3;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	csv_put_field(out, c);
	free(c);
}

static void put_row(FILE *out, const char *period, const struct figure *f)
{
	char buf[32];
	csv_put_field(out, period);
	putc(',', out);
	csv_put_field(out, scope_name(f->scope));
	putc(',', out);
	put_text(out, f->scope_id);
	putc(',', out);
	put_text(out, f->scope_name);
	putc(',', out);
	put_text(out, f->code);
	putc(',', out);
	put_text(out, f->breakdown);
	putc(',', out);
	if (!f->nodata)
		fprintf(out, "%" PRId64, f->num);
	putc(',', out);
	if (!f->nodata && f->kind == FK_SHARE)
		fprintf(out, "%" PRId64, f->den);
	putc(',', out);
	fputs(figure_value_str(f, '.', buf), out);
	putc('\n', out);
}

int summary_write(const struct figures *fs, FILE *out)
{
	const struct figure **ord = xmalloc((fs->n ? fs->n : 1) *
					    sizeof(*ord));
	for (size_t i = 0; i < fs->n; i++)
		ord[i] = &fs->v[i];
	if (!fs->sorted)
		qsort(ord, fs->n, sizeof(*ord), cmp_ptr);
	fputs(summary_header, out);
	putc('\n', out);
	for (size_t i = 0; i < fs->n; i++)
		put_row(out, fs->period ? fs->period : "", ord[i]);
	free(ord);
	if (fflush(out) || ferror(out)) {
		fprintf(stderr, "kadry: summary.csv: ошибка записи: %s\n",
			errno_ru(errno));
		return -1;
	}
	return 0;
}

/* ---- reader ---- */

struct rd {
	struct figures *fs;
	struct diag_list *dl;
	int file;
	bool header_seen;
	bool stop;
	size_t first;           /* fs->n before this file */
	long *lines;            /* line of fs->v[first + k] */
	size_t nlines, caplines;
	int accepted;
};

static bool valid_period(const char *s)
{
	if (strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	return m >= 1 && m <= 12 && strncmp(s, "0000", 4) != 0;
}

/*
 * Non-negative decimal integer of at most 12 digits: people and programs
 * of a region, with room to spare, and small enough that the percent
 * (2000 * n) and the region's sums can never overflow.
 */
#define INT_DIGITS 12

static bool parse_int(const char *s, int64_t *v)
{
	int64_t x = 0;
	size_t n = 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= INT_DIGITS)
			return false;
		x = x * 10 + (s[n] - '0');
	}
	*v = x;
	return n > 0;
}

/*
 * A decimal number as tenths: "40.5" -> 405, "15" -> 150, "-3.0" -> -30.
 * Digits after the first decimal must be zeros ("40.50" is 405; "40.55"
 * is not a value we could have written).
 */
static bool parse_tenths(const char *s, int64_t *t)
{
	bool neg = *s == '-';
	int64_t ip = 0, frac = 0;
	size_t nd = 0;
	if (neg)
		s++;
	for (; *s >= '0' && *s <= '9'; s++, nd++) {
		if (nd >= 17)
			return false;
		ip = ip * 10 + (*s - '0');
	}
	if (!nd)
		return false;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return false;
		frac = *s++ - '0';
		for (; *s == '0'; s++)
			;
	}
	if (*s)
		return false;
	*t = (ip * 10 + frac) * (neg ? -1 : 1);
	return true;
}

/* C0 controls other than TAB, LF, CR, and DEL: never written by
   summary_write (see ctl()). */
static bool has_control(const char *s)
{
	for (; *s; s++)
		if (ctl((unsigned char)*s))
			return true;
	return false;
}

static const char *field(const struct csv_record *rec, int k)
{
	return k < rec->nfields ? rec->fields[k] : "";
}

#define BAD(code, col, val, ...) \
	do { \
		diag_add(r->dl, r->file, rec->line, (col), SEV_ERROR, (code), \
			 (val), __VA_ARGS__); \
		goto reject; \
	} while (0)

static int check_header(struct rd *r, const struct csv_record *rec)
{
	/* csv_read guesses the delimiter; summary.csv has only ','. */
	bool ok = rec->nfields == NCOLS && !rec->broken &&
		  r->dl->files[r->file].delimiter == ',';
	for (int k = 0; ok && k < NCOLS; k++)
		ok = !strcmp(rec->fields[k], columns[k]);
	r->header_seen = true;
	if (ok)
		return 0;
	diag_add(r->dl, r->file, rec->line, NULL, SEV_ERROR, "H001", NULL,
		 "заголовок не тот: ожидается «%s» (разделитель — "
		 "запятая)", summary_header);
	r->dl->files[r->file].file_error = true;
	r->stop = true;
	return 1;
}

static int on_record(void *ctx, const struct csv_record *rec)
{
	struct rd *r = ctx;
	struct file_report *fr;
	int64_t num = 0, den = 0, val = 0;
	bool has_num, has_den, has_val;
	const struct catalog_entry *ce;
	const char *period, *code, *id, *sn;
	int sc;

	if (!r->header_seen)
		return check_header(r, rec);
	fr = &r->dl->files[r->file];
	fr->read++;
	if (rec->broken)
		goto reject;    /* csv_read has diagnosed it */
	if (rec->nfields > NCOLS)
		BAD("H002", NULL, NULL, "в строке %d полей, ожидается %d",
		    rec->nfields, NCOLS);
	for (int k = 0; k < rec->nfields; k++)
		if (has_control(rec->fields[k]))
			BAD("H016", columns[k], NULL, "управляющий символ "
			    "в поле «%s»", columns[k]);
	period = field(rec, C_PERIOD);
	if (!valid_period(period))
		BAD("H003", columns[C_PERIOD], period,
		    "период «%s» не в виде ГГГГ-ММ", period);
	if (*r->fs->period && strcmp(period, r->fs->period))
		BAD("H004", columns[C_PERIOD], period,
		    "период «%s» отличается от периода файла «%s»", period,
		    r->fs->period);
	sn = field(rec, C_SCOPE);
	sc = scope_from_name(sn);
	if (sc < 0)
		BAD("H005", columns[C_SCOPE], sn, "уровень «%s» неизвестен: "
		    "ожидается district, org или region", sn);
	id = field(rec, C_ID);
	code = field(rec, C_CODE);
	if (!*id)
		BAD("H006", columns[C_ID], NULL, "пустое поле «scope_id»");
	if (!*code)
		BAD("H006", columns[C_CODE], NULL, "пустое поле «code»");
	has_num = *field(rec, C_NUM) != '\0';
	has_den = *field(rec, C_DEN) != '\0';
	has_val = *field(rec, C_VALUE) != '\0';
	if (has_num && !parse_int(field(rec, C_NUM), &num))
		BAD("H007", columns[C_NUM], field(rec, C_NUM),
		    "числитель «%s» не целое неотрицательное число "
		    "(до %d цифр)", field(rec, C_NUM), INT_DIGITS);
	if (has_den && !parse_int(field(rec, C_DEN), &den))
		BAD("H007", columns[C_DEN], field(rec, C_DEN),
		    "знаменатель «%s» не целое неотрицательное число "
		    "(до %d цифр)", field(rec, C_DEN), INT_DIGITS);
	if (has_val && !parse_tenths(field(rec, C_VALUE), &val))
		BAD("H008", columns[C_VALUE], field(rec, C_VALUE),
		    "значение «%s» не число с точкой", field(rec, C_VALUE));
	if (!has_num && (has_den || has_val))
		BAD("H011", columns[C_NUM], NULL, "числитель пуст, а %s "
		    "заполнен%s", has_den ? "знаменатель" : "значение",
		    has_den ? "" : "о");

	ce = catalog_find(code);
	if (!has_num) {
		/* No data: the kind comes from the catalogue. */
		enum figure_kind k = ce ? ce->kind : FK_COUNT;
		figures_nodata(r->fs, sc, id, field(rec, C_NAME), code,
			       field(rec, C_BREAKDOWN), k);
	} else if (has_den) {
		if (ce && ce->kind != FK_SHARE)
			BAD("H013", columns[C_DEN], NULL, "код %s — число, "
			    "а в строке есть знаменатель", code);
		if (num > den)
			BAD("H012", columns[C_NUM], NULL, "числитель %" PRId64
			    " больше знаменателя %" PRId64, num, den);
		if (den == 0 && has_val)
			BAD("H009", columns[C_VALUE], field(rec, C_VALUE),
			    "при знаменателе 0 значение должно быть пустым");
		if (den > 0 && (!has_val || val != percent_tenths(num, den))) {
			char buf[32];
			BAD("H009", columns[C_VALUE], field(rec, C_VALUE),
			    "значение «%s» не равно 100·%" PRId64 "/%" PRId64
			    " = %s", field(rec, C_VALUE), num, den,
			    tenths_str(percent_tenths(num, den), '.', buf));
		}
		figures_share(r->fs, sc, id, field(rec, C_NAME), code,
			      field(rec, C_BREAKDOWN), num, den);
	} else {
		if (ce && ce->kind != FK_COUNT)
			BAD("H013", columns[C_DEN], NULL, "код %s — доля, "
			    "а знаменатель пуст", code);
		if (!has_val || val != num * 10)
			BAD("H010", columns[C_VALUE], field(rec, C_VALUE),
			    "значение «%s» не равно числителю %" PRId64,
			    field(rec, C_VALUE), num);
		figures_count(r->fs, sc, id, field(rec, C_NAME), code,
			      field(rec, C_BREAKDOWN), num);
	}
	if (!*r->fs->period)
		r->fs->period = arena_strdup(r->fs->arena, period);
	*VEC_PUSH(r->lines, r->nlines, r->caplines) = rec->line;
	fr->accepted++;
	r->accepted++;
	return 0;
reject:
	fr->rejected++;
	return 0;
}

/* A key twice: keep the first row in file order, diagnose the others. */
static void drop_duplicates(struct rd *r)
{
	struct figures *fs = r->fs;
	size_t n = fs->n - r->first;
	if (n < 2)
		return;
	const struct figure *base = fs->v + r->first;
	const struct figure **ord = xmalloc(n * sizeof(*ord));
	bool *drop = xcalloc(n, sizeof(bool));
	for (size_t k = 0; k < n; k++)
		ord[k] = base + k;
	/* Key order, file order on ties (cmp_ptr compares addresses). */
	qsort(ord, n, sizeof(*ord), cmp_ptr);
	for (size_t k = 1, first = 0; k < n; k++) {
		const struct figure *a = ord[first], *b = ord[k];
		if (a->scope != b->scope || strcmp(a->scope_id, b->scope_id) ||
		    strcmp(a->code, b->code) ||
		    strcmp(a->breakdown, b->breakdown)) {
			first = k;
			continue;
		}
		drop[b - base] = true;
		diag_add(r->dl, r->file, r->lines[b - base], NULL,
			 SEV_WARNING, "H014", NULL, "строка %s/%s/%s%s%s уже "
			 "была в строке %ld; повтор пропущен",
			 scope_name(b->scope), b->scope_id, b->code,
			 *b->breakdown ? "/" : "", b->breakdown,
			 r->lines[a - base]);
	}
	size_t w = r->first;
	for (size_t k = 0; k < n; k++) {
		if (drop[k]) {
			r->dl->files[r->file].accepted--;
			r->dl->files[r->file].rejected++;
			r->accepted--;
			continue;
		}
		fs->v[w++] = fs->v[r->first + k];
	}
	fs->n = w;
	free(ord);
	free(drop);
}

static int finish(struct rd *r)
{
	if (r->header_seen && !r->stop)
		drop_duplicates(r);
	if (!r->header_seen) {
		diag_add(r->dl, r->file, 0, NULL, SEV_ERROR, "H001", NULL,
			 "файл пуст: нет заголовка «%s»", summary_header);
		r->dl->files[r->file].file_error = true;
	} else if (!r->accepted && !r->stop) {
		diag_add(r->dl, r->file, 0, NULL, SEV_WARNING, "H015", NULL,
			 "в файле нет принятых строк с данными");
	}
	free(r->lines);
	return r->accepted;
}

static void rd_init(struct rd *r, int file, struct figures *fs,
		    struct diag_list *dl, struct csv_read_opts *o)
{
	static const struct csv_limits lim = CSV_LIMITS_DEFAULT;
	memset(r, 0, sizeof(*r));
	r->fs = fs;
	r->dl = dl;
	r->file = file;
	r->first = fs->n;
	if (!fs->period)
		fs->period = "";
	o->encoding = ENC_UTF8;
	o->limits = lim;
	o->limits.max_fields = 64;
	o->limits.max_field = 4096;
}

int summary_read_mem(const char *data, size_t len, int file,
		     struct figures *fs, struct diag_list *dl)
{
	struct rd r;
	struct csv_read_opts o;
	rd_init(&r, file, fs, dl, &o);
	csv_read_mem(data, len, file, &o, on_record, &r, dl);
	return finish(&r);
}

int summary_read_file(const char *path, int file, struct figures *fs,
		      struct diag_list *dl)
{
	struct rd r;
	struct csv_read_opts o;
	rd_init(&r, file, fs, dl, &o);
	if (csv_read_file(path, file, &o, on_record, &r, dl) < 0) {
		free(r.lines);
		return -1;
	}
	return finish(&r);
}
