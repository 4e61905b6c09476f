/*
 * test_fmt_field.c - str.format template parsing against CPython 3.13,
 * through a miniature of the VM's render loop (see fmt_field.h).
 */
#include <check.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/fmt_field.h"
#include "vm/fmt_float.h"
#include "vm/fmt_spec.h"
#include "vm/unicode.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* format(value, spec) of a test argument, after an optional conversion. */
static bool
format_value(const PctArg *a, uint32_t conv, const char *spec, size_t spec_len, VmBuf *out,
             VmLibError *err)
{
    if (conv != 0 || a->kind == 's') {
        VmBuf t;
        vm_buf_init(&t, NULL, NULL);
        char b[VM_FMT_FLOAT_REPR_SIZE];
        if (a->kind == 's') {
            if (conv == 'r') {
                vm_unicode_repr(a->s, strlen(a->s), &t);
            } else if (conv == 'a') {
                vm_unicode_ascii(a->s, strlen(a->s), &t);
            } else {
                vm_buf_puts(&t, a->s);
            }
        } else if (a->kind == 'f') {
            vm_fmt_float_repr(lib_test_double(a->fbits), b);
            vm_buf_puts(&t, b);
        } else if (a->kind == 'b') {
            vm_buf_puts(&t, a->s);
        } else {
            snprintf(b, sizeof b, "%lld", (long long)a->i);
            vm_buf_puts(&t, b);
        }
        bool ok = vm_fmt_format_str(spec, spec_len, t.data ? t.data : "", t.len, out, err);
        vm_buf_fini(&t);
        return ok;
    }
    if (a->kind == 'f') {
        return vm_fmt_format_float(spec, spec_len, lib_test_double(a->fbits), out, err);
    }
    if (a->kind == 'b') {
        mp_int v;
        ck_assert(mp_init(&v) == MP_OKAY);
        ck_assert(mp_read_radix(&v, a->s, 10) == MP_OKAY);
        bool ok = vm_fmt_format_big(spec, spec_len, &v, out, err);
        mp_clear(&v);
        return ok;
    }
    return vm_fmt_format_i64(spec, spec_len, a->i, "int", out, err);
}

static bool
render(const FieldCase *c, const char *t, size_t len, int depth, VmFmtAuto *autonum,
       VmBuf *out, VmLibError *err)
{
    if (depth <= 0) {
        return vm_lib_error_set(err, VM_LIB_VALUE_ERROR, "%s", VM_FMT_MSG_RECURSION);
    }
    size_t pos = 0;
    VmFmtField f;
    for (;;) {
        if (!vm_fmt_field_next(t, len, &pos, out, &f, err)) {
            return false;
        }
        if (!f.present) {
            return true;
        }
        VmFmtArgRef ref;
        if (!vm_fmt_field_first(&f, autonum, &ref, err)) {
            return false;
        }
        const PctArg *a = NULL;
        if (ref.is_index) {
            if (ref.index >= c->nargs) {
                return vm_fmt_index_error(ref.index, err);
            }
            a = &c->args[ref.index];
        } else {
            for (int k = 0; k < c->nkw; k++) {
                if (strlen(c->kwnames[k]) == ref.key_len
                    && memcmp(c->kwnames[k], ref.key, ref.key_len) == 0) {
                    a = &c->kwargs[k];
                }
            }
            if (!a) {
                return vm_lib_error_set_arg(err, VM_LIB_KEY_ERROR, "", ref.key, ref.key_len,
                                            VM_LIB_ARG_REPR, 0, NULL);
            }
        }
        if (f.conversion && !vm_fmt_conversion_check(f.conversion, err)) {
            return false;
        }
        VmBuf spec;
        vm_buf_init(&spec, NULL, NULL);
        bool ok;
        if (f.spec_needs_expanding) {
            ok = render(c, f.spec, f.spec_len, depth - 1, autonum, &spec, err);
        } else {
            ok = vm_buf_append(&spec, f.spec, f.spec_len);
        }
        ok = ok && format_value(a, f.conversion, spec.data ? spec.data : "", spec.len, out, err);
        vm_buf_fini(&spec);
        if (!ok) {
            return false;
        }
    }
}

