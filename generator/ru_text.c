/*
 * ru_text.c - Russian typography (non-breaking spaces, digit groups, the
 * minus, dashes, quotes) and grammar (numeral agreement, case forms).
 *
 * The typography runs as a few small passes over a copy of the string,
 * each one rule, in an order where each sees the previous one's output:
 * quotes, dashes, minus, digit groups, then the non-breaking spaces.
 */
#include "ru_text.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- UTF-8 */

/* The code point at s[i] and its length in bytes (1 for bad bytes). */
static unsigned cp_at(const char *s, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (u[0] >= 0xC0 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) {
		*len = 2;
		return (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if (u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		*len = 3;
		return (unsigned)(u[0] & 0x0F) << 12 |
		       (unsigned)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	*len = u[0] ? 1 : 0;
	return u[0];
}

/* The code point ending just before s[i]; 0 at the start. */
static unsigned cp_before(const char *s, size_t i)
{
	size_t j = i, len;

	if (i == 0)
		return 0;
	do
		j--;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80 && i - j < 3);
	return cp_at(s, j, &len);
}

static bool is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(unsigned c)
{
	return (c >= 0x410 && c <= 0x42F) || c == 0x401 ||
	       (c >= 'A' && c <= 'Z');
}

static bool is_letter(unsigned c)
{
	return (c >= 0x400 && c <= 0x4FF) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static bool is_space(unsigned c)
{
	return c == ' ' || c == 0xA0 || c == '\n' || c == 0;
}

/* A growing output string (malloc'd). */
struct out {
	char *s;
	size_t len, cap;
};

static void put(struct out *o, const char *p, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->s = xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->len, p, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void puts_(struct out *o, const char *p)
{
	put(o, p, strlen(p));
}

/* ---------------------------------------------------------- quotes */

/*
 * A straight quote opens after the start, a space or an opening bracket
 * or quote, and closes otherwise; «» and „“ count too.  Each is written
 * by its depth: « » outside, „ “ inside.
 */
static char *pass_quotes(const char *s)
{
	struct out o = { 0 };
	int depth = 0;

	puts_(&o, "");
	for (size_t i = 0, n; s[i]; i += n) {
		unsigned c = cp_at(s, i, &n), prev = cp_before(s, i);
		bool open, close;

		open = c == 0xAB || c == 0x201E ||
		       ((c == '"' || c == 0x201C) &&
			(is_space(prev) || prev == '(' || prev == '[' ||
			 prev == 0xAB || prev == 0x201E ||
			 (prev == '"' && depth > 0 && i > 0 &&
			  is_space(cp_before(s, i - 1)))));
		close = !open && (c == '"' || c == 0xBB || c == 0x201C ||
				  c == 0x201D);
		if (open) {
			puts_(&o, depth++ == 0 ? "«" : "„");
		} else if (close && depth > 0) {
			puts_(&o, --depth == 0 ? "»" : "“");
		} else {
			put(&o, s + i, n);
		}
	}
	return o.s;
}

/* ----------------------------------------------------- dash, minus */

/* « - », « – », « — » between words: a non-breaking space and «—». */
static char *pass_dashes(const char *s)
{
	struct out o = { 0 };

	puts_(&o, "");
	for (size_t i = 0, n; s[i]; i += n) {
		unsigned c = cp_at(s, i, &n);

		if (c == ' ' && i > 0) {
			size_t m;
			unsigned d = cp_at(s, i + 1, &m);

			if ((d == '-' || d == 0x2013 || d == 0x2014) &&
			    s[i + 1 + m] == ' ') {
				puts_(&o, RU_NBSP "—");
				n = 1 + m;
				continue;
			}
		}
		put(&o, s + i, n);
	}
	return o.s;
}

/* A hyphen before a digit, not joined to what precedes: the minus. */
static char *pass_minus(const char *s)
{
	struct out o = { 0 };

	puts_(&o, "");
	for (size_t i = 0, n; s[i]; i += n) {
		unsigned c = cp_at(s, i, &n), prev = cp_before(s, i);

		if (c == '-' && is_digit((unsigned char)s[i + 1]) &&
		    (is_space(prev) || prev == '(' || prev == '['))
			puts_(&o, RU_MINUS);
		else
			put(&o, s + i, n);
	}
	return o.s;
}

/* ---------------------------------------------------- digit groups */

/* Whether the digits s[a..b) stand alone as a whole number. */
static bool lone_number(const char *s, size_t a, size_t b)
{
	unsigned prev = cp_before(s, a);
	size_t n;
	unsigned next = cp_at(s, b, &n);
	unsigned after = next ? cp_at(s, b + n, &n) : 0;

	if (s[a] == '0' || b - a < 5)
		return false;
	if (is_letter(prev) || is_digit(prev) || (prev && strchr(
	    ".,/_-:#", (int)prev)))
		return false;
	if (is_letter(next) || (next && strchr("/_-:", (int)next)))
		return false;
	/* «(84473)»: a telephone code */
	if (prev == '(' && next == ')')
		return false;
	/* «12345.6» or «1.12345»: a decimal point or a dotted code */
	if (next == '.' && is_digit(after))
		return false;
	return true;
}

static char *pass_groups(const char *s)
{
	struct out o = { 0 };
	size_t i = 0;

	puts_(&o, "");
	while (s[i]) {
		size_t b = i;

		if (!is_digit((unsigned char)s[i])) {
			put(&o, s + i, 1);
			i++;
			continue;
		}
		while (is_digit((unsigned char)s[b]))
			b++;
		if (lone_number(s, i, b)) {
			for (size_t k = i; k < b; k++) {
				if (k > i && (b - k) % 3 == 0)
					puts_(&o, RU_NBSP);
				put(&o, s + k, 1);
			}
		} else {
			put(&o, s + i, b - i);
		}
		i = b;
	}
	return o.s;
}

/* ------------------------------------------------ non-breaking spaces */

static const char *const units[] = {
	"%", "п. п.", "п.\xC2\xA0п.", "п.п.", "г.", "гг.", "ч", "ч.",
	"чел.", "руб.", "тыс.", "млн", "млрд", "мес.",
};

/* The unit starting at p, followed by no letter; its length or 0. */
static size_t unit_at(const char *p)
{
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		size_t l = strlen(units[k]), n;

		if (strncmp(p, units[k], l) == 0 &&
		    !is_letter(cp_at(p, l, &n)))
			return l;
	}
	return 0;
}

/* A single capital and a full stop at s[i] («Л.»): its length or 0. */
static size_t initial_at(const char *s, size_t i)
{
	size_t n;
	unsigned c = cp_at(s, i, &n);

	if (!is_upper(c) || is_letter(cp_before(s, i)) || s[i + n] != '.')
		return 0;
	return n + 1;
}

static char *pass_nbsp(const char *s)
{
	struct out o = { 0 };

	puts_(&o, "");
	for (size_t i = 0, n; s[i]; i += n) {
		unsigned c = cp_at(s, i, &n), prev = cp_before(s, i);
		size_t k;

		if (c == ' ' && i > 0) {
			bool keep = false;

			/* «9,1 %», «40,0 п. п.», «2026 г.» */
			keep |= is_digit(prev) && unit_at(s + i + 1);
			/* «№ 1» */
			keep |= prev == 0x2116;
			/* «Л. А. Петрова»: after an initial, a capital */
			if (i >= 2 && s[i - 1] == '.') {
				size_t lb = cp_before(s, i - 1) > 0x7F ? 2 : 1;

				keep |= i >= lb + 1 &&
					initial_at(s, i - 1 - lb) &&
					is_upper(cp_at(s, i + 1, &k));
			}
			/* «Петрова Л. А.»: a surname, then two initials */
			if (is_letter(prev) && (k = initial_at(s, i + 1))) {
				size_t j = i + 1 + k;

				if (s[j] == ' ' || strncmp(s + j, RU_NBSP,
							   2) == 0)
					j += s[j] == ' ' ? 1 : 2;
				/* not «Начальник Л. А. Петрова» */
				if ((k = initial_at(s, j)) > 0) {
					size_t m;

					j += k;
					if (s[j] == ' ')
						j++;
					else if (!strncmp(s + j, RU_NBSP, 2))
						j += 2;
					keep |= !is_upper(cp_at(s, j, &m));
				}
			}
			if (keep) {
				puts_(&o, RU_NBSP);
				continue;
			}
		}
		/* «Л.А.» gains its space */
		if ((k = initial_at(s, i)) && initial_at(s, i + k)) {
			put(&o, s + i, k);
			puts_(&o, RU_NBSP);
			n = k;
			continue;
		}
		/* the space inside «п. п.» */
		if (strncmp(s + i, "п. п.", strlen("п. п.")) == 0) {
			puts_(&o, "п." RU_NBSP "п.");
			n = strlen("п. п.");
			continue;
		}
		put(&o, s + i, n);
	}
	return o.s;
}

const char *ru_typeset(struct arena *ar, const char *s)
{
	char *(*const passes[])(const char *) = {
		pass_quotes, pass_dashes, pass_minus, pass_groups, pass_nbsp,
	};
	char *cur = xstrdup(s ? s : "");
	const char *r;

	for (size_t k = 0; k < sizeof(passes) / sizeof(passes[0]); k++) {
		char *next = passes[k](cur);

		free(cur);
		cur = next;
	}
	r = arena_strdup(ar, cur);
	free(cur);
	return r;
}

const char *ru_quotes(struct arena *ar, const char *s)
{
	char *q = pass_quotes(s ? s : "");
	const char *r = arena_strdup(ar, q);

	free(q);
	return r;
}

char *ru_int(int64_t n, char *buf)
{
	char digits[32], *o = buf;
	uint64_t a = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	size_t l;

	snprintf(digits, sizeof(digits), "%" PRIu64, a);
	l = strlen(digits);
	if (n < 0)
		o += sprintf(o, RU_MINUS);
	for (size_t k = 0; k < l; k++) {
		if (l >= 5 && k > 0 && (l - k) % 3 == 0)
			o += sprintf(o, RU_NBSP);
		*o++ = digits[k];
	}
	*o = '\0';
	return buf;
}

/* ---------------------------------------------------------- numerals */

const char *ru_plural(int64_t n, const char *one, const char *few,
		      const char *many)
{
	uint64_t a = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;
	unsigned d = (unsigned)(a % 10), h = (unsigned)(a % 100);

	if (h >= 11 && h <= 14)
		return many;
	if (d == 1)
		return one;
	if (d >= 2 && d <= 4)
		return few;
	return many;
}

const char *ru_agree(int64_t n, const char *one, const char *other)
{
	return ru_plural(n, one, other, other);
}

bool ru_singular(int64_t n)
{
	return ru_plural(n, "1", "", "")[0] == '1';
}

char *ru_persons(int64_t n, char *buf)
{
	snprintf(buf, 64, "%" PRId64 " %s", n,
		 ru_plural(n, "человек", "человека", "человек"));
	return buf;
}

char *ru_persons_gen(int64_t n, char *buf)
{
	snprintf(buf, 64, "%" PRId64 " %s", n,
		 ru_plural(n, "человека", "человек", "человек"));
	return buf;
}

char *ru_percent(int64_t tenths, bool decimal, char *buf)
{
	uint64_t a = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths
		: (uint64_t)tenths;
	const char *sign = tenths < 0 ? "-" : "";

	if (!decimal && a % 10 == 0) {
		int64_t whole = (int64_t)(a / 10);
		snprintf(buf, 64, "%s%" PRId64 " %s", sign, whole,
			 ru_plural(whole, "процент", "процента",
				   "процентов"));
	} else {
		snprintf(buf, 64, "%s%" PRIu64 ",%u процента", sign, a / 10,
			 (unsigned)(a % 10));
	}
	return buf;
}

const char *ru_month(int m)
{
	static const char *const names[] = {
		"январь", "февраль", "март", "апрель", "май", "июнь", "июль",
		"август", "сентябрь", "октябрь", "ноябрь", "декабрь"
	};
	return m >= 1 && m <= 12 ? names[m - 1] : "";
}

/* ----------------------------------------------------- capital letter */

/* The text with its first letter a capital (Cyrillic а-я, ё, Latin). */
const char *ru_capital(struct arena *ar, const char *s)
{
	char *r = arena_strdup(ar, s ? s : "");
	unsigned char a = (unsigned char)r[0], b = a ? (unsigned char)r[1] : 0;

	if (a >= 'a' && a <= 'z') {
		r[0] = (char)(a - 32);
	} else if (a == 0xD0 && b >= 0xB0 && b <= 0xBF) {     /* а-п */
		r[1] = (char)(b - 0x20);
	} else if (a == 0xD1 && b >= 0x80 && b <= 0x8F) {     /* р-я */
		r[0] = (char)0xD0;
		r[1] = (char)(b + 0x20);
	} else if (a == 0xD1 && b == 0x91) {                  /* ё */
		r[0] = (char)0xD0;
		r[1] = (char)0x81;
	}
	return r;
}

/* ------------------------------------------------------------- cases */

/*
 * Endings of the nominative and their dative and genitive, longest
 * first within each group; adjectives before nouns.  «-ние» is a noun
 * («управление», «объединение»), other «-ие» an adjective
 * («методические»).
 */
struct ending {
	const char *nom, *dat, *gen;
};

static const struct ending adj_endings[] = {
	{ "кий", "кому", "кого" }, { "гий", "гому", "гого" },
	{ "ый", "ому", "ого" }, { "ой", "ому", "ого" }, { "ий", "ему", "его" },
	{ "ое", "ому", "ого" }, { "ее", "ему", "его" },
	{ "ая", "ой", "ой" }, { "яя", "ей", "ей" },
	{ "ые", "ым", "ых" }, { "кие", "ким", "ких" }, { "гие", "гим", "гих" },
	{ "хие", "хим", "хих" }, { "шие", "шим", "ших" },
	{ "щие", "щим", "щих" }, { "чие", "чим", "чих" },
};

static const struct ending noun_endings[] = {
	{ "ние", "нию", "ния" }, { "тие", "тию", "тия" },
	{ "ния", "ниям", "ний" },       /* «объединения», plural */
	{ "ство", "ству", "ства" }, { "ия", "ии", "ии" },
	{ "тель", "телю", "теля" }, { "тели", "телям", "телей" },
	{ "ки", "кам", "ков" }, { "ги", "гам", "гов" },
	{ "ка", "ке", "ки" }, { "га", "ге", "ги" }, { "ша", "ше", "ши" },
	{ "а", "е", "ы" }, { "я", "е", "и" }, { "ы", "ам", "ов" },
	{ "й", "ю", "я" },
	{ "л", "лу", "ла" }, { "р", "ру", "ра" }, { "т", "ту", "та" },
	{ "н", "ну", "на" }, { "в", "ву", "ва" }, { "д", "ду", "да" },
	{ "с", "су", "са" }, { "м", "му", "ма" }, { "к", "ку", "ка" },
};

/* The ending of word (length wl) in the table, or NULL. */
static const struct ending *ending_of(const char *w, size_t wl,
				      const struct ending *e, size_t ne)
{
	for (size_t k = 0; k < ne; k++) {
		size_t l = strlen(e[k].nom);

		if (wl > l + 2 && memcmp(w + wl - l, e[k].nom, l) == 0)
			return &e[k];
	}
	return NULL;
}

/* Lowercase Cyrillic (or Latin) from its second letter: a plain word. */
static bool plain_word(const char *w, size_t wl)
{
	size_t i = 0, n;

	cp_at(w, 0, &n);
	for (i = n; i < wl; i += n) {
		unsigned c = cp_at(w, i, &n);

		if (!is_letter(c) || is_upper(c))
			return false;
	}
	return wl > 0;
}

const char *ru_case(struct arena *ar, const char *name, int rcase,
		    const char *given)
{
	struct out o = { 0 };
	const char *s = name ? name : "", *r;
	bool noun_done = false;

	if (given && *given)
		return arena_strdup(ar, given);
	puts_(&o, "");
	while (*s && !noun_done) {
		size_t wl = strcspn(s, " ");
		const struct ending *e = NULL;
		bool adj = false;

		if (plain_word(s, wl)) {
			e = ending_of(s, wl, adj_endings, sizeof(adj_endings) /
				      sizeof(adj_endings[0]));
			adj = e != NULL;
			/* «-ние» words are nouns, not adjectives */
			if (adj && wl >= 6 && memcmp(s + wl - 6, "ние", 6) == 0)
				adj = false, e = NULL;
			if (!e)
				e = ending_of(s, wl, noun_endings,
					      sizeof(noun_endings) /
					      sizeof(noun_endings[0]));
		}
		if (!e) {
			/* an unknown first word: the name as it is */
			if (o.len == 0) {
				free(o.s);
				return arena_strdup(ar, name ? name : "");
			}
			break;
		}
		put(&o, s, wl - strlen(e->nom));
		puts_(&o, rcase == RU_GENITIVE ? e->gen : e->dat);
		noun_done = !adj;
		s += wl;
		if (*s == ' ') {
			puts_(&o, " ");
			s++;
		}
	}
	puts_(&o, s);
	r = arena_strdup(ar, o.s);
	free(o.s);
	return r;
}
