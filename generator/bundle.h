/*
 * bundle.h - the submission as one ZIP to attach to the email (--bundle).
 *
 * libzip stays inside bundle.c.  The archive is deterministic: entries in
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
 * The archive's file name, «<municipality>_<period>.zip» («Ленинский
 * муниципальный район_2026-12.zip»), into buf; characters that are unsafe
 * in a file name (/ \ : * ? " < > | and control characters) become '_'.
 * Returns buf, or NULL when size is too small.
 */
char *bundle_name(const char *municipality, const char *period, char *buf,
		  size_t size);

#endif
