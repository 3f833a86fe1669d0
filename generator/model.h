/*
 * model.h - the accepted input, as the later stages see it.
 *
 * The validator (validate.c) fills a struct dataset with accepted rows only;
 * compute, analysis and the writers read it and never see CSV text.  Rows
 * refer to each other by index (person, org, program), resolved once by the
 * validator through hash maps, so every later join is O(1).
 *
 * Conventions:
 * - enumerations: 0 means "not stated"; values start at 1 (enums.h has their
 *   names and synonyms);
 * - dates are kdate (date.h), KDATE_NONE when not stated;
 * - numbers are fixed-point fix_t in thousandths (FIX_ONE = 1.000), so all
 *   arithmetic and comparisons are exact; FIX_NONE when not stated;
 * - strings live in the dataset's arena;
 * - personal data (SNILS, full names, birth dates) stays in these structs and
 *   only the personal/ writers may print it.
 */
#ifndef KADRY_MODEL_H
#define KADRY_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "date.h"
#include "strmap.h"

typedef int64_t fix_t;
#define FIX_ONE 1000
#define FIX_NONE INT64_MIN
#define FIX(n) ((fix_t)(n) * FIX_ONE)

enum file_kind {
	KIND_UNKNOWN,
	KIND_ORGS,
	KIND_STAFF,
	KIND_DIAGNOSTICS,
	KIND_COURSES,
	KIND_MENTORING,
	KIND_VACANCIES,
	KIND__COUNT
};

/*
 * Not an input kind: summary.csv files read beside the input (--history,
 * the roll-up's municipal summaries) are registered in the diag_list with
 * this kind, so counts over the input files can leave them out.
 */
enum { KIND_SUMMARY = KIND__COUNT };

enum org_type { ORG_NONE, ORG_OO, ORG_DOO, ORG_DO, ORG__COUNT };

enum position {
	POS_NONE,
	POS_TEACHER,            /* учитель */
	POS_EDUCATOR,           /* воспитатель */
	POS_SENIOR_EDUCATOR,    /* старший воспитатель */
	POS_ADDITIONAL,         /* педагог дополнительного образования */
	POS_PSYCHOLOGIST,       /* педагог-психолог */
	POS_SOCIAL,             /* социальный педагог */
	POS_SPEECH,             /* учитель-логопед */
	POS_DEFECTOLOGIST,      /* учитель-дефектолог */
	POS_ORGANIZER,          /* педагог-организатор */
	POS_OBZH,               /* преподаватель-организатор ОБЖ */
	POS_METHODIST,          /* методист */
	POS_ADVISER,            /* советник директора по воспитанию */
	POS_TUTOR,              /* тьютор */
	POS_MUSIC,              /* музыкальный руководитель */
	POS_PE_INSTRUCTOR,      /* инструктор по физической культуре */
	POS_ACCOMPANIST,        /* концертмейстер */
	POS_OTHER,              /* другое */
	POS__COUNT
};

/*
 * Canonical subjects; ids from SUBJ__COUNT on are subjects kept as written
 * (unknown to the synonym table), interned in dataset.subjects.
 */
enum subject {
	SUBJ_NONE,
	SUBJ_RUSSIAN,           /* русский язык и литература */
	SUBJ_MATH,              /* математика */
	SUBJ_INFORMATICS,       /* информатика */
	SUBJ_PHYSICS,           /* физика */
	SUBJ_CHEMISTRY,         /* химия */
	SUBJ_BIOLOGY,           /* биология */
	SUBJ_GEOGRAPHY,         /* география */
	SUBJ_HISTORY,           /* история и обществознание */
	SUBJ_FOREIGN,           /* иностранный язык */
	SUBJ_PRIMARY,           /* начальные классы */
	SUBJ_PE,                /* физическая культура */
	SUBJ_TECHNOLOGY,        /* технология */
	SUBJ_MUSIC,             /* музыка */
	SUBJ_ART,               /* ИЗО */
	SUBJ_OBZH,              /* ОБЖ */
	SUBJ_OTHER,             /* другое */
	SUBJ__COUNT
};

enum gender { GENDER_NONE, GENDER_F, GENDER_M };
enum employment { EMP_NONE, EMP_MAIN, EMP_PART };
enum education {
	EDU_NONE_STATED, EDU_HIGHER_PED, EDU_HIGHER, EDU_SPO_PED, EDU_SPO,
	EDU_NO
};
enum category { CAT_NONE_STATED, CAT_HIGH, CAT_FIRST, CAT_SZD, CAT_NONE };
enum diag_kind {
	DK_NONE, DK_SUBJECT, DK_METHODICAL, DK_SUBJECT_METHODICAL,
	DK_PSYCHO, DK_DIGITAL, DK_OTHER, DK__COUNT
};
enum course_kind { CK_NONE, CK_PK, CK_PP };
enum course_form {
	CF_NONE, CF_FULLTIME, CF_MIXED, CF_EXTRAMURAL, CF_DISTANCE
};
enum mentor_form {
	MF_NONE, MF_PEER, MF_HEAD, MF_REVERSE, MF_GROUP, MF_STUDENT, MF_OTHER,
	MF__COUNT
};
enum horizon { HZ_NONE, HZ_CURRENT, HZ_MEDIUM, HZ_LONG, HZ__COUNT };

