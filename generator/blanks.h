/*
 * blanks.h - the blank forms the department sends to schools (`kadry
 * blanks`).
 *
 * One workbook per input kind, named with the Russian prefix `kadry
 * check` recognises (организации.xlsx, кадры.xlsx, диагностика.xlsx,
 * курсы.xlsx, наставничество.xlsx, вакансии.xlsx), built from the column
 * tables of schema.h: the Russian headers (required ones marked «*», which
 * the reader ignores), a note (cell comment) on each header saying type,
 * requiredness, default and allowed values, a dropdown list for every
 * enumeration and yes/no column (the values on a hidden sheet «Списки»,
 * referenced by a formula: libxlsxwriter 1.1.4 overflows on Cyrillic
 * inline lists of 256+ bytes), date, number and whole-number validation,
 * the header row frozen, widths fitted to the headers.  Beside each, the
 * same headers as a CSV template in Windows-1251 with ';' — the form a
 * Russian Excel saves as «CSV (разделители — запятые)», so a school that
 * fills the CSV in Excel keeps its encoding; the reader detects it.
 *
 * Files are written under temporary names in dir and renamed when all are
 * complete; the workbooks' date is `created`, so equal runs give
 * byte-identical files.
 */
#ifndef KADRY_BLANKS_H
#define KADRY_BLANKS_H

#include <time.h>

/*
 * Writes the twelve files into dir (created when missing).  Returns 0, or
 * -1 with a message on stderr (nothing is left half-written).
 */
int blanks_write(const char *dir, time_t created);

/* The base name (no extension) of kind's form, «кадры»; NULL if none. */
const char *blanks_name(int kind);

#endif
