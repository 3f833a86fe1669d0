/*
 * report.h - everything the writers need, in one read-only bundle.
 *
 * The driver (cli.c) runs the pipeline read -> validate -> compute ->
 * analyse and hands this context to each writer (xlsx_write.c,
 * note.c, the personal lists and return files).  Writers only read it.
 */
#ifndef KADRY_REPORT_H
#define KADRY_REPORT_H

#include <time.h>

#include "diag.h"
#include "figures.h"
#include "model.h"
#include "params.h"

struct template;
struct analysis;

struct report_ctx {
	const struct dataset *ds;
	const struct params *p;
	const struct template *t;
	const struct figures *fs;       /* current figures, sorted, with the
					   analysis rows (status, cluster) */
	const struct figures *hist;     /* earlier summaries (--history),
					   sorted; empty when none */
	const struct analysis *an;
	const struct diag_list *dl;     /* sorted diagnostics and file counts */
	const char *district;           /* scope_id of the district figures */
	time_t created;                 /* SOURCE_DATE_EPOCH or now */
};

#endif
