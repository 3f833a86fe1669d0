/*
 * field.c - typed parsers for single cells (dates, numbers, yes/no, SNILS,
 * org_id, lists), the only place PCRE2 is used for format checks.
 *
 * The patterns are compiled once (field_init, JIT when available) with one
 * match data each, so a check is one pcre2_jit_match() call with no
 * allocation.  The shared match data makes the parsers single-threaded, which
 * is how the validator runs them.  Cheap byte tests run before each pattern
 * to skip the match on obvious garbage.
 *
 * The ASCII formats (dates, numbers, SNILS) are compiled without PCRE2_UTF
 * and match bytes, so NBSP in numbers is written as its UTF-8 bytes.  org_id
 * takes Cyrillic letters: its pattern is compiled with PCRE2_UTF and lists
 * the Latin and Cyrillic letters explicitly (not \p{L}, which would also
 * admit Greek or CJK); the subject is checked with utf8_valid() first,
 * because pcre2_jit_match() does not validate UTF-8 itself.
 */
#include "field.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enums.h"
#include "utf8.h"

#define E_DATE "дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"
#define E_DATE_YEAR "дата с годом из четырёх цифр: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"
#define E_DATE_CAL "существующая дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"
#define E_NUMBER "число, например 12,5"
#define E_NUMBER_DEC "число не более чем с тремя знаками после запятой, " \
	"например 12,5"
#define E_INTEGER "целое число, например 12"
#define E_YESNO "да или нет"
#define E_SNILS "СНИЛС в виде 123-456-789 01 или 11 цифр"
#define E_SNILS_SUM "СНИЛС с верным контрольным числом"
#define E_ORG_ID "код из 1–32 букв, цифр, «.», «_», «-», начинающийся " \
	"с буквы или цифры"

/* A space-like separator: space, NBSP, narrow NBSP (U+202F). */
#define SEP "(?: |\\xC2\\xA0|\\xE2\\x80\\xAF)"
/* Letters of org_id: Latin and Cyrillic (U+0482..U+0489 are not letters). */
#define ORG_L "0-9A-Za-z\\x{0400}-\\x{0481}\\x{048A}-\\x{04FF}"
/* Excel and LibreOffice may append a midnight time to a date. */
#define TIME "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"

enum {
	P_DMY, P_DMY2, P_ISO, P_SERIAL, P_NUMBER, P_SNILS, P_ORG, P__COUNT
};

static const struct {
	const char *re;
	uint32_t flags;
} pattern_src[P__COUNT] = {
	[P_DMY] = { "^([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{4})" TIME "\\z",
		    0 },
	[P_DMY2] = { "^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{2}" TIME "\\z", 0 },
	[P_ISO] = { "^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})" TIME "\\z", 0 },
	[P_SERIAL] = { "^[0-9]{5}\\z", 0 },
	/* sign (also U+2212), digits or 3-digit groups, fraction */
	[P_NUMBER] = { "^([+-]|\\xE2\\x88\\x92)?"
		       "([0-9]+|[0-9]{1,3}(?:" SEP "[0-9]{3})+)"
		       "(?:[.,]([0-9]+))?\\z", 0 },
	[P_SNILS] = { "^([0-9]{3})(?:[- ]|\\xC2\\xA0)?([0-9]{3})"
		      "(?:[- ]|\\xC2\\xA0)?([0-9]{3})"
		      "(?:[- ]|\\xC2\\xA0)?([0-9]{2})\\z", 0 },
	[P_ORG] = { "^[" ORG_L "][" ORG_L "._-]{0,31}\\z", PCRE2_UTF },
};

static struct {
	pcre2_code *code;
	pcre2_match_data *md;
	bool jit;
} pat[P__COUNT];
static bool ready;
/* Return code of the last match: groups from it on are unset. */
static int last_rc;

void field_init(void)
{
	if (ready)
		return;
	for (int i = 0; i < P__COUNT; i++) {
		int err;
		PCRE2_SIZE off;
		pat[i].code = pcre2_compile((PCRE2_SPTR)pattern_src[i].re,
					    PCRE2_ZERO_TERMINATED,
					    pattern_src[i].flags, &err, &off,
					    NULL);
		if (!pat[i].code) {
			/* The patterns are constants: this is a bug. */
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof(msg));
			fprintf(stderr, "kadry: field pattern %d at %zu: %s\n",
				i, (size_t)off, (const char *)msg);
			abort();
		}
		pat[i].jit = pcre2_jit_compile(pat[i].code,
					       PCRE2_JIT_COMPLETE) == 0;
		pat[i].md = pcre2_match_data_create_from_pattern(pat[i].code,
								 NULL);
		if (!pat[i].md) {
			/* as arena.h: no stage can go on without memory */
			fprintf(stderr, "kadry: недостаточно памяти\n");
			exit(3);
		}
	}
	ready = true;
}

