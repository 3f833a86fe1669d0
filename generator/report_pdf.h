/*
 * report_pdf.h - the analytical note (аналитическая справка), report.pdf.
 *
 * Renders the period's figures and analysis as the Russian note of seed 001
 * (sections 5-10), in this order: the title block (department, district,
 * period, date); the template's introduction; data sources and their
 * completeness; the indicator table I01-I18 with targets and statuses and a
 * chart of them; staff structure (the seed's own paragraph, generated from
 * section S) with charts; mentoring; deficits; staffing; dynamics from the
 * history; clusters; problem zones; addressed recommendations; the proposed
 * management decisions as a draft council decision (addressee groups,
 * numbered items, each with its «Срок»); the template's conclusion and the
 * signature line.
 *
 * No personal data: only counts, shares and organization names.  At scale
 * the per-organization parts are summarised (the organizations with the
 * most and the fewest problem zones, capped lists); the workbook holds
 * every row.  Equal input (and ctx->created) gives byte-identical files.
 */
#ifndef KADRY_REPORT_PDF_H
#define KADRY_REPORT_PDF_H

#include "report.h"

/*
 * Writes the note to path.  ctx->fs is required and must be sorted; ds, t,
 * an, dl and hist may be NULL (their sections then say what is missing).
 * Returns 0, or -1 with a message on stderr.
 */
int report_pdf_write(const char *path, const struct report_ctx *ctx);

#endif
