/*
 * timing.c - stage timer of the benchmarks.
 */
#include "timing.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_STAGES 16

static struct {
	const char *name;
	double seconds;
} stages[MAX_STAGES];
static int nstages;
static double last = -1, first = -1;

double timing_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void timing_add(const char *stage, double seconds)
{
	if (nstages < MAX_STAGES) {
		stages[nstages].name = stage;
		stages[nstages].seconds = seconds;
		nstages++;
	}
}

void timing_mark(const char *stage)
{
	double now = timing_now();
	if (last < 0) {
		first = last = now;
		if (!stage)
			return;
	}
	if (stage)
		timing_add(stage, now - last);
	last = now;
}

void timing_print(FILE *out)
{
	struct rusage ru;
	const char *env = getenv("KADRY_TIMING");

	if (!env || !*env || *env == '0')
		return;
	for (int i = 0; i < nstages; i++)
		fprintf(out, "timing: %s %.3f s\n", stages[i].name,
			stages[i].seconds);
	if (first >= 0)
		fprintf(out, "timing: total %.3f s\n", timing_now() - first);
	getrusage(RUSAGE_SELF, &ru);
	fprintf(out, "timing: peak_rss %ld KiB\n", ru.ru_maxrss);
}
