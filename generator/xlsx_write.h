/*
 * xlsx_write.h - monitoring.xlsx, the workbook for the council and region.
 *
 * One call writes the whole workbook of outputs.md from the read-only
 * report context: Сводка, Показатели, По организациям, По предметам,
 * Кадровый состав, Наставничество, Дефициты, Потребность в кадрах,
 * Динамика, Кластеры, Рекомендации, Качество данных.  libxlsxwriter stays
 * inside the XLSX writers (this file and xlsx_personal.c).
 *
 * Units: percents are stored as fractions (63.2 % is 0.632) with the number
 * format "0.0%", computed from the exact tenths of figure_tenths(), so a
 * cell rounded to one decimal equals summary.csv's value; counts are whole
 * numbers.  "No data" is the text «нет данных».
 *
 * Guarantees: no personal data (names, SNILS, birth dates) is written, even
 * from diagnostics (their `value` is already NULL for personal columns);
 * every text goes through worksheet_write_string (never a formula) after a
 * UTF-8 check (invalid bytes become U+FFFD); the document's `created` date
 * is ctx->created, so the same inputs give byte-identical files.  Big
 * diagnostic lists switch the workbook to libxlsxwriter's constant_memory
 * mode (every sheet is written strictly row by row for that reason).
 *
 * ctx->an, ctx->t and ctx->hist may be NULL: the sheets that need them then
 * say «нет данных» or are left with a note.
 */
#ifndef KADRY_XLSX_WRITE_H
#define KADRY_XLSX_WRITE_H

#include "report.h"

/*
 * Writes monitoring.xlsx to exactly `path` (the caller renames it into
 * place).  Returns 0, or -1 with a message on stderr.
 */
int xlsx_write_monitoring(const char *path, const struct report_ctx *ctx);

/*
 * Diagnostics above which the workbook is written in constant_memory mode
 * (flat memory, inline strings).  Exposed for the tests.
 */
#define XLSX_BIG_DIAGS 20000

#endif
