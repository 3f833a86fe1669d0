/*
 * enums.c - the enumerations of input.md as data tables, their synonyms, and
 * the text normalization every lookup (and header matching) goes through.
 *
 * Each table row is { value, canonical name, "synonym|synonym|..." }.  On
 * first use all names and synonyms are normalized once into one open-address
 * hash keyed by (enumeration, normalized text), so enum_lookup() is one
 * normalization plus one probe: it runs on every enumerated cell of millions
 * of rows.
 */
#include "enums.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "model.h"

struct enum_row {
	int value;
	const char *name;       /* canonical, as input.md writes it */
	const char *syn;        /* '|'-separated synonyms, or NULL */
};

static const struct enum_row org_types[] = {
	{ ORG_OO, "ОО", "общеобразовательная|общеобразовательная организация|"
	  "общеобразовательное учреждение|школа|сош|оош|нош|гимназия|лицей" },
	{ ORG_DOO, "ДОО", "дошкольная|дошкольная образовательная организация|"
	  "дошкольное образовательное учреждение|детский сад|детсад|доу|"
	  "д/с|мдоу|мбдоу" },
	{ ORG_DO, "ДО", "дополнительного образования|дополнительное "
	  "образование|организация дополнительного образования|"
	  "учреждение дополнительного образования|удо|одо" },
	{ 0, NULL, NULL }
};

static const struct enum_row positions[] = {
	{ POS_TEACHER, "учитель", "преподаватель|учитель-предметник" },
	{ POS_EDUCATOR, "воспитатель", NULL },
	{ POS_SENIOR_EDUCATOR, "старший воспитатель",
	  "ст. воспитатель|ст.воспитатель" },
	{ POS_ADDITIONAL, "педагог дополнительного образования",
	  "пдо|педагог доп. образования|педагог доп.образования|"
	  "педагог доп образования|"
	  "педагог дополнительного образования детей" },
	{ POS_PSYCHOLOGIST, "педагог-психолог",
	  "педагог психолог|психолог|педагог-психолог (психолог в сфере "
	  "образования)|психолог в сфере образования" },
	{ POS_SOCIAL, "социальный педагог", "соц. педагог|соцпедагог" },
	{ POS_SPEECH, "учитель-логопед", "учитель логопед|логопед" },
	{ POS_DEFECTOLOGIST, "учитель-дефектолог",
	  "учитель дефектолог|дефектолог|олигофренопедагог|сурдопедагог|"
	  "тифлопедагог" },
	{ POS_ORGANIZER, "педагог-организатор", "педагог организатор" },
	{ POS_OBZH, "преподаватель-организатор ОБЖ",
	  "преподаватель-организатор обзр|преподаватель организатор обж|"
	  "преподаватель-организатор основ безопасности жизнедеятельности|"
	  "преподаватель-организатор основ безопасности и защиты родины|"
	  "преподаватель обж|преподаватель-организатор" },
	{ POS_METHODIST, "методист", "старший методист" },
	{ POS_ADVISER, "советник директора по воспитанию",
	  "советник директора по воспитанию и взаимодействию с детскими "
	  "общественными объединениями|советник директора|"
	  "советник по воспитанию" },
	{ POS_TUTOR, "тьютор", NULL },
	{ POS_MUSIC, "музыкальный руководитель",
	  "муз. руководитель|муз.руководитель|музрук" },
	{ POS_PE_INSTRUCTOR, "инструктор по физической культуре",
	  "инструктор по физкультуре|инструктор физической культуры|"
	  "инструктор по физ. культуре|инструктор по фк" },
	{ POS_ACCOMPANIST, "концертмейстер", NULL },
	{ POS_OTHER, "другое", "другая|иное|иная|прочее" },
	{ 0, NULL, NULL }
};

