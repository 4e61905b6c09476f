/*
 * test_fmt_pct.c - printf-style formatting against CPython 3.13, through a
 * miniature of the loop the VM runs (see fmt_pct.h).
 */
#include <check.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/fmt_float.h"
#include "vm/fmt_pct.h"
#include "vm/unicode.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *
type_name(const PctArg *a)
{
    return a->kind == 's' ? "str" : a->kind == 'f' ? "float" : "int";
}

/* str(), repr() or ascii() of a test argument. */
static void
text_of(const PctArg *a, uint32_t conv, VmBuf *t)
{
    char b[VM_FMT_FLOAT_REPR_SIZE];
    switch (a->kind) {
    case 's':
        if (conv == 's') {
            vm_buf_puts(t, a->s);
        } else if (conv == 'r') {
            vm_unicode_repr(a->s, strlen(a->s), t);
        } else {
            vm_unicode_ascii(a->s, strlen(a->s), t);
        }
        break;
    case 'f':
        vm_fmt_float_repr(lib_test_double(a->fbits), b);
        vm_buf_puts(t, b);
        break;
    case 'b':
        vm_buf_puts(t, a->s);
        break;
    default:
        snprintf(b, sizeof b, "%lld", (long long)a->i);
        vm_buf_puts(t, b);
        break;
    }
}

static bool
convert(const VmPctSpec *spec, const PctArg *a, VmBuf *out, VmLibError *err)
{
    VmBuf t;
    bool ok;
    mp_int big;
    switch (vm_pct_kind(spec->conv)) {
    case VM_PCT_STR:
        vm_buf_init(&t, NULL, NULL);
        text_of(a, spec->conv, &t);
        ok = vm_pct_apply_str(spec, t.data, t.len, out, err);
        vm_buf_fini(&t);
        return ok;
    case VM_PCT_INT:
        if (a->kind == 'i') {
            return vm_pct_apply_i64(spec, a->i, out, err);
        }
        if (a->kind == 'b') {
            ck_assert(mp_init(&big) == MP_OKAY);
            ck_assert(mp_read_radix(&big, a->s, 10) == MP_OKAY);
            ok = vm_pct_apply_big(spec, &big, out, err);
            mp_clear(&big);
            return ok;
        }
        if (a->kind == 'f' && (spec->conv == 'd' || spec->conv == 'i' || spec->conv == 'u')) {
            return vm_pct_apply_i64(spec, (int64_t)lib_test_double(a->fbits), out, err);
        }
        return vm_pct_type_error(spec, type_name(a), err);
    case VM_PCT_FLOAT:
        if (a->kind == 'i') {
            return vm_pct_apply_float(spec, (double)a->i, out, err);
        }
        if (a->kind == 'f') {
            return vm_pct_apply_float(spec, lib_test_double(a->fbits), out, err);
        }
        if (a->kind == 'b') {
            return vm_pct_apply_float(spec, strtod(a->s, NULL), out, err);
        }
        return vm_pct_type_error(spec, type_name(a), err);
    case VM_PCT_CHAR:
        if (a->kind == 'i') {
            return vm_pct_apply_char(spec, a->i, out, err);
        }
        if (a->kind == 's' && vm_unicode_count(a->s, strlen(a->s)) == 1) {
            size_t p = 0;
            return vm_pct_apply_char(spec, vm_unicode_decode(a->s, strlen(a->s), &p), out, err);
        }
        return vm_pct_type_error(spec, type_name(a), err);
    default:
        return false;
    }
}

static bool
run_format(const PctCase *c, VmBuf *out, VmLibError *err)
{
    size_t len = strlen(c->fmt);
    size_t pos = 0;
    int argi = 0;
    VmPctSpec spec;
    for (;;) {
        if (!vm_pct_next(c->fmt, len, &pos, false, out, &spec, err)) {
            return false;
        }
        if (spec.conv == 0) {
            break;
        }
        if (spec.width_star || spec.prec_star) {
            for (int k = 0; k < 2; k++) {
                if (!(k == 0 ? spec.width_star : spec.prec_star)) {
                    continue;
                }
                if (argi >= c->nargs) {
                    return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", VM_PCT_MSG_NOT_ENOUGH);
                }
                const PctArg *a = &c->args[argi++];
                if (a->kind != 'i') {
                    return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", VM_PCT_MSG_STAR);
                }
                if (k == 0) {
                    vm_pct_set_width(&spec, a->i);
                } else {
                    vm_pct_set_precision(&spec, a->i);
                }
            }
        }
        if (argi >= c->nargs) {
            return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", VM_PCT_MSG_NOT_ENOUGH);
        }
        const PctArg *a = &c->args[argi++];
        if (vm_pct_kind(spec.conv) == VM_PCT_UNSUPPORTED) {
            return vm_pct_unsupported(c->fmt, len, &spec, err);
        }
        if (!convert(&spec, a, out, err)) {
            return false;
        }
    }
    if (argi < c->nargs) {
        return vm_lib_error_set(err, VM_LIB_TYPE_ERROR, "%s", VM_PCT_MSG_NOT_ALL);
    }
    return true;
}

