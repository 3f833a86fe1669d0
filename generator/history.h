/*
 * history.h - earlier runs' summary.csv files, for the dynamics.
 *
 * `kadry report --history DIR` reads every summary.csv under DIR
 * (recursively, in byte order of paths) with the validating reader
 * (summary.h) and keeps the periods the dynamics need: the same month in the
 * two previous years, and for a December run also that year's July (the
 * interim monitoring).  One period per (year, month): a second file with the
 * same period is diagnosed and ignored.
 *
 * history_apply() then adds to the current figures the `year:YYYY` rows of
 * indicators.md ("History rows"): I16 and I17 for the two previous years,
 * I18 for the previous year (the seed's "2 года"), at district scope (and
 * for I16/I17 also per organization that the earlier summary holds), each
 * carrying the earlier figure as it was.  I18's subjects get
 * `year:YYYY;subject:<name>` rows.
 *
 * Writers query earlier values with history_find() and print the change
 * with history_change()/history_change_str().
 */
#ifndef KADRY_HISTORY_H
#define KADRY_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "figures.h"
#include "params.h"

struct history_period {
	int year, month;
	const char *path;       /* the file it came from (arena) */
	struct figures fs;      /* sorted */
};

struct history {
	struct arena *arena;    /* owns strings of all periods */
	struct history_period *v;       /* ascending by (year, month) */
	size_t n, cap;
};

void history_init(struct history *h, struct arena *arena);
void history_release(struct history *h);

/*
 * Reads every summary.csv under dir into h, keeping only the periods
 * above relative to p.  Files are registered in dl (diag_file_add) and their
 * bad rows diagnosed.  Returns the number of periods kept, or -1 when dir is
 * missing or unreadable (message printed).
 */
int history_load(const char *dir, const struct params *p, struct history *h,
		 struct diag_list *dl);

/* Adds the year rows to cur (see above); cur's district is its first
 * district-scope figure.  Leaves cur unsorted. */
void history_apply(struct figures *cur, const struct history *h,
		   const struct params *p);

/* The period (year, month) or NULL. */
const struct history_period *history_period(const struct history *h,
					    int year, int month);

/*
 * The earlier figure (scope, scope_id, code, breakdown) of period
 * (year, month), or NULL.  For SCOPE_DISTRICT a scope_id that the earlier
 * file does not hold (or NULL) falls back to that file's district, since a
 * department may rename its district between runs.
 */
const struct figure *history_find(const struct history *h, int year,
				  int month, enum scope scope,
				  const char *scope_id, const char *code,
				  const char *breakdown);

/*
 * The change current minus earlier: shares in tenths of a percentage point
 * (difference of the rounded percents, so it matches the printed values),
 * counts in persons.  false when either has no value or the kinds differ.
 */
bool history_change(const struct figure *cur, const struct figure *earlier,
		    int64_t *delta);
/* The change as text with a sign ("+2,3", "-1", "0"), "" when none.
 * buf >= 32 bytes. */
char *history_change_str(const struct figure *cur,
			 const struct figure *earlier, char decimal_mark,
			 char *buf);

#endif