static const struct enum_row subjects[] = {
	{ SUBJ_RUSSIAN, "русский язык и литература",
	  "русский язык|литература|рус. яз|рус.яз|рус. язык|русск. яз|"
	  "русский|русский язык, литература|русский язык/литература|"
	  "литература и русский язык|родной язык|родной русский язык|"
	  "родная литература|родная русская литература|"
	  "родной язык и литература|родной язык и родная литература" },
	{ SUBJ_MATH, "математика",
	  "алгебра|геометрия|алгебра и геометрия|алгебра и начала анализа|"
	  "алгебра и начала математического анализа|"
	  "вероятность и статистика|матем" },
	{ SUBJ_INFORMATICS, "информатика", "информатика и икт|икт" },
	{ SUBJ_PHYSICS, "физика", "астрономия|физика и астрономия" },
	{ SUBJ_CHEMISTRY, "химия", NULL },
	{ SUBJ_BIOLOGY, "биология", "экология" },
	{ SUBJ_GEOGRAPHY, "география", NULL },
	{ SUBJ_HISTORY, "история и обществознание",
	  "история|обществознание|история россии|всеобщая история|"
	  "обществознание и история|история, обществознание|право|"
	  "экономика" },
	{ SUBJ_FOREIGN, "иностранный язык",
	  "английский язык|немецкий язык|французский язык|китайский язык|"
	  "испанский язык|английский|немецкий|французский|китайский|"
	  "англ. яз|англ.яз|англ. язык|нем. яз|нем.яз|франц. яз|фр. яз|"
	  "ин. яз|ин.яз|иняз|иностранный|иностранный язык (английский)|"
	  "иностранный язык (немецкий)|иностранный язык (французский)|"
	  "второй иностранный язык|иностранные языки" },
	{ SUBJ_PRIMARY, "начальные классы",
	  "начальная школа|начальное общее образование|начальные|"
	  "нач. классы|нач. кл|нач.кл|начальный класс|начальное образование|"
	  /* taught by the primary class teacher */
	  "литературное чтение|окружающий мир|"
	  "русский язык и литературное чтение" },
	{ SUBJ_PE, "физическая культура",
	  "физкультура|физ. культура|физ.культура|физра|фк|"
	  "адаптивная физическая культура" },
	{ SUBJ_TECHNOLOGY, "технология",
	  "труд|труд (технология)|технология (труд)|трудовое обучение" },
	{ SUBJ_MUSIC, "музыка", NULL },
	{ SUBJ_ART, "ИЗО", "изобразительное искусство|рисование" },
	{ SUBJ_OBZH, "ОБЖ",
	  "обзр|основы безопасности жизнедеятельности|"
	  "основы безопасности и защиты родины" },
	{ SUBJ_OTHER, "другое", "другой|другая|иное|иной|прочее" },
	{ 0, NULL, NULL }
};

/*
 * «учитель <предмета>»: genitive forms per subject, used by
 * position_lookup() only (stored under the pseudo enumeration EN_GENITIVE).
 */
static const struct enum_row subjects_gen[] = {
	{ SUBJ_RUSSIAN, "русского языка и литературы",
	  "русского языка|литературы|"
	  "родного языка|родного языка и литературы|"
	  "русского языка и литературы и родного языка" },
	{ SUBJ_MATH, "математики",
	  "алгебры|геометрии|алгебры и геометрии" },
	{ SUBJ_INFORMATICS, "информатики", "информатики и икт" },
	{ SUBJ_PHYSICS, "физики", "физики и астрономии|астрономии" },
	{ SUBJ_CHEMISTRY, "химии", NULL },
	{ SUBJ_BIOLOGY, "биологии", NULL },
	{ SUBJ_GEOGRAPHY, "географии", NULL },
	{ SUBJ_HISTORY, "истории и обществознания",
	  "истории|обществознания|истории и права" },
	{ SUBJ_FOREIGN, "иностранного языка",
	  "английского языка|немецкого языка|французского языка|"
	  "китайского языка|испанского языка|иностранных языков|"
	  "англ. языка|английского|немецкого|французского" },
	{ SUBJ_PRIMARY, "начальных классов", "начальной школы|нач. классов|"
	  "нач. кл|начального общего образования" },
	{ SUBJ_PE, "физической культуры", "физкультуры|физ. культуры" },
	{ SUBJ_TECHNOLOGY, "технологии", "труда|труда (технологии)" },
	{ SUBJ_MUSIC, "музыки", NULL },
	{ SUBJ_ART, "изо", "изобразительного искусства|рисования" },
	{ SUBJ_OBZH, "обж",
	  "обзр|основ безопасности жизнедеятельности|"
	  "основ безопасности и защиты родины" },
	{ 0, NULL, NULL }
};