void field_release(void)
{
	if (!ready)
		return;
	for (int i = 0; i < P__COUNT; i++) {
		pcre2_match_data_free(pat[i].md);
		pcre2_code_free(pat[i].code);
		pat[i].md = NULL;
		pat[i].code = NULL;
	}
	ready = false;
}

/* Runs pattern i on s[0..n); the ovector on a match, else NULL. */
static PCRE2_SIZE *match(int i, const char *s, size_t n)
{
	int rc;
	if (!ready)
		field_init();
	if (pat[i].jit)
		rc = pcre2_jit_match(pat[i].code, (PCRE2_SPTR)s, n, 0, 0,
				     pat[i].md, NULL);
	else
		rc = pcre2_match(pat[i].code, (PCRE2_SPTR)s, n, 0,
				 PCRE2_NO_UTF_CHECK, pat[i].md, NULL);
	last_rc = rc;
	return rc > 0 ? pcre2_get_ovector_pointer(pat[i].md) : NULL;
}

/* true when capture group g of ov is set. */
static bool group_set(const PCRE2_SIZE *ov, int g)
{
	return g < last_rc && ov[2 * g] != PCRE2_UNSET;
}

/* The decimal digits of group g (separators skipped); at most 9 digits. */
static int group_int(const char *s, const PCRE2_SIZE *ov, int g)
{
	int v = 0;
	for (PCRE2_SIZE i = ov[2 * g]; i < ov[2 * g + 1]; i++)
		if (s[i] >= '0' && s[i] <= '9')
			v = v * 10 + (s[i] - '0');
	return v;
}

/* n ASCII digits at s: the fast paths before a pattern is run. */
static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* Bytes of the blank at p (space, tab, CR, LF, NBSP), or 0. */
static size_t blank_len(const char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		return 1;
	if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
		return 2;
	return 0;
}

/* s without surrounding blanks: *b gets the start, returns the length. */
static size_t span(const char *s, const char **b)
{
	size_t k, n;
	while ((k = blank_len(s)) != 0)
		s += k;
	n = strlen(s);
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			       s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
			 (unsigned char)s[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	*b = s;
	return n;
}

static void set_expected(const char **expected, const char *text)
{
	if (expected)
		*expected = text;
}

static enum field_status bad(const char **expected, const char *text)
{
	set_expected(expected, text);
	return FIELD_BAD;
}

char *field_trim(const char *s, char *out, size_t outsz)
{
	const char *b;
	size_t n = span(s, &b);
	if (outsz == 0)
		return out;
	if (n >= outsz) {
		n = outsz - 1;
		/* never cut a UTF-8 character in half */
		while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80)
			n--;
	}
	memmove(out, b, n);
	out[n] = '\0';
	return out;
}

enum field_status field_date(const char *s, kdate *out, bool *serial,
			     const char **expected)
{
	const char *b;
	size_t n = span(s, &b);
	PCRE2_SIZE *ov;
	int y, m, d;

	set_expected(expected, NULL);
	if (serial)
		*serial = false;
	if (n == 0)
		return FIELD_EMPTY;
	if (n > 19 || b[0] < '0' || b[0] > '9')
		return bad(expected, E_DATE);
	if (n == 10 && b[2] == '.' && b[5] == '.' && digits(b, 2) &&
	    digits(b + 3, 2) && digits(b + 6, 4)) {
		/* ДД.ММ.ГГГГ, nearly every date: what P_DMY would match */
		d = (b[0] - '0') * 10 + (b[1] - '0');
		m = (b[3] - '0') * 10 + (b[4] - '0');
		y = ((b[6] - '0') * 10 + (b[7] - '0')) * 100 +
			(b[8] - '0') * 10 + (b[9] - '0');
	} else if ((ov = match(P_DMY, b, n)) != NULL) {
		d = group_int(b, ov, 1);
		m = group_int(b, ov, 2);
		y = group_int(b, ov, 3);
	} else if ((ov = match(P_ISO, b, n)) != NULL) {
		y = group_int(b, ov, 1);
		m = group_int(b, ov, 2);
		d = group_int(b, ov, 3);
	} else if (match(P_SERIAL, b, n)) {
		/* 20000..80000 is 03.10.1954..11.01.2119 as an Excel serial */
		long v = strtol(b, NULL, 10);
		if (v < 20000 || v > 80000)
			return bad(expected, E_DATE);
		*out = date_from_excel(v);
		if (serial)
			*serial = true;
		return FIELD_OK;
	} else if (match(P_DMY2, b, n)) {
		return bad(expected, E_DATE_YEAR);
	} else {
		return bad(expected, E_DATE);
	}
	if (!date_valid_ymd(y, m, d))
		return bad(expected, E_DATE_CAL);
	*out = date_from_ymd(y, m, d);
	return FIELD_OK;
}

