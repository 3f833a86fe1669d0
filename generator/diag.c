/*
 * diag.c - the collection, ordering and printing of diagnostics.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "utf8.h"

void diag_init(struct diag_list *dl, struct arena *arena)
{
	memset(dl, 0, sizeof(*dl));
	dl->arena = arena;
}

void diag_release(struct diag_list *dl)
{
	free(dl->v);
	free(dl->files);
	dl->v = NULL;
	dl->files = NULL;
	dl->n = dl->cap = dl->nfiles = dl->capfiles = 0;
}

int diag_file_add(struct diag_list *dl, const char *path, int kind)
{
	struct file_report *f = VEC_PUSH(dl->files, dl->nfiles, dl->capfiles);
	size_t n = strlen(path);

	/*
	 * The path is only shown (files are opened by their own name), and
	 * it is shown in UTF-8 outputs: a name in another encoding (a
	 * Windows archive unpacked here) gets U+FFFD for its bad bytes
	 * rather than making validation.csv and stderr invalid UTF-8.
	 */
	if (utf8_valid(path, n)) {
		f->path = arena_strdup(dl->arena, path);
	} else {
		char *buf = NULL;
		size_t cap = 0;
		f->path = arena_strdup(dl->arena,
				       utf8_clean(path, 3 * n, &buf, &cap));
		free(buf);
	}
	f->kind = kind;
	return (int)dl->nfiles - 1;
}

struct diag *diag_add(struct diag_list *dl, int file, long line,
		      const char *column, enum severity sev, const char *code,
		      const char *value, const char *fmt, ...)
{
	struct diag *d = VEC_PUSH(dl->v, dl->n, dl->cap);
	va_list ap;

	d->file = file;
	d->line = line;
	d->column = column ? arena_strdup(dl->arena, column) : NULL;
	d->sev = sev;
	d->code = code;
	d->value = value ? arena_strdup(dl->arena, value) : NULL;
	d->col_index = -1;
	d->seq = (long)dl->n;
	va_start(ap, fmt);
	d->message = arena_vprintf(dl->arena, fmt, ap);
	va_end(ap);
	if (sev == SEV_ERROR) {
		dl->errors++;
	} else {
		dl->warnings++;
		if (file >= 0)
			dl->files[file].warnings++;
	}
	return d;
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(struct diag_list *dl)
{
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), cmp_diag);
}

const char *severity_name(enum severity sev)
{
	return sev == SEV_ERROR ? "error" : "warning";
}

/*
 * Lines for stderr are built here and written in large pieces: stderr is
 * unbuffered, and a write per byte or per piece made 200,000 diagnostics
 * take a minute of system time.
 */
struct outbuf {
	FILE *out;
	size_t n;
	char b[16 * 1024];
};

static void ob_flush(struct outbuf *o)
{
	if (o->n)
		fwrite(o->b, 1, o->n, o->out);
	o->n = 0;
}

static void ob_put(struct outbuf *o, const char *s, size_t n)
{
	if (o->n + n > sizeof(o->b))
		ob_flush(o);
	if (n > sizeof(o->b)) {
		fwrite(s, 1, n, o->out);
		return;
	}
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

static void ob_str(struct outbuf *o, const char *s)
{
	ob_put(o, s, strlen(s));
}

static void ob_printf(struct outbuf *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void ob_printf(struct outbuf *o, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		ob_put(o, tmp, (size_t)n < sizeof(tmp) ? (size_t)n :
		       sizeof(tmp) - 1);
}

/*
 * Appends s as part of one terminal line: stderr is read line by line
 * (editors jump to "file:line:", scripts read the count table), so a line
 * break inside a value or a header cell (Excel's Alt+Enter) would split a
 * diagnostic and could even forge a line.  CR, LF and CRLF become "↵";
 * other C0 and C1 controls (ESC would reach the terminal) become U+FFFD.
 * validation.csv and the workbook keep the text as it was.
 */
static void ob_line(struct outbuf *o, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t k = 0;
		/* the plain run up to the next byte that needs care */
		while (p[k] >= 0x20 && p[k] != 0x7F && p[k] != 0xC2)
			k++;
		ob_put(o, (const char *)p, k);
		p += k;
		if (!*p)
			break;
		if (*p == '\r' || *p == '\n') {
			if (p[0] == '\r' && p[1] == '\n')
				p++;
			ob_str(o, "↵");
		} else if (*p == '\t') {
			ob_put(o, "\t", 1);
		} else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			ob_str(o, "\xEF\xBF\xBD");
			p++;
		} else if (*p == 0xC2) {
			ob_put(o, (const char *)p, 1);
		} else {
			ob_str(o, "\xEF\xBF\xBD");
		}
		p++;
	}
}

void diag_print(const struct diag_list *dl, FILE *out)
{
	struct outbuf *o = xmalloc(sizeof(*o));

	o->out = out;
	o->n = 0;
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		if (d->file >= 0) {
			ob_line(o, dl->files[d->file].path);
			if (d->line > 0)
				ob_printf(o, ":%ld", d->line);
			ob_str(o, ": ");
		} else {
			ob_str(o, "kadry: ");
		}
		if (d->column) {
			ob_line(o, d->column);
			ob_str(o, ": ");
		}
		ob_printf(o, "%s: %s: ", severity_name(d->sev), d->code);
		ob_line(o, d->message);
		ob_put(o, "\n", 1);
	}
	ob_flush(o);
	free(o);
}

void diag_print_table(const struct diag_list *dl, FILE *out)
{
	struct outbuf *o = xmalloc(sizeof(*o));

	o->out = out;
	o->n = 0;
	for (size_t i = 0; i < dl->nfiles; i++) {
		const struct file_report *f = &dl->files[i];
		ob_line(o, f->path);
		ob_printf(o, ": прочитано %ld, принято %ld, отклонено %ld, "
			  "предупреждений %ld\n", f->read, f->accepted,
			  f->rejected, f->warnings);
	}
	ob_flush(o);
	free(o);
}

void diag_write_csv(const struct diag_list *dl, FILE *out)
{
	fputs("file,line,column,severity,code,message,value\n", out);
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		csv_put_field(out, d->file >= 0 ? dl->files[d->file].path : "");
		if (d->line > 0)
			fprintf(out, ",%ld,", d->line);
		else
			fputs(",,", out);
		csv_put_field(out, d->column);
		fprintf(out, ",%s,%s,", severity_name(d->sev), d->code);
		csv_put_field(out, d->message);
		putc(',', out);
		csv_put_field(out, d->value);
		putc('\n', out);
	}
}
