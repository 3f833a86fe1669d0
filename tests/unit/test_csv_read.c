/*
 * test_csv_read.c - the reader on small hand-made inputs and hostile ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "csv_read.h"

/* Records as delivered, copied (fields are only valid during the call). */
struct rec {
	long line;
	int n;
	char **f;
	size_t *len;
	bool broken;
};

struct coll {
	struct rec *v;
	size_t n, cap;
	long stop_after;        /* return 1 after this many records, or 0 */
};

struct env {
	struct arena arena;
	struct diag_list dl;
	struct coll c;
	int file;
};

static int collect(void *ctx, const struct csv_record *r)
{
	struct coll *c = ctx;
	struct rec *x = VEC_PUSH(c->v, c->n, c->cap);

	x->line = r->line;
	x->n = r->nfields;
	x->broken = r->broken;
	x->f = xcalloc((size_t)r->nfields + 1, sizeof(*x->f));
	x->len = xcalloc((size_t)r->nfields + 1, sizeof(*x->len));
	for (int i = 0; i < r->nfields; i++) {
		/* The contract: NUL-terminated and lens agree. */
		assert_int_equal(strlen(r->fields[i]), r->lens[i]);
		x->f[i] = xstrdup(r->fields[i]);
		x->len[i] = r->lens[i];
	}
	return c->stop_after && (long)c->n >= c->stop_after;
}

static int setup(void **state)
{
	struct env *e = xcalloc(1, sizeof(*e));

	diag_init(&e->dl, &e->arena);
	e->file = diag_file_add(&e->dl, "t.csv", 0);
	*state = e;
	return 0;
}

static int teardown(void **state)
{
	struct env *e = *state;

	for (size_t i = 0; i < e->c.n; i++) {
		for (int j = 0; j < e->c.v[i].n; j++)
			free(e->c.v[i].f[j]);
		free(e->c.v[i].f);
		free(e->c.v[i].len);
	}
	free(e->c.v);
	diag_release(&e->dl);
	arena_release(&e->arena);
	free(e);
	return 0;
}

static void rd_opts(struct env *e, const char *s, size_t n,
		    const struct csv_read_opts *o)
{
	assert_int_equal(csv_read_mem(s, n, e->file, o, collect, &e->c,
				      &e->dl), 0);
}

static void rd(struct env *e, const char *s)
{
	rd_opts(e, s, strlen(s), NULL);
}

static int ncode(const struct env *e, const char *code)
{
	int n = 0;
	for (size_t i = 0; i < e->dl.n; i++)
		n += strcmp(e->dl.v[i].code, code) == 0;
	return n;
}

static const struct diag *first(const struct env *e, const char *code)
{
	for (size_t i = 0; i < e->dl.n; i++)
		if (strcmp(e->dl.v[i].code, code) == 0)
			return &e->dl.v[i];
	return NULL;
}

#define REC(e, i) (&(e)->c.v[i])

static void test_csv_read__quotes(void **state)
{
	struct env *e = *state;

	rd(e, "a;b;c\n\"x;y\";\"he said \"\"hi\"\"\";z\n");
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 1)->n, 3);
	assert_string_equal(REC(e, 1)->f[0], "x;y");
	assert_string_equal(REC(e, 1)->f[1], "he said \"hi\"");
	assert_string_equal(REC(e, 1)->f[2], "z");
	assert_false(REC(e, 1)->broken);
	assert_int_equal(e->dl.n, 0);
	assert_string_equal(e->dl.files[0].encoding, "UTF-8");
	assert_int_equal(e->dl.files[0].delimiter, ';');
}

static void test_csv_read__spaces_kept(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\n  x ; y\t\n");
	assert_int_equal(e->c.n, 2);
	assert_string_equal(REC(e, 1)->f[0], "  x ");
	assert_string_equal(REC(e, 1)->f[1], " y\t");
}

static void test_csv_read__quoted_line_break(void **state)
{
	struct env *e = *state;

	/* lines: 1 header, 2-3 one record, 4 next record */
	rd(e, "h1;h2\n\"line1\nline2\";b\nc;d\n");
	assert_int_equal(e->c.n, 3);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_string_equal(REC(e, 1)->f[0], "line1\nline2");
	assert_string_equal(REC(e, 1)->f[1], "b");
	assert_int_equal(REC(e, 2)->line, 4);
	assert_string_equal(REC(e, 2)->f[0], "c");
}

