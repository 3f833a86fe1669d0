/*
 * test_validate.c - the validator on tiny input folders written to a temp
 * dir: discovery, headers, every row rule, references and the counts.
 *
 * The as-of date is 31.12.2026 throughout.  Valid SNILS used below
 * (checksums computed by hand with the weights 9..1):
 *   112-233-445 95, 123-456-789 64, 234-567-890 99, 345-678-901 23,
 *   456-789-012 38, 567-890-123 43.
 */
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enums.h"
#include "field.h"
#include "kadry_test.h"
#include "schema.h"

struct run {
	char dir[64];
	struct dataset ds;
	struct diag_list dl;
	int rc;
};

#define ORGS "organizations.csv", \
	"org_id;name;type;municipality;low_results;mentoring_model\n" \
	"S1;Школа 1;ОО;Город;да;нет\n" \
	"S2;Детсад 2;ДОО;Город;;да\n"

/* The staff header, then rows of it. */
#define SH "person_id;org_id;birth_date;position;subjects;employment;" \
	"ped_experience\n"

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	/* make the sub-folders of name */
	for (char *p = path + strlen(dir) + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0700);
			*p = '/';
		}
	}
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* files: name, text, name, text, ..., NULL */
static struct run *run_v(const char *const *files)
{
	struct run *r = calloc(1, sizeof(*r));
	strcpy(r->dir, "/tmp/kadry-vXXXXXX");
	assert_non_null(mkdtemp(r->dir));
	for (int i = 0; files[i]; i += 2)
		write_file(r->dir, files[i], files[i + 1]);
	struct validate_opts o = {
		.input_dir = r->dir,
		.encoding = ENC_AUTO,
		.asof = date_from_ymd(2026, 12, 31),
		.limits = CSV_LIMITS_DEFAULT,
	};
	dataset_init(&r->ds);
	diag_init(&r->dl, &r->ds.arena);
	r->rc = validate_input(&o, &r->ds, &r->dl);
	diag_sort(&r->dl);
	if (getenv("KADRY_TEST_DEBUG"))
		diag_print(&r->dl, stderr);
	return r;
}

#define RUN(...) run_v((const char *const[]){ __VA_ARGS__, NULL })

static void run_free(struct run *r)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", r->dir);
	assert_int_equal(system(cmd), 0);
	diag_release(&r->dl);
	dataset_release(&r->ds);
	free(r);
}

static int ncode(const struct run *r, const char *code)
{
	int n = 0;
	for (size_t i = 0; i < r->dl.n; i++)
		n += strcmp(r->dl.v[i].code, code) == 0;
	return n;
}

/* The diagnostic with code on line of the file named path. */
static const struct diag *find(const struct run *r, const char *path,
			       long line, const char *code)
{
	for (size_t i = 0; i < r->dl.n; i++) {
		const struct diag *d = &r->dl.v[i];
		if (strcmp(d->code, code) || d->line != line)
			continue;
		if (path && (d->file < 0 ||
			     strcmp(r->dl.files[d->file].path, path)))
			continue;
		return d;
	}
	return NULL;
}

static const struct file_report *file(const struct run *r, const char *path)
{
	for (size_t i = 0; i < r->dl.nfiles; i++)
		if (strcmp(r->dl.files[i].path, path) == 0)
			return &r->dl.files[i];
	fail_msg("no file %s", path);
	return NULL;
}

static void counts(const struct run *r, const char *path, long read,
		   long acc, long rej, long warn)
{
	const struct file_report *f = file(r, path);
	assert_int_equal(f->read, read);
	assert_int_equal(f->accepted, acc);
	assert_int_equal(f->rejected, rej);
	assert_int_equal(f->warnings, warn);
}

static int setup(void **state)
{
	field_init();
	return 0;
}

/* ---- names and kinds ---- */

static void test_validate__kind_from_name(void **state)
{
	assert_int_equal(validate_kind_from_name("organizations.csv"),
			 KIND_ORGS);
	assert_int_equal(validate_kind_from_name("ОО_2026.csv"), KIND_ORGS);
	assert_int_equal(validate_kind_from_name("Организации.TXT"),
			 KIND_ORGS);
	assert_int_equal(validate_kind_from_name("orgs-1.tsv"), KIND_ORGS);
	assert_int_equal(validate_kind_from_name("Кадры школы 5.csv"),
			 KIND_STAFF);
	assert_int_equal(validate_kind_from_name("staff2026.csv"), KIND_STAFF);
	assert_int_equal(validate_kind_from_name("ПЕДАГОГИ.csv"), KIND_STAFF);
	assert_int_equal(validate_kind_from_name("диагностика.csv"),
			 KIND_DIAGNOSTICS);
	assert_int_equal(validate_kind_from_name("пк.csv"), KIND_COURSES);
	assert_int_equal(validate_kind_from_name("Наставничество_1.csv"),
			 KIND_MENTORING);
	assert_int_equal(validate_kind_from_name("потребность.csv"),
			 KIND_VACANCIES);
	/* a prefix must end at a boundary */
	assert_int_equal(validate_kind_from_name("оосш.csv"), KIND_UNKNOWN);
	assert_int_equal(validate_kind_from_name("пкс.csv"), KIND_UNKNOWN);
	assert_int_equal(validate_kind_from_name("staffing.csv"),
			 KIND_UNKNOWN);
	assert_int_equal(validate_kind_from_name("list.csv"), KIND_UNKNOWN);
	assert_string_equal(kind_key(KIND_COURSES), "courses");
	assert_string_equal(kind_name_ru(KIND_STAFF),
			    "Педагогические работники");
}

