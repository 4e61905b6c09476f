/*
 * test_lib_str.c - str method algorithms against CPython 3.13.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>

#include "tests/unit/lib/cases.h"
#include "tests/unit/lib/lib_tests.h"
#include "vm/lib_codec.h"
#include "vm/lib_str.h"
#include "vm/unicode.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

typedef struct Pieces {
    const char *p[64];
    size_t n[64];
    int count;
} Pieces;

static bool
collect(void *ctx, const char *piece, size_t len)
{
    Pieces *ps = ctx;
    ck_assert_int_lt(ps->count, 64);
    ps->p[ps->count] = piece;
    ps->n[ps->count] = len;
    ps->count++;
    return true;
}

/* Python repr of a list of str pieces (reversed for rsplit). */
static void
list_repr(const Pieces *ps, bool reversed, VmBuf *out)
{
    vm_buf_putc(out, '[');
    for (int k = 0; k < ps->count; k++) {
        int i = reversed ? ps->count - 1 - k : k;
        if (k) {
            vm_buf_puts(out, ", ");
        }
        vm_unicode_repr(ps->p[i], ps->n[i], out);
    }
    vm_buf_putc(out, ']');
}

START_TEST(test_str_meth_table)
{
    const StrMethCase *c = &str_meth_cases[_i];
    const char *m = c->meth;
    size_t len = strlen(c->s);
    size_t alen = c->arg ? strlen(c->arg) : 0;
    VmBuf out, tmp;
    VmLibError err;
    char num[32];
    vm_buf_init(&out, NULL, NULL);
    vm_buf_init(&tmp, NULL, NULL);
    const char *got = NULL;
    int64_t n = (int64_t)vm_unicode_count(c->s, len);
    int64_t st = c->a, en = c->b;
    if (!strcmp(m, "find") || !strcmp(m, "rfind") || !strcmp(m, "count")
        || !strcmp(m, "startswith") || !strcmp(m, "endswith")) {
        vm_str_adjust(&st, &en, n);
        if (!strcmp(m, "count")) {
            snprintf(num, sizeof num, "%lld",
                     (long long)vm_str_count(c->s, len, c->arg, alen, st, en));
        } else if (m[0] == 's' || m[0] == 'e') {
            bool r = vm_str_tailmatch(c->s, len, c->arg, alen, st, en, m[0] == 'e');
            snprintf(num, sizeof num, "%s", r ? "True" : "False");
        } else {
            snprintf(num, sizeof num, "%lld",
                     (long long)vm_str_find(c->s, len, c->arg, alen, st, en, m[0] == 'r'));
        }
        got = num;
    } else if (!strcmp(m, "replace")) {
        ck_assert(vm_str_replace(c->s, len, c->arg, alen, c->arg2, strlen(c->arg2), c->b, &tmp,
                                 &err));
        vm_unicode_repr(tmp.data ? tmp.data : "", tmp.len, &out);
        got = out.data;
    } else if (!strcmp(m, "split") || !strcmp(m, "rsplit")) {
        Pieces ps = {.count = 0};
        bool rev = m[0] == 'r';
        if (vm_str_split(c->s, len, c->arg, alen, c->b, rev, collect, &ps, &err)) {
            list_repr(&ps, rev, &out);
            got = out.data;
        } else {
            snprintf(num, sizeof num, "%s", lib_test_error_text(&err));
            got = num;
        }
    } else if (!strcmp(m, "splitlines")) {
        Pieces ps = {.count = 0};
        ck_assert(vm_str_splitlines(c->s, len, c->c != 0, collect, &ps));
        list_repr(&ps, false, &out);
        got = out.data;
    } else if (strstr(m, "strip")) {
        size_t b, e;
        vm_str_strip(c->s, len, c->arg, alen, m[0] == 's' ? 'b' : m[0], &b, &e);
        vm_unicode_repr(c->s + b, e - b, &out);
        got = out.data;
    } else {
        bool ok;
        if (!strcmp(m, "expandtabs")) {
            ok = vm_str_expandtabs(c->s, len, c->b, &tmp, &err);
        } else if (!strcmp(m, "zfill")) {
            ok = vm_str_zfill(c->s, len, c->b, &tmp, &err);
        } else {
            size_t p = 0;
            ok = vm_str_pad(c->s, len, c->b, vm_unicode_decode(c->arg, alen, &p), (char)c->c,
                            &tmp, &err);
        }
        ck_assert(ok);
        vm_unicode_repr(tmp.data ? tmp.data : "", tmp.len, &out);
        got = out.data;
    }
    ck_assert_msg(strcmp(got, c->expect) == 0, "%s: '%s' arg '%s' %lld %lld -> %s, want %s", m,
                  c->s, c->arg ? c->arg : "None", (long long)c->a, (long long)c->b, got,
                  c->expect);
    vm_buf_fini(&out);
    vm_buf_fini(&tmp);
}
END_TEST