START_TEST(test_pct_table)
{
    const PctCase *c = &pct_cases[_i];
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    bool ok = run_format(c, &out, &err);
    const char *got = ok ? (out.data ? out.data : "") : lib_test_error_text(&err);
    ck_assert_msg(strcmp(got, c->expect) == 0, "'%s' %% ... = '%s', want '%s'", c->fmt, got,
                  c->expect);
    vm_buf_fini(&out);
}
END_TEST

/* vm_pct_format through callbacks over the same table. */
typedef struct ArgCursor {
    const PctCase *c;
    int next;
} ArgCursor;

static void
to_arg(const PctArg *a, VmPctArg *out, mp_int *big)
{
    memset(out, 0, sizeof *out);
    out->handle = (void *)a;
    out->type_name = type_name(a);
    switch (a->kind) {
    case 'i':
        out->kind = VM_PCT_ARG_INT;
        out->i = a->i;
        break;
    case 'f':
        out->kind = VM_PCT_ARG_FLOAT;
        out->f = lib_test_double(a->fbits);
        break;
    case 'b':
        out->kind = VM_PCT_ARG_BIG;
        ck_assert(mp_read_radix(big, a->s, 10) == MP_OKAY);
        out->big = big;
        break;
    default:
        out->kind = VM_PCT_ARG_STR;
        out->s = a->s;
        out->len = strlen(a->s);
        break;
    }
}

static mp_int cursor_bigs[3];

static bool
cursor_next(void *ctx, VmPctArg *arg)
{
    ArgCursor *cur = ctx;
    if (cur->next >= cur->c->nargs) {
        return false;
    }
    int k = cur->next++;
    to_arg(&cur->c->args[k], arg, &cursor_bigs[k]);
    return true;
}

static bool
cursor_lookup(void *ctx, const char *key, size_t len, VmPctArg *arg, VmLibError *err)
{
    (void)ctx;
    (void)arg;
    return vm_lib_error_set_arg(err, VM_LIB_KEY_ERROR, "", key, len, VM_LIB_ARG_REPR, 0, NULL);
}

static bool
cursor_text(void *ctx, const VmPctArg *arg, uint32_t conv, VmBuf *out, VmLibError *err)
{
    (void)ctx;
    (void)err;
    text_of((const PctArg *)arg->handle, conv, out);
    return !out->failed;
}

START_TEST(test_pct_format_table)
{
    const PctCase *c = &pct_cases[_i];
    static const VmPctOps ops = {cursor_next, cursor_lookup, cursor_text};
    ArgCursor cur = {c, 0};
    VmBuf out;
    VmLibError err;
    for (int k = 0; k < 3; k++) {
        ck_assert(mp_init(&cursor_bigs[k]) == MP_OKAY);
    }
    vm_buf_init(&out, NULL, NULL);
    bool ok = vm_pct_format(c->fmt, strlen(c->fmt), false, &ops, &cur, &out, &err);
    const char *got = ok ? (out.data ? out.data : "") : lib_test_error_text(&err);
    ck_assert_msg(strcmp(got, c->expect) == 0, "vm_pct_format('%s') = '%s', want '%s'", c->fmt,
                  got, c->expect);
    vm_buf_fini(&out);
    for (int k = 0; k < 3; k++) {
        mp_clear(&cursor_bigs[k]);
    }
}
END_TEST

START_TEST(test_pct_keys)
{
    VmBuf out;
    VmLibError err;
    VmPctSpec spec;
    size_t pos = 0;
    const char *fmt = "x%(a(b))-4sy";
    vm_buf_init(&out, NULL, NULL);
    ck_assert(vm_pct_next(fmt, strlen(fmt), &pos, true, &out, &spec, &err));
    ck_assert(spec.has_key);
    ck_assert_uint_eq(spec.key_len, 4);
    ck_assert(memcmp(spec.key, "a(b)", 4) == 0);
    ck_assert(spec.left);
    ck_assert_int_eq(spec.width, 4);
    ck_assert_uint_eq(spec.conv, 's');
    ck_assert(vm_pct_apply_str(&spec, "v", 1, &out, &err));
    ck_assert(vm_pct_next(fmt, strlen(fmt), &pos, true, &out, &spec, &err));
    ck_assert_uint_eq(spec.conv, 0);
    ck_assert_str_eq(out.data, "xv   y");
    vm_buf_fini(&out);
}
END_TEST

START_TEST(test_pct_cap)
{
    VmBuf out;
    VmLibError err;
    VmPctSpec spec;
    size_t pos = 0;
    vm_buf_init(&out, NULL, NULL);
    out.max = 4096;
    ck_assert(vm_pct_next("%999999999d", 11, &pos, false, &out, &spec, &err));
    ck_assert(!vm_pct_apply_i64(&spec, 1, &out, &err));
    ck_assert_int_eq(err.kind, VM_LIB_LIMIT);
    vm_buf_fini(&out);
}
END_TEST

void
lib_tests_fmt_pct(Suite *s)
{
    TCase *tc = tcase_create("fmt_pct");
    tcase_add_loop_test(tc, test_pct_table, 0, COUNT(pct_cases));
    tcase_add_loop_test(tc, test_pct_format_table, 0, COUNT(pct_cases));
    tcase_add_test(tc, test_pct_keys);
    tcase_add_test(tc, test_pct_cap);
    suite_add_tcase(s, tc);
}
