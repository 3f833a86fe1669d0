/*
 * validate.h - the input folder to an accepted dataset plus diagnostics.
 *
 * validate_input() discovers the files (recursively, in byte order of their
 * relative paths), decides each file's kind (name prefix, else header), reads
 * them with csv_read in dependency order (organizations, staff, then the
 * rest), matches headers by key or Russian label, checks every rule of
 * input.md (types, ranges, cross-field, duplicates, references, program
 * consistency, mentoring duplicates) and appends accepted rows to the
 * dataset.  Every row read is either accepted or rejected, and the per-file
 * counts in dl->files always reconcile: read = accepted + rejected.
 *
 * The column schemas live in a table (schema.c), one entry per column with
 * key, Russian label, type, requiredness and enumeration.
 */
#ifndef KADRY_VALIDATE_H
#define KADRY_VALIDATE_H

#include "csv_read.h"
#include "diag.h"
#include "model.h"

struct validate_opts {
	const char *input_dir;
	enum encoding encoding;         /* --encoding, ENC_AUTO by default */
	kdate asof;                     /* the period's last day */
	struct csv_limits limits;
};

/*
 * Returns 0 when the folder was read (whatever the data problems), or -1 when
 * the input folder is missing or unreadable (message printed; exit code 3).
 * ds must be dataset_init()ed; dl diag_init()ed.
 */
int validate_input(const struct validate_opts *o, struct dataset *ds,
		   struct diag_list *dl);

/* One input file held in memory (tests and fuzzing). */
struct validate_buf {
	const char *path;       /* as if relative to the input folder */
	int kind;               /* KIND_UNKNOWN: from the name, else header */
	const char *data;
	size_t len;
};

/*
 * validate_input() over buffers instead of a folder: the files are taken in
 * the order given (their diag_list indexes follow it) and processed in
 * dependency order like a folder's.  o->input_dir is not used.  Returns 0.
 */
int validate_buffers(const struct validate_opts *o,
		     const struct validate_buf *files, int nfiles,
		     struct dataset *ds, struct diag_list *dl);

/* Kind from a file name (prefix rules), KIND_UNKNOWN when none matches. */
int validate_kind_from_name(const char *basename);

/* Canonical kind key ("staff") and Russian name ("Педагогические работники"). */
const char *kind_key(int kind);
const char *kind_name_ru(int kind);

extern const struct diag_code validate_codes[];

#endif