static void test_validate__codes_table(void **state)
{
	int n = 0;
	for (const struct diag_code *c = validate_codes; c->code; c++, n++) {
		assert_int_equal(c->code[0], 'V');
		assert_int_equal(strlen(c->code), 4);
		for (const struct diag_code *d = c + 1; d->code; d++)
			assert_string_not_equal(c->code, d->code);
	}
	assert_true(n >= 30);
}

/* ---- a clean set ---- */

static void test_validate__clean(void **state)
{
	struct run *r = RUN(ORGS,
		"staff.csv", SH
		"112-233-445 95;S1;01.02.1980;учитель;математика, физика;"
		"основное;20\n"
		"123-456-789 64;S1;1990-05-10;учитель информатики;—;;5,5\n"
		"11223344595;S2;1.2.1980;воспитатель;;совместительство;20\n",
		"diagnostics.csv",
		"person_id;date;kind;subject;score;deficit;deficit_areas\n"
		"112-233-445 95;10.03.2026;предметная;алгебра;55;;"
		"Оценивание , ЦИФРА;оценивание\n",
		"courses.csv",
		"person_id;program;provider;kind;hours;end_date;"
		"federal_registry\n"
		"112-233-445 95;ФГОС;ИРО;ПК;36;20.04.2026;да\n",
		"mentoring.csv",
		"org_id;mentor_id;mentee_id;form;start_date;end_date;paid\n"
		"S1;112-233-445 95;123-456-789 64;педагог — педагог;"
		"01.09.2026;;да\n",
		"vacancies.csv",
		"org_id;position;subject;count;horizon\n"
		"S1;учитель;химия;2;\n");
	assert_int_equal(r->rc, 0);
	assert_int_equal(r->dl.n, 0);
	/* files are registered in path order */
	assert_int_equal(r->dl.nfiles, 6);
	assert_string_equal(r->dl.files[0].path, "courses.csv");
	assert_string_equal(r->dl.files[5].path, "vacancies.csv");
	counts(r, "staff.csv", 3, 3, 0, 0);
	for (int k = KIND_ORGS; k < KIND__COUNT; k++)
		assert_true(r->ds.have[k]);

	struct dataset *ds = &r->ds;
	assert_int_equal(ds->orgs.n, 2);
	assert_true(ds->orgs.v[0].low_results);
	assert_false(ds->orgs.v[0].mentoring_model);
	assert_int_equal(ds->orgs.v[1].type, ORG_DOO);
	assert_int_equal(ds->staff.n, 3);
	assert_int_equal(ds->persons.n, 2);
	/* row 1: two subjects; row 2: subject from the position */
	assert_int_equal(ds->staff.v[0].nsubjects, 2);
	assert_int_equal(ds->staff.v[0].subjects[0], SUBJ_MATH);
	assert_int_equal(ds->staff.v[0].subjects[1], SUBJ_PHYSICS);
	assert_int_equal(ds->staff.v[1].nsubjects, 1);
	assert_int_equal(ds->staff.v[1].subjects[0], SUBJ_INFORMATICS);
	assert_int_equal(ds->staff.v[1].employment, EMP_MAIN);
	assert_int_equal(ds->staff.v[1].experience, 5500);
	assert_int_equal(ds->staff.v[1].load, FIX_NONE);
	assert_int_equal(ds->staff.v[1].hire, KDATE_NONE);
	assert_int_equal(ds->staff.v[1].category, CAT_NONE);
	assert_int_equal(ds->staff.v[2].employment, EMP_PART);
	assert_int_equal(ds->staff.v[2].birth, date_from_ymd(1980, 2, 1));
	/* person 0 has rows 0 and 2; the main one is row 0 */
	assert_int_equal(ds->persons.v[0].nrows, 2);
	assert_int_equal(ds->persons.v[0].main_row, 0);
	assert_string_equal(ds->persons.v[0].snils, "11223344595");
	assert_int_equal(ds->staff.v[2].person, 0);
	assert_int_equal(ds->staff.v[2].org, 1);

	assert_int_equal(ds->diags.n, 1);
	assert_int_equal(ds->diags.v[0].deficit, -1);
	assert_int_equal(ds->diags.v[0].subject, SUBJ_MATH);
	assert_int_equal(ds->diags.v[0].score, FIX(55));
	assert_int_equal(ds->diags.v[0].kind, DK_SUBJECT);
	/* «Оценивание », «ЦИФРА», «оценивание»: two areas */
	assert_int_equal(ds->diags.v[0].nareas, 2);
	assert_string_equal(ds->areas.v[ds->diags.v[0].areas[0]],
			    "оценивание");
	assert_string_equal(ds->areas.v[ds->diags.v[0].areas[1]], "цифра");

	assert_int_equal(ds->courses.n, 1);
	assert_int_equal(ds->courses.v[0].kind, CK_PK);
	assert_int_equal(ds->courses.v[0].hours, FIX(36));
	assert_int_equal(ds->courses.v[0].start, KDATE_NONE);
	assert_int_equal(ds->programs.n, 1);
	assert_int_equal(ds->programs.v[0].flags, CFL_FEDERAL);
	assert_string_equal(ds->programs.v[0].provider, "ИРО");

	assert_int_equal(ds->pairs.n, 1);
	assert_int_equal(ds->pairs.v[0].mentor, 0);
	assert_int_equal(ds->pairs.v[0].mentee, 1);
	assert_int_equal(ds->pairs.v[0].form, MF_PEER);
	assert_true(ds->pairs.v[0].paid);
	assert_int_equal(ds->pairs.v[0].end, KDATE_NONE);

	assert_int_equal(ds->vacancies.n, 1);
	assert_int_equal(ds->vacancies.v[0].count, 2);
	assert_int_equal(ds->vacancies.v[0].horizon, HZ_CURRENT);
	assert_int_equal(ds->vacancies.v[0].subject, SUBJ_CHEMISTRY);
	assert_int_equal(ds->vacancies.v[0].src.line, 2);
	run_free(r);
}

