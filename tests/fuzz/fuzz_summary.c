/*
 * fuzz_summary.c - libFuzzer entry point for the summary.csv reader: any
 * bytes; nothing may crash, and whatever it accepts must write out and read
 * back unchanged, without a diagnostic.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct diag_list dl, dl2;
	struct figures fs, back;
	char *out = NULL, *out2 = NULL;
	size_t len = 0, len2 = 0;
	int n, file;

	diag_init(&dl, &arena);
	diag_init(&dl2, &arena);
	figures_init(&fs, &arena, NULL);
	figures_init(&back, &arena, NULL);
	file = diag_file_add(&dl, "summary.csv", 0);
	n = summary_read_mem((const char *)data, size, file, &fs, &dl);
	if (n < 0 || (size_t)n != fs.n)
		abort();
	for (size_t i = 0; i < fs.n; i++) {
		const struct figure *f = &fs.v[i];
		if (!f->nodata && f->kind == FK_SHARE &&
		    (f->num < 0 || f->num > f->den))
			abort();
		if (!*f->code || !*f->scope_id)
			abort();
	}
	/* Round trip: the writer's output is a file the reader accepts. */
	FILE *m = open_memstream(&out, &len);
	if (!m || summary_write(&fs, m))
		abort();
	fclose(m);
	file = diag_file_add(&dl2, "back.csv", 0);
	n = summary_read_mem(out, len, file, &back, &dl2);
	if ((size_t)n != fs.n || (fs.n && dl2.errors))
		abort();
	m = open_memstream(&out2, &len2);
	if (!m || summary_write(&back, m))
		abort();
	fclose(m);
	if (len != len2 || memcmp(out, out2, len))
		abort();
	free(out);
	free(out2);
	figures_release(&fs);
	figures_release(&back);
	diag_release(&dl);
	diag_release(&dl2);
	arena_release(&arena);
	return 0;
}
