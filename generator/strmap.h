/*
 * strmap.h - string -> int index, open addressing.
 *
 * The joins of the pipeline (SNILS -> person, org_id -> organization,
 * program key -> program) go through this map so that no stage is
 * quadratic.  Keys are not copied: they must outlive the map (they live in
 * the run's arena).
 */
#ifndef KADRY_STRMAP_H
#define KADRY_STRMAP_H

#include <stddef.h>

struct strmap_slot;             /* private to strmap.c */

struct strmap {
	struct strmap_slot *slots;
	size_t n, cap;          /* cap is 0 or a power of two */
};

#define STRMAP_INIT { NULL, 0, 0 }

/* Value of key, or -1 when absent. */
int strmap_get(const struct strmap *m, const char *key);
/* Sets key to val; returns the previous value or -1. */
int strmap_put(struct strmap *m, const char *key, int val);
void strmap_release(struct strmap *m);

#endif
