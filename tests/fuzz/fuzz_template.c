/*
 * fuzz_template.c - libFuzzer entry point for the template parser: the
 * first byte picks the file's grammar (template.ini, recommendations.ini,
 * decisions.ini), the rest is its text; nothing may crash, hang or leak, and
 * what loads must keep the invariants analysis.c relies on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "template.h"

/* A valid template.ini, so the rule files reach the analysis. */
static const char head[] =
	"[department]\nname = О\ndistrict = Р\n"
	"[signature]\nposition = Н\nname = П\n[targets]\nI01 = 50\n";

static const char *const names[] = {
	"template.ini", "recommendations.ini", "decisions.ini"
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template t;
	struct params p;
	struct arena ar = ARENA_INIT;
	struct figures fs;
	struct analysis a;
	int rc;

	if (size < 1)
		return 0;
	template_init(&t);
	params_default(&p, 2026, 12);
	if (data[0] % 3 != 0 &&
	    template_parse(&t, &p, "template.ini", head, strlen(head),
			   NULL) != 0)
		abort();
	rc = template_parse(&t, &p, names[data[0] % 3],
			    (const char *)data + 1, size - 1, NULL);
	if (template_finish(&t, &p, NULL) != 0)
		rc = -1;
	/* Finished templates have no NULL strings. */
	if (!t.intro || !t.conclusion || !t.region || !t.rmo_name)
		abort();
	for (size_t i = 0; i < t.ntargets; i++)
		if (t.targets[i].tenths < 0 || t.targets[i].dir > TD_MAX ||
		    !template_target(&t, t.targets[i].code))
			abort();
	for (size_t i = 0; i < t.ndecisions; i++) {
		const struct tpl_decision *d = &t.decisions[i];

		if (!d->text || !d->addressee || !d->deadline || !d->when)
			abort();
		if (rc == 0 && (d->kind <= DEC_NONE || d->kind >= DEC__COUNT))
			abort();
	}
	if (p.nclusters < 1 || p.nclusters > 10)
		abort();
	/* The rules must expand on a small figure set. */
	if (rc == 0) {
		figures_init(&fs, &ar, p.period);
		figures_share(&fs, SCOPE_DISTRICT, "D", "", "I01", NULL, 1, 3);
		figures_share(&fs, SCOPE_ORG, "o1", "", "I01", NULL, 0, 3);
		figures_count(&fs, SCOPE_DISTRICT, "D", "", "D.with_deficit",
			      "subject:физика", 2);
		figures_sort(&fs);
		analysis_run(&fs, NULL, &t, &p, "D", &a);
		analysis_add_figures(&a, &fs);
		analysis_release(&a);
		figures_release(&fs);
		arena_release(&ar);
	}
	template_release(&t);
	return 0;
}
