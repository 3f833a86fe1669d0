/*
 * doc.c - building the document model: blocks appended in reading order,
 * every string filtered and copied into the document's arena.
 */
#include "doc.h"

#include <stdio.h>
#include <string.h>

void doc_init(struct doc *d, const char *title)
{
	memset(d, 0, sizeof(*d));
	d->title = title ? arena_strdup(&d->ar, title) : "";
}

void doc_release(struct doc *d)
{
	arena_release(&d->ar);
	memset(d, 0, sizeof(*d));
}

void doc_set_filter(struct doc *d, doc_filter_fn *f)
{
	d->filter = f;
}

const char *doc_str(struct doc *d, const char *s)
{
	if (!s)
		s = "";
	if (d->filter)
		return d->filter(&d->ar, s);
	return arena_strdup(&d->ar, s);
}

static struct doc_block *add(struct doc *d, int kind)
{
	struct doc_block *b = arena_alloc(&d->ar, sizeof(*b));

	b->kind = (unsigned char)kind;
	if (d->last)
		d->last->next = b;
	else
		d->first = b;
	d->last = b;
	d->nblocks++;
	return b;
}

void doc_heading(struct doc *d, int level, const char *text)
{
	struct doc_block *b = add(d, DOC_HEADING);

	b->u.heading.level = level < 0 ? 0 : level > 2 ? 2 : level;
	b->u.heading.text = doc_str(d, text);
}

struct doc_para *doc_para(struct doc *d, int kind)
{
	struct doc_block *b = add(d, DOC_PARA);

	b->u.para.kind = (unsigned char)kind;
	return &b->u.para;
}

void doc_run(struct doc *d, struct doc_para *p, unsigned flags,
	     const char *text)
{
	struct doc_run *r = arena_alloc(&d->ar, sizeof(*r));

	r->text = doc_str(d, text);
	r->flags = flags;
	if (p->last)
		p->last->next = r;
	else
		p->runs = r;
	p->last = r;
}

struct doc_para *doc_text(struct doc *d, int kind, const char *text)
{
	struct doc_para *p = doc_para(d, kind);

	doc_run(d, p, DOC_REGULAR, text);
	return p;
}

struct doc_para *doc_textf(struct doc *d, int kind, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = arena_vprintf(&d->ar, fmt, ap);
	va_end(ap);
	return doc_text(d, kind, s);
}

const char *doc_para_text(struct doc *d, const struct doc_para *p)
{
	size_t len = 0;
	char *s, *o;

	for (const struct doc_run *r = p->runs; r; r = r->next)
		len += strlen(r->text);
	o = s = arena_alloc(&d->ar, len + 1);
	for (const struct doc_run *r = p->runs; r; r = r->next) {
		size_t l = strlen(r->text);

		memcpy(o, r->text, l);
		o += l;
	}
	*o = '\0';
	return s;
}

struct doc_list *doc_list(struct doc *d, bool numbered)
{
	struct doc_block *b = add(d, DOC_LIST);

	b->u.list.numbered = numbered;
	return &b->u.list;
}

struct doc_para *doc_list_item(struct doc *d, struct doc_list *l, int level,
			       const char *label)
{
	struct doc_list_item *it = arena_alloc(&d->ar, sizeof(*it));

	it->level = level < 0 ? 0 : level > 1 ? 1 : level;
	it->label = label ? doc_str(d, label) : NULL;
	it->para.kind = DOC_BODY;
	if (l->last)
		l->last->next = it;
	else
		l->items = it;
	l->last = it;
	l->nitems++;
	return &it->para;
}

struct doc_table *doc_table(struct doc *d, const struct doc_col *cols,
			    int ncols, float size)
{
	struct doc_block *b = add(d, DOC_TABLE);
	struct doc_table *t = &b->u.table;

	t->ncols = ncols > 0 ? ncols : 1;
	t->cols = arena_alloc(&d->ar, (size_t)t->ncols * sizeof(*t->cols));
	for (int i = 0; i < ncols; i++) {
		t->cols[i] = cols[i];
		t->cols[i].title = doc_str(d, cols[i].title);
	}
	t->size = size;
	return t;
}

