/*
 * writers.c - the XLSX and PDF writers, in parallel.
 */
#include "writers.h"

#include <pthread.h>
#include <stdio.h>

#include "report_pdf.h"
#include "timing.h"
#include "xlsx_personal.h"
#include "xlsx_write.h"

struct job {
	const struct report_ctx *ctx;
	const char *monitoring, *lists, *returns, *pdf;
	int rc;
	double seconds;         /* this job's wall time, for the benchmarks */
};

static void *xlsx_job(void *arg)
{
	struct job *j = arg;
	double t0 = timing_now();
	j->rc = 0;
	if (xlsx_write_monitoring(j->monitoring, j->ctx) ||
	    xlsx_write_lists(j->lists, j->ctx) ||
	    xlsx_write_returns(j->returns, j->ctx))
		j->rc = -1;
	j->seconds = timing_now() - t0;
	return NULL;
}

static void *pdf_job(void *arg)
{
	struct job *j = arg;
	double t0 = timing_now();
	j->rc = report_pdf_write(j->pdf, j->ctx) ? -1 : 0;
	j->seconds = timing_now() - t0;
	return NULL;
}

int writers_run(const struct report_ctx *ctx, struct output *out)
{
	struct job x = { .ctx = ctx }, p = { .ctx = ctx };
	pthread_t th;
	bool threaded;

	x.monitoring = output_tmp(out, "monitoring.xlsx", true);
	x.lists = output_tmp(out, "personal/lists.xlsx", false);
	x.returns = output_tmpdir(out, "personal/returns");
	p.pdf = output_tmp(out, "report.pdf", true);
	if (!x.returns)
		return -1;
	/* Without a second thread the work is simply done in turn. */
	threaded = pthread_create(&th, NULL, pdf_job, &p) == 0;
	xlsx_job(&x);
	if (threaded)
		pthread_join(th, NULL);
	else
		pdf_job(&p);
	timing_add("xlsx", x.seconds);
	timing_add("pdf", p.seconds);
	return x.rc || p.rc ? -1 : 0;
}
