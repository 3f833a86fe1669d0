/*
 * diag.h - every problem found in the input, with its location.
 *
 * Data problems are collected, never fatal (SQLite's nErr model): readers and
 * validators append to a diag_list and the driver decides between stages what
 * the counts mean.  Each diagnostic has a stable code; every module that emits
 * codes exports a table of them (struct diag_code) so the documentation and
 * `kadry --codes` list them all in one place.
 *
 * Personal data rule: `value` must be NULL for the personal columns
 * (person_id, mentor_id, mentee_id, full_name, birth_date) and the message
 * must not quote them; file and line locate the row.
 *
 * All strings are owned by the list's arena.
 */
#ifndef KADRY_DIAG_H
#define KADRY_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"

enum severity { SEV_ERROR, SEV_WARNING };

struct diag_code {
	const char *code;       /* stable, e.g. "V101" */
	enum severity sev;      /* usual severity (optional columns may warn) */
	const char *what;       /* Russian one-line description */
};

/*
 * A row as the school sent it (UTF-8), kept only for rows that drew a
 * diagnostic: the schools' return files reproduce it.
 */
struct raw_row {
	int file;               /* index into diag_list.files */
	long line;
	int nfields;
	const char **fields;
	const char *org_id;     /* the return file it goes to (org_id), or NULL:
				 * the department-only _без_отправителя.xlsx */
	bool rejected;
};

struct diag {
	int file;               /* index into files; -1 for run-level problems */
	long line;              /* physical line where the row starts; 0: file */
	const char *column;     /* header cell as written, or NULL */
	enum severity sev;
	const char *code;
	const char *message;
	const char *value;      /* the bad value; NULL when personal or n/a */
	struct raw_row *row;    /* NULL for file-level problems */
	int col_index;          /* column index in row->fields, or -1 */
	long seq;               /* insertion order, keeps sorting stable */
};

struct file_report {
	const char *path;       /* as printed: relative to the input folder */
	int kind;               /* enum file_kind (model.h) */
	const char *encoding;   /* "UTF-8", "UTF-8 BOM", "Windows-1251" or NULL */
	char delimiter;         /* ';', ',', '\t' or 0 when unknown */
	long read, accepted, rejected, warnings;
	bool file_error;        /* none of its rows was accepted */
	int ncols;
	const char **header;    /* header cells as written, for return files */
	/*
	 * The school that sent the file (an accepted org_id), or NULL when no
	 * one school owns it.  Its return file holds the file's rejected and
	 * warned rows and, at the top, the file-level diagnostics (row NULL).
	 */
	const char *sender;
};

struct diag_list {
	struct arena *arena;
	struct diag *v;
	size_t n, cap;
	struct file_report *files;
	size_t nfiles, capfiles;
	long errors, warnings;
};

void diag_init(struct diag_list *dl, struct arena *arena);
void diag_release(struct diag_list *dl);

/* Registers an input file; returns its index. */
int diag_file_add(struct diag_list *dl, const char *path, int kind);

/*
 * Appends a diagnostic.  `value` is copied (pass NULL for personal data);
 * the message is formatted from fmt.  Counts the file's warnings.
 */
struct diag *diag_add(struct diag_list *dl, int file, long line,
		      const char *column, enum severity sev, const char *code,
		      const char *value, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Orders by file index, then line, then insertion. */
void diag_sort(struct diag_list *dl);

/* GNU lines: file:line: column: severity: code: message */
void diag_print(const struct diag_list *dl, FILE *out);
/* One line per file: «path: прочитано N, принято N, отклонено N, предупреждений N» */
void diag_print_table(const struct diag_list *dl, FILE *out);
/* validation.csv body: file,line,column,severity,code,message,value */
void diag_write_csv(const struct diag_list *dl, FILE *out);

const char *severity_name(enum severity sev);

#endif
