/*
 * doc.h - the document model: what a note says, apart from how it is drawn.
 *
 * A note (note.c, note_rollup.c) is built as a flat sequence of blocks;
 * the renderers (pdf_render.c for report.pdf, docx_write.c for
 * report.docx) walk the same sequence, so both files say the same words
 * in the same order.  The model owns no layout and no library: it knows
 * kinds of paragraphs, not fonts or points.
 *
 * Blocks:
 *   heading     level 0 (unnumbered, centred), 1 and 2 (numbered by the
 *               renderer: «3.», «3.2.»); kept with the next block;
 *   paragraph   a kind (body, plain, title ...) and runs of text, each
 *               regular, bold or italic;
 *   list        bulleted or numbered items, each a paragraph with a level
 *               (0, 1) and an optional label the data gives («1.1.»);
 *   table       columns (title, width as a share of the text width,
 *               alignment), header rows, body rows with flags, a caption;
 *   bar_chart,  the data of a chart (labels, values, targets, series),
 *   line_chart  never its drawing;
 *   sign        a signature line: position at the left, name at the right;
 *   gap         a vertical separation (small, medium, large);
 *   page_break  the next block starts a page;
 *   appendix    starts an appendix: a new page with its label and title.
 *
 * Text: UTF-8; '\n' inside a paragraph or a cell is a line break.  Every
 * string is copied into the document's arena and passed through the
 * document's text filter first (doc_set_filter(): note.c installs the
 * Russian typography of ru_text.c), so callers may pass stack buffers.
 *
 * Ownership: doc_init() / doc_release(); everything a doc_*() call returns
 * lives in the document's arena until doc_release().  Allocation never
 * fails (see arena.h).  Blocks are read by walking d->first ... ->next.
 */
#ifndef KADRY_DOC_H
#define KADRY_DOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

enum doc_block_kind {
	DOC_HEADING, DOC_PARA, DOC_LIST, DOC_TABLE, DOC_BAR_CHART,
	DOC_LINE_CHART, DOC_SIGN, DOC_GAP, DOC_PAGE_BREAK, DOC_APPENDIX
};

/* Kinds of paragraphs; the renderers map them to their styles. */
enum doc_para_kind {
	DOC_BODY,       /* justified, first-line indent («Обычный») */
	DOC_PLAIN,      /* left, no indent: title lines, table leads */
	DOC_TITLE,      /* the document's title: centred, bold, larger */
	DOC_CENTER,     /* a centred line (the department above the title) */
	DOC_NOTE,       /* small print under a table or chart */
	DOC_ITEM,       /* a body paragraph of a numbered decision */
	DOC_LEAD        /* a bold lead line of its own («РЕШИЛА:») */
};

enum doc_run_flags { DOC_REGULAR = 0, DOC_BOLD = 1, DOC_ITALIC = 2 };

struct doc_run {
	const char *text;
	unsigned flags;                 /* enum doc_run_flags */
	struct doc_run *next;
};

struct doc_para {
	unsigned char kind;             /* enum doc_para_kind */
	bool keep_next;                 /* keep with the next block (a lead
					   line before its table) */
	struct doc_run *runs, *last;
};

enum doc_align { DOC_LEFT, DOC_JUSTIFY, DOC_CENTER_ALIGN, DOC_RIGHT };

struct doc_col {
	const char *title;              /* header text; '\n' breaks */
	float frac;                     /* share of the text width */
	unsigned char align;            /* enum doc_align */
};

enum doc_row_flags { DOC_ROW_BOLD = 1, DOC_ROW_SHADE = 2 };

struct doc_row {
	const char **cells;             /* ncols strings, never NULL */
	unsigned flags;                 /* enum doc_row_flags */
	struct doc_row *next;
};

struct doc_table {
	const char *caption;            /* above the table; NULL: none */
	struct doc_col *cols;
	int ncols;
	/*
	 * Header rows: the column titles are the first; further header rows
	 * (doc_table_header()) follow them.  All are repeated on every page
	 * the table continues on.
	 */
	struct doc_row *head, *head_last;
	struct doc_row *rows, *rows_last;
	size_t nrows;
	float size;                     /* preferred font size, pt; 0: the
					   renderer's table size */
};

struct doc_list_item {
	int level;                      /* 0 or 1 */
	const char *label;              /* «1.1.» from the data; NULL: the
					   renderer numbers or bullets */
	struct doc_para para;
	struct doc_list_item *next;
};