/*
 * The common part of field_number() and field_integer(): the integer part
 * in *ip (at most maxdig significant digits), the first three decimals in
 * *frac, *extra true when a nonzero digit follows them.
 */
static enum field_status parse_decimal(const char *s, int maxdig, bool *neg,
				       long long *ip, int *frac, bool *extra,
				       const char **expected, const char *what)
{
	const char *b;
	size_t n = span(s, &b);
	PCRE2_SIZE *ov;

	set_expected(expected, NULL);
	if (n == 0)
		return FIELD_EMPTY;
	/* sign, digits, separators, mark: 64 bytes is far beyond any count */
	if (n > 64)
		return bad(expected, what);
	char c = b[0];
	if (!(c >= '0' && c <= '9') && c != '-' && c != '+' &&
	    (unsigned char)c != 0xE2)
		return bad(expected, what);
	if (!(ov = match(P_NUMBER, b, n)))
		return bad(expected, what);
	*neg = group_set(ov, 1) && b[ov[2]] != '+';
	long long v = 0;
	int digits = 0;
	for (PCRE2_SIZE i = ov[4]; i < ov[5]; i++) {
		if (b[i] < '0' || b[i] > '9')
			continue;
		if (digits > 0 || b[i] != '0')
			digits++;
		if (digits > maxdig)
			return bad(expected, what);
		v = v * 10 + (b[i] - '0');
	}
	*ip = v;
	*frac = 0;
	*extra = false;
	if (group_set(ov, 3)) {
		int k = 0;
		for (PCRE2_SIZE i = ov[6]; i < ov[7]; i++, k++) {
			if (k < 3)
				*frac = *frac * 10 + (b[i] - '0');
			else if (b[i] != '0')
				*extra = true;
		}
		for (; k < 3; k++)
			*frac *= 10;
	}
	return FIELD_OK;
}

enum field_status field_number(const char *s, fix_t *out,
			       const char **expected)
{
	bool neg, extra;
	long long ip;
	int frac;
	/* 12 digits keep ip * 1000 well inside int64 */
	enum field_status st = parse_decimal(s, 12, &neg, &ip, &frac, &extra,
					     expected, E_NUMBER);
	if (st != FIELD_OK)
		return st;
	if (extra)
		return bad(expected, E_NUMBER_DEC);
	fix_t v = ip * FIX_ONE + frac;
	*out = neg ? -v : v;
	return FIELD_OK;
}

enum field_status field_integer(const char *s, long long *out,
				const char **expected)
{
	bool neg, extra;
	long long ip;
	int frac;
	/*
	 * "12,0" and "12,00" are whole (spreadsheets add decimals).  At most
	 * 9 digits: no count of people is larger, and the sums over every
	 * row of a hostile file (10 million rows per file) and their tenths
	 * then stay far inside int64.
	 */
	enum field_status st = parse_decimal(s, 9, &neg, &ip, &frac, &extra,
					     expected, E_INTEGER);
	if (st != FIELD_OK)
		return st;
	if (frac != 0 || extra)
		return bad(expected, E_INTEGER);
	*out = neg ? -ip : ip;
	return FIELD_OK;
}

enum field_status field_yesno(const char *s, bool *out, const char **expected)
{
	/* ИСТИНА/ЛОЖЬ: Russian Excel writes booleans so */
	static const struct {
		const char *text;
		bool val;
	} words[] = {
		{ "да", true }, { "нет", false }, { "д", true },
		{ "н", false }, { "+", true }, { "-", false },
		{ "1", true }, { "0", false }, { "yes", true },
		{ "no", false }, { "y", true }, { "n", false },
		{ "true", true }, { "false", false },
		{ "истина", true }, { "ложь", false },
	};
	const char *b;
	char norm[16];

