/*
 * rollup.c - the regional roll-up: reading municipal summaries, summing
 * numerators and denominators, and the `kadry rollup` run.
 */
#include "rollup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "output.h"
#include "params.h"
#include "note_rollup.h"
#include "ru_plural.h"
#include "summary.h"
#include "template.h"
#include "xlsx_rollup.h"

/* Exit statuses of outputs.md (cli.h has the same; cli.c is not here). */
enum { RC_DONE = 0, RC_REJECTED = 1, RC_USAGE = 2, RC_IO = 3 };

const struct diag_code rollup_codes[] = {
	{ "U001", SEV_ERROR, "период файла отличается от периода свода; "
	  "файл не принят" },
	{ "U002", SEV_ERROR, "муниципалитет уже был в другом файле; файл не "
	  "принят" },
	{ "U003", SEV_ERROR, "в файле нет строк уровня district "
	  "(муниципалитета); файл не принят" },
	{ "U004", SEV_ERROR, "в файле строки нескольких муниципалитетов; "
	  "файл не принят" },
	{ "U005", SEV_WARNING, "строки уровня region в файле муниципалитета "
	  "пропущены" },
	{ "U006", SEV_WARNING, "у муниципалитетов разный вид строки (доля или "
	  "число); код не сведён" },
	{ "U007", SEV_WARNING, "сумма слишком велика; значение региона не "
	  "рассчитано" },
	{ NULL, 0, NULL }
};

void rollup_init(struct rollup *r, const char *period)
{
	memset(r, 0, sizeof(*r));
	diag_init(&r->dl, &r->arena);
	r->period = arena_strdup(&r->arena, period ? period : "");
	r->region = "";
	figures_init(&r->fs, &r->arena, r->period);
}

void rollup_release(struct rollup *r)
{
	figures_release(&r->fs);
	diag_release(&r->dl);
	free(r->m);
	arena_release(&r->arena);
}

/* The whole file is not taken: its accepted rows count as rejected. */
static int reject_file(struct rollup *r, int file)
{
	struct file_report *fr = &r->dl.files[file];
	fr->rejected += fr->accepted;
	fr->accepted = 0;
	fr->file_error = true;
	return 1;
}

/* Checks the rows of one file (in tmp) and takes its district rows. */
static int take(struct rollup *r, int file, struct figures *tmp)
{
	const char *id = NULL, *name = "";
	long region_rows = 0;

	if (!tmp->n)
		return reject_file(r, file);    /* reader diagnosed it */
	for (size_t i = 0; i < tmp->n; i++) {
		const struct figure *f = &tmp->v[i];
		if (f->scope == SCOPE_REGION) {
			region_rows++;
			continue;
		}
		if (f->scope != SCOPE_DISTRICT)
			continue;
		if (!id) {
			id = f->scope_id;
			name = f->scope_name;
		} else if (strcmp(id, f->scope_id)) {
			diag_add(&r->dl, file, 0, "scope_id", SEV_ERROR,
				 "U004", f->scope_id, "в файле строки двух "
				 "муниципалитетов: «%s» и «%s»; в свод "
				 "берётся summary.csv одного муниципалитета",
				 id, f->scope_id);
			return reject_file(r, file);
		}
	}
	if (!id) {
		diag_add(&r->dl, file, 0, "scope", SEV_ERROR, "U003", NULL,
			 "в файле нет строк уровня district: это не "
			 "summary.csv муниципалитета");
		return reject_file(r, file);
	}
	if (*r->period && strcmp(r->period, tmp->period)) {
		diag_add(&r->dl, file, 0, "period", SEV_ERROR, "U001",
			 tmp->period, "период файла «%s» отличается от "
			 "периода свода «%s»%s", tmp->period, r->period,
			 r->nm ? "" : " (--period)");
		return reject_file(r, file);
	}
	for (size_t k = 0; k < r->nm; k++) {
		if (strcmp(r->m[k].id, id))
			continue;
		diag_add(&r->dl, file, 0, "scope_id", SEV_ERROR, "U002", id,
			 "муниципалитет «%s» уже взят из файла «%s»", id,
			 r->dl.files[r->m[k].file].path);
		return reject_file(r, file);
	}
	if (region_rows)
		diag_add(&r->dl, file, 0, "scope", SEV_WARNING, "U005", NULL,
			 "%ld строк уровня region пропущено: регион "
			 "пересчитывается из муниципалитетов", region_rows);
	if (!*r->period) {
		r->period = arena_strdup(&r->arena, tmp->period);
		r->fs.period = r->period;
	}
	struct rollup_muni *m = VEC_PUSH(r->m, r->nm, r->capm);
	m->id = arena_strdup(&r->arena, id);
	m->name = arena_strdup(&r->arena, *name ? name : id);
	m->file = file;
	for (size_t i = 0; i < tmp->n; i++) {
		const struct figure *f = &tmp->v[i];
		struct figure *g;
		if (f->scope != SCOPE_DISTRICT)
			continue;
		g = VEC_PUSH(r->fs.v, r->fs.n, r->fs.cap);
		*g = *f;        /* strings are in r->arena already */
	}
	r->fs.sorted = false;
	return 0;
}

