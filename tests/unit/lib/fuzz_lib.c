/*
 * fuzz_lib.c - libFuzzer target over the runtime-library parsers and
 * formatters (format specs, %-formatting, str.format templates, int() and
 * float() parsing, Unicode helpers, str algorithms).  Built with
 * -DMONTY_FUZZ=ON under clang:  fuzz_lib -max_total_time=600 -max_len=256 corpus/
 * The first input byte picks the entry point; the rest is its text.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm/bigint.h"
#include "vm/fmt_field.h"
#include "vm/fmt_pct.h"
#include "vm/fmt_spec.h"
#include "vm/lib_codec.h"
#include "vm/lib_float.h"
#include "vm/lib_str.h"
#include "vm/numparse.h"
#include "vm/unicode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
emit(void *ctx, const char *p, size_t n)
{
    (void)ctx;
    volatile char last = n ? p[n - 1] : 0;
    (void)last;
    return true;
}

static void
fuzz_pct(const char *s, size_t n, bool mapping, VmBuf *out, VmLibError *err)
{
    size_t pos = 0;
    VmPctSpec sp;
    for (int k = 0; k < 50; k++) {
        if (!vm_pct_next(s, n, &pos, mapping, out, &sp, err) || sp.conv == 0) {
            return;
        }
        switch (vm_pct_kind(sp.conv)) {
        case VM_PCT_STR:
            vm_pct_apply_str(&sp, "ab", 2, out, err);
            break;
        case VM_PCT_INT:
            vm_pct_apply_i64(&sp, -42, out, err);
            break;
        case VM_PCT_FLOAT:
            vm_pct_apply_float(&sp, 2.5, out, err);
            break;
        case VM_PCT_CHAR:
            vm_pct_apply_char(&sp, 65, out, err);
            break;
        default:
            vm_pct_unsupported(s, n, &sp, err);
            break;
        }
    }
}

static void
fuzz_field(const char *s, size_t n, VmBuf *out, VmLibError *err)
{
    size_t pos = 0;
    VmFmtField f;
    VmFmtAuto a = {0, 0};
    for (int k = 0; k < 50; k++) {
        if (!vm_fmt_field_next(s, n, &pos, out, &f, err) || !f.present) {
            return;
        }
        VmFmtArgRef r;
        if (!vm_fmt_field_first(&f, &a, &r, err)) {
            return;
        }
        size_t p = r.rest;
        bool more = true;
        VmFmtAccessor acc;
        while (more && vm_fmt_field_accessor(&f, &p, &acc, &more, err)) {
        }
    }
}

static void
fuzz_str(uint8_t sel, const char *s, size_t n, VmBuf *out, VmLibError *err)
{
    size_t h = n / 2;
    size_t b, e;
    vm_str_split(s, h, (sel & 16) ? NULL : s + h, n - h, (sel >> 5) - 1, sel & 1, emit, NULL,
                 err);
    vm_str_splitlines(s, n, sel & 1, emit, NULL);
    vm_str_strip(s, h, s + h, n - h, 'b', &b, &e);
    vm_str_find(s, h, s + h, n - h, (int8_t)sel % 5, 100, sel & 1);
    vm_str_count(s, h, s + h, n - h, 0, 50);
    vm_str_replace(s, h, s + h, n - h, "xy", 2, -1, out, err);
    vm_str_expandtabs(s, n, sel % 9, out, err);
    vm_str_pad(s, n, sel, 0x20AC, "<>^"[sel % 3], out, err);
}

static void
fuzz_big_spec(const char *s, size_t n, VmBuf *out, VmLibError *err)
{
    VmFmtSpec sp;
    mp_int v;
    if (n == 0 || !vm_fmt_spec_parse(s, n, 'd', '>', "int", &sp, err)) {
        return;
    }
    if (mp_init(&v) != MP_OKAY) {
        return;
    }
    if (mp_read_radix(&v, "-123456789012345678901234567890", 10) == MP_OKAY) {
        vm_fmt_spec_apply_big(&sp, &v, "int", out, err);
    }
    mp_clear(&v);
}

static void
fuzz_codec(uint8_t sel, const char *s, size_t n, VmBuf *out, VmLibError *err)
{
    static const char *handlers[] = {
        "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
        "surrogateescape", "surrogatepass", "bogus",
    };
    const char *h = handlers[sel % 8];
    VmCodec codec = (VmCodec)((sel >> 3) % 3);
    double d;
    if (!vm_codec_decode(codec, s, n, h, strlen(h), out, err)) {
        return;
    }
    /* Re-encode what was decoded: exercises the surrogate paths. */
    VmBuf back;
    vm_buf_init(&back, NULL, NULL);
    vm_codec_encode(codec, out->data ? out->data : "", out->len, h, strlen(h), &back, err);
    vm_buf_fini(&back);
    vm_bytes_fromhex(s, n, out, err);
    vm_float_fromhex(s, n, &d, err);
    vm_bytes_repr(s, n, out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    VmBuf out;
    VmLibError err;
    VmNumInt v;
    double d;
    size_t a, b;
    const char *why;
    vm_lib_error_clear(&err);
    vm_buf_init(&out, NULL, NULL);
    out.max = 1 << 16;
    switch (data[0] % 13) {
    case 12:
        fuzz_codec(data[0] / 13, s, n, &out, &err);
        break;
    case 0:
        vm_fmt_format_float(s, n, 1234.5678, &out, &err);
        break;
    case 1:
        vm_fmt_format_i64(s, n, -123456789, "int", &out, &err);
        break;
    case 2:
        vm_fmt_format_str(s, n, "h\xc3\xa9llo", 6, &out, &err);
        break;
    case 3:
        fuzz_pct(s, n, data[0] & 16, &out, &err);
        break;
    case 4:
        fuzz_field(s, n, &out, &err);
        break;
    case 5:
        if (vm_numparse_int(s, n, data[0] % 37, 4300, NULL, NULL, &v, &err) && v.is_big) {
            mp_clear(&v.big);
        }
        break;
    case 6:
        vm_numparse_float(s, n, NULL, NULL, &d, &err);
        break;
    case 7:
        vm_unicode_case((VmUnicodeCase)(data[0] % 6), s, n, &out);
        vm_unicode_str_is((VmUnicodePred)(data[0] % 12), s, n);
        break;
    case 8:
        vm_unicode_repr(s, n, &out);
        vm_unicode_validate(s, n, data[0] & 1, &a, &b, &why);
        break;
    case 9:
    case 10:
        fuzz_str(data[0], s, n, &out, &err);
        break;
    default:
        fuzz_big_spec(s, n, &out, &err);
        break;
    }
    if (err.kind != VM_LIB_OK) {
        VmBuf m;
        vm_buf_init(&m, NULL, NULL);
        vm_lib_error_render(&err, &m);
        vm_buf_fini(&m);
    }
    vm_buf_fini(&out);
    return 0;
}