/* Where an accepted row came from (for the personal lists). */
struct src {
	int file;               /* index into diag_list.files */
	long line;
};

struct org {
	const char *id;
	const char *name;
	const char *municipality;
	uint8_t type;           /* enum org_type */
	bool low_results, mentoring_model;
	struct src src;
};

/* staff_row.flags */
enum {
	SF_MENTOR = 1 << 0,     /* is_mentor */
	SF_METHOD_ACTIVE = 1 << 1,
	SF_NETWORK = 1 << 2,
	SF_YOUNG_SUPPORT = 1 << 3,
	SF_IOM = 1 << 4,
	SF_TARGET_CONTRACT = 1 << 5,
	SF_ARRIVED = 1 << 6
};

struct staff_row {
	int person;             /* index into dataset.persons */
	int org;                /* index into dataset.orgs */
	const char *full_name;  /* personal; NULL when not stated */
	kdate birth;
	kdate hire;
	fix_t experience;       /* ped_experience, years */
	fix_t load;             /* teaching_load, h/week; FIX_NONE */
	uint8_t position, gender, employment, education, category;
	uint8_t flags;          /* SF_* */
	int nsubjects;
	int *subjects;          /* subject ids; arena */
	struct src src;
};

struct person {
	const char *snils;      /* 11 digits, the join key; personal */
	int main_row;           /* index into staff; the `основное` row */
	int first_row;          /* first accepted row in file order */
	int nrows;
};

struct diag_row {
	int person;
	kdate date;
	uint8_t kind;           /* enum diag_kind */
	int8_t deficit;         /* -1 not stated, 0 no, 1 yes (as written) */
	int subject;            /* subject id or SUBJ_NONE */
	fix_t score;            /* percent; FIX_NONE */
	int nareas;
	int *areas;             /* ids into dataset.areas; arena */
	struct src src;
};

/* course flags, per row as written and per program (OR of its rows) */
enum {
	CFL_FEDERAL = 1 << 0,
	CFL_ADDRESSES_DEFICIT = 1 << 1,
	CFL_ELEARNING = 1 << 2,
	CFL_STRESS = 1 << 3,
	CFL_EXPERT_GIA = 1 << 4,
	CFL_EXPERT_ATTEST = 1 << 5,
	CFL_PEDAGOGICAL = 1 << 6
};

struct program {
	const char *name;       /* as first written */
	const char *provider;   /* as first written, or NULL */
	uint8_t flags;          /* OR over the program's accepted rows */
};

struct course_row {
	int person;
	int program;            /* index into dataset.programs */
	uint8_t kind;           /* enum course_kind */
	uint8_t form;           /* enum course_form */
	uint8_t flags;          /* as written in this row */
	fix_t hours;
	kdate start, end;
	struct src src;
};

struct pair {
	int org;
	int mentor, mentee;     /* person indexes */
	uint8_t form;           /* enum mentor_form */
	bool paid;
	kdate start, end;       /* end KDATE_NONE: open */
	struct src src;
};

struct vacancy {
	int org;
	uint8_t position, horizon;
	int subject;            /* SUBJ_NONE when not stated */
	int64_t count;          /* people */
	fix_t hours;
	struct src src;
};

/* Growable array of T: v, n, cap. */
#define VEC(T) struct { T *v; size_t n, cap; }

struct dataset {
	struct arena arena;
	bool have[KIND__COUNT]; /* a file of this kind was read */
	kdate asof;

	VEC(struct org) orgs;
	VEC(struct staff_row) staff;
	VEC(struct person) persons;
	VEC(struct diag_row) diags;
	VEC(struct program) programs;
	VEC(struct course_row) courses;
	VEC(struct pair) pairs;
	VEC(struct vacancy) vacancies;
	VEC(const char *) subjects;     /* names by subject id */
	VEC(const char *) areas;        /* deficit areas, normalized */

	struct strmap org_index;        /* org id -> orgs index */
	struct strmap person_index;     /* SNILS -> persons index */
	struct strmap subject_index;    /* name -> subject id (kept-as-written) */
	struct strmap area_index;
	struct strmap program_index;
};

void dataset_init(struct dataset *ds);
void dataset_release(struct dataset *ds);
/* Subject id for a name kept as written (interned); canonical ids first. */
int dataset_subject_id(struct dataset *ds, const char *name);
int dataset_area_id(struct dataset *ds, const char *name);
const char *dataset_subject_name(const struct dataset *ds, int id);

#endif
