/*
 * ru_text.h - Russian typography and grammar, in one place, for every
 * writer (the note's PDF and DOCX, the workbooks' text cells).
 *
 * Typography (ru_typeset(), the document filter note.c installs):
 *   - a non-breaking space (U+00A0) between a number and its unit: «%»,
 *     «п. п.» (and inside it), «г.», «гг.», «ч», «чел.», «руб.», «тыс.»,
 *     «млн», «мес.»; after «№»; inside initials and between initials and
 *     the surname («Л. А. Петрова», «Петрова Л. А.»; «Л.А.» gains the
 *     space); before a dash between words;
 *   - digit grouping of whole numbers of five digits and more with a
 *     non-breaking space («12 345»; «1474» stays), not inside codes,
 *     decimals' fractions, dates, numbers with a leading zero or a number
 *     alone in parentheses (a telephone code);
 *   - the minus sign U+2212 for a hyphen before a number that is not
 *     joined to a word or number before it («−2», «(−3,5)»);
 *   - one dash convention: a spaced hyphen or en dash between words
 *     becomes the em dash «—»; en dashes in ranges («35–59») stay;
 *   - quotes: straight quotes and nested «» become outer «» and inner
 *     „“ («МКОУ "Школа "Радуга""» → «МКОУ «Школа „Радуга“»»).
 *
 * Grammar: numeral agreement of nouns (ru_plural) and of the verbs and
 * participles with them (ru_agree: «обработан 1 файл», «обработано 5
 * файлов»; «прошёл 221 человек», «прошли 222 человека»), the genitive
 * after prepositions (ru_persons_gen: «у 82 человек», «у 21 человека»),
 * and case forms of addressees (ru_case: «Районному методическому
 * объединению учителей математики»; the template's form wins when given).
 *
 * Functions with a buf write into the caller's buffer (>= 64 bytes) and
 * return it; functions with an arena return arena strings.
 */
#ifndef KADRY_RU_TEXT_H
#define KADRY_RU_TEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

#define RU_NBSP "\xC2\xA0"
#define RU_MINUS "\xE2\x88\x92"

/* All the typography rules above; the doc filter (doc_filter_fn). */
const char *ru_typeset(struct arena *ar, const char *s);

/* Quotes alone: outer «», inner „“ (for data names). */
const char *ru_quotes(struct arena *ar, const char *s);

/* n with digit grouping from five digits and U+2212 for negatives. */
char *ru_int(int64_t n, char *buf);

/*
 * The form for the integer n (negative numbers by their absolute value):
 * «1 человек, 21 учитель» (one), «2–4, 22–24 человека» (few), «0, 5–20,
 * 11–14, 25 человек» (many).
 */
const char *ru_plural(int64_t n, const char *one, const char *few,
		      const char *many);

/*
 * The verb or participle agreeing with a numeral subject: `one` after 1,
 * 21, 31 … (not 11), `other` otherwise («обработан» / «обработано»,
 * «прошёл» / «прошли»).
 */
const char *ru_agree(int64_t n, const char *one, const char *other);

/* Whether a verb after n takes the singular («работает 21 учитель»). */
bool ru_singular(int64_t n);

/* «156 человек», «2 человека», «1 человек». */
char *ru_persons(int64_t n, char *buf);
/* The genitive after «у», «из», «для»: «у 1 человека», «у 82 человек». */
char *ru_persons_gen(int64_t n, char *buf);

/*
 * A percent given in tenths: with `decimal` always one decimal and
 * «процента» («63,2 процента», «19,0 процента»); without it a whole
 * number drops the decimal and agrees («1 процент», «3 процента»,
 * «19 процентов»), a fraction still gives «63,2 процента».
 */
char *ru_percent(int64_t tenths, bool decimal, char *buf);

/* Month m (1..12) in the nominative, «декабрь»; "" out of range. */
const char *ru_month(int m);

/* s with its first letter a capital (Cyrillic а-я, ё, Latin). */
const char *ru_capital(struct arena *ar, const char *s);

enum ru_case { RU_DATIVE, RU_GENITIVE };

/*
 * An addressee's name («Районное методическое объединение учителей
 * математики», «Руководители ОО», «Отдел образования») in the dative or
 * genitive: the leading adjectives and the first noun are declined by
 * rule, the rest (already in the genitive) is kept.  `given` — the form
 * the template states — wins when not NULL or empty; a name whose first
 * word the rules do not know is returned as it is.
 */
const char *ru_case(struct arena *ar, const char *name, int rcase,
		    const char *given);

#endif
