/*
 * pdf_layout.h - a small page-layout layer over libharu for the note.
 *
 * The only module that includes hpdf.h (and hyphen.h).  It flows text,
 * numbered headings, tables and vector charts down A4 portrait pages with
 * the margins of Russian official documents (GOST R 7.0.97: left 30 mm,
 * right 15 mm, top and bottom 20 mm) and numbers the pages when saved: by
 * default the bare number in the middle of the top margin from page 2
 * (GOST R 7.0.97-2016, 5.14), see pdf_set_page_numbers().
 *
 * Text: every string is UTF-8.  Before drawing it is sanitised: invalid
 * UTF-8, control characters, characters outside the BMP and characters the
 * font has no glyph for become U+FFFD (or '?'), so nothing vanishes silently.
 * '\n' inside a paragraph or a table cell is a line break.  U+00A0 and
 * U+202F are kept and never break a line (the typography of the callers
 * puts them after «№», between a number and its unit, in initials).
 *
 * Line breaking: justified paragraphs are broken as a whole (least total
 * badness of the word gaps, aiming at gaps of 0.67 to 2 spaces; hyphenation
 * with Debian's Russian patterns, hyphen-ru); ragged text and table cells
 * are hyphenated where that saves a line or a word is wider than its
 * column.  Never hyphenated: headings, a word with a digit, a run of
 * capitals (two or more), Latin words; two letters stay on each side.
 * Without /usr/share/hyphen/hyph_ru_RU.dic the text is only not
 * hyphenated.
 *
 * Fonts: DejaVuSerif (body, page numbers, table captions) and DejaVuSans
 * (tables, charts), embedded as TrueType subsets.  Each font gets a valid
 * identity ToUnicode map (libharu 2.3.0's own is invalid) and a real space
 * glyph is drawn after every word, words placed one by one in justified
 * lines, so pdftotext, pypdf and pdfminer give back the same words.
 * Without fonts-dejavu-extra the body falls back to DejaVuSans.
 *
 * Navigation: every heading gets a bookmark (level 2 under its level 1),
 * the outline is shown when the file opens, the language is Russian
 * (/Lang ru-RU); pdf_set_info() fills the document information.
 *
 * Errors: libharu errors are recorded in the document (no longjmp); drawing
 * calls return nothing, pdf_save() reports them.  Determinism: the info dates
 * come from `created`, so equal input gives byte-identical files.
 *
 * Flow: blocks are placed top to bottom; a block that does not fit starts a
 * new page.  A heading is kept with the start of the next block (it is
 * drawn only when that block is placed), so it never ends a page.  A
 * paragraph leaves neither its first nor its last line alone on a page.
 * Tables split between rows (or between the lines of a row taller than a
 * quarter page), keep at least two body rows on each side of a break and
 * repeat their header under «Продолжение таблицы N».  A chart moves whole
 * to the next page; only a bar chart taller than a page is split.
 *
 * Ownership: pdf_open() returns a document owned by the caller, released by
 * pdf_free() (also after a failed pdf_save()).  Strings passed in are copied
 * or drawn at once; the caller keeps them.
 */
#ifndef KADRY_PDF_LAYOUT_H
#define KADRY_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct pdf_doc;
struct pdf_table;

enum pdf_align { PDF_LEFT, PDF_JUSTIFY, PDF_CENTER, PDF_RIGHT };

/* Millimetres to points. */
#define PDF_MM(x) ((float)(x) * 72.0f / 25.4f)

struct pdf_style {
	float size;             /* pt; 0 means the body size (12) */
	bool bold;
	bool sans;              /* DejaVuSans instead of the body face */
	unsigned char align;    /* enum pdf_align */
	float indent;           /* first-line indent, pt */
	float left;             /* left inset of every line, pt */
	float before, after;    /* space above and below, pt */
};

/* Body text: 12 pt, justified, 12.5 mm first-line indent, 3 pt after. */
extern const struct pdf_style PDF_BODY;
/* Centered bold title lines (14 pt). */
extern const struct pdf_style PDF_TITLE;
/* Left-aligned body text without indent (addressee lines, lists). */
extern const struct pdf_style PDF_PLAIN;

/*
 * Starts an empty document.  `created` fixes both info dates (UTC);
 * `title` (may be NULL) goes into the document information.  Returns NULL
 * with a message on stderr when libharu or the fonts cannot be loaded.
 */
struct pdf_doc *pdf_open(time_t created, const char *title);

/*
 * The document information beyond the title given to pdf_open(): NULL or
 * empty fields are left as they are.  Creator is «Kadry»; the language
 * (/Lang) is always Russian.
 */
struct pdf_info {
	const char *title;      /* the full title of the note */
	const char *author;     /* the department that issues it */
	const char *subject;    /* the monitoring and the period */
	const char *keywords;   /* comma-separated */
};
void pdf_set_info(struct pdf_doc *d, const struct pdf_info *info);

/*
 * Page numbers, drawn by pdf_save().  The default (0) is GOST R
 * 7.0.97-2016: the bare number in the middle of the top margin, from the
 * second page on.
 */
enum pdf_page_numbers {
	PDF_PAGENUM_TOP,        /* «2», «3»... top centre, not on page 1 */
	PDF_PAGENUM_FOOTER,     /* «стр. N из M» below every page */
	PDF_PAGENUM_NONE,
};
void pdf_set_page_numbers(struct pdf_doc *d, int mode);

/*
 * Writes the page numbers and saves to `path`.  Returns 0, or -1 with a
 * message on stderr when any libharu error happened while building the
 * document or the file cannot be written.  Call once.
 */
