/*
 * model.c - the dataset's lifecycle and its interned names.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "enums.h"

void dataset_init(struct dataset *ds)
{
	memset(ds, 0, sizeof(*ds));
	ds->asof = KDATE_NONE;
	for (int id = 0; id < SUBJ__COUNT; id++)
		*VEC_PUSH(ds->subjects.v, ds->subjects.n, ds->subjects.cap) =
			enum_name(EN_SUBJECT, id);
}

void dataset_release(struct dataset *ds)
{
	free(ds->orgs.v);
	free(ds->staff.v);
	free(ds->persons.v);
	free(ds->diags.v);
	free(ds->programs.v);
	free(ds->courses.v);
	free(ds->pairs.v);
	free(ds->vacancies.v);
	free(ds->subjects.v);
	free(ds->areas.v);
	strmap_release(&ds->org_index);
	strmap_release(&ds->person_index);
	strmap_release(&ds->subject_index);
	strmap_release(&ds->area_index);
	strmap_release(&ds->program_index);
	arena_release(&ds->arena);
	memset(ds, 0, sizeof(*ds));
}

int dataset_subject_id(struct dataset *ds, const char *name)
{
	int id = strmap_get(&ds->subject_index, name);
	if (id >= 0)
		return id;
	const char *copy = arena_strdup(&ds->arena, name);
	id = (int)ds->subjects.n;
	*VEC_PUSH(ds->subjects.v, ds->subjects.n, ds->subjects.cap) = copy;
	strmap_put(&ds->subject_index, copy, id);
	return id;
}

int dataset_area_id(struct dataset *ds, const char *name)
{
	int id = strmap_get(&ds->area_index, name);
	if (id >= 0)
		return id;
	const char *copy = arena_strdup(&ds->arena, name);
	id = (int)ds->areas.n;
	*VEC_PUSH(ds->areas.v, ds->areas.n, ds->areas.cap) = copy;
	strmap_put(&ds->area_index, copy, id);
	return id;
}

const char *dataset_subject_name(const struct dataset *ds, int id)
{
	if (id < 0 || (size_t)id >= ds->subjects.n)
		return "";
	return ds->subjects.v[id];
}
