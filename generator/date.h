/*
 * date.h - calendar dates as day numbers.
 *
 * A kdate is the number of days since 1970-01-01 in the proleptic Gregorian
 * calendar, so comparisons and windows are integer arithmetic.  KDATE_NONE
 * marks a date that was not stated.
 */
#ifndef KADRY_DATE_H
#define KADRY_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t kdate;
#define KDATE_NONE INT32_MIN

kdate date_from_ymd(int y, int m, int d);
void date_to_ymd(kdate t, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Last day of month m of year y. */
kdate date_month_end(int y, int m);
/* The same day n months later (n may be negative), clamped to month end. */
kdate date_add_months(kdate t, int n);
/* Full years from birth to on (age on a date). */
int date_age(kdate birth, kdate on);
/* "ДД.ММ.ГГГГ" into buf (at least 11 bytes); "" for KDATE_NONE. */
char *date_format(kdate t, char *buf);
/* Excel serial (1900 system, with its phantom 29.02.1900) to a kdate. */
kdate date_from_excel(long serial);

#endif
