/*
 * csv_write.h - writing CSV (RFC 4180) fields: validation.csv and
 * summary.csv.  Reading CSV is csv_read.h's.
 */
#ifndef KADRY_CSV_WRITE_H
#define KADRY_CSV_WRITE_H

#include <stdio.h>

/* Writes s as one RFC 4180 field (quoted when needed); NULL writes nothing. */
void csv_put_field(FILE *out, const char *s);

#endif
