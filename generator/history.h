/*
 * history.h - earlier runs' summary.csv files, for the dynamics.
 *
 * `kadry report --history DIR` reads every summary.csv under DIR
 * (recursively, in byte order of paths) with the validating reader
 * (summary.h) and keeps the periods the dynamics need: the same month in the
 * two previous years, and for a December run also that year's July (the
 * interim monitoring).  One file per period: a second file with the same
 * period is diagnosed (H020) and ignored.
 *
 * All kept periods live in ONE struct figures (report_ctx.hist), keyed so
 * that figures_find() still works: every earlier figure keeps its scope,
 * code and kind, and its breakdown is prefixed by its period,
 *   "period:2025-12"                 for the total,
 *   "period:2025-12;subject:физика"  for a breakdown;
 * district rows get scope_id "" (a file holds one district, and the
 * department may rename it between runs) and keep the name in scope_name.
 * Callers should not rely on that encoding: use history_find() and
 * history_value().
 *
 * history_apply() adds to the current figures the `year:YYYY` rows of
 * indicators.md ("History rows"): I16 and I17 for the two previous years,
 * I18 for the previous year (the seed says "за два года"), at district
 * scope, and I16/I17 also per organization the earlier summary holds; each
 * carries the earlier figure as it was (numerator, denominator, no data).
 * I18's subjects get `year:YYYY;subject:<name>` rows.
 */
#ifndef KADRY_HISTORY_H
#define KADRY_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "figures.h"
#include "params.h"

/*
 * Reads every summary.csv under dir into hist (figures_init()ed, period ""
 * or anything: it is not used), keeping only the periods above relative to
 * p, and sorts hist.  Each file is registered in dl (diag_file_add) and its
 * bad rows diagnosed.  Returns the number of periods kept, or -1 when dir is
 * missing or unreadable (message printed).
 */
int history_load(const char *dir, const struct params *p,
		 struct figures *hist, struct diag_list *dl);

/*
 * Adds the year rows to cur (see above).  cur's district id and name are
 * those of its first district-scope figure.  Leaves cur unsorted; hist must
 * be sorted (history_load leaves it so).
 */
void history_apply(struct figures *cur, const struct figures *hist,
		   const struct params *p);

/*
 * The earlier figure of period (year, month): scope, scope_id (ignored for
 * SCOPE_DISTRICT), code, breakdown (NULL or "" for the total), or NULL.
 */
const struct figure *history_find(const struct figures *hist, int year,
				  int month, enum scope scope,
				  const char *scope_id, const char *code,
				  const char *breakdown);

/* District shorthand of history_find(); false when absent. */
bool history_value(const struct figures *hist, int year, int month,
		   const char *code, const char *breakdown,
		   const struct figure **out);

/*
 * The periods hist holds, ascending, as year*100+month (202512); at most
 * max are stored.  Returns how many there are.
 */
size_t history_periods(const struct figures *hist, int *yyyymm, size_t max);

/*
 * The change current minus earlier: shares in tenths of a percentage point
 * (difference of the rounded percents, so it matches the printed values),
 * counts in persons.  false when either has no value or the kinds differ.
 */
bool history_change(const struct figure *cur, const struct figure *earlier,
		    int64_t *delta);

/*
 * The change as text with a sign: "+2,3" / "-1,0" for shares, "+3" / "-1" /
 * "0" for counts; "" when there is none.  buf >= 32 bytes.
 */
char *history_change_str(const struct figure *cur,
			 const struct figure *earlier, char decimal_mark,
			 char *buf);

#endif
