/*
 * obj_bytes.c — bytes: immutable byte strings (repr as CPython: b'..' with escapes).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "vm/unicode.h"
#include "vm/vm_int.h"

/* vm_value_bytes: a bytes object copying data (EMPTY on failure). */
VmValue
vm_value_bytes(VmRun *run, const uint8_t *data, size_t len)
{
    VmBytes *b = (VmBytes *)vm_obj_new(run, &vm_type_bytes, sizeof(VmBytes) + len + 1);
    if (b == NULL) {
        return vm_val_empty();
    }
    b->len = len;
    b->hash = -1;
    if (len > 0) {
        vm_memcpy(b->data, data, len);
    }
    return vm_obj_val(b);
}

static VmStatus
bytes_repr(VmRun *run, VmValue self, VmValue *out)
{
    VmBytes *b = VM_AS(VmBytes, self);
    bool sq = memchr(b->data, '\'', b->len) != NULL, dq = memchr(b->data, '"', b->len) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
    VmStrBuf buf;
    vm_sb_init(&buf, run);
    vm_sb_adds(&buf, "b");
    vm_sb_add(&buf, &q, 1);
    for (size_t i = 0; i < b->len; i++) {
        uint8_t c = b->data[i];
        if (c == q || c == '\\') {
            char e[2] = { '\\', (char)c };
            vm_sb_add(&buf, e, 2);
        } else if (c == '\n') {
            vm_sb_adds(&buf, "\\n");
        } else if (c == '\r') {
            vm_sb_adds(&buf, "\\r");
        } else if (c == '\t') {
            vm_sb_adds(&buf, "\\t");
        } else if (c < 0x20 || c >= 0x7F) {
            vm_sb_printf(&buf, "\\x%02x", c);
        } else {
            char ch = (char)c;
            vm_sb_add(&buf, &ch, 1);
        }
    }
    vm_sb_add(&buf, &q, 1);
    return vm_sb_to_str(&buf, out);
}

static VmStatus
bytes_hash(VmRun *run, VmValue self, int64_t *out)
{
    VmBytes *b = VM_AS(VmBytes, self);
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < b->len; i++) {
        h ^= b->data[i];
        h *= 1099511628211ull;
    }
    *out = (int64_t)(h >> 1);
    return VM_OK;
}

