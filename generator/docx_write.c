/*
 * docx_write.c - WordprocessingML parts of the document model, zipped.
 */
#include "docx_write.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"

/* A4 and the PDF's margins (30/15/20/20 mm), twips. */
#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_L 1701
#define MARGIN_R 850
#define MARGIN_TB 1134
#define TEXT_W (PAGE_W - MARGIN_L - MARGIN_R)
/* EMU per twip, for the size of a chart. */
#define EMU_TWIP 635

/* A growing part (malloc'd). */
struct buf {
	char *s;
	size_t len, cap;
};

static void put(struct buf *b, const char *p, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2 + 4096;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void putf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void putf(struct buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n > 0)
		put(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n
						     : sizeof(tmp) - 1);
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Text escaped for XML; control characters (not allowed there) dropped. */
static void esc(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			puts_(b, "&amp;");
		else if (c == '<')
			puts_(b, "&lt;");
		else if (c == '>')
			puts_(b, "&gt;");
		else if (c == '"')
			puts_(b, "&quot;");
		else if (c >= 0x20 || c == '\t')
			put(b, s, 1);
	}
}

struct chart {
	const struct doc_block *b;
	struct buf xml;
};

struct docx {
	const struct doc *d;
	struct buf doc;
	struct chart *charts;
	size_t ncharts, cap;
	int nlists;                     /* w:num entries: numbered or not */
	unsigned char *list_numbered;   /* per list */
	size_t list_cap;
	int h1, h2;                     /* heading numbers so far */
};

/* ------------------------------------------------------------- runs */

static void run(struct buf *b, const char *text, unsigned flags,
		float size)
{
	const char *s = text;

	while (1) {
		size_t n = strcspn(s, "\n\t");
		/* «Предупре-\nждений»: the model's break inside a word */
		bool soft = s[n] == '\n' && n > 0 && s[n - 1] == '-' &&
			    n > 1 && s[n - 2] != ' ' && s[n + 1] &&
			    s[n + 1] != ' ';

		puts_(b, "<w:r>");
		if (flags || size > 0) {
			puts_(b, "<w:rPr>");
			if (flags & DOC_BOLD)
				puts_(b, "<w:b/>");
			if (flags & DOC_ITALIC)
				puts_(b, "<w:i/>");
			if (size > 0)
				putf(b, "<w:sz w:val=\"%d\"/>",
				     (int)lroundf(size * 2));
			puts_(b, "</w:rPr>");
		}
		if (n) {
			char *part = xmalloc(n + 3);

			memcpy(part, s, n);
			part[n] = '\0';
			if (soft)       /* a soft hyphen instead */
				memcpy(part + n - 1, "\xC2\xAD", 3);
			puts_(b, "<w:t xml:space=\"preserve\">");
			esc(b, part);
			puts_(b, "</w:t>");
			free(part);
		}
		if (s[n] == '\n' && !soft)
			puts_(b, "<w:br/>");
		else if (s[n] == '\t')
			puts_(b, "<w:tab/>");
		puts_(b, "</w:r>");
		if (!s[n])
			break;
		s += n + 1;
	}
}

static const char *const para_style[] = {
	[DOC_BODY] = "Normal", [DOC_PLAIN] = "Plain", [DOC_TITLE] = "Title",
	[DOC_CENTER] = "Centered", [DOC_NOTE] = "Note", [DOC_ITEM] = "Normal",
	[DOC_LEAD] = "Plain",
};

static void para_open(struct buf *b, const struct doc_para *p,
		      const char *ppr)
{
	const char *st = p->kind < sizeof(para_style) / sizeof(*para_style)
		? para_style[p->kind] : "Normal";

	putf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>", st);
	if (p->keep_next)
		puts_(b, "<w:keepNext/>");
	if (ppr)
		puts_(b, ppr);
	puts_(b, "</w:pPr>");
}

/*
 * A paragraph of runs.  A '\n' in a paragraph starts a new paragraph of
 * the same style, as in the PDF (the template's texts are split so).
 */
