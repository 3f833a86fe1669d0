/*
 * test_pdf_layout.c - the PDF layout layer: text comes back out, tables
 * split with their header, files are valid, embedded and reproducible.
 */
#include "pdf_layout.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"

#define CREATED ((time_t)1797811200)    /* 2026-12-21 00:00 UTC */
#define NBSP "\xc2\xa0"             /* U+00A0 */
#define NNBSP "\xe2\x80\xaf"       /* U+202F */

static char tmpdir[64];

static int setup(void **state)
{
	strcpy(tmpdir, "/tmp/kadry-pdf-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "%s/%s", tmpdir, name);
	return buf;
}

/* Output of a shell command (malloc'd), and its exit status. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	size_t n = 0, cap = 4096;
	char *buf = xmalloc(cap);
	size_t k;

	assert_non_null(p);
	while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	int st = pclose(p);
	if (status)
		*status = st;
	return buf;
}

/* pdftotext output with every run of whitespace made one space. */
static char *text_of(const char *pdf, bool squeeze)
{
	char cmd[256];
	char *t, *o;

	snprintf(cmd, sizeof(cmd), "pdftotext -q '%s' - 2>/dev/null", pdf);
	t = run(cmd, NULL);
	if (!squeeze)
		return t;
	o = t;
	for (char *p = t; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\f') {
			if (o > t && o[-1] != ' ')
				*o++ = ' ';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return t;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p;
	     p = strstr(p + 1, needle))
		n++;
	return n;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* qpdf finds no error; the nfonts faces used are embedded subsets. */
static void check_valid(const char *pdf, size_t nfonts)
{
	char cmd[256];
	int st;
	char *out;

	/* readers take it silently: the ToUnicode maps are valid */
	snprintf(cmd, sizeof(cmd), "pdftotext '%s' /dev/null 2>&1", pdf);
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_string_equal(out, "");
	free(out);
	snprintf(cmd, sizeof(cmd), "qpdf --check '%s' 2>&1", pdf);
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	free(out);
	/* each face embedded (emb), subset (sub), with ToUnicode (uni) */
	snprintf(cmd, sizeof(cmd), "pdffonts '%s' 2>/dev/null", pdf);
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_int_equal(count(out, "CID TrueType"), nfonts);
	assert_int_equal(count(out, "yes yes yes"), nfonts);
	assert_non_null(strstr(out, "DejaVu"));
	free(out);
}

static void sample(struct pdf_doc *d)
{
	pdf_text(d, &PDF_TITLE, "Аналитическая справка");
	pdf_heading(d, 1, "Кадровый состав");
	pdf_text(d, &PDF_BODY, "Профессиональный уровень учителей достаточно "
		 "высок: 156 человек (63,2 процента) имеют высшее "
		 "образование. Ёлки и ёжики, отчёт.");
	pdf_heading(d, 2, "Подраздел");
	pdf_text(d, &PDF_PLAIN, "Левый абзац.");
}

static void test_pdf_layout__text_round_trip(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, "Проверка");
	char *t;

	assert_non_null(d);
	sample(d);
	assert_int_equal(pdf_save(d, path_of("a.pdf")), 0);
	assert_int_equal(pdf_errors(d), 0);
	pdf_free(d);
	check_valid(path_of("a.pdf"), 2);   /* the serif faces only */
	t = text_of(path_of("a.pdf"), true);
	assert_non_null(strstr(t, "Аналитическая справка"));
	/* headings numbered by the layout: 1., then 1.1. */
	assert_non_null(strstr(t, "1. Кадровый состав"));
	assert_non_null(strstr(t, "1.1. Подраздел"));
	assert_non_null(strstr(t, "156 человек (63,2 процента) имеют высшее"));
	assert_non_null(strstr(t, "Ёлки и ёжики, отчёт."));
	/* GOST page numbers: none on the first page */
	assert_null(strstr(t, "стр."));
	free(t);
	/* pypdf and pdfminer find the same words as pdftotext */
	{
		char cmd[256];
		int st;

		snprintf(cmd, sizeof(cmd), "/usr/bin/python3 tests/pdf/words.py"
			 " '%s' 2>&1", path_of("a.pdf"));
		t = run(cmd, &st);
		if (st != 0)
			fail_msg("%s", t);
		free(t);
	}
}

static void test_pdf_layout__byte_identical(void **state)
{
	size_t n1, n2;
	char *a, *b;

	for (int i = 0; i < 2; i++) {
		struct pdf_doc *d = pdf_open(CREATED, "Проверка");
		assert_non_null(d);
		sample(d);
		assert_int_equal(pdf_save(d, path_of(i ? "c.pdf" : "b.pdf")),
				 0);
		pdf_free(d);
	}
	a = slurp(path_of("b.pdf"), &n1);
	b = slurp(path_of("c.pdf"), &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	/* the fixed date is in the file: D:20261221000000Z */
	a[n1 - 1] = '\0';
	{
		bool found = false;
		for (size_t i = 0; i + 17 <= n1 && !found; i++)
			found = memcmp(a + i, "D:20261221000000Z", 17) == 0;
		assert_true(found);
	}
	free(a);
	free(b);
}

static void test_pdf_layout__sanitize(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	char *s;

	assert_non_null(d);
	/* invalid byte, emoji (non-BMP), CJK (no glyph), tab and spaces */
	s = pdf_sanitize(d, "а\xff б 😀 一\tв   г ");
	assert_string_equal(s, "а\xEF\xBF\xBD б \xEF\xBF\xBD "
			    "\xEF\xBF\xBD в г");
	free(s);
	/* an overlong '/' and a lone surrogate are invalid too */
	s = pdf_sanitize(d, "x\xC0\xAFy\xED\xA0\x80z");
	assert_string_equal(s, "x\xEF\xBF\xBD\xEF\xBF\xBDy"
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz");
	free(s);
	s = pdf_sanitize(d, "  строка \n вторая ");
	assert_string_equal(s, "строка\nвторая");
	free(s);
	/* no-break spaces kept; after «№» and before «%» made so */
	s = pdf_sanitize(d, "№  5, 7" NBSP "%, 9" NNBSP "000, 3 %");
	assert_string_equal(s, "№" NBSP "5, 7" NBSP "%, 9" NNBSP "000, 3"
			    NBSP "%");
	free(s);
	pdf_free(d);
}

static void test_pdf_layout__num(void **state)
{
	char buf[32];

	assert_string_equal(pdf_num(63.2, 1, buf), "63,2");
	assert_string_equal(pdf_num(40.45, 0, buf), "40");
	assert_string_equal(pdf_num(-0.01, 1, buf), "0,0");
	assert_string_equal(pdf_num(100, 1, buf), "100,0");
}

/*
 * 300 rows of one line each (about 19 pt with padding) cannot fit one page
 * (about 700 pt of text height): the table goes on over several pages and
 * each page starts with the header row again.
 */
static void test_pdf_layout__long_table_repeats_header(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	struct pdf_col cols[] = {
		{ "ЗаголовокНомер", 0.2f, PDF_RIGHT },
		{ "ЗаголовокИмя", 0.5f, PDF_LEFT },
		{ "ЗаголовокЗначение", 0.3f, PDF_RIGHT },
	};
	struct pdf_table *t;
	char num[16], name[32], val[16];
	char *txt;
	int pages;

	assert_non_null(d);
	pdf_heading(d, 1, "Длинная таблица");
	t = pdf_table_begin(d, cols, 3, 0);
	for (int i = 1; i <= 300; i++) {
		const char *cells[3] = { num, name, val };

		snprintf(num, sizeof(num), "%d", i);
		snprintf(name, sizeof(name), "Строка%03d", i);
		snprintf(val, sizeof(val), "%d,%d", i / 10, i % 10);
		pdf_table_row(t, cells, i % 2 ? 0 : PDF_ROW_SHADE);
	}
	pdf_table_end(t);
	pages = pdf_page_count(d);
	assert_true(pages >= 5);
	assert_int_equal(pdf_save(d, path_of("t.pdf")), 0);
	pdf_free(d);
	/* sans faces (cells), serif (numbers, continuation), serif bold */
	check_valid(path_of("t.pdf"), 4);
	txt = text_of(path_of("t.pdf"), false);
	/* the header once per page, every row once, in order */
	assert_int_equal(count(txt, "ЗаголовокИмя"), (size_t)pages);
	assert_int_equal(count(txt, "ЗаголовокЗначение"), (size_t)pages);
	assert_int_equal(count(txt, "Строка"), 300);
	assert_non_null(strstr(txt, "Строка300"));
	assert_true(strstr(txt, "Строка001") < strstr(txt, "Строка300"));
	/*
	 * page splits: each page's text starts with its number, then
	 * «Продолжение таблицы» over the header
	 */
	{
		int page = 2;
		char want[128];

		for (char *p = strchr(txt, '\f'); p && p[1];
		     p = strchr(p + 1, '\f')) {
			snprintf(want, sizeof(want), "%d\nПродолжение "
				 "таблицы\nЗаголовокНомер", page++);
			assert_memory_equal(p + 1, want, strlen(want));
		}
		assert_int_equal(page, pages + 1);
	}
	free(txt);
}

/*
 * A 400-letter word in a column a third of the page wide must be broken
 * between letters over several lines; a 3000-letter cell of words wraps
 * over several pages (taller than a page, the row itself splits).
 */
static void test_pdf_layout__long_cell_wraps(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	struct pdf_col cols[] = {
		{ "Код", 0.3f, PDF_LEFT }, { "Текст", 0.7f, PDF_LEFT },
	};
	struct pdf_table *t;
	char word[801], *para, *txt, *flat;
	size_t plen = 0;

	assert_non_null(d);
	for (int i = 0; i < 400; i++)
		memcpy(word + 2 * i, i % 2 ? "б" : "а", 2);
	word[800] = '\0';
	para = xmalloc(10 * 1200 + 1);  /* "сл0000 " is 9 bytes */
	for (int i = 0; i < 1200; i++)
		plen += (size_t)sprintf(para + plen, "сл%04d ", i);
	t = pdf_table_begin(d, cols, 2, 0);
	pdf_table_row(t, (const char *const[]){ word, NULL }, 0);
	pdf_table_row(t, (const char *const[]){ "длинный", para }, 0);
	pdf_table_end(t);
	assert_true(pdf_page_count(d) >= 3);
	assert_int_equal(pdf_save(d, path_of("w.pdf")), 0);
	pdf_free(d);
	check_valid(path_of("w.pdf"), 3);
	txt = text_of(path_of("w.pdf"), false);
	/* not on one line ... */
	assert_null(strstr(txt, word));
	/* ... but all there, in order, once the line breaks are removed */
	flat = xstrdup(txt);
	{
		char *o = flat;
		for (char *p = flat; *p; p++)
			if (*p != '\n' && *p != ' ' && *p != '\f')
				*o++ = *p;
		*o = '\0';
	}
	assert_non_null(strstr(flat, word));
	assert_non_null(strstr(txt, "сл0000"));
	assert_non_null(strstr(txt, "сл1199"));
	assert_int_equal(count(txt, "сл0"), 1000);
	free(flat);
	free(txt);
	free(para);
}

/* k one-line paragraphs, then a heading and a three-line paragraph. */
static int fill(int k, bool tail, const char *path)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	int pages;

	assert_non_null(d);
	for (int i = 0; i < k; i++)
		pdf_text(d, &PDF_PLAIN, "Строка.");
	if (tail) {
		pdf_heading(d, 1, "Заголовокраздела");
		pdf_text(d, &PDF_PLAIN, "Первая\nвторая\nтретья");
	}
	pages = pdf_page_count(d);
	if (path)
		assert_int_equal(pdf_save(d, path), 0);
	pdf_free(d);
	return pages;
}

/*
 * A heading is kept with the start of the next block: with room left on
 * page 1 for the heading alone (one-line paragraphs are 18 pt apart, the
 * heading about 34 pt, the heading with three lines about 80 pt), the
 * heading still goes to page 2 with its paragraph.
 */
static void test_pdf_layout__heading_keeps_with_next(void **state)
{
	int kmax = 1;
	char cmd[256], *p1, *p2;

	while (fill(kmax + 1, false, NULL) == 1)
		kmax++;
	/* kmax - 2 paragraphs leave 36-54 pt */
	assert_int_equal(fill(kmax - 2, true, path_of("k.pdf")), 2);
	snprintf(cmd, sizeof(cmd), "pdftotext -q -f 1 -l 1 '%s' -",
		 path_of("k.pdf"));
	p1 = run(cmd, NULL);
	snprintf(cmd, sizeof(cmd), "pdftotext -q -f 2 -l 2 '%s' -",
		 path_of("k.pdf"));
	p2 = run(cmd, NULL);
	assert_null(strstr(p1, "Заголовокраздела"));
	assert_non_null(strstr(p2, "1. Заголовокраздела"));
	assert_non_null(strstr(p2, "третья"));
	free(p1);
	free(p2);
}

static void test_pdf_layout__charts(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	struct pdf_bar bars[] = {
		{ "Первый показатель", 63.2, false, true, 80, PDF_BAR_BAD },
		{ "Второй показатель", 85.0, false, true, 80, PDF_BAR_GOOD },
		{ "Третий показатель", 0, true, true, 50, PDF_BAR_NEUTRAL },
	};
	struct pdf_bar_chart bc = {
		"Столбики", 100, 1, "%",
		{ NULL, "достигнуто", "не достигнуто" }, "целевое значение", 0
	};
	double y1[] = { 240, 250, 247 }, y2[] = { 30, NAN, 35 };
	const char *cat[] = { "2024", "2025", "2026" };
	struct pdf_series s[] = { { "Учителя", y1 }, { "Молодые", y2 } };
	struct pdf_line_chart lc = {
		"Линии", cat, 3, 0, 0, "", "человек"
	};
	char *t;

	assert_non_null(d);
	pdf_bar_chart(d, &bc, bars, 3);
	pdf_line_chart(d, &lc, s, 2);
	assert_int_equal(pdf_save(d, path_of("g.pdf")), 0);
	pdf_free(d);
	check_valid(path_of("g.pdf"), 2);
	t = text_of(path_of("g.pdf"), true);
	assert_non_null(strstr(t, "Столбики"));
	assert_non_null(strstr(t, "Первый показатель"));
	assert_non_null(strstr(t, "63,2%"));
	assert_non_null(strstr(t, "нет данных"));
	assert_non_null(strstr(t, "целевое значение"));
	assert_non_null(strstr(t, "не достигнуто"));
	assert_non_null(strstr(t, "100%"));        /* the axis end */
	assert_non_null(strstr(t, "Линии"));
	assert_non_null(strstr(t, "2025"));
	assert_non_null(strstr(t, "247"));
	assert_non_null(strstr(t, "Молодые"));
	free(t);
}

/* Lines of `pdftotext -layout` of the pages [first, last], malloc'd. */
static char *layout_of(const char *pdf, int first, int last)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "pdftotext -q -layout -f %d -l %d '%s' - "
		 "2>/dev/null", first, last, pdf);
	return run(cmd, NULL);
}

