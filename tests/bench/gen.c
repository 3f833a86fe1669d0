/*
 * gen.c - a deterministic synthetic municipality of any size, for the
 * benchmarks: the shape schools send (Windows-1251, ';', Russian headers,
 * CRLF), realistic proportions per 1,000 staff (about 30 organizations,
 * 1,500 diagnostics, 3,000 course rows, 150 mentoring pairs, 40 vacancy
 * rows) and about 0.5 % bad rows (staff rows with a broken birth date or
 * an unknown position, and the other files' rows about those people, which
 * are rejected with them).  As in real files, about 4 % of the
 * people also hold a part-time post in a second organization, some teachers
 * teach two subjects, mentoring pairs are formed inside one organization,
 * and the number of distinct course programs grows with the territory.
 *
 *   gen STAFF OUTDIR [SEED]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: fast, and the same sequence on every machine */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ULL) >> 32);
}

static int pick(int n)
{
	return (int)(rnd() % (uint32_t)n);
}

/* UTF-8 to Windows-1251 for the characters these files use. */
static void put1251(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p++;
		if (c >= 0x80) {
			unsigned u = (c & 0x1F) << 6 | (*p++ & 0x3F);
			if (c >= 0xE0)
				u = (c & 0x0F) << 12 | (u & 0x3F) << 6 |
				    (*p++ & 0x3F);
			if (u >= 0x410 && u <= 0x44F)
				c = u - 0x410 + 0xC0;
			else if (u == 0x401)
				c = 0xA8;
			else if (u == 0x451)
				c = 0xB8;
			else if (u == 0xAB || u == 0xBB)
				c = u;
			else if (u == 0x2116)
				c = 0xB9;
			else if (u == 0x2014)
				c = 0x97;
			else if (u == 0x2013)
				c = 0x96;
			else
				c = '?';
		}
		putc((int)c, f);
	}
}

static void row(FILE *f, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			putc(';', f);
		put1251(f, cells[i]);
	}
	fputs("\r\n", f);
}

/* A SNILS with a valid check number, derived from the person's number. */
static void snils(long k, char *out)
{
	long base = 2000000 + k * 7;            /* above 001-001-998 */
	int d[9], s = 0, c;
	for (int i = 8; i >= 0; i--) {
		d[i] = (int)(base % 10);
		base /= 10;
	}
	for (int i = 0; i < 9; i++)
		s += d[i] * (9 - i);
	c = s < 100 ? s : s <= 101 ? 0 : s % 101 == 100 ? 0 : s % 101;
	sprintf(out, "%d%d%d-%d%d%d-%d%d%d %02d", d[0], d[1], d[2], d[3],
		d[4], d[5], d[6], d[7], d[8], c);
}

static void date(char *out, int y0, int span_years)
{
	sprintf(out, "%02d.%02d.%04d", 1 + pick(28), 1 + pick(12),
		y0 + pick(span_years));
}

