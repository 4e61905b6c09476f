/*
 * value.h — VmValue, the 16-byte tagged value every part of the VM passes around.
 *
 * A value is a tag plus an 8-byte payload: small ints (int64), floats, bools and
 * None live inline; everything else is a pointer to a heap object (VmObj). EMPTY
 * is an internal marker (unbound local, the NULL self slot of a call, a missing
 * argument); it never reaches Python code. Only this header touches tag and
 * payload, so the layout can change behind these inline accessors (see VALUES.md).
 */
#ifndef MONTY_VM_VALUE_H
#define MONTY_VM_VALUE_H

#include <stdbool.h>
#include <stdint.h>

struct VmObj;

typedef enum VmTag {
    VM_TAG_EMPTY = 0,   /* internal marker: zero-initialised memory is EMPTY */
    VM_TAG_NONE,
    VM_TAG_BOOL,
    VM_TAG_INT,         /* small int: fits int64; bigger ints are VmBigInt objects */
    VM_TAG_FLOAT,
    VM_TAG_OBJ,
} VmTag;

typedef struct VmValue {
    uint32_t tag;
    uint32_t aux;       /* reserved (zero) */
    union {
        int64_t i;
        double f;
        struct VmObj *o;
    } u;
} VmValue;

static inline VmValue
vm_val_empty(void)
{
    VmValue v = { VM_TAG_EMPTY, 0, { .i = 0 } };
    return v;
}

static inline VmValue
vm_val_none(void)
{
    VmValue v = { VM_TAG_NONE, 0, { .i = 0 } };
    return v;
}

static inline VmValue
vm_val_bool(bool b)
{
    VmValue v = { VM_TAG_BOOL, 0, { .i = b ? 1 : 0 } };
    return v;
}

static inline VmValue
vm_val_int(int64_t i)
{
    VmValue v = { VM_TAG_INT, 0, { .i = i } };
    return v;
}

static inline VmValue
vm_val_float(double f)
{
    VmValue v = { VM_TAG_FLOAT, 0, { .f = f } };
    return v;
}

static inline VmValue
vm_val_obj(struct VmObj *o)
{
    VmValue v = { VM_TAG_OBJ, 0, { .o = o } };
    return v;
}

static inline bool vm_val_is_empty(VmValue v) { return v.tag == VM_TAG_EMPTY; }
static inline bool vm_val_is_none(VmValue v) { return v.tag == VM_TAG_NONE; }
static inline bool vm_val_is_bool(VmValue v) { return v.tag == VM_TAG_BOOL; }
static inline bool vm_val_is_int(VmValue v) { return v.tag == VM_TAG_INT; }
static inline bool vm_val_is_float(VmValue v) { return v.tag == VM_TAG_FLOAT; }
static inline bool vm_val_is_obj(VmValue v) { return v.tag == VM_TAG_OBJ; }

static inline bool vm_val_get_bool(VmValue v) { return v.u.i != 0; }
static inline int64_t vm_val_get_int(VmValue v) { return v.u.i; }
static inline double vm_val_get_float(VmValue v) { return v.u.f; }
static inline struct VmObj *vm_val_get_obj(VmValue v) { return v.u.o; }

/* Identity (`is`): same tag and same payload bits. */
static inline bool
vm_val_same(VmValue a, VmValue b)
{
    if (a.tag != b.tag) {
        return false;
    }
    if (a.tag == VM_TAG_FLOAT) {
        /* two floats with identical bits are the "same" object for `is` */
        return a.u.i == b.u.i;
    }
    return a.tag <= VM_TAG_NONE || a.u.i == b.u.i;
}

#endif /* MONTY_VM_VALUE_H */