static void test_csv_read__quoted_crlf(void **state)
{
	struct env *e = *state;

	rd(e, "\"x\r\ny\";z\r\nq;w\r\n");
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 0)->line, 1);
	assert_string_equal(REC(e, 0)->f[0], "x\r\ny");
	assert_int_equal(REC(e, 1)->line, 3);
	assert_string_equal(REC(e, 1)->f[1], "w");
}

static void test_csv_read__crlf(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\r\nc;d\r\n\r\ne;f\r\n");
	assert_int_equal(e->c.n, 3);
	assert_int_equal(REC(e, 0)->line, 1);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_string_equal(REC(e, 1)->f[1], "d");
	assert_int_equal(REC(e, 2)->line, 4);   /* line 3 is blank */
	assert_string_equal(REC(e, 2)->f[0], "e");
}

static void test_csv_read__lf_no_final_newline(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\nc;d");
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_string_equal(REC(e, 1)->f[1], "d");
}

static void test_csv_read__blank_line_endings(void **state)
{
	struct env *e = *state;

	/* lines: 1 "a;b", 2 CRLF, 3 CR, 4 CRLF, 5 LF, 6 "1;2" */
	rd(e, "a;b\r\n\r\n\r\r\n\n1;2\r\n");
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 1)->line, 6);
}

static void test_csv_read__lone_cr(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\rc;d\r\re;f\r");
	assert_int_equal(e->c.n, 3);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_int_equal(REC(e, 2)->line, 4);
	assert_string_equal(REC(e, 2)->f[1], "f");
}

