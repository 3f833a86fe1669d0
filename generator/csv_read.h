/*
 * csv_read.h - bytes to records: encoding, delimiter, RFC 4180, lines.
 *
 * The reader turns one file (or a buffer) into records of UTF-8 fields and
 * knows nothing of what the columns mean.  It detects the encoding (BOM,
 * UTF-8, Windows-1251; an override wins), the delimiter (';', ',' or TAB,
 * from the header row), tokenises with libcsv in strict mode, and notes the
 * physical line on which each record starts (CRLF, LF and a lone CR end a
 * line; quoted line breaks do not start a record).  libcsv stays inside
 * csv_read.c.
 *
 * Hostile input: every cap in struct csv_limits is a diagnostic (codes R0xx)
 * and never an allocation beyond the cap; memory is bounded by the caps, not
 * by the file size.
 */
#ifndef KADRY_CSV_READ_H
#define KADRY_CSV_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

enum encoding { ENC_AUTO, ENC_UTF8, ENC_CP1251 };

struct csv_limits {
	size_t max_field;       /* bytes in one field (UTF-8), default 64 KiB */
	size_t max_record;      /* bytes in one record, default 1 MiB */
	int max_fields;         /* fields in one record, default 1024 */
	long max_records;       /* records in one file, default 10,000,000 */
	long long max_file;     /* bytes in one file, default 4 GiB */
};

#define CSV_LIMITS_DEFAULT { 64 * 1024, 1024 * 1024, 1024, 10000000L, \
			     4LL * 1024 * 1024 * 1024 }

struct csv_read_opts {
	enum encoding encoding; /* ENC_AUTO: detect per file */
	struct csv_limits limits;
};

struct csv_record {
	long line;              /* physical line where the record starts (1-based) */
	int nfields;            /* trailing empty fields already dropped */
	const char **fields;    /* UTF-8, NUL-terminated; valid during the call */
	const size_t *lens;
	bool broken;            /* the reader diagnosed it (cap, quoting): the
				   caller counts it as read and rejected */
};

/* Called for every non-blank record, the header row included.  Return
 * non-zero to stop reading. */
typedef int (*csv_record_fn)(void *ctx, const struct csv_record *rec);

/*
 * Reads the file at path; `file` is its index in dl->files, whose encoding
 * and delimiter are filled in.  Data problems are diagnostics and reading
 * goes on.  Returns 0, or -1 when the file cannot be opened or read (a
 * diagnostic has been added and the file marked file_error).
 */
int csv_read_file(const char *path, int file, const struct csv_read_opts *o,
		  csv_record_fn fn, void *ctx, struct diag_list *dl);

/* The same over a buffer (tests and fuzzing). */
int csv_read_mem(const char *data, size_t len, int file,
		 const struct csv_read_opts *o, csv_record_fn fn, void *ctx,
		 struct diag_list *dl);

/* The codes this module emits. Terminated by a {NULL} entry. */
extern const struct diag_code csv_read_codes[];

#endif