void doc_table_caption(struct doc *d, struct doc_table *t,
		       const char *caption)
{
	t->caption = caption ? doc_str(d, caption) : NULL;
}

static struct doc_row *new_row(struct doc *d, const struct doc_table *t,
			       const char *const *cells, unsigned flags)
{
	struct doc_row *r = arena_alloc(&d->ar, sizeof(*r));

	r->cells = arena_alloc(&d->ar, (size_t)t->ncols * sizeof(char *));
	for (int i = 0; i < t->ncols; i++)
		r->cells[i] = doc_str(d, cells ? cells[i] : NULL);
	r->flags = flags;
	return r;
}

void doc_table_header(struct doc *d, struct doc_table *t,
		      const char *const *cells)
{
	struct doc_row *r = new_row(d, t, cells, DOC_ROW_BOLD);

	if (t->head_last)
		t->head_last->next = r;
	else
		t->head = r;
	t->head_last = r;
}

void doc_table_row(struct doc *d, struct doc_table *t,
		   const char *const *cells, unsigned flags)
{
	struct doc_row *r = new_row(d, t, cells, flags);

	if (t->rows_last)
		t->rows_last->next = r;
	else
		t->rows = r;
	t->rows_last = r;
	t->nrows++;
}

void doc_bar_chart(struct doc *d, const struct doc_bar_chart *c,
		   const struct doc_bar *bars, int n)
{
	struct doc_block *b = add(d, DOC_BAR_CHART);
	struct doc_bar_chart *x = &b->u.bar;

	*x = *c;
	x->title = c->title ? doc_str(d, c->title) : NULL;
	x->suffix = doc_str(d, c->suffix);
	for (int k = 0; k < DOC_BAR__N; k++)
		x->kind_name[k] = c->kind_name[k] ?
			doc_str(d, c->kind_name[k]) : NULL;
	x->target_name = c->target_name ? doc_str(d, c->target_name) : NULL;
	x->nbars = n > 0 ? n : 0;
	x->bars = arena_alloc(&d->ar, (size_t)x->nbars * sizeof(*x->bars) + 1);
	for (int i = 0; i < x->nbars; i++) {
		x->bars[i] = bars[i];
		x->bars[i].label = doc_str(d, bars[i].label);
	}
}

void doc_line_chart(struct doc *d, const struct doc_line_chart *c,
		    const struct doc_series *s, int ns)
{
	struct doc_block *b = add(d, DOC_LINE_CHART);
	struct doc_line_chart *x = &b->u.line;
	int nc = c->ncat > 0 ? c->ncat : 0;

	*x = *c;
	x->ncat = nc;
	x->title = c->title ? doc_str(d, c->title) : NULL;
	x->suffix = doc_str(d, c->suffix);
	x->y_label = c->y_label ? doc_str(d, c->y_label) : NULL;
	x->cat = arena_alloc(&d->ar, (size_t)nc * sizeof(char *) + 1);
	for (int i = 0; i < nc; i++)
		x->cat[i] = doc_str(d, c->cat[i]);
	x->nseries = ns > 0 ? ns : 0;
	x->series = arena_alloc(&d->ar, (size_t)x->nseries *
				sizeof(*x->series) + 1);
	for (int i = 0; i < x->nseries; i++) {
		x->series[i].name = doc_str(d, s[i].name);
		x->series[i].y = arena_alloc(&d->ar, (size_t)nc *
					     sizeof(double) + 1);
		memcpy(x->series[i].y, s[i].y, (size_t)nc * sizeof(double));
	}
}

void doc_sign(struct doc *d, const char *left, const char *right)
{
	struct doc_block *b = add(d, DOC_SIGN);

	b->u.sign.left = doc_str(d, left);
	b->u.sign.right = doc_str(d, right);
}

void doc_gap(struct doc *d, int gap)
{
	add(d, DOC_GAP)->u.gap = (unsigned char)gap;
}

void doc_page_break(struct doc *d)
{
	add(d, DOC_PAGE_BREAK);
}

void doc_appendix(struct doc *d, const char *label, const char *title)
{
	struct doc_block *b = add(d, DOC_APPENDIX);

	b->u.appendix.label = doc_str(d, label);
	b->u.appendix.title = doc_str(d, title);
}
