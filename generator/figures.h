/*
 * figures.h - every computed figure, as summary.csv holds it.
 *
 * compute.c produces a struct figures; analysis adds its own rows (statuses,
 * clusters); the summary writer prints them sorted, the history and roll-up
 * readers fill one from summary.csv files, and the XLSX and PDF writers look
 * figures up by (scope, scope_id, code, breakdown).
 *
 * A figure is a share (numerator, denominator, percent) or a count (value
 * only).  "No data" is explicit: `nodata` empties numerator, denominator and
 * value (a missing optional file); a share with den == 0 keeps its numerator
 * and denominator but has no value.  Percents are exact: tenths of a percent
 * rounded half away from zero from the integers (figure_tenths).
 */
#ifndef KADRY_FIGURES_H
#define KADRY_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* In summary.csv sort order ("district" < "org" < "region"). */
enum scope { SCOPE_DISTRICT, SCOPE_ORG, SCOPE_REGION };
enum figure_kind { FK_SHARE, FK_COUNT };

struct figure {
	uint8_t scope;          /* enum scope */
	uint8_t kind;           /* enum figure_kind */
	bool nodata;            /* numerator, denominator, value all empty */
	const char *scope_id;   /* municipality name, org_id or region name */
	const char *scope_name; /* display name ("" when same as id) */
	const char *code;       /* "I01", "S.edu.higher", ... */
	const char *breakdown;  /* "" for the total, "subject:физика", ... */
	int64_t num, den;       /* den unused for counts */
};

struct figures_index;

struct figures {
	struct arena *arena;    /* owns the strings; not the array */
	const char *period;     /* "2026-12" */
	struct figure *v;
	size_t n, cap;
	bool sorted;
	struct figures_index *index;    /* private to figures.c: built by
					   figures_sort, speeds up lookups */
};

void figures_init(struct figures *fs, struct arena *arena, const char *period);
void figures_release(struct figures *fs);

/* Appends a figure; strings are copied into the arena.  breakdown NULL = "". */
struct figure *figures_share(struct figures *fs, enum scope scope,
			     const char *id, const char *name, const char *code,
			     const char *breakdown, int64_t num, int64_t den);
struct figure *figures_count(struct figures *fs, enum scope scope,
			     const char *id, const char *name, const char *code,
			     const char *breakdown, int64_t count);
struct figure *figures_nodata(struct figures *fs, enum scope scope,
			      const char *id, const char *name, const char *code,
			      const char *breakdown, enum figure_kind kind);

/* Sorts by scope, scope_id, code, breakdown (bytewise), as summary.csv. */
void figures_sort(struct figures *fs);
/* Lookup after figures_sort; NULL when absent.  breakdown NULL = "". */
const struct figure *figures_find(const struct figures *fs, enum scope scope,
				  const char *id, const char *code,
				  const char *breakdown);

/*
 * The value in tenths: a share's percent (100*num/den rounded half away from
 * zero to one decimal, as tenths), or a count times 10.  false when the
 * figure has no value (nodata, or a share with den == 0).
 */
bool figure_tenths(const struct figure *f, int64_t *tenths);
/* 100*n/d in tenths of a percent, rounded half away from zero; d > 0. */
int64_t percent_tenths(int64_t n, int64_t d);

/*
 * Writes the value as summary.csv has it ("40.5", "15") or "" when none;
 * decimal_mark ',' gives the Russian form ("40,5").  buf >= 32 bytes.
 */
char *figure_value_str(const struct figure *f, char decimal_mark, char *buf);
/* Tenths as "40.5"/"-3.0" with the given mark; buf >= 32 bytes. */
char *tenths_str(int64_t tenths, char decimal_mark, char *buf);

const char *scope_name(enum scope scope);       /* "district", "org", ... */
int scope_from_name(const char *s);             /* -1 when unknown */

#endif
