/*
 * utf8.h - UTF-8 validity and repair: the checks of the readers (org_id,
 * file names) and the writers' last line of defence (invalid UTF-8
 * corrupts an XLSX file).
 */
#ifndef KADRY_UTF8_H
#define KADRY_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* true when s is valid UTF-8 (the writers validate before writing). */
bool utf8_valid(const char *s, size_t n);

/*
 * s as valid UTF-8 of at most max bytes, for the writers (invalid UTF-8
 * corrupts an XLSX file): s itself when it already is, else a copy in *buf
 * (grown as needed; the caller frees it) with each invalid byte replaced by
 * U+FFFD.  NULL gives "".  The copy is valid until the next call.
 */
const char *utf8_clean(const char *s, size_t max, char **buf, size_t *bufsz);

#endif
