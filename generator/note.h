/*
 * note.h - the analytical note (аналитическая справка) of a district, as a
 * document (doc.h) rendered to report.pdf and report.docx.
 *
 * All the note's Russian wording lives in note.c (and in the template):
 * the title block (department, district, period, date); the template's
 * introduction; data sources and their completeness; the indicator table
 * I01-I18 with targets and statuses and a chart of them; staff structure
 * (seed 001's own paragraph, generated from section S) with charts;
 * mentoring; deficits; staffing; dynamics from the history; clusters;
 * problem zones; addressed recommendations; the template's conclusion; the
 * proposed management decisions as a draft council decision (addressee
 * groups, numbered items, each with its «Срок»); the signature line.
 *
 * No personal data: only counts, shares and organization names.  At scale
 * the per-organization parts are summarised (the organizations with the
 * most and the fewest problem zones, capped lists); the workbook holds
 * every row.  Equal input (and ctx->created) gives byte-identical files.
 */
#ifndef KADRY_NOTE_H
#define KADRY_NOTE_H

#include "doc.h"
#include "report.h"

/*
 * Appends the note to d (doc_init()'d by the caller).  ctx->fs is required
 * and must be sorted; ds, t, an, dl and hist may be NULL (their sections
 * then say what is missing).
 */
void note_build(struct doc *d, const struct report_ctx *ctx);

/*
 * Builds the note once and writes it to pdf_path and docx_path (either may
 * be NULL).  Returns 0, or -1 with a message on stderr.
 */
int note_write(const char *pdf_path, const char *docx_path,
	       const struct report_ctx *ctx);

#endif