/* Does a line of txt end with `tail` (spaces trimmed)? */
static bool line_ends_with(const char *txt, const char *tail)
{
	size_t n = strlen(tail);

	for (const char *p = txt; (p = strstr(p, tail)) != NULL; p++) {
		const char *e = p + n;

		while (*e == ' ')
			e++;
		if (*e == '\n' || *e == '\0' || *e == '\f')
			return true;
	}
	return false;
}

/*
 * Hyphenation in a column 110 pt wide: long Russian words are hyphenated
 * (a line ends in «-»), but never inside a number or code («2026-12»,
 * «17,5»), an abbreviation in capitals (ЦНППМ, МКОУ) or a Latin name; at
 * least two letters go on each side.  No-break spaces (U+00A0 after «№»
 * and before «%», U+202F in «10 000») never break, and the text between
 * them is whole again when extracted.
 */
static void test_pdf_layout__hyphenation_rules(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);
	struct pdf_style st = PDF_BODY;
	char *txt, *flat;
	const char *para =
		"Профессионального педагогических образовательных "
		"общеобразовательных ЦНППМ МКОУ validation.csv 2026-12 "
		"школа №" NBSP "15 показатель 17,5" NBSP "% сумма "
		"10" NNBSP "000 руб. "
		"сопровождения педагогических руководителями";

	assert_non_null(d);
	st.indent = 0;
	st.left = pdf_content_width(d) - 110;
	pdf_text(d, &st, para);
	assert_int_equal(pdf_save(d, path_of("h.pdf")), 0);
	pdf_free(d);
	check_valid(path_of("h.pdf"), 1);
	txt = layout_of(path_of("h.pdf"), 1, 1);
	/* hyphenated somewhere, and words come back whole from pdftotext */
	assert_non_null(strchr(txt, '-'));
	assert_true(line_ends_with(txt, "-"));
	/* never in codes, numbers, capitals, Latin */
	assert_non_null(strstr(txt, "2026-12"));
	/* (pdftotext gives the no-break spaces back as spaces) */
	assert_non_null(strstr(txt, "17,5 %"));
	assert_non_null(strstr(txt, "ЦНППМ"));
	assert_non_null(strstr(txt, "МКОУ"));
	assert_non_null(strstr(txt, "validation.csv"));
	assert_non_null(strstr(txt, "№ 15"));
	assert_non_null(strstr(txt, "10 000"));
	assert_false(line_ends_with(txt, "№"));
	/* two letters at least on either side of a hyphen */
	for (char *p = txt; *p; p++) {
		if (*p == '-' && (p[1] == '\n' || p[1] == ' ')) {
			char *q = p;
			int left = 0;

			while (q > txt && (unsigned char)q[-1] >= 0x80) {
				q--;
				left += ((unsigned char)*q & 0xC0) != 0x80;
			}
			if (left > 0)
				assert_true(left >= 2);
		}
	}
	for (char *p = strchr(txt, '\n'); p && p[1]; p = strchr(p + 1, '\n')) {
		char *q = p + 1;
		int right = 0;

		while (*q == ' ')
			q++;
		/* a line that continues a hyphenated word */
		if (p[-1] != '-')
			continue;
		while ((unsigned char)*q >= 0x80) {
			right += ((unsigned char)*q & 0xC0) != 0x80;
			q++;
		}
		assert_true(right >= 2);
	}
	free(txt);
	/* pdftotext joins the hyphenated words again */
	txt = text_of(path_of("h.pdf"), true);
	flat = txt;
	assert_non_null(strstr(flat, "Профессионального педагогических "
			       "образовательных общеобразовательных"));
	assert_non_null(strstr(flat, "сопровождения педагогических "
			       "руководителями"));
	free(txt);
}

