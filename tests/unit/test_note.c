/*
 * test_note.c - the analytical note from a hand-built context.
 */
#include "note.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "arena.h"
#include "template.h"

#define CREATED ((time_t)1797811200)    /* 2026-12-21 00:00 UTC */
#define DISTRICT "Ленинский муниципальный район"

static char tmpdir[64];

static int setup(void **state)
{
	strcpy(tmpdir, "/tmp/kadry-note-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	/* KADRY_KEEP_PDF=1 keeps the notes to look at them */
	if (getenv("KADRY_KEEP_PDF")) {
		fprintf(stderr, "notes kept in %s\n", tmpdir);
		return 0;
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmpdir, name);
	return buf[k];
}

static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	size_t n = 0, cap = 4096, k;
	char *buf = xmalloc(cap);

	assert_non_null(p);
	while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
		n += k;
		if (cap - n < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	k = (size_t)pclose(p);
	if (status)
		*status = (int)k;
	return buf;
}

/* pdftotext's text with every run of white space made one space. */
static char *text_of(const char *pdf)
{
	char cmd[256];
	char *t, *o;

	snprintf(cmd, sizeof(cmd), "pdftotext -q '%s' - 2>/dev/null", pdf);
	t = run(cmd, NULL);
	/*
	 * drop the page numbers (the first line of every page but the
	 * first): a paragraph may go on over a page break
	 */
	for (char *f = strchr(t, '\f'); f; f = strchr(f + 1, '\f')) {
		char *e = f + 1;

		while (*e >= '0' && *e <= '9')
			e++;
		if (e > f + 1 && *e == '\n')
			memset(f + 1, ' ', (size_t)(e - f - 1));
	}
	o = t;
	for (char *p = t; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\f') {
			if (o > t && o[-1] != ' ')
				*o++ = ' ';
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return t;
}

/* Fails with the text around when needle is missing. */
#define assert_has(hay, needle) do { \
	if (!strstr((hay), (needle))) \
		fail_msg("missing «%s»", (needle)); \
} while (0)

/* ------------------------------------------------------ the context */

struct fixture {
	struct arena ar;
	struct dataset ds;
	struct params p;
	struct template t;
	struct figures fs, hist;
	struct analysis an;
	struct diag_list dl;
	struct report_ctx ctx;
};

static void share(struct figures *fs, const char *code, const char *bd,
		  int64_t num, int64_t den)
{
	figures_share(fs, SCOPE_DISTRICT, DISTRICT, DISTRICT, code, bd, num,
		      den);
}

static void count(struct figures *fs, const char *code, const char *bd,
		  int64_t k)
{
	figures_count(fs, SCOPE_DISTRICT, DISTRICT, DISTRICT, code, bd, k);
}

static struct an_status *statuses(struct arena *ar, const char **codes,
				  const int64_t (*vt)[2], size_t n)
{
	struct an_status *st = arena_alloc(ar, n * sizeof(*st));

	for (size_t i = 0; i < n; i++) {
		st[i].code = codes[i];
		st[i].dir = TD_MIN;
		st[i].has_value = vt[i][0] >= 0;
		st[i].value = vt[i][0] < 0 ? 0 : vt[i][0];
		st[i].target = vt[i][1];
		st[i].gap = st[i].has_value && vt[i][0] < vt[i][1] ?
			vt[i][1] - vt[i][0] : 0;
		st[i].status = !st[i].has_value ? AN_NODATA :
			st[i].gap > 0 ? AN_NOT_ACHIEVED : AN_ACHIEVED;
	}
	return st;
}

static void problems_of(struct arena *ar, struct an_scope *sc, size_t n)
{
	sc->problems = arena_alloc(ar, n * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		if (sc->st[i].status == AN_NOT_ACHIEVED)
			sc->problems[sc->nproblems++] = i;
	/* largest gap first (two at most here) */
	if (sc->nproblems == 2 && sc->st[sc->problems[1]].gap >
	    sc->st[sc->problems[0]].gap) {
		size_t t = sc->problems[0];
		sc->problems[0] = sc->problems[1];
		sc->problems[1] = t;
	}
}

static void fixture_init(struct fixture *fx, int month)
{
	static const char *codes[] = { "I01", "I03", "I12" };
	struct arena *ar = &fx->ar;
	struct analysis *an = &fx->an;

	memset(fx, 0, sizeof(*fx));
	params_default(&fx->p, 2026, month);
	template_init(&fx->t);
	fx->t.department = "Отдел образования администрации Ленинского "
		"муниципального района";
	fx->t.district = DISTRICT;
	fx->t.region = "Волгоградская область";
	fx->t.compiler = "";
	fx->t.executor = "методист Отдела образования";
	fx->t.sign_position = "Начальник Отдела";
	fx->t.sign_name = "Л.А. Петрова";
	fx->t.intro = "Справка подготовлена за период {period} для "
		"{district}.";
	fx->t.conclusion = "Рабочей группе предлагается рассмотреть "
		"проект решений.";
	fx->t.cluster_note = "Меры поддержки адресуются группам школ.";
	fx->t.subject_text = fx->t.rmo_name = "";

	/* the dataset: two organizations, one without staff rows */
	dataset_init(&fx->ds);
	{
		struct org *o = VEC_PUSH(fx->ds.orgs.v, fx->ds.orgs.n,
					 fx->ds.orgs.cap);
		o->id = "001";
		o->name = "МБОУ СОШ № 1";
		o->type = ORG_OO;
		o = VEC_PUSH(fx->ds.orgs.v, fx->ds.orgs.n, fx->ds.orgs.cap);
		o->id = "002";
		o->name = "МКОУ Молчащая ООШ";
		o->type = ORG_OO;
		struct staff_row *r = VEC_PUSH(fx->ds.staff.v, fx->ds.staff.n,
					       fx->ds.staff.cap);
		r->org = 0;
		r->full_name = "Иванова Мария Петровна";
	}

	/* files read */
	diag_init(&fx->dl, ar);
	{
		int f = diag_file_add(&fx->dl, "school1/кадры.csv",
				      KIND_STAFF);
		fx->dl.files[f].read = 250;
		fx->dl.files[f].accepted = 247;
		fx->dl.files[f].rejected = 3;
		fx->dl.files[f].warnings = 2;
		f = diag_file_add(&fx->dl, "организации.csv", KIND_ORGS);
		fx->dl.files[f].read = 2;
		fx->dl.files[f].accepted = 2;
		fx->dl.errors = 3;
		fx->dl.warnings = 2;
	}

	/* figures: the seed's district (001, line 39) */
	figures_init(&fx->fs, ar, fx->p.period);
	count(&fx->fs, "S.count", "", 247);
	share(&fx->fs, "S.edu.higher", "", 156, 247);   /* 63,2 */
	share(&fx->fs, "S.cat.high", "", 47, 247);      /* 19,0 */
	share(&fx->fs, "S.cat.first", "", 59, 247);     /* 23,9 */
	share(&fx->fs, "S.age.35-59", "", 114, 247);    /* 46,2 */
	share(&fx->fs, "S.age.under35", "", 55, 247);   /* 22,3 */
	share(&fx->fs, "S.age.60-64", "", 40, 247);
	share(&fx->fs, "S.age.65+", "", 38, 247);       /* 78: 31,6 */
	share(&fx->fs, "S.age.under25", "", 10, 247);
	share(&fx->fs, "S.exp.20+", "", 100, 247);      /* 40,5 */
	share(&fx->fs, "S.exp.15-20", "", 42, 247);
	share(&fx->fs, "S.exp.under3", "", 20, 247);
	share(&fx->fs, "S.women", "", 200, 247);        /* 81,0 */
	count(&fx->fs, "S.staff", "", 365);
	count(&fx->fs, "S.staff", "org_type:ДО", 29);
	count(&fx->fs, "S.staff", "org_type:ДОО", 80);
	count(&fx->fs, "S.staff", "org_type:ОО", 247);
	share(&fx->fs, "I01", "", 300, 365);            /* 82,2 */
	share(&fx->fs, "I01", "subject:физика", 3, 4);
	share(&fx->fs, "I03", "", 73, 365);             /* 20,0 */
	share(&fx->fs, "I12", "", 40, 365);             /* 11,0 */
	count(&fx->fs, "I17", "", 4);
	count(&fx->fs, "I18", "", 40);
	count(&fx->fs, "I18", "subject:математика", 5);
	count(&fx->fs, "M.beginners", "", 30);
	share(&fx->fs, "M.beginners.covered", "", 20, 30);      /* 66,7 */
	count(&fx->fs, "M.pairs.active", "", 18);
	count(&fx->fs, "M.pairs.active", "form:реверсивное", 2);
	count(&fx->fs, "M.mentors.active", "", 15);
	count(&fx->fs, "D.diagnosed", "", 300);
	count(&fx->fs, "D.with_deficit", "", 60);
	share(&fx->fs, "D.addressed", "", 30, 60);      /* 50,0 */
	count(&fx->fs, "K.vacancies", "", 15);
	count(&fx->fs, "K.need", "subject:русский язык и литература", 6);
	count(&fx->fs, "K.need", "subject:математика", 2);
	figures_count(&fx->fs, SCOPE_ORG, "001", "МБОУ СОШ № 1",
		      "M.beginners", "", 3);
	figures_count(&fx->fs, SCOPE_ORG, "001", "МБОУ СОШ № 1",
		      "M.pairs.active", "", 0);
	figures_sort(&fx->fs);

	/* history: last December */
	figures_init(&fx->hist, ar, "");
	figures_count(&fx->hist, SCOPE_DISTRICT, "", DISTRICT, "I17",
		      "period:2025-12", 6);
	figures_count(&fx->hist, SCOPE_DISTRICT, "", DISTRICT, "I18",
		      "period:2025-12;subject:математика", 3);
	figures_share(&fx->hist, SCOPE_DISTRICT, "", DISTRICT, "I01",
		      "period:2025-12", 200, 360);      /* 55,6 */
	figures_sort(&fx->hist);

	/* the analysis: I01 achieved, I03 and I12 not (gaps 40,0 and 9,0) */
	an->period = fx->p.period;
	an->district_id = DISTRICT;
	an->codes = codes;
	an->ncodes = 3;
	an->district.scope = SCOPE_DISTRICT;
	an->district.id = an->district.name = DISTRICT;
	an->district.st = statuses(ar, codes, (const int64_t[][2]){
		{ 822, 800 }, { 200, 600 }, { 110, 200 } }, 3);
	problems_of(ar, &an->district, 3);
	an->norgs = 2;
	an->orgs = arena_alloc(ar, 2 * sizeof(*an->orgs));
	an->orgs[0].id = "001";
	an->orgs[0].name = "МБОУ СОШ № 1";
	an->orgs[0].st = statuses(ar, codes, (const int64_t[][2]){
		{ 900, 800 }, { 100, 600 }, { 300, 200 } }, 3);
	problems_of(ar, &an->orgs[0], 3);
	an->orgs[1].id = "002";
	an->orgs[1].name = "МКОУ Молчащая ООШ";
	an->orgs[1].st = statuses(ar, codes, (const int64_t[][2]){
		{ 850, 800 }, { 700, 600 }, { 250, 200 } }, 3);
	problems_of(ar, &an->orgs[1], 3);
	an->profile = codes;
	an->nprofile = 3;
	an->k = 2;
	an->clusters = arena_alloc(ar, 2 * sizeof(*an->clusters));
	for (int i = 0; i < 2; i++) {
		struct an_cluster *c = &an->clusters[i];

		c->number = i + 1;
		c->label = i ? "зона риска" : "высокий уровень";
		c->mean = arena_alloc(ar, 3 * sizeof(int64_t));
		c->has_mean = arena_alloc(ar, 3 * sizeof(bool));
		for (int k = 0; k < 3; k++) {
			c->mean[k] = i ? 100 + k : 700 + k;
			c->has_mean[k] = true;
		}
		c->overall = i ? 101 : 701;
		c->members = arena_alloc(ar, sizeof(size_t));
		c->members[0] = i ? 0 : 1;
		c->nmembers = 1;
	}
	an->cluster_method = "Школы сгруппированы методом k-средних.";
	an->nrecs = 1;
	an->recs = arena_alloc(ar, sizeof(*an->recs));
	an->recs[0] = (struct an_rec){ AN_TO_ORG_HEAD,
		"Руководителю МБОУ СОШ № 1", "001", "МБОУ СОШ № 1", "",
		"I03", true, 100, 600,
		"Направить педагогов на адресные программы" };
	an->ndecisions = 3;
	an->decisions = arena_alloc(ar, 3 * sizeof(*an->decisions));
	an->decisions[0] = (struct an_decision){ DEC_CONTROLLING,
		"Управлению образования", 1, 1, "1.1",
		"Проводить ежемесячные совещания с руководителями",
		"ежемесячно", "" };
	an->decisions[1] = (struct an_decision){ DEC_ACTIVATING,
		"Управлению образования", 1, 2, "1.2",
		"Направить педагогов на обучение по адресным программам.",
		"до 31.05.2027", "I03" };
	an->decisions[2] = (struct an_decision){ DEC_ORGANIZING,
		"Руководителям ОО", 2, 1, "2.1",
		"Закрепить наставников за начинающими педагогами",
		"до 01.09.2027", "I12" };

	fx->ctx = (struct report_ctx){ &fx->ds, &fx->p, &fx->t, &fx->fs,
		&fx->hist, an, &fx->dl, DISTRICT, CREATED };
}

static void fixture_release(struct fixture *fx)
{
	figures_release(&fx->fs);
	figures_release(&fx->hist);
	diag_release(&fx->dl);
	dataset_release(&fx->ds);
	template_release(&fx->t);
	arena_release(&fx->ar);
}

/* ------------------------------------------------------------ tests */

static void test_note__december_note(void **state)
{
	struct fixture fx;
	char *t, *out, cmd[256];
	int st;

	fixture_init(&fx, 12);
	assert_int_equal(note_write(path_of("n.pdf"), NULL, &fx.ctx), 0);
	t = text_of(path_of("n.pdf"));
	assert_has(t, "Аналитическая справка по итогам итогового "
		   "(декабрьского) мониторинга");
	assert_has(t, "Отдел образования администрации Ленинского");
	assert_has(t, "Муниципальное образование: " DISTRICT
		   " (Волгоградская область)");
	assert_has(t, "Период мониторинга: декабрь 2026 г. (сведения по "
		   "состоянию на 31.12.2026)");
	assert_has(t, "Дата составления: 21.12.2026");
	/* the template's intro with its placeholders filled */
	assert_has(t, "Справка подготовлена за период декабрь 2026 г. для "
		   DISTRICT ".");
	/* sources: 2 files, 252 rows read, 249 accepted, 3 rejected */
	assert_has(t, "обработано 2 файла: прочитано 252 строки, принято "
		   "249, отклонено 3");
	assert_has(t, "Зарегистрировано 3 ошибки и 2 предупреждения");
	assert_has(t, "school1/кадры.csv");
	assert_has(t, "нет у 1 организации: МКОУ Молчащая ООШ.");
	/* the seed's staff paragraph, from the figures */
	assert_has(t, "В общеобразовательных организациях района работают "
		   "247 учителей. Профессиональный уровень учителей "
		   "достаточно высок: 156 человек (63,2 процента) имеют "
		   "высшее образование, 47 человек (19,0 процента) — высшую "
		   "категорию, 59 человек (23,9 процента) — первую "
		   "категорию. Наиболее массовые группы представляют "
		   "учителя в возрасте 35–59 лет (114 человек, 46,2 "
		   "процента) и учителя со стажем работы 20 лет и более "
		   "(100 человек, 40,5 процента).");
	assert_has(t, "Общая численность педагогических работников "
		   "составляет 365 человек (в том числе 247 — в "
		   "общеобразовательных организациях, 80 — в дошкольных");
	/* 40 + 38 = 78 of 247 teachers: 31,6 */
	assert_has(t, "в возрасте 60 лет и старше — 78 человек (31,6 "
		   "процента)");
	/* the indicator table and the statuses */
	assert_has(t, "Целевые значения установлены для 3 показателей: "
		   "достигнуты — 1, не достигнуты — 2, нет данных — 0.");
	assert_has(t, "300 / 365");
	assert_has(t, "82,2 %");
	assert_has(t, "не менее 60,0 %");
	assert_has(t, "не достигнуто");
	/* mentoring: 20 of 30 beginners */
	assert_has(t, "Начинающих педагогических работников (педагогический "
		   "стаж менее 3 лет) — 30 человек; на дату мониторинга "
		   "наставничеством охвачены 20 человек (66,7 процента)");
	assert_has(t, "действует 18 пар «наставник — наставляемый», в них 15 "
		   "наставников");
	assert_has(t, "пар наставничества нет в 1 организации: МБОУ СОШ № 1.");
	/* deficits and staffing */
	assert_has(t, "дефициты выявлены у 60 человек");
	assert_has(t, "30 человек (50,0 процента) прошли обучение");
	assert_has(t, "русский язык и литература (6 человек), математика (2 "
		   "человека)");
	/* dynamics: I17 6 -> 4, I01 55,6 -> 82,2 */
	assert_has(t, "12.2025");
	assert_has(t, "+26,6");
	assert_has(t, "−2");
	/* clusters, problem zones with the gap, recommendations */
	assert_has(t, "Школы сгруппированы методом k-средних.");
	assert_has(t, "Группа 2 — зона риска (1 школа): МБОУ СОШ № 1.");
	assert_has(t, "I03 Адресные программы ПК 20,0 % не менее 60,0 % "
		   "40,0 п. п.");
	assert_has(t, "I03: 10,0 % при цели не менее 60,0 %");
	assert_has(t, "Руководителю МБОУ СОШ № 1 Направить педагогов на "
		   "адресные программы.");
	/* the draft decision: addressee groups, items, «Срок» */
	assert_has(t, "Проект решения коллегии");
	assert_has(t, "КОЛЛЕГИЯ РЕКОМЕНДУЕТ:");
	assert_has(t, "1. Управлению образования:");
	assert_has(t, "1.1. Проводить ежемесячные совещания с руководителями. "
		   "Срок: ежемесячно.");
	assert_has(t, "1.2. Направить педагогов на обучение по адресным "
		   "программам. Срок: до 31.05.2027.");
	assert_has(t, "2. Руководителям ОО:");
	assert_has(t, "2.1. Закрепить наставников");
	/* no personal data */
	assert_null(strstr(t, "Иванова"));
	free(t);
	/*
	 * position and name on one baseline (pdftotext's reading order may
	 * put the executor line between the two: ask for the layout)
	 */
	/* the initials as the fixture gives them, or typeset «Л. А.» */
	snprintf(cmd, sizeof(cmd), "pdftotext -q -layout '%s' - | grep -c "
		 "'Начальник Отдела  *Л\\..\\{0,2\\}А\\..\\{0,2\\}Петрова'",
		 path_of("n.pdf"));
	out = run(cmd, &st);
	assert_string_equal(out, "1\n");
	free(out);

	snprintf(cmd, sizeof(cmd), "qpdf --check '%s' 2>&1",
		 path_of("n.pdf"));
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	free(out);
	snprintf(cmd, sizeof(cmd), "pdffonts '%s' 2>/dev/null",
		 path_of("n.pdf"));
	out = run(cmd, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "DejaVuSans"));
	assert_null(strstr(out, " no "));       /* all embedded */
	free(out);
	fixture_release(&fx);
}

static void test_note__july_title_and_identical_bytes(void **state)
{
	struct fixture fx;
	char *t, cmd[256];
	int st;

	fixture_init(&fx, 7);
	assert_int_equal(note_write(path_of("j1.pdf"), NULL, &fx.ctx), 0);
	assert_int_equal(note_write(path_of("j2.pdf"), NULL, &fx.ctx), 0);
	snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", path_of("j1.pdf"),
		 path_of("j2.pdf"));
	st = system(cmd);
	assert_int_equal(st, 0);
	t = text_of(path_of("j1.pdf"));
	assert_has(t, "Аналитическая справка по итогам промежуточного "
		   "(июльского) мониторинга");
	assert_has(t, "сведения по состоянию на 31.07.2026");
	free(t);
	fixture_release(&fx);
}

