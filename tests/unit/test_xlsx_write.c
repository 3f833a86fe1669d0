/*
 * test_xlsx_write.c - monitoring.xlsx, lists.xlsx and the return files,
 * written from a small hand-built context and read back (unzip, openpyxl).
 */
#include "kadry_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis.h"
#include "diag.h"
#include "figures.h"
#include "model.h"
#include "params.h"
#include "report.h"
#include "summary.h"
#include "template.h"
#include "xlsx_personal.h"
#include "xlsx_write.h"

#define DISTRICT "Ленинский муниципальный район"

/* SNILS of the test persons (digits) and their display form. */
#define SN_IVANOVA "11223344595"
#define SN_PETROV "12345678964"
#define SN_SIDOROVA "13579246801"
#define SN_KUZMINA "10020030044"

static const char tpl_ini[] =
	"[department]\n"
	"name = Отдел образования администрации Ленинского района\n"
	"district = " DISTRICT "\n"
	"[signature]\n"
	"position = Начальник Отдела\n"
	"name = Л.А. Петрова\n"
	"[targets]\n"
	"I01 = 50\n"
	"I03 = 30\n";

struct fixture {
	struct arena ar;
	struct dataset ds;
	struct params p;
	struct template t;
	struct figures fs, hist;
	struct analysis an;
	struct diag_list dl;
	struct report_ctx ctx;
	char dir[64];
};

static int add_org(struct dataset *ds, const char *id, const char *name)
{
	struct org *o = VEC_PUSH(ds->orgs.v, ds->orgs.n, ds->orgs.cap);
	o->id = arena_strdup(&ds->arena, id);
	o->name = arena_strdup(&ds->arena, name);
	o->municipality = DISTRICT;
	o->type = ORG_OO;
	o->src.file = 0;
	strmap_put(&ds->org_index, o->id, (int)ds->orgs.n - 1);
	return (int)ds->orgs.n - 1;
}

static int add_person(struct dataset *ds, int org, const char *snils,
		      const char *name, kdate birth, int exp, int load)
{
	struct person *pe = VEC_PUSH(ds->persons.v, ds->persons.n,
				     ds->persons.cap);
	struct staff_row *s = VEC_PUSH(ds->staff.v, ds->staff.n,
				       ds->staff.cap);
	int p = (int)ds->persons.n - 1;
	pe->snils = arena_strdup(&ds->arena, snils);
	pe->main_row = pe->first_row = (int)ds->staff.n - 1;
	pe->nrows = 1;
	strmap_put(&ds->person_index, pe->snils, p);
	s->person = p;
	s->org = org;
	s->full_name = arena_strdup(&ds->arena, name);
	s->birth = birth;
	s->hire = date_from_ymd(2020, 9, 1);
	s->experience = FIX(exp);
	s->load = load ? FIX(load) : FIX_NONE;
	s->position = POS_TEACHER;
	s->nsubjects = 1;
	s->subjects = arena_alloc(&ds->arena, sizeof(int));
	s->subjects[0] = SUBJ_MATH;
	s->src.file = 1;
	s->src.line = ds->staff.n + 1;
	return p;
}

/* A diagnosed raw row of the staff file with one diagnostic. */
static void add_raw(struct fixture *fx, long line, const char *org,
		    bool rejected, int col, const char *cell, const char *code,
		    const char *msg)
{
	struct arena *a = &fx->ar;
	struct raw_row *r = arena_alloc(a, sizeof(*r));
	struct diag *d;
	r->file = 1;
	r->line = line;
	r->nfields = 4;
	r->fields = arena_alloc(a, 4 * sizeof(char *));
	r->fields[0] = "10020030044";
	r->fields[1] = org;
	r->fields[2] = "Кузьмина Ольга";
	r->fields[3] = cell;
	r->org_id = org;
	r->rejected = rejected;
	d = diag_add(&fx->dl, 1, line, "Должность",
		     rejected ? SEV_ERROR : SEV_WARNING, code, cell, "%s",
		     msg);
	d->row = r;
	d->col_index = col;
}