static int add(struct rollup *r, const char *name, const char *data,
	       size_t len)
{
	struct figures tmp;
	int file = diag_file_add(&r->dl, name, KIND_SUMMARY);
	int n, rc;

	figures_init(&tmp, &r->arena, "");
	n = data ? summary_read_mem(data, len, file, &tmp, &r->dl)
		 : summary_read_file(name, file, &tmp, &r->dl);
	rc = n < 0 ? -1 : take(r, file, &tmp);
	figures_release(&tmp);
	return rc;
}

int rollup_add_file(struct rollup *r, const char *path)
{
	return add(r, path, NULL, 0);
}

int rollup_add_mem(struct rollup *r, const char *name, const char *data,
		   size_t len)
{
	return add(r, name, data ? data : "", len);
}

/* Analysis rows are per scope and never summed. */
static bool is_analysis(const char *code)
{
	size_t n = strlen(code);
	return !strcmp(code, "cluster") ||
	       (n > 7 && !strcmp(code + n - 7, ".status"));
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct figure *a = *(const struct figure *const *)pa;
	const struct figure *b = *(const struct figure *const *)pb;
	int c = strcmp(a->code, b->code);
	if (c)
		return c;
	if ((c = strcmp(a->breakdown, b->breakdown)))
		return c;
	return strcmp(a->scope_id, b->scope_id);
}

static int cmp_muni(const void *a, const void *b)
{
	return strcmp(((const struct rollup_muni *)a)->id,
		      ((const struct rollup_muni *)b)->id);
}

/* Sums one group g[0..n) of rows with equal code and breakdown. */
static void sum_group(struct rollup *r, const struct figure *const *g,
		      size_t n)
{
	const struct figure *f0 = g[0];
	int64_t num = 0, den = 0;
	bool any = false, mixed = false, overflow = false;
	uint8_t kind = f0->kind;

	for (size_t k = 0; k < n; k++) {
		if (g[k]->nodata)
			continue;
		if (!any)
			kind = g[k]->kind;
		else if (g[k]->kind != kind)
			mixed = true;
		any = true;
		if (__builtin_add_overflow(num, g[k]->num, &num) ||
		    (g[k]->kind == FK_SHARE &&
		     __builtin_add_overflow(den, g[k]->den, &den)))
			overflow = true;
	}
	if (mixed) {
		diag_add(&r->dl, -1, 0, NULL, SEV_WARNING, "U006", f0->code,
			 "код %s%s%s: у одних муниципалитетов доля, у других "
			 "число; в свод не включён", f0->code,
			 *f0->breakdown ? "/" : "", f0->breakdown);
		return;
	}
	if (overflow) {
		diag_add(&r->dl, -1, 0, NULL, SEV_WARNING, "U007", f0->code,
			 "код %s%s%s: сумма не помещается в 64 бита", f0->code,
			 *f0->breakdown ? "/" : "", f0->breakdown);
		any = false;
	}
	if (!any)
		figures_nodata(&r->fs, SCOPE_REGION, r->region, "", f0->code,
			       f0->breakdown, kind);
	else if (kind == FK_SHARE)
		figures_share(&r->fs, SCOPE_REGION, r->region, "", f0->code,
			      f0->breakdown, num, den);
	else
		figures_count(&r->fs, SCOPE_REGION, r->region, "", f0->code,
			      f0->breakdown, num);
}

