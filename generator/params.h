/*
 * params.h - the period and the thresholds every computation depends on.
 *
 * Filled with the defaults of indicators.md by params_default(), then
 * overridden by the template (template.c).  compute.c and analysis.c read it.
 */
#ifndef KADRY_PARAMS_H
#define KADRY_PARAMS_H

#include "date.h"
#include "model.h"

struct params {
	int year, month;        /* the period YYYY-MM */
	char period[8];         /* "2026-12" */
	kdate asof;             /* the period's last day */
	int window_months;      /* 36 */
	kdate window_start;     /* first day of the window (inclusive) */
	int young_age;          /* young: age < 35 */
	fix_t beginner_exp;     /* beginner: ped_experience < 3 */
	int mentor_limit;       /* mentees per mentor, 3 */
	fix_t load_limit;       /* h/week, 27 */
	fix_t deficit_score;    /* score < 60 is a deficit */
	int new_hire_months;    /* hire_date within 12 months */
	int nclusters;          /* 3 */
	/* the forecast's expected need (template [forecast], forms.h) */
	int retire_age;         /* 60: reaching it within the horizon */
	int forecast_years;     /* 3: the horizon, years after as-of */
};

void params_default(struct params *p, int year, int month);
/* Recomputes asof, window_start and period from year, month, window. */
void params_update(struct params *p);

#endif
