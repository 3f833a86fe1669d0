/*
 * floor.c - the raw floor for the benchmarks: read every file given and
 * tokenise it with libcsv (strict, ';'), doing nothing with the fields.
 * Kadry's read+validate time is quoted as a ratio to this.
 *
 *   floor FILE...
 *
 * Prints the counts and the wall time in seconds (the last field), timed
 * inside so that small inputs are measured below the shell's resolution.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long fields, records;

static void on_field(void *s, size_t n, void *data)
{
	(void)s, (void)n, (void)data;
	fields++;
}

static void on_record(int c, void *data)
{
	(void)c, (void)data;
	records++;
}

int main(int argc, char **argv)
{
	static char buf[1 << 20];
	long long bytes = 0;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);

	for (int i = 1; i < argc; i++) {
		struct csv_parser p;
		FILE *f = fopen(argv[i], "rb");
		size_t n;
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
		csv_set_delim(&p, ';');
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
			bytes += (long long)n;
			csv_parse(&p, buf, n, on_field, on_record, NULL);
		}
		csv_fini(&p, on_field, on_record, NULL);
		csv_free(&p);
		fclose(f);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%lld bytes, %ld records, %ld fields, %.4f s\n", bytes, records,
	       fields, (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