/* Without analysis, history, template or files the note still writes. */
static void test_note__bare_context(void **state)
{
	struct fixture fx;
	char *t;

	fixture_init(&fx, 12);
	fx.ctx.an = NULL;
	fx.ctx.hist = NULL;
	fx.ctx.t = NULL;
	fx.ctx.dl = NULL;
	fx.ctx.ds = NULL;
	assert_int_equal(note_write(path_of("b.pdf"), NULL, &fx.ctx), 0);
	t = text_of(path_of("b.pdf"));
	assert_has(t, "Данные предыдущих мониторингов не представлены");
	assert_has(t, "156 человек (63,2 процента)");
	free(t);
	fixture_release(&fx);
}

/*
 * 40,000 organizations, each missing I03 with a recommendation, all in one
 * cluster: the note summarises (capped lists and tables) instead of
 * printing every organization, so it stays a few pages long.
 */
static void test_note__summarises_at_scale(void **state)
{
	enum { N = 40000 };
	struct fixture fx;
	struct analysis *an;
	char cmd[256], *t, *info;
	int pages = 0;

	fixture_init(&fx, 12);
	an = &fx.an;
	an->norgs = N;
	an->orgs = arena_alloc(&fx.ar, N * sizeof(*an->orgs));
	an->nrecs = N;
	an->recs = arena_alloc(&fx.ar, N * sizeof(*an->recs));
	an->clusters[0].members = arena_alloc(&fx.ar, N * sizeof(size_t));
	an->clusters[0].nmembers = N;
	an->clusters[1].nmembers = 0;
	for (int i = 0; i < N; i++) {
		struct an_scope *o = &an->orgs[i];
		static const char *codes[] = { "I01", "I03", "I12" };

		o->id = arena_printf(&fx.ar, "%05d", i);
		o->name = arena_printf(&fx.ar, "Школа%05d", i);
		/* I03 value i % 500 tenths: gaps differ, ranking is stable */
		o->st = statuses(&fx.ar, codes, (const int64_t[][2]){
			{ 900, 800 }, { i % 500, 600 }, { 300, 200 } }, 3);
		problems_of(&fx.ar, o, 3);
		an->clusters[0].members[i] = (size_t)i;
		an->recs[i] = (struct an_rec){ AN_TO_ORG_HEAD,
			arena_printf(&fx.ar, "Руководителю Школа%05d", i),
			o->id, o->name, "", "I03", true, i % 500, 600,
			"Направить педагогов на адресные программы" };
	}
	assert_int_equal(note_write(path_of("s.pdf"), NULL, &fx.ctx), 0);
	snprintf(cmd, sizeof(cmd), "pdfinfo '%s' 2>/dev/null | "
		 "sed -n 's/^Pages: *//p'", path_of("s.pdf"));
	info = run(cmd, NULL);
	pages = atoi(info);
	free(info);
	assert_true(pages > 0 && pages <= 20);
	t = text_of(path_of("s.pdf"));
	/* 30 names, then the rest counted */
	assert_has(t, "(40 000 школ): Школа00000, Школа00001");
	assert_has(t, "и ещё 39 970");
	assert_has(t, "Хотя бы одна проблемная зона есть у 40 000 из 40 000 "
		   "организаций.");
	/* worst first: I03 = 0,0 at orgs 0, 500, 1000 ... */
	assert_has(t, "Организации с наибольшим числом проблемных зон "
		   "(первые 15):");
	assert_has(t, "Показаны 40 из 40 000 рекомендаций руководителям");
	assert_null(strstr(t, "Руководителю Школа39999"));
	free(t);
	fixture_release(&fx);
}

