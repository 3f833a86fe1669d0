/*
 * xlsx_forms.h - the two regional forms as worksheets (libxlsxwriter).
 *
 * forecast.xlsx holds the forecast of staffing need (sheet «Прогноз
 * потребности») and, until the monitoring workbook takes it, the
 * target-model form of mentoring (sheet «Целевая модель наставничества»).
 * Each sheet is one table: rows = organizations (or municipalities in the
 * roll-up) and the total row, Russian headers, numbers as numbers, the
 * rule of the figures under the table, A4 landscape with the header rows
 * and the first two columns repeated on every page, printed at no less
 * than 80 % (8 pt of the 10 pt text).  No personal data: counts only.
 *
 * The sheet functions write into a workbook the caller owns, so the
 * monitoring workbook (or the roll-up's) can add the same sheets.
 */
#ifndef KADRY_XLSX_FORMS_H
#define KADRY_XLSX_FORMS_H

#include <stdbool.h>
#include <xlsxwriter.h>

#include "date.h"
#include "forms.h"
#include "report.h"

/* What the sheets' subtitles and first columns say. */
struct xf_titles {
	const char *place;      /* the district's (region's) name */
	const char *period;     /* "2026-12" */
	kdate asof;             /* KDATE_NONE: not shown */
	bool region;            /* rows are municipalities, not schools */
	const struct params *p; /* thresholds for the headings; NULL:
				   the defaults */
};

/*
 * Adds the sheet «Прогноз потребности» (forecast) or «Целевая модель
 * наставничества» (mentoring) to wb.  Returns 0, or -1 with a message
 * when libxlsxwriter refused a call.
 */
int xlsx_forms_forecast_sheet(lxw_workbook *wb,
			      const struct forecast_form *fc,
			      const struct xf_titles *t);
int xlsx_forms_mentoring_sheet(lxw_workbook *wb,
			       const struct mentoring_form *tm,
			       const struct xf_titles *t);

/*
 * forecast.xlsx at path: both forms of the district, read from ctx->fs
 * (forms_from_figures), so every cell equals summary.csv.  0 or -1.
 */
int xlsx_forms_write(const char *path, const struct report_ctx *ctx);

#endif
