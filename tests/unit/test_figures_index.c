/*
 * test_figures_index.c - figures_find through the (scope, id) index that
 * figures_sort builds: every figure of a large set is found, absent keys
 * are not, and the index follows the set when it grows and is sorted again.
 */
#include "kadry_test.h"

#include <stdio.h>

#include "figures.h"

/*
 * 300 orgs x 5 codes x 2 breakdowns = 3,000 org figures, added in reverse
 * order, plus one district figure; the value of org k, code c, breakdown b
 * is k * 100 + c * 10 + b.
 */
static void fill(struct figures *fs)
{
	char id[16], code[8];
	for (int k = 299; k >= 0; k--)
		for (int c = 4; c >= 0; c--)
			for (int b = 1; b >= 0; b--) {
				snprintf(id, sizeof(id), "oo%05d", k);
				snprintf(code, sizeof(code), "I%02d", c + 1);
				figures_count(fs, SCOPE_ORG, id, "", code,
					      b ? "subject:физика" : NULL,
					      k * 100 + c * 10 + b);
			}
	figures_count(fs, SCOPE_DISTRICT, "oo00001", "", "I01", NULL, -1);
}

static void test_find_all(void **state)
{
	struct arena a = ARENA_INIT;
	struct figures fs;
	char id[16], code[8];
	(void)state;

	figures_init(&fs, &a, "2026-12");
	fill(&fs);
	figures_sort(&fs);
	for (int k = 0; k < 300; k++)
		for (int c = 0; c < 5; c++)
			for (int b = 0; b < 2; b++) {
				snprintf(id, sizeof(id), "oo%05d", k);
				snprintf(code, sizeof(code), "I%02d", c + 1);
				const struct figure *f = figures_find(
					&fs, SCOPE_ORG, id, code,
					b ? "subject:физика" : NULL);
				assert_non_null(f);
				assert_int_equal(f->num, k * 100 + c * 10 + b);
			}
	/* same id, other scope: the district row, not org oo00001's */
	const struct figure *d = figures_find(&fs, SCOPE_DISTRICT, "oo00001",
					      "I01", "");
	assert_non_null(d);
	assert_int_equal(d->num, -1);
	assert_null(figures_find(&fs, SCOPE_ORG, "oo00300", "I01", NULL));
	assert_null(figures_find(&fs, SCOPE_ORG, "oo00001", "I06", NULL));
	assert_null(figures_find(&fs, SCOPE_REGION, "oo00001", "I01", NULL));
	assert_null(figures_find(&fs, SCOPE_ORG, "oo00001", "I01",
				 "subject:химия"));
	/* a new org after a new sort */
	figures_count(&fs, SCOPE_ORG, "oo99999", "", "I01", NULL, 7);
	figures_sort(&fs);
	d = figures_find(&fs, SCOPE_ORG, "oo99999", "I01", NULL);
	assert_non_null(d);
	assert_int_equal(d->num, 7);
	assert_int_equal(figures_find(&fs, SCOPE_ORG, "oo00299", "I05",
				      "subject:физика")->num, 29941);
	figures_release(&fs);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_all),
	};
	return cmocka_run_group_tests_name("figures_index", tests, NULL,
					   NULL);
}
