/*
 * snapshot.c — encoding, decoding and validation of .mbc programs and run
 * snapshots (format described in vm/SNAPSHOT.md and snapshot.h).
 *
 * Everything loaded here is untrusted: every length is checked against the
 * bytes that remain before anything is allocated, every varint is bounded,
 * nesting is limited, strings must be UTF-8, and the program goes through
 * cmp_program_load, which validates the bytecode itself. A reader that fails
 * keeps the first reason and makes every later read fail too, so decoding
 * code can read straight through and check once.
 */
#include "vm/snapshot.h"

#include "vm/sha256.h"

#define ENV_HEADER 13
#define FLAG_SIGNED 1u

enum {
    V_NONE, V_FALSE, V_TRUE, V_INT, V_FLOAT, V_BIGINT, V_STR, V_BYTES,
    V_LIST, V_TUPLE, V_SET, V_FROZENSET, V_DICT, V_EXC,
    A_RAISE = 0xF0,
};

/* ---- writer ----------------------------------------------------------------- */

static void
put_varint(ApiBuf *b, uint64_t v)
{
    uint8_t tmp[10];
    size_t n = 0;
    do {
        tmp[n] = (uint8_t)(v & 0x7F);
        v >>= 7;
        if (v != 0) {
            tmp[n] |= 0x80;
        }
        n++;
    } while (v != 0);
    api_buf_put(b, tmp, n);
}

static void
put_bytes(ApiBuf *b, const char *s, size_t len)
{
    put_varint(b, len);
    api_buf_put(b, s, len);
}

/* Values nest at most as deep as the JSON reader allows; the writer's
 * recursion is bounded by the depth of the host's tree. */
void
vm_snapshot_log_value(ApiBuf *b, const MontyValue *v)
{
    uint8_t tag;
    switch (v->kind) {
    case MONTY_NONE:
        api_buf_putc(b, V_NONE);
        return;
    case MONTY_BOOL:
        api_buf_putc(b, v->u.b ? V_TRUE : V_FALSE);
        return;
    case MONTY_INT: {
        api_buf_putc(b, V_INT);
        uint64_t u = (uint64_t)v->u.i;
        put_varint(b, (u << 1) ^ (uint64_t)(v->u.i < 0 ? UINT64_MAX : 0));
        return;
    }
    case MONTY_FLOAT: {
        uint64_t bits;
        memcpy(&bits, &v->u.f, 8);
        uint8_t le[8];
        for (int i = 0; i < 8; i++) {
            le[i] = (uint8_t)(bits >> (8 * i));
        }
        api_buf_putc(b, V_FLOAT);
        api_buf_put(b, le, 8);
        return;
    }
    case MONTY_BIGINT:
    case MONTY_STR:
    case MONTY_BYTES:
        tag = v->kind == MONTY_BIGINT ? V_BIGINT : v->kind == MONTY_STR ? V_STR : V_BYTES;
        api_buf_putc(b, (char)tag);
        put_bytes(b, v->u.str.data, v->u.str.len);
        return;
    case MONTY_LIST:
    case MONTY_TUPLE:
    case MONTY_SET:
    case MONTY_FROZENSET:
        tag = v->kind == MONTY_LIST    ? V_LIST
              : v->kind == MONTY_TUPLE ? V_TUPLE
              : v->kind == MONTY_SET   ? V_SET
                                       : V_FROZENSET;
        api_buf_putc(b, (char)tag);
        put_varint(b, v->u.seq.len);
        for (size_t i = 0; i < v->u.seq.len; i++) {
            vm_snapshot_log_value(b, &v->u.seq.items[i]);
        }
        return;
    case MONTY_DICT:
        api_buf_putc(b, V_DICT);
        put_varint(b, v->u.dict.len);
        for (size_t i = 0; i < v->u.dict.len; i++) {
            vm_snapshot_log_value(b, &v->u.dict.keys[i]);
            vm_snapshot_log_value(b, &v->u.dict.values[i]);
        }
        return;
    case MONTY_EXCEPTION:
        api_buf_putc(b, V_EXC);
        put_bytes(b, v->u.exc.type, strlen(v->u.exc.type));
        put_bytes(b, v->u.exc.message, strlen(v->u.exc.message));
        return;
    default:
        /* MONTY_OTHER never enters a run (api.c refuses it). */
        api_buf_putc(b, V_NONE);
        return;
    }
}

