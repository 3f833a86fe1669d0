/*
 * cli.c - the drivers of `kadry check`, `kadry report` and `kadry rollup`:
 * options, the pipeline read -> validate -> compute -> analyse -> write,
 * exit statuses.
 */
#include "cli.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "csv_read.h"
#include "diag.h"
#include "field.h"
#include "model.h"
#include "params.h"
#include "validate.h"
#include "analysis.h"
#include "blanks.h"
#include "bundle.h"
#include "forms.h"
#include "note_rollup.h"
#include "rollup.h"
#include "ru_plural.h"
#include "compute.h"
#include "history.h"
#include "output.h"
#include "report.h"
#include "summary.h"
#include "template.h"
#include "timing.h"
#include "writers.h"
#include "xlsx_rollup.h"

struct opts {
	const char *input, *out, *period, *template_dir, *history;
	char **args;                    /* positional arguments */
	int nargs;
	enum encoding encoding;
	bool quiet, strict, force, bundle;
	int year, month;
};

enum { OPT_PERIOD = 256, OPT_TEMPLATE, OPT_HISTORY, OPT_ENCODING, OPT_QUIET,
       OPT_STRICT, OPT_FORCE, OPT_BUNDLE, OPT_HELP, OPT_VERSION };

static const struct option long_opts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "template", required_argument, NULL, OPT_TEMPLATE },
	{ "history", required_argument, NULL, OPT_HISTORY },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "quiet", no_argument, NULL, OPT_QUIET },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "force", no_argument, NULL, OPT_FORCE },
	{ "bundle", no_argument, NULL, OPT_BUNDLE },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* The current time: SOURCE_DATE_EPOCH when set, for reproducible runs. */
