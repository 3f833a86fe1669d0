/*
 * fuzz_validate.c - libFuzzer entry point for the whole validation of one
 * file: the first byte picks the file's kind (0: from its header), the rest
 * is the file, validated beside a fixed organizations and staff file so
 * that references can resolve.  Nothing may crash, leak or break the
 * counting and personal-data rules.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "validate.h"

static const char orgs[] =
	"org_id;name;type;municipality;low_results\n"
	"S1;Школа 1;ОО;Город;да\n"
	"S2;Сад 2;ДОО;Город;нет\n";

static const char staff[] =
	"person_id;org_id;birth_date;position;subjects;employment;"
	"ped_experience\n"
	"112-233-445 95;S1;01.02.1980;учитель;математика;основное;20\n"
	"123-456-789 64;S1;10.05.1999;учитель физики;;;2\n"
	"112-233-445 95;S2;01.02.1980;воспитатель;;совместительство;20\n";

static void check(const struct dataset *ds, const struct diag_list *dl)
{
	long accepted[KIND__COUNT] = { 0 };

	for (size_t i = 0; i < dl->nfiles; i++) {
		const struct file_report *f = &dl->files[i];
		if (f->read != f->accepted + f->rejected)
			abort();
		if (f->kind >= 0 && f->kind < KIND__COUNT)
			accepted[f->kind] += f->accepted;
	}
	if ((long)ds->orgs.n != accepted[KIND_ORGS] ||
	    (long)ds->staff.n != accepted[KIND_STAFF] ||
	    (long)ds->diags.n != accepted[KIND_DIAGNOSTICS] ||
	    (long)ds->courses.n != accepted[KIND_COURSES] ||
	    (long)ds->pairs.n > accepted[KIND_MENTORING] ||
	    (long)ds->vacancies.n != accepted[KIND_VACANCIES])
		abort();
	for (size_t i = 0; i < dl->n; i++) {
		const struct diag *d = &dl->v[i];
		if (!d->message || !d->code)
			abort();
		if (!d->row || d->col_index < 0)
			continue;
		const struct file_report *f = &dl->files[d->file];
		if (d->col_index >= f->ncols)
			abort();
		int c = schema_find(f->kind, f->header[d->col_index]);
		int n;
		const struct column *cols = schema_for(f->kind, &n);
		if (c >= 0 && cols[c].personal && d->value)
			abort();
	}
	for (size_t i = 0; i < ds->staff.n; i++)
		if (ds->staff.v[i].person < 0 ||
		    (size_t)ds->staff.v[i].person >= ds->persons.n ||
		    ds->staff.v[i].org < 0 ||
		    (size_t)ds->staff.v[i].org >= ds->orgs.n)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dataset ds;
	struct diag_list dl;
	struct validate_opts o = {
		NULL, ENC_AUTO, 0, { 256, 2048, 32, 1000, 1 << 20 }
	};
	int kind = KIND_UNKNOWN;

	if (size > 0) {
		kind = data[0] % KIND__COUNT;
		data++;
		size--;
	}
	struct validate_buf files[] = {
		{ "fuzz.csv", kind, (const char *)data, size },
		{ "organizations.csv", KIND_ORGS, orgs, sizeof(orgs) - 1 },
		{ "staff.csv", KIND_STAFF, staff, sizeof(staff) - 1 },
	};
	o.asof = date_from_ymd(2026, 12, 31);
	dataset_init(&ds);
	diag_init(&dl, &ds.arena);
	validate_buffers(&o, files, 3, &ds, &dl);
	diag_sort(&dl);
	check(&ds, &dl);
	diag_release(&dl);
	dataset_release(&ds);
	return 0;
}
