/*
 * enums.h - the enumerations of the input contract and their synonyms.
 *
 * Every enumeration of input.md (types, positions, subjects, education, ...)
 * is a data table in enums.c: canonical Russian name plus synonyms.  Lookup
 * compares texts normalized like header names (text_normalize), so
 * «Высшая », «ВКК» and «высшая» all give CAT_HIGH.  Adding a synonym is one
 * table entry.
 */
#ifndef KADRY_ENUMS_H
#define KADRY_ENUMS_H

#include <stddef.h>

enum enum_id {
	EN_ORG_TYPE,            /* enum org_type */
	EN_POSITION,            /* enum position */
	EN_SUBJECT,             /* enum subject (canonical subjects only) */
	EN_GENDER,
	EN_EMPLOYMENT,
	EN_EDUCATION,
	EN_CATEGORY,
	EN_DIAG_KIND,
	EN_COURSE_KIND,
	EN_COURSE_FORM,
	EN_MENTOR_FORM,
	EN_HORIZON,
	EN__COUNT
};

/* Value (>= 1) of text in enumeration e, or 0 when it matches nothing. */
int enum_lookup(enum enum_id e, const char *text);
/* Canonical Russian name of value v (1 .. enum_size(e)-1), "" for 0. */
const char *enum_name(enum enum_id e, int v);
/* One past the largest value. */
int enum_size(enum enum_id e);
/* Canonical names joined by ", " for messages ("ожидается одно из: ..."). */
const char *enum_expected(enum enum_id e);

/*
 * Position lookup that also understands «учитель <предмета>» and «учитель
 * начальных классов»: returns POS_TEACHER and sets *subject to the subject id
 * (SUBJ_NONE when the position names none).  0 when unknown.
 */
int position_lookup(const char *text, int *subject);

/*
 * Normalizes like header names: lower case (Latin and Cyrillic), ё -> е,
 * surrounding and doubled spaces (also NBSP) removed, trailing punctuation
 * (: * . , ;) dropped.  Writes at most outsz bytes including the NUL and
 * returns out.  Invalid UTF-8 bytes are copied as they are.
 */
char *text_normalize(const char *in, char *out, size_t outsz);

#endif