/* «<code>.status» of the region for every code the template targets. */
static void add_statuses(struct rollup *r, size_t nsum)
{
	if (!r->t)
		return;
	for (size_t i = 0; i < r->t->ntargets; i++) {
		const char *code = r->t->targets[i].code;
		const char *sc = arena_printf(&r->arena, "%s.status", code);
		int st = RS_NODATA;
		/* the region's rows are fs->v[0..nsum), not yet sorted */
		for (size_t k = 0; k < nsum; k++) {
			const struct figure *f = &r->fs.v[k];
			int64_t v;
			if (f->scope != SCOPE_REGION || *f->breakdown ||
			    strcmp(f->code, code))
				continue;
			if (figure_tenths(f, &v)) {
				const struct tpl_target *tg =
					&r->t->targets[i];
				bool ok = tg->dir == TD_MIN ? v >= tg->tenths
							    : v <= tg->tenths;
				st = ok ? RS_ACHIEVED : RS_NOT_ACHIEVED;
			}
			break;
		}
		if (st == RS_NODATA)
			figures_nodata(&r->fs, SCOPE_REGION, r->region, "", sc,
				       "", FK_COUNT);
		else
			figures_count(&r->fs, SCOPE_REGION, r->region, "", sc,
				      "", st == RS_ACHIEVED);
	}
}

int rollup_sum(struct rollup *r, const char *region,
	       const struct template *t)
{
	size_t n = r->fs.n, nsum;
	const struct figure **ord = xmalloc((n ? n : 1) * sizeof(*ord));
	struct figures out;

	r->t = t;
	r->region = arena_strdup(&r->arena, region && *region ? region
							      : "Регион");
	if (r->nm > 1)
		qsort(r->m, r->nm, sizeof(*r->m), cmp_muni);
	for (size_t i = 0; i < n; i++)
		ord[i] = &r->fs.v[i];
	qsort(ord, n, sizeof(*ord), cmp_key);
	/*
	 * The region's rows go into a fresh set first, then the
	 * municipalities' rows after them: r->fs.v moves as it grows, so
	 * ord must not point into the set being appended to.
	 */
	figures_init(&out, &r->arena, r->period);
	struct figures in = r->fs;
	r->fs = out;
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(ord[i]->code, ord[j]->code) &&
		     !strcmp(ord[i]->breakdown, ord[j]->breakdown); j++)
			;
		if (!is_analysis(ord[i]->code))
			sum_group(r, ord + i, j - i);
	}
	nsum = r->fs.n;
	add_statuses(r, nsum);
	for (size_t i = 0; i < n; i++)
		*VEC_PUSH(r->fs.v, r->fs.n, r->fs.cap) = in.v[i];
	free(ord);
	figures_release(&in);
	figures_sort(&r->fs);
	return 0;
}

int rollup_coverage(const struct rollup *r, const char *code,
		    const char *breakdown)
{
	int n = 0;
	for (size_t k = 0; k < r->nm; k++) {
		const struct figure *f = figures_find(&r->fs, SCOPE_DISTRICT,
						      r->m[k].id, code,
						      breakdown);
		if (f && !f->nodata)
			n++;
	}
	return n;
}

int rollup_status(const struct rollup *r, int scope, const char *id,
		  const char *code, int64_t *value, int64_t *target)
{
	const struct tpl_target *tg = r->t ? template_target(r->t, code)
					   : NULL;
	const struct figure *f = figures_find(&r->fs, scope, id, code, "");
	int64_t v;
	bool has = f && figure_tenths(f, &v);

	if (value)
		*value = has ? v : 0;
	if (target)
		*target = tg ? tg->tenths : 0;
	if (!tg)
		return RS_NO_TARGET;
	if (!has)
		return RS_NODATA;
	return (tg->dir == TD_MIN ? v >= tg->tenths : v <= tg->tenths)
		       ? RS_ACHIEVED : RS_NOT_ACHIEVED;
}

