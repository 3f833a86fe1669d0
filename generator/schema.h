/*
 * schema.h - the columns of every input kind, as one data table.
 *
 * input.md describes each input kind (organizations, staff, ...) as a table
 * of columns: key, Russian label, type, requiredness, enumeration.  schema.c
 * holds exactly those tables, and three stages read them: the validator
 * (header matching and per-type parsing), the blank forms (`kadry blanks`:
 * headers, notes, dropdowns) and the schools' return files.
 *
 * Column order in each table is the order of input.md, which is also the
 * order of the blank forms.  The per-kind enums below (CO_*, CS_*, ...) are
 * indexes into the table of that kind, so code can name a column without a
 * string lookup.
 *
 * To add a column: one row in the table of schema.c and one entry in the
 * kind's enum below, at the same position.
 */
#ifndef KADRY_SCHEMA_H
#define KADRY_SCHEMA_H

#include <stdbool.h>
#include <stdint.h>

enum col_type {
	COL_TEXT,       /* free text */
	COL_DATE,       /* ДД.ММ.ГГГГ, Д.М.ГГГГ, ГГГГ-ММ-ДД */
	COL_NUMBER,     /* decimal, fix_t */
	COL_INTEGER,    /* whole number */
	COL_YESNO,      /* да/нет; empty is "no" */
	COL_ENUM,       /* one of enum_id's values (enums.h) */
	COL_SNILS,      /* a person's SNILS, the join key */
	COL_ORGID,      /* an organization code */
	COL_LIST,       /* several values; enum_id EN_SUBJECT for subjects */
	COL_SUBJECT     /* one subject; unknown ones are kept as written */
};

struct column {
	const char *key;        /* English key, e.g. "person_id" */
	const char *label;      /* Russian label, e.g. "СНИЛС" */
	uint8_t type;           /* enum col_type */
	bool required;          /* bad or missing value rejects the row */
	bool personal;          /* never quoted in messages or plain outputs */
	int8_t enum_id;         /* enum enum_id, or -1 */
	const char *def;        /* value taken when empty, or NULL */
	const char *note;       /* one-line Russian hint for the blank forms */
};

/* Column indexes, per kind, in table order. */
enum {
	CO_ID, CO_NAME, CO_TYPE, CO_MUNICIPALITY, CO_LOW_RESULTS,
	CO_MENTORING_MODEL, CO__COUNT
};
enum {
	CS_PERSON, CS_ORG, CS_FULL_NAME, CS_BIRTH, CS_GENDER, CS_POSITION,
	CS_SUBJECTS, CS_EMPLOYMENT, CS_EDUCATION, CS_CATEGORY, CS_EXPERIENCE,
	CS_HIRE, CS_LOAD, CS_MENTOR, CS_METHOD_ACTIVE, CS_NETWORK,
	CS_YOUNG_SUPPORT, CS_IOM, CS_TARGET_CONTRACT, CS_ARRIVED, CS__COUNT
};
enum {
	CD_PERSON, CD_DATE, CD_KIND, CD_SUBJECT, CD_SCORE, CD_DEFICIT,
	CD_AREAS, CD__COUNT
};
enum {
	CC_PERSON, CC_PROGRAM, CC_PROVIDER, CC_KIND, CC_HOURS, CC_START,
	CC_END, CC_FORM, CC_FEDERAL, CC_ADDRESSES_DEFICIT, CC_ELEARNING,
	CC_STRESS, CC_EXPERT_GIA, CC_EXPERT_ATTEST, CC_PEDAGOGICAL, CC__COUNT
};
enum {
	CM_ORG, CM_MENTOR, CM_MENTEE, CM_FORM, CM_START, CM_END, CM_PAID,
	CM__COUNT
};
enum {
	CV_ORG, CV_POSITION, CV_SUBJECT, CV_COUNT, CV_HORIZON, CV_HOURS,
	CV__COUNT
};

/* The most columns any kind has (sizes per-file column maps). */
#define SCHEMA_MAX_COLS 20

/*
 * The column table of kind (enum file_kind, model.h) and its length in
 * *ncols; NULL and 0 for KIND_UNKNOWN or an out-of-range kind.
 */
const struct column *schema_for(int kind, int *ncols);

/*
 * Index of the column of kind that a header cell names (by key or by
 * Russian label, compared after text_normalize), or -1.
 */
int schema_find(int kind, const char *header_cell);

/* The same for text already passed through text_normalize. */
int schema_find_norm(int kind, const char *normalized);

/* Russian name of a column type for notes ("дата", "да/нет", ...). */
const char *schema_type_name(int type);

#endif
