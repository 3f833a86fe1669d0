/*
 * bench_read.c - the reader alone: csv_read_file over the files given with
 * a callback that only counts, timed, to set against tests/bench/floor.c.
 *
 *   bench_read FILE...
 */
#include <stdio.h>
#include <time.h>

#include "csv_read.h"

static int count(void *ctx, const struct csv_record *r)
{
	long *n = ctx;
	(void)r;
	(*n)++;
	return 0;
}

int main(int argc, char **argv)
{
	struct arena arena = ARENA_INIT;
	struct diag_list dl;
	struct timespec t0, t1;
	long records = 0;
	long long bytes = 0;

	diag_init(&dl, &arena);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 1; i < argc; i++) {
		int f = diag_file_add(&dl, argv[i], 0);
		FILE *fp = fopen(argv[i], "rb");
		if (fp) {
			fseek(fp, 0, SEEK_END);
			bytes += ftell(fp);
			fclose(fp);
		}
		if (csv_read_file(argv[i], f, NULL, count, &records, &dl) < 0)
			return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double s = (double)(t1.tv_sec - t0.tv_sec) +
		(double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lld bytes, %ld records, %zu diagnostics, %.3f s, "
	       "%.0f MB/s (%s)\n", bytes, records, dl.n, s,
	       (double)bytes / 1048576.0 / s,
	       dl.nfiles ? dl.files[0].encoding : "-");
	diag_release(&dl);
	arena_release(&arena);
	return 0;
}