/*
 * The district: two schools.
 *   sch1: Иванова (beginner, 1 year, no pair: listed without mentor),
 *         Петров (born 1960: 66 on 31.12.2026, load 30 > 27: listed as
 *         overloaded and 60+);
 *   sch2: Сидорова (beginner, mentee of Петров's pair: not listed),
 *         Кузьмина (deficit 12.03.2025, no course: unaddressed).
 */
static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct dataset *ds = &fx->ds;
	const char *hdr[4] = { "СНИЛС", "Код ОО", "ФИО", "Должность" };
	int s1, s2, pv, pp, pk;

	dataset_init(ds);
	params_default(&fx->p, 2026, 12);
	template_init(&fx->t);
	assert_int_equal(template_parse(&fx->t, &fx->p, "template.ini",
					tpl_ini, strlen(tpl_ini), stderr), 0);
	assert_int_equal(template_finish(&fx->t, &fx->p, stderr), 0);
	ds->asof = fx->p.asof;
	for (int k = 0; k < KIND__COUNT; k++)
		ds->have[k] = true;
	ds->have[KIND_VACANCIES] = false;

	diag_init(&fx->dl, &fx->ar);
	diag_file_add(&fx->dl, "организации.csv", KIND_ORGS);
	diag_file_add(&fx->dl, "sch1/кадры.csv", KIND_STAFF);
	fx->dl.files[1].ncols = 4;
	fx->dl.files[1].header = arena_alloc(&fx->ar, sizeof(hdr));
	memcpy(fx->dl.files[1].header, hdr, sizeof(hdr));

	s1 = add_org(ds, "sch1", "МБОУ СОШ № 1");
	s2 = add_org(ds, "sch2", "МБОУ СОШ № 2 <\"&>");
	add_person(ds, s1, SN_IVANOVA, "Иванова Анна Петровна",
		   date_from_ymd(1999, 5, 1), 1, 18);
	pv = add_person(ds, s1, SN_PETROV, "Петров Пётр Петрович",
			date_from_ymd(1960, 1, 1), 40, 30);
	pp = add_person(ds, s2, SN_SIDOROVA, "Сидорова Мария Ивановна",
			date_from_ymd(2000, 1, 1), 2, 18);
	pk = add_person(ds, s2, SN_KUZMINA, "Кузьмина Ольга Юрьевна",
			date_from_ymd(1980, 1, 1), 15, 20);
	struct pair *pr = VEC_PUSH(ds->pairs.v, ds->pairs.n, ds->pairs.cap);
	pr->org = s2;
	pr->mentor = pv;
	pr->mentee = pp;
	pr->form = MF_PEER;
	pr->start = date_from_ymd(2026, 1, 10);
	pr->end = KDATE_NONE;
	struct diag_row *dr = VEC_PUSH(ds->diags.v, ds->diags.n,
				       ds->diags.cap);
	dr->person = pk;
	dr->date = date_from_ymd(2025, 3, 12);
	dr->kind = DK_SUBJECT;
	dr->deficit = 1;
	dr->subject = SUBJ_MATH;
	dr->score = FIX(40);

	/* Figures by hand: I01 100/247 = 40.5 % (under the 50 target). */
	figures_init(&fx->fs, &fx->ar, "2026-12");
	figures_share(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "I01", NULL,
		      100, 247);
	figures_share(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "I01",
		      "subject:математика", 3, 8);
	figures_share(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "I03", NULL,
		      0, 0);
	figures_count(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "I17", NULL, 5);
	figures_count(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "I17",
		      "year:2025", 7);
	figures_count(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "S.count", NULL,
		      4);
	figures_share(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "S.age.under25",
		      NULL, 1, 4);
	figures_share(&fx->fs, SCOPE_DISTRICT, DISTRICT, "", "S.age.25-29",
		      NULL, 1, 4);
	/* sch1 3/4 = 75.0 (met), sch2 1/4 = 25.0 (missed) */
	figures_share(&fx->fs, SCOPE_ORG, "sch1", "МБОУ СОШ № 1", "I01", NULL,
		      3, 4);
	figures_share(&fx->fs, SCOPE_ORG, "sch2", "МБОУ СОШ № 2 <\"&>", "I01",
		      NULL, 1, 4);
	figures_share(&fx->fs, SCOPE_ORG, "sch1", "МБОУ СОШ № 1",
		      "M.beginners.covered", NULL, 0, 1);
	figures_share(&fx->fs, SCOPE_ORG, "sch2", "МБОУ СОШ № 2 <\"&>",
		      "M.beginners.covered", NULL, 1, 1);
	figures_sort(&fx->fs);
	figures_init(&fx->hist, &fx->ar, "");
	figures_sort(&fx->hist);
	assert_int_equal(analysis_run(&fx->fs, ds, &fx->t, &fx->p, DISTRICT,
				      &fx->an), 0);

	/* A formula-like cell and an invalid UTF-8 byte from a school. */
	add_raw(fx, 5, "sch2", true, 3, "=HYPERLINK(\"http://x\")", "V120",
		"неизвестная должность");
	add_raw(fx, 7, "sch2", false, 3, "учитель \xff", "V121",
		"лишний символ");
	/* an org id that is no safe file name gets no return file */
	add_raw(fx, 9, "../x", true, 1, "", "V102", "неизвестный код ОО");
	diag_sort(&fx->dl);

	fx->ctx.ds = ds;
	fx->ctx.p = &fx->p;
	fx->ctx.t = &fx->t;
	fx->ctx.fs = &fx->fs;
	fx->ctx.hist = &fx->hist;
	fx->ctx.an = &fx->an;
	fx->ctx.dl = &fx->dl;
	fx->ctx.district = DISTRICT;
	fx->ctx.created = 1797811200;   /* 2026-12-21 */
	strcpy(fx->dir, "/tmp/kadry_xlsx_XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];
	if (!getenv("KADRY_KEEP")) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
		if (system(cmd))
			return -1;
	}
	analysis_release(&fx->an);
	figures_release(&fx->fs);
	figures_release(&fx->hist);
	diag_release(&fx->dl);
	dataset_release(&fx->ds);
	template_release(&fx->t);
	arena_release(&fx->ar);
	free(fx);
	return 0;
}

