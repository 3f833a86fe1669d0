/*
 * history.c - earlier summaries for the dynamics: finding, filtering,
 * keying them by period, and the year rows of I16-I18.
 */
#include "history.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "errno_ru.h"
#include "summary.h"

#define MAX_DEPTH 32

struct paths {
	char **v;
	size_t n, cap;
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects dir/../summary.csv; real directories only (no symlink loops). */
static int walk(const char *dir, int depth, struct paths *ps)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		struct stat st;
		char *path;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		path = xmalloc(strlen(dir) + strlen(e->d_name) + 2);
		sprintf(path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st)) {
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode) && depth < MAX_DEPTH) {
			walk(path, depth + 1, ps);
			free(path);
		} else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) &&
			   !strcmp(e->d_name, "summary.csv")) {
			*VEC_PUSH(ps->v, ps->n, ps->cap) = path;
		} else {
			free(path);
		}
	}
	closedir(d);
	return 0;
}

static bool wanted(const struct params *p, int y, int m)
{
	if (m == p->month && (y == p->year - 1 || y == p->year - 2))
		return true;
	/* A December run also compares with that year's July. */
	return p->month == 12 && y == p->year && m == 7;
}

static void copy_diags(struct diag_list *dl, int file,
		       const struct diag_list *tmp)
{
	const struct file_report *src = &tmp->files[0];
	struct file_report *dst = &dl->files[file];
	for (size_t i = 0; i < tmp->n; i++) {
		const struct diag *d = &tmp->v[i];
		diag_add(dl, file, d->line, d->column, d->sev, d->code,
			 d->value, "%s", d->message);
	}
	dst->encoding = src->encoding;
	dst->delimiter = src->delimiter;
	dst->read = src->read;
	dst->accepted = src->accepted;
	dst->rejected = src->rejected;
	dst->file_error = src->file_error;
}

/* hist's breakdown for an earlier figure: "period:P" or "period:P;bd". */
static const char *key_bd(char *buf, size_t sz, int y, int m,
			  const char *bd)
{
	snprintf(buf, sz, "period:%04d-%02d%s%s", y, m, *bd ? ";" : "", bd);
	return buf;
}

static void add_like(struct figures *fs, enum scope sc, const char *id,
		     const char *name, const char *code, const char *bd,
		     const struct figure *f)
{
	if (f->nodata)
		figures_nodata(fs, sc, id, name, code, bd, f->kind);
	else if (f->kind == FK_COUNT)
		figures_count(fs, sc, id, name, code, bd, f->num);
	else
		figures_share(fs, sc, id, name, code, bd, f->num, f->den);
}

/* Moves tmp's figures into hist, keyed by period. */
static void keep(struct figures *hist, const struct figures *tmp, int y,
		 int m)
{
	char *buf = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < tmp->n; i++) {
		const struct figure *f = &tmp->v[i];
		size_t need = strlen(f->breakdown) + 32;
		const char *id = f->scope_id, *name = f->scope_name;
		/* A run with --history wrote year rows of its own: they are
		 * derived, and re-keying them would nest years. */
		if (!strncmp(f->breakdown, "year:", 5))
			continue;
		if (need > cap) {
			cap = need * 2;
			buf = xrealloc(buf, cap);
		}
		if (f->scope == SCOPE_DISTRICT) {
			/* One district per file: its name may change. */
			name = *name ? name : id;
			id = "";
		}
		add_like(hist, f->scope, id, name, f->code,
			 key_bd(buf, cap, y, m, f->breakdown), f);
	}
	free(buf);
}

int history_load(const char *dir, const struct params *p,
		 struct figures *hist, struct diag_list *dl)
{
	struct paths ps = { 0 };
	int kept[3] = { 0 }, nkept = 0;
	struct stat st;

