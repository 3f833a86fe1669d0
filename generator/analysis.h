/*
 * analysis.h - statuses, problem zones, clusters, recommendations, decisions.
 *
 * The analysis stage of seed 001 (sections 5-10) on top of the computed
 * figures: every indicator that has a target in the template gets a status
 * for the district and for every organization; the indicators not achieved
 * are the problem zones; schools (type ОО) are grouped into clusters on their
 * indicator profile; the template's rules give addressed recommendations and
 * the proposed management decisions.  The XLSX and PDF writers only read a
 * struct analysis; all its texts are final (placeholders expanded).
 *
 * Units: every value, target, gap and mean is in tenths (a percent of 40.5
 * is 405, a count of 5 is 50), as figure_tenths() gives them.
 *
 * Ownership: everything hangs off the analysis' arena and is released by
 * analysis_release().  Order is deterministic: organizations by org id
 * (bytewise), indicators in catalogue order (I01..I18).
 */
#ifndef KADRY_ANALYSIS_H
#define KADRY_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "figures.h"
#include "model.h"
#include "params.h"
#include "template.h"

enum an_status_kind {
	AN_NODATA,              /* «нет данных»: no figure, or den == 0 */
	AN_ACHIEVED,            /* «достигнуто» */
	AN_NOT_ACHIEVED         /* «не достигнуто» */
};

/* One indicator in one scope. */
struct an_status {
	const char *code;       /* == analysis.codes[i] */
	uint8_t status;         /* enum an_status_kind */
	uint8_t dir;            /* enum tpl_dir of the target */
	bool has_value;         /* false: AN_NODATA */
	int64_t value;          /* tenths */
	int64_t target;         /* tenths */
	/*
	 * The shortfall in tenths: target - value for «не менее», value -
	 * target for «не более».  > 0 exactly when not achieved; 0 when there
	 * is no value.
	 */
	int64_t gap;
};

/* The district or one organization. */
struct an_scope {
	uint8_t scope;          /* SCOPE_DISTRICT or SCOPE_ORG */
	const char *id;         /* district name / org_id */
	const char *name;       /* display name (org name; district name) */
	uint8_t org_type;       /* enum org_type; ORG_NONE if unknown */
	int cluster;            /* 1..k for clustered schools, 0 otherwise */
	struct an_status *st;   /* analysis.ncodes entries, same order */
	/*
	 * Problem zones: indexes into st of the indicators not achieved,
	 * largest gap first, ties by code.
	 */
	size_t *problems;
	size_t nproblems;
};

struct an_cluster {
	int number;             /* 1..k: 1 has the highest overall mean */
	const char *label;      /* «высокий уровень», «средний уровень», «зона
				 * риска» (and «выше среднего», «ниже
				 * среднего» when k > 3) */
	int64_t *mean;          /* analysis.nprofile entries, tenths */
	bool *has_mean;         /* false when no member has a value */
	int64_t overall;        /* mean of the profile means, tenths */
	size_t *members;        /* indexes into analysis.orgs, by org id */
	size_t nmembers;
};

enum an_to {
	AN_TO_ORG_HEAD,         /* «Руководителю <org name>» */
	AN_TO_RMO               /* a subject's методическое объединение */
};

struct an_rec {
	uint8_t to;             /* enum an_to */
	const char *addressee;  /* display text: «Руководителю МБОУ СОШ № 1»,
				 * «РМО учителей физики» (template's rmo) */
	const char *org_id;     /* AN_TO_ORG_HEAD; "" otherwise */
	const char *org_name;   /* AN_TO_ORG_HEAD; "" otherwise */
	const char *subject;    /* AN_TO_RMO; "" otherwise */
	const char *code;       /* "I03" or, for AN_TO_RMO, "D.with_deficit" */
	bool has_value;
	int64_t value, target;  /* tenths; for AN_TO_RMO value = persons with a
				 * deficit (x10) and target = 0 */
	const char *text;       /* expanded */
};

struct an_decision {
	uint8_t kind;           /* enum decision_kind */
	const char *addressee;  /* as in the template */
	int group;              /* 1.. in order of first appearance of the
				 * addressee among the fired rules */
	int item;               /* 1.. within the group */
	const char *number;     /* "1.1", "1.2", "2.1" ... */
	const char *text;       /* expanded */
	const char *deadline;   /* expanded «Срок» text, "" when none */
	const char *code;       /* the indicator that fired it, "" = always */
};

struct analysis {
	struct arena arena;
	const char *period;
	/* The period in words for texts: «декабрь 2026 г.» ({period}). */
	const char *period_ru;
	const char *district_id;

	/* The assessed indicators: those with a target, in code order. */
	const char **codes;
	size_t ncodes;
	/*
	 * org_level[i]: codes[i] is judged per organization: it has
	 * organization figures (I07, I10, I14, I18 do not) and is not a
	 * count (the targets of I17, I18 are district totals).  An org's
	 * status of any other code is AN_NODATA and is not written to
	 * summary.csv.
	 */
	bool *org_level;

	struct an_scope district;
	struct an_scope *orgs;          /* every org of the figures, by id */
	size_t norgs;

	/* Clustering of the type-ОО organizations. */
	const char **profile;           /* indicator codes clustered on */
	size_t nprofile;
	int k;                          /* clusters made (<= template's) */
	struct an_cluster *clusters;    /* k entries, by number */
	const char *cluster_method;     /* one sentence for the reader */

	struct an_rec *recs;            /* org heads by org id then code,
					 * then РМО by subject */
	size_t nrecs;

	struct an_decision *decisions;  /* by group, then item */
	size_t ndecisions;
	const char **addressees;        /* group g is addressees[g-1] */
	size_t naddressees;

	/*
	 * The template's [paragraphs] with {district}, {department} and
	 * {period} expanded ("" when not set); '\n' separates paragraphs.
	 */
	const char *intro;
	const char *conclusion;
	const char *cluster_note;
};

/*
 * Runs the analysis.  ds may be NULL (the roll-up): organizations then have
 * no type and all of them are clustered.  district_id is the district
 * scope's id in fs.  fs must be sorted (figures_sort).  Returns 0, or -1
 * with a message on stderr (no memory is the only failure).
 */
int analysis_run(const struct figures *fs, const struct dataset *ds,
		 const struct template *t, const struct params *p,
		 const char *district_id, struct analysis *a);
void analysis_release(struct analysis *a);

/*
 * Appends the analysis to the figures (summary.csv), as counts:
 *   "<code>.status"  district and org scopes, one per assessed indicator:
 *                    1 achieved, 0 not achieved, empty (nodata) no data;
 *   "cluster"        org scope, each clustered school: its cluster 1..k.
 * The caller sorts fs again afterwards.  Returns 0.
 */
int analysis_add_figures(const struct analysis *a, struct figures *fs);

/* «достигнуто», «не достигнуто», «нет данных». */
const char *an_status_name(int status);
/* The organization's scope, or NULL. */
const struct an_scope *analysis_org(const struct analysis *a, const char *id);
/* The status of code in scope sc, or NULL when the code is not assessed. */
const struct an_status *analysis_status(const struct analysis *a,
					const struct an_scope *sc,
					const char *code);

#endif
