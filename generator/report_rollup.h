/*
 * report_rollup.h - the region's note (report.pdf of `kadry rollup`).
 *
 * On the layout module (pdf_layout.h): title block (region, period,
 * date), the municipalities consolidated and the method (sums of
 * numerators and denominators, the partial data rule), the indicator table
 * with targets, statuses and coverage, the municipalities' comparison per
 * indicator as bar charts with the target marked, the problem zones of the
 * region and of each municipality, and the data quality of the files read.
 * Equal input and `created` give byte-identical files.
 */
#ifndef KADRY_REPORT_ROLLUP_H
#define KADRY_REPORT_ROLLUP_H

#include <time.h>

#include "rollup.h"

/* Writes the note to path.  0, or -1 with a message on stderr. */
int report_rollup_write(const char *path, const struct rollup *r,
			time_t created);

#endif
