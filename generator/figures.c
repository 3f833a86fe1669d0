/*
 * figures.c - the table of computed figures: building, ordering, lookup and
 * the exact percent.
 */
#include "figures.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

void figures_init(struct figures *fs, struct arena *arena, const char *period)
{
	memset(fs, 0, sizeof(*fs));
	fs->arena = arena;
	fs->period = period ? arena_strdup(arena, period) : "";
}

/*
 * The lookup index: each (scope, scope_id) group's first row, found by a
 * hash of the pair.  A plain binary search over a million staff's 3
 * million figures touches ~22 scattered rows and their strings per lookup,
 * and the analysis and the writers look up hundreds of thousands of
 * figures; with the index a lookup is one hash probe and a search among
 * the group's ~100 rows.  Valid while the set is as figures_sort left it
 * (same array, same count, still sorted); otherwise the plain search.
 */
struct figures_index {
	const struct figure *v; /* the array and count it was built for */
	size_t n;
	struct strmap groups;   /* scope digit + scope_id -> group */
	size_t *first;          /* group g is [first[g], first[g + 1]) */
	struct arena keys;
};

#define INDEX_KEY 256           /* longer ids use the plain search */

static void index_free(struct figures_index *x)
{
	if (!x)
		return;
	strmap_release(&x->groups);
	free(x->first);
	arena_release(&x->keys);
	free(x);
}

/* "<scope digit><id>" into buf; false when it does not fit. */
static bool index_key(int scope, const char *id, char buf[INDEX_KEY])
{
	size_t n = strlen(id);
	if (n + 2 > INDEX_KEY)
		return false;
	buf[0] = (char)('0' + scope);
	memcpy(buf + 1, id, n + 1);
	return true;
}

static void index_build(struct figures *fs)
{
	struct figures_index *x;
	size_t ng = 0, cap = 0;
	char key[INDEX_KEY];

	index_free(fs->index);
	fs->index = NULL;
	if (fs->n < 64)         /* a binary search is as good */
		return;
	x = xcalloc(1, sizeof(*x));
	x->v = fs->v;
	x->n = fs->n;
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->v[i];
		if (i && f->scope == f[-1].scope &&
		    !strcmp(f->scope_id, f[-1].scope_id))
			continue;
		if (!index_key(f->scope, f->scope_id, key))
			goto fail;
		*VEC_PUSH(x->first, ng, cap) = i;
		strmap_put(&x->groups, arena_strdup(&x->keys, key),
			   (int)(ng - 1));
	}
	*VEC_PUSH(x->first, ng, cap) = fs->n;
	fs->index = x;
	return;
fail:
	index_free(x);
}

void figures_release(struct figures *fs)
{
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
	index_free(fs->index);
	fs->index = NULL;
}

static struct figure *add(struct figures *fs, enum scope scope,
			  const char *id, const char *name, const char *code,
			  const char *breakdown, enum figure_kind kind)
{
	struct figure *f = VEC_PUSH(fs->v, fs->n, fs->cap);
	f->scope = (uint8_t)scope;
	f->kind = (uint8_t)kind;
	f->scope_id = arena_strdup(fs->arena, id ? id : "");
	f->scope_name = arena_strdup(fs->arena, name ? name : "");
	f->code = arena_strdup(fs->arena, code);
	f->breakdown = arena_strdup(fs->arena, breakdown ? breakdown : "");
	fs->sorted = false;
	return f;
}

struct figure *figures_share(struct figures *fs, enum scope scope,
			     const char *id, const char *name, const char *code,
			     const char *breakdown, int64_t num, int64_t den)
{
	struct figure *f = add(fs, scope, id, name, code, breakdown, FK_SHARE);
	f->num = num;
	f->den = den;
	return f;
}

struct figure *figures_count(struct figures *fs, enum scope scope,
			     const char *id, const char *name, const char *code,
			     const char *breakdown, int64_t count)
{
	struct figure *f = add(fs, scope, id, name, code, breakdown, FK_COUNT);
	f->num = count;
	return f;
}

