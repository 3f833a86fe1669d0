/*
 * test_csv_pipe.c - the reader's threaded pass (files over one 1 MiB
 * chunk) gives the same records and the same diagnostics, in the same
 * order, as the single-threaded reader over the same bytes; and a callback
 * that stops early stops both alike.
 */
#include "csv_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kadry_test.h"

/* Everything the callback saw, as text: one line per record. */
struct log {
	char *s;
	size_t n, cap;
	long records, stop_after;
};

static void log_put(struct log *l, const char *s)
{
	size_t k = strlen(s);
	if (l->n + k + 1 > l->cap) {
		l->cap = (l->n + k + 1) * 2;
		l->s = realloc(l->s, l->cap);
		assert_non_null(l->s);
	}
	memcpy(l->s + l->n, s, k + 1);
	l->n += k;
}

static int on_rec(void *ctx, const struct csv_record *r)
{
	struct log *l = ctx;
	char head[64];

	snprintf(head, sizeof(head), "%ld/%d/%d:", r->line, r->nfields,
		 r->broken);
	log_put(l, head);
	for (int i = 0; i < r->nfields; i++) {
		assert_int_equal(strlen(r->fields[i]), r->lens[i]);
		log_put(l, r->fields[i]);
		log_put(l, "|");
	}
	log_put(l, "\n");
	l->records++;
	return l->stop_after && l->records >= l->stop_after;
}

static void diags_put(struct log *l, const struct diag_list *dl)
{
	char b[64];
	for (size_t i = 0; i < dl->n; i++) {
		snprintf(b, sizeof(b), "%ld %s %d ", dl->v[i].line,
			 dl->v[i].code, dl->v[i].sev);
		log_put(l, b);
		log_put(l, dl->v[i].message);
		log_put(l, "\n");
	}
}

/*
 * About 3 MiB of Windows-1251 rows with, every 5,000 rows, a stray quote
 * (R006), a NUL byte (R005) and a quoted field with a line break inside.
 */
static char *make_input(size_t *len)
{
	size_t cap = 4u << 20, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	n += (size_t)sprintf(s, "\xd1\xcd\xc8\xcb\xd1;\xd4\xc8\xce;\xca\xee"
			     "\xe4\r\n");       /* СНИЛС;ФИО;Код */
	for (int i = 0; n < 3u << 20; i++) {
		if (i % 5000 == 1)
			n += (size_t)sprintf(s + n, "%d;ab\"c;x\r\n", i);
		else if (i % 5000 == 2)
			n += (size_t)sprintf(s + n,
					     "%d;\"two\r\nlines\";y\r\n", i);
		else
			n += (size_t)sprintf(s + n, "%011d;\xc8\xe2\xe0\xed"
					     "\xee\xe2\xe0 %d;oo%05d\r\n", i,
					     i, i % 977);
		if (i % 5000 == 3)
			s[n - 3] = '\0';        /* NUL inside the last field */
	}
	*len = n;
	return s;
}

static void read_both(long stop_after, struct log *file_log,
		      struct log *mem_log)
{
	char path[] = "/tmp/kadry-test-pipe-XXXXXX";
	size_t len;
	char *data = make_input(&len);
	int fd = mkstemp(path);
	struct csv_read_opts o = { .encoding = ENC_CP1251,
				   .limits = CSV_LIMITS_DEFAULT };

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	for (int pass = 0; pass < 2; pass++) {
		struct arena a = ARENA_INIT;
		struct diag_list dl;
		struct log *l = pass ? mem_log : file_log;
		diag_init(&dl, &a);
		int f = diag_file_add(&dl, "x.csv", 0);
		l->stop_after = stop_after;
		if (pass)
			assert_int_equal(csv_read_mem(data, len, f, &o, on_rec,
						      l, &dl), 0);
		else
			assert_int_equal(csv_read_file(path, f, &o, on_rec, l,
						       &dl), 0);
		diags_put(l, &dl);
		diag_release(&dl);
		arena_release(&a);
	}
	unlink(path);
	free(data);
}

static void test_same_as_serial(void **state)
{
	struct log a = { 0 }, b = { 0 };
	(void)state;

	read_both(0, &a, &b);
	/* 3 MiB of ~30-byte rows: about 100,000 records, 3 chunks */
	assert_true(a.records > 90000);
	assert_int_equal(a.records, b.records);
	assert_true(strstr(a.s, " R006 ") != NULL);
	assert_true(strstr(a.s, " R005 ") != NULL);
	assert_string_equal(a.s, b.s);
	free(a.s);
	free(b.s);
}

static void test_stop_early(void **state)
{
	struct log a = { 0 }, b = { 0 };
	(void)state;

	/* the callback stops at record 60,000, in the second chunk */
	read_both(60000, &a, &b);
	assert_int_equal(a.records, 60000);
	assert_int_equal(b.records, 60000);
	assert_string_equal(a.s, b.s);
	free(a.s);
	free(b.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_serial),
		cmocka_unit_test(test_stop_early),
	};
	return cmocka_run_group_tests_name("csv_pipe", tests, NULL, NULL);
}
