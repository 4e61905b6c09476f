/*
 * api_value.c — the MontyValue tree of include/monty.h: constructors, deep
 * copy, free and structural equality.
 *
 * Host-built trees use malloc: they live outside any run and so outside its
 * accounting. Scalars never allocate; compound nodes own their children.
 * Every string buffer gets a trailing NUL (not counted in len) so a host can
 * print a str without copying it.
 */
#include <stdlib.h>
#include <string.h>

#include "include/monty.h"
#include "vm/api_int.h"

MontyValue
monty_none(void)
{
    MontyValue v;
    memset(&v, 0, sizeof v);
    v.kind = MONTY_NONE;
    return v;
}

MontyValue
monty_bool(bool b)
{
    MontyValue v = monty_none();
    v.kind = MONTY_BOOL;
    v.u.b = b;
    return v;
}

MontyValue
monty_int(int64_t i)
{
    MontyValue v = monty_none();
    v.kind = MONTY_INT;
    v.u.i = i;
    return v;
}

MontyValue
monty_float(double f)
{
    MontyValue v = monty_none();
    v.kind = MONTY_FLOAT;
    v.u.f = f;
    return v;
}

/* Copies len bytes into a new NUL-terminated buffer of kind `kind`. */
static MontyStatus
bytes_value(MontyKind kind, const void *data, size_t len, MontyValue *out)
{
    *out = monty_none();
    if (len == SIZE_MAX) {
        return MONTY_ERR_NOMEM;
    }
    char *p = malloc(len + 1);
    if (p == NULL) {
        return MONTY_ERR_NOMEM;
    }
    if (len > 0) {
        memcpy(p, data, len);
    }
    p[len] = '\0';
    out->kind = kind;
    out->u.str.data = p;
    out->u.str.len = len;
    return MONTY_OK;
}

MontyStatus
monty_str(const char *utf8, size_t len, MontyValue *out)
{
    return bytes_value(MONTY_STR, utf8, len, out);
}

MontyStatus
monty_bytes(const void *data, size_t len, MontyValue *out)
{
    return bytes_value(MONTY_BYTES, data, len, out);
}

/*
 * Integers that fit int64_t are kept as MONTY_INT so that both sides of the
 * boundary see one canonical form; the digits are validated here because
 * they come from hosts and JSON.
 */
MontyStatus
monty_bigint(const char *digits, size_t len, MontyValue *out)
{
    *out = monty_none();
    size_t i = 0;
    bool neg = false;
    if (i < len && (digits[i] == '-' || digits[i] == '+')) {
        neg = digits[i] == '-';
        i++;
    }
    if (i == len) {
        return MONTY_ERR_ARG;
    }
    /* Skip leading zeros so "-0000" is 0 and lengths compare. */
    while (i + 1 < len && digits[i] == '0') {
        i++;
    }
    uint64_t acc = 0;
    bool fits = true;
    for (size_t j = i; j < len; j++) {
        if (digits[j] < '0' || digits[j] > '9') {
            return MONTY_ERR_ARG;
        }
        unsigned d = (unsigned)(digits[j] - '0');
        if (fits) {
            if (acc > (UINT64_MAX - d) / 10) {
                fits = false;
            } else {
                acc = acc * 10 + d;
            }
        }
    }
    if (fits && (neg ? acc <= (uint64_t)INT64_MAX + 1 : acc <= (uint64_t)INT64_MAX)) {
        *out = monty_int(neg ? (int64_t)(0 - acc) : (int64_t)acc);
        return MONTY_OK;
    }
    size_t n = len - i;
    char *p = malloc(n + 2);
    if (p == NULL) {
        return MONTY_ERR_NOMEM;
    }
    size_t k = 0;
    if (neg) {
        p[k++] = '-';
    }
    memcpy(p + k, digits + i, n);
    p[k + n] = '\0';
    out->kind = MONTY_BIGINT;
    out->u.str.data = p;
    out->u.str.len = k + n;
    return MONTY_OK;
}

MontyStatus
monty_exception(const char *type, const char *message, MontyValue *out)
{
    *out = monty_none();
    if (type == NULL) {
        return MONTY_ERR_ARG;
    }
    if (message == NULL) {
        message = "";
    }
    char *t = strdup(type);
    char *m = strdup(message);
    if (t == NULL || m == NULL) {
        free(t);
        free(m);
        return MONTY_ERR_NOMEM;
    }
    out->kind = MONTY_EXCEPTION;
    out->u.exc.type = t;
    out->u.exc.message = m;
    return MONTY_OK;
}

MontyStatus
monty_container(MontyKind kind, size_t len, MontyValue *out)
{
    *out = monty_none();
    size_t n = len == 0 ? 1 : len;
    if (n > SIZE_MAX / sizeof(MontyValue)) {
        return MONTY_ERR_NOMEM;
    }
    switch (kind) {
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET: {
        MontyValue *items = calloc(n, sizeof(MontyValue));
        if (items == NULL) {
            return MONTY_ERR_NOMEM;
        }
        out->kind = kind;
        out->u.seq.items = items;
        out->u.seq.len = len;
        return MONTY_OK;
    }
    case MONTY_DICT: {
        MontyValue *keys = calloc(n, sizeof(MontyValue));
        MontyValue *values = calloc(n, sizeof(MontyValue));
        if (keys == NULL || values == NULL) {
            free(keys);
            free(values);
            return MONTY_ERR_NOMEM;
        }
        out->kind = kind;
        out->u.dict.keys = keys;
        out->u.dict.values = values;
        out->u.dict.len = len;
        return MONTY_OK;
    }
    default:
        return MONTY_ERR_ARG;
    }
}

