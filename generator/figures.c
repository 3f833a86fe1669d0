/*
 * figures.c - the table of computed figures: building, ordering, lookup and
 * the exact percent.
 */
#include "figures.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void figures_init(struct figures *fs, struct arena *arena, const char *period)
{
	memset(fs, 0, sizeof(*fs));
	fs->arena = arena;
	fs->period = period ? arena_strdup(arena, period) : "";
}

void figures_release(struct figures *fs)
{
	free(fs->v);
	fs->v = NULL;
	fs->n = fs->cap = 0;
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
	if (!fs->sorted && fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), cmp_figure);
	fs->sorted = true;
}

const struct figure *figures_find(const struct figures *fs, enum scope scope,
				  const char *id, const char *code,
				  const char *breakdown)
{
	size_t lo = 0, hi = fs->n;
	if (!breakdown)
		breakdown = "";
	if (!id)
		id = "";
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
	/* 1000*n/d rounded half away from zero, in integers. */
	int64_t num = 2000 * n, den = 2 * d;
	if ((num < 0) != (den < 0))
		return -((-num + d) / den);
	return (num + (num < 0 ? -d : d)) / den;
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