/* stdout of a shell command, NUL-terminated (malloc'd). */
static char *run(const char *cmd, int *status)
{
	FILE *f = popen(cmd, "r");
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap);
	assert_non_null(f);
	for (;;) {
		size_t k = fread(buf + n, 1, cap - n - 1, f);
		n += k;
		if (n + 1 >= cap)
			buf = realloc(buf, cap *= 2);
		else if (!k)
			break;
	}
	buf[n] = '\0';
	int st = pclose(f);
	if (status)
		*status = st;
	return buf;
}

static char *unzip(const char *path, const char *entry)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' '%s'", path, entry);
	return run(cmd, NULL);
}

static char *all_xml(const char *path)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' '*.xml'", path);
	return run(cmd, NULL);
}

/* Runs python3 (with openpyxl) on a script; its stdout. */
static char *py(const char *script, int *status)
{
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 -c '%s' 2>&1", script);
	return run(cmd, status);
}

static void test_xlsx_write__sheets_and_charts(void **state)
{
	struct fixture *fx = *state;
	char path[128], *wb, *lst;
	static const char *const sheets[] = {
		"Сводка", "Показатели", "По организациям", "По предметам",
		"Кадровый состав", "Наставничество", "Дефициты",
		"Потребность в кадрах", "Динамика", "Кластеры",
		"Рекомендации", "Качество данных"
	};
	snprintf(path, sizeof(path), "%s/monitoring.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &fx->ctx), 0);
	wb = unzip(path, "xl/workbook.xml");
	const char *at = wb;
	for (size_t i = 0; i < sizeof(sheets) / sizeof(*sheets); i++) {
		char key[96];
		snprintf(key, sizeof(key), "<sheet name=\"%s\"", sheets[i]);
		const char *hit = strstr(at, key);
		assert_non_null(hit);   /* present, and in this order */
		at = hit;
	}
	free(wb);
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "unzip -l '%s' | grep -c 'xl/charts/chart'",
		 path);
	lst = run(cmd, NULL);
	/* indicators vs targets, 2 age bands, mentoring by organization */
	assert_true(atoi(lst) >= 3);
	free(lst);
}