/* Calloc'd MontyValues are all-zero, which is MONTY_NONE: partly built
 * containers can always be freed. */
void
monty_value_free(MontyValue *v)
{
    if (v == NULL) {
        return;
    }
    switch (v->kind) {
    case MONTY_BIGINT:
    case MONTY_STR:
    case MONTY_BYTES:
    case MONTY_OTHER:
        free(v->u.str.data);
        break;
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET:
        for (size_t i = 0; i < v->u.seq.len; i++) {
            monty_value_free(&v->u.seq.items[i]);
        }
        free(v->u.seq.items);
        break;
    case MONTY_DICT:
        for (size_t i = 0; i < v->u.dict.len; i++) {
            monty_value_free(&v->u.dict.keys[i]);
            monty_value_free(&v->u.dict.values[i]);
        }
        free(v->u.dict.keys);
        free(v->u.dict.values);
        break;
    case MONTY_EXCEPTION:
        free(v->u.exc.type);
        free(v->u.exc.message);
        break;
    default:
        break;
    }
    *v = monty_none();
}

MontyStatus
monty_value_copy(const MontyValue *v, MontyValue *out)
{
    MontyStatus st;
    *out = monty_none();
    switch (v->kind) {
    case MONTY_NONE:
    case MONTY_BOOL:
    case MONTY_INT:
    case MONTY_FLOAT:
        *out = *v;
        return MONTY_OK;
    case MONTY_BIGINT:
    case MONTY_STR:
    case MONTY_BYTES:
    case MONTY_OTHER:
        return bytes_value(v->kind, v->u.str.data, v->u.str.len, out);
    case MONTY_EXCEPTION:
        return monty_exception(v->u.exc.type, v->u.exc.message, out);
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET:
        st = monty_container(v->kind, v->u.seq.len, out);
        for (size_t i = 0; st == MONTY_OK && i < v->u.seq.len; i++) {
            st = monty_value_copy(&v->u.seq.items[i], &out->u.seq.items[i]);
        }
        break;
    case MONTY_DICT:
        st = monty_container(v->kind, v->u.dict.len, out);
        for (size_t i = 0; st == MONTY_OK && i < v->u.dict.len; i++) {
            st = monty_value_copy(&v->u.dict.keys[i], &out->u.dict.keys[i]);
            if (st == MONTY_OK) {
                st = monty_value_copy(&v->u.dict.values[i], &out->u.dict.values[i]);
            }
        }
        break;
    default:
        return MONTY_ERR_ARG;
    }
    if (st != MONTY_OK) {
        monty_value_free(out);
    }
    return st;
}

bool
monty_value_equal(const MontyValue *a, const MontyValue *b)
{
    if (a->kind != b->kind) {
        return false;
    }
    switch (a->kind) {
    case MONTY_NONE:
        return true;
    case MONTY_BOOL:
        return a->u.b == b->u.b;
    case MONTY_INT:
        return a->u.i == b->u.i;
    case MONTY_FLOAT:
        return a->u.f == b->u.f || (a->u.f != a->u.f && b->u.f != b->u.f);
    case MONTY_BIGINT:
    case MONTY_STR:
    case MONTY_BYTES:
    case MONTY_OTHER:
        return a->u.str.len == b->u.str.len
               && memcmp(a->u.str.data, b->u.str.data, a->u.str.len) == 0;
    case MONTY_EXCEPTION:
        return strcmp(a->u.exc.type, b->u.exc.type) == 0
               && strcmp(a->u.exc.message, b->u.exc.message) == 0;
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET:
        if (a->u.seq.len != b->u.seq.len) {
            return false;
        }
        for (size_t i = 0; i < a->u.seq.len; i++) {
            if (!monty_value_equal(&a->u.seq.items[i], &b->u.seq.items[i])) {
                return false;
            }
        }
        return true;
    case MONTY_DICT:
        if (a->u.dict.len != b->u.dict.len) {
            return false;
        }
        for (size_t i = 0; i < a->u.dict.len; i++) {
            if (!monty_value_equal(&a->u.dict.keys[i], &b->u.dict.keys[i])
                || !monty_value_equal(&a->u.dict.values[i], &b->u.dict.values[i])) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

void
monty_free(void *p)
{
    free(p);
}

const char *
monty_version(void)
{
    return MONTY_VERSION_STRING;
}

const char *
monty_status_str(MontyStatus status)
{
    switch (status) {
    case MONTY_OK: return "ok";
    case MONTY_ERR_NOMEM: return "out of memory";
    case MONTY_ERR_ARG: return "invalid argument";
    case MONTY_ERR_STATE: return "not valid in the run's current state";
    case MONTY_ERR_SYNTAX: return "syntax error";
    case MONTY_ERR_UNSUPPORTED: return "unsupported feature";
    case MONTY_ERR_CHECK: return "check found problems";
    case MONTY_ERR_FORMAT: return "invalid format";
    case MONTY_ERR_VERSION: return "incompatible version";
    case MONTY_ERR_AUTH: return "authentication failed";
    case MONTY_ERR_JSON: return "invalid JSON";
    case MONTY_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}