/* ---- discovery ---- */

static void test_validate__discovery(void **state)
{
	struct run *r = RUN(
		"b/organizations.csv",
		"Код ОО;Наименование;Тип;Муниципалитет\nS1;Ш;ОО;Г\n",
		"a/кадры.CSV",
		SH "112-233-445 95;S1;01.02.1980;методист;;;5\n",
		"README.md", "not data\n",
		".hidden.csv", "garbage\n",
		"notes.txt", "просто текст\n",
		"list.tsv",
		"org_id\tposition\tcount\nS1\tметодист\t1\n",
		"empty.csv", "");
	assert_int_equal(r->rc, 0);
	/* byte order: a/..., b/..., empty.csv, list.tsv, notes.txt */
	assert_int_equal(r->dl.nfiles, 5);
	assert_string_equal(r->dl.files[0].path, "a/кадры.CSV");
	assert_string_equal(r->dl.files[1].path, "b/organizations.csv");
	assert_string_equal(r->dl.files[2].path, "empty.csv");
	assert_string_equal(r->dl.files[3].path, "list.tsv");
	assert_string_equal(r->dl.files[4].path, "notes.txt");
	assert_int_equal(r->dl.files[0].kind, KIND_STAFF);
	/* list.tsv is vacancies by its header */
	assert_int_equal(r->dl.files[3].kind, KIND_VACANCIES);
	counts(r, "list.tsv", 1, 1, 0, 0);
	/* staff read after organizations although it sorts first */
	counts(r, "a/кадры.CSV", 1, 1, 0, 0);
	assert_non_null(find(r, "empty.csv", 0, "V103"));
	assert_non_null(find(r, "notes.txt", 0, "V102"));
	assert_true(r->dl.files[4].file_error);
	assert_false(r->ds.have[KIND_COURSES]);
	assert_true(r->ds.have[KIND_VACANCIES]);
	assert_int_equal(ncode(r, "V101"), 0);
	run_free(r);
}

static void test_validate__missing_kinds(void **state)
{
	struct run *r = RUN("courses.csv",
		"person_id;program;kind;end_date\n"
		"112-233-445 95;X;ПК;01.01.2026\n");
	/* no organizations, no staff: two run-level errors; the course
	 * row's person is unknown */
	assert_int_equal(ncode(r, "V101"), 2);
	assert_int_equal(r->dl.v[0].file, -1);
	counts(r, "courses.csv", 1, 0, 1, 0);
	assert_non_null(find(r, "courses.csv", 2, "V145"));
	run_free(r);
}

static void test_validate__no_dir(void **state)
{
	struct dataset ds;
	struct diag_list dl;
	struct validate_opts o = {
		.input_dir = "/nonexistent/kadry-input",
		.asof = date_from_ymd(2026, 12, 31),
		.limits = CSV_LIMITS_DEFAULT,
	};
	dataset_init(&ds);
	diag_init(&dl, &ds.arena);
	assert_int_equal(validate_input(&o, &ds, &dl), -1);
	diag_release(&dl);
	dataset_release(&ds);
}

/* ---- headers ---- */

