/*
 * template.c - reads a department's template folder (template.h) into a
 * struct template and the thresholds of struct params, with a located
 * Russian message for every problem.
 *
 * The parser is our own rather than inih: Debian's libinih is built without
 * INI_HANDLER_LINENO, and every message must name its line.  Grammar per
 * file is a table of sections and keys (tables, not if chains), so adding a
 * setting is one row plus a field.
 */
#include "template.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "diag.h"
#include "enums.h"
#include "errno_ru.h"
#include "model.h"

#define TPL_MAX_FILE (1L << 20)         /* 1 MiB: a template is small */
#define TPL_MAX_VALUE (64 * 1024)       /* one text */
#define TPL_MAX_RULES 1000

/* ------------------------------------------------------------------ */
/* Indicator codes: the catalogue's (catalog.h), kind and all */

static const struct catalog_entry *ind_find(const char *code)
{
	size_t n;
	const struct catalog_entry *ind = catalog_indicators(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(ind[i].code, code) == 0)
			return &ind[i];
	return NULL;
}

/* I17, I18 are numbers of persons, the others percents. */
static bool ind_is_count(const struct catalog_entry *e)
{
	return e->kind == FK_COUNT;
}

/* The first and the last indicator code, for «ожидается I01–I18». */
static const char *ind_first(void)
{
	return catalog_indicator(1)->code;
}

static const char *ind_last(void)
{
	size_t n;

	return catalog_indicators(&n)[n - 1].code;
}

static const char *const kind_names[DEC__COUNT] = {
	"", "организующие", "активизирующие", "координирующие",
	"контролирующие", "стимулирующие"
};

/* Stems, so «организующее» and «Организующие» are both understood. */
static const char *const kind_stems[DEC__COUNT] = {
	"", "организ", "активиз", "координ", "контрол", "стимул"
};

const char *decision_kind_name(int kind)
{
	if (kind <= DEC_NONE || kind >= DEC__COUNT)
		return "";
	return kind_names[kind];
}

/* ------------------------------------------------------------------ */
/* UTF-8 */

/*
 * Decodes one code point at s (n bytes left); returns its length, or 0 for
 * an invalid sequence (overlong, surrogate, > U+10FFFF, truncated).
 */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		c = s[0] & 0x1F;
		len = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		c = s[0] & 0x0F;
		len = 3;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		c = s[0] & 0x07;
		len = 4;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Cyrillic and ASCII lower case, enough for names typed by people. */
static uint32_t cp_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

/* Up to max code points of s, lower-cased; returns how many. */
static size_t utf8_points(const char *s, uint32_t *out, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k = 0;

	while (i < n && k < max) {
		uint32_t c;
		size_t l = utf8_decode(u + i, n - i, &c);

		if (l == 0) {
			c = u[i];
			l = 1;
		}
		out[k++] = cp_lower(c);
		i += l;
	}
	return k;
}

#define LEV_MAX 64

