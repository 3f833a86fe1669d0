/*
 * cli.h - the commands of kadry, each a function taking its own argv.
 *
 * To add a command: write cmd_<name>() in cli.c (or a cli_<name>.c of its
 * own), declare it here, and add one row to the table in main.c.
 */
#ifndef KADRY_CLI_H
#define KADRY_CLI_H

int cmd_report(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_rollup(int argc, char **argv);
int cmd_blanks(int argc, char **argv);
int cmd_codes(int argc, char **argv);

#include <time.h>

/* The current time: SOURCE_DATE_EPOCH when set (reproducible runs). */
time_t cli_now(void);

/* Exit statuses of outputs.md. */
enum {
	EXIT_DONE = 0,
	EXIT_REJECTED = 1,      /* done, but rows were rejected */
	EXIT_USAGE = 2,         /* usage or template error */
	EXIT_IO = 3             /* input or output unusable, or --force needed */
};

#endif
