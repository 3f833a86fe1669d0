/*
 * strmap.c - the string hash map behind every join.
 *
 * At a million staff the maps outgrow the caches and every lookup is a
 * string of cache misses, so a slot holds what a probe needs in one line:
 * the key's hash (a mismatch never touches the key), its value, and short
 * keys themselves (SNILS, org ids, pair keys), so that a hit on those reads
 * no other memory.  Growing rehashes from the stored hashes.
 */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "arena.h"

#define INLINE_KEY 16           /* keys shorter than this live in the slot */

struct strmap_slot {
	const char *key;        /* NULL when free */
	uint32_t hash;
	int val;
	char inl[INLINE_KEY];   /* the key when shorter, else "" */
};

/*
 * FNV-1a folded to 32 bits, with the key's length on the side.  The slot
 * index is taken from these 32 bits so that growing needs no key.
 */
static uint32_t hash(const char *s, size_t *len)
{
	const char *p = s;
	uint64_t h = 1469598103934665603ULL;
	while (*p) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211ULL;
	}
	*len = (size_t)(p - s);
	return (uint32_t)(h ^ h >> 32);
}

/* The slot of key, or the free slot where it would go. */
static struct strmap_slot *slot(const struct strmap *m, const char *key,
				uint32_t h, size_t len)
{
	size_t mask = m->cap - 1, i = h & mask;

	for (;; i = (i + 1) & mask) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash != h)
			continue;
		if (len < INLINE_KEY ? memcmp(s->inl, key, len + 1) == 0 :
		    strcmp(s->key, key) == 0)
			return s;
	}
}

int strmap_get(const struct strmap *m, const char *key)
{
	size_t len;
	if (!m->cap)
		return -1;
	uint32_t h = hash(key, &len);
	const struct strmap_slot *s = slot(m, key, h, len);
	return s->key ? s->val : -1;
}

#define HUGE_PAGE ((size_t)2 << 20)

/*
 * Zeroed slots.  A table of many megabytes (the people of a million staff:
 * 64 MiB) is asked for on transparent huge pages, where the kernel gives
 * them on request: a random probe then misses the TLB far less often.
 */
static struct strmap_slot *slots_alloc(size_t cap)
{
	size_t bytes = cap * sizeof(struct strmap_slot);
	void *p = NULL;

	if (bytes < 8 * HUGE_PAGE || posix_memalign(&p, HUGE_PAGE, bytes))
		return xcalloc(cap, sizeof(struct strmap_slot));
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	memset(p, 0, bytes);
	return p;
}

static void rehash(struct strmap *m)
{
	struct strmap n = { NULL, 0, m->cap ? m->cap * 2 : 64 };
	size_t mask = n.cap - 1;

	n.slots = slots_alloc(n.cap);
	for (size_t i = 0; i < m->cap; i++) {
		const struct strmap_slot *s = &m->slots[i];
		if (!s->key)
			continue;
		/* keys are unique: the first free slot is the place */
		size_t j = s->hash & mask;
		while (n.slots[j].key)
			j = (j + 1) & mask;
		n.slots[j] = *s;
		n.n++;
	}
	free(m->slots);
	*m = n;
}

int strmap_put(struct strmap *m, const char *key, int val)
{
	size_t len;
	if (2 * (m->n + 1) > m->cap)
		rehash(m);
	uint32_t h = hash(key, &len);
	struct strmap_slot *s = slot(m, key, h, len);
	int old = s->key ? s->val : -1;
	if (!s->key) {
		s->key = key;
		s->hash = h;
		if (len < INLINE_KEY)
			memcpy(s->inl, key, len + 1);
		else
			s->inl[0] = '\0';
		m->n++;
	}
	s->val = val;
	return old;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->n = m->cap = 0;
}
