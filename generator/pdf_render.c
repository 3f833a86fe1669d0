/*
 * pdf_render.c - draws the document model on the page layout module.
 */
#include "pdf_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"

/* The model's enums are the layout's, value for value. */
#define SAME(a, b) ((int)(a) == (int)(b))
_Static_assert(SAME(DOC_LEFT, PDF_LEFT) && SAME(DOC_JUSTIFY, PDF_JUSTIFY) &&
	       SAME(DOC_CENTER_ALIGN, PDF_CENTER) &&
	       SAME(DOC_RIGHT, PDF_RIGHT), "alignments");
_Static_assert(SAME(DOC_ROW_BOLD, PDF_ROW_BOLD) &&
	       SAME(DOC_ROW_SHADE, PDF_ROW_SHADE), "row flags");
_Static_assert(SAME(DOC_BAR_NEUTRAL, PDF_BAR_NEUTRAL) &&
	       SAME(DOC_BAR_GOOD, PDF_BAR_GOOD) &&
	       SAME(DOC_BAR_BAD, PDF_BAR_BAD) && SAME(DOC_BAR__N, PDF_BAR__N),
	       "bar kinds");

/* A table's caption (or lead line), header and first rows, pt. */
#define TABLE_START 110
/* The signature's height with its gap, to keep the block before it. */
#define SIGN_ROOM 48

static const struct pdf_style note_style = {
	10, false, false, PDF_LEFT, 0, 0, 0, 4
};
static const struct pdf_style center_style = {
	12, false, false, PDF_CENTER, 0, 0, 0, 10
};
static const struct pdf_style item_style = {
	12, false, false, PDF_JUSTIFY, PDF_MM(12.5), 0, 0, 2
};
static const struct pdf_style group_style = {
	12, false, false, PDF_JUSTIFY, PDF_MM(12.5), 0, 6, 2
};
static const struct pdf_style lead_style = {
	12, false, false, PDF_LEFT, 0, 0, 4, 4
};

static struct pdf_style para_style(const struct doc_para *p)
{
	struct pdf_style st;
	bool bold = p->runs != NULL;

	switch (p->kind) {
	case DOC_PLAIN:
		st = PDF_PLAIN;
		break;
	case DOC_TITLE:
		st = PDF_TITLE;
		break;
	case DOC_CENTER:
		st = center_style;
		break;
	case DOC_NOTE:
		st = note_style;
		break;
	case DOC_ITEM:
		st = item_style;
		break;
	case DOC_LEAD:
		st = lead_style;
		break;
	default:
		st = PDF_BODY;
	}
	for (const struct doc_run *r = p->runs; r; r = r->next)
		bold &= (r->flags & DOC_BOLD) != 0;
	st.bold |= bold;
	return st;
}

/* The runs joined, with an optional label and a space before them. */
static char *para_text(const struct doc_para *p, const char *label)
{
	size_t len = label ? strlen(label) + 1 : 0;
	char *s, *o;

	for (const struct doc_run *r = p->runs; r; r = r->next)
		len += strlen(r->text);
	o = s = xmalloc(len + 1);
	if (label)
		o += sprintf(o, "%s ", label);
	for (const struct doc_run *r = p->runs; r; r = r->next) {
		size_t l = strlen(r->text);

		memcpy(o, r->text, l);
		o += l;
	}
	*o = '\0';
	return s;
}

/* Keeps a paragraph with a signature that follows it. */
static void keep_with_sign(struct pdf_doc *pd, const struct doc_block *next,
			   const struct pdf_style *st, const char *text)
{
	if (next && next->kind == DOC_SIGN)
		pdf_need(pd, pdf_text_height(pd, st, text) + SIGN_ROOM);
}

static void para(struct pdf_doc *pd, const struct doc_block *b)
{
	const struct doc_para *p = &b->u.para;
	struct pdf_style st = para_style(p);
	char *s = para_text(p, NULL);

	if (p->keep_next && b->next && b->next->kind == DOC_TABLE)
		pdf_need(pd, TABLE_START);
	keep_with_sign(pd, b->next, &st, s);
	pdf_text(pd, &st, s);
	free(s);
}

static void list(struct pdf_doc *pd, const struct doc_block *b)
{
	int num[2] = { 0, 0 };

	for (const struct doc_list_item *it = b->u.list.items; it;
	     it = it->next) {
		struct pdf_style st = para_style(&it->para);
		char label[32];
		char *s;

		num[it->level]++;
		if (it->level == 0)
			num[1] = 0;
		if (it->label)
			snprintf(label, sizeof(label), "%s", it->label);
		else if (!b->u.list.numbered)
			snprintf(label, sizeof(label), "—");
		else if (it->level == 0)
			snprintf(label, sizeof(label), "%d.", num[0]);
		else
			snprintf(label, sizeof(label), "%d.%d.", num[0],
				 num[1]);
		if (b->u.list.numbered) {
			struct pdf_style base = it->level ? item_style
							  : group_style;
			base.bold = st.bold;
			st = base;
		} else {
			struct pdf_style base = PDF_PLAIN;
			base.bold = st.bold;
			st = base;
		}
		s = para_text(&it->para, label);
		if (!it->next)
			keep_with_sign(pd, b->next, &st, s);
		pdf_text(pd, &st, s);
		free(s);
	}
}

