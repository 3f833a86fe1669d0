/*
 * xlsx_personal.h - the personal/ workbooks: named lists and return files.
 *
 * These are the only outputs that hold personal data (ФИО, СНИЛС), and
 * they go to the department only (lists.xlsx) or back to the school that
 * sent the rows (returns/<org_id>.xlsx).  libxlsxwriter stays inside the
 * XLSX writers (this file and xlsx_write.c).
 *
 * personal/lists.xlsx: one sheet per list, each row an organization and a
 * person with the facts that put them on the list, sorted by org id, then
 * name, then SNILS:
 *   - beginners (experience < beginner_exp) who are not mentees of a pair
 *     active on the as-of date;
 *   - persons whose latest diagnostic in the window shows a deficit that no
 *     `addresses_deficit` course ending on or after it addressed;
 *   - teachers whose load summed over their rows exceeds load_limit;
 *   - teachers aged 60 and over.
 * The predicates are compute's (compute_person_facts), so the lists agree
 * with the figures exactly.  A person with rows in several organizations
 * is listed under each of them.  A list that needs a missing optional file
 * says so instead of listing everyone.
 *
 * personal/returns/<org_id>.xlsx: the school's rejected and warned rows as
 * sent (header cells and fields as written), one sheet per source file,
 * the offending cells coloured (red: error, yellow: warning), the messages
 * beside each row and Russian instructions at the top.  Only organizations
 * whose id is a safe file name get a file.
 *
 * All texts are written with worksheet_write_string after a UTF-8 check;
 * `created` is ctx->created, so the files are reproducible.
 */
#ifndef KADRY_XLSX_PERSONAL_H
#define KADRY_XLSX_PERSONAL_H

#include "report.h"

/* Staff rows above which lists.xlsx is written in constant_memory mode. */
#define XLSX_BIG_LISTS 20000

/* Writes the lists to exactly `path`.  Returns 0 or -1 (message printed). */
int xlsx_write_lists(const char *path, const struct report_ctx *ctx);

/*
 * Writes dir/<org_id>.xlsx for every organization that has diagnosed rows
 * (dir exists; the caller renames it into place).  Returns 0 or -1.
 */
int xlsx_write_returns(const char *dir, const struct report_ctx *ctx);

#endif
