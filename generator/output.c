/*
 * output.c - atomic writing of the period folder and its checksums.
 */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "diag.h"
#include "errno_ru.h"
#include "timing.h"

struct pending {
	char *tmp, *name;
	bool submission;
	bool dir;               /* a folder whose files move into name/ */
};

struct output {
	char *dir;
	struct pending *v;
	size_t n, cap;
	bool force;
};

int output_mkdir(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; ; s++) {
		if (*s == '/' || !*s) {
			char c = *s;
			*s = '\0';
			if (mkdir(p, 0777) && errno != EEXIST) {
				fprintf(stderr, "kadry: не удалось создать папку "
					"«%s»: %s\n", p, errno_ru(errno));
				rc = -1;
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return rc;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *s = xmalloc(n);
	snprintf(s, n, "%s/%s", a, b);
	return s;
}

struct output *output_begin(const char *root, const char *period, bool force,
			    bool *exists)
{
	struct output *o = xcalloc(1, sizeof(*o));
	char *sum = NULL, *probe = NULL;
	int fd;

	*exists = false;
	o->dir = join(root, period);
	o->force = force;
	sum = join(o->dir, "summary.csv");
	if (!force && access(sum, F_OK) == 0) {
		fprintf(stderr, "kadry: в папке «%s» уже лежат результаты; "
			"укажите --force, чтобы заменить их\n", o->dir);
		*exists = true;
		goto fail;
	}
	if (output_mkdir(o->dir))
		goto fail;
	probe = join(o->dir, ".kadry-probe");
	fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0) {
		fprintf(stderr, "kadry: нельзя писать в папку «%s»: %s\n",
			o->dir, errno_ru(errno));
		goto fail;
	}
	close(fd);
	unlink(probe);
	free(probe);
	free(sum);
	return o;
fail:
	free(probe);
	free(sum);
	output_end(o);
	return NULL;
}

const char *output_dir(const struct output *o)
{
	return o->dir;
}

const char *output_tmp(struct output *o, const char *name, bool submission)
{
	struct pending *p = VEC_PUSH(o->v, o->n, o->cap);
	char *final = join(o->dir, name);
	char *slash = strrchr(final, '/');
	size_t n = strlen(final) + 32;

	*slash = '\0';
	output_mkdir(final);
	*slash = '/';
	p->name = xstrdup(name);
	p->tmp = xmalloc(n);
	/* A dot name in the same folder: rename(2) is then atomic. */
	snprintf(p->tmp, n, "%.*s/.%s.tmp%ld", (int)(slash - final), final,
		 slash + 1, (long)getpid());
	p->submission = submission;
	free(final);
	return p->tmp;
}

const char *output_tmpdir(struct output *o, const char *name)
{
	const char *tmp = output_tmp(o, name, false);
	o->v[o->n - 1].dir = true;
	if (output_mkdir(tmp))
		return NULL;
	return tmp;
}

FILE *output_open(struct output *o, const char *name, bool submission)
{
	const char *tmp = output_tmp(o, name, submission);
	FILE *f = fopen(tmp, "wb");
	if (!f)
		fprintf(stderr, "kadry: не удалось создать «%s»: %s\n", tmp,
			errno_ru(errno));
	return f;
}

int output_close(FILE *f, const char *what)
{
	int bad = ferror(f);
	if (fclose(f) || bad) {
		fprintf(stderr, "kadry: ошибка записи «%s»\n", what);
		return -1;
	}
	return 0;
}

int sha256_file(const char *path, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE], buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return -1;
	sha256_init(&ctx);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sha256_update(&ctx, n, buf);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return -1;
	sha256_digest(&ctx, sizeof(digest), digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		sprintf(hex + 2 * i, "%02x", digest[i]);
	return 0;
}

/* Removes the .xlsx, .csv and .pdf files in dir (an earlier run's). */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		const char *dot = strrchr(e->d_name, '.');
		if (e->d_name[0] == '.' || !dot || (strcmp(dot, ".xlsx") &&
		    strcmp(dot, ".csv") && strcmp(dot, ".pdf")))
			continue;
		char *p = join(dir, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
}

/* Moves every file of the temporary folder tmp into final, removes tmp. */
static int move_folder(const char *tmp, const char *final)
{
	DIR *d;
	struct dirent *e;
	int rc = 0;

	remove_stale(final);
	if (output_mkdir(final) || !(d = opendir(tmp)))
		return -1;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *from = join(tmp, e->d_name), *to = join(final, e->d_name);
		if (rename(from, to)) {
			fprintf(stderr, "kadry: не удалось переименовать «%s»: "
				"%s\n", from, errno_ru(errno));
			rc = -1;
		}
		free(from);
		free(to);
	}
	closedir(d);
	rmdir(tmp);
	return rc;
}

static int cmp_pending(const void *a, const void *b)
{
	return strcmp(((const struct pending *)a)->name,
		      ((const struct pending *)b)->name);
}

static int write_sums(struct output *o)
{
	const char *tmp = output_tmp(o, "SHA256SUMS", false);
	char *final = join(o->dir, "SHA256SUMS");
	FILE *f = fopen(tmp, "wb");
	int rc = -1;

	if (!f) {
		fprintf(stderr, "kadry: не удалось создать «%s»: %s\n", tmp,
			errno_ru(errno));
		goto out;
	}
	for (size_t i = 0; i < o->n; i++) {
		char hex[65], *path;
		if (!o->v[i].submission)
			continue;
		path = join(o->dir, o->v[i].name);
		if (sha256_file(path, hex)) {
			fprintf(stderr, "kadry: не удалось прочитать «%s»\n",
				path);
			free(path);
			fclose(f);
			goto out;
		}
		fprintf(f, "%s  %s\n", hex, o->v[i].name);
		free(path);
	}
	if (output_close(f, tmp))
		goto out;
	if (rename(tmp, final)) {
		fprintf(stderr, "kadry: не удалось переименовать «%s»: %s\n",
			tmp, errno_ru(errno));
		goto out;
	}
	rc = 0;
out:
	free(final);
	return rc;
}

int output_commit(struct output *o)
{
	double t0 = timing_now();
	int rc;

	if (o->n > 1)
		qsort(o->v, o->n, sizeof(*o->v), cmp_pending);
	for (size_t i = 0; i < o->n; i++) {
		char *final = join(o->dir, o->v[i].name);
		rc = o->v[i].dir ? move_folder(o->v[i].tmp, final)
				 : rename(o->v[i].tmp, final);
		if (rc && !o->v[i].dir)
			fprintf(stderr, "kadry: не удалось переименовать «%s»: "
				"%s\n", o->v[i].tmp, errno_ru(errno));
		free(final);
		if (rc)
			return -1;
	}
	rc = write_sums(o);
	timing_add("commit+sha256", timing_now() - t0);
	return rc;
}

void output_end(struct output *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		/* Already renamed: ENOENT, harmless. */
		if (o->v[i].dir) {
			remove_stale(o->v[i].tmp);
			rmdir(o->v[i].tmp);
		} else {
			unlink(o->v[i].tmp);
		}
		free(o->v[i].tmp);
		free(o->v[i].name);
	}
	free(o->v);
	free(o->dir);
	free(o);
}
