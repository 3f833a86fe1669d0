/*
 * ru_plural.h - the numeral agreement of ru_text.h, under its old name
 * for the callers that only need plurals (analysis.c, rollup.c).
 */
#ifndef KADRY_RU_PLURAL_H
#define KADRY_RU_PLURAL_H

#include "ru_text.h"

#endif