static const struct enum_row genders[] = {
	{ GENDER_F, "женский", "ж|жен|женщина|f|female" },
	{ GENDER_M, "мужской", "м|муж|мужчина|m|male" },
	{ 0, NULL, NULL }
};

static const struct enum_row employments[] = {
	{ EMP_MAIN, "основное",
	  "основная|основной|осн|основное место работы|основная работа|"
	  "основная должность|штатный" },
	{ EMP_PART, "совместительство",
	  "внешнее совместительство|внутреннее совместительство|"
	  "совместитель|внешний совместитель|внутренний совместитель|"
	  "по совместительству|совм|внеш. совм|внутр. совм" },
	{ 0, NULL, NULL }
};

static const struct enum_row educations[] = {
	{ EDU_HIGHER_PED, "высшее педагогическое",
	  "высшее (педагогическое)|высшее пед|высш. пед|вп|"
	  "высшее профессиональное педагогическое" },
	{ EDU_HIGHER, "высшее",
	  "высшее непедагогическое|высшее (непедагогическое)|"
	  "высшее профессиональное|высш" },
	{ EDU_SPO_PED, "СПО педагогическое",
	  "спо (педагогическое)|спо пед|"
	  "среднее профессиональное педагогическое|"
	  "среднее профессиональное (педагогическое)|"
	  "среднее специальное педагогическое|среднее педагогическое" },
	{ EDU_SPO, "СПО",
	  "среднее профессиональное|среднее специальное|"
	  "спо (непедагогическое)|спо непедагогическое|"
	  "среднее профессиональное (непедагогическое)" },
	{ EDU_NO, "нет",
	  "без образования|отсутствует|не имеет|среднее общее" },
	{ 0, NULL, NULL }
};

static const struct enum_row categories[] = {
	{ CAT_HIGH, "высшая",
	  "вкк|высшая квалификационная|высшая категория|"
	  "высшая квалификационная категория" },
	{ CAT_FIRST, "первая",
	  "1|i|первая квалификационная|первая категория|"
	  "первая квалификационная категория|1 категория|1 кк|1кк" },
	{ CAT_SZD, "СЗД",
	  "соответствие занимаемой должности|соответствие|"
	  "сзд (соответствие занимаемой должности)" },
	{ CAT_NONE, "без категории",
	  "нет|нет категории|не имеет|отсутствует|б/к|бк" },
	{ 0, NULL, NULL }
};

static const struct enum_row diag_kinds[] = {
	{ DK_SUBJECT, "предметная", "предметные компетенции" },
	{ DK_METHODICAL, "методическая", "методические компетенции" },
	{ DK_SUBJECT_METHODICAL, "предметно-методическая",
	  "предметно методическая|предметные и методические компетенции" },
	{ DK_PSYCHO, "психолого-педагогическая",
	  "психолого педагогическая|психологическая" },
	{ DK_DIGITAL, "цифровая", "цифровые компетенции|икт-компетенции" },
	{ DK_OTHER, "другое", "другая|иное|иная|прочее" },
	{ 0, NULL, NULL }
};

static const struct enum_row course_kinds[] = {
	{ CK_PK, "ПК",
	  "повышение квалификации|курсы повышения квалификации|кпк|"
	  "дпп пк" },
	{ CK_PP, "ПП",
	  "переподготовка|профессиональная переподготовка|"
	  "проф. переподготовка|профпереподготовка|дпп пп" },
	{ 0, NULL, NULL }
};

