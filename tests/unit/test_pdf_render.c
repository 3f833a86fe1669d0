/*
 * test_pdf_render.c - a hand-built document drawn as PDF: what pdftotext
 * gives back, in order.
 */
#include "pdf_render.h"

#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* pdftotext's words of the PDF, white space made single spaces. */
static char *words_of(const char *pdf)
{
	char cmd[256], *buf = xcalloc(1, 65536), *o;
	FILE *p;
	size_t n;

	snprintf(cmd, sizeof(cmd), "pdftotext -q '%s' - 2>/dev/null", pdf);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(buf, 1, 65535, p);
	pclose(p);
	buf[n] = '\0';
	o = buf;
	for (char *s = buf; *s; s++) {
		if (strchr(" \n\t\f", *s)) {
			if (o > buf && o[-1] != ' ')
				*o++ = ' ';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return buf;
}

static void test_pdf_render__blocks_in_reading_order(void **state)
{
	char path[] = "/tmp/kadry-render-XXXXXX";
	int fd = mkstemp(path);
	struct doc d;
	struct doc_table *t;
	struct doc_list *l;
	struct doc_col cols[] = {
		{ "Предмет", 0.7f, DOC_LEFT }, { "Вакансий", 0.3f, DOC_RIGHT },
	};
	char *w;

	assert_true(fd >= 0);
	close(fd);
	doc_init(&d, "Проверка");
	doc_text(&d, DOC_TITLE, "Аналитическая справка");
	doc_heading(&d, 1, "Кадры");
	doc_heading(&d, 2, "Вакансии");
	doc_text(&d, DOC_BODY, "Вакансий две.")->keep_next = true;
	t = doc_table(&d, cols, 2, 0);
	doc_table_caption(&d, t, "По предметам:");
	doc_table_row(&d, t, (const char *const[]){ "математика", "2" }, 0);
	doc_heading(&d, 1, "Решение");
	l = doc_list(&d, true);
	doc_run(&d, doc_list_item(&d, l, 0, NULL), DOC_BOLD, "Отделу:");
	doc_run(&d, doc_list_item(&d, l, 1, NULL), 0, "провести совещание.");
	doc_run(&d, doc_list_item(&d, l, 1, NULL), 0, "подвести итоги.");
	doc_sign(&d, "Начальник отдела", "Л. А. Петрова");
	assert_int_equal(pdf_render_write(&d, path, 1797811200), 0);
	w = words_of(path);
	/* headings numbered by the layout, list numbered by the renderer */
	/* (pdftotext may read a table's cells column by column) */
	assert_non_null(strstr(w, "Аналитическая справка 1. Кадры 1.1. "
			       "Вакансии Вакансий две. По предметам: "
			       "Предмет "));
	assert_non_null(strstr(w, " 2 2. Решение "
			       "1. Отделу: 1.1. провести совещание. 1.2. "
			       "подвести итоги. Начальник отдела"));
	assert_non_null(strstr(w, "математика"));
	free(w);
	doc_release(&d);
	unlink(path);
}

static void test_pdf_render__unwritable_path(void **state)
{
	struct doc d;

	doc_init(&d, NULL);
	doc_text(&d, DOC_BODY, "текст");
	assert_int_equal(pdf_render_write(&d, "/nonexistent-dir/x.pdf", 0),
			 -1);
	doc_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdf_render__blocks_in_reading_order),
		cmocka_unit_test(test_pdf_render__unwritable_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