START_TEST(test_field_table)
{
    const FieldCase *c = &field_cases[_i];
    VmBuf out;
    VmLibError err;
    VmFmtAuto autonum = {0, 0};
    vm_buf_init(&out, NULL, NULL);
    bool ok = render(c, c->fmt, strlen(c->fmt), 2, &autonum, &out, &err);
    const char *got = ok ? (out.data ? out.data : "") : lib_test_error_text(&err);
    ck_assert_msg(strcmp(got, c->expect) == 0, "'%s'.format(...) = '%s', want '%s'", c->fmt, got,
                  c->expect);
    vm_buf_fini(&out);
}
END_TEST

static const char *
field_error(const char *t)
{
    VmBuf out;
    VmLibError err;
    VmFmtField f;
    VmFmtArgRef ref;
    VmFmtAccessor acc;
    size_t pos = 0;
    bool more = true;
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_fmt_field_next(t, strlen(t), &pos, &out, &f, &err)
              && vm_fmt_field_first(&f, NULL, &ref, &err);
    size_t p = ref.rest;
    while (ok && more) {
        ok = vm_fmt_field_accessor(&f, &p, &acc, &more, &err);
    }
    vm_buf_fini(&out);
    return ok ? "ok" : lib_test_error_text(&err);
}

START_TEST(test_accessors)
{
    const char *t = "{a.b[0][key].c}";
    VmBuf out;
    VmLibError err;
    VmFmtField f;
    VmFmtArgRef ref;
    VmFmtAccessor acc;
    size_t pos = 0;
    bool more;
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_fmt_field_next(t, strlen(t), &pos, &out, &f, &err));
    ck_assert(f.present);
    ck_assert(vm_fmt_field_first(&f, NULL, &ref, &err));
    ck_assert(!ref.is_index);
    ck_assert_uint_eq(ref.key_len, 1);
    size_t p = ref.rest;
    ck_assert(vm_fmt_field_accessor(&f, &p, &acc, &more, &err) && more && acc.is_attr);
    ck_assert(acc.len == 1 && acc.name[0] == 'b');
    ck_assert(vm_fmt_field_accessor(&f, &p, &acc, &more, &err) && more && !acc.is_attr);
    ck_assert(acc.is_index && acc.index == 0);
    ck_assert(vm_fmt_field_accessor(&f, &p, &acc, &more, &err) && more && !acc.is_index);
    ck_assert(acc.len == 3 && memcmp(acc.name, "key", 3) == 0);
    ck_assert(vm_fmt_field_accessor(&f, &p, &acc, &more, &err) && more && acc.is_attr);
    ck_assert(vm_fmt_field_accessor(&f, &p, &acc, &more, &err) && !more);
    vm_buf_fini(&out);
    ck_assert_str_eq(field_error("{0.}"), "!ValueError: Empty attribute in format string");
    ck_assert_str_eq(field_error("{0[]}"), "!ValueError: Empty attribute in format string");
    ck_assert_str_eq(field_error("{0[0]x}"),
                     "!ValueError: Only '.' or '[' may follow ']' in format field specifier");
    ck_assert_str_eq(field_error("{0[0}"), "!ValueError: expected '}' before end of string");
    ck_assert_str_eq(field_error("{0[a]]}"), "!ValueError: Only '.' or '[' may follow ']' in "
                                             "format field specifier");
    ck_assert_str_eq(field_error("{a[}]}"), "ok");
}
END_TEST

void
lib_tests_fmt_field(Suite *s)
{
    TCase *tc = tcase_create("fmt_field");
    tcase_add_loop_test(tc, test_field_table, 0, COUNT(field_cases));
    tcase_add_test(tc, test_accessors);
    suite_add_tcase(s, tc);
}
