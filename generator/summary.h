/*
 * summary.h - summary.csv: writing it, and reading one back without trust.
 *
 * The format is outputs.md's: UTF-8, ',' delimiter, RFC 4180 quoting, '.'
 * decimal mark, the header (summary_header)
 *   period,scope,scope_id,scope_name,code,breakdown,
 *   numerator,denominator,value
 * and rows sorted by scope, scope_id, code, breakdown.  numerator and
 * denominator are empty for "no data", the denominator is empty for counts,
 * the value is empty when there is none.
 *
 * The reader is used by --history and the regional roll-up on files that
 * came from elsewhere, so every row is checked (codes H0NN in
 * summary_codes[]); a bad row draws a diagnostic and is skipped, never
 * trusted.  A share's stated value must equal the value recomputed from its
 * numerator and denominator.  Kind (share/count) is taken from the catalogue
 * for known codes, else from the shape of the row (a denominator makes a
 * share).
 */
#ifndef KADRY_SUMMARY_H
#define KADRY_SUMMARY_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "figures.h"

/*
 * Writes fs (in summary.csv order; fs itself is not reordered) with
 * fs->period in the period column.  Returns 0, or -1 on a write error
 * (message printed).
 */
int summary_write(const struct figures *fs, FILE *out);

/*
 * Reads a summary.csv held in data[0..len) and appends its good rows to fs
 * (figures_init()ed; its arena owns the strings).  file is the index of the
 * file in dl->files (diag_file_add()), used for the diagnostics' location
 * and counts.  When fs->period is "" it is set from the first good row;
 * rows of any other period are diagnosed and skipped.  Returns the number of
 * rows accepted (a bad header: 0 and a diagnostic).
 */
int summary_read_mem(const char *data, size_t len, int file,
		     struct figures *fs, struct diag_list *dl);

/*
 * The same for the file at path.  Returns -1 when it cannot be opened or
 * read (csv_read has added its diagnostic R001 and marked the file
 * file_error).
 */
int summary_read_file(const char *path, int file, struct figures *fs,
		       struct diag_list *dl);

/* The header row, without the line end. */
extern const char summary_header[];

/* The codes this module emits. Terminated by a {NULL} entry. */
extern const struct diag_code summary_codes[];

#endif
