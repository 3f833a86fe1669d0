/*
 * arena.h - one memory pool per run.
 *
 * A batch run allocates many small strings and rows and frees them all at
 * once at the end, so everything that lives as long as the run comes from an
 * arena (the shape of git's mem-pool.h).  Allocation never fails: on
 * exhaustion of the system's memory the program stops with a message, since
 * no stage can do anything useful without memory.
 *
 * Ownership: memory from arena_*() belongs to the arena and is released by
 * arena_release(); never free(3) it.
 */
#ifndef KADRY_ARENA_H
#define KADRY_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;           /* bytes handed out, for the benchmarks */
};

#define ARENA_INIT { NULL, 0 }

void *arena_alloc(struct arena *a, size_t size);      /* zeroed, aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
void arena_release(struct arena *a);

/*
 * Growable arrays outside the arena (they move when they grow).
 * VEC_PUSH(v, n, cap) makes room for one more element and evaluates to a
 * pointer to the new, zeroed element v[n-1].
 */
void *vec_grow(void *v, size_t *cap, size_t need, size_t elem);
#define VEC_PUSH(v, n, cap) \
	((v) = vec_grow((v), &(cap), (n) + 1, sizeof(*(v))), &(v)[(n)++])

/* malloc/realloc that stop the program with a message on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
