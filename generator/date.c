/*
 * date.c - civil calendar arithmetic on day numbers (H. Hinnant's
 * days_from_civil algorithm, exact for every year a school file can hold).
 */
#include "date.h"

#include <stdio.h>

kdate date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(kdate t, int *y, int *m, int *d)
{
	int z = t + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

kdate date_month_end(int y, int m)
{
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

kdate date_add_months(kdate t, int n)
{
	int y, m, d;
	date_to_ymd(t, &y, &m, &d);
	int months = y * 12 + (m - 1) + n;
	y = months / 12;
	m = months % 12 + 1;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	return date_from_ymd(y, m, d);
}

int date_age(kdate birth, kdate on)
{
	int by, bm, bd, y, m, d;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	int age = y - by;
	if (m < bm || (m == bm && d < bd))
		age--;
	return age;
}

char *date_format(kdate t, char *buf)
{
	int y, m, d;
	if (t == KDATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	date_to_ymd(t, &y, &m, &d);
	snprintf(buf, 11, "%02u.%02u.%04u", (unsigned)d % 100u,
		 (unsigned)m % 100u, (unsigned)y % 10000u);
	return buf;
}

kdate date_from_excel(long serial)
{
	/* Serial 1 is 01.01.1900; Excel counts a 29.02.1900 that never was. */
	if (serial >= 60)
		serial--;
	return date_from_ymd(1899, 12, 31) + (kdate)serial;
}
