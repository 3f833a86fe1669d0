/*
 * note_rollup.h - the region's note (report.pdf and report.docx of
 * `kadry rollup`), on the document model (doc.h) like the district's.
 *
 * Title block (region, period,
 * date), the municipalities consolidated and the method (sums of
 * numerators and denominators, the partial data rule), the indicator table
 * with targets, statuses and coverage, the municipalities' comparison per
 * indicator as bar charts with the target marked, the problem zones of the
 * region and of each municipality, and the data quality of the files read.
 * Equal input and `created` give byte-identical files.
 */
#ifndef KADRY_NOTE_ROLLUP_H
#define KADRY_NOTE_ROLLUP_H

#include <time.h>

#include "doc.h"
#include "rollup.h"

/* Appends the region's note to d (doc_init()'d by the caller). */
void note_rollup_build(struct doc *d, const struct rollup *r,
		       time_t created);

/*
 * Builds the note once and writes it to pdf_path and docx_path (either may
 * be NULL).  0, or -1 with a message on stderr.
 */
int note_rollup_write(const char *pdf_path, const char *docx_path,
		      const struct rollup *r, time_t created);

#endif