/*
 * The note as a document: its sections in order, the decision as a
 * numbered list of two levels, the typography applied once for both
 * renderings; and report.docx says the same words as report.pdf
 * (tests/docx/docx_check.py, run from the source root as `make unit`
 * does).
 */
static void test_note__one_document_two_renderings(void **state)
{
	static const char *const sections[] = {
		"Источники данных и полнота сведений",
		"Показатели системы обеспечения профессионального развития "
		"педагогических работников",
		"Кадровый состав",
		"Наставничество и поддержка молодых педагогов",
		"Профессиональные дефициты",
		"Обеспеченность и потребность в кадрах",
		"Динамика показателей",
		"Кластерный анализ общеобразовательных организаций",
		"Проблемные зоны", "Адресные рекомендации",
	};
	struct fixture fx;
	struct doc d;
	const struct doc_list *l = NULL;
	const struct doc_list_item *it;
	size_t nh = 0;
	char cmd[512], *out;
	int st;

	fixture_init(&fx, 12);
	doc_init(&d, "Справка");
	note_build(&d, &fx.ctx);
	for (const struct doc_block *b = d.first; b; b = b->next) {
		if (b->kind == DOC_HEADING && b->u.heading.level == 1) {
			assert_true(nh < 10);
			assert_string_equal(b->u.heading.text, sections[nh]);
			nh++;
		}
		if (b->kind == DOC_LIST && b->u.list.numbered)
			l = &b->u.list;
	}
	assert_int_equal(nh, 10);
	assert_non_null(l);
	it = l->items;
	assert_int_equal(it->level, 0);
	assert_string_equal(it->label, "1.");
	assert_string_equal(it->para.runs->text, "Управлению образования:");
	assert_int_equal(it->para.runs->flags, DOC_BOLD);
	it = it->next;
	assert_int_equal(it->level, 1);
	assert_string_equal(it->label, "1.1.");
	assert_string_equal(it->para.runs->text, "Проводить ежемесячные "
			    "совещания с руководителями. Срок: ежемесячно.");
	/* the signature closes the note, in the model's typography */
	assert_int_equal(d.last->kind, DOC_PARA);   /* «Исполнитель: …» */
	doc_release(&d);

	assert_int_equal(note_write(path_of("report.pdf"),
				    path_of("report.docx"), &fx.ctx), 0);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 tests/docx/docx_check.py "
		 "'%s' 2>&1", tmpdir);
	out = run(cmd, &st);
	if (st != 0)
		fail_msg("%s", out);
	free(out);
	fixture_release(&fx);
}

static void test_note__unwritable_path(void **state)
{
	struct fixture fx;

	fixture_init(&fx, 12);
	assert_int_equal(note_write("/nonexistent-dir/x.pdf", NULL, &fx.ctx),
			 -1);
	assert_int_equal(note_write(path_of("ok.pdf"),
				    "/nonexistent-dir/x.docx", &fx.ctx), -1);
	fixture_release(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_note__december_note),
		cmocka_unit_test(
			test_note__july_title_and_identical_bytes),
		cmocka_unit_test(test_note__bare_context),
		cmocka_unit_test(test_note__summarises_at_scale),
		cmocka_unit_test(test_note__one_document_two_renderings),
		cmocka_unit_test(test_note__unwritable_path),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
