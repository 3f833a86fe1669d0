/*
 * params.c - defaults of indicators.md and the derived period dates.
 */
#include "params.h"

#include <stdio.h>

void params_update(struct params *p)
{
	p->asof = date_month_end(p->year, p->month);
	/*
	 * The window is the window_months months ending on the as-of date,
	 * inclusive: as-of 31.12.2026 gives 01.01.2024 .. 31.12.2026.
	 */
	p->window_start = date_add_months(p->asof + 1, -p->window_months);
	snprintf(p->period, sizeof(p->period), "%04u-%02u",
		 (unsigned)p->year % 10000u, (unsigned)p->month % 100u);
}

void params_default(struct params *p, int year, int month)
{
	p->year = year;
	p->month = month;
	p->window_months = 36;
	p->young_age = 35;
	p->beginner_exp = FIX(3);
	p->mentor_limit = 3;
	p->load_limit = FIX(27);
	p->deficit_score = FIX(60);
	p->new_hire_months = 12;
	p->nclusters = 3;
	p->retire_age = 60;
	p->forecast_years = 3;
	params_update(p);
}