static uint32_t
fnv(uint32_t h, const void *data, size_t len)
{
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

uint32_t
vm_snapshot_call_fp(const char *function, size_t nargs, const char *const *kwnames, size_t nkw)
{
    uint32_t h = fnv(2166136261u, function, strlen(function) + 1);
    uint64_t counts[2] = {nargs, nkw};
    h = fnv(h, counts, sizeof counts);
    for (size_t i = 0; i < nkw; i++) {
        h = fnv(h, kwnames[i], strlen(kwnames[i]) + 1);
    }
    return h;
}

void
vm_snapshot_log_call(ApiBuf *b, uint32_t call_fp)
{
    uint8_t le[4] = {(uint8_t)call_fp, (uint8_t)(call_fp >> 8), (uint8_t)(call_fp >> 16),
                     (uint8_t)(call_fp >> 24)};
    api_buf_put(b, le, 4);
}

void
vm_snapshot_log_raise(ApiBuf *b, const char *type, const char *message)
{
    api_buf_putc(b, (char)A_RAISE);
    put_bytes(b, type, strlen(type));
    put_bytes(b, message, strlen(message));
}

/* Wraps a payload in the envelope (and signs it). */
static uint8_t *
envelope(char kind, const ApiBuf *payload, const uint8_t *key, size_t key_len, size_t *len)
{
    if (payload->failed || payload->len > UINT32_MAX) {
        return NULL;
    }
    bool sign = key != NULL && key_len > 0;
    size_t total = ENV_HEADER + payload->len + (sign ? VM_SHA256_SIZE : 0);
    uint8_t *out = malloc(total);
    if (out == NULL) {
        return NULL;
    }
    memcpy(out, "MNTY", 4);
    out[4] = (uint8_t)kind;
    out[5] = VM_SNAPSHOT_VERSION;
    out[6] = (uint8_t)(CMP_FORMAT_VERSION & 0xFF);
    out[7] = (uint8_t)(CMP_FORMAT_VERSION >> 8);
    out[8] = sign ? FLAG_SIGNED : 0;
    for (int i = 0; i < 4; i++) {
        out[9 + i] = (uint8_t)(payload->len >> (8 * i));
    }
    if (payload->len > 0) {
        memcpy(out + ENV_HEADER, payload->data, payload->len);
    }
    if (sign) {
        vm_hmac_sha256(key, key_len, out, ENV_HEADER + payload->len,
                       out + ENV_HEADER + payload->len);
    }
    *len = total;
    return out;
}

uint8_t *
vm_snapshot_program_dump(const CmpProgram *program, const uint8_t *key, size_t key_len,
                         size_t *len)
{
    CmpBuf cb = {0};
    if (!cmp_program_dump(program, &cb) || cb.failed) {
        free(cb.data);
        return NULL;
    }
    ApiBuf payload = {(char *)cb.data, cb.len, cb.cap, false};
    uint8_t *out = envelope('P', &payload, key, key_len, len);
    free(cb.data);
    return out;
}

uint8_t *
vm_snapshot_dump(const CmpProgram *program, const VmSnapLimits *limits, const ApiBuf *log,
                 size_t ninputs, size_t nanswers, uint64_t call_id, const uint8_t *key,
                 size_t key_len, size_t *len)
{
    CmpBuf cb = {0};
    if (log->failed || !cmp_program_dump(program, &cb) || cb.failed) {
        free(cb.data);
        return NULL;
    }
    ApiBuf p = {0};
    put_varint(&p, cb.len);
    api_buf_put(&p, cb.data, cb.len);
    free(cb.data);
    put_varint(&p, limits->max_memory);
    put_varint(&p, limits->max_allocations);
    put_varint(&p, limits->max_duration_ns);
    put_varint(&p, limits->max_recursion);
    put_varint(&p, ninputs);
    put_varint(&p, nanswers);
    put_varint(&p, call_id);
    api_buf_put(&p, log->data, log->len);
    uint8_t *out = envelope('R', &p, key, key_len, len);
    free(p.data);
    return out;
}

/* ---- reader ----------------------------------------------------------------- */

typedef struct Reader {
    const uint8_t *p;
    size_t len, pos;
    MontyStatus status;
    char *err;
    size_t errlen;
} Reader;

static bool
rfail(Reader *r, MontyStatus st, const char *what)
{
    if (r->status == MONTY_OK) {
        r->status = st;
        if (r->err != NULL && r->errlen > 0) {
            snprintf(r->err, r->errlen, "%s (at byte %zu)", what, r->pos);
        }
    }
    return false;
}

static bool
get_varint(Reader *r, uint64_t *out)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->pos >= r->len) {
            return rfail(r, MONTY_ERR_FORMAT, "truncated number");
        }
        uint8_t c = r->p[r->pos++];
        if (shift == 63 && (c & 0x7E) != 0) {
            return rfail(r, MONTY_ERR_FORMAT, "number out of range");
        }
        v |= (uint64_t)(c & 0x7F) << shift;
        if ((c & 0x80) == 0) {
            *out = v;
            return true;
        }
    }
    return rfail(r, MONTY_ERR_FORMAT, "number too long");
}