static void test_xlsx_write__values_equal_figures(void **state)
{
	struct fixture *fx = *state;
	char path[128], script[2048], *out;
	int st;
	snprintf(path, sizeof(path), "%s/monitoring.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &fx->ctx), 0);
	/*
	 * I01 = 100/247 = 40.5 %, stored 0.405 with "0.0%"; I03 0/0 is
	 * «нет данных»; I17 is the count 5; status of I01 against 50:
	 * не достигнуто; sch1 I01 0.75, sch2 0.25.
	 */
	snprintf(script, sizeof(script),
		 "import openpyxl\n"
		 "wb = openpyxl.load_workbook(\"%s\")\n"
		 "ws = wb[\"Показатели\"]\n"
		 "rows = {r[0].value: r for r in ws.iter_rows(min_row=5)"
		 " if r[0].value}\n"
		 "i01 = rows[\"I01\"]\n"
		 "print(i01[2].value, i01[3].value,"
		 " round(i01[4].value*100, 1),"
		 " i01[4].number_format, i01[6].value)\n"
		 "print(rows[\"I03\"][4].value, rows[\"I17\"][4].value)\n"
		 "wo = wb[\"По организациям\"]\n"
		 "print([(r[0].value, r[3].value) for r in"
		 " wo.iter_rows(min_row=5, max_row=6)])\n"
		 "print(wo.freeze_panes, wo.auto_filter.ref is not None)\n"
		 "print(wb.properties.creator)\n", path);
	out = py(script, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "100 247 40.5 0.0% не достигнуто\n"));
	assert_non_null(strstr(out, "нет данных 5\n"));
	assert_non_null(strstr(out, "[('sch1', 0.75), ('sch2', 0.25)]\n"));
	assert_non_null(strstr(out, "C5 True\n"));
	assert_non_null(strstr(out, "Отдел образования администрации "
			       "Ленинского района\n"));
	free(out);
	/* I01's target 50 % = 500 tenths colours the org cells */
	char *xml = unzip(path, "xl/worksheets/sheet3.xml");
	assert_non_null(strstr(xml, "ROUND(D5*1000,0)&gt;=500"));
	assert_non_null(strstr(xml, "ROUND(D5*1000,0)&lt;500"));
	free(xml);
}

