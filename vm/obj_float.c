/*
 * obj_float.c — float: IEEE double inline in the value; CPython's repr (shortest
 * round-trip digits), hash and arithmetic errors. Also the numeric comparison shared
 * by int, bool and float.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm_int.h"

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

/* vm_float_repr_cstr: repr(d) as CPython 3 prints it ("0.1", "1e+16", "inf"). */
void
vm_float_repr_cstr(double d, char *out, size_t n)
{
    if (isnan(d)) {
        snprintf(out, n, "nan");
        return;
    }
    if (isinf(d)) {
        snprintf(out, n, d < 0 ? "-inf" : "inf");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
        if (strtod(buf, NULL) == d) {
            break;
        }
    }
    /* buf: [-]d.ddde[+-]XX -> digits and exponent */
    char digits[32];
    int nd = 0;
    const char *p = buf;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    for (; *p && *p != 'e'; p++) {
        if (*p != '.') {
            digits[nd++] = *p;
        }
    }
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    digits[nd] = 0;
    char res[64];
    size_t k = 0;
    if (neg) {
        res[k++] = '-';
    }
    if (exp10 >= -4 && exp10 < 16) {
        if (exp10 >= 0) {
            for (int i = 0; i <= exp10; i++) {
                res[k++] = i < nd ? digits[i] : '0';
            }
            res[k++] = '.';
            if (nd > exp10 + 1) {
                for (int i = exp10 + 1; i < nd; i++) {
                    res[k++] = digits[i];
                }
            } else {
                res[k++] = '0';
            }
        } else {
            res[k++] = '0';
            res[k++] = '.';
            for (int i = 0; i < -exp10 - 1; i++) {
                res[k++] = '0';
            }
            for (int i = 0; i < nd; i++) {
                res[k++] = digits[i];
            }
        }
        res[k] = 0;
    } else {
        res[k++] = digits[0];
        if (nd > 1) {
            res[k++] = '.';
            for (int i = 1; i < nd; i++) {
                res[k++] = digits[i];
            }
        }
        res[k] = 0;
        snprintf(res + k, sizeof res - k, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    }
    snprintf(out, n, "%s", res);
}

/* vm_float_hash: CPython's _Py_HashDouble (equal to the int hash for integral values). */
int64_t
vm_float_hash(double v)
{
    if (isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    if (isnan(v)) {
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & HASH_MODULUS) | x >> (61 - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

/* vm_float_binop: a op b on doubles with CPython's errors; EMPTY if unsupported. */
VmStatus
vm_float_binop(VmRun *run, int op, double a, double b, VmValue *out)
{
    double r;
    switch (op) {
    case VM_OP_ADD: r = a + b; break;
    case VM_OP_SUB: r = a - b; break;
    case VM_OP_MUL: r = a * b; break;
    case VM_OP_DIV:
        if (b == 0.0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError, "float division by zero");
        }
        r = a / b;
        break;
    case VM_OP_FLOORDIV:
    case VM_OP_MOD: {
        if (b == 0.0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError,
                            op == VM_OP_MOD ? "float modulo by zero"
                                            : "float floor division by zero");
        }
        double mod = fmod(a, b);
        double div = (a - mod) / b;
        if (mod) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
                div -= 1.0;
            }
        } else {
            mod = copysign(0.0, b);
        }
        double floordiv;
        if (div) {
            floordiv = floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
        } else {
            floordiv = copysign(0.0, a / b);
        }
        r = op == VM_OP_MOD ? mod : floordiv;
        break;
    }
    case VM_OP_POW:
        if (a == 0.0 && b < 0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError,
                            "zero to a negative power");
        }
        if (a < 0 && b != floor(b) && isfinite(b)) {
            return vm_raise(run, &vm_exc_NotImplementedError,
                            "monty does not support complex numbers (negative number raised "
                            "to a fractional power)");
        }
        r = pow(a, b);
        if (isinf(r) && isfinite(a) && isfinite(b)) {
            return vm_raise(run, &vm_exc_OverflowError, "(34, 'Numerical result out of range')");
        }
        break;
    default:
        *out = vm_val_empty();
        return VM_OK;
    }
    *out = vm_val_float(r);
    return VM_OK;
}

/* Compares an int-like value with a double exactly enough for practical ranges. */
static int
cmp_int_double(VmRun *run, VmValue i, double d, bool *unordered)
{
    *unordered = isnan(d);
    if (*unordered) {
        return 0;
    }
    if (isinf(d)) {
        return d > 0 ? -1 : 1;
    }
    if (i.tag != VM_TAG_OBJ && llabs(i.u.i) <= ((int64_t)1 << 53)) {
        double x = (double)i.u.i;
        return x < d ? -1 : x > d;
    }
    /* compare floor(d) as an exact int, then the fraction */
    double fl = floor(d);
    VmValue fi;
    if (vm_int_from_double(run, fl, &fi) != VM_OK) {
        run->exc = vm_val_empty();
        return 0;
    }
    int c = vm_int_cmp(i, fi);
    if (c != 0) {
        return c;
    }
    return d > fl ? -1 : 0;
}

/* vm_num_richcompare: comparisons between ints, bools and floats in any mix. */
VmStatus
vm_num_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    int c;
    bool unordered = false;
    bool ai = vm_is_int(a), bi = vm_is_int(b);
    if (ai && bi) {
        c = vm_int_cmp(a, b);
    } else if (a.tag == VM_TAG_FLOAT && b.tag == VM_TAG_FLOAT) {
        double x = a.u.f, y = b.u.f;
        unordered = isnan(x) || isnan(y);
        c = x < y ? -1 : x > y;
    } else if (ai && b.tag == VM_TAG_FLOAT) {
        c = cmp_int_double(run, a, b.u.f, &unordered);
    } else if (a.tag == VM_TAG_FLOAT && bi) {
        c = -cmp_int_double(run, b, a.u.f, &unordered);
    } else {
        *out = vm_val_empty();
        return VM_OK;
    }
    bool r;
    if (unordered) {
        r = op == VM_CMP_NE;
    } else {
        switch (op) {
        case VM_CMP_LT: r = c < 0; break;
        case VM_CMP_LE: r = c <= 0; break;
        case VM_CMP_EQ: r = c == 0; break;
        case VM_CMP_NE: r = c != 0; break;
        case VM_CMP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

static VmStatus
float_repr(VmRun *run, VmValue self, VmValue *out)
{
    char buf[64];
    vm_float_repr_cstr(self.u.f, buf, sizeof buf);
    *out = vm_str_val(run, buf, strlen(buf));
    return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
}

static VmStatus
float_hash(VmRun *run, VmValue self, int64_t *out)
{
    *out = vm_float_hash(self.u.f);
    return VM_OK;
}

static VmStatus
float_bool(VmRun *run, VmValue self, bool *out)
{
    *out = self.u.f != 0.0;
    return VM_OK;
}

static VmStatus
float_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "real")) {
        *out = self;
    } else if (vm_str_eq_cstr(name, "imag")) {
        *out = vm_val_float(0.0);
    }
    return VM_OK;
}

VmStatus vm_float_new(VmRun *run, const VmType *t, VmValue *args, size_t nargs,
                      VmTuple *kwnames, VmValue *out);
extern const VmBuiltin *const vm_float_methods[];

const VmType vm_type_float = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "float", .base = &vm_type_object,
    .repr = float_repr, .hash = float_hash, .richcompare = vm_num_richcompare,
    .bool_ = float_bool, .new_ = vm_float_new, .methods = vm_float_methods,
    .getattr = float_getattr,
};
