/*
 * test_catalog.c - the code catalogue: complete, consistent with compute,
 * and docs/CATALOGUE.md up to date.
 *
 * KADRY_WRITE_CATALOGUE=1 build/tests/test_catalog rewrites
 * docs/CATALOGUE.md (run from the repository root).
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compute.h"
#include "forms.h"

static void test_catalog__indicators(void **state)
{
	(void)state;
	for (int i = 1; i <= 18; i++) {
		char code[8];
		const struct catalog_entry *e = catalog_indicator(i);
		snprintf(code, sizeof(code), "I%02d", i);
		assert_non_null(e);
		assert_string_equal(e->code, code);
		assert_int_equal(e->section, 'I');
		assert_ptr_equal(catalog_find(code), e);
		/* I17 and I18 are counts, the rest shares. */
		assert_int_equal(e->kind, i >= 17 ? FK_COUNT : FK_SHARE);
		assert_int_equal(e->dir, i >= 17 ? DIR_DYNAMICS : DIR_HIGHER);
	}
	assert_null(catalog_indicator(0));
	assert_null(catalog_indicator(19));
	/* The seed's wording, section 3 item 1. */
	assert_string_equal(catalog_find("I01")->name,
			    "Доля педагогов (в разрезе предметов), прошедших "
			    "диагностику профессиональных дефицитов, от "
			    "общего количества педагогов");
}

/*
 * catalog_indicators(): exactly the 18, in order, and no indicator after
 * the block (else a loop over the block would miss it); I16-I18, and only
 * they, are dynamics.
 */
static void test_catalog__indicator_block(void **state)
{
	size_t n = 0, later = 0;
	const struct catalog_entry *ind = catalog_indicators(&n);
	(void)state;

	assert_int_equal(n, 18);
	assert_ptr_equal(catalog_indicators(NULL), ind);
	for (size_t i = 0; i < n; i++) {
		assert_ptr_equal(&ind[i], catalog_indicator((int)i + 1));
		assert_int_equal(catalog_is_dynamics(&ind[i]), i + 1 >= 16);
	}
	assert_string_equal(ind[0].code, "I01");
	assert_string_equal(ind[17].code, "I18");
	for (size_t i = n; i < catalog_count(); i++) {
		later += catalog_at(i)->section == 'I';
		assert_false(catalog_is_dynamics(catalog_at(i)));
	}
	assert_int_equal(later, 0);
}

static void test_catalog__entries_consistent(void **state)
{
	(void)state;
	size_t n = catalog_count();
	assert_true(n > 60);
	assert_null(catalog_at(n));
	for (size_t i = 0; i < n; i++) {
		const struct catalog_entry *e = catalog_at(i);
		assert_non_null(e->name);
		assert_true(*e->name && *e->short_name && *e->numerator);
		assert_non_null(e->breakdowns);
		assert_non_null(e->needs);
		assert_true(strchr("ISMDKFA", e->section) != NULL);
		assert_true(*catalog_section_name(e->section));
		/* Shares have a base, counts none. */
		if (e->kind == FK_SHARE)
			assert_non_null(e->denominator);
		else
			assert_null(e->denominator);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(catalog_at(j)->code, e->code))
				fail_msg("code %s twice", e->code);
	}
}

static void test_catalog__analysis_codes(void **state)
{
	(void)state;
	assert_string_equal(catalog_find("I03.status")->code, "A.status");
	assert_string_equal(catalog_find("D.addressed.status")->code,
			    "A.status");
	assert_string_equal(catalog_find("cluster")->code, "A.cluster");
	assert_null(catalog_find(".status"));
	assert_null(catalog_find("I99"));
	assert_null(catalog_find(""));
	assert_null(catalog_find(NULL));
}

/* Every code compute writes is in the catalogue, with the same kind. */
static void test_catalog__covers_compute(void **state)
{
	struct dataset ds;
	struct params p;
	struct arena a = ARENA_INIT;
	struct figures fs;
	(void)state;
	dataset_init(&ds);
	for (int k = KIND_ORGS; k < KIND__COUNT; k++)
		ds.have[k] = true;
	params_default(&p, 2026, 12);
	figures_init(&fs, &a, p.period);
	struct org *o = VEC_PUSH(ds.orgs.v, ds.orgs.n, ds.orgs.cap);
	o->id = "A";
	o->name = "A";
	o->type = ORG_OO;
	assert_int_equal(compute_figures(&ds, &p, "Р", &fs), 0);
	forms_add_figures(&ds, &p, "Р", &fs);
	assert_true(fs.n > 80);
	for (size_t i = 0; i < fs.n; i++) {
		const struct catalog_entry *e = catalog_find(fs.v[i].code);
		if (!e)
			fail_msg("code %s not in the catalogue", fs.v[i].code);
		if (e->kind != fs.v[i].kind)
			fail_msg("code %s: kind differs", fs.v[i].code);
		if (!(e->scopes & (1u << fs.v[i].scope)))
			fail_msg("code %s: scope %s not in the catalogue",
				 fs.v[i].code, scope_name(fs.v[i].scope));
	}
	/* And every I/S/M/D/K/F entry is computed (F: forms.c). */
	for (size_t i = 0; i < catalog_count(); i++) {
		const struct catalog_entry *e = catalog_at(i);
		bool found = false;
		if (e->section == 'A')
			continue;
		for (size_t k = 0; k < fs.n && !found; k++)
			found = !strcmp(fs.v[k].code, e->code);
		if (!found)
			fail_msg("catalogue code %s not computed", e->code);
	}
	figures_release(&fs);
	arena_release(&a);
	dataset_release(&ds);
}

static void test_catalog__markdown(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	(void)state;
	catalog_write_markdown(m);
	fclose(m);
	assert_non_null(strstr(buf, "# Каталог показателей"));
	assert_non_null(strstr(buf, "| `I01` | доля | Доля педагогов (в "
				    "разрезе предметов)"));
	assert_non_null(strstr(buf, "| `S.age.35-59` | доля |"));
	assert_non_null(strstr(buf, "## A. Результаты анализа"));
	/* Each table row has 10 cells: 11 unescaped '|'. */
	for (char *line = strstr(buf, "\n| `"); line;
	     line = strstr(line + 1, "\n| `")) {
		int bars = 0;
		for (char *c = line + 1; *c && *c != '\n'; c++)
			bars += *c == '|' && c[-1] != '\\';
		assert_int_equal(bars, 11);
	}

	if (getenv("KADRY_WRITE_CATALOGUE")) {
		FILE *f = fopen("docs/CATALOGUE.md", "w");
		assert_non_null(f);
		fwrite(buf, 1, len, f);
		assert_int_equal(fclose(f), 0);
	} else {
		/* The committed document must be the current output. */
		FILE *f = fopen("docs/CATALOGUE.md", "r");
		if (f) {
			char *doc = calloc(1, len + 2);
			size_t got = fread(doc, 1, len + 1, f);
			fclose(f);
			if (got != len || memcmp(doc, buf, len))
				fail_msg("docs/CATALOGUE.md is out of date: "
					 "KADRY_WRITE_CATALOGUE=1 "
					 "build/tests/test_catalog");
			free(doc);
		}
	}
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog__indicators),
		cmocka_unit_test(test_catalog__indicator_block),
		cmocka_unit_test(test_catalog__entries_consistent),
		cmocka_unit_test(test_catalog__analysis_codes),
		cmocka_unit_test(test_catalog__covers_compute),
		cmocka_unit_test(test_catalog__markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