int pdf_save(struct pdf_doc *d, const char *path);
void pdf_free(struct pdf_doc *d);

/* Number of libharu errors recorded so far (0 in a healthy document). */
int pdf_errors(const struct pdf_doc *d);
/* Pages so far. */
int pdf_page_count(const struct pdf_doc *d);

/* A paragraph ('\n' breaks lines and starts a new paragraph). */
void pdf_text(struct pdf_doc *d, const struct pdf_style *st,
	      const char *text);
void pdf_textf(struct pdf_doc *d, const struct pdf_style *st,
	       const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/*
 * A heading.  level 1 and 2 are numbered by the layout («3.», «3.2.»);
 * level 0 is an unnumbered centered heading.  It is kept with the next
 * block and gets a bookmark with its numbered text (levels 0 and 1 at the
 * top of the outline, level 2 under the last level 1).
 */
void pdf_heading(struct pdf_doc *d, int level, const char *text);

/*
 * A signature line: `left` (the position) at the left margin and `right`
 * (the name) at the right margin on one baseline, body face, with room
 * above for the signature itself.
 */
void pdf_sign(struct pdf_doc *d, const char *left, const char *right);

/*
 * Keeping blocks together: the height a paragraph would take, and a
 * request for pt points of room (a new page when the rest of this one is
 * smaller), e.g. to keep the last paragraph with the signature.
 */
float pdf_text_height(struct pdf_doc *d, const struct pdf_style *st,
		      const char *text);
void pdf_need(struct pdf_doc *d, float pt);

/* Vertical space, pt (dropped at the top of a page). */
void pdf_space(struct pdf_doc *d, float pt);
void pdf_page_break(struct pdf_doc *d);
/* Width of the text column, pt. */
float pdf_content_width(const struct pdf_doc *d);

/*
 * Tables.  Column widths are fractions of the text width (they are scaled
 * to sum to 1).  Cells wrap (hyphenated where that saves a line, so column
 * titles need no hand-made hyphens); the header (column titles, bold,
 * shaded) is repeated on every page the table continues on, under
 * «Продолжение таблицы N».  `size` is the font size (0: 9 pt).  Rows are
 * drawn two rows late (to see the start and the end of the table), so a
 * table of any length costs the memory of three rows.
 */
struct pdf_col {
	const char *title;
	float frac;
	unsigned char align;    /* enum pdf_align; PDF_JUSTIFY acts as left */
};

enum { PDF_ROW_BOLD = 1, PDF_ROW_SHADE = 2 };

struct pdf_table *pdf_table_begin(struct pdf_doc *d,
				  const struct pdf_col *cols, int ncols,
				  float size);
/*
 * Numbers and names the table (call before the first row): «Таблица N –
 * caption» above it (number 0: the caption alone; NULL caption: «Таблица
 * N»).  Every page the table goes on to starts with «Продолжение таблицы
 * N» (without a number when none was given) above the repeated header.
 */
void pdf_table_caption(struct pdf_table *t, int number, const char *caption);
/* One row of ncols cells (NULL cells are empty). */
void pdf_table_row(struct pdf_table *t, const char *const *cells,
		   unsigned flags);
void pdf_table_end(struct pdf_table *t);

/*
 * Horizontal bar chart: one bar per item with its value printed after it,
 * an optional target marker (a vertical dark red tick across the bar with
 * its value), an axis with ticks below and a legend.  Values are drawn with
 * `decimals` decimals, a decimal comma and `suffix` ("%" or "").  A bar with
 * `nodata` shows «нет данных».
 */
enum pdf_bar_kind { PDF_BAR_NEUTRAL, PDF_BAR_GOOD, PDF_BAR_BAD, PDF_BAR__N };

struct pdf_bar {
	const char *label;
	double value;
	bool nodata;
	bool has_target;
	double target;
	unsigned char kind;     /* enum pdf_bar_kind: the bar's colour */
};

struct pdf_bar_chart {
	const char *title;      /* drawn above the chart, may be NULL */
	double max;             /* axis end; 0: from the data */
	int decimals;
	const char *suffix;
	/* legend names of the bar kinds used; NULL: not in the legend */
	const char *kind_name[PDF_BAR__N];
	const char *target_name;        /* legend of the marker, e.g. «цель» */
	float label_frac;       /* share of width for labels; 0: 0.38 */
};

void pdf_bar_chart(struct pdf_doc *d, const struct pdf_bar_chart *c,
		   const struct pdf_bar *bars, int n);

/*
 * Line chart: categories along x (years), one polyline per series with a
 * marker and value label at each point, y axis from 0 with ticks and grid,
 * a legend below.  A value of NAN is a gap (no point).
 */
struct pdf_series {
	const char *name;
	const double *y;        /* ncat values */
};

struct pdf_line_chart {
	const char *title;
	const char *const *cat; /* category labels */
	int ncat;
	double max;             /* y axis end; 0: from the data */
	int decimals;
	const char *suffix;
	const char *y_label;    /* e.g. «человек», may be NULL */
};

void pdf_line_chart(struct pdf_doc *d, const struct pdf_line_chart *c,
		    const struct pdf_series *s, int ns);

/*
 * The sanitised form of s for the body face (malloc'd, free() it): what
 * would be drawn (U+00A0 and U+202F kept).  For the tests and for callers
 * that measure text.
 */
char *pdf_sanitize(struct pdf_doc *d, const char *s);

/* Formats v with `decimals` decimals and a decimal comma into buf (>= 32). */
char *pdf_num(double v, int decimals, char *buf);

#endif