static void test_csv_read__mixed_endings(void **state)
{
	struct env *e = *state;

	/* CRLF, LF, CR, none: lines 1, 2, 3, 4 */
	rd(e, "a\r\nb\nc\rd");
	assert_int_equal(e->c.n, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(REC(e, i)->line, i + 1);
	assert_string_equal(REC(e, 2)->f[0], "c");
	assert_string_equal(REC(e, 3)->f[0], "d");
}

static void test_csv_read__bom(void **state)
{
	struct env *e = *state;

	rd(e, "\xEF\xBB\xBF\xD0\x9A\xD0\xBE\xD0\xB4;b\n1;2\n");
	assert_int_equal(e->c.n, 2);
	assert_string_equal(REC(e, 0)->f[0], "Код");
	assert_string_equal(e->dl.files[0].encoding, "UTF-8 BOM");
}

static void test_csv_read__cp1251(void **state)
{
	struct env *e = *state;

	/* «Код ОО» = CA EE E4 20 CE CE; 0xB9 is №, 0x98 is unassigned */
	rd(e, "\xCA\xEE\xE4 \xCE\xCE;\xB9\n\x98;x\n");
	assert_int_equal(e->c.n, 2);
	assert_string_equal(e->dl.files[0].encoding, "Windows-1251");
	assert_string_equal(REC(e, 0)->f[0],
			    "\xD0\x9A\xD0\xBE\xD0\xB4 \xD0\x9E\xD0\x9E");
	assert_string_equal(REC(e, 0)->f[1], "\xE2\x84\x96");
	assert_string_equal(REC(e, 1)->f[0], "\xEF\xBF\xBD");
	assert_int_equal(ncode(e, "R003"), 0);
}

static void test_csv_read__cp1251_file(void **state)
{
	struct env *e = *state;
	char buf[4096];
	size_t n = 0;

	/* 50 rows «Иванов;учитель» in 1251: letters C0..FF only. */
	for (int i = 0; i < 50; i++)
		n += (size_t)sprintf(buf + n, "\xC8\xE2\xE0\xED\xEE\xE2;"
				     "\xF3\xF7\xE8\xF2\xE5\xEB\xFC\r\n");
	rd_opts(e, buf, n, NULL);
	assert_string_equal(e->dl.files[0].encoding, "Windows-1251");
	assert_int_equal(e->c.n, 50);
	assert_string_equal(REC(e, 49)->f[0], "Иванов");
	assert_string_equal(REC(e, 49)->f[1], "учитель");
	assert_int_equal(e->dl.n, 0);
}

static void test_csv_read__encoding_uncertain(void **state)
{
	struct env *e = *state;

	/* «Код;имя» in CP866: 5 of 6 high bytes below C0, so R003. */
	rd(e, "\x8A\xAE\xA4;\xA8\xAC\xEF\n");
	assert_string_equal(e->dl.files[0].encoding, "Windows-1251");
	assert_int_equal(ncode(e, "R003"), 1);
	assert_int_equal(first(e, "R003")->line, 0);
	assert_int_equal(e->c.n, 1);
}

static void test_csv_read__encoding_override(void **state)
{
	struct env *e = *state;
	struct csv_read_opts o = { ENC_CP1251, CSV_LIMITS_DEFAULT };

	/* Valid UTF-8 «и» (D0 B8) read as 1251 is «Рё». */
	rd_opts(e, "\xD0\xB8\n", 3, &o);
	assert_int_equal(e->c.n, 1);
	assert_string_equal(REC(e, 0)->f[0], "Рё");
	assert_string_equal(e->dl.files[0].encoding, "Windows-1251");
}

static void test_csv_read__delimiters(void **state)
{
	struct env *e = *state;

	rd(e, "a,b,c\n1,2,3\n");
	assert_int_equal(e->dl.files[0].delimiter, ',');
	assert_int_equal(REC(e, 1)->n, 3);
	assert_string_equal(REC(e, 1)->f[2], "3");

	e->file = diag_file_add(&e->dl, "tab.csv", 0);
	rd(e, "\n\na\tb;c\td\n1\t2;3\t4\n");   /* 2 TAB vs 1 ';' */
	assert_int_equal(e->dl.files[1].delimiter, '\t');
	assert_int_equal(REC(e, 3)->n, 3);
	assert_int_equal(REC(e, 3)->line, 4);
	assert_string_equal(REC(e, 3)->f[1], "2;3");

	e->file = diag_file_add(&e->dl, "tie.csv", 0);
	rd(e, "a;b,c\n");                      /* tie: ';' wins */
	assert_int_equal(e->dl.files[2].delimiter, ';');

	e->file = diag_file_add(&e->dl, "q.csv", 0);
	rd(e, "\"a;b;c\",d,e\n");              /* ';' inside quotes */
	assert_int_equal(e->dl.files[3].delimiter, ',');
	assert_string_equal(REC(e, 5)->f[0], "a;b;c");
}

static void test_csv_read__trailing_empty_dropped(void **state)
{
	struct env *e = *state;

	rd(e, "a;b;;;\n1;;3;;\n1; ;\n");
	assert_int_equal(e->c.n, 3);
	assert_int_equal(REC(e, 0)->n, 2);
	assert_int_equal(REC(e, 1)->n, 3);     /* the middle one stays */
	assert_string_equal(REC(e, 1)->f[1], "");
	assert_int_equal(REC(e, 2)->n, 1);     /* " " counts as empty */
}

static void test_csv_read__blank_rows(void **state)
{
	struct env *e = *state;

	rd(e, "\n;;;\na;b\n\n;;;\n  ;\t\n\"\";\n1;2\n;;\n");
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 0)->line, 3);
	assert_int_equal(REC(e, 1)->line, 8);
	assert_string_equal(REC(e, 1)->f[1], "2");
}

static void test_csv_read__nul_byte(void **state)
{
	struct env *e = *state;
	char buf[4096];
	size_t n = 0;

	/* One NUL in ~2 KB: well under the 1% binary threshold. */
	memcpy(buf, "h1;h2\nx\0y;z\n", 12);
	n = 12;
	for (int i = 0; i < 200; i++) {
		memcpy(buf + n, "aaaaaaa;b\n", 10);
		n += 10;
	}
	rd_opts(e, buf, n, NULL);
	assert_int_equal(e->c.n, 202);
	assert_string_equal(REC(e, 1)->f[0], "x\xEF\xBF\xBDy");
	assert_false(REC(e, 1)->broken);
	assert_int_equal(ncode(e, "R005"), 1);
	assert_int_equal(first(e, "R005")->line, 2);
	assert_int_equal(first(e, "R005")->sev, SEV_WARNING);
}

static void test_csv_read__unterminated_quote_eof(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\n1;\"2\n3;4\n");
	assert_int_equal(e->c.n, 2);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_int_equal(ncode(e, "R007"), 1);
	assert_int_equal(first(e, "R007")->line, 2);
	assert_false(REC(e, 0)->broken);
}