static void table(struct pdf_doc *pd, const struct doc_table *t)
{
	struct pdf_col *cols = xcalloc((size_t)t->ncols, sizeof(*cols));
	struct pdf_table *tb;

	if (t->caption) {
		/* a short table stays with its caption */
		pdf_need(pd, 60 + 15 * (float)(t->nrows < 12 ? t->nrows : 3));
		pdf_text(pd, &PDF_PLAIN, t->caption);
	}
	for (int i = 0; i < t->ncols; i++)
		cols[i] = (struct pdf_col){ t->cols[i].title, t->cols[i].frac,
					    t->cols[i].align };
	tb = pdf_table_begin(pd, cols, t->ncols, t->size);
	/* further header rows: drawn once, under the repeated titles */
	for (const struct doc_row *r = t->head; r; r = r->next)
		pdf_table_row(tb, r->cells, PDF_ROW_BOLD | PDF_ROW_SHADE);
	for (const struct doc_row *r = t->rows; r; r = r->next)
		pdf_table_row(tb, r->cells, r->flags);
	pdf_table_end(tb);
	free(cols);
}

static void bar_chart(struct pdf_doc *pd, const struct doc_bar_chart *c)
{
	struct pdf_bar *bars = xcalloc((size_t)c->nbars + 1, sizeof(*bars));
	struct pdf_bar_chart bc = {
		c->title, c->max, c->decimals, c->suffix,
		{ c->kind_name[0], c->kind_name[1], c->kind_name[2] },
		c->target_name, c->label_frac
	};

	for (int i = 0; i < c->nbars; i++) {
		const struct doc_bar *b = &c->bars[i];

		bars[i] = (struct pdf_bar){ b->label, b->value, b->nodata,
					    b->has_target, b->target,
					    b->kind };
	}
	pdf_bar_chart(pd, &bc, bars, c->nbars);
	free(bars);
}

static void line_chart(struct pdf_doc *pd, const struct doc_line_chart *c)
{
	struct pdf_series *s = xcalloc((size_t)c->nseries + 1, sizeof(*s));
	struct pdf_line_chart lc = {
		c->title, c->cat, c->ncat, c->max, c->decimals, c->suffix,
		c->y_label
	};

	for (int i = 0; i < c->nseries; i++)
		s[i] = (struct pdf_series){ c->series[i].name,
					    c->series[i].y };
	pdf_line_chart(pd, &lc, s, c->nseries);
	free(s);
}

static void block(struct pdf_doc *pd, const struct doc_block *b)
{
	static const float gaps[] = { 6, 8, 18 };

	switch (b->kind) {
	case DOC_HEADING:
		pdf_heading(pd, b->u.heading.level, b->u.heading.text);
		break;
	case DOC_PARA:
		para(pd, b);
		break;
	case DOC_LIST:
		list(pd, b);
		break;
	case DOC_TABLE:
		table(pd, &b->u.table);
		break;
	case DOC_BAR_CHART:
		bar_chart(pd, &b->u.bar);
		break;
	case DOC_LINE_CHART:
		line_chart(pd, &b->u.line);
		break;
	case DOC_SIGN:
		pdf_sign(pd, b->u.sign.left, b->u.sign.right);
		break;
	case DOC_GAP:
		pdf_space(pd, gaps[b->u.gap < 3 ? b->u.gap : 0]);
		break;
	case DOC_PAGE_BREAK:
		pdf_page_break(pd);
		break;
	case DOC_APPENDIX:
		pdf_page_break(pd);
		pdf_text(pd, &(struct pdf_style){ 12, false, false, PDF_RIGHT,
						  0, 0, 0, 6 },
			 b->u.appendix.label);
		pdf_heading(pd, 0, b->u.appendix.title);
		break;
	}
}

int pdf_render_write(const struct doc *d, const char *path, time_t created)
{
	struct pdf_doc *pd = pdf_open(created, d->title);
	int rc = -1;

	if (!pd)
		return -1;
	for (const struct doc_block *b = d->first; b; b = b->next)
		block(pd, b);
	if (pdf_save(pd, path) == 0)
		rc = 0;
	pdf_free(pd);
	return rc;
}
