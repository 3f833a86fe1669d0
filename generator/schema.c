/*
 * schema.c - the column tables of input.md, one per input kind.
 */
#include "schema.h"

#include <string.h>

#include "enums.h"
#include "model.h"

#define REQ true
#define OPT false
#define PERS true
#define PUB false

static const struct column orgs_cols[CO__COUNT] = {
	{ "org_id", "Код ОО", COL_ORGID, REQ, PUB, -1, NULL,
	  "уникальный код: буквы, цифры, . _ -, до 32 знаков" },
	{ "name", "Наименование", COL_TEXT, REQ, PUB, -1, NULL,
	  "полное наименование организации" },
	{ "type", "Тип", COL_ENUM, REQ, PUB, EN_ORG_TYPE, NULL,
	  "ОО, ДОО или ДО" },
	{ "municipality", "Муниципалитет", COL_TEXT, REQ, PUB, -1, NULL,
	  "муниципальное образование" },
	{ "low_results", "ШНОР", COL_YESNO, OPT, PUB, -1, "нет",
	  "школа с низкими образовательными результатами" },
	{ "mentoring_model", "Целевая модель наставничества", COL_YESNO,
	  OPT, PUB, -1, "нет", "организация внедряет целевую модель" },
};

static const struct column staff_cols[CS__COUNT] = {
	{ "person_id", "СНИЛС", COL_SNILS, REQ, PERS, -1, NULL,
	  "123-456-789 01 или 11 цифр" },
	{ "org_id", "Код ОО", COL_ORGID, REQ, PUB, -1, NULL,
	  "код организации из файла организаций" },
	{ "full_name", "ФИО", COL_TEXT, OPT, PERS, -1, NULL,
	  "фамилия, имя, отчество" },
	{ "birth_date", "Дата рождения", COL_DATE, REQ, PERS, -1, NULL,
	  "ДД.ММ.ГГГГ; возраст от 16 до 90 лет" },
	{ "gender", "Пол", COL_ENUM, OPT, PUB, EN_GENDER, NULL,
	  "ж или м" },
	{ "position", "Должность", COL_ENUM, REQ, PUB, EN_POSITION, NULL,
	  "должность из списка; «учитель <предмета>» задаёт предмет" },
	{ "subjects", "Предметы", COL_LIST, OPT, PUB, EN_SUBJECT, NULL,
	  "для учителей: предметы через «,» или «/»" },
	{ "employment", "Занятость", COL_ENUM, OPT, PUB, EN_EMPLOYMENT,
	  "основное", "основное или совместительство" },
	{ "education", "Образование", COL_ENUM, OPT, PUB, EN_EDUCATION, NULL,
	  "уровень образования" },
	{ "category", "Категория", COL_ENUM, OPT, PUB, EN_CATEGORY,
	  "без категории", "квалификационная категория" },
	{ "ped_experience", "Педагогический стаж, лет", COL_NUMBER, REQ, PUB,
	  -1, NULL, "полных лет; не больше возраста минус 14" },
	{ "hire_date", "Дата приема", COL_DATE, OPT, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ; не позже отчётной даты" },
	{ "teaching_load", "Нагрузка, ч/нед", COL_NUMBER, OPT, PUB, -1, NULL,
	  "часов в неделю, от 0 до 60" },
	{ "is_mentor", "Наставник", COL_YESNO, OPT, PUB, -1, "нет",
	  "входит в сообщество наставников" },
	{ "method_active", "Методический актив", COL_YESNO, OPT, PUB, -1,
	  "нет", "входит в муниципальный методический актив" },
	{ "network_community", "Сетевое сообщество", COL_YESNO, OPT, PUB, -1,
	  "нет", "участник сетевого сообщества" },
	{ "young_support", "Формы поддержки", COL_YESNO, OPT, PUB, -1, "нет",
	  "участвует в формах поддержки молодых педагогов" },
	{ "iom", "ИОМ", COL_YESNO, OPT, PUB, -1, "нет",
	  "есть индивидуальный образовательный маршрут" },
	{ "target_contract", "Целевое обучение", COL_YESNO, OPT, PUB, -1,
	  "нет", "пришёл по договору о целевом обучении" },
	{ "arrived", "Прибыл из другой территории", COL_YESNO, OPT, PUB, -1,
	  "нет", "например, «Земский учитель»" },
};

static const struct column diag_cols[CD__COUNT] = {
	{ "person_id", "СНИЛС", COL_SNILS, REQ, PERS, -1, NULL,
	  "СНИЛС работника из файла кадров" },
	{ "date", "Дата", COL_DATE, REQ, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ; не позже отчётной даты" },
	{ "kind", "Вид диагностики", COL_ENUM, OPT, PUB, EN_DIAG_KIND, NULL,
	  "вид из списка" },
	{ "subject", "Предмет", COL_SUBJECT, OPT, PUB, EN_SUBJECT, NULL,
	  "для предметной диагностики" },
	{ "score", "Результат, %", COL_NUMBER, OPT, PUB, -1, NULL,
	  "от 0 до 100" },
	{ "deficit", "Дефицит выявлен", COL_YESNO, OPT, PUB, -1, NULL,
	  "пусто: по результату и порогу" },
	{ "deficit_areas", "Дефицитные области", COL_LIST, OPT, PUB, -1,
	  NULL, "области через «,»" },
};

static const struct column course_cols[CC__COUNT] = {
	{ "person_id", "СНИЛС", COL_SNILS, REQ, PERS, -1, NULL,
	  "СНИЛС работника из файла кадров" },
	{ "program", "Программа", COL_TEXT, REQ, PUB, -1, NULL,
	  "название программы" },
	{ "provider", "Организация", COL_TEXT, OPT, PUB, -1, NULL,
	  "кто проводил обучение" },
	{ "kind", "Вид", COL_ENUM, REQ, PUB, EN_COURSE_KIND, NULL,
	  "ПК или ПП" },
	{ "hours", "Часы", COL_NUMBER, OPT, PUB, -1, NULL,
	  "больше 0; ПК от 16, ПП от 250" },
	{ "start_date", "Начало", COL_DATE, OPT, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ" },
	{ "end_date", "Окончание", COL_DATE, REQ, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ; не раньше начала и не позже отчётной даты" },
	{ "form", "Форма", COL_ENUM, OPT, PUB, EN_COURSE_FORM, NULL,
	  "форма обучения" },
	{ "federal_registry", "Федеральный реестр ДПП", COL_YESNO, OPT, PUB,
	  -1, "нет", "программа из федерального реестра" },
	{ "addresses_deficit", "Адресная (по итогам диагностики)", COL_YESNO,
	  OPT, PUB, -1, "нет", "выбрана по итогам диагностики" },
	{ "elearning", "Электронное обучение", COL_YESNO, OPT, PUB, -1, "нет",
	  "с электронным обучением" },
	{ "stress_module", "Модуль стрессоустойчивости", COL_YESNO, OPT, PUB,
	  -1, "нет", "есть модуль стрессоустойчивости" },
	{ "expert_gia", "Подготовка экспертов ГИА", COL_YESNO, OPT, PUB, -1,
	  "нет", "готовит экспертов ГИА" },
	{ "expert_attestation", "Подготовка экспертов аттестации", COL_YESNO,
	  OPT, PUB, -1, "нет", "готовит экспертов аттестации" },
	{ "pedagogical", "Педагогическая направленность", COL_YESNO, OPT,
	  PUB, -1, "нет", "для переподготовки" },
};

static const struct column mentoring_cols[CM__COUNT] = {
	{ "org_id", "Код ОО", COL_ORGID, REQ, PUB, -1, NULL,
	  "код организации из файла организаций" },
	{ "mentor_id", "СНИЛС наставника", COL_SNILS, REQ, PERS, -1, NULL,
	  "СНИЛС из файла кадров" },
	{ "mentee_id", "СНИЛС наставляемого", COL_SNILS, REQ, PERS, -1, NULL,
	  "СНИЛС из файла кадров; не наставник" },
	{ "form", "Форма", COL_ENUM, OPT, PUB, EN_MENTOR_FORM, NULL,
	  "форма наставничества" },
	{ "start_date", "Начало", COL_DATE, REQ, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ; не позже отчётной даты" },
	{ "end_date", "Окончание", COL_DATE, OPT, PUB, -1, NULL,
	  "ДД.ММ.ГГГГ; не раньше начала; пусто — пара действует" },
	{ "paid", "Доплата наставнику", COL_YESNO, OPT, PUB, -1, "нет",
	  "из стимулирующего фонда" },
};

static const struct column vacancy_cols[CV__COUNT] = {
	{ "org_id", "Код ОО", COL_ORGID, REQ, PUB, -1, NULL,
	  "код организации из файла организаций" },
	{ "position", "Должность", COL_ENUM, REQ, PUB, EN_POSITION, NULL,
	  "должность из списка" },
	{ "subject", "Предмет", COL_SUBJECT, OPT, PUB, EN_SUBJECT, NULL,
	  "для учителей" },
	{ "count", "Количество", COL_INTEGER, REQ, PUB, -1, NULL,
	  "человек, целое больше 0" },
	{ "horizon", "Горизонт", COL_ENUM, OPT, PUB, EN_HORIZON, "текущая",
	  "текущая, среднесрочная (1–3 года), долгосрочная" },
	{ "hours", "Нагрузка, ч/нед", COL_NUMBER, OPT, PUB, -1, NULL,
	  "часов в неделю" },
};

static const struct {
	const struct column *cols;
	int ncols;
} tables[KIND__COUNT] = {
	[KIND_ORGS] = { orgs_cols, CO__COUNT },
	[KIND_STAFF] = { staff_cols, CS__COUNT },
	[KIND_DIAGNOSTICS] = { diag_cols, CD__COUNT },
	[KIND_COURSES] = { course_cols, CC__COUNT },
	[KIND_MENTORING] = { mentoring_cols, CM__COUNT },
	[KIND_VACANCIES] = { vacancy_cols, CV__COUNT },
};

_Static_assert(CS__COUNT <= SCHEMA_MAX_COLS, "SCHEMA_MAX_COLS too small");
_Static_assert(CC__COUNT <= SCHEMA_MAX_COLS, "SCHEMA_MAX_COLS too small");

const struct column *schema_for(int kind, int *ncols)
{
	if (kind <= KIND_UNKNOWN || kind >= KIND__COUNT) {
		if (ncols)
			*ncols = 0;
		return NULL;
	}
	if (ncols)
		*ncols = tables[kind].ncols;
	return tables[kind].cols;
}

int schema_find_norm(int kind, const char *norm)
{
	int n;
	const struct column *c = schema_for(kind, &n);
	char buf[128];

	if (!norm[0])
		return -1;
	for (int i = 0; i < n; i++) {
		/* keys are already lower-case ASCII */
		if (strcmp(norm, c[i].key) == 0)
			return i;
		text_normalize(c[i].label, buf, sizeof(buf));
		if (strcmp(norm, buf) == 0)
			return i;
	}
	return -1;
}

int schema_find(int kind, const char *cell)
{
	char buf[256];

	text_normalize(cell, buf, sizeof(buf));
	return schema_find_norm(kind, buf);
}

const char *schema_type_name(int type)
{
	static const char *const names[] = {
		[COL_TEXT] = "текст",
		[COL_DATE] = "дата",
		[COL_NUMBER] = "число",
		[COL_INTEGER] = "целое число",
		[COL_YESNO] = "да/нет",
		[COL_ENUM] = "значение из списка",
		[COL_SNILS] = "СНИЛС",
		[COL_ORGID] = "код ОО",
		[COL_LIST] = "список",
		[COL_SUBJECT] = "предмет",
	};
	if (type < 0 || type > COL_SUBJECT)
		return "";
	return names[type];
}
