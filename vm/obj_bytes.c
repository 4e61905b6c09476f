/*
 * obj_bytes.c — bytes: immutable byte strings (repr as CPython: b'..' with escapes).
 */
#include <string.h>

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
    if (vm_seq_index(run, key, (int64_t)b->len, &i, "index") != VM_OK) {
        return VM_ERR;
    }
    *out = vm_val_int(b->data[i]);
    return VM_OK;
}

const VmType vm_type_bytes = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "bytes", .base = &vm_type_object,
    .repr = bytes_repr, .hash = bytes_hash, .richcompare = bytes_richcompare,
    .len = bytes_len, .getitem = bytes_getitem,
};
