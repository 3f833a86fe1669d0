/*
 * test_template.c - the template parser: good folders, every kind of bad
 * line with its location, and unknown keys as warnings with a suggestion.
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"

/* A minimal valid template.ini. */
#define GOOD_HEAD \
	"[department]\n" \
	"name = Отдел образования\n" \
	"district = Ленинский муниципальный район\n" \
	"[signature]\n" \
	"position = Начальник Отдела\n" \
	"name = Л.А. Петрова\n"

struct run {
	struct template t;
	struct params p;
	char *msg;
	size_t msglen;
	int rc;
};

/* Parses one buffer as `name` (and finishes when finish); messages in msg. */
static void run(struct run *r, const char *name, const char *buf,
		bool finish)
{
	FILE *err;

	template_init(&r->t);
	params_default(&r->p, 2026, 12);
	r->msg = NULL;
	err = open_memstream(&r->msg, &r->msglen);
	assert_non_null(err);
	r->rc = template_parse(&r->t, &r->p, name, buf, strlen(buf), err);
	if (finish && template_finish(&r->t, &r->p, err) != 0)
		r->rc = -1;
	fclose(err);
}

static void done(struct run *r)
{
	template_release(&r->t);
	free(r->msg);
}

static void test_template__default_folder(void **state)
{
	struct template t;
	struct params p;
	const struct tpl_target *tg;
	(void)state;

	template_init(&t);
	params_default(&p, 2026, 12);
	assert_int_equal(template_load("templates/default", &t, &p, stderr),
			 0);
	assert_int_equal(t.warnings, 0);
	assert_string_equal(t.sign_position, "Начальник Отдела");
	tg = template_target(&t, "I01");
	assert_non_null(tg);
	assert_int_equal(tg->tenths, 800);
	assert_int_equal(tg->dir, TD_MIN);
	/* «не менее 1» of a count: 1 person = 10 tenths */
	tg = template_target(&t, "I17");
	assert_non_null(tg);
	assert_int_equal(tg->tenths, 10);
	assert_int_equal(t.ntargets, 18);
	assert_int_equal(p.nclusters, 3);
	assert_int_equal(p.young_age, 35);
	assert_int_equal(p.load_limit, FIX(27));
	/* the forecast's rule, documented in the default template */
	assert_int_equal(p.retire_age, 60);
	assert_int_equal(p.forecast_years, 3);
	/* heredoc: two paragraphs, lines joined with a space */
	assert_null(strstr(t.intro, "показателей\nсистемы"));
	assert_non_null(strstr(t.intro, "({district}) за период {period}.\n"
			       "Мониторинг"));
	/* continuation line joined with one space */
	assert_non_null(strstr(t.cluster_note, "школ со сходными"));
	assert_int_equal(t.ndecisions, 9);
	assert_int_equal(t.decisions[0].kind, DEC_CONTROLLING);
	assert_string_equal(t.decisions[0].addressee,
			    "Управлению образования");
	assert_string_equal(t.decisions[0].deadline, "ежеквартально");
	assert_string_equal(t.decisions[1].when, "I01");
	assert_non_null(template_rec(&t, "I13"));
	/* [I08] experts of GIA: schools only */
	assert_int_equal(template_rec(&t, "I08")->types, 1u << ORG_OO);
	assert_int_equal(template_rec(&t, "I01")->types, 0);
	assert_null(template_rec(&t, "I07"));
	assert_string_equal(t.rmo_name,
			    "районное методическое объединение учителей "
			    "{subject_gen}");
	template_release(&t);
}

static void test_template__lenin_folder(void **state)
{
	struct template t;
	struct params p;
	(void)state;

	template_init(&t);
	params_default(&p, 2026, 12);
	assert_int_equal(template_load("templates/lenin", &t, &p, stderr), 0);
	assert_string_equal(t.department, "Отдел образования администрации "
			    "Ленинского муниципального района");
	assert_string_equal(t.district, "Ленинский муниципальный район");
	assert_string_equal(t.sign_name, "Л.А. Петрова");
	template_release(&t);
}

static void test_template__missing_folder(void **state)
{
	struct template t;
	struct params p;
	char *msg = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&msg, &len);
	(void)state;

	template_init(&t);
	params_default(&p, 2026, 12);
	assert_int_equal(template_load("tests/no-such-template", &t, &p, err),
			 -1);
	fclose(err);
	assert_non_null(strstr(msg, "tests/no-such-template/template.ini: "
			       "файл шаблона не найден"));
	/* and the required settings are reported too */
	assert_non_null(strstr(msg, "«name» в разделе [department]"));
	free(msg);
	template_release(&t);
}