static const struct enum_row course_forms[] = {
	{ CF_FULLTIME, "очная", "очно" },
	{ CF_MIXED, "очно-заочная", "смешанная" },
	{ CF_EXTRAMURAL, "заочная", "заочно" },
	{ CF_DISTANCE, "дистанционная",
	  "дистанционно|онлайн|дистант|с применением дот|"
	  "с применением дистанционных технологий" },
	{ 0, NULL, NULL }
};

/* Dashes and the spaces around them normalize to one '-' (text_normalize). */
static const struct enum_row mentor_forms[] = {
	{ MF_PEER, "педагог — педагог", "учитель — учитель" },
	{ MF_HEAD, "руководитель — педагог", "руководитель — учитель" },
	{ MF_REVERSE, "реверсивное", "реверсивная" },
	{ MF_GROUP, "групповое", "групповая" },
	{ MF_STUDENT, "педагог — студент", "учитель — студент" },
	{ MF_OTHER, "другое", "другая|иное|иная|прочее" },
	{ 0, NULL, NULL }
};

static const struct enum_row horizons[] = {
	{ HZ_CURRENT, "текущая", "текущий|текущая потребность|сейчас" },
	{ HZ_MEDIUM, "среднесрочная",
	  "среднесрочный|1-3 года|от 1 до 3 лет|на 1-3 года" },
	{ HZ_LONG, "долгосрочная",
	  "долгосрочный|более 3 лет|свыше 3 лет|больше 3 лет" },
	{ 0, NULL, NULL }
};

/* A pseudo enumeration for the genitive subject forms. */
#define EN_GENITIVE EN__COUNT
#define NTABLES (EN__COUNT + 1)

static const struct enum_row *const tables[NTABLES] = {
	[EN_ORG_TYPE] = org_types,
	[EN_POSITION] = positions,
	[EN_SUBJECT] = subjects,
	[EN_GENDER] = genders,
	[EN_EMPLOYMENT] = employments,
	[EN_EDUCATION] = educations,
	[EN_CATEGORY] = categories,
	[EN_DIAG_KIND] = diag_kinds,
	[EN_COURSE_KIND] = course_kinds,
	[EN_COURSE_FORM] = course_forms,
	[EN_MENTOR_FORM] = mentor_forms,
	[EN_HORIZON] = horizons,
	[EN_GENITIVE] = subjects_gen,
};

/* Longest normalized key we store; longer input cannot match any. */
#define KEY_MAX 256
/* Canonical names per value (no enumeration has more than 32 values). */
#define MAX_VALUES 32
#define HASH_CAP 2048           /* power of two, well above the ~450 keys */
#define EXPECTED_MAX 1024

struct slot {
	const char *key;        /* normalized; NULL when free */
	uint32_t hash;
	uint8_t e, value;
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct slot slots[HASH_CAP];
static const char *names[NTABLES][MAX_VALUES];
static int sizes[NTABLES];
static char expected[EN__COUNT][EXPECTED_MAX];
/* Normalized keys live here for the life of the process. */
static char *keypool;
static size_t keypool_len, keypool_cap;

/* Length of the valid UTF-8 sequence at p, or 0 when p starts none. */
static size_t seq_len(const unsigned char *p)
{
	unsigned c = p[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
			return 0;
		return 4;
	}
	return 0;
}

/* Bytes of the space-like character at p (ASCII blanks, NBSP, U+2000..
 * U+200A, U+202F), or 0. */
static size_t space_len(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
	    *p == '\v' || *p == '\f')
		return 1;
	if (p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF))
		return 3;
	return 0;
}

/* Bytes of the dash at p ('-', U+2010..U+2015, U+2212), or 0. */
static size_t dash_len(const unsigned char *p)
{
	if (*p == '-')
		return 1;
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95)
		return 3;
	if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
		return 3;
	return 0;
}

static bool trailing_punct(char c)
{
	return c == ' ' || c == ':' || c == '*' || c == '.' || c == ',' ||
	       c == ';';
}

/*
 * The normalizer behind text_normalize(); returns the length written and
 * sets *cut when the output did not fit.  Output is cut only at character
 * boundaries, so valid input gives valid output.  Dashes with any spaces
 * around them become one '-' so «педагог — педагог», «педагог-педагог» and
 * «педагог – педагог» compare equal.  The output is never longer than the
 * input and is written behind the read position, so in == out works.
 */