static void test_csv_read__stray_quote(void **state)
{
	struct env *e = *state;

	rd(e, "a;b\n1;x\"y\n3;4\n\"ab\"c;d\n5;6\n");
	assert_int_equal(e->c.n, 5);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_false(REC(e, 2)->broken);
	assert_int_equal(REC(e, 2)->line, 3);
	assert_string_equal(REC(e, 2)->f[0], "3");
	assert_string_equal(REC(e, 2)->f[1], "4");
	assert_true(REC(e, 3)->broken);
	assert_int_equal(REC(e, 3)->line, 4);
	assert_int_equal(REC(e, 4)->line, 5);
	assert_string_equal(REC(e, 4)->f[1], "6");
	assert_int_equal(ncode(e, "R006"), 2);
	assert_non_null(strstr(first(e, "R006")->message, "байт 4"));
}

static void test_csv_read__stray_quote_multiline(void **state)
{
	struct env *e = *state;

	/* The record starts on line 2, the error is on line 3. */
	rd(e, "a;b\n\"x\ny\"z;1\n3;4\n");
	assert_int_equal(e->c.n, 3);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(first(e, "R006")->line, 2);
	assert_non_null(strstr(first(e, "R006")->message, "строка 3"));
	assert_int_equal(REC(e, 2)->line, 4);
	assert_string_equal(REC(e, 2)->f[0], "3");
}

static void test_csv_read__long_line(void **state)
{
	struct env *e = *state;
	size_t big = 1000000, n = 0;
	char *buf = xmalloc(big + 64);

	memcpy(buf, "a;b\n", 4);
	n = 4;
	memset(buf + n, 'x', big);
	n += big;
	memcpy(buf + n, ";y\n1;2\n", 7);
	n += 7;
	rd_opts(e, buf, n, NULL);
	assert_int_equal(e->c.n, 3);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(REC(e, 1)->n, 2);
	assert_string_equal(REC(e, 1)->f[0], "");       /* not read */
	assert_string_equal(REC(e, 1)->f[1], "y");
	assert_int_equal(ncode(e, "R008"), 1);
	assert_non_null(strstr(first(e, "R008")->message,
			       "поле длиннее 65536 байт (предел max_field)"));
	assert_int_equal(REC(e, 2)->line, 3);
	assert_string_equal(REC(e, 2)->f[0], "1");
	assert_false(REC(e, 2)->broken);
	free(buf);
}

static void test_csv_read__record_over_cap(void **state)
{
	struct env *e = *state;
	size_t big = 3 * 1024 * 1024, n = 0;
	char *buf = xmalloc(big + 64);

	/* One 3 MiB line over max_record 1 MiB, then a good record. */
	memcpy(buf, "a;b\n", 4);
	n = 4;
	memset(buf + n, 'x', big);
	for (size_t i = n + 100; i < n + big; i += 100)
		buf[i] = ';';
	n += big;
	memcpy(buf + n, "\n1;2\n", 5);
	n += 5;
	rd_opts(e, buf, n, NULL);
	assert_int_equal(e->c.n, 3);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(ncode(e, "R009"), 1);
	assert_int_equal(first(e, "R009")->line, 2);
	assert_int_equal(REC(e, 2)->line, 3);
	assert_string_equal(REC(e, 2)->f[1], "2");
	free(buf);
}

static void test_csv_read__unterminated_quote_5mb(void **state)
{
	struct env *e = *state;
	size_t rows = 1300000, n = 0;
	char *buf = xmalloc(8 + 4 * rows + 8);

	/*
	 * Line 2 opens a quote that never closes; lines 3.. are "x;y".
	 * 1 MiB + 1 = 1048577 bytes from line 2's start: 262144 whole
	 * 4-byte lines (2..262145) and 1 byte of line 262146, where the cap
	 * trips; reading resumes at line 262147.  Records: the header, the
	 * broken one, lines 262147..1300002 (1037856).
	 */
	memcpy(buf, "a;b\n1;\"\n", 8);
	n = 8;
	for (size_t i = 0; i < rows; i++, n += 4)
		memcpy(buf + n, "x;y\n", 4);
	rd_opts(e, buf, n, NULL);
	assert_int_equal(e->c.n, 1037858);
	assert_true(REC(e, 1)->broken);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_int_equal(REC(e, 2)->line, 262147);
	assert_false(REC(e, 2)->broken);
	assert_int_equal(ncode(e, "R009"), 1);
	assert_int_equal(ncode(e, "R007"), 0);
	free(buf);
}

