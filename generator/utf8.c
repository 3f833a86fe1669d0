/*
 * utf8.c - UTF-8 validation (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF) and repair with U+FFFD.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

bool utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned lo = 0x80, hi = 0xBF;  /* range of the 2nd byte */
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			if (c == 0xE0)
				lo = 0xA0;      /* overlong */
			else if (c == 0xED)
				hi = 0x9F;      /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;      /* above U+10FFFF */
		} else {
			return false;
		}
		if (n - i < len || s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (size_t k = 2; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

const char *utf8_clean(const char *s, size_t max, char **buf, size_t *bufsz)
{
	size_t n, i = 0, o = 0;

	if (!s)
		return "";
	n = strlen(s);
	if (n <= max && utf8_valid(s, n))
		return s;
	if (*bufsz < max + 8) {
		free(*buf);
		*bufsz = max + 8;
		*buf = xmalloc(*bufsz);
	}
	while (i < n && o < max) {
		unsigned char b = (unsigned char)s[i];
		size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
		if (i + len <= n && utf8_valid(s + i, len)) {
			memcpy(*buf + o, s + i, len);
			o += len;
			i += len;
		} else {
			memcpy(*buf + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		}
	}
	(*buf)[o] = '\0';
	return *buf;
}