static size_t normalize(const char *in, char *out, size_t outsz, bool *cut)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t o = 0, n;
	bool space = false, after_dash = false;
	unsigned char buf[4];

	*cut = false;
	if (outsz == 0) {
		*cut = *p != '\0';
		return 0;
	}
	while (*p) {
		if ((n = space_len(p)) != 0) {
			p += n;
			space = true;
			continue;
		}
		if ((n = dash_len(p)) != 0) {
			p += n;
			if (o + 2 > outsz) {
				*cut = true;
				break;
			}
			out[o++] = '-';
			space = false;
			after_dash = true;
			continue;
		}
		n = seq_len(p);
		if (n == 0)
			n = 1;  /* invalid byte: copied as it is */
		memcpy(buf, p, n);
		if (n == 1 && buf[0] >= 'A' && buf[0] <= 'Z') {
			buf[0] += 'a' - 'A';
		} else if (n == 2 && buf[0] == 0xD0) {
			if (buf[1] == 0x81) {                   /* Ё -> е */
				buf[1] = 0xB5;
			} else if (buf[1] >= 0x80 && buf[1] <= 0x8F) {
				buf[0] = 0xD1;                  /* Ѐ..Џ */
				buf[1] += 0x10;
			} else if (buf[1] >= 0x90 && buf[1] <= 0x9F) {
				buf[1] += 0x20;                 /* А..П */
			} else if (buf[1] >= 0xA0 && buf[1] <= 0xAF) {
				buf[0] = 0xD1;                  /* Р..Я */
				buf[1] -= 0x20;
			}
		} else if (n == 2 && buf[0] == 0xD1 && buf[1] == 0x91) {
			buf[0] = 0xD0;                          /* ё -> е */
			buf[1] = 0xB5;
		}
		bool sp = space && o > 0 && !after_dash;
		if (o + sp + n + 1 > outsz) {
			*cut = true;
			break;
		}
		if (sp)
			out[o++] = ' ';
		memcpy(out + o, buf, n);
		o += n;
		p += n;
		space = false;
		after_dash = false;
	}
	while (o > 0 && trailing_punct(out[o - 1]))
		o--;
	out[o] = '\0';
	return o;
}

char *text_normalize(const char *in, char *out, size_t outsz)
{
	bool cut;
	normalize(in, out, outsz, &cut);
	return out;
}

