/*
 * timing.h - wall time per pipeline stage, for `make bench`.
 *
 * With KADRY_TIMING=1 in the environment, `kadry report` prints one line
 * per stage and the peak RSS on stderr at the end ("timing: read+validate
 * 1.234 s").  Costs nothing measurable otherwise.
 */
#ifndef KADRY_TIMING_H
#define KADRY_TIMING_H

#include <stdio.h>

/* Seconds on the monotonic clock. */
double timing_now(void);
/* Ends the current stage at now, naming it; the next stage starts now. */
void timing_mark(const char *stage);
/* Records a stage measured elsewhere (a writer thread). */
void timing_add(const char *stage, double seconds);
/* Prints the stages and the peak RSS when KADRY_TIMING is set. */
void timing_print(FILE *out);

#endif