static void test_validate__header_labels(void **state)
{
	/* labels in any case, ё for е, trailing ':' and '*', extra spaces;
	 * one unknown column, one duplicate */
	struct run *r = RUN(ORGS,
		"staff.csv",
		"СНИЛС*;код  оо;ДАТА РОЖДЕНИЯ:;Должность;Педагогический стаж, "
		"лет;Дата приёма;Любимый цвет;snils;person_id\n"
		"112-233-445 95;S1;01.02.1980;методист;10;01.09.2020;синий;x;"
		"y\n");
	/* warnings: «Любимый цвет» and «snils» unknown (person_id is the
	 * key), person_id a duplicate of СНИЛС* */
	counts(r, "staff.csv", 1, 1, 0, 3);
	const struct diag *d = find(r, "staff.csv", 1, "V105");
	assert_non_null(d);
	assert_string_equal(d->column, "Любимый цвет");
	assert_int_equal(d->sev, SEV_WARNING);
	assert_int_equal(ncode(r, "V105"), 2);
	d = find(r, "staff.csv", 1, "V106");
	assert_non_null(d);
	assert_string_equal(d->column, "person_id");
	assert_int_equal(r->ds.staff.v[0].hire, date_from_ymd(2020, 9, 1));
	/* the header is kept as written */
	const struct file_report *f = file(r, "staff.csv");
	assert_int_equal(f->ncols, 9);
	assert_string_equal(f->header[0], "СНИЛС*");
	run_free(r);
}

static void test_validate__missing_column(void **state)
{
	/* no birth_date: every row rejected, one error per missing column */
	struct run *r = RUN(ORGS,
		"staff.csv",
		"person_id;org_id;position\n"
		"112-233-445 95;S1;методист\n"
		"123-456-789 64;S1;методист\n"
		"\n"
		"bad;;\n");
	counts(r, "staff.csv", 3, 0, 3, 0);
	assert_int_equal(ncode(r, "V104"), 2);
	const struct diag *d = find(r, "staff.csv", 1, "V104");
	assert_non_null(d);
	assert_string_equal(d->column, "Дата рождения");
	assert_null(d->row);
	assert_true(file(r, "staff.csv")->file_error);
	assert_false(r->ds.have[KIND_STAFF]);
	assert_int_equal(r->ds.staff.n, 0);
	/* no row diagnostics for the rows themselves */
	assert_int_equal(r->dl.n, 2);
	run_free(r);
}

static void test_validate__blank_rows(void **state)
{
	/* rows of spaces, NBSP and empty cells are not rows: 2 read */
	struct run *r = RUN("organizations.csv",
		"  ;\xc2\xa0\n"
		"org_id;name;type;municipality\n"
		"S1;A;ОО;Г\n"
		" ; ;\t;\n"
		";;;\n"
		"S2;B;ОО;Г\n");
	counts(r, "organizations.csv", 2, 2, 0, 0);
	assert_int_equal(r->ds.orgs.v[1].src.line, 6);
	run_free(r);
}

/* ---- organizations ---- */

static void test_validate__orgs(void **state)
{
	struct run *r = RUN("организации.csv",
		"org_id;name;type;municipality;low_results\n"
		"S1;Школа;школа;Город;+\n"           /* 2: ok, synonym */
		"S1;Школа bis;ОО;Город;\n"           /* 3: duplicate */
		"#bad id;Школа;ОО;Город;\n"          /* 4: bad id */
		"S3;;вуз;Город;может быть\n"         /* 5: name, type; yn */
		"S4;Сад;ДОО;Город;нет\n");           /* 6: ok */
	counts(r, "организации.csv", 5, 2, 3, 1);
	assert_int_equal(r->ds.orgs.n, 2);
	assert_int_equal(r->ds.orgs.v[0].type, ORG_OO);
	assert_true(r->ds.orgs.v[0].low_results);
	const struct diag *d = find(r, NULL, 3, "V140");
	assert_non_null(d);
	assert_string_equal(d->value, "S1");
	assert_non_null(strstr(d->message, "строке 2"));
	assert_non_null(find(r, NULL, 4, "V118"));
	assert_non_null(find(r, NULL, 5, "V110"));
	d = find(r, NULL, 5, "V115");
	assert_non_null(d);
	assert_non_null(strstr(d->message, "«вуз»"));
	assert_non_null(strstr(d->message, "ОО"));
	d = find(r, NULL, 5, "V114");
	assert_int_equal(d->sev, SEV_WARNING);
	/* V101 for the missing staff only */
	assert_int_equal(ncode(r, "V101"), 1);
	run_free(r);
}

/* ---- staff ---- */

