/*
 * fuzz_field.c - libFuzzer target for the cell parsers (field.c) and the
 * enumeration lookups and text normalization (enums.c).
 *
 * Besides crashes and sanitizer reports it checks the invariants callers rely
 * on: OK results are in range, normalization is idempotent and keeps valid
 * UTF-8 valid, trimming and splitting give no surrounding blanks.
 */
#include "field.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "enums.h"
#include "utf8.h"

/* Aborts (a finding) when an invariant fails. */
static void check(int ok)
{
	if (!ok)
		abort();
}

static int is_blank_edge(const char *s)
{
	size_t n = strlen(s);
	if (n == 0)
		return 0;
	return s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	       s[n - 1] == '\t';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	field_init();

	const char *ex;
	kdate d;
	bool serial, yn;
	fix_t f;
	long long ll;
	char sn[12];

	if (field_date(s, &d, &serial, &ex) == FIELD_OK) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		check(date_valid_ymd(y, m, dd));
	} else {
		check(ex == NULL || ex[0] != '\0');
	}
	if (field_number(s, &f, &ex) == FIELD_OK)
		check(f > -1000000000000000LL && f < 1000000000000000LL);
	if (field_integer(s, &ll, &ex) == FIELD_OK)
		check(ll > -1000000000000000000LL &&
		      ll < 1000000000000000000LL);
	field_yesno(s, &yn, &ex);
	enum field_status st = field_snils(s, sn, &ex);
	if (st == FIELD_OK || st == FIELD_BAD_CHECKSUM) {
		check(strlen(sn) == 11);
		for (int i = 0; i < 11; i++)
			check(sn[i] >= '0' && sn[i] <= '9');
		check(snils_checksum(sn) >= 0 && snils_checksum(sn) < 100);
	}
	field_org_id(s, &ex);

	bool valid = utf8_valid(s, size);
	char *t = malloc(size + 1);
	char small[8];
	if (t) {
		field_trim(s, t, size + 1);
		check(!is_blank_edge(t));
		field_trim(s, small, sizeof(small));
		check(strlen(small) < sizeof(small));

		/* normalization never grows the text, so size + 1 fits */
		char *n1 = malloc(size + 1), *n2 = malloc(size + 1);
		if (n1 && n2) {
			text_normalize(s, n1, size + 1);
			text_normalize(n1, n2, size + 1);
			check(strcmp(n1, n2) == 0);
			if (valid && strlen(s) == size)
				check(utf8_valid(n1, strlen(n1)));
			/* in place gives the same */
			strcpy(n2, s);
			text_normalize(n2, n2, size + 1);
			check(strcmp(n1, n2) == 0);
		}
		free(n1);
		free(n2);
		text_normalize(s, small, sizeof(small));
		check(strlen(small) < sizeof(small));
		if (valid && strlen(s) == size)
			check(utf8_valid(small, strlen(small)));
	}
	free(t);

	for (int e = 0; e < EN__COUNT; e++) {
		int v = enum_lookup(e, s);
		check(v >= 0 && v < enum_size(e));
	}
	int subj;
	int pos = position_lookup(s, &subj);
	check(pos >= 0 && pos < POS__COUNT);
	check(subj >= 0 && subj < SUBJ__COUNT);

	struct arena a = ARENA_INIT;
	const char **parts;
	int np = field_split(s, ",/", &a, &parts);
	for (int i = 0; i < np; i++) {
		check(parts[i][0] != '\0');
		check(!is_blank_edge(parts[i]));
		check(strpbrk(parts[i], ",/") == NULL);
	}
	arena_release(&a);
	free(s);
	return 0;
}