/* A count of items that each take at least one byte: bounded by what is left. */
static bool
get_count(Reader *r, size_t *out)
{
    uint64_t n;
    if (!get_varint(r, &n)) {
        return false;
    }
    if (n > r->len - r->pos) {
        return rfail(r, MONTY_ERR_FORMAT, "count larger than the data");
    }
    *out = (size_t)n;
    return true;
}

/* Reads a length-prefixed byte string into a new NUL-terminated buffer. */
static char *
get_text(Reader *r, size_t *lenp, bool utf8)
{
    size_t n;
    if (!get_count(r, &n)) {
        return NULL;
    }
    if (utf8 && !vm_api_utf8_valid((const char *)r->p + r->pos, n)) {
        rfail(r, MONTY_ERR_FORMAT, "invalid UTF-8 text");
        return NULL;
    }
    char *s = malloc(n + 1);
    if (s == NULL) {
        rfail(r, MONTY_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memcpy(s, r->p + r->pos, n);
    s[n] = '\0';
    r->pos += n;
    if (lenp != NULL) {
        *lenp = n;
    }
    return s;
}

/* A text that must hold no NUL (exception names and messages). */
static char *
get_cstr(Reader *r)
{
    size_t n;
    char *s = get_text(r, &n, true);
    if (s != NULL && strlen(s) != n) {
        free(s);
        rfail(r, MONTY_ERR_FORMAT, "NUL in a name");
        return NULL;
    }
    return s;
}

static bool
get_value(Reader *r, MontyValue *out, int depth)
{
    *out = monty_none();
    if (depth > VM_SNAPSHOT_MAX_DEPTH) {
        return rfail(r, MONTY_ERR_FORMAT, "values nested too deeply");
    }
    if (r->pos >= r->len) {
        return rfail(r, MONTY_ERR_FORMAT, "truncated value");
    }
    uint8_t tag = r->p[r->pos++];
    switch (tag) {
    case V_NONE:
        return true;
    case V_FALSE:
    case V_TRUE:
        *out = monty_bool(tag == V_TRUE);
        return true;
    case V_INT: {
        uint64_t z;
        if (!get_varint(r, &z)) {
            return false;
        }
        *out = monty_int((int64_t)((z >> 1) ^ (0 - (z & 1))));
        return true;
    }
    case V_FLOAT: {
        if (r->len - r->pos < 8) {
            return rfail(r, MONTY_ERR_FORMAT, "truncated float");
        }
        uint64_t bits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
        }
        r->pos += 8;
        double d;
        memcpy(&d, &bits, 8);
        *out = monty_float(d);
        return true;
    }
    case V_BIGINT: {
        size_t n;
        char *s = get_text(r, &n, false);
        if (s == NULL) {
            return false;
        }
        MontyStatus st = monty_bigint(s, n, out);
        free(s);
        return st == MONTY_OK || rfail(r, st == MONTY_ERR_NOMEM ? st : MONTY_ERR_FORMAT,
                                       "invalid integer");
    }
    case V_STR:
    case V_BYTES: {
        size_t n;
        char *s = get_text(r, &n, tag == V_STR);
        if (s == NULL) {
            return false;
        }
        out->kind = tag == V_STR ? MONTY_STR : MONTY_BYTES;
        out->u.str.data = s;
        out->u.str.len = n;
        return true;
    }
    case V_LIST:
    case V_TUPLE:
    case V_SET:
    case V_FROZENSET: {
        size_t n;
        if (!get_count(r, &n)) {
            return false;
        }
        MontyKind k = tag == V_LIST    ? MONTY_LIST
                      : tag == V_TUPLE ? MONTY_TUPLE
                      : tag == V_SET   ? MONTY_SET
                                       : MONTY_FROZENSET;
        if (monty_container(k, n, out) != MONTY_OK) {
            return rfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
        for (size_t i = 0; i < n; i++) {
            if (!get_value(r, &out->u.seq.items[i], depth + 1)) {
                monty_value_free(out);
                return false;
            }
        }
        return true;
    }
    case V_DICT: {
        size_t n;
        if (!get_count(r, &n)) {
            return false;
        }
        if (monty_container(MONTY_DICT, n, out) != MONTY_OK) {
            return rfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
        for (size_t i = 0; i < n; i++) {
            if (!get_value(r, &out->u.dict.keys[i], depth + 1)
                || !get_value(r, &out->u.dict.values[i], depth + 1)) {
                monty_value_free(out);
                return false;
            }
        }
        return true;
    }
    case V_EXC: {
        char *t = get_cstr(r);
        char *m = t ? get_cstr(r) : NULL;
        if (t == NULL || m == NULL) {
            free(t);
            return false;
        }
        out->kind = MONTY_EXCEPTION;
        out->u.exc.type = t;
        out->u.exc.message = m;
        return true;
    }
    default:
        return rfail(r, MONTY_ERR_FORMAT, "unknown value tag");
    }
}

/* Checks the envelope; on success payload and plen give the payload bytes. */
static bool
open_envelope(const uint8_t *data, size_t len, char kind, const uint8_t *key, size_t key_len,
              const uint8_t **payload, size_t *plen, MontyStatus *status, char *err,
              size_t errlen)
{
    const char *what = kind == 'P' ? "compiled program" : "snapshot";
#define FAIL(st, ...)                                 \
    do {                                              \
        *status = (st);                               \
        snprintf(err, errlen, __VA_ARGS__);           \
        return false;                                 \
    } while (0)
    if (data == NULL || len < 4 || memcmp(data, "MNTY", 4) != 0) {
        FAIL(MONTY_ERR_FORMAT, "not a monty %s (bad magic number)", what);
    }
    if (len < ENV_HEADER) {
        FAIL(MONTY_ERR_FORMAT, "truncated %s header", what);
    }
    if (data[4] != (uint8_t)kind) {
        FAIL(MONTY_ERR_FORMAT, "this is a monty %s, not a %s",
             data[4] == 'P' ? "compiled program" : data[4] == 'R' ? "snapshot" : "file", what);
    }
    unsigned cmpv = data[6] | (unsigned)data[7] << 8;
    if (data[5] != VM_SNAPSHOT_VERSION || cmpv != CMP_FORMAT_VERSION) {
        FAIL(MONTY_ERR_VERSION,
             "%s made by another monty version (format %u/%u, this monty reads %u/%u)", what,
             data[5], cmpv, VM_SNAPSHOT_VERSION, CMP_FORMAT_VERSION);
    }
    if ((data[8] & ~FLAG_SIGNED) != 0) {
        FAIL(MONTY_ERR_FORMAT, "unknown flags in %s header", what);
    }
    bool signed_ = (data[8] & FLAG_SIGNED) != 0;
    size_t n = (size_t)data[9] | (size_t)data[10] << 8 | (size_t)data[11] << 16
               | (size_t)data[12] << 24;
    size_t want = ENV_HEADER + n + (signed_ ? VM_SHA256_SIZE : 0);
    if (n > len || want != len) {
        FAIL(MONTY_ERR_FORMAT, "%s length mismatch (header says %zu bytes, have %zu)", what,
             want, len);
    }
    bool have_key = key != NULL && key_len > 0;
    if (have_key && !signed_) {
        FAIL(MONTY_ERR_AUTH, "%s is not signed, but a key was given", what);
    }
    if (!have_key && signed_) {
        FAIL(MONTY_ERR_AUTH, "%s is signed: its key is needed to load it (--key-file)", what);
    }
    if (signed_) {
        uint8_t mac[VM_SHA256_SIZE];
        vm_hmac_sha256(key, key_len, data, ENV_HEADER + n, mac);
        if (!vm_sha256_equal(mac, data + ENV_HEADER + n, VM_SHA256_SIZE)) {
            FAIL(MONTY_ERR_AUTH, "%s signature does not match the key", what);
        }
    }
#undef FAIL
    *payload = data + ENV_HEADER;
    *plen = n;
    return true;
}

static CmpProgram *
load_program(const uint8_t *p, size_t n, MontyStatus *status, char *err, size_t errlen)
{
    size_t consumed = 0;
    char msg[200] = "";
    CmpProgram *prog = cmp_program_load(p, n, &consumed, msg, sizeof msg);
    if (prog == NULL) {
        *status = MONTY_ERR_FORMAT;
        snprintf(err, errlen, "invalid program: %s", msg[0] ? msg : "rejected");
        return NULL;
    }
    if (consumed != n) {
        cmp_program_free(prog);
        *status = MONTY_ERR_FORMAT;
        snprintf(err, errlen, "invalid program: %zu stray bytes after it", n - consumed);
        return NULL;
    }
    return prog;
}

CmpProgram *
vm_snapshot_program_load(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                         MontyStatus *status, char *err, size_t errlen)
{
    const uint8_t *p;
    size_t n;
    if (!open_envelope(data, len, 'P', key, key_len, &p, &n, status, err, errlen)) {
        return NULL;
    }
    return load_program(p, n, status, err, errlen);
}

void
vm_snapshot_state_free(VmSnapState *st)
{
    cmp_program_free(st->program);
    for (size_t i = 0; st->inputs != NULL && i < st->ninputs; i++) {
        monty_value_free(&st->inputs[i]);
    }
    free(st->inputs);
    for (size_t i = 0; st->answers != NULL && i < st->nanswers; i++) {
        monty_value_free(&st->answers[i].value);
        free(st->answers[i].type);
        free(st->answers[i].message);
    }
    free(st->answers);
    free(st->log.data);
    memset(st, 0, sizeof *st);
}

bool
vm_snapshot_load(const uint8_t *data, size_t len, const uint8_t *key, size_t key_len,
                 VmSnapState *out, MontyStatus *status, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    const uint8_t *p;
    size_t n;
    if (!open_envelope(data, len, 'R', key, key_len, &p, &n, status, err, errlen)) {
        return false;
    }
    Reader r = {p, n, 0, MONTY_OK, err, errlen};
    size_t plen;
    if (!get_count(&r, &plen)) {
        goto fail;
    }
    out->program = load_program(p + r.pos, plen, status, err, errlen);
    if (out->program == NULL) {
        return false;
    }
    r.pos += plen;
    uint64_t lim[4], callid;
    size_t nin, nans;
    for (int i = 0; i < 4; i++) {
        if (!get_varint(&r, &lim[i])) {
            goto fail;
        }
    }
    if (!get_count(&r, &nin) || !get_count(&r, &nans) || !get_varint(&r, &callid)) {
        goto fail;
    }
    if (lim[3] > UINT32_MAX || lim[0] > SIZE_MAX) {
        rfail(&r, MONTY_ERR_FORMAT, "limit out of range");
        goto fail;
    }
    if (nin != out->program->ninputs) {
        rfail(&r, MONTY_ERR_FORMAT, "input count does not match the program");
        goto fail;
    }
    if (callid == 0 || callid > (uint64_t)nans + 1) {
        rfail(&r, MONTY_ERR_FORMAT, "pending call id does not match the answers");
        goto fail;
    }
    out->limits = (VmSnapLimits){lim[0], lim[1], lim[2], lim[3]};
    out->call_id = callid;
    size_t log_start = r.pos;
    out->inputs = calloc(nin + 1, sizeof(MontyValue));
    out->answers = calloc(nans + 1, sizeof(VmSnapAnswer));
    if (out->inputs == NULL || out->answers == NULL) {
        rfail(&r, MONTY_ERR_NOMEM, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < nin; i++) {
        if (!get_value(&r, &out->inputs[i], 0)) {
            goto fail;
        }
        out->ninputs = i + 1;
    }
    for (size_t i = 0; i < nans; i++) {
        VmSnapAnswer *a = &out->answers[i];
        if (r.len - r.pos < 4) {
            rfail(&r, MONTY_ERR_FORMAT, "truncated answer");
            goto fail;
        }
        a->call_fp = (uint32_t)r.p[r.pos] | (uint32_t)r.p[r.pos + 1] << 8
                     | (uint32_t)r.p[r.pos + 2] << 16 | (uint32_t)r.p[r.pos + 3] << 24;
        r.pos += 4;
        if (r.pos < r.len && r.p[r.pos] == A_RAISE) {
            r.pos++;
            a->is_raise = true;
            a->type = get_cstr(&r);
            a->message = a->type ? get_cstr(&r) : NULL;
            if (a->message == NULL) {
                out->nanswers = i + 1;
                goto fail;
            }
        } else if (!get_value(&r, &a->value, 0)) {
            goto fail;
        }
        out->nanswers = i + 1;
    }
    if (r.pos != r.len) {
        rfail(&r, MONTY_ERR_FORMAT, "stray bytes at the end");
        goto fail;
    }
    api_buf_put(&out->log, p + log_start, r.len - log_start);
    if (out->log.failed) {
        rfail(&r, MONTY_ERR_NOMEM, "out of memory");
        goto fail;
    }
    *status = MONTY_OK;
    return true;
fail:
    *status = r.status != MONTY_OK ? r.status : MONTY_ERR_FORMAT;
    vm_snapshot_state_free(out);
    return false;
}