size_t template_edit_distance(const char *a, const char *b)
{
	uint32_t x[LEV_MAX], y[LEV_MAX];
	size_t row[LEV_MAX + 1];
	size_t n = utf8_points(a, x, LEV_MAX), m = utf8_points(b, y, LEV_MAX);

	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (x[i - 1] != y[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[m];
}

int decision_kind_from_name(const char *s)
{
	uint32_t x[LEV_MAX], y[LEV_MAX];
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = utf8_points(s, x, LEV_MAX);
	for (int k = 1; k < DEC__COUNT; k++) {
		size_t m = utf8_points(kind_stems[k], y, LEV_MAX);

		if (n >= m && memcmp(x, y, m * sizeof(x[0])) == 0)
			return k;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Parser state */

enum file_id { F_MAIN, F_RECS, F_DECS };

struct pstate {
	struct template *t;
	struct params *p;
	const char *name;       /* as printed */
	FILE *err;
	enum file_id file;
	int errors;
	char section[64];
	char secarg[64];
	long secline;
	bool sec_known;
	/* the [decision] or [Ixx] being filled */
	struct tpl_decision *dec;
	struct tpl_rec_rule *rec;
	bool in_subject;
};

static void perr(struct pstate *ps, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void perr(struct pstate *ps, long line, const char *fmt, ...)
{
	va_list ap;

	ps->errors++;
	if (!ps->err)
		return;
	if (line > 0)
		fprintf(ps->err, "%s:%ld: ", ps->name, line);
	else
		fprintf(ps->err, "%s: ", ps->name);
	va_start(ap, fmt);
	vfprintf(ps->err, fmt, ap);
	va_end(ap);
	fputc('\n', ps->err);
}

static void pwarn(struct pstate *ps, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void pwarn(struct pstate *ps, long line, const char *fmt, ...)
{
	va_list ap;

	ps->t->warnings++;
	if (!ps->err)
		return;
	fprintf(ps->err, "%s:%ld: предупреждение: ", ps->name, line);
	va_start(ap, fmt);
	vfprintf(ps->err, fmt, ap);
	va_end(ap);
	fputc('\n', ps->err);
}

/* Warns about an unknown name, suggesting the closest of the candidates. */
static void unknown_name(struct pstate *ps, long line, const char *what,
			 const char *name, const char *const *cand, size_t n)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX;

	for (size_t i = 0; i < n; i++) {
		size_t d = template_edit_distance(name, cand[i]);

		if (d < bestd) {
			bestd = d;
			best = cand[i];
		}
	}
	/* A suggestion farther than half the word is noise. */
	if (best && bestd <= 2 + strlen(best) / 3)
		pwarn(ps, line, "неизвестный %s «%s», возможно, «%s»?", what,
		      name, best);
	else
		pwarn(ps, line, "неизвестный %s «%s»", what, name);
}

/* ------------------------------------------------------------------ */
/* Values */

/*
 * Parses a decimal "80", "80,5", "80.5" (optionally followed by "%") into
 * value * 10^scale.  Returns 0, -1 when not a number, -2 when it has more
 * than `scale` decimals.
 */
static int parse_decimal(const char *s, int scale, int64_t *out)
{
	int64_t v = 0;
	int dec = -1;
	bool neg = false, digits = false;

	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9') {
			if (dec >= 0 && ++dec > scale)
				return -2;
			if (v > INT64_MAX / 100)
				return -1;
			v = v * 10 + (*s - '0');
			digits = true;
		} else if ((*s == ',' || *s == '.') && dec < 0 && digits) {
			dec = 0;
		} else {
			break;
		}
	}
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '%')
		s++;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!digits || *s || dec == 0)
		return -1;
	for (int i = dec < 0 ? 0 : dec; i < scale; i++)
		v *= 10;
	*out = neg ? -v : v;
	return 0;
}

enum vtype { V_TEXT, V_INT, V_FIX, V_CODE };

/* One key of a section: where its value goes and its range. */
struct keydef {
	const char *key;
	enum vtype type;
	size_t off;             /* into struct template (V_TEXT) or params */
	bool in_params;
	bool required;
	int64_t min, max;       /* V_INT as is; V_FIX in whole units */
};

#define TO(f) offsetof(struct template, f)
#define PO(f) offsetof(struct params, f)

static const struct keydef dep_keys[] = {
	{ "name", V_TEXT, TO(department), false, true, 0, 0 },
	{ "district", V_TEXT, TO(district), false, true, 0, 0 },
	{ "region", V_TEXT, TO(region), false, false, 0, 0 },
	{ "compiler", V_TEXT, TO(compiler), false, false, 0, 0 },
	{ "executor", V_TEXT, TO(executor), false, false, 0, 0 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef sig_keys[] = {
	{ "position", V_TEXT, TO(sign_position), false, true, 0, 0 },
	{ "name", V_TEXT, TO(sign_name), false, true, 0, 0 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef thr_keys[] = {
	{ "young_age", V_INT, PO(young_age), true, false, 18, 80 },
	{ "beginner_exp", V_FIX, PO(beginner_exp), true, false, 0, 50 },
	{ "window_months", V_INT, PO(window_months), true, false, 1, 120 },
	{ "mentor_limit", V_INT, PO(mentor_limit), true, false, 1, 50 },
	{ "load_limit", V_FIX, PO(load_limit), true, false, 1, 80 },
	{ "deficit_score", V_FIX, PO(deficit_score), true, false, 0, 100 },
	{ "new_hire_months", V_INT, PO(new_hire_months), true, false, 1, 120 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef fc_keys[] = {
	{ "retirement_age", V_INT, PO(retire_age), true, false, 40, 80 },
	{ "horizon_years", V_INT, PO(forecast_years), true, false, 1, 10 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef clu_keys[] = {
	{ "count", V_INT, TO(nclusters), false, false, 1, 10 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef par_keys[] = {
	{ "intro", V_TEXT, TO(intro), false, false, 0, 0 },
	{ "conclusion", V_TEXT, TO(conclusion), false, false, 0, 0 },
	{ "clusters", V_TEXT, TO(cluster_note), false, false, 0, 0 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

static const struct keydef subj_keys[] = {
	{ "text", V_TEXT, TO(subject_text), false, false, 0, 0 },
	{ "rmo", V_TEXT, TO(rmo_name), false, false, 0, 0 },
	{ "rmo_gen", V_TEXT, TO(rmo_gen), false, false, 0, 0 },
	{ "rmo_dat", V_TEXT, TO(rmo_dat), false, false, 0, 0 },
	{ "min_persons", V_INT, TO(subject_min), false, false, 1, 100000 },
	{ NULL, 0, 0, false, false, 0, 0 }
};

struct secdef {
	const char *name;
	enum file_id file;
	const struct keydef *keys;
};

static const struct secdef sections[] = {
	{ "department", F_MAIN, dep_keys },
	{ "signature", F_MAIN, sig_keys },
	{ "thresholds", F_MAIN, thr_keys },
	{ "targets", F_MAIN, NULL },
	{ "forecast", F_MAIN, fc_keys },
	{ "clusters", F_MAIN, clu_keys },
	{ "paragraphs", F_MAIN, par_keys },
	{ "subject", F_RECS, subj_keys },
	{ "decision", F_DECS, NULL },
};
#define NSECTIONS (sizeof(sections) / sizeof(sections[0]))

static const char *const dec_keynames[] = {
	"kind", "addressee", "text", "deadline", "when"
};
static const char *const rec_keynames[] = { "text", "types" };

static const struct secdef *section_find(enum file_id f, const char *name)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (sections[i].file == f &&
		    strcmp(sections[i].name, name) == 0)
			return &sections[i];
	return NULL;
}

static bool ascii_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

static const char **field_text(struct template *t, size_t off)
{
	return (const char **)((char *)t + off);
}

/* Stores one value of a table-described key. */
static void set_keydef(struct pstate *ps, const struct keydef *kd,
		       const char *val, long line)
{
	int64_t v;
	int rc;

	switch (kd->type) {
	case V_TEXT:
		*field_text(ps->t, kd->off) = arena_strdup(&ps->t->arena, val);
		return;
	case V_INT:
		rc = parse_decimal(val, 0, &v);
		if (rc != 0) {
			perr(ps, line, "параметр «%s»: «%s» не является целым "
			     "числом", kd->key, val);
			return;
		}
		break;
	case V_FIX:
		rc = parse_decimal(val, 3, &v);
		if (rc != 0) {
			perr(ps, line, "параметр «%s»: «%s» не является "
			     "числом (ожидается, например, 27 или 2,5)",
			     kd->key, val);
			return;
		}
		break;
	default:
		return;
	}
	if ((kd->type == V_INT && (v < kd->min || v > kd->max)) ||
	    (kd->type == V_FIX &&
	     (v < kd->min * FIX_ONE || v > kd->max * FIX_ONE))) {
		perr(ps, line, "параметр «%s»: значение «%s» вне допустимого "
		     "диапазона %lld–%lld", kd->key, val, (long long)kd->min,
		     (long long)kd->max);
		return;
	}
	if (kd->in_params) {
		char *f = (char *)ps->p + kd->off;

		if (kd->type == V_INT)
			*(int *)f = (int)v;
		else
			*(fix_t *)f = v;
	} else if (kd->off == TO(nclusters)) {
		ps->t->nclusters = (int)v;
	} else {
		*(int64_t *)((char *)ps->t + kd->off) = v;
	}
}

static bool has_prefix(const char **s, const char *pre)
{
	size_t n = strlen(pre);

	if (strncmp(*s, pre, n) != 0)
		return false;
	*s += n;
	while (**s == ' ' || **s == '\t')
		(*s)++;
	return true;
}

/* [targets] I01 = [не менее|не более|>=|<=] 80[,5][ %] */
static void set_target(struct pstate *ps, const char *key, const char *val,
		       long line)
{
	const struct catalog_entry *ic = ind_find(key);
	const char *s = val;
	struct tpl_target *tg;
	uint8_t dir = TD_MIN;
	int64_t v;
	int rc;

	if (!ic) {
		perr(ps, line, "неизвестный код показателя «%s» (ожидается "
		     "%s–%s)", key, ind_first(), ind_last());
		return;
	}
	if (has_prefix(&s, "не менее") || has_prefix(&s, ">="))
		dir = TD_MIN;
	else if (has_prefix(&s, "не более") || has_prefix(&s, "<="))
		dir = TD_MAX;
	rc = parse_decimal(s, 1, &v);
	if (rc == -2) {
		perr(ps, line, "целевое значение «%s» для %s: допускается не "
		     "более одного знака после запятой", val, key);
		return;
	}
	if (rc != 0) {
		perr(ps, line, "целевое значение «%s» для %s не является "
		     "числом (ожидается, например, 80 или «не менее 80,5»)",
		     val, key);
		return;
	}
	if (ind_is_count(ic) && v % 10 != 0) {
		perr(ps, line, "целевое значение «%s» для %s: показатель — "
		     "численность, ожидается целое число", val, key);
		return;
	}
	if (v < 0 || (!ind_is_count(ic) && v > 1000) || v > 10000000) {
		perr(ps, line, "целевое значение «%s» для %s вне допустимого "
		     "диапазона %s", val, key, ind_is_count(ic) ? "0–1000000" :
		     "0–100 %");
		return;
	}
	for (size_t i = 0; i < ps->t->ntargets; i++) {
		if (strcmp(ps->t->targets[i].code, ic->code) == 0) {
			pwarn(ps, line, "целевое значение для %s задано "
			      "повторно, действует последнее", key);
			ps->t->targets[i].tenths = v;
			ps->t->targets[i].dir = dir;
			ps->t->targets[i].line = line;
			return;
		}
	}
	tg = VEC_PUSH(ps->t->targets, ps->t->ntargets, ps->t->targets_cap);
	tg->code = ic->code;
	tg->tenths = v;
	tg->dir = dir;
	tg->line = line;
}

/* ------------------------------------------------------------------ */
/* Sections and keys */

static void trim(const char **s, size_t *n);

static void close_section(struct pstate *ps)
{
	struct tpl_decision *d = ps->dec;

	if (d) {
		static const char *const what[] = {
			"kind", "addressee", "text"
		};
		const void *have[] = { d->kind ? "" : NULL, d->addressee,
				       d->text };

		for (size_t i = 0; i < 3; i++)
			if (!have[i])
				perr(ps, d->line, "в разделе [decision] не "
				     "задан обязательный параметр «%s»",
				     what[i]);
		if (!d->deadline)
			d->deadline = "";
		if (!d->when)
			d->when = "always";
		if (!d->addressee)
			d->addressee = "";
		if (!d->text)
			d->text = "";
	}
	if (ps->rec && !ps->rec->text) {
		perr(ps, ps->rec->line, "в разделе [%s] не задан обязательный "
		     "параметр «text»", ps->rec->code);
		ps->rec->text = "";
	}
	ps->dec = NULL;
	ps->rec = NULL;
	ps->in_subject = false;
}

static void on_section(struct pstate *ps, const char *name, long line)
{
	close_section(ps);
	snprintf(ps->section, sizeof(ps->section), "%s", name);
	ps->secline = line;
	ps->sec_known = true;

	if (ps->file == F_RECS && name[0] == 'I' &&
	    isdigit((unsigned char)name[1])) {
		const struct catalog_entry *ic = ind_find(name);
		struct template *t = ps->t;

		if (!ic) {
			perr(ps, line, "неизвестный код показателя «%s» "
			     "(ожидается %s–%s)", name, ind_first(),
			     ind_last());
			ps->sec_known = false;
			return;
		}
		for (size_t i = 0; i < t->nrecs; i++) {
			if (strcmp(t->recs[i].code, ic->code) == 0) {
				pwarn(ps, line, "раздел [%s] задан повторно, "
				      "действует последний", name);
				ps->rec = &t->recs[i];
				ps->rec->text = NULL;
				ps->rec->line = line;
				return;
			}
		}
		if (t->nrecs >= TPL_MAX_RULES) {
			perr(ps, line, "слишком много правил (больше %d)",
			     TPL_MAX_RULES);
			ps->sec_known = false;
			return;
		}
		ps->rec = VEC_PUSH(t->recs, t->nrecs, t->recs_cap);
		ps->rec->code = ic->code;
		ps->rec->line = line;
		return;
	}
	if (ps->file == F_DECS && strcmp(name, "decision") == 0) {
		struct template *t = ps->t;

		if (t->ndecisions >= TPL_MAX_RULES) {
			perr(ps, line, "слишком много решений (больше %d)",
			     TPL_MAX_RULES);
			ps->sec_known = false;
			return;
		}
		ps->dec = VEC_PUSH(t->decisions, t->ndecisions,
				   t->decisions_cap);
		ps->dec->line = line;
		return;
	}
	if (section_find(ps->file, name)) {
		ps->in_subject = strcmp(name, "subject") == 0;
		return;
	}
	{
		const char *cand[NSECTIONS + 1];
		size_t n = 0;

		for (size_t i = 0; i < NSECTIONS; i++)
			if (sections[i].file == ps->file)
				cand[n++] = sections[i].name;
		if (ps->file == F_RECS)
			cand[n++] = ind_first();
		unknown_name(ps, line, "раздел", name, cand, n);
	}
	ps->sec_known = false;
}

static void key_decision(struct pstate *ps, const char *key, const char *val,
			 long line)
{
	struct tpl_decision *d = ps->dec;
	struct arena *ar = &ps->t->arena;

	if (strcmp(key, "kind") == 0) {
		int k = decision_kind_from_name(val);

		if (!k) {
			perr(ps, line, "вид решения «%s» не распознан "
			     "(ожидается одно из: организующие, "
			     "активизирующие, координирующие, контролирующие, "
			     "стимулирующие)", val);
			return;
		}
		d->kind = (uint8_t)k;
	} else if (strcmp(key, "addressee") == 0) {
		if (!*val) {
			perr(ps, line, "пустой адресат решения");
			return;
		}
		d->addressee = arena_strdup(ar, val);
	} else if (strcmp(key, "text") == 0) {
		if (!*val) {
			perr(ps, line, "пустой текст решения");
			return;
		}
		d->text = arena_strdup(ar, val);
	} else if (strcmp(key, "deadline") == 0) {
		d->deadline = arena_strdup(ar, val);
	} else if (strcmp(key, "when") == 0) {
		const char *code = val;

		if (ascii_ieq(val, "always") || strcmp(val, "всегда") == 0) {
			d->when = "always";
			return;
		}
		if (strncmp(code, "any:", 4) == 0)
			code += 4;
		if (!ind_find(code)) {
			perr(ps, line, "условие «%s»: неизвестный код "
			     "показателя (ожидается always, %s–%s или "
			     "any:%s–%s)", val, ind_first(), ind_last(),
			     ind_first(), ind_last());
			return;
		}
		d->when = arena_strdup(ar, val);
	} else {
		unknown_name(ps, line, "параметр", key, dec_keynames,
			     sizeof(dec_keynames) / sizeof(dec_keynames[0]));
	}
}

/* `types = ОО, ДО`: the organization types a recommendation is for. */
static void set_types(struct pstate *ps, const char *val, long line)
{
	unsigned types = 0;
	char item[128];

	for (const char *s = val; *s;) {
		const char *e = strchr(s, ',');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		const char *b = s;
		int ty;

		trim(&b, &n);
		s += (e ? (size_t)(e - s) + 1 : strlen(s));
		if (n == 0)
			continue;
		if (n >= sizeof(item))
			n = sizeof(item) - 1;
		memcpy(item, b, n);
		item[n] = '\0';
		ty = enum_lookup(EN_ORG_TYPE, item);
		if (ty <= 0) {
			perr(ps, line, "тип организации «%s» не распознан "
			     "(ожидается ОО, ДОО или ДО через запятую)", item);
			return;
		}
		types |= 1u << ty;
	}
	ps->rec->types = types;
}

static void on_key(struct pstate *ps, const char *key, const char *val,
		   long line)
{
	const struct secdef *sd;

	if (!ps->section[0]) {
		perr(ps, line, "параметр «%s» вне раздела: сначала укажите "
		     "раздел, например [department]", key);
		return;
	}
	if (!ps->sec_known)
		return;         /* the section was already reported */
	if (ps->dec) {
		key_decision(ps, key, val, line);
		return;
	}
	if (ps->rec) {
		if (strcmp(key, "types") == 0) {
			set_types(ps, val, line);
			return;
		}
		if (strcmp(key, "text") != 0) {
			unknown_name(ps, line, "параметр", key, rec_keynames,
				     2);
			return;
		}
		if (!*val) {
			perr(ps, line, "пустой текст рекомендации");
			return;
		}
		ps->rec->text = arena_strdup(&ps->t->arena, val);
		return;
	}
	sd = section_find(ps->file, ps->section);
	if (!sd)
		return;
	if (!sd->keys) {        /* [targets] */
		set_target(ps, key, val, line);
		return;
	}
	for (const struct keydef *kd = sd->keys; kd->key; kd++) {
		if (strcmp(kd->key, key) == 0) {
			if (kd->required && !*val) {
				perr(ps, line, "пустое значение обязательного "
				     "параметра «%s»", key);
				return;
			}
			set_keydef(ps, kd, val, line);
			return;
		}
	}
	{
		const char *cand[16];
		size_t n = 0;

		for (const struct keydef *kd = sd->keys; kd->key && n < 16;
		     kd++)
			cand[n++] = kd->key;
		unknown_name(ps, line, "параметр", key, cand, n);
	}
}

/* ------------------------------------------------------------------ */
/* Lines */

struct pending {
	char key[64];
	char *val;
	size_t len, cap;
	long line;
	bool active, too_long;
};

static void pend_append(struct pstate *ps, struct pending *pd,
			const char *s, size_t n, const char *sep)
{
	size_t sl = pd->len ? strlen(sep) : 0;

	if (pd->too_long)
		return;
	if (pd->len + sl + n > TPL_MAX_VALUE) {
		perr(ps, pd->line, "значение параметра «%s» длиннее %d байт",
		     pd->key, TPL_MAX_VALUE);
		pd->too_long = true;
		return;
	}
	if (pd->len + sl + n + 1 > pd->cap) {
		pd->cap = (pd->len + sl + n + 1) * 2;
		pd->val = xrealloc(pd->val, pd->cap);
	}
	memcpy(pd->val + pd->len, sep, sl);
	pd->len += sl;
	memcpy(pd->val + pd->len, s, n);
	pd->len += n;
	pd->val[pd->len] = '\0';
}

static void pend_flush(struct pstate *ps, struct pending *pd)
{
	if (!pd->active)
		return;
	pd->active = false;
	if (pd->too_long)
		return;
	/* Heredocs may end with blank lines; texts never need them. */
	while (pd->len && (pd->val[pd->len - 1] == '\n' ||
			   pd->val[pd->len - 1] == ' '))
		pd->val[--pd->len] = '\0';
	on_key(ps, pd->key, pd->len ? pd->val : "", pd->line);
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n && is_ws((*s)[*n - 1]))
		(*n)--;
}

/* The line of the first byte that is not valid UTF-8, or 0. */
static long check_utf8(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	long line = 1;

	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t l = utf8_decode(u + i, len - i, &c);

		if (l == 0 || c == 0)
			return line;
		if (c == '\n')
			line++;
		i += l;
	}
	return 0;
}

static bool key_ok(const char *k, size_t n)
{
	if (n == 0 || n >= 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)k[i]) && k[i] != '_' &&
		    k[i] != '.' && k[i] != '-')
			return false;
	return true;
}

static void parse_lines(struct pstate *ps, const char *buf, size_t len)
{
	struct pending pd = { .val = NULL };
	char tag[64] = "";
	long hd_line = 0, line = 0;
	bool hd_break = false;
	size_t pos = 0;

	while (pos < len) {
		const char *l = buf + pos, *nl = memchr(l, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - l) : len - pos;
		const char *s;
		size_t sn;

		pos += n + (nl != NULL);
		line++;
		if (n && l[n - 1] == '\r')
			n--;
		s = l;
		sn = n;
		trim(&s, &sn);
		if (hd_line) {
			if (sn == strlen(tag) && memcmp(s, tag, sn) == 0) {
				hd_line = 0;
				pend_flush(ps, &pd);
			} else {
				/*
				 * Lines of a paragraph are joined with a
				 * space; a blank line starts a new paragraph
				 * ('\n'), so writers reflow the text.
				 */
				if (sn == 0)
					hd_break = true;
				else
					pend_append(ps, &pd, s, sn,
						    hd_break ? "\n" : " ");
				if (sn)
					hd_break = false;
			}
			continue;
		}
		if (sn == 0) {
			pend_flush(ps, &pd);
			continue;
		}
		if (is_ws(l[0]) && pd.active && s[0] != ';' && s[0] != '#') {
			pend_append(ps, &pd, s, sn, " ");
			continue;
		}
		pend_flush(ps, &pd);
		if (s[0] == ';' || s[0] == '#')
			continue;
		if (s[0] == '[') {
			char name[64];
			const char *in = s + 1;
			size_t in_n;

			if (s[sn - 1] != ']') {
				perr(ps, line, "строка раздела не закрыта "
				     "скобкой «]»");
				ps->sec_known = false;
				continue;
			}
			in_n = sn - 2;
			trim(&in, &in_n);
			if (!key_ok(in, in_n)) {
				perr(ps, line, "недопустимое имя раздела "
				     "(латинские буквы, цифры и «_»)");
				close_section(ps);
				ps->section[0] = 'x';
				ps->sec_known = false;
				continue;
			}
			memcpy(name, in, in_n);
			name[in_n] = '\0';
			on_section(ps, name, line);
			continue;
		}
		{
			const char *eq = memchr(s, '=', sn);
			const char *k = s, *v;
			size_t kn, vn;

			if (!eq) {
				perr(ps, line, "строка не распознана: "
				     "ожидается «параметр = значение», "
				     "«[раздел]» или комментарий «;»");
				continue;
			}
			kn = (size_t)(eq - s);
			trim(&k, &kn);
			v = eq + 1;
			vn = (size_t)(s + sn - v);
			trim(&v, &vn);
			if (!key_ok(k, kn)) {
				perr(ps, line, "строка не распознана: "
				     "недопустимое имя параметра (латинские "
				     "буквы, цифры и «_»)");
				continue;
			}
			memcpy(pd.key, k, kn);
			pd.key[kn] = '\0';
			pd.len = 0;
			pd.line = line;
			pd.active = true;
			pd.too_long = false;
			if (vn >= 2 && v[0] == '<' && v[1] == '<') {
				const char *tg = v + 2;
				size_t tn = vn - 2;

				trim(&tg, &tn);
				if (tn == 0 || tn >= sizeof(tag) ||
				    memchr(tg, ' ', tn) ||
				    memchr(tg, '\t', tn)) {
					perr(ps, line, "после «<<» ожидается "
					     "метка окончания текста, "
					     "например <<КОНЕЦ или <<END");
					pd.active = false;
					continue;
				}
				memcpy(tag, tg, tn);
				tag[tn] = '\0';
				hd_line = line;
				hd_break = false;
				continue;
			}
			pend_append(ps, &pd, v, vn, "");
		}
	}
	if (hd_line) {
		perr(ps, hd_line, "не найдена строка «%s», завершающая текст",
		     tag);
		pd.active = false;
	}
	pend_flush(ps, &pd);
	close_section(ps);
	free(pd.val);
}

/* ------------------------------------------------------------------ */
/* Public */

void template_init(struct template *t)
{
	memset(t, 0, sizeof(*t));
	t->nclusters = 3;
	t->subject_min = 1;
}

void template_release(struct template *t)
{
	free(t->targets);
	free(t->recs);
	free(t->decisions);
	arena_release(&t->arena);
	template_init(t);
}

static enum file_id file_of(const char *name)
{
	const char *b = strrchr(name, '/');

	b = b ? b + 1 : name;
	if (strcmp(b, "recommendations.ini") == 0)
		return F_RECS;
	if (strcmp(b, "decisions.ini") == 0)
		return F_DECS;
	return F_MAIN;
}

int template_parse(struct template *t, struct params *p, const char *name,
		   const char *buf, size_t len, FILE *err)
{
	struct pstate ps = { .t = t, .p = p, .name = name, .err = err };
	long bad;

	ps.file = file_of(name);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	bad = check_utf8(buf, len);
	if (bad) {
		perr(&ps, bad, "недопустимая последовательность байтов: файл "
		     "должен быть в кодировке UTF-8");
		return -1;
	}
	parse_lines(&ps, buf, len);
	return ps.errors ? -1 : 0;
}

int template_finish(struct template *t, struct params *p, FILE *err)
{
	static const struct {
		const struct keydef *keys;
		const char *sec;
	} req[] = { { dep_keys, "department" }, { sig_keys, "signature" } };
	struct pstate ps = { .t = t, .p = p, .err = err };
	char *name;

	name = arena_printf(&t->arena, "%s%stemplate.ini",
			    t->dir ? t->dir : "", t->dir ? "/" : "");
	ps.name = name;
	for (size_t r = 0; r < sizeof(req) / sizeof(req[0]); r++) {
		for (const struct keydef *kd = req[r].keys; kd->key; kd++) {
			const char **f = field_text(t, kd->off);

			if (kd->required && (!*f || !**f))
				perr(&ps, 0, "не задан обязательный параметр "
				     "«%s» в разделе [%s]", kd->key,
				     req[r].sec);
			else if (!*f)
				*f = "";
		}
	}
	if (!t->region)
		t->region = "";
	if (!t->compiler)
		t->compiler = "";
	if (!t->executor)
		t->executor = "";
	if (!t->intro)
		t->intro = "";
	if (!t->conclusion)
		t->conclusion = "";
	if (!t->cluster_note)
		t->cluster_note = "";
	if (!t->subject_text)
		t->subject_text = "";
	if (!t->rmo_name)
		t->rmo_name = "районное методическое объединение учителей "
			      "{subject_gen}";
	if (!t->rmo_gen)
		t->rmo_gen = "";
	if (!t->rmo_dat)
		t->rmo_dat = "";
	if (t->subject_min < 1)
		t->subject_min = 1;
	p->nclusters = t->nclusters;
	params_update(p);
	return ps.errors ? -1 : 0;
}

/* Reads a whole file; 1 = absent, 0 = read, -1 = error (printed). */
static int read_file(const char *path, char **buf, size_t *len, FILE *err)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 8192, n = 0;
	char *b;

	*buf = NULL;
	*len = 0;
	if (!f) {
		if (errno == ENOENT)
			return 1;
		if (err)
			fprintf(err, "%s: не удалось открыть файл: %s\n", path,
				errno_ru(errno));
		return -1;
	}
	b = xmalloc(cap);
	for (;;) {
		size_t r;

		if (n == cap) {
			/* The buffer stops at the cap plus one byte: a file
			   that fills it is over the cap (doubling alone let
			   files up to twice the cap through). */
			if (n > (size_t)TPL_MAX_FILE) {
				if (err)
					fprintf(err, "%s: файл шаблона больше "
						"1 МБ\n", path);
				free(b);
				fclose(f);
				return -1;
			}
			cap *= 2;
			if (cap > (size_t)TPL_MAX_FILE + 1)
				cap = (size_t)TPL_MAX_FILE + 1;
			b = xrealloc(b, cap);
		}
		r = fread(b + n, 1, cap - n, f);
		if (r == 0)
			break;
		n += r;
	}
	if (ferror(f)) {
		if (err)
			fprintf(err, "%s: ошибка чтения файла\n", path);
		free(b);
		fclose(f);
		return -1;
	}
	fclose(f);
	*buf = b;
	*len = n;
	return 0;
}

int template_load(const char *dir, struct template *t, struct params *p,
		  FILE *err)
{
	static const char *const files[] = {
		"template.ini", "recommendations.ini", "decisions.ini"
	};
	int rc = 0;

	t->dir = arena_strdup(&t->arena, dir);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *path = arena_printf(&t->arena, "%s/%s", dir, files[i]);
		char *buf;
		size_t len;
		int r = read_file(path, &buf, &len, err);

		if (r == 1 && i == 0) {
			if (err)
				fprintf(err, "%s: файл шаблона не найден\n",
					path);
			rc = -1;
			continue;
		}
		if (r != 0) {
			rc = r < 0 ? -1 : rc;
			continue;
		}
		if (template_parse(t, p, path, buf, len, err) != 0)
			rc = -1;
		free(buf);
	}
	if (template_finish(t, p, err) != 0)
		rc = -1;
	return rc;
}

const struct tpl_target *template_target(const struct template *t,
					 const char *code)
{
	for (size_t i = 0; i < t->ntargets; i++)
		if (strcmp(t->targets[i].code, code) == 0)
			return &t->targets[i];
	return NULL;
}

const struct tpl_rec_rule *template_rec(const struct template *t,
					const char *code)
{
	for (size_t i = 0; i < t->nrecs; i++)
		if (strcmp(t->recs[i].code, code) == 0)
			return &t->recs[i];
	return NULL;
}