static void test_template__thresholds_and_targets(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", GOOD_HEAD
	    "[thresholds]\n"
	    "young_age = 30\n"
	    "beginner_exp = 2,5\n"
	    "window_months = 24\n"
	    "[targets]\n"
	    "I03 = 55,5 %\n"
	    "I16 = не более 90\n"
	    "I18 = >= 4\n"
	    "[clusters]\n"
	    "count = 4\n", true);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.p.young_age, 30);
	assert_int_equal(r.p.beginner_exp, 2500);
	/* 24 months ending 31.12.2026: from 01.01.2025 */
	assert_int_equal(r.p.window_start, date_from_ymd(2025, 1, 1));
	assert_int_equal(r.p.nclusters, 4);
	assert_int_equal(template_target(&r.t, "I03")->tenths, 555);
	assert_int_equal(template_target(&r.t, "I16")->dir, TD_MAX);
	assert_int_equal(template_target(&r.t, "I16")->tenths, 900);
	assert_int_equal(template_target(&r.t, "I18")->tenths, 40);
	assert_null(template_target(&r.t, "I01"));
	assert_string_equal(r.t.region, "");
	done(&r);
}

/* [forecast]: the expected-need rule of the forecast form (forms.h). */
static void test_template__forecast_rule(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", GOOD_HEAD "[forecast]\n"
	    "retirement_age = 65\nhorizon_years = 5\n", true);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.p.retire_age, 65);
	assert_int_equal(r.p.forecast_years, 5);
	done(&r);
	run(&r, "template.ini", "[forecast]\n\nretirement_age = 30\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:3: "));
	assert_non_null(strstr(r.msg, "вне допустимого диапазона 40–80"));
	done(&r);
	run(&r, "template.ini", "[forecast]\nhorizon_years = три\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: параметр "
			       "«horizon_years»: «три» не является целым "
			       "числом"));
	done(&r);
	run(&r, "template.ini", "[forecast]\nhorizon_years = 0\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "вне допустимого диапазона 1–10"));
	done(&r);
}

static void test_template__invalid_utf8(void **state)
{
	struct run r;
	(void)state;

	/* a Windows-1251 «О» (0xCE) followed by ASCII on line 2 */
	run(&r, "template.ini", "[department]\nname = \xCEтдел\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: "));
	assert_non_null(strstr(r.msg, "UTF-8"));
	done(&r);
	/* an overlong encoding of '/' */
	run(&r, "template.ini", "; x\n\n[a]\n\xC0\xAF\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:4: "));
	done(&r);
}

static void test_template__malformed_line(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", "[department]\nname Отдел\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: строка не распознана"));
	done(&r);
	run(&r, "template.ini", "; c\n[department\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: строка раздела"));
	done(&r);
	/* a key before any section */
	run(&r, "template.ini", "name = x\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:1: "));
	done(&r);
	/* a heredoc never closed: reported at its start */
	run(&r, "template.ini", "[paragraphs]\nintro = <<END\ntext\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: не найдена строка "
			       "«END»"));
	done(&r);
}

static void test_template__wrong_type_and_range(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", "[thresholds]\n\nyoung_age = тридцать\n",
	    false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:3: параметр «young_age»: "
			       "«тридцать» не является целым числом"));
	done(&r);
	run(&r, "template.ini", "[thresholds]\nyoung_age = 200\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: "));
	assert_non_null(strstr(r.msg, "вне допустимого диапазона 18–80"));
	done(&r);
	/* a percent over 100, two decimals, a fractional count */
	run(&r, "template.ini", "[targets]\nI01 = 100,1\nI02 = 50,25\n"
	    "I17 = 1,5\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:2: "));
	assert_non_null(strstr(r.msg, "template.ini:3: "));
	assert_non_null(strstr(r.msg, "template.ini:4: "));
	done(&r);
	/* an unknown organization type */
	run(&r, "recommendations.ini",
	    "[I01]\ntext = T\ntypes = ОО, ясли-сад-X\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "recommendations.ini:3: тип "
			       "организации «ясли-сад-X»"));
	done(&r);
	/* a wrong decision kind */
	run(&r, "decisions.ini", "[decision]\nkind = поощряющие\n"
	    "addressee = А\ntext = Т\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "decisions.ini:2: вид решения"));
	done(&r);
}

