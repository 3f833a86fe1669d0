/*
 * compute.h - the accepted dataset to every figure of indicators.md.
 *
 * compute_figures() turns a validated struct dataset and the period's
 * struct params into a struct figures: I01-I18 and the sections S, M, D, K
 * for the district and per organization, with their breakdowns.  Every code
 * it writes is a row of the catalogue (catalog.h), which also documents the
 * extra codes this module adds beyond indicators.md.
 *
 * Scale: one pass per input table into per-person and per-organization
 * arrays indexed by person/org index, never a join of two tables, so the run
 * is linear in the number of rows.
 *
 * Populations (indicators.md, "Dates, populations, rounding"):
 * - P: distinct persons with an accepted staff row; for an organization the
 *   persons with a row in it (a part-timer counts in each organization), for
 *   the district each person once; a person's diagnostics and courses count
 *   wherever the person is counted;
 * - person-level values (birth, experience, gender, education, category)
 *   from the person's main row, yes/no flags ORed over all their rows;
 * - teachers: persons with a `учитель` row (section S: a `учитель` row in an
 *   organization of type ОО);
 * - a missing optional file (ds->have[kind] false) makes the figures that
 *   need it "no data" (figures_nodata), per the spec's "Fine points".
 *
 * To add a figure: one row in catalog.c (code, names, scopes) and one small
 * function or table entry in compute.c (simple per-person shares are a
 * predicate in the `person_shares` table there).
 */
#ifndef KADRY_COMPUTE_H
#define KADRY_COMPUTE_H

#include <stdint.h>

#include "figures.h"
#include "model.h"
#include "params.h"

/*
 * Appends every figure to out (figures_init()ed by the caller with the
 * period, e.g. p->period).  district is the municipality's name, used as
 * scope_id and scope_name of the district rows; NULL or "" means
 * dataset_municipality(ds), and when that is "" too, «муниципалитет»
 * (summary.csv rows need an id).  Organization rows use the org_id as
 * scope_id and the organization's name as scope_name.  Returns 0 (-1 is
 * reserved for a system failure; memory exhaustion already stops the
 * program).
 */
int compute_figures(const struct dataset *ds, const struct params *p,
		    const char *district, struct figures *out);

/*
 * The most frequent municipality among the accepted organizations; on a tie
 * the one that comes first in file order; "" when there is none.  The string
 * belongs to the dataset.
 */
const char *dataset_municipality(const struct dataset *ds);

/*
 * Per-person facts, as compute derives them; the personal lists (beginners
 * without a mentor, unaddressed deficits, overloaded teachers, teachers over
 * 60) read them so that they agree with the figures exactly.
 */
enum {
	PF_TEACHER = 1 << 0,            /* a `учитель` row anywhere */
	PF_TEACHER_OO = 1 << 1,         /* a `учитель` row in a type-ОО org */
	PF_YOUNG = 1 << 2,              /* age < p->young_age */
	PF_BEGINNER = 1 << 3,           /* experience < p->beginner_exp */
	PF_DIAGNOSED = 1 << 4,          /* a diagnostic in the window */
	PF_DEFICIT = 1 << 5,            /* latest diagnostic shows a deficit */
	PF_ADDRESSED = 1 << 6,          /* deficit addressed by a course */
	PF_MENTEE_ASOF = 1 << 7,        /* mentee of a pair active on as-of */
	PF_MENTEE_WINDOW = 1 << 8,      /* mentee of a pair active in window */
	PF_MENTOR_WINDOW = 1 << 9,      /* mentor of a pair active in window */
	PF_OVERLOADED = 1 << 10,        /* teacher, load sum > p->load_limit */
	PF_NEW_HIRE = 1 << 11,          /* hire date within new_hire_months */
	PF_OLD60 = 1 << 12              /* age >= 60 */
};

struct person_facts {
	int age;                /* full years on the as-of date; -1 unknown */
	uint32_t flags;         /* PF_* */
	uint8_t sflags;         /* staff SF_* ORed over the person's rows */
	int latest_diag;        /* index into ds->diags, or -1 */
	fix_t load;             /* teaching load summed over rows; 0 if none */
	int mentees_asof;       /* as a mentor: pairs active on the as-of
				   date */
};

/*
 * Fills a malloc'd array of ds->persons.n facts (free() it).  Flags that
 * need a missing optional file stay clear.  Returns NULL only when
 * ds->persons.n is 0.
 */
struct person_facts *compute_person_facts(const struct dataset *ds,
					  const struct params *p);

#endif