static void test_validate__staff_rules(void **state)
{
	struct run *r = RUN(ORGS,
		"staff.csv",
		"person_id;org_id;birth_date;position;subjects;ped_experience;"
		"hire_date;teaching_load;is_mentor;category\n"
		/* 2: bad checksum */
		"112-233-445 96;S1;01.02.1980;методист;;5;;;;\n"
		/* 3: bad form */
		"12-34;S1;01.02.1980;методист;;5;;;;\n"
		/* 4: age 12 on 31.12.2026 */
		"123-456-789 64;S1;01.02.2014;методист;;0;;;;\n"
		/* 5: age 30, experience 17 > 30 - 14 */
		"234-567-890 99;S1;01.01.1996;методист;;17;;;;\n"
		/* 6: unknown org; empty position */
		"345-678-901 23;S9;01.01.1980;;;5;;;;\n"
		/* 7: warnings only: hire after as-of, load 70, yes/no bad,
		 * category bad, unknown subject kept */
		"456-789-012 38;S1;01.01.1980;учитель;Шахматы/алгебра;5;"
		"01.01.2027;70;ага;вторая\n"
		/* 8: teacher without subject: warning; two-digit year */
		"567-890-123 43;S1;01.01.80;учитель;;5;;;;\n"
		/* 9: negative experience, Excel serial birth date */
		"567-890-123 43;S2;29221;учитель математики;;-1;;;;\n");
	/* rows 2, 3, 4, 5, 6, 8, 9 rejected; 7 accepted; warnings: five on
	 * row 7, V138 on row 8, V112 on row 9 */
	counts(r, "staff.csv", 8, 1, 7, 7);
	const struct diag *d = find(r, NULL, 2, "V117");
	assert_non_null(d);
	assert_null(d->value);
	assert_string_equal(d->message, "контрольное число СНИЛС не сходится");
	assert_string_equal(d->column, "person_id");
	d = find(r, NULL, 3, "V116");
	assert_null(d->value);
	assert_null(strstr(d->message, "12-34"));
	d = find(r, NULL, 4, "V130");
	assert_non_null(d);
	assert_null(d->value);
	assert_null(strstr(d->message, "2014"));
	d = find(r, NULL, 5, "V131");
	assert_non_null(d);
	assert_string_equal(d->value, "17");
	d = find(r, NULL, 6, "V141");
	assert_string_equal(d->value, "S9");
	assert_non_null(find(r, NULL, 6, "V110"));
	/* row 7 */
	assert_int_equal(find(r, NULL, 7, "V132")->sev, SEV_WARNING);
	assert_int_equal(find(r, NULL, 7, "V134")->sev, SEV_WARNING);
	assert_int_equal(find(r, NULL, 7, "V114")->sev, SEV_WARNING);
	d = find(r, NULL, 7, "V115");
	assert_int_equal(d->sev, SEV_WARNING);
	assert_non_null(strstr(d->message, "принято «без категории»"));
	d = find(r, NULL, 7, "V119");
	assert_string_equal(d->value, "Шахматы");
	assert_int_equal(r->ds.staff.n, 1);
	const struct staff_row *s = &r->ds.staff.v[0];
	assert_int_equal(s->hire, KDATE_NONE);
	assert_int_equal(s->load, FIX_NONE);
	assert_int_equal(s->flags, 0);
	assert_int_equal(s->category, CAT_NONE);
	assert_int_equal(s->nsubjects, 2);
	assert_true(s->subjects[0] >= SUBJ__COUNT);
	assert_string_equal(dataset_subject_name(&r->ds, s->subjects[0]),
			    "Шахматы");
	assert_int_equal(s->subjects[1], SUBJ_MATH);
	/* row 8: warning plus the date error */
	assert_int_equal(find(r, NULL, 8, "V138")->sev, SEV_WARNING);
	d = find(r, NULL, 8, "V111");
	assert_null(d->value);
	assert_null(strstr(d->message, "80"));
	/* row 9: Excel serial 29221 = 01.01.1980 warned without value */
	d = find(r, NULL, 9, "V112");
	assert_null(d->value);
	assert_non_null(find(r, NULL, 9, "V134"));
	/* the raw row of a rejected line */
	d = find(r, NULL, 6, "V141");
	assert_non_null(d->row);
	assert_true(d->row->rejected);
	assert_string_equal(d->row->org_id, "S9");
	assert_int_equal(d->row->nfields, 6);
	assert_string_equal(d->row->fields[1], "S9");
	assert_int_equal(d->col_index, 1);
	run_free(r);
}

