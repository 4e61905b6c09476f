/*
 * lib_tests.h - shared helpers of the runtime-library unit tests; each
 * test_<file>.c adds its TCases to the "lib" suite.  Expected values live in
 * cases.h, recorded from CPython 3.13 by gen_cases.py.
 */
#ifndef MONTY_TESTS_UNIT_LIB_TESTS_H
#define MONTY_TESTS_UNIT_LIB_TESTS_H

#include <check.h>
#include <stdint.h>
#include <string.h>

#include "vm/lib_err.h"

void lib_tests_fmt_float(Suite *s);
void lib_tests_fmt_spec(Suite *s);
void lib_tests_bigint(Suite *s);
void lib_tests_pyhash(Suite *s);
void lib_tests_numparse(Suite *s);
void lib_tests_unicode(Suite *s);
void lib_tests_fmt_pct(Suite *s);
void lib_tests_fmt_field(Suite *s);
void lib_tests_lib_float(Suite *s);
void lib_tests_lib_str(Suite *s);
void lib_tests_lib_math(Suite *s);
void lib_tests_lib_codec(Suite *s);

/* "!ValueError: message" for the error a helper reported. */
const char *lib_test_error_text(const VmLibError *err);

double lib_test_double(uint64_t bits);
uint64_t lib_test_bits(double d);

#endif
