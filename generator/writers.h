/*
 * writers.h - runs the document writers of a report into the period folder.
 *
 * monitoring.xlsx, personal/lists.xlsx, the return files, forecast.xlsx and
 * the note (report.pdf, report.docx) from one queue on two threads: the two libraries share nothing, each writer only
 * reads the context, and each file's bytes do not depend on the timing, so
 * the output stays deterministic while both cores work.
 */
#ifndef KADRY_WRITERS_H
#define KADRY_WRITERS_H

#include "output.h"
#include "report.h"

/* Writes the documents under temporary names in out.  0 or -1. */
int writers_run(const struct report_ctx *ctx, struct output *out);

#endif
