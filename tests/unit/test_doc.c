/*
 * test_doc.c - the document model: blocks in reading order, strings
 * copied and filtered, tables and lists as built.
 */
#include "doc.h"

#include "kadry_test.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void test_doc__blocks_in_order_and_copied(void **state)
{
	struct doc d;
	char buf[32];
	struct doc_para *p;
	const struct doc_block *b;

	doc_init(&d, "Справка");
	doc_heading(&d, 1, "Кадровый состав");
	strcpy(buf, "247 учителей");
	p = doc_para(&d, DOC_BODY);
	doc_run(&d, p, DOC_BOLD, "Итого: ");
	doc_run(&d, p, DOC_REGULAR, buf);
	strcpy(buf, "overwritten");         /* the model holds its copy */
	doc_page_break(&d);
	doc_sign(&d, "Начальник отдела", "Л. А. Петрова");
	assert_int_equal(d.nblocks, 4);
	b = d.first;
	assert_int_equal(b->kind, DOC_HEADING);
	assert_int_equal(b->u.heading.level, 1);
	assert_string_equal(b->u.heading.text, "Кадровый состав");
	b = b->next;
	assert_int_equal(b->kind, DOC_PARA);
	assert_int_equal(b->u.para.runs->flags, DOC_BOLD);
	assert_int_equal(b->u.para.runs->next->flags, DOC_REGULAR);
	assert_string_equal(doc_para_text(&d, &b->u.para),
			    "Итого: 247 учителей");
	assert_int_equal(b->next->kind, DOC_PAGE_BREAK);
	assert_int_equal(b->next->next->kind, DOC_SIGN);
	assert_string_equal(b->next->next->u.sign.right, "Л. А. Петрова");
	assert_null(b->next->next->next);
	doc_release(&d);
}

/* A filter that marks every string: tables, lists and charts use it. */
static const char *shout(struct arena *ar, const char *s)
{
	return arena_printf(ar, "[%s]", s);
}

static void test_doc__filter_reaches_every_string(void **state)
{
	struct doc d;
	struct doc_col cols[] = {
		{ "Предмет", 0.6f, DOC_LEFT }, { "Число", 0.4f, DOC_RIGHT },
	};
	struct doc_table *t;
	struct doc_list *l;
	struct doc_bar bar = { "I01", 50, false, true, 90, DOC_BAR_BAD };
	struct doc_bar_chart bc = { "Показатели", 100, 1, "%",
				    { NULL, "да", "нет" }, "цель", 0.4f,
				    NULL, 0 };

	doc_init(&d, NULL);
	doc_set_filter(&d, shout);
	t = doc_table(&d, cols, 2, 0);
	doc_table_caption(&d, t, "По предметам");
	doc_table_row(&d, t, (const char *const[]){ "математика", NULL }, 0);
	doc_table_row(&d, t, (const char *const[]){ "Всего", "5" },
		      DOC_ROW_BOLD);
	l = doc_list(&d, true);
	doc_run(&d, doc_list_item(&d, l, 0, "1."), 0, "Отделу");
	doc_run(&d, doc_list_item(&d, l, 1, NULL), 0, "провести");
	doc_bar_chart(&d, &bc, &bar, 1);
	assert_string_equal(t->caption, "[По предметам]");
	assert_string_equal(t->cols[1].title, "[Число]");
	assert_int_equal(t->nrows, 2);
	assert_string_equal(t->rows->cells[1], "[]");    /* NULL: empty */
	assert_int_equal(t->rows->next->flags, DOC_ROW_BOLD);
	assert_int_equal(l->nitems, 2);
	assert_string_equal(l->items->label, "[1.]");
	assert_null(l->items->next->label);
	assert_int_equal(l->items->next->level, 1);
	assert_string_equal(d.last->u.bar.bars[0].label, "[I01]");
	assert_string_equal(d.last->u.bar.kind_name[1], "[да]");
	assert_null(d.last->u.bar.kind_name[0]);
	doc_release(&d);
}

static void test_doc__line_chart_copies_values(void **state)
{
	struct doc d;
	double y[3] = { 1, NAN, 3 };
	const char *cat[3] = { "2024", "2025", "2026" };
	struct doc_series s = { "I01", y };
	struct doc_line_chart lc = { "Динамика", cat, 3, 0, 0, "", NULL,
				     NULL, 0 };
	const struct doc_line_chart *x;

	doc_init(&d, NULL);
	doc_line_chart(&d, &lc, &s, 1);
	y[0] = 99;
	x = &d.first->u.line;
	assert_int_equal(x->ncat, 3);
	assert_string_equal(x->cat[2], "2026");
	assert_true(x->series[0].y[0] == 1);
	assert_true(isnan(x->series[0].y[1]));
	doc_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doc__blocks_in_order_and_copied),
		cmocka_unit_test(test_doc__filter_reaches_every_string),
		cmocka_unit_test(test_doc__line_chart_copies_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
