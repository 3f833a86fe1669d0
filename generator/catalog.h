/*
 * catalog.h - the one table of every figure code and what it means.
 *
 * Each code that summary.csv may hold (I01-I18, the sections S, M, D, K and
 * the analysis codes A) has one entry: kind, Russian names, what its
 * numerator and denominator count, scopes, breakdowns, section and, for the
 * indicators, which direction is better.  Writers take names and column
 * headings from here; docs/CATALOGUE.md is catalog_write_markdown()'s output.
 *
 * Analysis codes are families: "<code>.status" (any indicator code, e.g.
 * "I03.status") is described by the entry "A.status", and "cluster" by
 * "A.cluster"; catalog_find() resolves both forms.
 *
 * To add a figure: add its row to the table in catalog.c (in section order)
 * and compute it in compute.c (see compute.h).
 *
 * To add an indicator (I19):
 *   1. one row in catalog.c's table, after I18: the table opens with the
 *      indicators in order, and catalog_indicators() is that block;
 *   2. one row in compute.c's indicator table and, when no existing rule
 *      counts it, the function that does (compute.h);
 *   3. optionally its target in the templates ([targets] I19 = ...).
 * Everything that loops over the indicators - the analysis (statuses,
 * cluster profile), the template's code checks - takes them from
 * catalog_indicators(), kind (share or count) and dynamics included, so
 * nothing else changes.  The writers being replaced (report_pdf.c,
 * report_rollup.c, xlsx_write.c, xlsx_rollup.c) still count to 18 by
 * hand; their successors take catalog_indicators() too.
 */
#ifndef KADRY_CATALOG_H
#define KADRY_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "figures.h"

/* Which way is better, for the indicators' status and colouring. */
enum direction {
	DIR_NONE,               /* descriptive figure: no better side */
	DIR_HIGHER,             /* a larger value is better */
	DIR_LOWER,              /* a smaller value is better */
	DIR_DYNAMICS            /* judged by its change over the years */
};

/* Scopes bit set: 1 << SCOPE_DISTRICT, 1 << SCOPE_ORG, 1 << SCOPE_REGION. */
#define CAT_DISTRICT (1u << SCOPE_DISTRICT)
#define CAT_ORG (1u << SCOPE_ORG)
#define CAT_REGION (1u << SCOPE_REGION)

struct catalog_entry {
	const char *code;       /* "I01", "S.age.35-59", "A.status" */
	char section;           /* 'I', 'S', 'M', 'D', 'K' or 'A' */
	unsigned char kind;     /* enum figure_kind */
	unsigned char dir;      /* enum direction */
	unsigned scopes;        /* CAT_* bits (region: the roll-up) */
	const char *name;       /* full Russian name (seed wording for I) */
	const char *short_name; /* for table columns and charts */
	const char *numerator;  /* what is counted (Russian) */
	const char *denominator;/* the base (Russian); NULL for counts */
	const char *breakdowns; /* "subject: (район); year:", "" when none */
	const char *needs;      /* optional input files it needs, "" none */
};

/*
 * The entry of code, or NULL.  "<X>.status" gives the A.status entry and
 * "cluster" the A.cluster entry.
 */
const struct catalog_entry *catalog_find(const char *code);

/* Iteration: entries 0 .. catalog_count()-1, in section order. */
size_t catalog_count(void);
const struct catalog_entry *catalog_at(size_t i);

/*
 * The indicators: an array of *n entries (n may be NULL), I01, I02, ... in
 * order - the table's opening block of section 'I'.
 */
const struct catalog_entry *catalog_indicators(size_t *n);

/* The 18 indicators' entries: i = 1..18 (I01..I18); NULL otherwise. */
const struct catalog_entry *catalog_indicator(int i);

/*
 * An indicator of dynamics (I16-I18): judged by its change over the years,
 * so it has «year:» rows from the history; not a school's profile.
 */
bool catalog_is_dynamics(const struct catalog_entry *e);

/* The whole catalogue as a Markdown document (docs/CATALOGUE.md). */
void catalog_write_markdown(FILE *out);

/* Section title in Russian ("Показатели", "Кадровый состав", ...). */
const char *catalog_section_name(char section);

#endif
