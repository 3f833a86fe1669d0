/*
 * blanks.c - the blank XLSX forms and CSV templates for the schools.
 */
#include "blanks.h"

#include <stddef.h>

#include "model.h"

const char *blanks_name(int kind)
{
	static const char *const names[KIND__COUNT] = {
		[KIND_ORGS] = "организации",
		[KIND_STAFF] = "кадры",
		[KIND_DIAGNOSTICS] = "диагностика",
		[KIND_COURSES] = "курсы",
		[KIND_MENTORING] = "наставничество",
		[KIND_VACANCIES] = "вакансии",
	};
	return kind > KIND_UNKNOWN && kind < KIND__COUNT ? names[kind] : NULL;
}

int blanks_write(const char *dir, time_t created)
{
	(void)dir;
	(void)created;
	return -1;
}
