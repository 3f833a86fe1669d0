/*
 * strmap.c - the string hash map behind every join.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;       /* FNV-1a */
	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static size_t slot(const struct strmap *m, const char *key)
{
	size_t mask = m->cap - 1, i = hash(key) & mask;
	while (m->keys[i] && strcmp(m->keys[i], key))
		i = (i + 1) & mask;
	return i;
}

int strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return -1;
	size_t i = slot(m, key);
	return m->keys[i] ? m->vals[i] : -1;
}

static void rehash(struct strmap *m)
{
	struct strmap n = { NULL, NULL, 0, m->cap ? m->cap * 2 : 64 };
	n.keys = xcalloc(n.cap, sizeof(*n.keys));
	n.vals = xcalloc(n.cap, sizeof(*n.vals));
	for (size_t i = 0; i < m->cap; i++) {
		if (m->keys[i]) {
			size_t j = slot(&n, m->keys[i]);
			n.keys[j] = m->keys[i];
			n.vals[j] = m->vals[i];
			n.n++;
		}
	}
	strmap_release(m);
	*m = n;
}

int strmap_put(struct strmap *m, const char *key, int val)
{
	if (2 * (m->n + 1) > m->cap)
		rehash(m);
	size_t i = slot(m, key);
	int old = m->keys[i] ? m->vals[i] : -1;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
	return old;
}

void strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->n = m->cap = 0;
}