	set_expected(expected, NULL);
	size_t n = span(s, &b);
	if (n == 0)
		return FIELD_EMPTY;
	/* the spellings of nearly every cell, before the normalizer */
	if ((n == 4 && !memcmp(b, "да", 4)) ||
	    (n == 6 && !memcmp(b, "нет", 6))) {
		*out = n == 4;
		return FIELD_OK;
	}
	if (n >= sizeof(norm))
		return bad(expected, E_YESNO);
	char buf[sizeof(norm)];
	memcpy(buf, b, n);
	buf[n] = '\0';
	text_normalize(buf, norm, sizeof(norm));
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(norm, words[i].text) == 0) {
			*out = words[i].val;
			return FIELD_OK;
		}
	}
	return bad(expected, E_YESNO);
}

int snils_checksum(const char digits9[9])
{
	int sum = 0;
	for (int i = 0; i < 9; i++)
		sum += (9 - i) * (digits9[i] - '0');
	if (sum < 100)
		return sum;
	if (sum == 100 || sum == 101)
		return 0;
	sum %= 101;
	return sum == 100 ? 0 : sum;
}

enum field_status field_snils(const char *s, char out[12],
			      const char **expected)
{
	const char *b;
	size_t n = span(s, &b);
	PCRE2_SIZE *ov;
	char d[12];
	int k = 0;

	set_expected(expected, NULL);
	if (n == 0)
		return FIELD_EMPTY;
	/* 11 digits plus at most three 2-byte separators */
	if (n < 11 || n > 17 || b[0] < '0' || b[0] > '9')
		return bad(expected, E_SNILS);
	/* «123-456-789 01» and 11 digits, the usual forms, match P_SNILS */
	bool usual = (n == 11 && digits(b, 11)) ||
		(n == 14 && b[3] == '-' && b[7] == '-' && b[11] == ' ' &&
		 digits(b, 3) && digits(b + 4, 3) && digits(b + 8, 3) &&
		 digits(b + 12, 2));
	if (!usual && !(ov = match(P_SNILS, b, n)))
		return bad(expected, E_SNILS);
	for (size_t i = 0; i < n && k < 11; i++)
		if (b[i] >= '0' && b[i] <= '9')
			d[k++] = b[i];
	d[11] = '\0';
	memcpy(out, d, 12);
	/* numbers up to 001-001-998 were issued before the check number */
	long first9 = 0;
	for (int i = 0; i < 9; i++)
		first9 = first9 * 10 + (d[i] - '0');
	if (first9 <= 1001998)
		return FIELD_OK;
	int check = (d[9] - '0') * 10 + (d[10] - '0');
	if (check != snils_checksum(d)) {
		set_expected(expected, E_SNILS_SUM);
		return FIELD_BAD_CHECKSUM;
	}
	return FIELD_OK;
}

enum field_status field_org_id(const char *s, const char **expected)
{
	const char *b;
	size_t n = span(s, &b);

	set_expected(expected, NULL);
	if (n == 0)
		return FIELD_EMPTY;
	/* 32 characters of at most 2 bytes each */
	if (n > 64 || !utf8_valid(b, n) || !match(P_ORG, b, n))
		return bad(expected, E_ORG_ID);
	return FIELD_OK;
}

int field_split(const char *s, const char *seps, struct arena *a,
		const char ***parts)
{
	int count = 0;
	const char *p, *q;

	*parts = NULL;
	/* first pass counts the non-empty parts, second copies them */
	for (int pass = 0; pass < 2; pass++) {
		int i = 0;
		for (p = s;; p = q + 1) {
			q = p + strcspn(p, seps);
			const char *b = p;
			size_t k;
			while (b < q && (k = blank_len(b)) != 0)
				b += k;
			const char *e = q;
			for (;;) {
				if (e > b && (e[-1] == ' ' || e[-1] == '\t' ||
					      e[-1] == '\r' || e[-1] == '\n'))
					e--;
				else if (e - b >= 2 &&
					 (unsigned char)e[-2] == 0xC2 &&
					 (unsigned char)e[-1] == 0xA0)
					e -= 2;
				else
					break;
			}
			if (e > b) {
				if (pass == 1)
					(*parts)[i] = arena_strndup(a, b,
							(size_t)(e - b));
				i++;
			}
			if (*q == '\0')
				break;
		}
		count = i;
		if (count == 0)
			return 0;
		if (pass == 0)
			*parts = arena_alloc(a, (size_t)count *
					     sizeof(**parts));
	}
	return count;
}
