/*
 * errno_ru.c - the Russian texts of the system errors a user meets.
 */
#include "errno_ru.h"

#include <errno.h>
#include <string.h>

const char *errno_ru(int e)
{
	static const struct {
		int e;
		const char *text;
	} texts[] = {
		{ ENOENT, "нет такого файла или папки" },
		{ EACCES, "нет прав доступа" },
		{ EPERM, "нет прав доступа" },
		{ EISDIR, "это папка, а не файл" },
		{ ENOTDIR, "это не папка" },
		{ ENOSPC, "нет места на диске" },
		{ EROFS, "диск доступен только для чтения" },
		{ EEXIST, "уже существует" },
		{ ENOMEM, "не хватило памяти" },
		{ EMFILE, "открыто слишком много файлов" },
		{ ENAMETOOLONG, "слишком длинное имя" },
		{ ELOOP, "слишком много символических ссылок" },
		{ EIO, "ошибка ввода-вывода" },
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i].e == e)
			return texts[i].text;
	return strerror(e);
}