/*
 * «№» + U+00A0 + number and number + U+00A0 + «%»: in every column width
 * from 40 to 120 pt the pair stays on one line (with plain spaces some
 * widths would break it); the layout binds «№ 7» and «5 %» written with
 * plain spaces the same way.
 */
static void test_pdf_layout__nbsp_never_breaks(void **state)
{
	for (int w = 40; w <= 120; w += 4) {
		struct pdf_doc *d = pdf_open(CREATED, NULL);
		struct pdf_style st = PDF_PLAIN;
		char *txt;

		assert_non_null(d);
		st.left = pdf_content_width(d) - (float)w;
		pdf_text(d, &st, "Школа №" NBSP "15 выполнила 100" NBSP "% плана");
		pdf_text(d, &st, "Лицей № 7 выполнил 5 % плана");
		assert_int_equal(pdf_save(d, path_of("s.pdf")), 0);
		pdf_free(d);
		txt = layout_of(path_of("s.pdf"), 1, 1);
		/* (pdftotext -layout may drop the no-break space itself) */
		{
			char *o = txt;

			for (char *p = txt; *p; p++)
				if (*p != ' ')
					*o++ = *p;
			*o = '\0';
		}
		if (!strstr(txt, "№15") || !strstr(txt, "100%") ||
		    !strstr(txt, "№7") || !strstr(txt, "5%"))
			fail_msg("width %d pt: broken at a no-break space:\n%s",
				 w, txt);
		free(txt);
	}
}