static void para(struct docx *x, const struct doc_para *p, const char *ppr)
{
	struct buf *b = &x->doc;

	para_open(b, p, ppr);
	for (const struct doc_run *r = p->runs; r; r = r->next) {
		const char *s = r->text;
		const char *nl;

		while ((nl = strchr(s, '\n')) != NULL) {
			char *part = xmalloc((size_t)(nl - s) + 1);

			memcpy(part, s, (size_t)(nl - s));
			part[nl - s] = '\0';
			if (*part)
				run(b, part, r->flags, 0);
			free(part);
			puts_(b, "</w:p>");
			/* a list's continuation is not a new item */
			para_open(b, p, NULL);
			s = nl + 1;
		}
		if (*s)
			run(b, s, r->flags, 0);
	}
	puts_(b, "</w:p>");
}

static void simple_para(struct buf *b, const char *style, const char *ppr,
			const char *text, unsigned flags)
{
	putf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style,
	     ppr ? ppr : "");
	if (text && *text)
		run(b, text, flags, 0);
	puts_(b, "</w:p>");
}

/* ------------------------------------------------------------ blocks */

static void heading(struct docx *x, const struct doc_block *blk)
{
	int level = blk->u.heading.level;
	char num[32] = "";

	if (level == 1) {
		x->h1++;
		x->h2 = 0;
		snprintf(num, sizeof(num), "%d. ", x->h1);
	} else if (level == 2) {
		x->h2++;
		snprintf(num, sizeof(num), "%d.%d. ", x->h1, x->h2);
	}
	{
		size_t l = strlen(num) + strlen(blk->u.heading.text) + 1;
		char *t = xmalloc(l);

		snprintf(t, l, "%s%s", num, blk->u.heading.text);
		simple_para(&x->doc, level == 2 ? "Heading2" : "Heading1",
			    level == 0 ? "<w:jc w:val=\"center\"/>" : NULL, t,
			    0);
		free(t);
	}
}

static void list(struct docx *x, const struct doc_list *l)
{
	int id = ++x->nlists;

	x->list_numbered = vec_grow(x->list_numbered, &x->list_cap,
				    (size_t)id, 1);
	x->list_numbered[id - 1] = l->numbered;
	for (const struct doc_list_item *it = l->items; it; it = it->next) {
		char ppr[128];

		snprintf(ppr, sizeof(ppr), "<w:numPr><w:ilvl w:val=\"%d\"/>"
			 "<w:numId w:val=\"%d\"/></w:numPr>", it->level, id);
		para(x, &it->para, ppr);
	}
}

static const char *const align_name[] = { "left", "both", "center",
					  "right" };