static void test_validate__staff_persons(void **state)
{
	struct run *r = RUN(
		"organizations.csv",
		"org_id;name;type;municipality\n"
		"S1;A;ОО;Г\nS2;B;ОО;Г\nS3;C;ОО;Г\n",
		"staff.csv", SH
		/* 2..4: person A in S1, S2 (both main), S1 again */
		"112-233-445 95;S1;01.02.1980;методист;;основное;20\n"
		"112-233-445 95;S2;01.02.1981;методист;;основное;21\n"
		"112-233-445 95;S1;01.02.1980;методист;;;20\n"
		/* 5, 6: person B, part-time twice: no main row */
		"123-456-789 64;S2;01.02.1980;методист;;совместительство;3\n"
		"123-456-789 64;S3;01.02.1980;методист;;совместительство;3\n"
		/* 7: person C, part-time once: no warning */
		"234-567-890 99;S3;01.02.1980;методист;;совместительство;3\n"
		/* 8: person D, part-time then main */
		"345-678-901 23;S1;01.02.1980;методист;;совместительство;3\n"
		"345-678-901 23;S2;01.02.1980;методист;;основное;3\n");
	/* 8 rows: row 4 rejected (same org); warnings: three on row 3
	 * (birth, experience, second main), one on row 5 (no main) */
	counts(r, "staff.csv", 8, 7, 1, 4);
	const struct diag *d = find(r, NULL, 4, "V142");
	assert_non_null(d);
	assert_null(d->value);
	assert_non_null(strstr(d->message, "строке 2"));
	/* row 3: birth and experience disagree, second main */
	d = find(r, NULL, 3, "V144");
	assert_non_null(d);
	assert_null(d->value);  /* birth date: personal */
	assert_int_equal(ncode(r, "V144"), 2);
	assert_non_null(find(r, NULL, 3, "V143"));
	/* row 5: no main among B's two rows */
	d = find(r, NULL, 5, "V143");
	assert_non_null(d);
	assert_non_null(d->row);
	assert_false(d->row->rejected);
	assert_string_equal(d->column, "employment");
	assert_int_equal(ncode(r, "V143"), 2);
	assert_int_equal(r->ds.persons.n, 4);
	assert_int_equal(r->ds.persons.v[0].main_row, 0);
	assert_int_equal(r->ds.persons.v[0].nrows, 2);
	assert_int_equal(r->ds.persons.v[1].main_row, 2);
	/* D: the main row is the second one, staff index 6 */
	assert_int_equal(r->ds.persons.v[3].main_row, 6);
	assert_int_equal(r->ds.persons.v[3].first_row, 5);
	run_free(r);
}

/* ---- diagnostics and courses: references ---- */

static void test_validate__references(void **state)
{
	struct run *r = RUN(ORGS,
		"staff.csv", SH
		"112-233-445 95;S1;01.02.1980;методист;;;20\n"
		/* 3: rejected (age), the only row of this person */
		"123-456-789 64;S1;01.02.2020;методист;;;0\n",
		"diagnostics.csv",
		"person_id;date;score;deficit\n"
		"123-456-789 64;01.03.2026;50;\n"  /* 2: person rejected */
		"345-678-901 23;01.03.2026;50;\n"  /* 3: unknown person */
		"112-233-445 95;01.03.2027;50;\n"  /* 4: after as-of */
		"112-233-445 95;01.03.2026;150;да\n"   /* 5: score warning */
		"112-233-445 95;01.03.2026;;нет\n");   /* 6: ok */
	counts(r, "diagnostics.csv", 5, 2, 3, 1);
	const struct diag *d = find(r, "diagnostics.csv", 2, "V145");
	assert_non_null(d);
	assert_non_null(strstr(d->message, "отклонены"));
	assert_null(d->value);
	d = find(r, "diagnostics.csv", 3, "V145");
	assert_non_null(strstr(d->message, "не найден"));
	assert_null(d->row->org_id);
	d = find(r, "diagnostics.csv", 4, "V132");
	assert_int_equal(d->sev, SEV_ERROR);
	d = find(r, "diagnostics.csv", 5, "V134");
	assert_int_equal(d->sev, SEV_WARNING);
	/* raw row carries the person's main-row organization */
	assert_string_equal(d->row->org_id, "S1");
	assert_int_equal(r->ds.diags.n, 2);
	assert_int_equal(r->ds.diags.v[0].score, FIX_NONE);
	assert_int_equal(r->ds.diags.v[0].deficit, 1);
	assert_int_equal(r->ds.diags.v[1].deficit, 0);
	run_free(r);
}

