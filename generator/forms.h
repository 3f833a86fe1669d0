/*
 * forms.h - the two forms the region asks for every year, as plain
 * tables: the forecast of staffing need and the monitoring of the target
 * model of mentoring.
 *
 * Seed 003 (item 1.2) sends the forecast of the district's staffing need
 * to the regional ministry every year; seed 004 asks for the yearly
 * monitoring of the target model of mentoring.  Both are tables of rows =
 * organizations (or, in the roll-up, municipalities) plus a total row.
 *
 * Two steps, so that a form always equals summary.csv:
 * 1. forms_add_figures() computes, from the accepted data, the cells that
 *    no earlier figure holds (section F of the catalogue: F.need.*,
 *    F.supply.target, F.tm.*) for the district and every organization and
 *    appends them to the figures;
 * 2. forms_from_figures() reads both forms back out of sorted figures:
 *    the new F rows and the existing ones (K.vacancies, I12, I13,
 *    M.beginners, M.beginners.covered, M.new_hires, M.new_hires.covered).
 *    The municipal forms take the org rows and the district total; the
 *    roll-up's take the municipalities' district rows and the region's
 *    total from the same codes, so a region form is an exact sum.
 *
 * The rule of expected need (template [forecast]): a teacher aged 60 and
 * over on the as-of date is at risk of leaving (K.teachers60); a teacher
 * younger than p->retire_age on the as-of date who reaches it on or before
 * the as-of date plus p->forecast_years years (inclusive) is expected to
 * retire within the horizon.  Expected need counts each teacher once.
 *
 * Populations: a person counts in the row of every organization they have
 * a row in (a teacher: a `учитель` row), and once in the district total;
 * pair-based cells count by the pair's organization, a mentor with pairs in
 * two schools in each.  School rows may therefore sum to more than the
 * total: the forms say so under the table.  Vacancies belong to one
 * organization and sum exactly.
 *
 * Ownership: every string and array of struct forms lives in the arena
 * given to forms_from_figures(); nothing to free but that arena.
 */
#ifndef KADRY_FORMS_H
#define KADRY_FORMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "figures.h"
#include "model.h"
#include "params.h"

/* The forecast's horizons, in column order (enum horizon minus one). */
enum { FH_CURRENT, FH_MEDIUM, FH_LONG, FH__COUNT };

/*
 * A column group of the forecast: a teacher's subject
 * ("subject:математика"), another position ("position:педагог-психолог"),
 * or teachers with no subject stated ("position:учитель").
 */
struct fc_group {
	const char *breakdown;  /* after "horizon:<h>;" in F.need's rows */
	const char *label;      /* column heading (Russian) */
};

struct fc_row {
	const char *id, *name;  /* org_id or municipality; name for display */
	bool total;             /* the district's (region's) row */
	bool nodata;            /* its vacancies file was missing */
	int64_t *cell;          /* [g * FH__COUNT + h], ngroups groups */
	int64_t hz[FH__COUNT];  /* every group, per horizon */
	int64_t vacancies;      /* all horizons: F.need = K.vacancies */
	int64_t need;           /* current and medium: K.need */
	int64_t teachers60;     /* F.need.teachers60 (= K.teachers60) */
	int64_t retiring;       /* F.need.retiring */
	int64_t expected;       /* F.need.expected: either, once */
	int64_t target;         /* F.supply.target (= K.target_contract) */
};

struct forecast_form {
	bool vac_nodata;        /* the total row's nodata */
	int retire_age, horizon_years;  /* the rule, from the params */
	kdate horizon_end;      /* as-of + horizon_years (KDATE_NONE: n/a) */
	size_t ngroups;
	struct fc_group *groups;/* subjects, teachers without one, positions */
	size_t nrows;
	struct fc_row *rows;    /* organizations in id order, total last */
};

struct tm_row {
	const char *id, *name;
	bool total;
	bool nodata;            /* its mentoring file was missing */
	/*
	 * F.tm.model: a school (type ОО) 1/1 «да» or 0/1 «нет», another
	 * organization 0/0; the total is I14's numerator and denominator.
	 */
	int64_t model_num, model_den;
	int64_t community;              /* I12's numerator */
	int64_t mentors, mentees;       /* of pairs active on the as-of date */
	int64_t pairs[MF__COUNT];       /* [0] all; [f] enum mentor_form f */
	int64_t paid_mentors;           /* mentors with a paid active pair */
	int64_t beginners, beginners_covered;   /* M.beginners(.covered) */
	int64_t young, young_supported;         /* I13 den and num */
	int64_t new_hires, new_hires_covered;   /* M.new_hires(.covered) */
	int64_t arrived, arrived_covered;       /* F.tm.arrived */
};

struct mentoring_form {
	bool nodata;            /* the total row's nodata */
	size_t nrows;
	struct tm_row *rows;    /* organizations in id order, total last */
};

struct forms {
	struct forecast_form fc;
	struct mentoring_form tm;
};

/*
 * Appends the F rows of the district (scope_id district, as
 * compute_figures() was given) and of every organization of ds to fs:
 * the cells of both forms that no other code holds.  fs need not be
 * sorted; call figures_sort() before reading it.
 */
void forms_add_figures(const struct dataset *ds, const struct params *p,
		       const char *district, struct figures *fs);

/*
 * Both forms from sorted figures.  Rows are every scope_id of row_scope
 * (SCOPE_ORG for a municipality, SCOPE_DISTRICT for the roll-up) in
 * summary.csv order, then the total: (total_scope, total_id).  p gives
 * the expected-need rule for the headings (may be NULL: the defaults).
 * Cells absent from fs are 0 (a breakdown that had no vacancy); a form
 * whose file was missing has its nodata flag set.  Strings and arrays in
 * arena.
 */
void forms_from_figures(const struct figures *fs, enum scope row_scope,
			enum scope total_scope, const char *total_id,
			const struct params *p, struct arena *arena,
			struct forms *out);

/* Column heading of a horizon: «текущая», «на 1–3 года», «более 3 лет». */
const char *forms_horizon_label(int fh);

#endif