static void test_xlsx_write__no_personal_data_no_formulas(void **state)
{
	struct fixture *fx = *state;
	char path[128], *xml;
	snprintf(path, sizeof(path), "%s/monitoring.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &fx->ctx), 0);
	xml = all_xml(path);
	assert_null(strstr(xml, "Иванова"));
	assert_null(strstr(xml, "Кузьмина"));
	assert_null(strstr(xml, SN_PETROV));
	assert_null(strstr(xml, "123-456-789"));
	/* the school's «=HYPERLINK» is a string, never a <f> formula */
	assert_non_null(strstr(xml, "=HYPERLINK"));
	assert_null(strstr(xml, "<f>HYPERLINK"));
	assert_null(strstr(xml, "<f>=HYPERLINK"));
	/* invalid byte replaced by U+FFFD, markup escaped */
	assert_non_null(strstr(xml, "учитель \xEF\xBF\xBD"));
	assert_null(strstr(xml, "\xff"));
	assert_non_null(strstr(xml, "МБОУ СОШ № 2 &lt;\"&amp;&gt;"));
	free(xml);
}

static void test_xlsx_write__deterministic(void **state)
{
	struct fixture *fx = *state;
	char a[128], b[128], cmd[300];
	snprintf(a, sizeof(a), "%s/a.xlsx", fx->dir);
	snprintf(b, sizeof(b), "%s/b.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(a, &fx->ctx), 0);
	assert_int_equal(xlsx_write_monitoring(b, &fx->ctx), 0);
	snprintf(cmd, sizeof(cmd), "cmp -s '%s' '%s'", a, b);
	assert_int_equal(system(cmd), 0);
	char *core = unzip(a, "docProps/core.xml");
	assert_non_null(strstr(core, "2026-12-21T00:00:00Z"));
	free(core);
}

static void test_xlsx_write__lists(void **state)
{
	struct fixture *fx = *state;
	char path[128], script[1024], *out;
	int st;
	snprintf(path, sizeof(path), "%s/lists.xlsx", fx->dir);
	assert_int_equal(xlsx_write_lists(path, &fx->ctx), 0);
	snprintf(script, sizeof(script),
		 "import openpyxl\n"
		 "wb = openpyxl.load_workbook(\"%s\")\n"
		 "for ws in wb:\n"
		 "  names = [r[2].value for r in ws.iter_rows(min_row=5)"
		 " if r[0].value and r[3].value]\n"
		 "  print(ws.title, names)\n"
		 "print(wb[\"Без наставника\"][\"D5\"].value)\n", path);
	out = py(script, &st);
	assert_int_equal(st, 0);
	/* by hand: see setup() */
	assert_non_null(strstr(out, "Без наставника ['Иванова Анна "
			       "Петровна']\n"));
	assert_non_null(strstr(out, "Неустранённые дефициты ['Кузьмина "
			       "Ольга Юрьевна']\n"));
	assert_non_null(strstr(out, "Перегрузка ['Петров Пётр "
			       "Петрович']\n"));
	assert_non_null(strstr(out, "Учителя 60+ ['Петров Пётр "
			       "Петрович']\n"));
	assert_non_null(strstr(out, "112-233-445 95\n"));
	free(out);
}

static void test_xlsx_write__returns(void **state)
{
	struct fixture *fx = *state;
	char dir[128], script[1200], *out;
	int st;
	snprintf(dir, sizeof(dir), "%s/returns", fx->dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(xlsx_write_returns(dir, &fx->ctx), 0);
	/* sch2 has two diagnosed rows, sch1 none: one file */
	snprintf(script, sizeof(script),
		 "import openpyxl, os\n"
		 "print(sorted(os.listdir(\"%s\")))\n"
		 "wb = openpyxl.load_workbook(\"%s/sch2.xlsx\")\n"
		 "ws = wb[\"Кадры\"]\n"
		 "rows = [r for r in ws.iter_rows() if isinstance(r[0].value,"
		 " int)]\n"
		 "for r in rows:\n"
		 "  print(r[0].value, r[1].value, r[6].value,"
		 " r[6].fill.fgColor.rgb, r[5].fill.fgColor.rgb)\n"
		 "print(ws.cell(row=rows[0][0].row, column=3).value)\n",
		 dir, dir);
	out = py(script, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "['sch2.xlsx']\n"));
	assert_non_null(strstr(out, "5 отклонена =HYPERLINK(\"http://x\") "
			       "FFFFC7CE 00000000\n"));
	assert_non_null(strstr(out, "7 принята с предупреждением учитель "
			       "\xEF\xBF\xBD FFFFEB9C 00000000\n"));
	assert_non_null(strstr(out, "Должность: неизвестная должность "
			       "(V120)\n"));
	free(out);
}

/*
 * tests/xlsx/check_workbook.py on the hand-built period: values against
 * summary.csv, charts, no formulas, no names of the input's ФИО column.
 */
static void test_xlsx_write__check_workbook_script(void **state)
{
	struct fixture *fx = *state;
	char path[160], cmd[400], *out;
	FILE *f;
	int st;
	snprintf(path, sizeof(path), "%s/in", fx->dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/in/кадры.csv", fx->dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("СНИЛС;Код ОО;ФИО\n112-233-445 95;sch1;Иванова Анна Петровна\n",
	      f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/summary.csv", fx->dir);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(summary_write(&fx->fs, f), 0);
	fclose(f);
	snprintf(path, sizeof(path), "%s/monitoring.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &fx->ctx), 0);
	snprintf(cmd, sizeof(cmd), "/usr/bin/python3 "
		 "tests/xlsx/check_workbook.py '%s' '%s/in' 2>&1", fx->dir,
		 fx->dir);
	out = run(cmd, &st);
	assert_string_equal(out, "ok\n");
	assert_int_equal(st, 0);
	free(out);
	/* the checker does fail: lists.xlsx in place of the workbook */
	assert_int_equal(xlsx_write_lists(path, &fx->ctx), 0);
	out = run(cmd, &st);
	assert_int_not_equal(st, 0);
	assert_non_null(strstr(out, "похоже на СНИЛС"));
	free(out);
}

/*
 * Without dataset, params, analysis, template and history the workbook is
 * still whole.
 */
static void test_xlsx_write__bare_context(void **state)
{
	struct fixture *fx = *state;
	struct report_ctx c = fx->ctx;
	char path[128], script[600], *out;
	int st;
	c.an = NULL;
	c.t = NULL;
	c.hist = NULL;
	c.ds = NULL;            /* as the regional roll-up has it */
	c.p = NULL;
	snprintf(path, sizeof(path), "%s/bare.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &c), 0);
	snprintf(script, sizeof(script),
		 "import openpyxl\n"
		 "wb = openpyxl.load_workbook(\"%s\")\n"
		 "print(len(wb.sheetnames),"
		 " wb[\"Рекомендации\"][\"A4\"].value)\n"
		 "print(wb[\"Показатели\"][\"G5\"].value)\n", path);
	out = py(script, &st);
	assert_int_equal(st, 0);
	assert_string_equal(out, "12 Анализ не выполнен.\nне оценивается\n");
	free(out);
}

/* Over XLSX_BIG_DIAGS diagnostics: constant_memory, still readable. */
static void test_xlsx_write__big_quality_sheet(void **state)
{
	struct fixture *fx = *state;
	char path[128], script[600], *out;
	int st;
	for (long i = 0; i < XLSX_BIG_DIAGS + 10; i++)
		diag_add(&fx->dl, 1, 100 + i, "Пол", SEV_WARNING, "V130", "x",
			 "неизвестный пол");
	diag_sort(&fx->dl);
	snprintf(path, sizeof(path), "%s/big.xlsx", fx->dir);
	assert_int_equal(xlsx_write_monitoring(path, &fx->ctx), 0);
	snprintf(script, sizeof(script),
		 "import openpyxl\n"
		 "wb = openpyxl.load_workbook(\"%s\", read_only=True)\n"
		 "ws = wb[\"Качество данных\"]\n"
		 "n = sum(1 for r in ws.iter_rows(min_row=6, max_col=5,"
		 " values_only=True) if r[4])\n"
		 "print(n)\n"
		 "print(wb[\"Показатели\"][\"A5\"].value)\n", path);
	out = py(script, &st);
	assert_int_equal(st, 0);
	/* 3 from setup + XLSX_BIG_DIAGS + 10 */
	char want[64];
	snprintf(want, sizeof(want), "%d\nI01\n", XLSX_BIG_DIAGS + 13);
	assert_string_equal(out, want);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__sheets_and_charts, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__values_equal_figures, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__no_personal_data_no_formulas, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__deterministic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_write__lists, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_xlsx_write__returns,
						setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__check_workbook_script, setup,
			teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__bare_context, setup, teardown),
		cmocka_unit_test_setup_teardown(
			test_xlsx_write__big_quality_sheet, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
