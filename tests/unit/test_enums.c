/*
 * test_enums.c - enumeration tables, synonyms, text_normalize and
 * position_lookup of enums.c.
 */
#include "enums.h"

#include <stdio.h>
#include <string.h>

#include "kadry_test.h"

#include "model.h"

static const char *norm(const char *in)
{
	static char out[256];
	return text_normalize(in, out, sizeof(out));
}

static void test_normalize(void **state)
{
	assert_string_equal(norm("  Дата   Рождения  "), "дата рождения");
	assert_string_equal(norm("ВЫСШАЯ"), "высшая");
	assert_string_equal(norm("Ёлка ёж"), "елка еж");
	assert_string_equal(norm("Код ОО:"), "код оо");
	assert_string_equal(norm("Код ОО *"), "код оо");
	assert_string_equal(norm("Код ОО *:"), "код оо");
	assert_string_equal(norm("рус. яз."), "рус. яз");
	assert_string_equal(norm("a;,."), "a");
	assert_string_equal(norm("\xC2\xA0" "Пол\xC2\xA0\xC2\xA0(м/ж)\t"),
			    "пол (м/ж)");
	assert_string_equal(norm("ABC xyz"), "abc xyz");
	/* the whole А..Я range, Ё and Ukrainian І */
	assert_string_equal(norm("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
			    "абвгдежзийклмнопрстуфхцчшщъыьэюя");
	assert_string_equal(norm("\xD0\x86"), "\xD1\x96");
	/* dashes with any spaces around become one '-' */
	assert_string_equal(norm("педагог — педагог"), "педагог-педагог");
	assert_string_equal(norm("педагог–педагог"), "педагог-педагог");
	assert_string_equal(norm("Педагог - Психолог"), "педагог-психолог");
	assert_string_equal(norm(""), "");
	assert_string_equal(norm(" \t "), "");
	assert_string_equal(norm(":"), "");
	/* invalid UTF-8 is copied as it is */
	assert_string_equal(norm("A\xFF" "B"), "a\xFF" "b");
	/* Latin capitals outside ASCII are left alone */
	assert_string_equal(norm("\xC3\x89"), "\xC3\x89");
}

static void test_normalize_small_buffer(void **state)
{
	char out[5];
	/* "Ёжик" -> "ежик" is 8 bytes: 4 fit, no half characters */
	assert_string_equal(text_normalize("Ёжик", out, sizeof(out)), "еж");
	assert_string_equal(text_normalize("ABCDEFG", out, sizeof(out)),
			    "abcd");
	char one[1] = { 'x' };
	assert_string_equal(text_normalize("abc", one, 1), "");
	/* outsz 0 writes nothing */
	char z = 'z';
	text_normalize("abc", &z, 0);
	assert_int_equal(z, 'z');
	/* in place: output never longer than input */
	char buf[64] = "  Учитель  МАТЕМАТИКИ :";
	assert_string_equal(text_normalize(buf, buf, sizeof(buf)),
			    "учитель математики");
}

struct lookup {
	enum enum_id e;
	const char *text;
	int value;
};

static void test_synonyms(void **state)
{
	static const struct lookup pairs[] = {
		{ EN_ORG_TYPE, "ОО", ORG_OO },
		{ EN_ORG_TYPE, "Школа", ORG_OO },
		{ EN_ORG_TYPE, "общеобразовательная", ORG_OO },
		{ EN_ORG_TYPE, "доо", ORG_DOO },
		{ EN_ORG_TYPE, "Детский сад", ORG_DOO },
		{ EN_ORG_TYPE, "дошкольная", ORG_DOO },
		{ EN_ORG_TYPE, "ДО", ORG_DO },
		{ EN_ORG_TYPE, "дополнительного образования", ORG_DO },
		{ EN_POSITION, "Учитель", POS_TEACHER },
		{ EN_POSITION, "старший воспитатель", POS_SENIOR_EDUCATOR },
		{ EN_POSITION, "Педагог - психолог", POS_PSYCHOLOGIST },
		{ EN_POSITION, "учитель-логопед", POS_SPEECH },
		{ EN_POSITION, "учитель – дефектолог", POS_DEFECTOLOGIST },
		{ EN_POSITION, "преподаватель-организатор ОБЖ", POS_OBZH },
		{ EN_POSITION, "концертмейстер", POS_ACCOMPANIST },
		{ EN_POSITION, "ПДО", POS_ADDITIONAL },
		{ EN_SUBJECT, "Русский язык и литература", SUBJ_RUSSIAN },
		{ EN_SUBJECT, "рус. яз.", SUBJ_RUSSIAN },
		{ EN_SUBJECT, "русский язык", SUBJ_RUSSIAN },
		{ EN_SUBJECT, "Литература", SUBJ_RUSSIAN },
		{ EN_SUBJECT, "алгебра", SUBJ_MATH },
		{ EN_SUBJECT, "Геометрия", SUBJ_MATH },
		{ EN_SUBJECT, "информатика", SUBJ_INFORMATICS },
		{ EN_SUBJECT, "физика", SUBJ_PHYSICS },
		{ EN_SUBJECT, "химия", SUBJ_CHEMISTRY },
		{ EN_SUBJECT, "биология", SUBJ_BIOLOGY },
		{ EN_SUBJECT, "география", SUBJ_GEOGRAPHY },
		{ EN_SUBJECT, "история", SUBJ_HISTORY },
		{ EN_SUBJECT, "обществознание", SUBJ_HISTORY },
		{ EN_SUBJECT, "английский язык", SUBJ_FOREIGN },
		{ EN_SUBJECT, "Немецкий язык", SUBJ_FOREIGN },
		{ EN_SUBJECT, "англ. яз.", SUBJ_FOREIGN },
		{ EN_SUBJECT, "начальная школа", SUBJ_PRIMARY },
		{ EN_SUBJECT, "начальное общее образование", SUBJ_PRIMARY },
		{ EN_SUBJECT, "литературное чтение", SUBJ_PRIMARY },
		{ EN_SUBJECT, "окружающий мир", SUBJ_PRIMARY },
		{ EN_SUBJECT, "астрономия", SUBJ_PHYSICS },
		{ EN_SUBJECT, "физкультура", SUBJ_PE },
		{ EN_SUBJECT, "технология", SUBJ_TECHNOLOGY },
		{ EN_SUBJECT, "музыка", SUBJ_MUSIC },
		{ EN_SUBJECT, "изобразительное искусство", SUBJ_ART },
		{ EN_SUBJECT, "изо", SUBJ_ART },
		{ EN_SUBJECT, "ОБЗР", SUBJ_OBZH },
		{ EN_SUBJECT, "Другое", SUBJ_OTHER },
		{ EN_GENDER, "ж", GENDER_F },
		{ EN_GENDER, "Женский", GENDER_F },
		{ EN_GENDER, "М", GENDER_M },
		{ EN_GENDER, "мужской", GENDER_M },
		{ EN_EMPLOYMENT, "основное", EMP_MAIN },
		{ EN_EMPLOYMENT, "Совместительство", EMP_PART },
		{ EN_EMPLOYMENT, "внешнее совместительство", EMP_PART },
		{ EN_EMPLOYMENT, "внутреннее совместительство", EMP_PART },
		{ EN_EDUCATION, "высшее педагогическое", EDU_HIGHER_PED },
		{ EN_EDUCATION, "Высшее", EDU_HIGHER },
		{ EN_EDUCATION, "СПО педагогическое", EDU_SPO_PED },
		{ EN_EDUCATION, "среднее профессиональное (педагогическое)",
		  EDU_SPO_PED },
		{ EN_EDUCATION, "СПО", EDU_SPO },
		{ EN_EDUCATION, "среднее профессиональное", EDU_SPO },
		{ EN_EDUCATION, "нет", EDU_NO },
		{ EN_CATEGORY, "Высшая ", CAT_HIGH },
		{ EN_CATEGORY, "ВКК", CAT_HIGH },
		{ EN_CATEGORY, "высшая квалификационная", CAT_HIGH },
		{ EN_CATEGORY, "первая", CAT_FIRST },
		{ EN_CATEGORY, "1", CAT_FIRST },
		{ EN_CATEGORY, "I", CAT_FIRST },
		{ EN_CATEGORY, "первая квалификационная", CAT_FIRST },
		{ EN_CATEGORY, "СЗД", CAT_SZD },
		{ EN_CATEGORY, "соответствие занимаемой должности", CAT_SZD },
		{ EN_CATEGORY, "без категории", CAT_NONE },
		{ EN_CATEGORY, "нет", CAT_NONE },
		{ EN_DIAG_KIND, "предметная", DK_SUBJECT },
		{ EN_DIAG_KIND, "методическая", DK_METHODICAL },
		{ EN_DIAG_KIND, "Предметно-методическая",
		  DK_SUBJECT_METHODICAL },
		{ EN_DIAG_KIND, "психолого-педагогическая", DK_PSYCHO },
		{ EN_DIAG_KIND, "цифровая", DK_DIGITAL },
		{ EN_DIAG_KIND, "другое", DK_OTHER },
		{ EN_COURSE_KIND, "ПК", CK_PK },
		{ EN_COURSE_KIND, "повышение квалификации", CK_PK },
		{ EN_COURSE_KIND, "пп", CK_PP },
		{ EN_COURSE_KIND, "переподготовка", CK_PP },
		{ EN_COURSE_KIND, "Профессиональная переподготовка", CK_PP },
		{ EN_COURSE_FORM, "очная", CF_FULLTIME },
		{ EN_COURSE_FORM, "очно-заочная", CF_MIXED },
		{ EN_COURSE_FORM, "заочная", CF_EXTRAMURAL },
		{ EN_COURSE_FORM, "дистанционная", CF_DISTANCE },
		{ EN_MENTOR_FORM, "педагог — педагог", MF_PEER },
		{ EN_MENTOR_FORM, "педагог - педагог", MF_PEER },
		{ EN_MENTOR_FORM, "педагог – педагог", MF_PEER },
		{ EN_MENTOR_FORM, "педагог-педагог", MF_PEER },
		{ EN_MENTOR_FORM, "Педагог—педагог", MF_PEER },
		{ EN_MENTOR_FORM, "руководитель — педагог", MF_HEAD },
		{ EN_MENTOR_FORM, "руководитель-педагог", MF_HEAD },
		{ EN_MENTOR_FORM, "реверсивное", MF_REVERSE },
		{ EN_MENTOR_FORM, "групповое", MF_GROUP },
		{ EN_MENTOR_FORM, "педагог — студент", MF_STUDENT },
		{ EN_MENTOR_FORM, "педагог -студент", MF_STUDENT },
		{ EN_MENTOR_FORM, "другое", MF_OTHER },
		{ EN_HORIZON, "текущая", HZ_CURRENT },
		{ EN_HORIZON, "Среднесрочная", HZ_MEDIUM },
		{ EN_HORIZON, "долгосрочная", HZ_LONG },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		int v = enum_lookup(pairs[i].e, pairs[i].text);
		if (v != pairs[i].value)
			fail_msg("«%s»: %d, expected %d", pairs[i].text, v,
				 pairs[i].value);
	}
}

static void test_unknown(void **state)
{
	assert_int_equal(enum_lookup(EN_CATEGORY, "вторая"), 0);
	assert_int_equal(enum_lookup(EN_CATEGORY, ""), 0);
	assert_int_equal(enum_lookup(EN_CATEGORY, "   "), 0);
	/* a synonym of another enumeration does not leak across */
	assert_int_equal(enum_lookup(EN_GENDER, "высшая"), 0);
	assert_int_equal(enum_lookup(EN_SUBJECT, "математики"), 0);
	assert_int_equal(enum_lookup(EN_SUBJECT, "черчение"), 0);
	assert_int_equal(enum_lookup(EN__COUNT, "ОО"), 0);
	/* longer than any key */
	char big[600];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(enum_lookup(EN_SUBJECT, big), 0);
}

static void test_names_and_sizes(void **state)
{
	static const int sizes[EN__COUNT] = {
		[EN_ORG_TYPE] = ORG__COUNT, [EN_POSITION] = POS__COUNT,
		[EN_SUBJECT] = SUBJ__COUNT, [EN_GENDER] = 3,
		[EN_EMPLOYMENT] = 3, [EN_EDUCATION] = 6, [EN_CATEGORY] = 5,
		[EN_DIAG_KIND] = DK__COUNT, [EN_COURSE_KIND] = 3,
		[EN_COURSE_FORM] = 5, [EN_MENTOR_FORM] = MF__COUNT,
		[EN_HORIZON] = HZ__COUNT,
	};
	for (int e = 0; e < EN__COUNT; e++) {
		assert_int_equal(enum_size(e), sizes[e]);
		assert_string_equal(enum_name(e, 0), "");
		assert_string_equal(enum_name(e, enum_size(e)), "");
		assert_string_equal(enum_name(e, -1), "");
		/* every value has a name that looks itself up */
		for (int v = 1; v < enum_size(e); v++) {
			assert_true(enum_name(e, v)[0] != '\0');
			assert_int_equal(enum_lookup(e, enum_name(e, v)), v);
		}
	}
	assert_string_equal(enum_name(EN_ORG_TYPE, ORG_DOO), "ДОО");
	assert_string_equal(enum_name(EN_SUBJECT, SUBJ_ART), "ИЗО");
	assert_string_equal(enum_name(EN_SUBJECT, SUBJ_RUSSIAN),
			    "русский язык и литература");
	assert_string_equal(enum_name(EN_POSITION, POS_OBZH),
			    "преподаватель-организатор ОБЖ");
	assert_string_equal(enum_name(EN_MENTOR_FORM, MF_HEAD),
			    "руководитель — педагог");
	assert_string_equal(enum_name(EN_CATEGORY, CAT_NONE),
			    "без категории");
	assert_string_equal(enum_name(EN_EDUCATION, EDU_SPO_PED),
			    "СПО педагогическое");
	assert_string_equal(enum_name(EN__COUNT, 1), "");
	assert_int_equal(enum_size(EN__COUNT), 0);
}

static void test_expected(void **state)
{
	/* the list only: callers write «ожидается одно из: %s» */
	assert_string_equal(enum_expected(EN_ORG_TYPE), "«ОО», «ДОО», «ДО»");
	assert_string_equal(enum_expected(EN_CATEGORY),
			    "«высшая», «первая», «СЗД», «без категории»");
	assert_string_equal(enum_expected(EN_HORIZON),
			    "«текущая», «среднесрочная», «долгосрочная»");
	/* the longest list holds every position */
	const char *pos = enum_expected(EN_POSITION);
	assert_true(strncmp(pos, "«учитель», «воспитатель»",
			    strlen("«учитель», «воспитатель»")) == 0);
	assert_non_null(strstr(pos, "«концертмейстер», «другое»"));
}

static void test_position(void **state)
{
	static const struct {
		const char *text;
		int pos, subj;
	} cases[] = {
		{ "учитель", POS_TEACHER, SUBJ_NONE },
		{ "Учитель математики", POS_TEACHER, SUBJ_MATH },
		{ "учитель начальных классов", POS_TEACHER, SUBJ_PRIMARY },
		{ "учитель русского языка и литературы", POS_TEACHER,
		  SUBJ_RUSSIAN },
		{ "учитель русского языка", POS_TEACHER, SUBJ_RUSSIAN },
		{ "учитель английского языка", POS_TEACHER, SUBJ_FOREIGN },
		{ "учитель физической культуры", POS_TEACHER, SUBJ_PE },
		{ "учитель истории и обществознания", POS_TEACHER,
		  SUBJ_HISTORY },
		{ "учитель информатики", POS_TEACHER, SUBJ_INFORMATICS },
		{ "учитель ИЗО", POS_TEACHER, SUBJ_ART },
		{ "учитель ОБЗР", POS_TEACHER, SUBJ_OBZH },
		{ "учитель технологии", POS_TEACHER, SUBJ_TECHNOLOGY },
		{ "учитель-предметник", POS_TEACHER, SUBJ_NONE },
		{ "Учитель  физики ", POS_TEACHER, SUBJ_PHYSICS },
		/* a list: the first known subject */
		{ "учитель физики и математики", POS_TEACHER, SUBJ_PHYSICS },
		{ "учитель химии, биологии", POS_TEACHER, SUBJ_CHEMISTRY },
		/* nominative in brackets */
		{ "учитель (математика)", POS_TEACHER, SUBJ_MATH },
		/* unknown subject: still a teacher */
		{ "учитель черчения", POS_TEACHER, SUBJ_NONE },
		/* their own positions, not «учитель» + subject */
		{ "учитель-логопед", POS_SPEECH, SUBJ_NONE },
		{ "Учитель - дефектолог", POS_DEFECTOLOGIST, SUBJ_NONE },
		{ "учитель логопед", POS_SPEECH, SUBJ_NONE },
		{ "воспитатель", POS_EDUCATOR, SUBJ_NONE },
		{ "педагог-психолог", POS_PSYCHOLOGIST, SUBJ_NONE },
		{ "советник директора по воспитанию", POS_ADVISER,
		  SUBJ_NONE },
		{ "директор", 0, SUBJ_NONE },
		{ "учительница", 0, SUBJ_NONE },
		{ "", 0, SUBJ_NONE },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int subj = -7;
		int pos = position_lookup(cases[i].text, &subj);
		if (pos != cases[i].pos || subj != cases[i].subj)
			fail_msg("«%s»: %d/%d, expected %d/%d", cases[i].text,
				 pos, subj, cases[i].pos, cases[i].subj);
	}
	/* subject may be NULL */
	assert_int_equal(position_lookup("учитель химии", NULL), POS_TEACHER);
}

/*
 * The per-thread memo of raw texts: the same bytes asked again, in another
 * enumeration, and after 2,000 other texts have gone through its 256
 * slots, give what the first lookup gave.
 */
static void test_memo(void **state)
{
	char buf[32];
	(void)state;

	assert_int_equal(enum_lookup(EN_SUBJECT, "Алгебра"), SUBJ_MATH);
	assert_int_equal(enum_lookup(EN_SUBJECT, "Алгебра"), SUBJ_MATH);
	/* same text, other enumeration: no org type is called so */
	assert_int_equal(enum_lookup(EN_ORG_TYPE, "Алгебра"), 0);
	assert_int_equal(enum_lookup(EN_SUBJECT, "Алгебра"), SUBJ_MATH);
	for (int i = 0; i < 2000; i++) {
		snprintf(buf, sizeof(buf), "предмет %d", i);
		assert_int_equal(enum_lookup(EN_SUBJECT, buf), 0);
	}
	assert_int_equal(enum_lookup(EN_SUBJECT, "Алгебра"), SUBJ_MATH);
	assert_int_equal(enum_lookup(EN_SUBJECT, "алгебра"), SUBJ_MATH);
	/* 64 bytes and more bypass the memo */
	const char *longer = "Русский язык и литература (углублённо)";
	assert_int_equal(enum_lookup(EN_SUBJECT, longer), 0);
	assert_int_equal(enum_lookup(EN_SUBJECT, longer), 0);
	/* positions have their own entries, with the subject */
	int subj = -1;
	for (int i = 0; i < 2; i++) {
		assert_int_equal(position_lookup("Учитель математики", &subj),
				 POS_TEACHER);
		assert_int_equal(subj, SUBJ_MATH);
		assert_int_equal(position_lookup("методист", &subj),
				 POS_METHODIST);
		assert_int_equal(subj, SUBJ_NONE);
		assert_int_equal(position_lookup("завхоз", &subj), 0);
	}
	assert_int_equal(enum_lookup(EN_POSITION, "Учитель математики"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_normalize_small_buffer),
		cmocka_unit_test(test_synonyms),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_names_and_sizes),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_memo),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
