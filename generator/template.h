/*
 * template.h - the department's template: names, targets, thresholds, texts.
 *
 * A template is a folder (templates/<name>/) of plain UTF-8 INI-like files
 * that a department edits without recompiling (templates/default/README.md
 * documents every setting):
 *
 *   template.ini         [department] [signature] [thresholds] [targets]
 *                        [clusters] [paragraphs]
 *   recommendations.ini  [I01] ... [I15]: text to an organization's head when
 *                        it misses the target; [subject]: text to a subject's
 *                        methodological association (РМО)
 *   decisions.ini        repeated [decision] sections: kind, addressee, text,
 *                        deadline, when
 *
 * Syntax: `key = value`; `;` or `#` starts a comment line; a line that starts
 * with a space or tab continues the previous value (joined with one space);
 * `key = <<END` takes the following lines up to a line `END`: the lines of a
 * paragraph are joined with one space and a blank line starts a new
 * paragraph, so in every text '\n' means a paragraph break and nothing else.
 *
 * Texts may hold placeholders that analysis.c expands: {district},
 * {department}, {period}, {year}, {next_year}, {org}, {org_id},
 * {indicator}, {code}, {value}, {target}, {subject}, {subject_gen} (the
 * subject in the genitive: «физики»), {rmo}, {persons}.
 *
 * Ownership: every string of a struct template lives in its arena and is
 * released by template_release().  All strings are non-NULL after a
 * successful template_load() ("" when the setting is optional and absent).
 */
#ifndef KADRY_TEMPLATE_H
#define KADRY_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "params.h"

/* How a value is compared with its target. */
enum tpl_dir {
	TD_MIN,                 /* «не менее»: achieved when value >= target */
	TD_MAX                  /* «не более»: achieved when value <= target */
};

struct tpl_target {
	const char *code;       /* "I01" ... "I18" */
	int64_t tenths;         /* in tenths: 80 % -> 800, 5 persons -> 50 */
	uint8_t dir;            /* enum tpl_dir */
	long line;              /* where it was set (0: built-in default) */
};

/* The five kinds of management decisions of seed 001, section 9. */
enum decision_kind {
	DEC_NONE,
	DEC_ORGANIZING,         /* организующие */
	DEC_ACTIVATING,         /* активизирующие */
	DEC_COORDINATING,       /* координирующие */
	DEC_CONTROLLING,        /* контролирующие */
	DEC_STIMULATING,        /* стимулирующие */
	DEC__COUNT
};

/* recommendations.ini [I01]...: fires per organization missing the target. */
struct tpl_rec_rule {
	const char *code;       /* indicator code */
	const char *text;       /* to the organization's head; placeholders */
	long line;
	unsigned types;         /* `types = ОО, ДО`: bit 1 << enum org_type
				 * of the organizations it applies to;
				 * 0 = all */
};

/*
 * decisions.ini [decision]: a proposed decision of the council.  `when` is
 * "always", "<code>" (fires when the district misses that indicator's
 * target) or "any:<code>" (fires when at least one organization misses it).
 */
struct tpl_decision {
	uint8_t kind;           /* enum decision_kind */
	const char *addressee;  /* «Управлению образования» */
	const char *text;       /* placeholders allowed */
	const char *deadline;   /* «Срок»: «до 31.01.{next_year}» */
	const char *when;       /* "always", "I03", "any:I12" */
	long line;              /* line of its [decision] header */
};

struct template {
	struct arena arena;
	const char *dir;

	/* [department] */
	const char *department;         /* «Отдел образования …» */
	const char *district;           /* «Ленинский муниципальный район» */
	const char *region;             /* optional */
	const char *compiler;           /* optional: who compiled the note */
	const char *executor;           /* optional: исполнитель, phone */

	/* [signature] */
	const char *sign_position;      /* «Начальник Отдела» */
	const char *sign_name;          /* «Л.А. Петрова» */

	/* [targets]: one per indicator code the template sets */
	struct tpl_target *targets;
	size_t ntargets, targets_cap;

	/* [clusters] count is copied into params.nclusters */
	int nclusters;

	/* [paragraphs] */
	const char *intro;
	const char *conclusion;
	const char *cluster_note;       /* read after the method sentence */

	/* recommendations.ini */
	struct tpl_rec_rule *recs;
	size_t nrecs, recs_cap;
	const char *subject_text;       /* [subject] text; "" = no such rule */
	const char *rmo_name;           /* [subject] rmo: «районное
					 * методическое объединение учителей
					 * {subject_gen}» */
	const char *rmo_gen;            /* [subject] rmo_gen, rmo_dat: its
					 * genitive and dative when the rules
					 * of ru_case() cannot decline it;
					 * "" = by rule */
	const char *rmo_dat;
	int64_t subject_min;            /* [subject] min_persons: persons with
					 * a deficit in the subject, >= 1 */

	/* decisions.ini, in file order */
	struct tpl_decision *decisions;
	size_t ndecisions, decisions_cap;

	int warnings;                   /* unknown keys reported */
};

void template_init(struct template *t);
void template_release(struct template *t);

/*
 * Reads the template folder `dir`: template.ini (required), and
 * recommendations.ini and decisions.ini (optional).  Thresholds and the
 * cluster count are written into *p (p already holds params_default();
 * params_update() is called).  Returns 0, or -1 with
 * «file:line: message» lines (Russian) printed to err for invalid UTF-8, a
 * malformed line, a value of the wrong type or out of range, a missing
 * required setting or an unknown indicator code.  An unknown key is only a
 * warning naming the closest known key; the template still loads.
 */
int template_load(const char *dir, struct template *t, struct params *p,
		  FILE *err);

/*
 * The same for one file already in memory (the fuzz target and the tests):
 * `name` is the file's base name and selects its grammar ("template.ini",
 * "recommendations.ini", "decisions.ini").  template_finish() then checks
 * required settings and copies thresholds into *p.  Both return 0 or -1.
 */
int template_parse(struct template *t, struct params *p, const char *name,
		   const char *buf, size_t len, FILE *err);
int template_finish(struct template *t, struct params *p, FILE *err);

/* The target of an indicator, or NULL when the template sets none. */
const struct tpl_target *template_target(const struct template *t,
					 const char *code);
/* The recommendation rule of an indicator, or NULL. */
const struct tpl_rec_rule *template_rec(const struct template *t,
					const char *code);

/* «организующие» ... for a decision kind; "" for DEC_NONE. */
const char *decision_kind_name(int kind);
/* Kind from its Russian name (case-insensitive for Cyrillic), 0 if none. */
int decision_kind_from_name(const char *s);

/* Levenshtein distance in characters (UTF-8 aware), for suggestions. */
size_t template_edit_distance(const char *a, const char *b);

#endif
