/*
 * xlsx_rollup.h - the regional workbook of `kadry rollup` (monitoring.xlsx).
 *
 * Sheets: Свод (the region's indicators with targets, statuses and the
 * coverage «N из M» of the partial data rule), По муниципалитетам
 * (municipalities x I01-I18, coloured against the targets, with the
 * region's row), Рейтинг (per indicator, municipalities ranked, better
 * first), Диаграммы (one column chart per indicator), Все показатели
 * (every total code: municipalities and the region) and Качество данных
 * (the files read and the diagnostics).  libxlsxwriter stays inside.
 * Percents are stored as fractions with "0.0%" from the exact tenths; the
 * document date is `created`, so equal input gives byte-identical files.
 */
#ifndef KADRY_XLSX_ROLLUP_H
#define KADRY_XLSX_ROLLUP_H

#include <time.h>

#include "rollup.h"

/* Writes the workbook to exactly path.  0, or -1 with a message. */
int xlsx_rollup_write(const char *path, const struct rollup *r,
		      time_t created);

#endif