static VmStatus
bytes_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    if (!vm_is(b, &vm_type_bytes)) {
        *out = vm_val_empty();
        return VM_OK;
    }
    VmBytes *x = VM_AS(VmBytes, a), *y = VM_AS(VmBytes, b);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c == 0) {
        c = x->len < y->len ? -1 : x->len > y->len;
    }
    bool r;
    switch (op) {
    case VM_CMP_LT: r = c < 0; break;
    case VM_CMP_LE: r = c <= 0; break;
    case VM_CMP_EQ: r = c == 0; break;
    case VM_CMP_NE: r = c != 0; break;
    case VM_CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

static VmStatus
bytes_len(VmRun *run, VmValue self, int64_t *out)
{
    *out = (int64_t)VM_AS(VmBytes, self)->len;
    return VM_OK;
}

static VmStatus
bytes_getitem(VmRun *run, VmValue self, VmValue key, VmValue *out)
{
    VmBytes *b = VM_AS(VmBytes, self);
    if (vm_is(key, &vm_type_slice)) {
        int64_t start, stop, step, n;
        if (vm_slice_indices(run, VM_AS(VmSlice, key), (int64_t)b->len, &start, &stop, &step,
                             &n) != VM_OK) {
            return VM_ERR;
        }
        uint8_t tmp[256];
        uint8_t *buf = n <= 256 ? tmp : vm_heap_alloc(run, (size_t)n);
        if (buf == NULL) {
            return VM_ERR;
        }
        for (int64_t k = 0, i = start; k < n; k++, i += step) {
            buf[k] = b->data[i];
        }
        *out = vm_value_bytes(run, buf, (size_t)n);
        if (buf != tmp) {
            vm_heap_free(run, buf);
        }
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    int64_t i;
    if (vm_seq_index(run, key, (int64_t)b->len, &i, "byte") != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(b->data[i]);
    return VM_OK;
}


/* ---- bytes: iteration, membership, constructor and methods ------------------- */


static VmStatus
bytes_contains(VmRun *run, VmValue self, VmValue item, bool *out)
{
    VmBytes *b = VM_AS(VmBytes, self);
    if (item.tag == VM_TAG_INT || item.tag == VM_TAG_BOOL) {
        if (item.u.i < 0 || item.u.i > 255) {
            return vm_raise(run, &vm_exc_ValueError, "byte must be in range(0, 256)");
        }
        *out = memchr(b->data, (int)item.u.i, b->len) != NULL;
        return VM_OK;
    }
    if (!vm_is(item, &vm_type_bytes)) {
        return vm_raise(run, &vm_exc_TypeError, "a bytes-like object is required, not '%s'",
                        vm_type_name(item));
    }
    VmBytes *x = VM_AS(VmBytes, item);
    *out = x->len == 0 || (x->len <= b->len && memmem(b->data, b->len, x->data, x->len));
    return VM_OK;
}

static VmStatus
bytes_iter(VmRun *run, VmValue self, VmValue *out)
{
    /* iterate as a tuple of ints (small and simple) */
    VmBytes *b = VM_AS(VmBytes, self);
    VmTuple *t = vm_tuple_new(run, b->len);
    if (t == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < b->len; i++) {
        t->items[i] = vm_val_int(b->data[i]);
    }
    *out = vm_iter_new(run, vm_obj_val(t), 1);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
bytes_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs, VmTuple *kwnames,
          VmValue *out)
{
    if (kwnames != NULL && kwnames->len > 0) {
        return vm_raise(run, &vm_exc_TypeError, "bytes() takes no keyword arguments");
    }
    if (nargs == 0) {
        *out = vm_value_bytes(run, NULL, 0);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    VmValue x = args[0];
    if (vm_is(x, &vm_type_str)) {
        if (nargs < 2) {
            return vm_raise(run, &vm_exc_TypeError, "string argument without an encoding");
        }
        *out = vm_value_bytes(run, (const uint8_t *)VM_AS(VmStr, x)->data, VM_AS(VmStr, x)->len);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (x.tag == VM_TAG_INT) {
        if (x.u.i < 0) {
            return vm_raise(run, &vm_exc_ValueError, "negative count");
        }
        if (vm_heap_check(run, (size_t)x.u.i) != VM_OK) {
            return VM_ERR;
        }
        uint8_t *zeros = vm_heap_alloc(run, (size_t)x.u.i + 1);
        if (zeros == NULL) {
            return VM_ERR;
        }
        memset(zeros, 0, (size_t)x.u.i + 1);
        *out = vm_value_bytes(run, zeros, (size_t)x.u.i);
        vm_heap_free(run, zeros);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (vm_is(x, &vm_type_bytes)) {
        *out = x;
        return VM_OK;
    }
    VmValue lst;
    if (vm_list_from_iter(run, x, &lst) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, lst);
    uint8_t *buf = vm_heap_alloc(run, l->len + 1);
    if (buf == NULL) {
        return VM_ERR;
    }
    for (size_t i = 0; i < l->len; i++) {
        int64_t v;
        if (vm_index(run, l->items[i], &v) != VM_OK) {
            vm_heap_free(run, buf);
            return VM_ERR;
        }
        if (v < 0 || v > 255) {
            vm_heap_free(run, buf);
            return vm_raise(run, &vm_exc_ValueError, "bytes must be in range(0, 256)");
        }
        buf[i] = (uint8_t)v;
    }
    *out = vm_value_bytes(run, buf, l->len);
    vm_heap_free(run, buf);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

VmStatus vm_lib_codec(VmRun *run, bool encode, VmValue *args, size_t nargs, VmTuple *kwnames,
                      VmValue *out);

#define BMETHOD(cname, pyname) \
    static VmStatus bm_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                               VmValue *out); \
    static const VmBuiltin bmb_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                           bm_##cname, &vm_type_bytes }; \
    static VmStatus bm_##cname(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, \
                               VmValue *out)

BMETHOD(decode, "decode")
{
    return vm_lib_codec(run, false, args, nargs, kwnames, out);
}

BMETHOD(hex, "hex")
{
    VmBytes *b = VM_AS(VmBytes, args[0]);
    VmStrBuf sb;
    vm_sb_init(&sb, run);
    for (size_t i = 0; i < b->len; i++) {
        vm_sb_printf(&sb, "%02x", b->data[i]);
    }
    return vm_sb_to_str(&sb, out);
}

/* The str methods that make sense on ASCII bytes reuse the str implementation. */
static VmStatus
via_str(VmRun *run, const char *method, VmValue *args, size_t nargs, VmTuple *kwnames,
        VmValue *out)
{
    VmValue conv[8];
    if (nargs > 8) {
        return vm_raise(run, &vm_exc_TypeError, "too many arguments");
    }
    for (size_t i = 0; i < nargs; i++) {
        conv[i] = args[i];
        if (vm_is(args[i], &vm_type_bytes)) {
            VmBytes *b = VM_AS(VmBytes, args[i]);
            conv[i] = vm_str_val(run, (const char *)b->data, b->len);
            if (vm_val_is_empty(conv[i])) {
                return VM_ERR;
            }
        }
    }
    VmStr *name = vm_str_new_cstr(run, method);
    VmValue m, self, r;
    if (name == NULL || vm_getmethod(run, conv[0], name, &m, &self) != VM_OK
        || vm_call_native(run, m, conv, nargs, kwnames, &r) != VM_OK) {
        return VM_ERR;
    }
    /* convert str results (and lists of str) back to bytes */
    if (vm_is(r, &vm_type_str)) {
        *out = vm_value_bytes(run, (const uint8_t *)VM_AS(VmStr, r)->data, VM_AS(VmStr, r)->len);
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    if (vm_is(r, &vm_type_list)) {
        VmList *l = VM_AS(VmList, r);
        for (size_t i = 0; i < l->len; i++) {
            if (vm_is(l->items[i], &vm_type_str)) {
                VmStr *s = VM_AS(VmStr, l->items[i]);
                l->items[i] = vm_value_bytes(run, (const uint8_t *)s->data, s->len);
                if (vm_val_is_empty(l->items[i])) {
                    return VM_ERR;
                }
            }
        }
    }
    *out = r;
    return VM_OK;
}

#define VIA_STR(cname, pyname) \
    BMETHOD(cname, pyname) \
    { \
        return via_str(run, pyname, args, nargs, kwnames, out); \
    }

VIA_STR(upper, "upper")
VIA_STR(lower, "lower")
VIA_STR(strip, "strip")
VIA_STR(lstrip, "lstrip")
VIA_STR(rstrip, "rstrip")
VIA_STR(split, "split")
VIA_STR(rsplit, "rsplit")
VIA_STR(replace, "replace")
VIA_STR(find, "find")
VIA_STR(rfind, "rfind")
VIA_STR(index, "index")
VIA_STR(count, "count")
VIA_STR(startswith, "startswith")
VIA_STR(endswith, "endswith")
BMETHOD(join, "join")
{
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "join() takes exactly one argument");
    }
    VmBytes *sep = VM_AS(VmBytes, args[0]);
    VmValue lst;
    if (vm_list_from_iter(run, args[1], &lst) != VM_OK) {
        return VM_ERR;
    }
    VmList *l = VM_AS(VmList, lst);
    VmStrBuf sb;
    vm_sb_init(&sb, run);
    for (size_t i = 0; i < l->len; i++) {
        if (!vm_is(l->items[i], &vm_type_bytes)) {
            vm_sb_fini(&sb);
            return vm_raise(run, &vm_exc_TypeError,
                            "sequence item %zu: expected a bytes-like object, %s found", i,
                            vm_type_name(l->items[i]));
        }
        if (i > 0) {
            vm_sb_add(&sb, (const char *)sep->data, sep->len);
        }
        VmBytes *x = VM_AS(VmBytes, l->items[i]);
        vm_sb_add(&sb, (const char *)x->data, x->len);
    }
    if (sb.failed) {
        vm_sb_fini(&sb);
        return VM_ERR;
    }
    *out = vm_value_bytes(run, (const uint8_t *)(sb.data ? sb.data : ""), sb.len);
    vm_sb_fini(&sb);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

/* bytes.fromhex(s): a class method (found on the type by obj_misc.c). */
static VmStatus
fromhex_fn(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (nargs != 1 || kwnames != NULL || !vm_is(args[0], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "fromhex() argument must be str");
    }
    VmStr *s = VM_AS(VmStr, args[0]);
    uint8_t *buf = vm_heap_alloc(run, s->len / 2 + 1);
    if (buf == NULL) {
        return VM_ERR;
    }
    size_t n = 0;
    for (size_t i = 0; i < s->len;) {
        if (s->data[i] == ' ') {
            i++;
            continue;
        }
        int hi = i < s->len ? (isxdigit((unsigned char)s->data[i]) ? 1 : 0) : 0;
        int lo = i + 1 < s->len ? (isxdigit((unsigned char)s->data[i + 1]) ? 1 : 0) : 0;
        if (!hi || !lo) {
            vm_heap_free(run, buf);
            return vm_raise(run, &vm_exc_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %zu",
                            hi ? i + 1 : i);
        }
        char t[3] = { s->data[i], s->data[i + 1], 0 };
        buf[n++] = (uint8_t)strtoul(t, NULL, 16);
        i += 2;
    }
    *out = vm_value_bytes(run, buf, n);
    vm_heap_free(run, buf);
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

const VmBuiltin vm_bytes_fromhex_b = { VM_IMMORTAL_HDR(&vm_type_builtin), "fromhex", fromhex_fn,
                                       NULL };
VIA_STR(isdigit, "isdigit")
VIA_STR(isalpha, "isalpha")
VIA_STR(isspace, "isspace")
VIA_STR(title, "title")
VIA_STR(capitalize, "capitalize")
VIA_STR(splitlines, "splitlines")
VIA_STR(partition, "partition")

static const VmBuiltin *const bytes_methods[] = {
    &bmb_decode, &bmb_hex, &bmb_upper, &bmb_lower, &bmb_strip, &bmb_lstrip, &bmb_rstrip,
    &bmb_split, &bmb_rsplit, &bmb_replace, &bmb_find, &bmb_rfind, &bmb_index, &bmb_count,
    &bmb_startswith, &bmb_endswith, &bmb_join, &bmb_isdigit, &bmb_isalpha, &bmb_isspace,
    &bmb_title, &bmb_capitalize, &bmb_splitlines, &bmb_partition, NULL,
};

const VmType vm_type_bytes = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "bytes", .base = &vm_type_object,
    .repr = bytes_repr, .hash = bytes_hash, .richcompare = bytes_richcompare,
    .len = bytes_len, .getitem = bytes_getitem, .contains = bytes_contains,
    .iter = bytes_iter, .new_ = bytes_new, .methods = bytes_methods,
};
