/*
 * pdf_render.h - a document (doc.h) drawn as PDF through pdf_layout.h.
 *
 * Paragraph kinds become the layout's styles (body: 12 pt justified with
 * the 12.5 mm indent; notes 10 pt; the title 14 pt bold centred); headings
 * of level 1 and 2 are numbered by the layout; a table's caption and a
 * paragraph marked keep_next stay on the page of the table's first rows;
 * the block before a signature stays with it; lists are drawn with their
 * labels (the data's, or «1.», «1.1.», «—»).  libharu stays in
 * pdf_layout.c.
 *
 * Runs: the layout draws a paragraph in one face, so a paragraph is bold
 * when all its runs are, and regular otherwise (italic is drawn regular).
 */
#ifndef KADRY_PDF_RENDER_H
#define KADRY_PDF_RENDER_H

#include <time.h>

#include "doc.h"

/* Writes d to path; `created` fixes the PDF's dates.  0, or -1 (message). */
int pdf_render_write(const struct doc *d, const char *path, time_t created);

#endif