/*
 * Bookmarks: one per heading, level 2 under its level 1, each to the page
 * of its heading; opened on display; the document information set by
 * pdf_set_info(), the language Russian.
 */
static void test_pdf_layout__bookmarks_and_info(void **state)
{
	struct pdf_doc *d = pdf_open(CREATED, "Справка");
	char cmd[1024], *out;
	int st;

	assert_non_null(d);
	pdf_set_info(d, &(struct pdf_info){ .author = "Отдел образования",
		     .subject = "Мониторинг, декабрь 2026 г.",
		     .keywords = "кадры, мониторинг" });
	pdf_heading(d, 1, "Первый раздел");
	pdf_text(d, &PDF_BODY, "Текст.");
	pdf_heading(d, 2, "Подраздел");
	pdf_text(d, &PDF_BODY, "Текст.");
	pdf_page_break(d);
	pdf_heading(d, 1, "Второй раздел");
	pdf_text(d, &PDF_BODY, "Текст.");
	pdf_heading(d, 0, "Приложение");
	pdf_text(d, &PDF_BODY, "Текст.");
	assert_int_equal(pdf_save(d, path_of("o.pdf")), 0);
	pdf_free(d);
	check_valid(path_of("o.pdf"), 2);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 -c '"
		 "import sys, pypdf\n"
		 "r = pypdf.PdfReader(sys.argv[1])\n"
		 "def walk(o, dep):\n"
		 "    for x in o:\n"
		 "        if isinstance(x, list): walk(x, dep + 1)\n"
		 "        else: print(dep, x.title, "
		 "r.get_destination_page_number(x) + 1)\n"
		 "walk(r.outline, 0)\n"
		 "root = r.trailer[\"/Root\"]\n"
		 "m = r.metadata\n"
		 "print(root[\"/PageMode\"], root[\"/Lang\"])\n"
		 "print(m.title, m.author, m.subject, m[\"/Keywords\"], "
		 "m.creator, sep=\"|\")' '%s' 2>&1", path_of("o.pdf"));
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_string_equal(out,
		"0 1. Первый раздел 1\n"
		"1 1.1. Подраздел 1\n"
		"0 2. Второй раздел 2\n"
		"0 Приложение 2\n"
		"/UseOutlines ru-RU\n"
		"Справка|Отдел образования|Мониторинг, декабрь 2026 г.|"
		"кадры, мониторинг|Kadry\n");
	free(out);
}

