/*
 * test_schema.c - the column tables: sizes, lookups by key and by label.
 */
#include "schema.h"

#include <string.h>

#include "enums.h"
#include "kadry_test.h"
#include "model.h"

static void test_schema__sizes(void **state)
{
	int n = -1;
	assert_null(schema_for(KIND_UNKNOWN, &n));
	assert_int_equal(n, 0);
	assert_null(schema_for(KIND__COUNT, &n));
	/* input.md: 6, 20, 7, 15, 7, 6 columns */
	static const int want[KIND__COUNT] = { 0, 6, 20, 7, 15, 7, 6 };
	for (int k = KIND_ORGS; k < KIND__COUNT; k++) {
		const struct column *c = schema_for(k, &n);
		assert_non_null(c);
		assert_int_equal(n, want[k]);
		assert_true(n <= SCHEMA_MAX_COLS);
		for (int i = 0; i < n; i++) {
			/* enumerations name their table; others do not */
			if (c[i].type == COL_ENUM)
				assert_true(c[i].enum_id >= 0);
			/* every column is found by its own key and label */
			assert_int_equal(schema_find(k, c[i].key), i);
			assert_int_equal(schema_find(k, c[i].label), i);
		}
	}
}

static void test_schema__order_matches_enums(void **state)
{
	int n;
	const struct column *s = schema_for(KIND_STAFF, &n);
	assert_string_equal(s[CS_EXPERIENCE].key, "ped_experience");
	assert_string_equal(s[CS_ARRIVED].key, "arrived");
	assert_true(s[CS_BIRTH].personal);
	assert_true(s[CS_BIRTH].required);
	assert_false(s[CS_HIRE].required);
	assert_string_equal(s[CS_EMPLOYMENT].def, "основное");
	const struct column *c = schema_for(KIND_COURSES, &n);
	assert_string_equal(c[CC_PEDAGOGICAL].key, "pedagogical");
	assert_int_equal(c[CC_KIND].enum_id, EN_COURSE_KIND);
	const struct column *m = schema_for(KIND_MENTORING, &n);
	assert_true(m[CM_MENTEE].personal);
	assert_string_equal(m[CM_PAID].key, "paid");
	const struct column *v = schema_for(KIND_VACANCIES, &n);
	assert_string_equal(v[CV_HORIZON].def, "текущая");
	assert_int_equal(v[CV_COUNT].type, COL_INTEGER);
	const struct column *o = schema_for(KIND_ORGS, &n);
	assert_string_equal(o[CO_MENTORING_MODEL].key, "mentoring_model");
	const struct column *d = schema_for(KIND_DIAGNOSTICS, &n);
	assert_string_equal(d[CD_AREAS].key, "deficit_areas");
}

static void test_schema__find_normalized(void **state)
{
	assert_int_equal(schema_find(KIND_STAFF, "  дата  ПРИЁМА: "), CS_HIRE);
	assert_int_equal(schema_find(KIND_STAFF, "СНИЛС*"), CS_PERSON);
	assert_int_equal(schema_find(KIND_STAFF, "Person_ID"), CS_PERSON);
	assert_int_equal(schema_find(KIND_DIAGNOSTICS, "Результат, %"),
			 CD_SCORE);
	/* the same label in another kind is another column */
	assert_int_equal(schema_find(KIND_COURSES, "Организация"),
			 CC_PROVIDER);
	assert_int_equal(schema_find(KIND_ORGS, "Организация"), -1);
	assert_int_equal(schema_find(KIND_STAFF, ""), -1);
	assert_int_equal(schema_find(KIND_STAFF, "снилс наставника"), -1);
	assert_int_equal(schema_find(KIND_MENTORING, "СНИЛС наставника"),
			 CM_MENTOR);
	assert_string_equal(schema_type_name(COL_YESNO), "да/нет");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema__sizes),
		cmocka_unit_test(test_schema__order_matches_enums),
		cmocka_unit_test(test_schema__find_normalized),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