struct doc_list {
	bool numbered;
	struct doc_list_item *items, *last;
	size_t nitems;
};

/* Charts: data only.  A bar's colour is its kind. */
enum doc_bar_kind { DOC_BAR_NEUTRAL, DOC_BAR_GOOD, DOC_BAR_BAD,
		    DOC_BAR__N };

struct doc_bar {
	const char *label;
	double value;
	bool nodata;
	bool has_target;
	double target;
	unsigned char kind;             /* enum doc_bar_kind */
};

struct doc_bar_chart {
	const char *title;
	double max;                     /* axis end; 0: from the data */
	int decimals;
	const char *suffix;             /* "%" or "" */
	const char *kind_name[DOC_BAR__N];      /* legend; NULL: not shown */
	const char *target_name;        /* legend of the target marker */
	float label_frac;               /* share of width for labels */
	struct doc_bar *bars;
	int nbars;
};

struct doc_series {
	const char *name;
	double *y;                      /* ncat values; NAN: no point */
};

struct doc_line_chart {
	const char *title;
	const char **cat;
	int ncat;
	double max;
	int decimals;
	const char *suffix;
	const char *y_label;
	struct doc_series *series;
	int nseries;
};

struct doc_sign {
	const char *left;               /* the position */
	const char *right;              /* the name */
};

struct doc_appendix {
	const char *label;              /* «Приложение 1» */
	const char *title;              /* «Полнота и качество сведений» */
};

enum doc_gap { DOC_GAP_SMALL, DOC_GAP_MEDIUM, DOC_GAP_LARGE };

struct doc_block {
	unsigned char kind;             /* enum doc_block_kind */
	union {
		struct {
			int level;
			const char *text;
		} heading;
		struct doc_para para;
		struct doc_list list;
		struct doc_table table;
		struct doc_bar_chart bar;
		struct doc_line_chart line;
		struct doc_sign sign;
		struct doc_appendix appendix;
		unsigned char gap;      /* enum doc_gap */
	} u;
	struct doc_block *next;
};

/* Rewrites a string before it is stored (typography); returns arena text. */
typedef const char *doc_filter_fn(struct arena *ar, const char *s);

struct doc {
	struct arena ar;
	const char *title;              /* document information */
	doc_filter_fn *filter;          /* NULL: strings stored as given */
	struct doc_block *first, *last;
	size_t nblocks;
};

void doc_init(struct doc *d, const char *title);
void doc_release(struct doc *d);
/* Installs the text filter for every string added from now on. */
void doc_set_filter(struct doc *d, doc_filter_fn *f);
/* s through the filter, copied into the arena. */
const char *doc_str(struct doc *d, const char *s);

void doc_heading(struct doc *d, int level, const char *text);

/* A paragraph of one regular run; doc_textf formats it first. */
struct doc_para *doc_text(struct doc *d, int kind, const char *text);
struct doc_para *doc_textf(struct doc *d, int kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An empty paragraph to add runs to. */
struct doc_para *doc_para(struct doc *d, int kind);
void doc_run(struct doc *d, struct doc_para *p, unsigned flags,
	     const char *text);
/* The paragraph's text without run boundaries (arena). */
const char *doc_para_text(struct doc *d, const struct doc_para *p);

struct doc_list *doc_list(struct doc *d, bool numbered);
/* An item (label may be NULL); add runs to the returned paragraph. */
struct doc_para *doc_list_item(struct doc *d, struct doc_list *l, int level,
			       const char *label);

/* A table with these columns (copied); then rows; size 0: default. */
struct doc_table *doc_table(struct doc *d, const struct doc_col *cols,
			    int ncols, float size);
void doc_table_caption(struct doc *d, struct doc_table *t,
		       const char *caption);
/* A further header row under the column titles. */
void doc_table_header(struct doc *d, struct doc_table *t,
		      const char *const *cells);
/* A body row of ncols cells (NULL cells are empty). */
void doc_table_row(struct doc *d, struct doc_table *t,
		   const char *const *cells, unsigned flags);

/* Charts copy the data (bars, categories, series values). */
void doc_bar_chart(struct doc *d, const struct doc_bar_chart *c,
		   const struct doc_bar *bars, int n);
void doc_line_chart(struct doc *d, const struct doc_line_chart *c,
		    const struct doc_series *s, int ns);

void doc_sign(struct doc *d, const char *left, const char *right);
void doc_gap(struct doc *d, int gap);
void doc_page_break(struct doc *d);
void doc_appendix(struct doc *d, const char *label, const char *title);

#endif
