/*
 * lib_glue.c — wiring of the LIB engineer's pure-C helpers (fmt_*, unicode) into
 * the VM: their buffers allocate through the run's accounted heap, and their
 * error records become Python exceptions.
 */
#include <string.h>

#include "vm/fmt_spec.h"
#include "vm/lib_codec.h"
#include "vm/lib_buf.h"
#include "vm/lib_err.h"
#include "vm/unicode.h"
#include "vm/vm_int.h"

static void *
lib_alloc(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
    VmRun *run = ctx;
    (void)old_size;
    if (new_size == 0) {
        vm_heap_free(run, ptr);
        return NULL;
    }
    void *p = vm_heap_realloc(run, ptr, new_size);
    if (p == NULL) {
        /* the helper reports NO_MEMORY; the run's exception or limit is set */
        return NULL;
    }
    return p;
}

/* vm_lib_buf_init: a LIB VmBuf whose memory the run accounts. */
void vm_lib_buf_init(VmRun *run, VmBuf *b);
void
vm_lib_buf_init(VmRun *run, VmBuf *b)
{
    vm_buf_init(b, lib_alloc, run);
}

/* vm_lib_buf_to_str: the buffer's text as a str value; frees the buffer. */
VmStatus vm_lib_buf_to_str(VmRun *run, VmBuf *b, VmValue *out);
VmStatus
vm_lib_buf_to_str(VmRun *run, VmBuf *b, VmValue *out)
{
    if (b->failed) {
        vm_buf_fini(b);
        if (vm_val_is_empty(run->exc) && run->heap.limit == VM_LIMIT_NONE) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        return VM_ERR;
    }
    *out = vm_str_val(run, b->data ? b->data : "", b->len);
    vm_buf_fini(b);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* vm_lib_raise: raises the exception a helper's error record describes. */
VmStatus vm_lib_raise(VmRun *run, const VmLibError *err);
VmStatus
vm_lib_raise(VmRun *run, const VmLibError *err)
{
    const VmType *t = &vm_exc_ValueError;
    switch (err->kind) {
    case VM_LIB_NO_MEMORY:
    case VM_LIB_LIMIT:
        if (!vm_val_is_empty(run->exc) || run->heap.limit != VM_LIMIT_NONE) {
            return VM_ERR;
        }
        return vm_raise_limit(run, VM_LIMIT_MEMORY);
    case VM_LIB_OVERFLOW_ERROR: t = &vm_exc_OverflowError; break;
    case VM_LIB_TYPE_ERROR: t = &vm_exc_TypeError; break;
    case VM_LIB_ZERO_DIVISION_ERROR: t = &vm_exc_ZeroDivisionError; break;
    case VM_LIB_INDEX_ERROR: t = &vm_exc_IndexError; break;
    case VM_LIB_KEY_ERROR: t = &vm_exc_KeyError; break;
    case VM_LIB_LOOKUP_ERROR: t = &vm_exc_LookupError; break;
    case VM_LIB_UNICODE_DECODE_ERROR: t = &vm_exc_UnicodeDecodeError; break;
    case VM_LIB_UNICODE_ENCODE_ERROR: t = &vm_exc_UnicodeEncodeError; break;
    default: break;
    }
    VmBuf msg;
    vm_buf_init(&msg, NULL, NULL);
    vm_lib_error_render(err, &msg);
    VmStatus st;
    if (t == &vm_exc_KeyError) {
        /* the message is already the key's repr: raise with a str key */
        VmValue k = vm_str_val(run, msg.data ? msg.data : "", msg.len);
        st = vm_val_is_empty(k) ? VM_ERR : vm_raise_with_arg(run, t, k);
    } else {
        st = vm_raise(run, t, "%s", msg.data ? msg.data : "");
    }
    vm_buf_fini(&msg);
    return st;
}

/* vm_lib_format: format(v, spec) for int, bool, float and str through fmt_spec.
 * Returns VM_STOP for other types (the caller handles them). */
VmStatus vm_lib_format(VmRun *run, VmValue v, const VmStr *spec, VmValue *out);
VmStatus
vm_lib_format(VmRun *run, VmValue v, const VmStr *spec, VmValue *out)
{
    VmBuf b;
    VmLibError err;
    vm_lib_error_clear(&err);
    char small[256];                /* most results fit: no heap block for the buffer */
    vm_buf_init_fixed(&b, small, sizeof small, lib_alloc, run);
    bool ok;
    if (v.tag == VM_TAG_INT || v.tag == VM_TAG_BOOL) {
        ok = vm_fmt_format_i64(spec->data, spec->len, v.u.i, vm_type_name(v), &b, &err);
    } else if (vm_is(v, &vm_type_int)) {
        ok = vm_fmt_format_big(spec->data, spec->len, &VM_AS(VmBigInt, v)->n, &b, &err);
    } else if (v.tag == VM_TAG_FLOAT) {
        ok = vm_fmt_format_float(spec->data, spec->len, v.u.f, &b, &err);
    } else if (vm_is(v, &vm_type_str)) {
        const VmStr *s = VM_AS(VmStr, v);
        ok = vm_fmt_format_str(spec->data, spec->len, s->data, s->len, &b, &err);
    } else {
        vm_buf_fini(&b);
        return VM_STOP;
    }
    if (!ok) {
        vm_buf_fini(&b);
        return vm_lib_raise(run, &err);
    }
    return vm_lib_buf_to_str(run, &b, out);
}

/* vm_lib_case: str case conversion with Unicode special casing. */
VmStatus vm_lib_case(VmRun *run, const VmStr *s, int how, VmValue *out);
VmStatus
vm_lib_case(VmRun *run, const VmStr *s, int how, VmValue *out)
{
    VmBuf b;
    char small[256];                /* most results fit: no heap block for the buffer */
    vm_buf_init_fixed(&b, small, sizeof small, lib_alloc, run);
    vm_unicode_case((VmUnicodeCase)how, s->data, s->len, &b);
    return vm_lib_buf_to_str(run, &b, out);
}

/* vm_lib_str_is: the str.isXXX predicates (Unicode-aware). */
bool vm_lib_str_is(const VmStr *s, int pred);
bool
vm_lib_str_is(const VmStr *s, int pred)
{
    return vm_unicode_str_is((VmUnicodePred)pred, s->data, s->len);
}

/* codec_text_arg: a str argument of encode()/decode() (absent: NULL). */
static VmStatus
codec_text_arg(VmRun *run, const char *fname, const char *what, VmValue v, const VmStr **out)
{
    *out = NULL;
    if (vm_val_is_empty(v)) {
        return VM_OK;
    }
    if (!vm_is(v, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "%s() argument '%s' must be str, not %s", fname,
                        what, vm_type_name(v));
    }
    *out = VM_AS(VmStr, v);
    return VM_OK;
}

/* vm_lib_codec: str.encode(encoding, errors) (encode) or bytes.decode(encoding, errors)
 * through lib_codec: utf-8, ascii, latin-1 and their aliases, every standard error handler. */
VmStatus vm_lib_codec(VmRun *run, bool encode, VmValue *args, size_t nargs, VmTuple *kwnames,
                      VmValue *out);
VmStatus
vm_lib_codec(VmRun *run, bool encode, VmValue *args, size_t nargs, VmTuple *kwnames,
             VmValue *out)
{
    static const char *const names[] = { "self", "encoding", "errors" };
    const char *fname = encode ? "encode" : "decode";
    VmValue a[3];
    if (vm_parse_args(run, fname, args, nargs, kwnames, names, 3, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    const VmStr *enc, *errs;
    if (codec_text_arg(run, fname, "encoding", a[1], &enc) != VM_OK
        || codec_text_arg(run, fname, "errors", a[2], &errs) != VM_OK) {
        return VM_ERR;
    }
    VmLibError err;
    vm_lib_error_clear(&err);
    VmCodec codec = VM_CODEC_UTF8;
    if (enc != NULL && !vm_codec_lookup(enc->data, enc->len, &codec, &err)) {
        return vm_lib_raise(run, &err);
    }
    VmBuf b;
    vm_lib_buf_init(run, &b);
    bool ok;
    if (encode) {
        const VmStr *s = VM_AS(VmStr, a[0]);
        ok = vm_codec_encode(codec, s->data, s->len, errs ? errs->data : NULL,
                             errs ? errs->len : 0, &b, &err);
    } else {
        size_t len = 0;
        const uint8_t *data = vm_value_bytes_data(a[0], &len);
        ok = vm_codec_decode(codec, (const char *)data, len, errs ? errs->data : NULL,
                             errs ? errs->len : 0, &b, &err);
    }
    if (!ok) {
        /* render now: the error may borrow the input */
        VmStatus st = vm_lib_raise(run, &err);
        vm_buf_fini(&b);
        return st;
    }
    if (!encode) {
        return vm_lib_buf_to_str(run, &b, out);
    }
    if (b.failed) {
        vm_buf_fini(&b);
        if (vm_val_is_empty(run->exc) && run->heap.limit == VM_LIMIT_NONE) {
            return vm_raise(run, &vm_exc_MemoryError, "%s", "");
        }
        return VM_ERR;
    }
    *out = vm_value_bytes(run, (const uint8_t *)(b.data ? b.data : ""), b.len);
    vm_buf_fini(&b);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}
