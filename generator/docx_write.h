/*
 * docx_write.h - a document (doc.h) as an editable Word file, report.docx.
 *
 * WordprocessingML written by hand and zipped by bundle.c (where libzip
 * stays).  The styles a department head edits with: «Обычный»
 * (Normal: 12 pt, justified, 12.5 mm first-line indent), «Заголовок 1» and
 * «Заголовок 2» (heading 1/2, with outline levels, so Word's navigation
 * and table of contents find them), a caption style for table captions
 * and a small print style for notes.  Headings carry their numbers in the
 * text («3. Кадровый состав»), as the PDF shows them.  Tables are real
 * Word tables with the column widths of the model and header rows that
 * repeat on every page; lists are Word numbered lists («1.», «1.1.») or
 * bulleted with «—»; the page number stands in the header, centred, from
 * the second page on (GOST R 7.0.97), with the PDF's margins.
 *
 * Charts are native Word charts (DrawingML chart parts with their values
 * in the chart's cache): no raster library is needed, the figures stay
 * data the reader can restyle, and Word and LibreOffice draw them from the
 * cache.  A bar chart shows the value series with each bar coloured by its
 * kind and, when the bars have targets, a second series of the targets.
 *
 * Deterministic: the parts are written in sorted order, each with the
 * same fixed date (`created`, UTC) and permissions, deflated at level 9;
 * the document's dates are `created`.
 */
#ifndef KADRY_DOCX_WRITE_H
#define KADRY_DOCX_WRITE_H

#include <time.h>

#include "doc.h"

/* Writes d to path.  0, or -1 with a message on stderr. */
int docx_write(const struct doc *d, const char *path, time_t created);

#endif