static void test_template__missing_required(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", "[department]\nname = Отдел\n"
	    "[signature]\nposition = Начальник\nname = И.И. Иванов\n", true);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini: не задан обязательный "
			       "параметр «district» в разделе [department]"));
	done(&r);
	/* a decision without text: reported at its [decision] line */
	run(&r, "decisions.ini", "\n[decision]\nkind = организующие\n"
	    "addressee = Руководителям ОО\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "decisions.ini:2: в разделе [decision] "
			       "не задан обязательный параметр «text»"));
	done(&r);
}

static void test_template__unknown_code(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", GOOD_HEAD "[targets]\nI19 = 50\n", true);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "template.ini:8: неизвестный код "
			       "показателя «I19»"));
	done(&r);
	run(&r, "recommendations.ini", "[I00]\ntext = x\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "recommendations.ini:1: "));
	done(&r);
	run(&r, "decisions.ini", "[decision]\nkind = организующие\n"
	    "addressee = А\ntext = Т\nwhen = any:I33\n", false);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.msg, "decisions.ini:5: "));
	done(&r);
}

static void test_template__unknown_key_warns(void **state)
{
	struct run r;
	(void)state;

	run(&r, "template.ini", GOOD_HEAD "[thresholds]\nyoung_ag = 30\n"
	    "[depatment]\n", true);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.t.warnings, 2);
	assert_non_null(strstr(r.msg, "template.ini:8: предупреждение: "
			       "неизвестный параметр «young_ag», возможно, "
			       "«young_age»?"));
	assert_non_null(strstr(r.msg, "template.ini:9: предупреждение: "
			       "неизвестный раздел «depatment», возможно, "
			       "«department»?"));
	/* the default stays */
	assert_int_equal(r.p.young_age, 35);
	done(&r);
	/* nothing close: no suggestion */
	run(&r, "template.ini", GOOD_HEAD "[thresholds]\nzzzzzzzzzz = 1\n",
	    true);
	assert_int_equal(r.rc, 0);
	assert_null(strstr(r.msg, "возможно"));
	done(&r);
}

static void test_template__rules(void **state)
{
	struct run r;
	(void)state;

	run(&r, "decisions.ini",
	    "[decision]\n"
	    "kind = Стимулирующее\n"
	    "addressee = Руководителям ОО\n"
	    "text = <<END\n"
	    "  Первая строка\n"
	    "  вторая.\n"
	    "\n"
	    "Новый абзац.\n"
	    "END\n"
	    "[decision]\n"
	    "kind = контролирующие\n"
	    "addressee = Управлению образования\n"
	    "text = Т\n"
	    "deadline = ежеквартально\n", false);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.t.ndecisions, 2);
	assert_int_equal(r.t.decisions[0].kind, DEC_STIMULATING);
	assert_string_equal(r.t.decisions[0].text,
			    "Первая строка вторая.\nНовый абзац.");
	assert_string_equal(r.t.decisions[0].when, "always");
	assert_string_equal(r.t.decisions[0].deadline, "");
	assert_int_equal(r.t.decisions[1].line, 10);
	done(&r);
}

static void test_template__edit_distance(void **state)
{
	(void)state;
	assert_int_equal(template_edit_distance("targt", "target"), 1);
	assert_int_equal(template_edit_distance("", "abc"), 3);
	/* one Cyrillic letter is one edit, not two bytes */
	assert_int_equal(template_edit_distance("кот", "кит"), 1);
	assert_int_equal(decision_kind_from_name("Организующие"),
			 DEC_ORGANIZING);
	assert_int_equal(decision_kind_from_name("координирующие"),
			 DEC_COORDINATING);
	assert_int_equal(decision_kind_from_name("прочие"), DEC_NONE);
	assert_string_equal(decision_kind_name(DEC_ACTIVATING),
			    "активизирующие");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template__default_folder),
		cmocka_unit_test(test_template__lenin_folder),
		cmocka_unit_test(test_template__missing_folder),
		cmocka_unit_test(test_template__thresholds_and_targets),
		cmocka_unit_test(test_template__forecast_rule),
		cmocka_unit_test(test_template__invalid_utf8),
		cmocka_unit_test(test_template__malformed_line),
		cmocka_unit_test(test_template__wrong_type_and_range),
		cmocka_unit_test(test_template__missing_required),
		cmocka_unit_test(test_template__unknown_code),
		cmocka_unit_test(test_template__unknown_key_warns),
		cmocka_unit_test(test_template__rules),
		cmocka_unit_test(test_template__edit_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