static void test_validate__courses(void **state)
{
	struct run *r = RUN(ORGS,
		"staff.csv", SH "112-233-445 95;S1;01.02.1980;методист;;;20\n",
		"курсы.csv",
		"person_id;program;provider;kind;hours;start_date;end_date;"
		"elearning;stress_module;form\n"
		/* 2: program P/ИРО, no flags */
		"112-233-445 95;Программа П;ИРО;ПК;8;;01.02.2025;нет;нет;"
		"очная\n"
		/* 3: same program written differently, flags differ */
		"112-233-445 95;программа  п ;иро;ПК;72;;01.03.2025;да;да;\n"
		/* 4: same again, disagreeing again: no new warning */
		"112-233-445 95;Программа П;ИРО;ПК;72;;01.03.2025;нет;нет;\n"
		/* 5: ПП with 100 hours, other provider: a new program */
		"112-233-445 95;Программа П;;ПП;100;;01.03.2025;;;\n"
		/* 6: end before start; unknown kind; hours 0 */
		"112-233-445 95;X;;курс;0;01.05.2025;01.03.2025;;;\n"
		/* 7: end after as-of; missing program */
		"112-233-445 95;;;ПК;16;;01.01.2027;;;\n");
	/* rows 2..5 accepted, 6 and 7 rejected; warnings: row 2 hours,
	 * row 3 two flags, row 5 hours, row 6 hours */
	counts(r, "курсы.csv", 6, 4, 2, 5);
	assert_int_equal(r->ds.programs.n, 2);
	assert_int_equal(r->ds.programs.v[0].flags,
			 CFL_ELEARNING | CFL_STRESS);
	assert_string_equal(r->ds.programs.v[0].name, "Программа П");
	/* the key outlives the validator: normalized name, 0x1f, provider */
	assert_int_equal(strmap_get(&r->ds.program_index,
				    "программа п\x1fиро"), 0);
	assert_int_equal(strmap_get(&r->ds.program_index,
				    "программа п\x1f"), 1);
	assert_null(r->ds.programs.v[1].provider);
	assert_int_equal(r->ds.courses.v[1].program, 0);
	assert_int_equal(r->ds.courses.v[2].program, 0);
	assert_int_equal(r->ds.courses.v[3].program, 1);
	/* per row as written */
	assert_int_equal(r->ds.courses.v[0].flags, 0);
	assert_int_equal(r->ds.courses.v[0].form, CF_FULLTIME);
	assert_int_equal(ncode(r, "V147"), 2);
	const struct diag *d = find(r, NULL, 3, "V147");
	assert_string_equal(d->column, "elearning");
	assert_non_null(strstr(d->message, "строкой 2"));
	assert_int_equal(find(r, NULL, 2, "V135")->sev, SEV_WARNING);
	assert_non_null(strstr(find(r, NULL, 5, "V135")->message, "250"));
	assert_non_null(find(r, NULL, 6, "V133"));
	assert_non_null(find(r, NULL, 6, "V115"));
	assert_non_null(find(r, NULL, 6, "V134"));
	assert_non_null(find(r, NULL, 7, "V132"));
	assert_non_null(find(r, NULL, 7, "V110"));
	run_free(r);
}

/* ---- mentoring ---- */

static void test_validate__mentoring(void **state)
{
	struct run *r = RUN(ORGS,
		"staff.csv", SH
		"112-233-445 95;S1;01.02.1980;методист;;;20\n"
		"123-456-789 64;S1;01.02.1999;методист;;;1\n",
		"наставничество.csv",
		"org_id;mentor_id;mentee_id;start_date;end_date;form\n"
		/* 2: ok, open end */
		"S1;112-233-445 95;123-456-789 64;01.09.2025;;реверсивное\n"
		/* 3: same pair, overlapping: merged */
		"S1;112-233-445 95;123-456-789 64;01.01.2026;01.06.2026;\n"
		/* 4: the reverse pair: a new one; planned end after as-of */
		"S1;123-456-789 64;112-233-445 95;01.09.2026;01.06.2027;\n"
		/* 5: mentor = mentee */
		"S1;112-233-445 95;112-233-445 95;01.09.2025;;\n"
		/* 6: end before start, start after as-of */
		"S1;123-456-789 64;112-233-445 95;01.01.2027;01.06.2026;\n");
	counts(r, "наставничество.csv", 5, 3, 2, 1);
	assert_int_equal(r->ds.pairs.n, 2);
	assert_int_equal(r->ds.pairs.v[0].form, MF_REVERSE);
	assert_int_equal(r->ds.pairs.v[1].end, date_from_ymd(2027, 6, 1));
	const struct diag *d = find(r, NULL, 3, "V146");
	assert_non_null(d);
	assert_int_equal(d->sev, SEV_WARNING);
	assert_non_null(strstr(d->message, "строке 2"));
	assert_null(find(r, NULL, 5, "V137")->value);
	assert_non_null(find(r, NULL, 6, "V132"));
	run_free(r);
}

static void test_validate__mentoring_sequential(void **state)
{
	/* the same pair twice, one after the other: two pairs */
	struct run *r = RUN(ORGS,
		"staff.csv", SH
		"112-233-445 95;S1;01.02.1980;методист;;;20\n"
		"123-456-789 64;S1;01.02.1999;методист;;;1\n",
		"mentoring.csv",
		"org_id;mentor_id;mentee_id;start_date;end_date\n"
		"S1;112-233-445 95;123-456-789 64;01.09.2024;31.05.2025\n"
		"S1;112-233-445 95;123-456-789 64;01.09.2025;\n"
		"S1;112-233-445 95;123-456-789 64;31.05.2025;01.07.2025\n");
	/* row 4 overlaps both (31.05.2025 is inside the first) */
	counts(r, "mentoring.csv", 3, 3, 0, 1);
	assert_int_equal(r->ds.pairs.n, 2);
	assert_non_null(find(r, NULL, 4, "V146"));
	run_free(r);
}

/* ---- vacancies ---- */

