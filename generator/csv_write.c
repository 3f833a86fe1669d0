/*
 * csv_write.c - RFC 4180 fields for the CSV files kadry writes.
 */
#include "csv_write.h"

#include <string.h>

void csv_put_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}
