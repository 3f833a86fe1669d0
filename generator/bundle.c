/*
 * bundle.c - the deterministic ZIP of the submission files, with libzip.
 */
#include "bundle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "diag.h"
#include "errno_ru.h"

/* MS-DOS date and time fields of t, read as UTC (1980..2107). */
static void dos_time(time_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
	struct tm tm;
	if (t < 315532800)      /* 1980-01-01: the earliest DOS date */
		t = 315532800;
	gmtime_r(&t, &tm);
	if (tm.tm_year > 207)
		tm.tm_year = 207;
	*dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) |
				(tm.tm_sec / 2));
	*ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) |
				((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

int bundle_write(const char *zip_path, const char *dir,
		 const char *const *names, size_t n, time_t mtime)
{
	zip_t *za;
	int err, rc = -1;
	zip_uint16_t dtime, ddate;
	char *path = NULL;

	za = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		fprintf(stderr, "kadry: не удалось создать архив «%s»: %s\n",
			zip_path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	dos_time(mtime, &dtime, &ddate);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		zip_source_t *src;
		zip_int64_t idx;

		free(path);
		path = malloc(len);
		if (!path) {
			fputs("kadry: нет памяти\n", stderr);
			goto out;
		}
		snprintf(path, len, "%s/%s", dir, names[i]);
		/* libzip reads only at zip_close: name the file now */
		if (access(path, R_OK)) {
			fprintf(stderr, "kadry: архив «%s»: не удалось "
				"прочитать «%s»: %s\n", zip_path, path,
				errno_ru(errno));
			goto out;
		}
		src = zip_source_file(za, path, 0, -1);
		if (!src)
			goto zerr;
		idx = zip_file_add(za, names[i], src, ZIP_FL_ENC_UTF_8 |
				   ZIP_FL_OVERWRITE);
		if (idx < 0) {
			zip_source_free(src);
			goto zerr;
		}
		/*
		 * Fixed date, permissions and method: nothing of the moment
		 * or of the umask reaches the archive.
		 */
		if (zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate,
					 0) ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
						     ZIP_OPSYS_UNIX,
						     0100644u << 16) ||
		    zip_set_file_compression(za, (zip_uint64_t)idx,
					     ZIP_CM_DEFLATE, 9))
			goto zerr;
	}
	/* Files are read here; libzip renames its temporary into place. */
	if (zip_close(za)) {
		fprintf(stderr, "kadry: не удалось записать архив «%s»: %s\n",
			zip_path, zip_strerror(za));
		zip_discard(za);
		za = NULL;
		goto out;
	}
	za = NULL;
	rc = 0;
	goto out;
zerr:
	fprintf(stderr, "kadry: архив «%s»: «%s»: %s\n", zip_path,
		path ? path : "", zip_strerror(za));
out:
	if (za)
		zip_discard(za);
	free(path);
	return rc;
}

int bundle_write_mem(const char *zip_path, const struct bundle_entry *e,
		     size_t n, time_t mtime)
{
	zip_uint16_t dtime, ddate;
	zip_t *za;
	int err;

	za = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!za) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		fprintf(stderr, "kadry: не удалось создать файл «%s»: %s\n",
			zip_path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return -1;
	}
	dos_time(mtime, &dtime, &ddate);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *src = zip_source_buffer(za, e[i].data ?
						      e[i].data : "",
						      e[i].len, 0);
		zip_int64_t idx = src ? zip_file_add(za, e[i].name, src,
						     ZIP_FL_ENC_UTF_8) : -1;

		if (idx < 0) {
			zip_source_free(src);
			goto zerr;
		}
		if (zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate,
					 0) ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
						     ZIP_OPSYS_UNIX,
						     0100644u << 16) ||
		    zip_set_file_compression(za, (zip_uint64_t)idx,
					     ZIP_CM_DEFLATE, 9))
			goto zerr;
	}
	if (zip_close(za) == 0)
		return 0;
zerr:
	{
		/* the system's reason in Russian, libzip's own otherwise */
		zip_error_t *ze = zip_get_error(za);

		fprintf(stderr, "kadry: не удалось записать файл «%s»: %s\n",
			zip_path, zip_error_system_type(ze) == ZIP_ET_SYS ?
			errno_ru(zip_error_code_system(ze)) :
			zip_strerror(za));
	}
	zip_discard(za);
	return -1;
}

char *bundle_name(const char *municipality, const char *period, char *buf,
		  size_t size)
{
	int n = snprintf(buf, size, "%s_%s.zip", municipality, period);
	if (n < 0 || (size_t)n >= size)
		return NULL;
	for (unsigned char *s = (unsigned char *)buf; *s; s++)
		if (*s < 0x20 || *s == 0x7f || strchr("/\\:*?\"<>|", *s))
			*s = '_';
	return buf;
}