static const char *const surnames[] = {
	"Иванова", "Петрова", "Смирнова", "Кузнецова", "Попова", "Васильева",
	"Соколова", "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова",
};
static const char *const names[] = {
	"Анна", "Мария", "Елена", "Ольга", "Татьяна", "Наталья", "Ирина",
	"Светлана", "Юлия", "Галина",
};
static const char *const patronymics[] = {
	"Ивановна", "Петровна", "Сергеевна", "Николаевна", "Александровна",
	"Викторовна", "Владимировна",
};
static const char *const subjects[] = {
	"русский язык и литература", "математика", "информатика", "физика",
	"химия", "биология", "география", "история и обществознание",
	"английский язык", "начальные классы", "физическая культура",
	"технология", "музыка", "ИЗО", "ОБЖ",
};
static const char *const positions[] = {
	"учитель", "учитель", "учитель", "учитель", "воспитатель",
	"педагог дополнительного образования", "педагог-психолог",
	"социальный педагог", "учитель-логопед", "методист",
};
static const char *const yn[] = { "да", "нет", "нет", "" };
static const char *const categories[] = {
	"высшая", "первая", "СЗД", "", "ВКК", "1",
};
static const char *const educations[] = {
	"высшее педагогическое", "высшее", "СПО педагогическое", "СПО",
};

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: gen STAFF OUTDIR [SEED]\n", stderr);
		return 2;
	}
	long staff = atol(argv[1]);
	const char *dir = argv[2];
	rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261231;
	rng_state = rng_state ? rng_state : 1;
	mkdir(dir, 0777);

	long norgs = staff * 30 / 1000 + 1;
	char id[32], name[128], s[32], d1[16], d2[16], num[32], fio[128];
	FILE *f = open_out(dir, "организации.csv");
	const char *const oh[] = { "Код ОО", "Наименование", "Тип",
		"Муниципалитет", "ШНОР", "Целевая модель наставничества" };
	row(f, oh, 6);
	for (long i = 0; i < norgs; i++) {
		sprintf(id, "oo%05ld", i);
		sprintf(name, "МОУ «Школа № %ld»", i + 1);
		const char *type = i % 10 < 7 ? "ОО" : i % 10 < 9 ? "ДОО" : "ДО";
		const char *c[] = { id, name, type, "Синтетический район",
				    yn[pick(4)], yn[pick(2)] };
		row(f, c, 6);
	}
	fclose(f);

	/* Each person's organization, for part-timers and mentoring pairs. */
	long *org_of = malloc((size_t)staff * sizeof(*org_of));
	long *first = calloc((size_t)norgs + 1, sizeof(*first));
	long *members = malloc((size_t)staff * sizeof(*members));
	long *fill = malloc((size_t)norgs * sizeof(*fill));
	if (!org_of || !first || !members || !fill) {
		perror("gen");
		return 1;
	}
	for (long k = 0; k < staff; k++)
		first[(org_of[k] = pick((int)norgs)) + 1]++;
	for (long o = 0; o < norgs; o++)
		first[o + 1] += first[o];
	memcpy(fill, first, (size_t)norgs * sizeof(*fill));
	for (long k = 0; k < staff; k++)
		members[fill[org_of[k]]++] = k;
	free(fill);

	f = open_out(dir, "кадры.csv");
	const char *sh[] = { "СНИЛС", "Код ОО", "ФИО", "Дата рождения", "Пол",
		"Должность", "Предметы", "Занятость", "Образование",
		"Категория", "Педагогический стаж, лет", "Дата приема",
		"Нагрузка, ч/нед", "Наставник", "Методический актив",
		"Сетевое сообщество", "Формы поддержки", "ИОМ",
		"Целевое обучение", "Прибыл из другой территории" };
	row(f, sh, 20);
	for (long k = 0; k < staff; k++) {
		int by = 1960 + pick(42), age = 2026 - by;
		int exp = pick(age - 21 > 1 ? age - 21 : 1);
		snils(k, s);
		sprintf(id, "oo%05ld", org_of[k]);
		sprintf(fio, "%s %s %s", surnames[pick(12)], names[pick(10)],
			patronymics[pick(7)]);
		sprintf(d1, "%02d.%02d.%04d", 1 + pick(28), 1 + pick(12), by);
		date(d2, 2000, 26);
		sprintf(num, "%d,%d", 10 + pick(25), pick(10));
		const char *pos = positions[pick(10)];
		char subj[128] = "";
		if (!strcmp(pos, "учитель")) {
			strcpy(subj, subjects[pick(15)]);
			/* e.g. «математика, информатика» */
			if (pick(8) == 0)
				sprintf(subj + strlen(subj), ", %s",
					subjects[pick(15)]);
		}
		char expbuf[16];
		sprintf(expbuf, "%d", exp);
		/* about 0.5 % bad rows: a broken date or an unknown position */
		if (pick(300) == 0)
			strcpy(d1, "31.02.1980");
		if (pick(600) == 0)
			pos = "завхоз";
		const char *c[] = { s, id, fio, d1, pick(5) ? "ж" : "м", pos,
			subj, "", educations[pick(4)], categories[pick(6)],
			expbuf, d2, num, yn[pick(4)], yn[pick(4)], yn[pick(4)],
			yn[pick(4)], yn[pick(4)], yn[pick(4)], yn[pick(4)] };
		row(f, c, 20);
		/* about 4 %: a part-time post in another organization */
		if (norgs > 1 && pick(25) == 0) {
			long o2 = (org_of[k] + 1 + pick((int)norgs - 1)) %
				  norgs;
			sprintf(id, "oo%05ld", o2);
			sprintf(num, "%d,%d", 2 + pick(8), pick(10));
			c[1] = id;
			c[7] = "совместительство";
			row(f, c, 20);
		}
	}
	fclose(f);

	f = open_out(dir, "диагностика.csv");
	const char *dh[] = { "СНИЛС", "Дата", "Вид диагностики", "Предмет",
		"Результат, %", "Дефицит выявлен", "Дефицитные области" };
	static const char *const kinds[] = { "предметная", "методическая",
		"предметно-методическая", "цифровая" };
	static const char *const areas[] = { "оценивание",
		"цифровые инструменты", "работа с детьми с ОВЗ",
		"функциональная грамотность", "" };
	row(f, dh, 7);
	for (long i = 0; i < staff * 3 / 2; i++) {
		snils(pick((int)staff), s);
		date(d1, 2022, 5);
		sprintf(num, "%d", pick(101));
		const char *c[] = { s, d1, kinds[pick(4)], subjects[pick(15)],
				    num, "", areas[pick(5)] };
		row(f, c, 7);
	}
	fclose(f);

	f = open_out(dir, "курсы.csv");
	const char *ch[] = { "СНИЛС", "Программа", "Организация", "Вид",
		"Часы", "Начало", "Окончание", "Форма",
		"Федеральный реестр ДПП", "Адресная (по итогам диагностики)",
		"Электронное обучение", "Модуль стрессоустойчивости",
		"Подготовка экспертов ГИА", "Подготовка экспертов аттестации",
		"Педагогическая направленность" };
	static const char *const forms[] = { "очная", "очно-заочная",
		"заочная", "дистанционная" };
	row(f, ch, 15);
	/* a district shares ~100 programs, a country tens of thousands */
	long nprog = 100 + staff / 50;
	for (long i = 0; i < staff * 3; i++) {
		int prog = pick((int)nprog), pp = prog % 10 == 0;
		snils(pick((int)staff), s);
		sprintf(name, "Программа № %d", prog);
		sprintf(d1, "01.%02d.%04d", 1 + pick(11), 2022 + pick(5));
		sprintf(d2, "%s", d1);
		d2[3] = '1', d2[4] = '2';
		sprintf(num, "%d", pp ? 260 : 36 + pick(5) * 18);
		const char *c[] = { s, name, "Институт развития образования",
			pp ? "ПП" : "ПК", num, d1, d2, forms[pick(4)],
			prog % 3 ? "да" : "нет", prog % 4 ? "нет" : "да",
			prog % 5 ? "нет" : "да", prog % 7 ? "нет" : "да",
			prog % 11 ? "нет" : "да", prog % 13 ? "нет" : "да",
			pp && prog % 20 ? "да" : "нет" };
		row(f, c, 15);
	}
	fclose(f);

	f = open_out(dir, "наставничество.csv");
	const char *mh[] = { "Код ОО", "СНИЛС наставника",
		"СНИЛС наставляемого", "Форма", "Начало", "Окончание",
		"Доплата наставнику" };
	static const char *const mforms[] = { "педагог — педагог",
		"руководитель — педагог", "реверсивное", "групповое" };
	row(f, mh, 7);
	for (long i = 0; i < staff * 150 / 1000; i++) {
		char s2[32];
		/* mentor and mentee from one organization */
		long a = pick((int)staff), o = org_of[a];
		long m = first[o + 1] - first[o];
		long b = members[first[o] + pick((int)m)];
		if (a == b && m > 1)
			b = members[first[o] + (b == members[first[o]])];
		else if (a == b)
			b = (a + 1) % staff;
		snils(a, s);
		snils(b, s2);
		sprintf(id, "oo%05ld", o);
		date(d1, 2023, 4);
		const char *c[] = { id, s, s2, mforms[pick(4)], d1,
				    pick(2) ? "" : "31.08.2027", yn[pick(2)] };
		row(f, c, 7);
	}
	fclose(f);

	f = open_out(dir, "вакансии.csv");
	const char *vh[] = { "Код ОО", "Должность", "Предмет", "Количество",
			     "Горизонт", "Нагрузка, ч/нед" };
	static const char *const hz[] = { "текущая", "среднесрочная",
					  "долгосрочная" };
	row(f, vh, 6);
	for (long i = 0; i < staff * 40 / 1000 + 1; i++) {
		sprintf(id, "oo%05ld", (long)pick((int)norgs));
		sprintf(num, "%d", 1 + pick(3));
		const char *c[] = { id, "учитель", subjects[pick(15)], num,
				    hz[pick(3)], "18" };
		row(f, c, 6);
	}
	fclose(f);
	free(org_of);
	free(first);
	free(members);
	return 0;
}
