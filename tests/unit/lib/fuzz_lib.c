/*
 * fuzz_lib.c - libFuzzer target over the runtime-library parsers and formatters
 * (format specs, %-formatting, str.format templates, int()/float() parsing,
 * Unicode helpers, str algorithms).  Built with -DMONTY_FUZZ=ON under clang:
 *     fuzz_lib -max_total_time=600 -max_len=256 corpus/
 * The first input byte picks the entry point, the rest is its text.
 */
#include <stdint.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include "vm/fmt_spec.h"
#include "vm/fmt_pct.h"
#include "vm/fmt_field.h"
#include "vm/numparse.h"
#include "vm/unicode.h"
#include "vm/lib_str.h"
#include "vm/bigint.h"
static bool emit(void *c, const char *p, size_t n){ (void)c; volatile char x = n ? p[n-1] : 0; (void)x; return true; }
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    const char *s = (const char *)data + 1; size_t n = size - 1;
    VmBuf out; VmLibError err; vm_lib_error_clear(&err); vm_buf_init(&out, NULL, NULL); out.max = 1 << 16;
    switch (data[0] % 12) {
    case 0: vm_fmt_format_float(s, n, 1234.5678, &out, &err); break;
    case 1: vm_fmt_format_i64(s, n, -123456789, "int", &out, &err); break;
    case 2: vm_fmt_format_str(s, n, "h\xc3\xa9llo", 6, &out, &err); break;
    case 3: { size_t pos = 0; VmPctSpec sp; for (int k = 0; k < 50; k++) { if (!vm_pct_next(s, n, &pos, k & 1, &out, &sp, &err) || sp.conv == 0) break;
              switch (vm_pct_kind(sp.conv)) { case VM_PCT_STR: vm_pct_apply_str(&sp, "ab", 2, &out, &err); break; case VM_PCT_INT: vm_pct_apply_i64(&sp, -42, &out, &err); break;
              case VM_PCT_FLOAT: vm_pct_apply_float(&sp, 2.5, &out, &err); break; case VM_PCT_CHAR: vm_pct_apply_char(&sp, 65, &out, &err); break; default: vm_pct_unsupported(s, n, &sp, &err); break; } } break; }
    case 4: { size_t pos = 0; VmFmtField f; VmFmtAuto a = {0,0}; for (int k = 0; k < 50; k++) { if (!vm_fmt_field_next(s, n, &pos, &out, &f, &err) || !f.present) break;
              VmFmtArgRef r; if (!vm_fmt_field_first(&f, &a, &r, &err)) break; size_t p = r.rest; bool more = true; VmFmtAccessor acc; while (more && vm_fmt_field_accessor(&f, &p, &acc, &more, &err)) {} } break; }
    case 5: { VmNumInt v; if (vm_numparse_int(s, n, data[0] % 37, 4300, NULL, NULL, &v, &err) && v.is_big) mp_clear(&v.big); break; }
    case 6: { double d; vm_numparse_float(s, n, NULL, NULL, &d, &err); break; }
    case 7: vm_unicode_case((VmUnicodeCase)(data[0] % 6), s, n, &out); vm_unicode_str_is((VmUnicodePred)(data[0] % 12), s, n); break;
    case 8: vm_unicode_repr(s, n, &out); { size_t a, b; const char *r; vm_unicode_validate(s, n, data[0] & 1, &a, &b, &r); } break;
    case 9: { size_t h = n / 2; vm_str_split(s, h, (data[0] & 16) ? NULL : s + h, n - h, (data[0] >> 5) - 1, data[0] & 1, emit, NULL, &err); vm_str_splitlines(s, n, data[0] & 1, emit, NULL);
              size_t b, e; vm_str_strip(s, h, s + h, n - h, 'b', &b, &e); break; }
    case 10: { size_t h = n / 2; vm_str_find(s, h, s + h, n - h, (int8_t)data[0] % 5, 100, data[0] & 1); vm_str_count(s, h, s + h, n - h, 0, 50); vm_str_replace(s, h, s + h, n - h / 2 < n ? 1 : 0, "xy", 2, -1, &out, &err);
               vm_str_expandtabs(s, n, data[0] % 9, &out, &err); vm_str_pad(s, n, data[0], 0x20ac, "<>^"[data[0] % 3], &out, &err); break; }
    default: { if (n > 0) { VmFmtSpec sp; if (vm_fmt_spec_parse(s, n, 'd', '>', "int", &sp, &err)) { mp_int v; mp_init(&v); mp_read_radix(&v, "-123456789012345678901234567890", 10); vm_fmt_spec_apply_big(&sp, &v, "int", &out, &err); mp_clear(&v);} } break; }
    }
    if (err.kind != VM_LIB_OK) { VmBuf m; vm_buf_init(&m, NULL, NULL); vm_lib_error_render(&err, &m); vm_buf_fini(&m); }
    vm_buf_fini(&out);
    return 0;
}