	errno = 0;
	if (stat(dir, &st) || !S_ISDIR(st.st_mode) || walk(dir, 0, &ps)) {
		int e = errno;
		fprintf(stderr, "kadry: %s: не удалось прочитать папку "
			"истории: %s\n", dir,
			!e ? "это не папка" :
			e == ENOENT ? "папка не найдена" :
			e == EACCES ? "нет прав на чтение" : errno_ru(e));
		return -1;
	}
	/* No summary.csv at all (the first year) leaves ps.v NULL, which
	   qsort must not get. */
	if (ps.n > 1)
		qsort(ps.v, ps.n, sizeof(*ps.v), cmp_str);
	for (size_t i = 0; i < ps.n; i++) {
		struct arena a = ARENA_INIT;
		struct diag_list tmpdl;
		struct figures tmp;
		int y = 0, m = 0, file, yyyymm;
		bool dup = false;

		/* Read with scratch diagnostics: files of periods we do not
		 * need stay silent. */
		diag_init(&tmpdl, &a);
		diag_file_add(&tmpdl, ps.v[i], KIND_UNKNOWN);
		figures_init(&tmp, &a, NULL);
		summary_read_file(ps.v[i], 0, &tmp, &tmpdl);
		if (*tmp.period)
			sscanf(tmp.period, "%d-%d", &y, &m);
		yyyymm = y * 100 + m;
		for (int k = 0; k < nkept; k++)
			dup |= kept[k] == yyyymm;
		if (!*tmp.period || (wanted(p, y, m) && !dup)) {
			file = diag_file_add(dl, ps.v[i], KIND_SUMMARY);
			copy_diags(dl, file, &tmpdl);
			if (!*tmp.period) {
				diag_add(dl, file, 0, NULL, SEV_WARNING,
					 "H021", NULL, "файл истории "
					 "пропущен: в нём нет ни одной "
					 "принятой строки с периодом");
			} else {
				keep(hist, &tmp, y, m);
				kept[nkept++] = yyyymm;
			}
		} else if (wanted(p, y, m)) {
			file = diag_file_add(dl, ps.v[i], KIND_SUMMARY);
			diag_add(dl, file, 0, NULL, SEV_WARNING, "H020",
				 tmp.period, "файл истории за период %s "
				 "пропущен: этот период уже взят из другого "
				 "файла", tmp.period);
		}
		figures_release(&tmp);
		diag_release(&tmpdl);
		arena_release(&a);
		free(ps.v[i]);
	}
	free(ps.v);
	figures_sort(hist);
	return nkept;
}

const struct figure *history_find(const struct figures *hist, int year,
				  int month, enum scope scope,
				  const char *scope_id, const char *code,
				  const char *breakdown)
{
	char small[256];
	char *buf = small;
	size_t need;
	const struct figure *f;
	if (!breakdown)
		breakdown = "";
	need = strlen(breakdown) + 32;
	if (need > sizeof(small))
		buf = xmalloc(need);
	key_bd(buf, need > sizeof(small) ? need : sizeof(small), year, month,
	       breakdown);
	f = figures_find(hist, scope,
			 scope == SCOPE_DISTRICT ? "" :
			 (scope_id ? scope_id : ""), code, buf);
	if (buf != small)
		free(buf);
	return f;
}

bool history_value(const struct figures *hist, int year, int month,
		   const char *code, const char *breakdown,
		   const struct figure **out)
{
	*out = history_find(hist, year, month, SCOPE_DISTRICT, NULL, code,
			    breakdown);
	return *out != NULL;
}