static void test_validate__vacancies(void **state)
{
	struct run *r = RUN(ORGS,
		"вакансии.csv",
		"Код ОО;Должность;Предмет;Количество;Горизонт;"
		"Нагрузка, ч/нед\n"
		"S1;учитель физики;;1;долгосрочная;18\n"    /* 2: ok */
		"S1;учитель;;2;;\n"                        /* 3: warning */
		"S1;методист;;0;;\n"                       /* 4: count 0 */
		"S1;методист;;1,5;скоро;-3\n"              /* 5: 1.5 */
		"S2;педагог-психолог;;1 000;;\n");         /* 6: ok */
	counts(r, "вакансии.csv", 5, 3, 2, 3);
	const struct vacancy *va = r->ds.vacancies.v;
	assert_int_equal(va[0].subject, SUBJ_PHYSICS);
	assert_int_equal(va[0].horizon, HZ_LONG);
	assert_int_equal(va[0].hours, FIX(18));
	assert_int_equal(va[1].horizon, HZ_CURRENT);
	assert_int_equal(va[1].subject, SUBJ_NONE);
	assert_int_equal(va[2].count, 1000);
	assert_int_equal(va[2].org, 1);
	assert_non_null(find(r, NULL, 3, "V138"));
	assert_int_equal(find(r, NULL, 4, "V134")->sev, SEV_ERROR);
	assert_int_equal(find(r, NULL, 5, "V113")->sev, SEV_ERROR);
	assert_int_equal(find(r, NULL, 5, "V115")->sev, SEV_WARNING);
	assert_int_equal(find(r, NULL, 5, "V134")->sev, SEV_WARNING);
	assert_string_equal(find(r, NULL, 4, "V134")->column, "Количество");
	run_free(r);
}

/* ---- reader interplay ---- */

static void test_validate__broken_and_shapes(void **state)
{
	/* cp1251 staff with ';' and an unterminated quote at the end */
	static const char staff1251[] =
		"\xd1\xcd\xc8\xcb\xd1;\xca\xee\xe4 \xce\xce;"
		"\xc4\xe0\xf2\xe0 \xf0\xee\xe6\xe4\xe5\xed\xe8\xff;"
		"\xc4\xee\xeb\xe6\xed\xee\xf1\xf2\xfc;"
		"\xcf\xe5\xe4\xe0\xe3\xee\xe3\xe8\xf7\xe5\xf1\xea\xe8\xe9 "
		"\xf1\xf2\xe0\xe6, \xeb\xe5\xf2\r\n"
		"112-233-445 95;S1;01.02.1980;"
		"\xec\xe5\xf2\xee\xe4\xe8\xf1\xf2;"
		"20\r\n"
		"123-456-789 64;S1;01.02.1980;\"\xec\xe5\xf2\r\n";
	struct run *r = RUN(ORGS, "staff.csv", staff1251);
	const struct file_report *f = file(r, "staff.csv");
	/* the broken record is read and rejected */
	assert_int_equal(f->read, 2);
	assert_int_equal(f->accepted, 1);
	assert_int_equal(f->rejected, 1);
	assert_int_equal(r->ds.staff.v[0].position, POS_METHODIST);
	assert_string_equal(f->header[1], "Код ОО");
	run_free(r);
}

/* ---- buffers ---- */

static void test_validate__buffers(void **state)
{
	static const char orgs[] = "org_id,name,type,municipality\n"
		"S1,A,ОО,Г\n";
	static const char staff[] = SH;
	struct validate_buf files[] = {
		{ "x/any.csv", KIND_STAFF, staff, sizeof(staff) - 1 },
		{ "o.csv", KIND_UNKNOWN, orgs, sizeof(orgs) - 1 },
	};
	struct validate_opts o = {
		.asof = date_from_ymd(2026, 12, 31),
		.limits = CSV_LIMITS_DEFAULT,
	};
	struct dataset ds;
	struct diag_list dl;
	dataset_init(&ds);
	diag_init(&dl, &ds.arena);
	assert_int_equal(validate_buffers(&o, files, 2, &ds, &dl), 0);
	assert_int_equal(dl.nfiles, 2);
	assert_int_equal(dl.files[1].kind, KIND_ORGS);
	assert_int_equal(ds.orgs.n, 1);
	assert_int_equal(dl.n, 0);
	assert_true(ds.have[KIND_STAFF]);
	diag_release(&dl);
	dataset_release(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate__kind_from_name),
		cmocka_unit_test(test_validate__codes_table),
		cmocka_unit_test(test_validate__clean),
		cmocka_unit_test(test_validate__discovery),
		cmocka_unit_test(test_validate__missing_kinds),
		cmocka_unit_test(test_validate__no_dir),
		cmocka_unit_test(test_validate__header_labels),
		cmocka_unit_test(test_validate__missing_column),
		cmocka_unit_test(test_validate__blank_rows),
		cmocka_unit_test(test_validate__orgs),
		cmocka_unit_test(test_validate__staff_rules),
		cmocka_unit_test(test_validate__staff_persons),
		cmocka_unit_test(test_validate__references),
		cmocka_unit_test(test_validate__courses),
		cmocka_unit_test(test_validate__mentoring),
		cmocka_unit_test(test_validate__mentoring_sequential),
		cmocka_unit_test(test_validate__vacancies),
		cmocka_unit_test(test_validate__broken_and_shapes),
		cmocka_unit_test(test_validate__buffers),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
