/*
 * fuzz_csv_read.c - libFuzzer entry point for the CSV reader: any bytes,
 * small caps, nothing may crash, hang or leak.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_read.h"

struct seen {
	long records;
	long last_line;
};

static int on_record(void *ctx, const struct csv_record *r)
{
	struct seen *s = ctx;

	/* The contract the callers rely on. */
	if (r->line < 1 || r->line < s->last_line || r->nfields < 0)
		abort();
	for (int i = 0; i < r->nfields; i++)
		if (strlen(r->fields[i]) != r->lens[i] || r->lens[i] > 256)
			abort();
	if (r->nfields > 16)
		abort();
	if (!r->broken && r->nfields == 0)
		abort();
	s->last_line = r->line;
	s->records++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena arena = ARENA_INIT;
	struct diag_list dl;
	struct seen seen = { 0, 0 };
	struct csv_read_opts o = {
		ENC_AUTO, { 256, 1024, 16, 1000, 1 << 20 }
	};
	int file;

	/* The first byte picks the encoding override. */
	if (size > 0) {
		o.encoding = data[0] % 3 == 0 ? ENC_AUTO :
			data[0] % 3 == 1 ? ENC_UTF8 : ENC_CP1251;
		data++;
		size--;
	}
	diag_init(&dl, &arena);
	file = diag_file_add(&dl, "fuzz.csv", 0);
	csv_read_mem((const char *)data, size, file, &o, on_record, &seen,
		     &dl);
	if (seen.records > 1000 + 1)
		abort();
	diag_release(&dl);
	arena_release(&arena);
	return 0;
}