/* Two pages of text with the given page-number mode. */
static char *numbered(int mode, const char *name)
{
	struct pdf_doc *d = pdf_open(CREATED, NULL);

	assert_non_null(d);
	if (mode >= 0)
		pdf_set_page_numbers(d, mode);
	pdf_text(d, &PDF_BODY, "Первая страница.");
	pdf_page_break(d);
	pdf_text(d, &PDF_BODY, "Вторая страница.");
	assert_int_equal(pdf_save(d, path_of(name)), 0);
	pdf_free(d);
	return text_of(path_of(name), false);
}

/*
 * Page numbers: by default (GOST R 7.0.97) the bare number at the top of
 * every page but the first; «стр. N из M» at the foot on request; none.
 */
static void test_pdf_layout__page_numbers(void **state)
{
	char *t = numbered(-1, "n0.pdf");

	assert_memory_equal(t, "Первая страница.\n", 30);
	assert_non_null(strstr(t, "\f2\nВторая страница."));
	assert_null(strstr(t, "стр."));
	free(t);
	t = numbered(PDF_PAGENUM_FOOTER, "n1.pdf");
	assert_non_null(strstr(t, "стр. 1 из 2"));
	assert_non_null(strstr(t, "стр. 2 из 2"));
	free(t);
	t = numbered(PDF_PAGENUM_NONE, "n2.pdf");
	assert_non_null(strstr(t, "\fВторая страница."));
	assert_null(strstr(t, "стр."));
	free(t);
}

