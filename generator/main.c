/*
 * main.c - the command line: one table of commands, each a function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} commands[] = {
	{ "report", cmd_report, "прочитать, проверить, рассчитать и выпустить отчёт за период" },
	{ "check", cmd_check, "только прочитать и проверить файлы школ" },
	{ "rollup", cmd_rollup, "региональная сводка по summary.csv муниципалитетов" },
	{ "blanks", cmd_blanks, "бланки форм для школ (XLSX и CSV)" },
	{ "codes", cmd_codes, "таблица кодов диагностики" },
};

static void usage(FILE *out)
{
	fputs("Использование: kadry КОМАНДА [параметры]\n\nКоманды:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].help);
	fputs("\nkadry КОМАНДА --help — параметры команды.\n", out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("kadry %s\n", KADRY_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "kadry: неизвестная команда «%s»\n", argv[1]);
	usage(stderr);
	return 2;
}