const char *rollup_status_name(int status)
{
	static const char *const names[] = {
		[RS_NO_TARGET] = "цель не задана",
		[RS_NODATA] = "нет данных",
		[RS_ACHIEVED] = "достигнуто",
		[RS_NOT_ACHIEVED] = "не достигнуто",
	};
	return status >= 0 && status <= RS_NOT_ACHIEVED ? names[status] : "";
}

/* ---- the run ---- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool any_rejected(const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->nfiles; i++)
		if (dl->files[i].rejected || dl->files[i].file_error)
			return true;
	return false;
}

static int write_all(struct rollup *r, struct output *o, time_t created)
{
	FILE *f = output_open(o, "summary.csv", true);
	if (!f)
		return -1;
	if (summary_write(&r->fs, f)) {
		fclose(f);
		return -1;
	}
	if (output_close(f, "summary.csv"))
		return -1;
	if (!(f = output_open(o, "validation.csv", true)))
		return -1;
	diag_write_csv(&r->dl, f);
	if (output_close(f, "validation.csv"))
		return -1;
	if (xlsx_rollup_write(output_tmp(o, "monitoring.xlsx", true), r,
			      created))
		return -1;
	if (note_rollup_write(output_tmp(o, "report.pdf", true),
			      output_tmp(o, "report.docx", true), r, created))
		return -1;
	return 0;
}

int rollup_run(int nfiles, char **files, const char *out_root,
	       const char *template_dir, const char *period, bool force,
	       bool quiet, time_t created)
{
	struct rollup r;
	struct template t;
	struct params p;
	struct output *o = NULL;
	bool have_t = false, exists;
	int rc = RC_DONE;
	char **sorted = NULL;

	rollup_init(&r, period);
	template_init(&t);
	if (nfiles < 1) {
		fputs("kadry rollup: укажите файлы summary.csv "
		      "муниципалитетов\n", stderr);
		rc = RC_USAGE;
		goto out;
	}
	if (template_dir) {
		params_default(&p, 2000, 12);
		if (template_load(template_dir, &t, &p, stderr)) {
			rc = RC_USAGE;
			goto out;
		}
		have_t = true;
	}
	/*
	 * In byte order of their paths, whatever the order given: the
	 * outputs (file tables, diagnostics, which duplicate is refused)
	 * then do not depend on how a shell expanded a glob.
	 */
	sorted = xmalloc((size_t)nfiles * sizeof(*sorted));
	memcpy(sorted, files, (size_t)nfiles * sizeof(*sorted));
	qsort(sorted, (size_t)nfiles, sizeof(*sorted), cmp_str);
	for (int i = 0; i < nfiles; i++)
		if (rollup_add_file(&r, sorted[i]) < 0)
			rc = RC_IO;
	diag_sort(&r.dl);
	if (!quiet)
		diag_print(&r.dl, stderr);
	diag_print_table(&r.dl, stderr);
	if (rc)
		goto out;
	if (!r.nm) {
		fputs("kadry rollup: ни один файл не принят; свод не "
		      "записан\n", stderr);
		rc = RC_REJECTED;
		goto out;
	}
	rollup_sum(&r, have_t ? t.region : NULL, have_t ? &t : NULL);
	if (!(o = output_begin(out_root, r.period, force, &exists))) {
		rc = RC_IO;
		goto out;
	}
	if (write_all(&r, o, created) || output_commit(o)) {
		rc = RC_IO;
		goto out;
	}
	rc = any_rejected(&r.dl) ? RC_REJECTED : RC_DONE;
	if (!quiet)
		fprintf(stderr, "kadry: региональный свод (%zu %s) записан "
			"в %s\n", r.nm, ru_plural((int64_t)r.nm,
			"муниципалитет", "муниципалитета", "муниципалитетов"),
			output_dir(o));
out:
	free(sorted);
	output_end(o);
	template_release(&t);
	rollup_release(&r);
	return rc;
}
