/*
 * errno_ru.h - system errors in Russian, for the messages users read.
 */
#ifndef KADRY_ERRNO_RU_H
#define KADRY_ERRNO_RU_H

/*
 * A system error in Russian for messages («нет такого файла или папки»):
 * the user-facing text of errno e; strerror(e) for the rare ones.
 */
const char *errno_ru(int e);

#endif
