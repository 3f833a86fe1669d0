/*
 * bundle.h - the submission as one ZIP to attach to the email (--bundle).
 *
 * libzip stays inside bundle.c (report.docx is zipped here too, see
 * bundle_write_mem()).  The archive is deterministic: entries in
 * the order given, each with the same fixed date (from SOURCE_DATE_EPOCH,
 * taken as UTC, not local time), the same Unix permissions (0644) and
 * deflate at level 9, so two runs give byte-identical files.  libzip writes
 * the archive under a temporary name beside zip_path and renames it when
 * complete, so a failed run leaves no partial ZIP.
 */
#ifndef KADRY_BUNDLE_H
#define KADRY_BUNDLE_H

#include <stddef.h>
#include <time.h>

/*
 * Writes zip_path holding the files dir/names[i] (i = 0..n-1) under the
 * entry names names[i] (UTF-8, flagged as such), in that order.  Returns 0,
 * or -1 with a message on stderr (a file unreadable, the archive not
 * writable).
 */
int bundle_write(const char *zip_path, const char *dir,
		 const char *const *names, size_t n, time_t mtime);

/*
 * An entry held in memory: its name in the archive and its bytes.
 */
struct bundle_entry {
	const char *name;
	const void *data;
	size_t len;
};

/*
 * Writes zip_path holding the n entries in that order, with the same fixed
 * date, permissions and compression as bundle_write() (report.docx is
 * such an archive).  The data must stay valid until the call returns.
 * Returns 0, or -1 with a message on stderr.
 */
int bundle_write_mem(const char *zip_path, const struct bundle_entry *e,
		     size_t n, time_t mtime);

/*
 * The archive's file name, «<municipality>_<period>.zip» («Ленинский
 * муниципальный район_2026-12.zip»), into buf; characters that are unsafe
 * in a file name (/ \ : * ? " < > | and control characters) become '_'.
 * Returns buf, or NULL when size is too small.
 */
char *bundle_name(const char *municipality, const char *period, char *buf,
		  size_t size);

#endif