time_t cli_now(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	if (s && *s) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (!*end && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

/*
 * Without --period: the next monitoring month of the current year, July for
 * January to July and December otherwise.
 */
static void default_period(int *year, int *month)
{
	time_t now = cli_now();
	struct tm tm;
	gmtime_r(&now, &tm);
	*year = tm.tm_year + 1900;
	*month = tm.tm_mon + 1 <= 7 ? 7 : 12;
}

static int parse_period(const char *s, int *year, int *month)
{
	int y, m;
	char tail;
	if (sscanf(s, "%4d-%2d%c", &y, &m, &tail) != 2 || strlen(s) != 7 ||
	    y < 2000 || y > 2100 || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}

static int parse_opts(int argc, char **argv, const char *usage,
		      struct opts *o);

/* parse_opts for the commands that take at most one folder. */
static int parse_opts1(int argc, char **argv, const char *usage,
		       struct opts *o)
{
	int rc = parse_opts(argc, argv, usage, o);
	if (!rc && o->nargs > 1) {
		fprintf(stderr, "kadry: лишний аргумент «%s»\n%s", o->args[1],
			usage);
		return EXIT_USAGE;
	}
	return rc;
}

static int parse_opts(int argc, char **argv, const char *usage,
		      struct opts *o)
{
	int c;
	memset(o, 0, sizeof(*o));
	o->input = "input";
	o->out = "output";
	o->template_dir = NULL;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:qh", long_opts, NULL)) != -1) {
		switch (c) {
		case 'o': o->out = optarg; break;
		case OPT_PERIOD: o->period = optarg; break;
		case OPT_TEMPLATE: o->template_dir = optarg; break;
		case OPT_HISTORY: o->history = optarg; break;
		case OPT_QUIET: case 'q': o->quiet = true; break;
		case OPT_STRICT: o->strict = true; break;
		case OPT_FORCE: o->force = true; break;
		case OPT_BUNDLE: o->bundle = true; break;
		case OPT_ENCODING:
			if (!strcasecmp(optarg, "utf-8") || !strcasecmp(optarg, "utf8"))
				o->encoding = ENC_UTF8;
			else if (!strcasecmp(optarg, "cp1251") ||
				 !strcasecmp(optarg, "windows-1251"))
				o->encoding = ENC_CP1251;
			else {
				fprintf(stderr, "kadry: --encoding «%s»: ожидается "
					"utf-8 или cp1251\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_HELP: case 'h':
			fputs(usage, stdout);
			return -1;
		case OPT_VERSION:
			printf("kadry %s\n", KADRY_VERSION);
			return -1;
		default:
			fprintf(stderr, "kadry: неизвестный или неполный параметр "
				"«%s»\n%s", argv[optind - 1], usage);
			return EXIT_USAGE;
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	if (o->nargs > 0)
		o->input = o->args[0];
	if (o->period) {
		if (parse_period(o->period, &o->year, &o->month)) {
			fprintf(stderr, "kadry: --period «%s»: ожидается ГГГГ-ММ, "
				"например 2026-12\n", o->period);
			return EXIT_USAGE;
		}
	} else {
		default_period(&o->year, &o->month);
	}
	return 0;
}

/*
 * A bundled template ("templates/default"): under the current folder, else
 * beside the executable or up to two folders above it (a build tree, the
 * sanitizer build in build/asan/), else the installed copy.
 */
static const char *find_template(const char *rel, char *buf, size_t size)
{
	ssize_t n;

	if (access(rel, R_OK) == 0)
		return rel;
	n = readlink("/proc/self/exe", buf, size - 3 * strlen(rel) - 3);
	if (n > 0) {
		buf[n] = '\0';
		for (int up = 0; up < 3; up++) {
			char *slash = strrchr(buf, '/');
			if (!slash)
				break;
			strcpy(slash + 1, rel);
			if (access(buf, R_OK) == 0)
				return buf;
			*slash = '\0';
		}
	}
	snprintf(buf, size, "%s/%s", KADRY_DATADIR, rel);
	return buf;
}

/*
 * The progress line of outputs.md: on a terminal, the stage under way on
 * one line of stderr, erased before anything else is printed; never in a
 * pipe or a log, and not with --quiet.
 */
static bool progress_on;

static void progress_start(const struct opts *o)
{
	progress_on = !o->quiet && isatty(STDERR_FILENO);
}

static void progress(const char *stage)
{
	if (progress_on) {
		fprintf(stderr, "\r\033[Kkadry: %s…", stage);
		fflush(stderr);
	}
}

static void progress_clear(void)
{
	if (progress_on)
		fputs("\r\033[K", stderr);
}

/* Reads and validates INPUT; prints the diagnostics and the count table. */
static int read_input(const struct opts *o, const struct params *p,
		      struct dataset *ds, struct diag_list *dl)
{
	struct validate_opts vo = {
		.input_dir = o->input,
		.encoding = o->encoding,
		.asof = p->asof,
		.limits = CSV_LIMITS_DEFAULT,
	};
	field_init();
	progress("чтение и проверка файлов");
	int rc = validate_input(&vo, ds, dl);
	progress_clear();
	if (rc)
		return EXIT_IO;
	diag_sort(dl);
	return 0;
}

static void print_diagnostics(const struct opts *o, const struct diag_list *dl)
{
	if (!o->quiet)
		diag_print(dl, stderr);
	diag_print_table(dl, stderr);
}

static bool any_rejected(const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->nfiles; i++)
		if (dl->files[i].rejected || dl->files[i].file_error)
			return true;
	for (size_t i = 0; i < dl->n; i++)
		if (dl->v[i].file < 0 && dl->v[i].sev == SEV_ERROR)
			return true;
	return false;
}

static const char check_usage[] =
	"Использование: kadry check [ПАПКА] [--period ГГГГ-ММ] "
	"[--encoding utf-8|cp1251] [--quiet]\n"
	"Читает и проверяет файлы школ, ничего не рассчитывая: печатает\n"
	"замечания (файл:строка: столбец: серьёзность: код: сообщение) и\n"
	"таблицу по файлам. ПАПКА по умолчанию input/.\n";

int cmd_check(int argc, char **argv)
{
	struct opts o;
	struct params p;
	struct dataset ds;
	struct diag_list dl;
	int rc = parse_opts1(argc, argv, check_usage, &o);

	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	params_default(&p, o.year, o.month);
	progress_start(&o);
	dataset_init(&ds);
	diag_init(&dl, &ds.arena);
	rc = read_input(&o, &p, &ds, &dl);
	if (!rc) {
		print_diagnostics(&o, &dl);
		rc = any_rejected(&dl) ? EXIT_REJECTED : EXIT_DONE;
	}
	diag_release(&dl);
	dataset_release(&ds);
	field_release();
	return rc;
}

static void print_codes(const struct diag_code *t, FILE *out)
{
	for (; t->code; t++)
		fprintf(out, "| %s | %s | %s |\n", t->code,
			t->sev == SEV_ERROR ? "ошибка" : "предупреждение",
			t->what);
}

static const char codes_usage[] =
	"Использование: kadry codes\n"
	"Печатает таблицу кодов замечаний (Markdown), как в docs/CODES.md.\n";

int cmd_codes(int argc, char **argv)
{
	struct opts o;
	int rc = parse_opts(argc, argv, codes_usage, &o);

	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	if (o.nargs) {
		fprintf(stderr, "kadry: лишний аргумент «%s»\n%s", o.args[0],
			codes_usage);
		return EXIT_USAGE;
	}
	puts("| код | серьёзность | что означает |\n|---|---|---|");
	print_codes(csv_read_codes, stdout);
	print_codes(validate_codes, stdout);
	print_codes(summary_codes, stdout);
	print_codes(rollup_codes, stdout);
	return EXIT_DONE;
}

static const char report_usage[] =
	"Использование: kadry report [ПАПКА] [-o ВЫХОД] [--period ГГГГ-ММ]\n"
	"       [--template ШАБЛОН] [--history ИСТОРИЯ] [--encoding utf-8|cp1251]\n"
	"       [--force] [--strict] [--bundle] [--quiet]\n"
	"Читает и проверяет файлы школ из ПАПКИ (по умолчанию input/), считает\n"
	"показатели и пишет в ВЫХОД/ГГГГ-ММ/ (по умолчанию output/): monitoring.xlsx,\n"
	"report.pdf, summary.csv, validation.csv, personal/ и SHA256SUMS.\n"
	"  --template  папка шаблона (по умолчанию templates/default)\n"
	"  --history   папка с summary.csv прошлых периодов (динамика)\n"
	"  --force     заменить результаты, уже лежащие в папке периода\n"
	"  --strict    ничего не писать, если есть отклонённые строки\n"
	"  --bundle    ещё и ZIP-архив файлов для отправки (без personal/)\n"
	"  --quiet     не печатать замечания по строкам, только таблицу\n";

/* The state of one report run, released at one exit label. */
struct run {
	struct opts o;
	struct params p;
	struct template t;
	struct dataset ds;
	struct diag_list dl;
	struct figures fs, hist;
	struct analysis an;
	struct arena arena;             /* figures' strings */
	struct output *out;
	bool have_an;
};

static int write_summary(struct run *r)
{
	FILE *f = output_open(r->out, "summary.csv", true);
	if (!f)
		return -1;
	summary_write(&r->fs, f);
	return output_close(f, "summary.csv");
}

static int write_validation(struct run *r)
{
	FILE *f = output_open(r->out, "validation.csv", true);
	if (!f)
		return -1;
	diag_write_csv(&r->dl, f);
	return output_close(f, "validation.csv");
}

static int write_outputs(struct run *r)
{
	struct report_ctx ctx = {
		.ds = &r->ds, .p = &r->p, .t = &r->t, .fs = &r->fs,
		.hist = &r->hist, .an = &r->an, .dl = &r->dl,
		.district = r->fs.n ? r->an.district_id : "",
		.created = cli_now(),
	};
	if (write_summary(r) || write_validation(r))
		return -1;
	timing_mark("summary+validation.csv");
	return writers_run(&ctx, r->out);
}

/* --bundle: the submission as one ZIP in the period folder. */
static int write_bundle(struct run *r)
{
	static const char *const names[] = {
		"monitoring.xlsx", "report.docx", "report.pdf", "summary.csv",
		"validation.csv", "forecast.xlsx", "SHA256SUMS",
	};
	char name[512], path[4096];
	time_t now = cli_now();

	if (!bundle_name(r->an.district_id, r->p.period, name, sizeof(name)))
		return -1;
	snprintf(path, sizeof(path), "%s/%s", output_dir(r->out), name);
	return bundle_write(path, output_dir(r->out), names,
			    sizeof(names) / sizeof(names[0]), now);
}

static int compute_all(struct run *r)
{
	/*
	 * The district's id in summary.csv: the municipality the schools
	 * wrote, else the template's district (never empty: the summary
	 * reader refuses an empty id).
	 */
	const char *district = dataset_municipality(&r->ds);
	if (!*district)
		district = r->t.district && *r->t.district ? r->t.district
							   : "муниципалитет";
	timing_mark("read+validate");
	progress("расчёт показателей");
	if (compute_figures(&r->ds, &r->p, district, &r->fs))
		return -1;
	forms_add_figures(&r->ds, &r->p, district, &r->fs);
	if (r->o.history) {
		if (history_load(r->o.history, &r->p, &r->hist, &r->dl) < 0)
			return EXIT_IO;
		figures_sort(&r->hist);
		history_apply(&r->fs, &r->hist, &r->p);
	}
	figures_sort(&r->fs);
	timing_mark("compute");
	progress("анализ");
	if (analysis_run(&r->fs, &r->ds, &r->t, &r->p, district, &r->an))
		return -1;
	r->have_an = true;
	analysis_add_figures(&r->an, &r->fs);
	figures_sort(&r->fs);
	timing_mark("analysis");
	progress_clear();
	return 0;
}

int cmd_report(int argc, char **argv)
{
	struct run *r = xcalloc(1, sizeof(*r));
	char tpl_buf[4096];
	bool exists;
	int rc = parse_opts1(argc, argv, report_usage, &r->o);

	if (rc) {
		rc = rc < 0 ? EXIT_DONE : rc;
		goto out_opts;
	}
	timing_mark(NULL);
	progress_start(&r->o);
	params_default(&r->p, r->o.year, r->o.month);
	template_init(&r->t);
	dataset_init(&r->ds);
	diag_init(&r->dl, &r->ds.arena);
	figures_init(&r->fs, &r->arena, r->p.period);
	figures_init(&r->hist, &r->arena, r->p.period);
	if (!r->o.template_dir)
		r->o.template_dir = find_template("templates/default", tpl_buf,
						 sizeof(tpl_buf));
	if (template_load(r->o.template_dir, &r->t, &r->p, stderr)) {
		rc = EXIT_USAGE;
		goto out;
	}
	params_update(&r->p);
	r->out = output_begin(r->o.out, r->p.period, r->o.force, &exists);
	if (!r->out) {
		rc = EXIT_IO;
		goto out;
	}
	if ((rc = read_input(&r->o, &r->p, &r->ds, &r->dl)))
		goto out;
	if ((rc = compute_all(r))) {
		progress_clear();
		rc = rc < 0 ? EXIT_IO : rc;
		goto out;
	}
	diag_sort(&r->dl);
	print_diagnostics(&r->o, &r->dl);
	rc = any_rejected(&r->dl) ? EXIT_REJECTED : EXIT_DONE;
	if (rc && r->o.strict) {
		fputs("kadry: --strict: есть отклонённые строки, результаты не "
		      "записаны\n", stderr);
		goto out;
	}
	progress("запись книги, справки и сводки");
	if (write_outputs(r) || output_commit(r->out) ||
	    (r->o.bundle && write_bundle(r))) {
		progress_clear();
		rc = EXIT_IO;
		goto out;
	}
	progress_clear();
	if (!r->o.quiet)
		fprintf(stderr, "kadry: результаты записаны в %s\n",
			output_dir(r->out));
	timing_print(stderr);
out:
	output_end(r->out);
	if (r->have_an)
		analysis_release(&r->an);
	figures_release(&r->fs);
	figures_release(&r->hist);
	diag_release(&r->dl);
	dataset_release(&r->ds);
	template_release(&r->t);
	arena_release(&r->arena);
	field_release();
out_opts:
	free(r);
	return rc;
}

static const char rollup_usage[] =
	"Использование: kadry rollup SUMMARY.csv... -o ВЫХОД [--template ШАБЛОН]\n"
	"       (по умолчанию шаблон templates/region)\n"
	"       [--period ГГГГ-ММ] [--force] [--quiet]\n"
	"Региональная сводка: складывает числители и знаменатели summary.csv\n"
	"муниципалитетов и пишет ВЫХОД/ГГГГ-ММ/ (summary.csv, monitoring.xlsx,\n"
	"report.pdf, validation.csv, SHA256SUMS).\n";

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The roll-up's four files into the output folder o (not yet committed). */
static int rollup_write_all(struct rollup *r, struct output *o,
			    time_t created)
{
	FILE *f = output_open(o, "summary.csv", true);
	if (!f)
		return -1;
	if (summary_write(&r->fs, f)) {
		fclose(f);
		return -1;
	}
	if (output_close(f, "summary.csv"))
		return -1;
	if (!(f = output_open(o, "validation.csv", true)))
		return -1;
	diag_write_csv(&r->dl, f);
	if (output_close(f, "validation.csv"))
		return -1;
	if (xlsx_rollup_write(output_tmp(o, "monitoring.xlsx", true), r,
			      created))
		return -1;
	if (note_rollup_write(output_tmp(o, "report.pdf", true),
			      output_tmp(o, "report.docx", true), r, created))
		return -1;
	return 0;
}

/*
 * Reads o->args (summary.csv files) in byte order of their paths - then
 * the outputs (file tables, diagnostics, which duplicate is refused) do not
 * depend on how a shell expanded a glob - consolidates them against the
 * template o->template_dir and writes o->out/<period>/.  Exit status of
 * outputs.md: 1 when a row or a file was rejected (nothing written when no
 * municipality was accepted), 2 template error, 3 a file unreadable or the
 * output folder unwritable or holding results without --force.
 */
static int rollup_run(const struct opts *o, time_t created)
{
	struct rollup r;
	struct template t;
	struct params p;
	struct output *out = NULL;
	bool exists;
	int rc = EXIT_DONE;
	size_t n = (size_t)o->nargs;
	char **sorted = xmalloc(n * sizeof(*sorted));

	rollup_init(&r, o->period);
	template_init(&t);
	params_default(&p, 2000, 12);
	if (template_load(o->template_dir, &t, &p, stderr)) {
		rc = EXIT_USAGE;
		goto out;
	}
	memcpy(sorted, o->args, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_path);
	for (size_t i = 0; i < n; i++)
		if (rollup_add_file(&r, sorted[i]) < 0)
			rc = EXIT_IO;
	diag_sort(&r.dl);
	print_diagnostics(o, &r.dl);
	if (rc)
		goto out;
	if (!r.nm) {
		fputs("kadry rollup: ни один файл не принят; свод не "
		      "записан\n", stderr);
		rc = EXIT_REJECTED;
		goto out;
	}
	rollup_sum(&r, t.region, &t);
	if (!(out = output_begin(o->out, r.period, o->force, &exists)) ||
	    rollup_write_all(&r, out, created) || output_commit(out)) {
		rc = EXIT_IO;
		goto out;
	}
	rc = any_rejected(&r.dl) ? EXIT_REJECTED : EXIT_DONE;
	if (!o->quiet)
		fprintf(stderr, "kadry: региональный свод (%zu %s) записан "
			"в %s\n", r.nm, ru_plural((int64_t)r.nm,
			"муниципалитет", "муниципалитета", "муниципалитетов"),
			output_dir(out));
out:
	free(sorted);
	output_end(out);
	template_release(&t);
	rollup_release(&r);
	return rc;
}

int cmd_rollup(int argc, char **argv)
{
	char tpl_buf[4096];
	struct opts o;
	int rc = parse_opts(argc, argv, rollup_usage, &o);

	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	if (o.nargs == 0) {
		fprintf(stderr, "kadry rollup: не указаны файлы summary.csv\n%s",
			rollup_usage);
		return EXIT_USAGE;
	}
	/* Without --template the region's own bundled template. */
	if (!o.template_dir)
		o.template_dir = find_template("templates/region", tpl_buf,
					       sizeof(tpl_buf));
	return rollup_run(&o, cli_now());
}

static const char blanks_usage[] =
	"Использование: kadry blanks [-o ПАПКА]\n"
	"Бланки для школ: по файлу XLSX на каждый вид данных (заголовки,\n"
	"примечания, выпадающие списки, проверка дат и чисел) и те же\n"
	"заголовки в CSV. ПАПКА по умолчанию blanks/.\n";

int cmd_blanks(int argc, char **argv)
{
	struct opts o;
	int rc = parse_opts(argc, argv, blanks_usage, &o);

	if (rc)
		return rc < 0 ? EXIT_DONE : rc;
	if (o.nargs) {
		fprintf(stderr, "kadry: лишний аргумент «%s»\n%s", o.args[0],
			blanks_usage);
		return EXIT_USAGE;
	}
	return blanks_write(strcmp(o.out, "output") ? o.out : "blanks",
			    cli_now()) ? EXIT_IO : EXIT_DONE;
}