static char *columns(int ncols, size_t *len)
{
	char *buf = xmalloc((size_t)ncols * 8 + 16), *p = buf;

	for (int i = 0; i < ncols; i++)
		p += sprintf(p, "%s%d", i ? ";" : "", i);
	*p++ = '\n';
	*len = (size_t)(p - buf);
	return buf;
}

static void test_csv_read__10000_columns(void **state)
{
	struct env *e = *state;
	size_t len;
	char *buf = columns(10000, &len);
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	rd_opts(e, buf, len, NULL);             /* default cap 1024 */
	assert_int_equal(e->c.n, 1);
	assert_true(REC(e, 0)->broken);
	assert_int_equal(REC(e, 0)->n, 1024);
	assert_string_equal(REC(e, 0)->f[1023], "1023");
	assert_int_equal(ncode(e, "R010"), 1);

	o.limits.max_fields = 20000;
	rd_opts(e, buf, len, &o);
	assert_int_equal(e->c.n, 2);
	assert_false(REC(e, 1)->broken);
	assert_int_equal(REC(e, 1)->n, 10000);
	assert_string_equal(REC(e, 1)->f[9999], "9999");
	free(buf);
}

static void test_csv_read__trailing_empties_not_over_cap(void **state)
{
	struct env *e = *state;
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	/* 3 fields allowed; "a;b;;;;;" has 6, all extra ones empty. */
	o.limits.max_fields = 3;
	rd_opts(e, "a;b;;;;;\n", 9, &o);
	assert_int_equal(e->c.n, 1);
	assert_false(REC(e, 0)->broken);
	assert_int_equal(REC(e, 0)->n, 2);
	assert_int_equal(ncode(e, "R010"), 0);
}

static void test_csv_read__invalid_utf8_in_utf8(void **state)
{
	struct env *e = *state;
	char buf[8192];
	size_t n = 0;

	/* 50 Cyrillic lines (200 valid sequences) and 2 damaged records. */
	n += (size_t)sprintf(buf + n, "Код;Имя\n");
	for (int i = 0; i < 50; i++)
		n += (size_t)sprintf(buf + n, "%d;Иван\n", i);
	n += (size_t)sprintf(buf + n, "x\xC3(;\xCA\xEE\xE4\n");  /* line 52 */
	n += (size_t)sprintf(buf + n, "ok;Пётр\n");              /* line 53 */
	n += (size_t)sprintf(buf + n, "y;\xD0\n");               /* line 54 */
	rd_opts(e, buf, n, NULL);
	assert_string_equal(e->dl.files[0].encoding, "UTF-8");
	assert_int_equal(e->c.n, 54);
	assert_string_equal(REC(e, 51)->f[0], "x\xEF\xBF\xBD(");
	assert_string_equal(REC(e, 51)->f[1],
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_false(REC(e, 51)->broken);
	assert_string_equal(REC(e, 52)->f[1], "Пётр");
	assert_string_equal(REC(e, 53)->f[1], "\xEF\xBF\xBD");
	assert_int_equal(ncode(e, "R004"), 2);   /* one per record */
	assert_int_equal(first(e, "R004")->line, 52);
	assert_non_null(strstr(first(e, "R004")->message, "0xC3"));
}

static void test_csv_read__binary(void **state)
{
	struct env *e = *state;
	unsigned char buf[4096];
	uint32_t x = 12345;

	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (unsigned char)(x >> 16);
	}
	rd_opts(e, (const char *)buf, sizeof(buf), NULL);
	assert_int_equal(e->c.n, 0);
	assert_int_equal(ncode(e, "R002"), 1);
	assert_int_equal(first(e, "R002")->line, 0);
	assert_true(e->dl.files[0].file_error);
}

static void test_csv_read__utf16(void **state)
{
	struct env *e = *state;

	rd_opts(e, "\xFF\xFE" "a\0;\0b\0", 8, NULL);
	assert_int_equal(e->c.n, 0);
	assert_int_equal(ncode(e, "R013"), 1);
	assert_true(e->dl.files[0].file_error);
}

