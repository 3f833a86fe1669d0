/*
 * ru_plural.h - Russian number agreement for the note's prose.
 *
 * A noun after a number takes one of three forms by the number's last
 * digits: «1 человек, 21 учитель» (one), «2–4, 22–24 человека» (few),
 * «0, 5–20, 11–14, 25 человек» (many).  A number with a fraction always
 * takes the genitive singular: «63,2 процента».
 *
 * The functions write into the caller's buffer (>= 64 bytes) and return it.
 */
#ifndef KADRY_RU_PLURAL_H
#define KADRY_RU_PLURAL_H

#include <stdbool.h>
#include <stdint.h>

/* The form for the integer n (negative numbers by their absolute value). */
const char *ru_plural(int64_t n, const char *one, const char *few,
		      const char *many);

/* «156 человек», «2 человека», «1 человек». */
char *ru_persons(int64_t n, char *buf);

/*
 * A percent given in tenths: with `decimal` always one decimal and
 * «процента» («63,2 процента», «19,0 процента»); without it a whole
 * number drops the decimal and agrees («1 процент», «3 процента»,
 * «19 процентов»), a fraction still gives «63,2 процента».
 */
char *ru_percent(int64_t tenths, bool decimal, char *buf);

/* Whether a verb after n takes the singular («работает 21 учитель»). */
bool ru_singular(int64_t n);

/* Month m (1..12) in the nominative, «декабрь»; "" out of range. */
const char *ru_month(int m);

#endif
