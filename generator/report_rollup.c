/*
 * report_rollup.c - the region's note on the page layout module.
 */
#include "report_rollup.h"

int report_rollup_write(const char *path, const struct rollup *r,
			time_t created)
{
	(void)path; (void)r; (void)created;
	return 0;
}
