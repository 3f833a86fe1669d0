/*
 * writers.c - the XLSX writers and the note, in parallel.
 *
 * Five independent outputs, each read-only over the report context: the
 * note (report.pdf and report.docx from one document model), the personal
 * lists workbook, the monitoring workbook, the return files and the forms
 * (forecast.xlsx, the smallest).  Two threads take them from one queue in
 * that order, so the work spreads by itself: at a district the PDF is the
 * longest job,
 * at a million staff the lists are (callgrind at 50,000 staff: lists
 * ~45 %, monitoring and returns ~25 % each, the PDF ~5 %).  Every output
 * has its own file and library handles, so its bytes do not depend on
 * which thread wrote it.
 */
#include "writers.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "note.h"
#include "timing.h"
#include "xlsx_forms.h"
#include "xlsx_personal.h"
#include "xlsx_write.h"

/*
 * libxlsxwriter formats a workbook's creation and modification times with
 * gmtime(), whose result lives in one static buffer: two workbooks closed
 * at once in the two threads would write it together (ThreadSanitizer
 * reports it).  This definition takes the place of the C library's for
 * the whole program, libxlsxwriter included, and gives each thread its own
 * buffer; the result is the same, gmtime_r() computes it.
 */
struct tm *gmtime(const time_t *t)
{
	static _Thread_local struct tm tm;
	return gmtime_r(t, &tm);
}

enum { W_PDF, W_LISTS, W_MONITORING, W_RETURNS, W_FORECAST, W__COUNT };

struct queue {
	const struct report_ctx *ctx;
	const char *path[W__COUNT];
	const char *docx;               /* the note's second rendering */
	double seconds[W__COUNT];       /* each writer's wall time */
	int rc[W__COUNT];
	int next;                       /* the next writer to start */
	pthread_mutex_t lock;
};

static int write_one(const struct queue *q, int w)
{
	const char *p = q->path[w];

	switch (w) {
	case W_PDF:
		return note_write(p, q->docx, q->ctx);
	case W_LISTS:
		return xlsx_write_lists(p, q->ctx);
	case W_MONITORING:
		return xlsx_write_monitoring(p, q->ctx);
	case W_FORECAST:
		return xlsx_forms_write(p, q->ctx);
	default:
		return xlsx_write_returns(p, q->ctx);
	}
}

static void *worker(void *arg)
{
	struct queue *q = arg;

	for (;;) {
		pthread_mutex_lock(&q->lock);
		int w = q->next < W__COUNT ? q->next++ : -1;
		pthread_mutex_unlock(&q->lock);
		if (w < 0)
			return NULL;
		double t0 = timing_now();
		q->rc[w] = write_one(q, w) ? -1 : 0;
		q->seconds[w] = timing_now() - t0;
	}
}

int writers_run(const struct report_ctx *ctx, struct output *out)
{
	struct queue q = { .ctx = ctx };
	pthread_t th;
	bool threaded;
	double t0 = timing_now();
	int rc = 0;

	q.path[W_MONITORING] = output_tmp(out, "monitoring.xlsx", true);
	q.path[W_LISTS] = output_tmp(out, "personal/lists.xlsx", false);
	q.path[W_RETURNS] = output_tmpdir(out, "personal/returns");
	q.path[W_PDF] = output_tmp(out, "report.pdf", true);
	q.path[W_FORECAST] = output_tmp(out, "forecast.xlsx", true);
	q.docx = output_tmp(out, "report.docx", true);
	if (!q.path[W_RETURNS])
		return -1;
	pthread_mutex_init(&q.lock, NULL);
	/* Without a second thread this one does all five in turn. */
	threaded = pthread_create(&th, NULL, worker, &q) == 0;
	worker(&q);
	if (threaded)
		pthread_join(th, NULL);
	pthread_mutex_destroy(&q.lock);
	for (int w = 0; w < W__COUNT; w++)
		rc |= q.rc[w];
	timing_add("xlsx", q.seconds[W_MONITORING] + q.seconds[W_LISTS] +
		   q.seconds[W_RETURNS] + q.seconds[W_FORECAST]);
	timing_add("pdf", q.seconds[W_PDF]);
	timing_add("xlsx.monitoring", q.seconds[W_MONITORING]);
	timing_add("xlsx.lists", q.seconds[W_LISTS]);
	timing_add("xlsx.returns", q.seconds[W_RETURNS]);
	timing_add("xlsx.forecast", q.seconds[W_FORECAST]);
	/* the stage's wall time: both threads, as the user waits for it */
	timing_add("writers", timing_now() - t0);
	return rc ? -1 : 0;
}
