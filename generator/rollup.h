/*
 * rollup.h - the regional roll-up: several municipalities' summary.csv
 * files consolidated into the region's figures, workbook and note.
 *
 * Reading.  Every file goes through the validating summary reader
 * (summary.h: a malformed row is diagnosed, H0NN, and skipped) and is
 * registered in the roll-up's diag_list, so problems print as
 * «file:line: ...» and land in validation.csv.  A file is then rejected as a
 * whole (codes U0NN in rollup_codes) when its period differs from the
 * roll-up's (--period, else the first accepted file's), when it holds no
 * municipality or more than one (district-scope rows with one scope_id),
 * or when its municipality already came in an earlier file.  Only the
 * district-scope rows are used: org rows are ignored, region rows draw a
 * warning and are ignored.
 *
 * Consolidation: for every (code, breakdown) of the municipalities'
 * district rows, the region's row is the sum over the municipalities that
 * have data: a share is Σ numerators / Σ denominators (never an average of
 * percents), a count is Σ counts.  Partial data rule: a municipality whose
 * row is «нет данных» (a file it did not collect) or absent (e.g. no
 * teachers of that subject) adds nothing, and the region's value covers the
 * others; rollup_coverage() says how many, and the workbook and the note
 * show «N из M» wherever N < M.  Only when no municipality has data is the
 * region's row «нет данных».  The rows of the two regional forms
 * (section F, forms.h) are summed the same way, an absent cell of the
 * forecast's grid adding 0, so forms_from_figures() over the region's rows
 * gives the region's forms, municipalities as rows, every cell the exact
 * sum.  Analysis rows («<code>.status», «cluster») are not summed: the
 * region gets its own «<code>.status» rows against the roll-up template's
 * targets.  A person who works in two municipalities, and a course program
 * used in two (I07, I10), count in each.
 *
 * This module only consolidates; it writes nothing.  The `kadry rollup`
 * command (cmd_rollup in cli.c) writes OUT/<period>/ (atomic, SHA256SUMS):
 * summary.csv (summary_write of r->fs: scope region, scope_id the
 * template's region or «Регион», then every municipality's district rows
 * as they came), monitoring.xlsx (xlsx_rollup.h), report.pdf and
 * report.docx (note_rollup.h) and validation.csv (the reading diagnostics,
 * r->dl).
 *
 * Ownership: all strings live in the roll-up's arena; rollup_release()
 * frees everything.
 */
#ifndef KADRY_ROLLUP_H
#define KADRY_ROLLUP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "figures.h"

struct template;

/* One accepted municipality. */
struct rollup_muni {
	const char *id;         /* its district scope_id */
	const char *name;       /* scope_name, or id when that is empty */
	int file;               /* index into dl.files */
};

struct rollup {
	struct arena arena;
	struct diag_list dl;
	const char *period;             /* "" until the first good file */
	const char *region;             /* region scope_id, after rollup_sum */
	const struct template *t;       /* targets; NULL: none */
	struct rollup_muni *m;          /* by scope_id after rollup_sum */
	size_t nm, capm;
	/*
	 * The output rows: after rollup_sum the region's rows and the
	 * municipalities' district rows, sorted (figures_sort).
	 */
	struct figures fs;
};

/* Status of a value against the template's target. */
enum rollup_status {
	RS_NO_TARGET,           /* the template sets no target for the code */
	RS_NODATA,              /* «нет данных» */
	RS_ACHIEVED,            /* «достигнуто» */
	RS_NOT_ACHIEVED         /* «не достигнуто» */
};

void rollup_init(struct rollup *r, const char *period);
void rollup_release(struct rollup *r);

/*
 * Reads one municipal summary.csv.  Returns 0 when its municipality was
 * accepted, 1 when the file was rejected (diagnosed), -1 when it cannot be
 * read (message and diagnostic R001).
 */
int rollup_add_file(struct rollup *r, const char *path);
/* The same for a file in memory; name is how diagnostics call it. */
int rollup_add_mem(struct rollup *r, const char *name, const char *data,
		   size_t len);

/*
 * Computes the region's rows under scope_id region (with «<code>.status»
 * rows when t has targets; t may be NULL) and sorts everything.  Returns 0.
 */
int rollup_sum(struct rollup *r, const char *region,
	       const struct template *t);

/* Municipalities with data for (code, breakdown): the partial data rule. */
int rollup_coverage(const struct rollup *r, const char *code,
		    const char *breakdown);

/*
 * The status of code in the scope (SCOPE_REGION with r->region, or
 * SCOPE_DISTRICT with a municipality's id) against r->t; *value and
 * *target get tenths when known (may be NULL).
 */
int rollup_status(const struct rollup *r, int scope, const char *id,
		  const char *code, int64_t *value, int64_t *target);
/* «достигнуто», «не достигнуто», «нет данных», «цель не задана». */
const char *rollup_status_name(int status);

/* The codes this module emits.  Terminated by a {NULL} entry. */
extern const struct diag_code rollup_codes[];

#endif