static void test_csv_read__max_records(void **state)
{
	struct env *e = *state;
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	o.limits.max_records = 2;
	rd_opts(e, "a\nb\nc\nd\n", 8, &o);
	assert_int_equal(e->c.n, 3);      /* two, then the broken third */
	assert_true(REC(e, 2)->broken);
	assert_int_equal(ncode(e, "R011"), 1);
	assert_int_equal(first(e, "R011")->line, 3);
}

static void test_csv_read__max_file(void **state)
{
	struct env *e = *state;
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	/* 12 bytes, cap 10: "a;b\n1;2\n3;" and record 3 is cut. */
	o.limits.max_file = 10;
	rd_opts(e, "a;b\n1;2\n3;4\n", 12, &o);
	assert_int_equal(e->c.n, 3);
	assert_false(REC(e, 1)->broken);
	assert_true(REC(e, 2)->broken);
	assert_int_equal(ncode(e, "R012"), 1);
	assert_int_equal(first(e, "R012")->line, 3);
}

static void test_csv_read__callback_stops(void **state)
{
	struct env *e = *state;

	e->c.stop_after = 2;
	rd(e, "a\nb\nc\nd\n");
	assert_int_equal(e->c.n, 2);
}

static char *tmpfile_with(const char *data, size_t n)
{
	char *path = xstrdup("/tmp/test_csv_read.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

static void test_csv_read__file_chunks(void **state)
{
	struct env *e = *state;
	size_t chunk = 1024 * 1024, n = 0, rows = 300000;
	char *buf = xmalloc(chunk + 16 + rows * 12 + 16);
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	/*
	 * Line 1 ends with CR at byte chunk-1 and LF at byte chunk: the CRLF
	 * is cut by the 1 MiB read.  Then 300,000 cp1251 rows "Код;N\r\n"
	 * (lines 2..300001) so the file spans several chunks.
	 */
	o.limits.max_field = 2 * chunk;
	o.limits.max_record = 4 * chunk;
	memcpy(buf, "h;", 2);
	memset(buf + 2, 'x', chunk - 3);
	n = chunk - 1;
	buf[n++] = '\r';
	buf[n++] = '\n';
	for (size_t i = 0; i < rows; i++)
		n += (size_t)sprintf(buf + n, "\xCA\xEE\xE4;%zu\r\n", i);
	char *path = tmpfile_with(buf, n);
	assert_int_equal(csv_read_file(path, e->file, &o, collect, &e->c,
				       &e->dl), 0);
	assert_int_equal(e->c.n, rows + 1);
	assert_int_equal(REC(e, 0)->n, 2);
	assert_int_equal(REC(e, 0)->len[1], chunk - 3);
	assert_int_equal(REC(e, 1)->line, 2);
	assert_string_equal(REC(e, 1)->f[0], "Код");
	assert_int_equal(REC(e, rows)->line, (long)rows + 1);
	assert_string_equal(REC(e, rows)->f[1], "299999");
	assert_string_equal(e->dl.files[0].encoding, "Windows-1251");
	assert_int_equal(e->dl.n, 0);
	unlink(path);
	free(path);
	free(buf);
}

static void test_csv_read__file_blank_crlf_cut(void **state)
{
	struct env *e = *state;
	size_t chunk = 1024 * 1024, n;
	char *buf = xmalloc(chunk + 16);
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	/*
	 * Line 1 fills bytes 0..chunk-2; line 2 is a blank CRLF whose CR is
	 * the chunk's last byte; line 3 is "1;2".
	 */
	o.limits.max_field = 2 * chunk;
	memcpy(buf, "h;", 2);
	memset(buf + 2, 'x', chunk - 5);
	n = chunk - 3;
	memcpy(buf + n, "\r\n\r\n1;2\r\n", 9);
	n += 9;
	char *path = tmpfile_with(buf, n);
	assert_int_equal(csv_read_file(path, e->file, &o, collect, &e->c,
				       &e->dl), 0);
	assert_int_equal(e->c.n, 2);
	assert_int_equal(REC(e, 1)->line, 3);
	assert_string_equal(REC(e, 1)->f[1], "2");
	unlink(path);
	free(path);
	free(buf);
}

static void test_csv_read__file_max_file(void **state)
{
	struct env *e = *state;
	size_t rows = 500000, n = 0;
	char *buf = xmalloc(rows * 4);
	struct csv_read_opts o = { ENC_AUTO, CSV_LIMITS_DEFAULT };

	/*
	 * 2,000,000 bytes of "1;2\n", cap 1,500,001: 375,000 whole rows and
	 * the "1" of row 375,001, which is delivered broken.
	 */
	for (size_t i = 0; i < rows; i++, n += 4)
		memcpy(buf + n, "1;2\n", 4);
	o.limits.max_file = 1500001;
	char *path = tmpfile_with(buf, n);
	assert_int_equal(csv_read_file(path, e->file, &o, collect, &e->c,
				       &e->dl), 0);
	assert_int_equal(e->c.n, 375001);
	assert_false(REC(e, 374999)->broken);
	assert_true(REC(e, 375000)->broken);
	assert_int_equal(ncode(e, "R012"), 1);
	assert_int_equal(first(e, "R012")->line, 375001);
	unlink(path);
	free(path);
	free(buf);
}

static void test_csv_read__file_small(void **state)
{
	struct env *e = *state;
	char *path = tmpfile_with("a,b\r\n1,\"2\r\n3\"\r\n", 15);

	assert_int_equal(csv_read_file(path, e->file, NULL, collect, &e->c,
				       &e->dl), 0);
	assert_int_equal(e->c.n, 2);
	assert_string_equal(REC(e, 1)->f[1], "2\r\n3");
	assert_int_equal(e->dl.files[0].delimiter, ',');
	unlink(path);
	free(path);
}

static void test_csv_read__file_missing(void **state)
{
	struct env *e = *state;

	assert_int_equal(csv_read_file("/nonexistent/x.csv", e->file, NULL,
				       collect, &e->c, &e->dl), -1);
	assert_int_equal(ncode(e, "R001"), 1);
	assert_int_equal(first(e, "R001")->line, 0);
	assert_true(e->dl.files[0].file_error);
	assert_int_equal(e->c.n, 0);
}

static void test_csv_read__empty(void **state)
{
	struct env *e = *state;

	assert_int_equal(csv_read_mem(NULL, 0, e->file, NULL, collect, &e->c,
				      &e->dl), 0);
	rd(e, "\r\n\n;;;\n");
	assert_int_equal(e->c.n, 0);
	assert_int_equal(e->dl.n, 0);
	assert_false(e->dl.files[0].file_error);
}

static void test_csv_read__codes_table(void **state)
{
	int n = 0;

	(void)state;
	for (const struct diag_code *c = csv_read_codes; c->code; c++, n++)
		assert_non_null(c->what);
	assert_int_equal(n, 13);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_csv_read__quotes),
		T(test_csv_read__spaces_kept),
		T(test_csv_read__quoted_line_break),
		T(test_csv_read__quoted_crlf),
		T(test_csv_read__crlf),
		T(test_csv_read__lf_no_final_newline),
		T(test_csv_read__lone_cr),
		T(test_csv_read__blank_line_endings),
		T(test_csv_read__mixed_endings),
		T(test_csv_read__bom),
		T(test_csv_read__cp1251),
		T(test_csv_read__cp1251_file),
		T(test_csv_read__encoding_uncertain),
		T(test_csv_read__encoding_override),
		T(test_csv_read__delimiters),
		T(test_csv_read__trailing_empty_dropped),
		T(test_csv_read__blank_rows),
		T(test_csv_read__nul_byte),
		T(test_csv_read__unterminated_quote_eof),
		T(test_csv_read__stray_quote),
		T(test_csv_read__stray_quote_multiline),
		T(test_csv_read__long_line),
		T(test_csv_read__record_over_cap),
		T(test_csv_read__unterminated_quote_5mb),
		T(test_csv_read__10000_columns),
		T(test_csv_read__trailing_empties_not_over_cap),
		T(test_csv_read__invalid_utf8_in_utf8),
		T(test_csv_read__binary),
		T(test_csv_read__utf16),
		T(test_csv_read__max_records),
		T(test_csv_read__max_file),
		T(test_csv_read__callback_stops),
		T(test_csv_read__file_chunks),
		T(test_csv_read__file_blank_crlf_cut),
		T(test_csv_read__file_max_file),
		T(test_csv_read__file_small),
		T(test_csv_read__file_missing),
		T(test_csv_read__empty),
		T(test_csv_read__codes_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