/*
 * A numbered table after k lines of text, for every k that moves its
 * page break through the table: the caption is over the table, each
 * page the table goes on to starts with «Продолжение таблицы 3» over the
 * header, and no page holds a single body row of the table.
 */
static void test_pdf_layout__table_break_keeps_two_rows(void **state)
{
	struct pdf_col cols[] = {
		{ "Строка", 0.5f, PDF_LEFT }, { "Значение", 0.5f, PDF_RIGHT },
	};

	for (int k = 0; k < 48; k++) {
		struct pdf_doc *d = pdf_open(CREATED, NULL);
		struct pdf_table *t;
		char *txt, *page;
		int pages, conts = 0;

		assert_non_null(d);
		for (int i = 0; i < k; i++)
			pdf_text(d, &PDF_PLAIN, "Строка текста.");
		t = pdf_table_begin(d, cols, 2, 0);
		pdf_table_caption(t, 3, "Проверка переноса");
		for (int i = 1; i <= 24; i++) {
			char a[16], b[16];

			snprintf(a, sizeof(a), "Р%02d", i);
			snprintf(b, sizeof(b), "%d", i);
			pdf_table_row(t, (const char *const[]){ a, b }, 0);
		}
		pdf_table_end(t);
		pages = pdf_page_count(d);
		assert_int_equal(pdf_save(d, path_of("k.pdf")), 0);
		pdf_free(d);
		txt = text_of(path_of("k.pdf"), false);
		assert_int_equal(count(txt, "Таблица 3 – Проверка переноса"), 1);
		assert_int_equal(count(txt, "Р"), 24);
		page = txt;
		for (int p = 1; p <= pages; p++) {
			char *end = strchr(page, '\f');
			char save;
			size_t rows;

			if (!end)
				end = page + strlen(page);
			save = *end;
			*end = '\0';
			rows = count(page, "Р");
			if (rows > 0 && count(page, "Продолжение таблицы 3")) {
				conts++;
				assert_non_null(strstr(page, "Строка"));
			}
			if (rows == 1)
				fail_msg("k = %d: page %d has one row", k, p);
			*end = save;
			page = *end ? end + 1 : end;
		}
		assert_int_equal(conts, count(txt, "Продолжение таблицы 3"));
		free(txt);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_layout__text_round_trip),
		cmocka_unit_test(test_pdf_layout__byte_identical),
		cmocka_unit_test(test_pdf_layout__sanitize),
		cmocka_unit_test(test_pdf_layout__num),
		cmocka_unit_test(test_pdf_layout__long_table_repeats_header),
		cmocka_unit_test(test_pdf_layout__long_cell_wraps),
		cmocka_unit_test(test_pdf_layout__heading_keeps_with_next),
		cmocka_unit_test(test_pdf_layout__charts),
		cmocka_unit_test(test_pdf_layout__hyphenation_rules),
		cmocka_unit_test(test_pdf_layout__nbsp_never_breaks),
		cmocka_unit_test(test_pdf_layout__bookmarks_and_info),
		cmocka_unit_test(test_pdf_layout__page_numbers),
		cmocka_unit_test(test_pdf_layout__table_break_keeps_two_rows),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
