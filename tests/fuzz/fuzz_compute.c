/*
 * fuzz_compute.c - libFuzzer entry point for what hostile values reach
 * after validation: the input is up to six files (organizations, staff,
 * diagnostics, courses, mentoring, vacancies) separated by the byte 0x01,
 * validated, then computed (compute.c, catalog.c), analysed (analysis.c)
 * and written as summary.csv.  Nothing may crash, overflow or leak, and the
 * figures keep the invariants the writers rely on.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "compute.h"
#include "summary.h"
#include "template.h"
#include "validate.h"

static const char tpl[] =
	"[department]\nname = О\ndistrict = Р\n"
	"[signature]\nposition = Н\nname = П\n[targets]\nI01 = 50\n";

static const char *const names[6] = {
	"organizations.csv", "staff.csv", "diagnostics.csv", "courses.csv",
	"mentoring.csv", "vacancies.csv"
};

/* A failed invariant is a finding; the message says which one. */
#define check(ok) \
	do { \
		if (!(ok)) { \
			fprintf(stderr, "fuzz_compute.c:%d: %s\n", \
				__LINE__, #ok); \
			abort(); \
		} \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct validate_buf files[6];
	struct validate_opts o = {
		NULL, ENC_AUTO, 0, { 256, 4096, 32, 2000, 1 << 20 }
	};
	struct dataset ds;
	struct diag_list dl;
	struct template t;
	struct params p;
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct analysis an;
	const char *s = (const char *)data, *end = s + size;
	int n = 0;

	while (n < 6) {
		const char *sep = memchr(s, 1, (size_t)(end - s));
		const char *e = sep ? sep : end;
		files[n] = (struct validate_buf){ names[n], KIND_ORGS + n, s,
						  (size_t)(e - s) };
		n++;
		if (!sep)
			break;
		s = sep + 1;
	}
	params_default(&p, 2026, 12);
	template_init(&t);
	if (template_parse(&t, &p, "template.ini", tpl, strlen(tpl), NULL) ||
	    template_finish(&t, &p, NULL))
		check(!"template");
	o.asof = p.asof;
	dataset_init(&ds);
	diag_init(&dl, &ds.arena);
	validate_buffers(&o, files, n, &ds, &dl);

	figures_init(&fs, &ar, p.period);
	check(compute_figures(&ds, &p, NULL, &fs) == 0);
	for (size_t i = 0; i < fs.n; i++) {
		const struct figure *f = &fs.v[i];
		check(f->code && *f->code && f->scope_id && *f->scope_id);
		if (f->nodata)
			continue;
		if (f->kind == FK_SHARE)
			check(f->num >= 0 && f->num <= f->den);
		else
			check(f->num >= 0);
	}
	figures_sort(&fs);
	check(analysis_run(&fs, &ds, &t, &p, "Р", &an) == 0);
	analysis_add_figures(&an, &fs);
	figures_sort(&fs);

	/* What summary.csv gets must read back without an error. */
	char *out = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&out, &len);
	check(m && summary_write(&fs, m) == 0);
	fclose(m);
	struct diag_list dl2;
	struct figures back;
	diag_init(&dl2, &ar);
	figures_init(&back, &ar, NULL);
	int file = diag_file_add(&dl2, "summary.csv", 0);
	int nback = summary_read_mem(out, len, file, &back, &dl2);
	if (dl2.errors)
		diag_print(&dl2, stderr);
	check(nback == (int)back.n && !dl2.errors);
	free(out);
	figures_release(&back);
	diag_release(&dl2);

	analysis_release(&an);
	figures_release(&fs);
	arena_release(&ar);
	template_release(&t);
	diag_release(&dl);
	dataset_release(&ds);
	return 0;
}
