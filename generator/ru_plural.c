/*
 * ru_plural.c - Russian plural forms of nouns after numbers.
 */
#include "ru_plural.h"

#include <inttypes.h>
#include <stdio.h>

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