/* FNV-1a over the key, seeded with the enumeration. */
static uint32_t hash_key(int e, const char *s, size_t n)
{
	uint32_t h = 2166136261u ^ (uint32_t)e;
	h *= 16777619u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static const char *pool_add(const char *s, size_t n)
{
	if (keypool_len + n + 1 > keypool_cap) {
		/* one block sized up front: table keys never move */
		fprintf(stderr, "kadry: enums: key pool too small\n");
		abort();
	}
	char *k = keypool + keypool_len;
	memcpy(k, s, n);
	k[n] = '\0';
	keypool_len += n + 1;
	return k;
}

static void insert(int e, int value, const char *text)
{
	char key[KEY_MAX];
	bool cut;
	size_t n = normalize(text, key, sizeof(key), &cut);
	if (cut || n == 0) {
		fprintf(stderr, "kadry: enums: bad table key «%s»\n", text);
		abort();
	}
	uint32_t h = hash_key(e, key, n);
	size_t i = h & (HASH_CAP - 1);
	while (slots[i].key) {
		if (slots[i].hash == h && slots[i].e == e &&
		    strcmp(slots[i].key, key) == 0) {
			if (slots[i].value != value) {
				/* Two values for one text: a table bug. */
				fprintf(stderr, "kadry: enums: «%s» is "
					"ambiguous\n", text);
				abort();
			}
			return;
		}
		i = (i + 1) & (HASH_CAP - 1);
	}
	slots[i].key = pool_add(key, n);
	slots[i].hash = h;
	slots[i].e = (uint8_t)e;
	slots[i].value = (uint8_t)value;
}

static void build_expected(int e)
{
	char *b = expected[e];
	size_t len = 0;
	/* the caller writes «ожидается одно из: » before the list */
	b[0] = '\0';
	for (int v = 1; v < sizes[e]; v++) {
		int w = snprintf(b + len, EXPECTED_MAX - len, "%s«%s»",
				 v > 1 ? ", " : "", names[e][v]);
		if (w < 0 || (size_t)w >= EXPECTED_MAX - len)
			abort();        /* EXPECTED_MAX fits the tables */
		len += (size_t)w;
	}
}

static void build(void)
{
	size_t total = 0;
	for (int e = 0; e < NTABLES; e++)
		for (const struct enum_row *r = tables[e]; r->name; r++)
			total += strlen(r->name) + 1 +
				 (r->syn ? strlen(r->syn) + 1 : 0);
	/* Normalized keys are never longer than their source text. */
	keypool_cap = total + 1;
	keypool = xmalloc(keypool_cap);
	for (int e = 0; e < NTABLES; e++) {
		for (const struct enum_row *r = tables[e]; r->name; r++) {
			if (r->value <= 0 || r->value >= MAX_VALUES)
				abort();
			names[e][r->value] = r->name;
			if (r->value + 1 > sizes[e])
				sizes[e] = r->value + 1;
			insert(e, r->value, r->name);
			for (const char *s = r->syn; s && *s;) {
				const char *bar = strchr(s, '|');
				size_t n = bar ? (size_t)(bar - s) : strlen(s);
				char one[KEY_MAX];
				if (n >= sizeof(one))
					abort();
				memcpy(one, s, n);
				one[n] = '\0';
				insert(e, r->value, one);
				s += n + (bar != NULL);
			}
		}
		names[e][0] = "";
		for (int v = 1; v < sizes[e]; v++)
			if (!names[e][v])
				names[e][v] = "";
		if (e < EN__COUNT)
			build_expected(e);
	}
}

static void ensure_built(void)
{
	pthread_once(&once, build);
}

/* Lookup of an already normalized key of length n. */
static int find(int e, const char *key, size_t n)
{
	uint32_t h = hash_key(e, key, n);
	size_t i = h & (HASH_CAP - 1);
	while (slots[i].key) {
		if (slots[i].hash == h && slots[i].e == e &&
		    strcmp(slots[i].key, key) == 0)
			return slots[i].value;
		i = (i + 1) & (HASH_CAP - 1);
	}
	return 0;
}

/*
 * Raw text -> value, per thread: a column holds a handful of spellings
 * («очная», «Очная», «ПК») repeated on every row, and remembering the
 * answer for the exact bytes skips the normalizer (most of the lookup's
 * cost).  Direct-mapped; a collision just overwrites.  The answer depends
 * on the bytes only, so the cache never changes a result.
 */
#define MEMO_CAP 256            /* power of two */
#define MEMO_TEXT 64            /* «русский язык и литература» is 47 bytes */
#define MEMO_POSITION EN__COUNT /* position_lookup's own entries */

struct memo {
	uint32_t hash;
	uint8_t e, value, subject, used;
	char text[MEMO_TEXT];   /* NUL-terminated raw text */
};

static _Thread_local struct memo memo[MEMO_CAP];

/*
 * The memo entry for (e, text): *hit says whether it holds the answer;
 * else the caller computes it and calls memo_fill().  NULL when the text is
 * too long to be remembered.
 */
static struct memo *memo_find(int e, const char *text, bool *hit)
{
	size_t n = strlen(text);
	*hit = false;
	if (n >= MEMO_TEXT)
		return NULL;
	uint32_t h = hash_key(e, text, n);
	struct memo *m = &memo[h & (MEMO_CAP - 1)];
	if (m->used && m->hash == h && m->e == e &&
	    memcmp(m->text, text, n + 1) == 0) {
		*hit = true;
		return m;
	}
	m->used = 0;
	m->hash = h;
	m->e = (uint8_t)e;
	memcpy(m->text, text, n + 1);
	return m;
}

static void memo_fill(struct memo *m, int value, int subject)
{
	if (!m)
		return;
	m->value = (uint8_t)value;
	m->subject = (uint8_t)subject;
	m->used = 1;
}

static int lookup_slow(enum enum_id e, const char *text)
{
	char key[KEY_MAX];
	bool cut;
	size_t n = normalize(text, key, sizeof(key), &cut);
	if (cut || n == 0)
		return 0;
	return find(e, key, n);
}

int enum_lookup(enum enum_id e, const char *text)
{
	bool hit;

	if ((unsigned)e >= EN__COUNT || !text)
		return 0;
	ensure_built();
	struct memo *m = memo_find(e, text, &hit);
	if (hit)
		return m->value;
	int val = lookup_slow(e, text);
	memo_fill(m, val, 0);
	return val;
}

const char *enum_name(enum enum_id e, int v)
{
	if ((unsigned)e >= EN__COUNT)
		return "";
	ensure_built();
	if (v <= 0 || v >= sizes[e])
		return "";
	return names[e][v];
}

int enum_size(enum enum_id e)
{
	if ((unsigned)e >= EN__COUNT)
		return 0;
	ensure_built();
	return sizes[e];
}

const char *enum_expected(enum enum_id e)
{
	if ((unsigned)e >= EN__COUNT)
		return "";
	ensure_built();
	return expected[e];
}

/*
 * The subject named after «учитель »: a genitive form («математики»), else
 * a nominative one («учитель (математика)» is written too); for «A и B»
 * lists not in the table, the first part that is known.
 */
static int teacher_subject(char *rest, size_t n)
{
	if (n >= 2 && rest[0] == '(' && rest[n - 1] == ')') {
		rest[n - 1] = '\0';
		rest++;
		n -= 2;
	}
	int s = find(EN_GENITIVE, rest, n);
	if (!s)
		s = find(EN_SUBJECT, rest, n);
	if (s)
		return s;
	for (char *p = rest; *p; p++) {
		size_t cut = 0;
		if (strncmp(p, " и ", strlen(" и ")) == 0)
			cut = strlen(" и ");
		else if (p[0] == ',' || p[0] == '/')
			cut = 1;
		if (!cut)
			continue;
		size_t m = (size_t)(p - rest);
		while (m > 0 && rest[m - 1] == ' ')
			m--;
		char save = rest[m];
		rest[m] = '\0';
		s = find(EN_GENITIVE, rest, m);
		if (!s)
			s = find(EN_SUBJECT, rest, m);
		rest[m] = save;
		return s;
	}
	return 0;
}

int position_lookup(const char *text, int *subject)
{
	static const char teacher[] = "учитель ";
	char key[KEY_MAX];
	bool cut;

	if (subject)
		*subject = SUBJ_NONE;
	if (!text)
		return 0;
	ensure_built();
	bool hit;
	struct memo *m = memo_find(MEMO_POSITION, text, &hit);
	if (hit) {
		if (subject)
			*subject = m->subject;
		return m->value;
	}
	size_t n = normalize(text, key, sizeof(key), &cut);
	if (cut || n == 0) {
		memo_fill(m, 0, SUBJ_NONE);
		return 0;
	}
	int pos = find(EN_POSITION, key, n);
	if (pos) {
		memo_fill(m, pos, SUBJ_NONE);
		return pos;
	}
	/*
	 * «учитель-логопед» and «учитель-дефектолог» were found above; any
	 * other «учитель <...>» is a teacher of that subject.  An unknown
	 * subject keeps the position (SUBJ_NONE): the row's subjects column
	 * still says what is taught.
	 */
	size_t tn = sizeof(teacher) - 1;
	if (n > tn && memcmp(key, teacher, tn) == 0) {
		int s = teacher_subject(key + tn, n - tn);
		if (subject)
			*subject = s;
		memo_fill(m, POS_TEACHER, s);
		return POS_TEACHER;
	}
	memo_fill(m, 0, SUBJ_NONE);
	return 0;
}