START_TEST(test_replace_refused_before_allocating)
{
    VmBuf out;
    VmLibError err;
    vm_buf_init(&out, NULL, NULL);
    out.max = 1 << 20;
    ck_assert(!vm_str_replace("abcdefgh", 8, "", 0, "0123456789abcdef", 16, -1, &out, &err)
              || out.len <= out.max);
    vm_buf_fini(&out);
    vm_buf_init(&out, NULL, NULL);
    out.max = 1 << 20;
    char big[4096];
    memset(big, 'x', sizeof big);
    ck_assert(!vm_str_replace(big, sizeof big, "x", 1, big, sizeof big, -1, &out, &err));
    ck_assert_int_eq(err.kind, VM_LIB_LIMIT);
    ck_assert_ptr_null(out.data);
    vm_buf_fini(&out);
}
END_TEST

static void
bytes_list_repr(const Pieces *ps, bool reversed, VmBuf *out)
{
    vm_buf_putc(out, '[');
    for (int k = 0; k < ps->count; k++) {
        int i = reversed ? ps->count - 1 - k : k;
        if (k) {
            vm_buf_puts(out, ", ");
        }
        vm_bytes_repr(ps->p[i], ps->n[i], out);
    }
    vm_buf_putc(out, ']');
}

START_TEST(test_bytes_meth_table)
{
    const BytesMethCase *c = &bytes_meth_cases[_i];
    const char *m = c->meth;
    size_t len = strlen(c->s);
    size_t alen = c->arg ? strlen(c->arg) : 0;
    VmBuf out;
    VmLibError err;
    char num[32];
    const char *got;
    Pieces ps = {.count = 0};
    vm_buf_init(&out, NULL, NULL);
    if (!strcmp(m, "split") || !strcmp(m, "rsplit")) {
        bool rev = m[0] == 'r';
        ck_assert(vm_bytes_split(c->s, len, c->arg, alen, c->b, rev, collect, &ps, &err));
        bytes_list_repr(&ps, rev, &out);
        got = out.data;
    } else if (!strcmp(m, "splitlines")) {
        ck_assert(vm_bytes_splitlines(c->s, len, c->b != 0, collect, &ps));
        bytes_list_repr(&ps, false, &out);
        got = out.data;
    } else if (strstr(m, "strip")) {
        size_t b, e;
        vm_bytes_strip(c->s, len, c->arg, alen, m[0] == 's' ? 'b' : m[0], &b, &e);
        vm_bytes_repr(c->s + b, e - b, &out);
        got = out.data;
    } else {
        int64_t st = c->a, en = INT64_MAX;
        vm_str_adjust(&st, &en, (int64_t)len);
        int64_t r = !strcmp(m, "count") ? vm_bytes_count(c->s, len, c->arg, alen, st, en)
                                        : vm_bytes_find(c->s, len, c->arg, alen, st, en,
                                                        m[0] == 'r');
        snprintf(num, sizeof num, "%lld", (long long)r);
        got = num;
    }
    ck_assert_msg(strcmp(got, c->expect) == 0, "bytes.%s -> %s, want %s", m, got, c->expect);
    vm_buf_fini(&out);
}
END_TEST

void
lib_tests_lib_str(Suite *s)
{
    TCase *tc = tcase_create("lib_str");
    tcase_add_loop_test(tc, test_str_meth_table, 0, COUNT(str_meth_cases));
    tcase_add_test(tc, test_replace_refused_before_allocating);
    tcase_add_loop_test(tc, test_bytes_meth_table, 0, COUNT(bytes_meth_cases));
    suite_add_tcase(s, tc);
}
