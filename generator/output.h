/*
 * output.h - the period folder, written atomically.
 *
 * Every output goes to a temporary name in its final folder and is renamed
 * only when the whole run succeeded (output_commit), so an interrupted or
 * failed run leaves no partial file and no half-replaced submission.  A
 * folder that already holds a submission is refused unless `force`.
 * SHA256SUMS (nettle) covers the submission files, not personal/.
 */
#ifndef KADRY_OUTPUT_H
#define KADRY_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output;

/*
 * Prepares root/period/ (creating folders).  Returns NULL with a message on
 * stderr when the folder cannot be created or written, or already holds a
 * submission (summary.csv) and force is false; *exists tells the latter.
 */
struct output *output_begin(const char *root, const char *period, bool force,
			    bool *exists);

/* The final folder ("output/2026-12"). */
const char *output_dir(const struct output *o);

/*
 * A temporary path for the output file `name` (relative to the period
 * folder, e.g. "personal/returns/sch01.xlsx"); its folders are created.
 * The file is renamed to its name by output_commit.  `submission` marks
 * files that SHA256SUMS covers.  The string belongs to o.
 */
const char *output_tmp(struct output *o, const char *name, bool submission);

/*
 * A temporary folder standing for the folder `name` (e.g.
 * "personal/returns"): output_commit moves every file in it into place,
 * after removing the files an earlier run left there.
 */
const char *output_tmpdir(struct output *o, const char *name);

/* fopen()s output_tmp(name) for writing; NULL with a message on failure. */
FILE *output_open(struct output *o, const char *name, bool submission);
/* fclose with error check; -1 with a message on failure. */
int output_close(FILE *f, const char *what);

/*
 * Removes stale personal/returns/ files of an earlier run, renames every
 * temporary into place and writes SHA256SUMS.  Returns 0 or -1.
 */
int output_commit(struct output *o);

/* Removes every temporary file; frees o.  Safe after output_commit. */
void output_end(struct output *o);

/* mkdir -p: creates path and its parents; -1 with a message on failure. */
int output_mkdir(const char *path);

/* SHA-256 of a file as 64 hex digits into hex[65]; -1 on read error. */
int sha256_file(const char *path, char hex[65]);

#endif