static void cell(struct buf *b, const char *text, int width,
		 unsigned char align, bool bold, bool shade, float size)
{
	putf(b, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
	if (shade)
		puts_(b, "<w:shd w:val=\"clear\" w:color=\"auto\" "
		      "w:fill=\"E6E6E6\"/>");
	putf(b, "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
	     "<w:jc w:val=\"%s\"/></w:pPr>",
	     align_name[align == DOC_JUSTIFY ? 0 : align & 3]);
	if (*text)
		run(b, text, bold ? DOC_BOLD : 0, size);
	puts_(b, "</w:p></w:tc>");
}

static void table(struct docx *x, const struct doc_table *t)
{
	struct buf *b = &x->doc;
	float sum = 0, size = t->size > 0 ? t->size : 9;
	int *w = xcalloc((size_t)t->ncols, sizeof(*w));

	if (t->caption)
		simple_para(b, "Caption", "<w:keepNext/>", t->caption, 0);
	for (int i = 0; i < t->ncols; i++)
		sum += t->cols[i].frac > 0 ? t->cols[i].frac : 0;
	for (int i = 0; i < t->ncols; i++)
		w[i] = sum > 0 ? (int)(TEXT_W * (t->cols[i].frac > 0 ?
					t->cols[i].frac : 0) / sum)
			       : TEXT_W / t->ncols;
	putf(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
	     "<w:tblW w:w=\"%d\" w:type=\"dxa\"/><w:tblLayout "
	     "w:type=\"fixed\"/></w:tblPr><w:tblGrid>", TEXT_W);
	for (int i = 0; i < t->ncols; i++)
		putf(b, "<w:gridCol w:w=\"%d\"/>", w[i]);
	puts_(b, "</w:tblGrid>");
	/* the column titles and further header rows repeat on each page */
	puts_(b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
	for (int i = 0; i < t->ncols; i++)
		cell(b, t->cols[i].title, w[i], DOC_CENTER_ALIGN, true, true,
		     size);
	puts_(b, "</w:tr>");
	for (const struct doc_row *r = t->head; r; r = r->next) {
		puts_(b, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
		      "</w:trPr>");
		for (int i = 0; i < t->ncols; i++)
			cell(b, r->cells[i], w[i], t->cols[i].align, true,
			     true, size);
		puts_(b, "</w:tr>");
	}
	for (const struct doc_row *r = t->rows; r; r = r->next) {
		puts_(b, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int i = 0; i < t->ncols; i++)
			cell(b, r->cells[i], w[i], t->cols[i].align,
			     r->flags & DOC_ROW_BOLD, r->flags & DOC_ROW_SHADE,
			     size);
		puts_(b, "</w:tr>");
	}
	puts_(b, "</w:tbl>");
	free(w);
}

/* ------------------------------------------------------------ charts */

static const char *const kind_colour[DOC_BAR__N] = {
	"7F7F7F", "4E9A06", "C0392B"
};

static void num(struct buf *b, double v, int decimals)
{
	putf(b, "%.*f", decimals < 0 ? 0 : decimals > 3 ? 3 : decimals, v);
}

static void str_cache(struct buf *b, const char *const *s, int n)
{
	putf(b, "<c:cat><c:strLit><c:ptCount val=\"%d\"/>", n);
	for (int i = 0; i < n; i++) {
		putf(b, "<c:pt idx=\"%d\"><c:v>", i);
		esc(b, s[i]);
		puts_(b, "</c:v></c:pt>");
	}
	puts_(b, "</c:strLit></c:cat>");
}

static void series_head(struct buf *b, int idx, const char *name,
			const char *colour, bool line)
{
	putf(b, "<c:ser><c:idx val=\"%d\"/><c:order val=\"%d\"/>"
	     "<c:tx><c:v>", idx, idx);
	esc(b, name);
	puts_(b, "</c:v></c:tx><c:spPr>");
	if (line)
		putf(b, "<a:ln w=\"22225\"><a:solidFill><a:srgbClr "
		     "val=\"%s\"/></a:solidFill></a:ln>", colour);
	else
		putf(b, "<a:solidFill><a:srgbClr val=\"%s\"/></a:solidFill>",
		     colour);
	puts_(b, "</c:spPr>");
}

static void values(struct buf *b, const double *v, const bool *skip, int n,
		   int decimals)
{
	putf(b, "<c:val><c:numLit><c:ptCount val=\"%d\"/>", n);
	for (int i = 0; i < n; i++) {
		if ((skip && skip[i]) || isnan(v[i]))
			continue;
		putf(b, "<c:pt idx=\"%d\"><c:v>", i);
		num(b, v[i], decimals);
		puts_(b, "</c:v></c:pt>");
	}
	puts_(b, "</c:numLit></c:val>");
}

static void chart_open(struct buf *b, const char *title)
{
	puts_(b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
	      "\n<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/"
	      "drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats"
	      ".org/drawingml/2006/main\" xmlns:r=\"http://schemas."
	      "openxmlformats.org/officeDocument/2006/relationships\">"
	      "<c:roundedCorners val=\"0\"/><c:chart>");
	if (title) {
		puts_(b, "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr>"
		      "<a:defRPr sz=\"1000\" b=\"1\"/></a:pPr><a:r><a:rPr "
		      "lang=\"ru-RU\" "
		      "sz=\"1000\" b=\"1\"/><a:t>");
		esc(b, title);
		puts_(b, "</a:t></a:r></a:p></c:rich></c:tx><c:overlay "
		      "val=\"0\"/></c:title>");
	}
	puts_(b, "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>");
}

static void axes(struct buf *b, bool bar, double max, const char *fmt)
{
	putf(b, "<c:catAx><c:axId val=\"1\"/><c:scaling><c:orientation "
	     "val=\"%s\"/></c:scaling><c:delete val=\"0\"/><c:axPos "
	     "val=\"%s\"/><c:numFmt formatCode=\"General\" "
	     "sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/>"
	     "<c:crossAx val=\"2\"/><c:crosses val=\"autoZero\"/>"
	     "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset "
	     "val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>",
	     bar ? "maxMin" : "minMax", bar ? "l" : "b");
	puts_(b, "<c:valAx><c:axId val=\"2\"/><c:scaling><c:orientation "
	      "val=\"minMax\"/>");
	if (max > 0) {
		puts_(b, "<c:max val=\"");
		num(b, max, 1);
		puts_(b, "\"/>");
	}
	putf(b, "<c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/>"
	     "<c:axPos val=\"%s\"/><c:majorGridlines/><c:numFmt "
	     "formatCode=\"%s\" sourceLinked=\"0\"/><c:tickLblPos "
	     "val=\"nextTo\"/><c:crossAx val=\"1\"/><c:crosses "
	     "val=\"%s\"/><c:crossBetween val=\"between\"/></c:valAx>",
	     bar ? "b" : "l", fmt, bar ? "max" : "autoZero");
}

static void chart_close(struct buf *b)
{
	puts_(b, "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay "
	      "val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/>"
	      "<c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>");
}

static const char *number_format(int decimals)
{
	return decimals > 0 ? "0.0" : "0";
}

static void bar_xml(struct buf *b, const struct doc_bar_chart *c)
{
	const char **labels = xcalloc((size_t)c->nbars + 1, sizeof(char *));
	double *v = xcalloc((size_t)c->nbars + 1, sizeof(double));
	double *tg = xcalloc((size_t)c->nbars + 1, sizeof(double));
	bool *nod = xcalloc((size_t)c->nbars + 1, sizeof(bool));
	bool *not = xcalloc((size_t)c->nbars + 1, sizeof(bool));
	bool targets = false;

	for (int i = 0; i < c->nbars; i++) {
		labels[i] = c->bars[i].label;
		v[i] = c->bars[i].value;
		nod[i] = c->bars[i].nodata;
		tg[i] = c->bars[i].target;
		not[i] = !c->bars[i].has_target;
		targets |= c->bars[i].has_target;
	}
	chart_open(b, c->title);
	puts_(b, "<c:barChart><c:barDir val=\"bar\"/><c:grouping "
	      "val=\"clustered\"/><c:varyColors val=\"0\"/>");
	series_head(b, 0, "значение", kind_colour[DOC_BAR_NEUTRAL], false);
	puts_(b, "<c:invertIfNegative val=\"0\"/>");
	for (int i = 0; i < c->nbars; i++)
		putf(b, "<c:dPt><c:idx val=\"%d\"/><c:invertIfNegative "
		     "val=\"0\"/><c:bubble3D val=\"0\"/><c:spPr><a:solidFill>"
		     "<a:srgbClr val=\"%s\"/></a:solidFill></c:spPr></c:dPt>",
		     i, kind_colour[c->bars[i].kind < DOC_BAR__N ?
				    c->bars[i].kind : 0]);
	puts_(b, "<c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/>"
	      "<c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>"
	      "<c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
	      "</c:dLbls>");
	str_cache(b, labels, c->nbars);
	values(b, v, nod, c->nbars, c->decimals);
	puts_(b, "</c:ser>");
	if (targets) {
		series_head(b, 1, c->target_name ? c->target_name : "цель",
			    "BFBFBF", false);
		puts_(b, "<c:invertIfNegative val=\"0\"/>");
		str_cache(b, labels, c->nbars);
		values(b, tg, not, c->nbars, c->decimals);
		puts_(b, "</c:ser>");
	}
	puts_(b, "<c:gapWidth val=\"60\"/><c:axId val=\"1\"/><c:axId "
	      "val=\"2\"/></c:barChart>");
	axes(b, true, c->max, number_format(c->decimals));
	chart_close(b);
	free(labels);
	free(v);
	free(tg);
	free(nod);
	free(not);
}

static void line_xml(struct buf *b, const struct doc_line_chart *c)
{
	static const char *const colours[] = {
		"1F4E79", "C0392B", "4E9A06", "B7950B", "6C3483", "117A65"
	};

	chart_open(b, c->title);
	puts_(b, "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors "
	      "val=\"0\"/>");
	for (int i = 0; i < c->nseries; i++) {
		series_head(b, i, c->series[i].name, colours[i % 6], true);
		puts_(b, "<c:marker><c:symbol val=\"circle\"/><c:size "
		      "val=\"5\"/></c:marker><c:dLbls><c:showLegendKey "
		      "val=\"0\"/><c:showVal val=\"1\"/><c:showCatName "
		      "val=\"0\"/><c:showSerName val=\"0\"/><c:showPercent "
		      "val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>");
		str_cache(b, c->cat, c->ncat);
		values(b, c->series[i].y, NULL, c->ncat, c->decimals);
		puts_(b, "<c:smooth val=\"0\"/></c:ser>");
	}
	puts_(b, "<c:marker val=\"1\"/><c:axId val=\"1\"/><c:axId val=\"2\"/>"
	      "</c:lineChart>");
	axes(b, false, c->max, number_format(c->decimals));
	chart_close(b);
}

static void chart(struct docx *x, const struct doc_block *blk)
{
	struct chart *ch;
	long cx = (long)TEXT_W * EMU_TWIP, cy;
	size_t id;

	if (blk->kind == DOC_BAR_CHART)
		cy = (long)(1.2 + 0.75 * blk->u.bar.nbars) * 360000L + 900000L;
	else
		cy = 8L * 360000L;
	ch = VEC_PUSH(x->charts, x->ncharts, x->cap);
	ch->b = blk;
	id = x->ncharts;
	if (blk->kind == DOC_BAR_CHART)
		bar_xml(&ch->xml, &blk->u.bar);
	else
		line_xml(&ch->xml, &blk->u.line);
	putf(&x->doc, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:jc "
	     "w:val=\"center\"/></w:pPr><w:r><w:drawing><wp:inline>"
	     "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%zu\" "
	     "name=\"Диаграмма %zu\"/><a:graphic><a:graphicData "
	     "uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
	     "<c:chart r:id=\"rIdChart%zu\"/></a:graphicData></a:graphic>"
	     "</wp:inline></w:drawing></w:r></w:p>", cx, cy, id, id, id);
}

static void sign(struct docx *x, const struct doc_sign *s)
{
	size_t l = strlen(s->left) + strlen(s->right) + 2;
	char *t = xmalloc(l);

	snprintf(t, l, "%s\t%s", s->left, s->right);
	putf(&x->doc, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/><w:keepLines/>"
	     "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs>"
	     "<w:spacing w:before=\"480\"/></w:pPr>", TEXT_W);
	run(&x->doc, t, 0, 0);
	puts_(&x->doc, "</w:p>");
	free(t);
}

static void block(struct docx *x, const struct doc_block *b)
{
	static const int gaps[] = { 120, 160, 360 };

	switch (b->kind) {
	case DOC_HEADING:
		heading(x, b);
		break;
	case DOC_PARA:
		para(x, &b->u.para, NULL);
		break;
	case DOC_LIST:
		list(x, &b->u.list);
		break;
	case DOC_TABLE:
		table(x, &b->u.table);
		/* Word needs a paragraph between two tables and at the end */
		if (!b->next || b->next->kind == DOC_TABLE)
			simple_para(&x->doc, "Note", NULL, NULL, 0);
		break;
	case DOC_BAR_CHART:
	case DOC_LINE_CHART:
		chart(x, b);
		break;
	case DOC_SIGN:
		sign(x, &b->u.sign);
		break;
	case DOC_GAP:
		putf(&x->doc, "<w:p><w:pPr><w:pStyle w:val=\"Plain\"/>"
		     "<w:spacing w:before=\"0\" w:after=\"%d\"/></w:pPr></w:p>",
		     gaps[b->u.gap < 3 ? b->u.gap : 0]);
		break;
	case DOC_PAGE_BREAK:
		puts_(&x->doc, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
		break;
	case DOC_APPENDIX:
		puts_(&x->doc, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
		simple_para(&x->doc, "Plain", "<w:jc w:val=\"right\"/>",
			    b->u.appendix.label, 0);
		simple_para(&x->doc, "Heading1", "<w:jc w:val=\"center\"/>",
			    b->u.appendix.title, 0);
		break;
	}
}

/* ------------------------------------------------------------- parts */

#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" " \
	"standalone=\"yes\"?>\n"
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships"
#define REL "http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/"

static void document_xml(struct docx *x, struct buf *out)
{
	puts_(out, XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\""
	      NS_R "\" xmlns:wp=\"http://schemas.openxmlformats.org/"
	      "drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://"
	      "schemas.openxmlformats.org/drawingml/2006/main\" xmlns:c=\""
	      "http://schemas.openxmlformats.org/drawingml/2006/chart\">"
	      "<w:body>");
	put(out, x->doc.s ? x->doc.s : "", x->doc.len);
	putf(out, "<w:sectPr><w:headerReference w:type=\"default\" "
	     "r:id=\"rIdHeader\"/><w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
	     "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
	     "w:left=\"%d\" w:header=\"567\" w:footer=\"567\" "
	     "w:gutter=\"0\"/><w:titlePg/></w:sectPr></w:body>"
	     "</w:document>", PAGE_W, PAGE_H, MARGIN_TB, MARGIN_R, MARGIN_TB,
	     MARGIN_L);
}

/* The page number, centred in the header; none on the first page. */
static const char header_xml[] = XML_HEAD
	"<w:hdr xmlns:w=\"" NS_W "\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
	"<w:jc w:val=\"center\"/></w:pPr><w:r><w:fldChar "
	"w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space="
	"\"preserve\"> PAGE </w:instrText></w:r><w:r><w:fldChar "
	"w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r>"
	"<w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:hdr>";

static const char styles_xml[] = XML_HEAD
	"<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	"w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
	"<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"ru-RU\"/>"
	"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
	"w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	"</w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:aliases w:val=\"Обычный\"/><w:qFormat/>"
	"<w:pPr><w:ind w:firstLine=\"709\"/><w:jc w:val=\"both\"/></w:pPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
	"w:val=\"heading 1\"/><w:aliases w:val=\"Заголовок 1\"/><w:basedOn "
	"w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" "
	"w:after=\"120\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>"
	"<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"26\"/>"
	"</w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name "
	"w:val=\"heading 2\"/><w:aliases w:val=\"Заголовок 2\"/><w:basedOn "
	"w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
	"<w:keepNext/><w:keepLines/><w:spacing w:before=\"180\" "
	"w:after=\"60\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>"
	"<w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name "
	"w:val=\"Title\"/><w:aliases w:val=\"Название\"/><w:basedOn "
	"w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"120\"/>"
	"<w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr>"
	"<w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:name "
	"w:val=\"Без отступа\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Centered\"><w:name "
	"w:val=\"По центру\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing "
	"w:after=\"200\"/><w:ind w:firstLine=\"0\"/><w:jc "
	"w:val=\"center\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name "
	"w:val=\"Примечание\"/><w:basedOn w:val=\"Plain\"/><w:rPr><w:sz "
	"w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name "
	"w:val=\"caption\"/><w:aliases w:val=\"Название объекта\"/>"
	"<w:basedOn w:val=\"Plain\"/><w:qFormat/><w:pPr><w:keepNext/>"
	"<w:spacing w:before=\"120\"/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name "
	"w:val=\"Текст таблицы\"/><w:basedOn w:val=\"Plain\"/><w:pPr>"
	"<w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" "
	"w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"18\"/></w:rPr>"
	"</w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name "
	"w:val=\"header\"/><w:basedOn w:val=\"Plain\"/></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	"<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblCellMar><w:left "
	"w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name "
	"w:val=\"Table Grid\"/><w:aliases w:val=\"Сетка таблицы\"/><w:basedOn "
	"w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" "
	"w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" "
	"w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH "
	"w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
	"w:color=\"808080\"/></w:tblBorders></w:tblPr></w:style>"
	"</w:styles>";

/* Two abstract lists: «1.» / «1.1.» numbering and «—» bullets. */
static void numbering_xml(const struct docx *x, struct buf *b)
{
	puts_(b, XML_HEAD "<w:numbering xmlns:w=\"" NS_W "\">"
	      "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType "
	      "w:val=\"multilevel\"/>"
	      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt "
	      "w:val=\"decimal\"/><w:suff w:val=\"space\"/>"
	      "<w:lvlText w:val=\"%1.\"/><w:lvlJc "
	      "w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" "
	      "w:firstLine=\"709\"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>"
	      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
	      "w:val=\"decimal\"/><w:suff w:val=\"space\"/>"
	      "<w:lvlText w:val=\"%1.%2.\"/><w:lvlJc "
	      "w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" "
	      "w:firstLine=\"709\"/></w:pPr></w:lvl></w:abstractNum>"
	      "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType "
	      "w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start "
	      "w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText "
	      "w:val=\"—\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind "
	      "w:left=\"709\" w:hanging=\"360\"/></w:pPr></w:lvl>"
	      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt "
	      "w:val=\"bullet\"/><w:lvlText w:val=\"–\"/><w:lvlJc "
	      "w:val=\"left\"/><w:pPr><w:ind w:left=\"1418\" "
	      "w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>");
	/* each list its own num, so numbered lists restart at 1 */
	for (int i = 0; i < x->nlists; i++)
		putf(b, "<w:num w:numId=\"%d\"><w:abstractNumId w:val=\"%d\"/>"
		     "<w:lvlOverride w:ilvl=\"0\"><w:startOverride "
		     "w:val=\"1\"/></w:lvlOverride></w:num>", i + 1,
		     x->list_numbered[i] ? 0 : 1);
	puts_(b, "</w:numbering>");
}

static void content_types(const struct docx *x, struct buf *b)
{
	puts_(b, XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/"
	      "package/2006/content-types\"><Default Extension=\"rels\" "
	      "ContentType=\"application/vnd.openxmlformats-package."
	      "relationships+xml\"/><Default Extension=\"xml\" "
	      "ContentType=\"application/xml\"/>");
#define OVR(part, type) "<Override PartName=\"" part "\" ContentType=\"" \
	"application/vnd.openxmlformats-" type "\"/>"
	puts_(b, OVR("/word/document.xml", "officedocument.wordprocessingml"
		     ".document.main+xml")
	      OVR("/word/styles.xml", "officedocument.wordprocessingml."
		  "styles+xml")
	      OVR("/word/numbering.xml", "officedocument.wordprocessingml."
		  "numbering+xml")
	      OVR("/word/settings.xml", "officedocument.wordprocessingml."
		  "settings+xml")
	      OVR("/word/header1.xml", "officedocument.wordprocessingml."
		  "header+xml")
	      OVR("/docProps/core.xml", "package.core-properties+xml")
	      OVR("/docProps/app.xml", "officedocument.extended-properties"
		  "+xml"));
	for (size_t i = 0; i < x->ncharts; i++)
		putf(b, "<Override PartName=\"/word/charts/chart%zu.xml\" "
		     "ContentType=\"application/vnd.openxmlformats-"
		     "officedocument.drawingml.chart+xml\"/>", i + 1);
	puts_(b, "</Types>");
}

static void document_rels(const struct docx *x, struct buf *b)
{
	puts_(b, XML_HEAD "<Relationships xmlns=\"http://schemas."
	      "openxmlformats.org/package/2006/relationships\">"
	      "<Relationship Id=\"rIdStyles\" Type=\"" REL "styles\" "
	      "Target=\"styles.xml\"/><Relationship Id=\"rIdNumbering\" "
	      "Type=\"" REL "numbering\" Target=\"numbering.xml\"/>"
	      "<Relationship Id=\"rIdSettings\" Type=\"" REL "settings\" "
	      "Target=\"settings.xml\"/><Relationship Id=\"rIdHeader\" "
	      "Type=\"" REL "header\" Target=\"header1.xml\"/>");
	for (size_t i = 0; i < x->ncharts; i++)
		putf(b, "<Relationship Id=\"rIdChart%zu\" Type=\"" REL
		     "chart\" Target=\"charts/chart%zu.xml\"/>", i + 1, i + 1);
	puts_(b, "</Relationships>");
}

static const char root_rels[] = XML_HEAD
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
	"2006/relationships\"><Relationship Id=\"rId1\" Type=\"" REL
	"officeDocument\" Target=\"word/document.xml\"/><Relationship "
	"Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
	"relationships/metadata/core-properties\" Target=\"docProps/core.xml\""
	"/><Relationship Id=\"rId3\" Type=\"" REL "extended-properties\" "
	"Target=\"docProps/app.xml\"/></Relationships>";

static const char settings_xml[] = XML_HEAD
	"<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"709\"/>"
	"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
	"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
	"</w:compat></w:settings>";

static const char app_xml[] = XML_HEAD
	"<Properties xmlns=\"http://schemas.openxmlformats.org/"
	"officeDocument/2006/extended-properties\"><Application>Kadry"
	"</Application></Properties>";

static void core_xml(const struct doc *d, time_t created, struct buf *b)
{
	char when[32];
	struct tm tm;

	gmtime_r(&created, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	puts_(b, XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas."
	      "openxmlformats.org/package/2006/metadata/core-properties\" "
	      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	      "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
	      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
	      "<dc:title>");
	esc(b, d->title ? d->title : "");
	putf(b, "</dc:title><dc:language>ru-RU</dc:language><dc:creator>"
	     "Kadry</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
	     "%s</dcterms:created><dcterms:modified xsi:type=\""
	     "dcterms:W3CDTF\">%s</dcterms:modified></cp:coreProperties>",
	     when, when);
}

/* -------------------------------------------------------------- parts */

struct part {
	char name[64];
	struct buf b;
};

static int cmp_part(const void *a, const void *b)
{
	return strcmp(((const struct part *)a)->name,
		      ((const struct part *)b)->name);
}

static struct part *part(struct part **v, size_t *n, size_t *cap,
			 const char *name)
{
	struct part *p = VEC_PUSH(*v, *n, *cap);

	snprintf(p->name, sizeof(p->name), "%s", name);
	return p;
}

int docx_write(const struct doc *d, const char *path, time_t created)
{
	struct docx x = { .d = d };
	struct part *parts = NULL;
	struct bundle_entry *entries;
	size_t np = 0, cap = 0;
	int rc;

	for (const struct doc_block *b = d->first; b; b = b->next)
		block(&x, b);
	document_xml(&x, &part(&parts, &np, &cap, "word/document.xml")->b);
	puts_(&part(&parts, &np, &cap, "word/styles.xml")->b, styles_xml);
	numbering_xml(&x, &part(&parts, &np, &cap, "word/numbering.xml")->b);
	puts_(&part(&parts, &np, &cap, "word/settings.xml")->b,
	      settings_xml);
	puts_(&part(&parts, &np, &cap, "word/header1.xml")->b, header_xml);
	document_rels(&x, &part(&parts, &np, &cap,
				"word/_rels/document.xml.rels")->b);
	content_types(&x, &part(&parts, &np, &cap, "[Content_Types].xml")->b);
	puts_(&part(&parts, &np, &cap, "_rels/.rels")->b, root_rels);
	core_xml(d, created, &part(&parts, &np, &cap, "docProps/core.xml")->b);
	puts_(&part(&parts, &np, &cap, "docProps/app.xml")->b, app_xml);
	for (size_t i = 0; i < x.ncharts; i++) {
		char name[64];
		struct part *p;

		snprintf(name, sizeof(name), "word/charts/chart%zu.xml", i + 1);
		p = part(&parts, &np, &cap, name);
		p->b = x.charts[i].xml;
		x.charts[i].xml = (struct buf){ 0 };
	}
	/* sorted part names: the same archive whatever the build order */
	qsort(parts, np, sizeof(*parts), cmp_part);
	entries = xcalloc(np, sizeof(*entries));
	for (size_t i = 0; i < np; i++)
		entries[i] = (struct bundle_entry){ parts[i].name,
						    parts[i].b.s,
						    parts[i].b.len };
	rc = bundle_write_mem(path, entries, np, created);
	free(entries);
	for (size_t i = 0; i < np; i++)
		free(parts[i].b.s);
	free(parts);
	free(x.doc.s);
	free(x.charts);
	free(x.list_numbered);
	return rc;
}
