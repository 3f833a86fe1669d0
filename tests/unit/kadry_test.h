/*
 * kadry_test.h - what every unit test includes: cmocka and its
 * prerequisites, in the order cmocka requires.
 */
#ifndef KADRY_TEST_H
#define KADRY_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