struct figure *figures_nodata(struct figures *fs, enum scope scope,
			      const char *id, const char *name, const char *code,
			      const char *breakdown, enum figure_kind kind)
{
	struct figure *f = add(fs, scope, id, name, code, breakdown, kind);
	f->nodata = true;
	return f;
}

static int cmp_key(int scope, const char *id, const char *code,
		   const char *breakdown, const struct figure *f)
{
	int c;
	if (scope != f->scope)
		return scope < f->scope ? -1 : 1;
	if ((c = strcmp(id, f->scope_id)))
		return c;
	if ((c = strcmp(code, f->code)))
		return c;
	return strcmp(breakdown, f->breakdown);
}

static int cmp_figure(const void *pa, const void *pb)
{
	const struct figure *a = pa, *b = pb;
	int c = cmp_key(a->scope, a->scope_id, a->code, a->breakdown, b);
	/* Equal keys keep insertion order: compare addresses (stable). */
	return c ? c : (a < b ? -1 : a > b);
}

void figures_sort(struct figures *fs)
{
	const struct figures_index *x = fs->index;

	if (!fs->sorted && fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_figure);
	else if (x && x->v == fs->v && x->n == fs->n)
		return;         /* sorted, and the index is current */
	fs->sorted = true;
	index_build(fs);
}

const struct figure *figures_find(const struct figures *fs, enum scope scope,
				  const char *id, const char *code,
				  const char *breakdown)
{
	const struct figures_index *x = fs->index;
	size_t lo = 0, hi = fs->n;
	char key[INDEX_KEY];

	if (!breakdown)
		breakdown = "";
	if (!id)
		id = "";
	if (x && fs->sorted && x->v == fs->v && x->n == fs->n &&
	    index_key(scope, id, key)) {
		int g = strmap_get(&x->groups, key);
		if (g < 0)
			return NULL;
		lo = x->first[g];
		hi = x->first[g + 1];
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_key(scope, id, code, breakdown, &fs->v[mid]);
		if (c == 0)
			return &fs->v[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int64_t percent_tenths(int64_t n, int64_t d)
{
	/*
	 * 1000*n/d rounded half away from zero, in integers; 128-bit, since
	 * 2000 * n overflows 64 bits from n = 4.6e15 (a hostile summary, a
	 * region's sums).
	 */
	__int128 num = (__int128)n * 2000, den = (__int128)d * 2, q;
	if ((num < 0) != (den < 0))
		q = -((-num + d) / den);
	else
		q = (num + (num < 0 ? -d : d)) / den;
	if (q > INT64_MAX)
		return INT64_MAX;
	if (q < INT64_MIN)
		return INT64_MIN;
	return (int64_t)q;
}

bool figure_tenths(const struct figure *f, int64_t *tenths)
{
	if (f->nodata)
		return false;
	if (f->kind == FK_COUNT) {
		*tenths = f->num * 10;
		return true;
	}
	if (f->den <= 0)
		return false;
	*tenths = percent_tenths(f->num, f->den);
	return true;
}

char *tenths_str(int64_t tenths, char decimal_mark, char *buf)
{
	int64_t a = tenths < 0 ? -tenths : tenths;
	snprintf(buf, 32, "%s%" PRId64 "%c%" PRId64, tenths < 0 ? "-" : "",
		 a / 10, decimal_mark, a % 10);
	return buf;
}

char *figure_value_str(const struct figure *f, char decimal_mark, char *buf)
{
	int64_t t;
	buf[0] = '\0';
	if (!figure_tenths(f, &t))
		return buf;
	if (f->kind == FK_COUNT)
		snprintf(buf, 32, "%" PRId64, f->num);
	else
		tenths_str(t, decimal_mark, buf);
	return buf;
}

const char *scope_name(enum scope scope)
{
	static const char *names[] = { "district", "org", "region" };
	return names[scope];
}

int scope_from_name(const char *s)
{
	for (int i = SCOPE_DISTRICT; i <= SCOPE_REGION; i++)
		if (!strcmp(s, scope_name(i)))
			return i;
	return -1;
}
