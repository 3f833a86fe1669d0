/*
 * test_ru_text.c - each typography and grammar rule on hand-written
 * inputs and outputs.  "~" in an expected string stands for U+00A0 and
 * "−" is U+2212.
 */
#include "ru_text.h"

#include "kadry_test.h"

#include <stdio.h>
#include <string.h>

static struct arena ar;

/* The expected text with every '~' made a non-breaking space. */
static const char *nb(const char *s)
{
	static char buf[4][512];
	static int k;
	char *o = buf[k = (k + 1) % 4];

	for (; *s; s++) {
		if (*s == '~') {
			memcpy(o, RU_NBSP, 2);
			o += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return buf[k];
}

#define TYPO(in, out) assert_string_equal(ru_typeset(&ar, in), nb(out))

static void test_ru_text__nbsp_units(void **state)
{
	TYPO("выросла на 9,1 %", "выросла на 9,1~%");
	TYPO("отставание 40,0 п. п.", "отставание 40,0~п.~п.");
	TYPO("в 2026 г. и 2025 гг.", "в 2026~г. и 2025~гг.");
	TYPO("выше 27 ч в неделю", "выше 27~ч в неделю");
	/* «ч» only as a word: «27 человек» keeps its space */
	TYPO("27 человек", "27 человек");
	TYPO("на 5 %, на 6 %.", "на 5~%, на 6~%.");
}

static void test_ru_text__nbsp_number_sign_and_initials(void **state)
{
	TYPO("МБОУ СОШ № 1", "МБОУ СОШ №~1");
	TYPO("Начальник Л. А. Петрова", "Начальник Л.~А.~Петрова");
	TYPO("Л.А. Петрова", "Л.~А.~Петрова");
	TYPO("Отделу (Петрова Л. А.)", "Отделу (Петрова~Л.~А.)");
	/* an abbreviation is not an initial */
	TYPO("школы ОО. Далее", "школы ОО. Далее");
}

static void test_ru_text__dashes(void **state)
{
	TYPO("достигнуты – 1", "достигнуты~— 1");
	TYPO("Группа 2 - зона риска", "Группа 2~— зона риска");
	TYPO("учителя — все", "учителя~— все");
	/* ranges and words with hyphens stay */
	TYPO("35–59 лет, учитель-логопед", "35–59 лет, учитель-логопед");
}

static void test_ru_text__minus(void **state)
{
	TYPO("изменение -2", "изменение −2");
	TYPO("(-3,5)", "(−3,5)");
	TYPO("+26,6 и -0,4", "+26,6 и −0,4");
	/* hyphens inside codes, dates and words stay */
	TYPO("2026-12 S.age.25-29 2-15-12", "2026-12 S.age.25-29 2-15-12");
}

static void test_ru_text__digit_groups(void **state)
{
	TYPO("1474 педагога", "1474 педагога");
	TYPO("12345 педагогов", "12~345 педагогов");
	TYPO("1000000 строк", "1~000~000 строк");
	TYPO("всего 123456,7", "всего 123~456,7");
	TYPO("прирост −40000", "прирост −40~000");
	/* codes, telephone codes, leading zeros, paths stay */
	TYPO("ОО 00123, 8 (84473) 2-15-12", "ОО 00123, 8 (84473) 2-15-12");
	TYPO("school12345/a.csv, S.12345", "school12345/a.csv, S.12345");
	TYPO("версия 1.12345", "версия 1.12345");
	TYPO("(40000 школ)", "(40~000 школ)");
}

static void test_ru_text__quotes(void **state)
{
	TYPO("МКОУ \"Заплавинская СШ\"", "МКОУ «Заплавинская СШ»");
	TYPO("МОУ \"Школа \"Радуга\"\"", "МОУ «Школа „Радуга“»");
	TYPO("МОУ «Школа «Радуга»»", "МОУ «Школа „Радуга“»");
	TYPO("(\"Лицей\")", "(«Лицей»)");
	assert_string_equal(ru_quotes(&ar, "\"А\" и \"Б\""), "«А» и «Б»");
	/* a stray closing quote is kept as it is */
	TYPO("5\" экран", "5\" экран");
}

static void test_ru_text__int(void **state)
{
	char b[64];

	assert_string_equal(ru_int(1474, b), "1474");
	assert_string_equal(ru_int(12345, b), nb("12~345"));
	assert_string_equal(ru_int(-1234567, b), nb("−1~234~567"));
	assert_string_equal(ru_int(0, b), "0");
}

static void test_ru_text__nouns_agree(void **state)
{
	const char *f[] = { "файл", "файла", "файлов" };
	char b[64];

	assert_string_equal(ru_plural(1, f[0], f[1], f[2]), "файл");
	assert_string_equal(ru_plural(21, f[0], f[1], f[2]), "файл");
	assert_string_equal(ru_plural(101, f[0], f[1], f[2]), "файл");
	assert_string_equal(ru_plural(3, f[0], f[1], f[2]), "файла");
	assert_string_equal(ru_plural(24, f[0], f[1], f[2]), "файла");
	assert_string_equal(ru_plural(5, f[0], f[1], f[2]), "файлов");
	assert_string_equal(ru_plural(11, f[0], f[1], f[2]), "файлов");
	assert_string_equal(ru_plural(114, f[0], f[1], f[2]), "файлов");
	assert_string_equal(ru_persons_gen(82, b), "82 человек");
	assert_string_equal(ru_persons_gen(21, b), "21 человека");
	assert_string_equal(ru_persons_gen(1, b), "1 человека");
	assert_string_equal(ru_persons_gen(11, b), "11 человек");
}

static void test_ru_text__verbs_agree(void **state)
{
	/* обработан 1 файл / обработано 5 файлов */
	assert_string_equal(ru_agree(1, "обработан", "обработано"),
			    "обработан");
	assert_string_equal(ru_agree(101, "обработан", "обработано"),
			    "обработан");
	assert_string_equal(ru_agree(5, "обработан", "обработано"),
			    "обработано");
	assert_string_equal(ru_agree(11, "обработан", "обработано"),
			    "обработано");
	/* прошёл 221 человек / прошли 222 человека */
	assert_string_equal(ru_agree(221, "прошёл", "прошли"), "прошёл");
	assert_string_equal(ru_agree(222, "прошёл", "прошли"), "прошли");
	assert_string_equal(ru_agree(211, "прошёл", "прошли"), "прошли");
	assert_true(ru_singular(31));
	assert_false(ru_singular(111));
}

static void test_ru_text__cases(void **state)
{
	assert_string_equal(ru_case(&ar, "Районное методическое объединение "
				    "учителей математики", RU_DATIVE, NULL),
			    "Районному методическому объединению учителей "
			    "математики");
	assert_string_equal(ru_case(&ar, "Районное методическое объединение "
				    "учителей математики", RU_GENITIVE, NULL),
			    "Районного методического объединения учителей "
			    "математики");
	assert_string_equal(ru_case(&ar, "Районные методические объединения",
				    RU_DATIVE, NULL),
			    "Районным методическим объединениям");
	assert_string_equal(ru_case(&ar, "Руководители ОО", RU_DATIVE, NULL),
			    "Руководителям ОО");
	assert_string_equal(ru_case(&ar, "Отдел образования", RU_DATIVE,
				    NULL), "Отделу образования");
	assert_string_equal(ru_case(&ar, "Управление образования",
				    RU_DATIVE, NULL), "Управлению образования");
	assert_string_equal(ru_case(&ar, "Методическая служба", RU_DATIVE,
				    NULL), "Методической службе");
	assert_string_equal(ru_case(&ar, "Муниципальный методический центр",
				    RU_GENITIVE, NULL),
			    "Муниципального методического центра");
	/* not declinable by rule: as it is, or the template's form */
	assert_string_equal(ru_case(&ar, "МКУ «ЦРО»", RU_DATIVE, NULL),
			    "МКУ «ЦРО»");
	assert_string_equal(ru_case(&ar, "МКУ «ЦРО»", RU_DATIVE,
				    "МКУ «Центр развития образования»"),
			    "МКУ «Центр развития образования»");
}

static void test_ru_text__plural_persons(void **state)
{
	char b[64];

	assert_string_equal(ru_persons(1, b), "1 человек");
	assert_string_equal(ru_persons(2, b), "2 человека");
	assert_string_equal(ru_persons(5, b), "5 человек");
	assert_string_equal(ru_persons(11, b), "11 человек");
	assert_string_equal(ru_persons(21, b), "21 человек");
	assert_string_equal(ru_persons(22, b), "22 человека");
	assert_string_equal(ru_persons(25, b), "25 человек");
	assert_string_equal(ru_persons(111, b), "111 человек");
	assert_string_equal(ru_persons(112, b), "112 человек");
	assert_string_equal(ru_persons(0, b), "0 человек");
}

static void test_ru_text__plural_forms(void **state)
{
	const char *f[] = { "учитель", "учителя", "учителей" };

	assert_string_equal(ru_plural(1, f[0], f[1], f[2]), "учитель");
	assert_string_equal(ru_plural(2, f[0], f[1], f[2]), "учителя");
	assert_string_equal(ru_plural(5, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(11, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(14, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(21, f[0], f[1], f[2]), "учитель");
	assert_string_equal(ru_plural(22, f[0], f[1], f[2]), "учителя");
	assert_string_equal(ru_plural(25, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(111, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(247, f[0], f[1], f[2]), "учителей");
	assert_string_equal(ru_plural(-3, f[0], f[1], f[2]), "учителя");
	assert_true(ru_singular(21));
	assert_false(ru_singular(11));
	assert_false(ru_singular(247));
}

static void test_ru_text__plural_percent(void **state)
{
	char b[64];

	/* a fraction always takes «процента» */
	assert_string_equal(ru_percent(632, true, b), "63,2 процента");
	assert_string_equal(ru_percent(190, true, b), "19,0 процента");
	assert_string_equal(ru_percent(632, false, b), "63,2 процента");
	assert_string_equal(ru_percent(11, false, b), "1,1 процента");
	/* whole percents agree with the number */
	assert_string_equal(ru_percent(10, false, b), "1 процент");
	assert_string_equal(ru_percent(20, false, b), "2 процента");
	assert_string_equal(ru_percent(50, false, b), "5 процентов");
	assert_string_equal(ru_percent(110, false, b), "11 процентов");
	assert_string_equal(ru_percent(200, false, b), "20 процентов");
	assert_string_equal(ru_percent(210, false, b), "21 процент");
	assert_string_equal(ru_percent(220, false, b), "22 процента");
	assert_string_equal(ru_percent(250, false, b), "25 процентов");
	assert_string_equal(ru_percent(1110, false, b), "111 процентов");
	assert_string_equal(ru_percent(-25, true, b), "-2,5 процента");
}

static void test_ru_text__capital(void **state)
{
	assert_string_equal(ru_capital(&ar, "районное"), "Районное");
	assert_string_equal(ru_capital(&ar, "ёлка"), "Ёлка");
	assert_string_equal(ru_capital(&ar, "яблоко"), "Яблоко");
	assert_string_equal(ru_capital(&ar, "rmo"), "Rmo");
	assert_string_equal(ru_capital(&ar, "РМО"), "РМО");
	assert_string_equal(ru_capital(&ar, ""), "");
}

static int teardown(void **state)
{
	arena_release(&ar);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ru_text__nbsp_units),
		cmocka_unit_test(test_ru_text__nbsp_number_sign_and_initials),
		cmocka_unit_test(test_ru_text__dashes),
		cmocka_unit_test(test_ru_text__minus),
		cmocka_unit_test(test_ru_text__digit_groups),
		cmocka_unit_test(test_ru_text__quotes),
		cmocka_unit_test(test_ru_text__int),
		cmocka_unit_test(test_ru_text__nouns_agree),
		cmocka_unit_test(test_ru_text__verbs_agree),
		cmocka_unit_test(test_ru_text__cases),
		cmocka_unit_test(test_ru_text__capital),
		cmocka_unit_test(test_ru_text__plural_persons),
		cmocka_unit_test(test_ru_text__plural_forms),
		cmocka_unit_test(test_ru_text__plural_percent),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