size_t history_periods(const struct figures *hist, int *yyyymm, size_t max)
{
	int found[64];
	size_t n = 0;
	for (size_t i = 0; i < hist->n; i++) {
		int y, m;
		size_t k;
		const char *b = hist->v[i].breakdown;
		if (sscanf(b, "period:%4d-%2d", &y, &m) != 2)
			continue;
		int v = y * 100 + m;
		for (k = 0; k < n && found[k] != v; k++)
			;
		if (k == n && n < sizeof(found) / sizeof(found[0]))
			found[n++] = v;
	}
	/* Ascending; a handful of periods, insertion sort. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && found[j - 1] > found[j]; j--) {
			int t = found[j];
			found[j] = found[j - 1];
			found[j - 1] = t;
		}
	for (size_t i = 0; i < n && i < max; i++)
		yyyymm[i] = found[i];
	return n;
}

/* Adds "year:Y[;rest]" to cur from hist's figure, when hist holds it. */
static void add_year(struct figures *cur, const struct figures *hist,
		     int y, int m, enum scope sc, const char *id,
		     const char *name, const char *code, const char *rest)
{
	const struct figure *f = history_find(hist, y, m, sc, id, code, rest);
	char *bd;
	if (!f)
		return;
	bd = arena_printf(cur->arena, "year:%04d%s%s", y, *rest ? ";" : "",
			  rest);
	add_like(cur, sc, id, name, code, bd, f);
}

void history_apply(struct figures *cur, const struct figures *hist,
		   const struct params *p)
{
	static const char *const org_codes[] = { "I16", "I17" };
	const char *did = NULL, *dname = NULL;
	size_t n0 = cur->n;
	int y1 = p->year - 1;

	for (size_t i = 0; i < n0 && !did; i++)
		if (cur->v[i].scope == SCOPE_DISTRICT) {
			did = cur->v[i].scope_id;
			dname = cur->v[i].scope_name;
		}
	if (!did || !hist->n)
		return;
	for (int y = p->year - 2; y <= y1; y++)
		for (size_t c = 0; c < 2; c++)
			add_year(cur, hist, y, p->month, SCOPE_DISTRICT, did,
				 dname, org_codes[c], "");
	/* I18: the previous year only ("за два года"), total and subjects. */
	add_year(cur, hist, y1, p->month, SCOPE_DISTRICT, did, dname, "I18",
		 "");
	{
		char pre[40];
		size_t np = (size_t)snprintf(pre, sizeof(pre),
					     "period:%04d-%02d;", y1,
					     p->month);
		for (size_t i = 0; i < hist->n; i++) {
			const struct figure *f = &hist->v[i];
			if (f->scope != SCOPE_DISTRICT ||
			    strcmp(f->code, "I18") ||
			    strncmp(f->breakdown, pre, np) ||
			    strncmp(f->breakdown + np, "subject:", 8))
				continue;
			add_year(cur, hist, y1, p->month, SCOPE_DISTRICT, did,
				 dname, "I18", f->breakdown + np);
		}
	}
	/* I16, I17 per organization of the current run. */
	for (size_t i = 0; i < n0; i++) {
		const char *id = cur->v[i].scope_id, *name;
		const char *code = cur->v[i].code;
		if (cur->v[i].scope != SCOPE_ORG || *cur->v[i].breakdown ||
		    (strcmp(code, "I16") && strcmp(code, "I17")))
			continue;
		name = cur->v[i].scope_name;
		for (int y = p->year - 2; y <= y1; y++)
			add_year(cur, hist, y, p->month, SCOPE_ORG, id, name,
				 code, "");
	}
}

bool history_change(const struct figure *cur, const struct figure *earlier,
		    int64_t *delta)
{
	int64_t a, b;
	if (!cur || !earlier || cur->kind != earlier->kind ||
	    !figure_tenths(cur, &a) || !figure_tenths(earlier, &b))
		return false;
	*delta = cur->kind == FK_COUNT ? cur->num - earlier->num : a - b;
	return true;
}

char *history_change_str(const struct figure *cur,
			 const struct figure *earlier, char decimal_mark,
			 char *buf)
{
	int64_t d;
	buf[0] = '\0';
	if (!history_change(cur, earlier, &d))
		return buf;
	if (cur->kind == FK_COUNT) {
		snprintf(buf, 32, "%s%" PRId64, d > 0 ? "+" : "", d);
		return buf;
	}
	char t[32];
	snprintf(buf, 32, "%s%s", d > 0 ? "+" : "",
		 tenths_str(d, decimal_mark, t));
	return buf;
}
