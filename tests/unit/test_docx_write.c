/*
 * test_docx_write.c - a hand-built document as report.docx: the parts in
 * sorted order, the same bytes twice, and the WordprocessingML of
 * headings, lists, tables and charts.
 */
#include "docx_write.h"

#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char *buf = xcalloc(1, 1 << 20);
	size_t n;

	assert_non_null(p);
	n = fread(buf, 1, (1 << 20) - 1, p);
	buf[n] = '\0';
	pclose(p);
	return buf;
}

static void build(struct doc *d)
{
	struct doc_col cols[] = {
		{ "Вид сведений", 0.75f, DOC_LEFT },
		{ "Предупре-\nждений", 0.25f, DOC_RIGHT },
	};
	struct doc_table *t;
	struct doc_list *l;
	struct doc_bar bar = { "I01", 60.5, false, true, 90, DOC_BAR_BAD };
	struct doc_bar_chart bc = { "Показатели, %", 100, 1, "%",
				    { NULL, "да", "нет" }, "цель", 0.4f,
				    NULL, 0 };

	doc_init(d, "Справка");
	doc_heading(d, 1, "Источники");
	doc_heading(d, 2, "Файлы");
	doc_text(d, DOC_BODY, "Обработан 1 файл & <ещё>.");
	t = doc_table(d, cols, 2, 0);
	doc_table_caption(d, t, "По видам:");
	doc_table_row(d, t, (const char *const[]){ "Кадры", "2" },
		      DOC_ROW_BOLD);
	l = doc_list(d, true);
	doc_run(d, doc_list_item(d, l, 0, "1."), DOC_BOLD, "Отделу:");
	doc_run(d, doc_list_item(d, l, 1, "1.1."), 0, "провести.");
	doc_bar_chart(d, &bc, &bar, 1);
	doc_sign(d, "Начальник", "Л. А. Петрова");
}

static void test_docx_write__parts_and_bytes(void **state)
{
	char a[] = "/tmp/kadry-docx-XXXXXX", b[] = "/tmp/kadry-docx-XXXXXX";
	char cmd[256], *out;
	struct doc d;

	close(mkstemp(a));
	close(mkstemp(b));
	build(&d);
	assert_int_equal(docx_write(&d, a, 1797811200), 0);
	assert_int_equal(docx_write(&d, b, 1797811200), 0);
	snprintf(cmd, sizeof(cmd), "cmp -s %s %s && echo same", a, b);
	out = run(cmd);
	assert_string_equal(out, "same\n");
	free(out);
	snprintf(cmd, sizeof(cmd), "zipinfo -1 %s", a);
	out = run(cmd);
	assert_string_equal(out, "[Content_Types].xml\n_rels/.rels\n"
			    "docProps/app.xml\ndocProps/core.xml\n"
			    "word/_rels/document.xml.rels\n"
			    "word/charts/chart1.xml\nword/document.xml\n"
			    "word/header1.xml\nword/numbering.xml\n"
			    "word/settings.xml\nword/styles.xml\n");
	free(out);
	/* the fixed date: 2026-12-21 00:00 */
	snprintf(cmd, sizeof(cmd), "zipinfo -T %s word/document.xml", a);
	out = run(cmd);
	assert_non_null(strstr(out, "20261221.000000"));
	free(out);
	doc_release(&d);
	unlink(a);
	unlink(b);
}

static void test_docx_write__wordprocessingml(void **state)
{
	char a[] = "/tmp/kadry-docx-XXXXXX", cmd[256], *x;
	struct doc d;

	close(mkstemp(a));
	build(&d);
	assert_int_equal(docx_write(&d, a, 1797811200), 0);
	snprintf(cmd, sizeof(cmd), "unzip -p %s word/document.xml", a);
	x = run(cmd);
	/* headings numbered in their text, with the heading styles */
	assert_non_null(strstr(x, "<w:pStyle w:val=\"Heading1\"/></w:pPr>"
			       "<w:r><w:t xml:space=\"preserve\">1. "
			       "Источники</w:t>"));
	assert_non_null(strstr(x, ">1.1. Файлы<"));
	/* escaped text */
	assert_non_null(strstr(x, "Обработан 1 файл &amp; &lt;ещё&gt;."));
	/* a header row that repeats, a soft hyphen for «-\n» */
	assert_non_null(strstr(x, "<w:tblHeader/>"));
	assert_non_null(strstr(x, "Предупре\xC2\xAD</w:t></w:r><w:r>"
			       "<w:rPr><w:b/><w:sz w:val=\"18\"/></w:rPr>"
			       "<w:t xml:space=\"preserve\">ждений"));
	assert_non_null(strstr(x, "<w:pStyle w:val=\"Caption\"/>"));
	/* the list: Word's numbering, levels 0 and 1 */
	assert_non_null(strstr(x, "<w:ilvl w:val=\"1\"/><w:numId "
			       "w:val=\"1\"/>"));
	assert_null(strstr(x, ">1.1. провести"));
	/* the chart and the signature's right tab */
	assert_non_null(strstr(x, "<c:chart r:id=\"rIdChart1\"/>"));
	assert_non_null(strstr(x, "Начальник</w:t><w:tab/></w:r>"));
	/* page numbers from page 2: a header, a distinct first page */
	assert_non_null(strstr(x, "<w:titlePg/>"));
	free(x);
	snprintf(cmd, sizeof(cmd), "unzip -p %s word/charts/chart1.xml", a);
	x = run(cmd);
	assert_non_null(strstr(x, "<c:barDir val=\"bar\"/>"));
	assert_non_null(strstr(x, "<c:v>60.5</c:v>"));
	assert_non_null(strstr(x, "<c:v>цель</c:v>"));
	free(x);
	doc_release(&d);
	unlink(a);
}

static void test_docx_write__unwritable_path(void **state)
{
	struct doc d;

	build(&d);
	assert_int_equal(docx_write(&d, "/nonexistent-dir/x.docx", 0), -1);
	doc_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docx_write__parts_and_bytes),
		cmocka_unit_test(test_docx_write__wordprocessingml),
		cmocka_unit_test(test_docx_write__unwritable_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
