/*
 * field.h - one cell's text to a typed value.
 *
 * Each parser takes a trimmed UTF-8 cell and returns FIELD_OK, FIELD_EMPTY
 * (nothing written) or a FIELD_BAD_* status with *expected set to a Russian
 * phrase saying what was expected («дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД»),
 * for the validator's message.  Format checks go through PCRE2 patterns
 * compiled once (JIT when available); PCRE2 stays inside field.c.
 */
#ifndef KADRY_FIELD_H
#define KADRY_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "date.h"
#include "model.h"

enum field_status {
	FIELD_OK,
	FIELD_EMPTY,
	FIELD_BAD,              /* wrong form */
	FIELD_BAD_CHECKSUM      /* SNILS of the right form, wrong check number */
};

/* Compiles the patterns; call once before any parser (idempotent). */
void field_init(void);
void field_release(void);

/* Copies s without surrounding spaces/NBSP into out (at most outsz). */
char *field_trim(const char *s, char *out, size_t outsz);

/*
 * ДД.ММ.ГГГГ, Д.М.ГГГГ, ГГГГ-ММ-ДД; a bare integer 20000..80000 is an Excel
 * serial (*serial set true: the caller warns).  Two-digit years are BAD.
 */
enum field_status field_date(const char *s, kdate *out, bool *serial,
			     const char **expected);

/* Decimal with ',' or '.', spaces/NBSP as thousands separators, optional
 * sign; at most 3 decimals (fix_t). */
enum field_status field_number(const char *s, fix_t *out,
			       const char **expected);

/* A whole number (counts): like field_number with no fraction. */
enum field_status field_integer(const char *s, long long *out,
				const char **expected);

/* да/нет/+/-/1/0/yes/no/true/false, any case.  Empty is FIELD_EMPTY (the
 * caller reads it as "no"). */
enum field_status field_yesno(const char *s, bool *out, const char **expected);

/*
 * "123-456-789 01" or 11 digits (spaces and dashes allowed where the form
 * puts them).  out gets the 11 digits.  FIELD_BAD_CHECKSUM when the check
 * number is wrong (numbers up to 001-001-998 are not checked).
 */
enum field_status field_snils(const char *s, char out[12],
			      const char **expected);

/* Check number of the first nine digits (0..99), per input.md. */
int snils_checksum(const char digits9[9]);

/* org_id: 1..32 of letters (Latin/Cyrillic), digits, . _ -, starting with a
 * letter or digit. */
enum field_status field_org_id(const char *s, const char **expected);

/*
 * Splits a list cell at any of the separator characters in seps (e.g. ",/"),
 * trims the parts, drops empty ones.  Parts are arena strings; returns the
 * count (0 for an empty cell).
 */
int field_split(const char *s, const char *seps, struct arena *a,
		const char ***parts);

#endif
