/*
 * value_json.c — MontyValue <-> JSON text, and Python's repr() of a value.
 *
 * Why not cJSON here: cJSON keeps every number as a double, so it cannot
 * tell `1` from `1.0` (int vs float in Python) and it rounds integers past
 * 2**53. The boundary must be exact, so values are read and written by this
 * small reader/writer; cJSON remains what the CLI and the checker use for
 * documents whose numbers are small (events, diagnostics).
 *
 * The reader is recursive descent with a hard depth limit, validates UTF-8,
 * and never reads past `len`: its input comes from untrusted hosts and files.
 */
#include <math.h>

#include "vm/api_int.h"

#define JSON_MAX_DEPTH 512

/* ---- errors --------------------------------------------------------------- */

MontyStatus
vm_api_error(MontyError *err, MontyStatus status, const char *fmt, ...)
{
    if (err == NULL) {
        return status;
    }
    memset(err, 0, sizeof *err);
    err->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    snprintf(err->text, sizeof err->text, "%s", err->message);
    return status;
}

/* ---- float repr ----------------------------------------------------------- */

/*
 * Shortest digits that round-trip (the property CPython's repr guarantees),
 * found by trying 1..17 significant digits with the correctly rounded libc
 * printf/strtod, then laid out by CPython's rule: positional when the decimal
 * exponent is in [-4, 16), else d.ddde+XX.
 */
size_t
vm_api_float_repr(double f, char *buf)
{
    if (isnan(f)) {
        return (size_t)sprintf(buf, "nan");
    }
    if (isinf(f)) {
        return (size_t)sprintf(buf, f < 0 ? "-inf" : "inf");
    }
    char tmp[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, f);
        if (strtod(tmp, NULL) == f) {
            break;
        }
    }
    /* tmp: [-]d[.ddd]e[+-]XX */
    char digits[24];
    size_t nd = 0;
    const char *p = tmp;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    while (*p != 'e') {
        if (*p != '.') {
            digits[nd++] = *p;
        }
        p++;
    }
    int exp = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0') {
        nd--;
    }
    size_t n = 0;
    if (neg) {
        buf[n++] = '-';
    }
    if (exp >= -4 && exp < 16) {
        if (exp < 0) {
            buf[n++] = '0';
            buf[n++] = '.';
            for (int i = -1; i > exp; i--) {
                buf[n++] = '0';
            }
            memcpy(buf + n, digits, nd);
            n += nd;
        } else {
            size_t intdigits = (size_t)exp + 1;
            for (size_t i = 0; i < intdigits; i++) {
                buf[n++] = i < nd ? digits[i] : '0';
            }
            buf[n++] = '.';
            if (nd > intdigits) {
                memcpy(buf + n, digits + intdigits, nd - intdigits);
                n += nd - intdigits;
            } else {
                buf[n++] = '0';
            }
        }
    } else {
        buf[n++] = digits[0];
        if (nd > 1) {
            buf[n++] = '.';
            memcpy(buf + n, digits + 1, nd - 1);
            n += nd - 1;
        }
        n += (size_t)sprintf(buf + n, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    buf[n] = '\0';
    return n;
}

bool
vm_api_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        size_t n;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (n > len - i) {
            return false;
        }
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        i += n;
    }
    return true;
}

/* ---- repr ----------------------------------------------------------------- */

/* Length of the UTF-8 sequence starting at s (1 for invalid bytes). */
static size_t
utf8_len(const unsigned char *s, size_t avail)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    return n <= avail ? n : 1;
}

static void
repr_text(const char *s, size_t len, bool is_bytes, ApiBuf *b)
{
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (is_bytes) {
        api_buf_putc(b, 'b');
    }
    api_buf_putc(b, q);
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        char esc[8];
        if (c == (unsigned char)q || c == '\\') {
            api_buf_putc(b, '\\');
            api_buf_putc(b, (char)c);
        } else if (c == '\n') {
            api_buf_puts(b, "\\n");
        } else if (c == '\r') {
            api_buf_puts(b, "\\r");
        } else if (c == '\t') {
            api_buf_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7F || (is_bytes && c >= 0x80)) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            api_buf_puts(b, esc);
        } else if (c >= 0x80) {
            size_t n = utf8_len(u + i, len - i);
            api_buf_put(b, u + i, n);
            i += n;
            continue;
        } else {
            api_buf_putc(b, (char)c);
        }
        i++;
    }
    api_buf_putc(b, q);
}

static void
repr_items(const MontyValue *items, size_t len, ApiBuf *b)
{
    for (size_t i = 0; i < len; i++) {
        if (i > 0) {
            api_buf_puts(b, ", ");
        }
        vm_api_value_repr(&items[i], b);
    }
}

void
vm_api_value_repr(const MontyValue *v, ApiBuf *b)
{
    char num[48];
    switch (v->kind) {
    case MONTY_NONE:
        api_buf_puts(b, "None");
        break;
    case MONTY_BOOL:
        api_buf_puts(b, v->u.b ? "True" : "False");
        break;
    case MONTY_INT:
        snprintf(num, sizeof num, "%lld", (long long)v->u.i);
        api_buf_puts(b, num);
        break;
    case MONTY_FLOAT:
        vm_api_float_repr(v->u.f, num);
        api_buf_puts(b, num);
        break;
    case MONTY_BIGINT:
    case MONTY_OTHER:
        api_buf_put(b, v->u.str.data, v->u.str.len);
        break;
    case MONTY_STR:
        repr_text(v->u.str.data, v->u.str.len, false, b);
        break;
    case MONTY_BYTES:
        repr_text(v->u.str.data, v->u.str.len, true, b);
        break;
    case MONTY_LIST:
        api_buf_putc(b, '[');
        repr_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_putc(b, ']');
        break;
    case MONTY_TUPLE:
        api_buf_putc(b, '(');
        repr_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_puts(b, v->u.seq.len == 1 ? ",)" : ")");
        break;
    case MONTY_SET:
    case MONTY_FROZENSET:
        if (v->kind == MONTY_FROZENSET) {
            api_buf_puts(b, "frozenset(");
        }
        if (v->u.seq.len == 0) {
            api_buf_puts(b, v->kind == MONTY_SET ? "set()" : ")");
            break;
        }
        api_buf_putc(b, '{');
        repr_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_puts(b, v->kind == MONTY_FROZENSET ? "})" : "}");
        break;
    case MONTY_DICT:
        api_buf_putc(b, '{');
        for (size_t i = 0; i < v->u.dict.len; i++) {
            if (i > 0) {
                api_buf_puts(b, ", ");
            }
            vm_api_value_repr(&v->u.dict.keys[i], b);
            api_buf_puts(b, ": ");
            vm_api_value_repr(&v->u.dict.values[i], b);
        }
        api_buf_putc(b, '}');
        break;
    case MONTY_EXCEPTION:
        api_buf_puts(b, v->u.exc.type);
        api_buf_putc(b, '(');
        if (v->u.exc.message[0] != '\0') {
            repr_text(v->u.exc.message, strlen(v->u.exc.message), false, b);
        }
        api_buf_putc(b, ')');
        break;
    }
}

char *
monty_value_repr(const MontyValue *v)
{
    ApiBuf b = {0};
    vm_api_value_repr(v, &b);
    return api_buf_take(&b);
}

/* ---- JSON writer ---------------------------------------------------------- */

static const char B64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64_put(const unsigned char *s, size_t len, ApiBuf *b)
{
    for (size_t i = 0; i < len; i += 3) {
        uint32_t w = (uint32_t)s[i] << 16;
        if (i + 1 < len) {
            w |= (uint32_t)s[i + 1] << 8;
        }
        if (i + 2 < len) {
            w |= s[i + 2];
        }
        char out[4] = {B64[(w >> 18) & 63], B64[(w >> 12) & 63],
                       i + 1 < len ? B64[(w >> 6) & 63] : '=',
                       i + 2 < len ? B64[w & 63] : '='};
        api_buf_put(b, out, 4);
    }
}

/*
 * Writes a JSON string. Valid UTF-8 passes through; lone surrogates (which
 * Python str may hold, stored surrogatepass) and invalid bytes become \u
 * escapes so that the output is always valid UTF-8 JSON.
 */
void
vm_api_json_string(const char *s, size_t len, ApiBuf *b)
{
    const unsigned char *u = (const unsigned char *)s;
    char esc[8];
    api_buf_putc(b, '"');
    for (size_t i = 0; i < len;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            api_buf_putc(b, '\\');
            api_buf_putc(b, (char)c);
        } else if (c == '\n') {
            api_buf_puts(b, "\\n");
        } else if (c == '\r') {
            api_buf_puts(b, "\\r");
        } else if (c == '\t') {
            api_buf_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7F) {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            api_buf_puts(b, esc);
        } else if (c >= 0x80) {
            size_t n = utf8_len(u + i, len - i);
            if (n == 3 && c == 0xED && (u[i + 1] & 0xE0) == 0xA0) {
                unsigned cp = ((c & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
                snprintf(esc, sizeof esc, "\\u%04x", cp);
                api_buf_puts(b, esc);
            } else if (n == 1) {
                snprintf(esc, sizeof esc, "\\u%04x", c);
                api_buf_puts(b, esc);
            } else {
                api_buf_put(b, u + i, n);
            }
            i += n;
            continue;
        } else {
            api_buf_putc(b, (char)c);
        }
        i++;
    }
    api_buf_putc(b, '"');
}

static void
json_items(const MontyValue *items, size_t len, ApiBuf *b)
{
    api_buf_putc(b, '[');
    for (size_t i = 0; i < len; i++) {
        if (i > 0) {
            api_buf_putc(b, ',');
        }
        vm_api_value_json(&items[i], b);
    }
    api_buf_putc(b, ']');
}

static bool
is_tag_name(const char *s, size_t len)
{
    static const char *const tags[] = {"$tuple", "$set", "$frozenset", "$bytes", "$dict",
                                       "$exception", "$int", "$repr", NULL};
    for (size_t i = 0; tags[i] != NULL; i++) {
        if (strlen(tags[i]) == len && memcmp(tags[i], s, len) == 0) {
            return true;
        }
    }
    return false;
}

/* A dict goes out as a plain object when every key is a str and it cannot
 * be mistaken for a tagged form. */
static bool
dict_is_plain(const MontyValue *v)
{
    for (size_t i = 0; i < v->u.dict.len; i++) {
        if (v->u.dict.keys[i].kind != MONTY_STR) {
            return false;
        }
    }
    if (v->u.dict.len == 1) {
        const MontyValue *k = &v->u.dict.keys[0];
        return !is_tag_name(k->u.str.data, k->u.str.len);
    }
    return true;
}

void
vm_api_value_json(const MontyValue *v, ApiBuf *b)
{
    char num[48];
    switch (v->kind) {
    case MONTY_NONE:
        api_buf_puts(b, "null");
        break;
    case MONTY_BOOL:
        api_buf_puts(b, v->u.b ? "true" : "false");
        break;
    case MONTY_INT:
        snprintf(num, sizeof num, "%lld", (long long)v->u.i);
        api_buf_puts(b, num);
        break;
    case MONTY_BIGINT:
        api_buf_put(b, v->u.str.data, v->u.str.len);
        break;
    case MONTY_FLOAT:
        if (isnan(v->u.f)) {
            api_buf_puts(b, "NaN");
        } else if (isinf(v->u.f)) {
            api_buf_puts(b, v->u.f < 0 ? "-Infinity" : "Infinity");
        } else {
            vm_api_float_repr(v->u.f, num);
            api_buf_puts(b, num);
        }
        break;
    case MONTY_STR:
        vm_api_json_string(v->u.str.data, v->u.str.len, b);
        break;
    case MONTY_BYTES:
        api_buf_puts(b, "{\"$bytes\":\"");
        base64_put((const unsigned char *)v->u.str.data, v->u.str.len, b);
        api_buf_puts(b, "\"}");
        break;
    case MONTY_LIST:
        json_items(v->u.seq.items, v->u.seq.len, b);
        break;
    case MONTY_TUPLE:
        api_buf_puts(b, "{\"$tuple\":");
        json_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_putc(b, '}');
        break;
    case MONTY_SET:
        api_buf_puts(b, "{\"$set\":");
        json_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_putc(b, '}');
        break;
    case MONTY_FROZENSET:
        api_buf_puts(b, "{\"$frozenset\":");
        json_items(v->u.seq.items, v->u.seq.len, b);
        api_buf_putc(b, '}');
        break;
    case MONTY_DICT:
        if (dict_is_plain(v)) {
            api_buf_putc(b, '{');
            for (size_t i = 0; i < v->u.dict.len; i++) {
                if (i > 0) {
                    api_buf_putc(b, ',');
                }
                vm_api_json_string(v->u.dict.keys[i].u.str.data, v->u.dict.keys[i].u.str.len, b);
                api_buf_putc(b, ':');
                vm_api_value_json(&v->u.dict.values[i], b);
            }
            api_buf_putc(b, '}');
        } else {
            api_buf_puts(b, "{\"$dict\":[");
            for (size_t i = 0; i < v->u.dict.len; i++) {
                if (i > 0) {
                    api_buf_putc(b, ',');
                }
                api_buf_putc(b, '[');
                vm_api_value_json(&v->u.dict.keys[i], b);
                api_buf_putc(b, ',');
                vm_api_value_json(&v->u.dict.values[i], b);
                api_buf_putc(b, ']');
            }
            api_buf_puts(b, "]}");
        }
        break;
    case MONTY_EXCEPTION:
        api_buf_puts(b, "{\"$exception\":{\"type\":");
        vm_api_json_string(v->u.exc.type, strlen(v->u.exc.type), b);
        api_buf_puts(b, ",\"message\":");
        vm_api_json_string(v->u.exc.message, strlen(v->u.exc.message), b);
        api_buf_puts(b, "}}");
        break;
    case MONTY_OTHER:
        api_buf_puts(b, "{\"$repr\":");
        vm_api_json_string(v->u.str.data, v->u.str.len, b);
        api_buf_putc(b, '}');
        break;
    }
}

char *
monty_value_to_json(const MontyValue *v)
{
    ApiBuf b = {0};
    vm_api_value_json(v, &b);
    return api_buf_take(&b);
}

/* ---- JSON reader ---------------------------------------------------------- */

typedef struct JsonReader {
    const char *s;
    size_t len, pos;
    int depth;
    MontyError *err;
    MontyStatus status;     /* first failure */
} JsonReader;

static bool
jfail(JsonReader *r, MontyStatus st, const char *what)
{
    if (r->status == MONTY_OK) {
        r->status = st;
        vm_api_error(r->err, st, "invalid JSON at offset %zu: %s", r->pos, what);
    }
    return false;
}

static void
jskip(JsonReader *r)
{
    while (r->pos < r->len) {
        char c = r->s[r->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        r->pos++;
    }
}

static bool
jlit(JsonReader *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->pos >= n && memcmp(r->s + r->pos, word, n) == 0) {
        r->pos += n;
        return true;
    }
    return false;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static bool
read_hex4(JsonReader *r, unsigned *out)
{
    if (r->len - r->pos < 4) {
        return jfail(r, MONTY_ERR_JSON, "truncated \\u escape");
    }
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(r->s[r->pos + (size_t)i]);
        if (h < 0) {
            return jfail(r, MONTY_ERR_JSON, "bad \\u escape");
        }
        v = v * 16 + (unsigned)h;
    }
    r->pos += 4;
    *out = v;
    return true;
}

static void
put_utf8(ApiBuf *b, unsigned cp)
{
    char o[4];
    if (cp < 0x80) {
        o[0] = (char)cp;
        api_buf_put(b, o, 1);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        api_buf_put(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        api_buf_put(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        api_buf_put(b, o, 4);
    }
}

/* Length of a valid UTF-8 sequence at s (no surrogates, no overlongs), 0 if invalid. */
static size_t
utf8_valid(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    if (c < 0x80) {
        return 1;
    }
    size_t n;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n > avail) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3Fu);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))
        || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

/* Reads a JSON string (r->pos at the opening quote) into a new buffer. */
static bool
read_string(JsonReader *r, ApiBuf *out)
{
    r->pos++;
    while (true) {
        if (r->pos >= r->len) {
            return jfail(r, MONTY_ERR_JSON, "unterminated string");
        }
        unsigned char c = (unsigned char)r->s[r->pos];
        if (c == '"') {
            r->pos++;
            break;
        }
        if (c < 0x20) {
            return jfail(r, MONTY_ERR_JSON, "control character in string");
        }
        if (c == '\\') {
            if (++r->pos >= r->len) {
                return jfail(r, MONTY_ERR_JSON, "unterminated escape");
            }
            char e = r->s[r->pos++];
            const char *simple = NULL;
            switch (e) {
            case '"': simple = "\""; break;
            case '\\': simple = "\\"; break;
            case '/': simple = "/"; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 't': simple = "\t"; break;
            case 'u': {
                unsigned cp;
                if (!read_hex4(r, &cp)) {
                    return false;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF && r->len - r->pos >= 6
                    && r->s[r->pos] == '\\' && r->s[r->pos + 1] == 'u') {
                    size_t save = r->pos;
                    unsigned lo;
                    r->pos += 2;
                    if (!read_hex4(r, &lo)) {
                        return false;
                    }
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else {
                        r->pos = save;
                    }
                }
                /* A lone surrogate stays a 3-byte sequence (surrogatepass),
                 * as Python's json.loads keeps it in the str. */
                put_utf8(out, cp);
                continue;
            }
            default:
                return jfail(r, MONTY_ERR_JSON, "bad escape");
            }
            api_buf_puts(out, simple);
            continue;
        }
        size_t n = utf8_valid((const unsigned char *)r->s + r->pos, r->len - r->pos);
        if (n == 0) {
            return jfail(r, MONTY_ERR_JSON, "invalid UTF-8 in string");
        }
        api_buf_put(out, r->s + r->pos, n);
        r->pos += n;
    }
    if (out->failed) {
        return jfail(r, MONTY_ERR_NOMEM, "out of memory");
    }
    return true;
}

static bool read_value(JsonReader *r, MontyValue *out);

static bool
read_number(JsonReader *r, MontyValue *out)
{
    size_t start = r->pos;
    bool is_float = false;
    if (r->pos < r->len && r->s[r->pos] == '-') {
        r->pos++;
    }
    if (jlit(r, "Infinity")) {
        *out = monty_float(r->s[start] == '-' ? -INFINITY : INFINITY);
        return true;
    }
    size_t dstart = r->pos;
    while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
        r->pos++;
    }
    size_t ndig = r->pos - dstart;
    if (ndig == 0 || (ndig > 1 && r->s[dstart] == '0')) {
        return jfail(r, MONTY_ERR_JSON, "bad number");
    }
    if (r->pos < r->len && r->s[r->pos] == '.') {
        is_float = true;
        r->pos++;
        size_t f0 = r->pos;
        while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
            r->pos++;
        }
        if (r->pos == f0) {
            return jfail(r, MONTY_ERR_JSON, "bad number");
        }
    }
    if (r->pos < r->len && (r->s[r->pos] == 'e' || r->s[r->pos] == 'E')) {
        is_float = true;
        r->pos++;
        if (r->pos < r->len && (r->s[r->pos] == '+' || r->s[r->pos] == '-')) {
            r->pos++;
        }
        size_t e0 = r->pos;
        while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9') {
            r->pos++;
        }
        if (r->pos == e0) {
            return jfail(r, MONTY_ERR_JSON, "bad number");
        }
    }
    size_t n = r->pos - start;
    if (is_float) {
        char small[64];
        char *buf = n < sizeof small ? small : malloc(n + 1);
        if (buf == NULL) {
            return jfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
        memcpy(buf, r->s + start, n);
        buf[n] = '\0';
        *out = monty_float(strtod(buf, NULL));
        if (buf != small) {
            free(buf);
        }
        return true;
    }
    MontyStatus st = monty_bigint(r->s + start, n, out);
    if (st != MONTY_OK) {
        return jfail(r, st, "bad integer");
    }
    return true;
}

static bool
read_array(JsonReader *r, MontyKind kind, MontyValue *out)
{
    /* Items collect into a growable array, then become the container. */
    MontyValue *items = NULL;
    size_t len = 0, cap = 0;
    r->pos++;
    jskip(r);
    bool ok = true;
    if (r->pos < r->len && r->s[r->pos] == ']') {
        r->pos++;
    } else {
        while (true) {
            if (len == cap) {
                size_t ncap = cap ? cap * 2 : 4;
                MontyValue *p = realloc(items, ncap * sizeof *items);
                if (p == NULL) {
                    ok = jfail(r, MONTY_ERR_NOMEM, "out of memory");
                    break;
                }
                items = p;
                cap = ncap;
            }
            if (!read_value(r, &items[len])) {
                ok = false;
                break;
            }
            len++;
            jskip(r);
            if (r->pos < r->len && r->s[r->pos] == ',') {
                r->pos++;
                continue;
            }
            if (r->pos < r->len && r->s[r->pos] == ']') {
                r->pos++;
                break;
            }
            ok = jfail(r, MONTY_ERR_JSON, "expected ',' or ']'");
            break;
        }
    }
    if (!ok) {
        for (size_t i = 0; i < len; i++) {
            monty_value_free(&items[i]);
        }
        free(items);
        return false;
    }
    if (items == NULL) {
        items = calloc(1, sizeof *items);
        if (items == NULL) {
            return jfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
    }
    *out = monty_none();
    out->kind = kind;
    out->u.seq.items = items;
    out->u.seq.len = len;
    return true;
}

static bool
base64_decode(JsonReader *r, const char *s, size_t len, MontyValue *out)
{
    if (len % 4 != 0) {
        return jfail(r, MONTY_ERR_JSON, "$bytes: base64 length not a multiple of 4");
    }
    ApiBuf b = {0};
    for (size_t i = 0; i < len; i += 4) {
        uint32_t w = 0;
        int pad = 0;
        for (int k = 0; k < 4; k++) {
            char c = s[i + (size_t)k];
            const char *p = c != '\0' ? strchr(B64, c) : NULL;
            if (c == '=' && i + 4 == len && k >= 2) {
                pad++;
                w <<= 6;
                continue;
            }
            if (p == NULL || pad > 0) {
                free(b.data);
                return jfail(r, MONTY_ERR_JSON, "$bytes: invalid base64");
            }
            w = (w << 6) | (uint32_t)(p - B64);
        }
        char o[3] = {(char)(w >> 16), (char)(w >> 8), (char)w};
        api_buf_put(&b, o, (size_t)(3 - pad));
    }
    if (b.failed) {
        free(b.data);
        return jfail(r, MONTY_ERR_NOMEM, "out of memory");
    }
    MontyStatus st = monty_bytes(b.data ? b.data : "", b.len, out);
    free(b.data);
    return st == MONTY_OK || jfail(r, st, "out of memory");
}

/* A tagged object {"$tag": payload}: r->pos is after the ':'. */
static bool
read_tagged(JsonReader *r, const char *tag, MontyValue *out)
{
    jskip(r);
    MontyValue payload;
    if (!read_value(r, &payload)) {
        return false;
    }
    bool ok = true;
    MontyKind seqkind = strcmp(tag, "$tuple") == 0       ? MONTY_TUPLE
                        : strcmp(tag, "$set") == 0       ? MONTY_SET
                        : strcmp(tag, "$frozenset") == 0 ? MONTY_FROZENSET
                                                         : MONTY_NONE;
    if (seqkind != MONTY_NONE) {
        if (payload.kind != MONTY_LIST) {
            ok = jfail(r, MONTY_ERR_JSON, "tagged sequence needs an array");
        } else {
            payload.kind = seqkind;
            *out = payload;
            return true;
        }
    } else if (strcmp(tag, "$bytes") == 0) {
        if (payload.kind != MONTY_STR) {
            ok = jfail(r, MONTY_ERR_JSON, "$bytes needs a base64 string");
        } else {
            ok = base64_decode(r, payload.u.str.data, payload.u.str.len, out);
        }
    } else if (strcmp(tag, "$int") == 0) {
        if (payload.kind != MONTY_STR
            || monty_bigint(payload.u.str.data, payload.u.str.len, out) != MONTY_OK) {
            ok = jfail(r, MONTY_ERR_JSON, "$int needs a decimal string");
        }
    } else if (strcmp(tag, "$repr") == 0) {
        if (payload.kind != MONTY_STR) {
            ok = jfail(r, MONTY_ERR_JSON, "$repr needs a string");
        } else {
            payload.kind = MONTY_OTHER;
            *out = payload;
            return true;
        }
    } else if (strcmp(tag, "$dict") == 0) {
        ok = payload.kind == MONTY_LIST;
        for (size_t i = 0; ok && i < payload.u.seq.len; i++) {
            MontyValue *pair = &payload.u.seq.items[i];
            ok = pair->kind == MONTY_LIST && pair->u.seq.len == 2;
        }
        if (!ok) {
            jfail(r, MONTY_ERR_JSON, "$dict needs an array of [key, value] pairs");
        } else if (monty_container(MONTY_DICT, payload.u.seq.len, out) != MONTY_OK) {
            ok = jfail(r, MONTY_ERR_NOMEM, "out of memory");
        } else {
            for (size_t i = 0; i < payload.u.seq.len; i++) {
                MontyValue *pair = payload.u.seq.items[i].u.seq.items;
                out->u.dict.keys[i] = pair[0];
                out->u.dict.values[i] = pair[1];
                pair[0] = monty_none();
                pair[1] = monty_none();
            }
        }
    } else { /* $exception */
        MontyValue *type = NULL, *msg = NULL;
        if (payload.kind == MONTY_DICT) {
            for (size_t i = 0; i < payload.u.dict.len; i++) {
                const char *k = payload.u.dict.keys[i].u.str.data;
                if (payload.u.dict.values[i].kind != MONTY_STR) {
                    continue;
                }
                if (strcmp(k, "type") == 0) {
                    type = &payload.u.dict.values[i];
                } else if (strcmp(k, "message") == 0) {
                    msg = &payload.u.dict.values[i];
                }
            }
        }
        if (type == NULL) {
            ok = jfail(r, MONTY_ERR_JSON, "$exception needs {\"type\": str, \"message\": str}");
        } else if (monty_exception(type->u.str.data, msg ? msg->u.str.data : "", out)
                   != MONTY_OK) {
            ok = jfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
    }
    monty_value_free(&payload);
    return ok;
}

static bool
read_object(JsonReader *r, MontyValue *out)
{
    MontyValue *keys = NULL, *values = NULL;
    size_t len = 0, cap = 0;
    bool ok = true;
    r->pos++;
    jskip(r);
    if (r->pos < r->len && r->s[r->pos] == '}') {
        r->pos++;
        goto done;
    }
    while (true) {
        jskip(r);
        if (r->pos >= r->len || r->s[r->pos] != '"') {
            ok = jfail(r, MONTY_ERR_JSON, "expected a string key");
            break;
        }
        ApiBuf kb = {0};
        if (!read_string(r, &kb)) {
            free(kb.data);
            ok = false;
            break;
        }
        jskip(r);
        if (r->pos >= r->len || r->s[r->pos] != ':') {
            free(kb.data);
            ok = jfail(r, MONTY_ERR_JSON, "expected ':'");
            break;
        }
        r->pos++;
        /* A tag is recognised only as the first key of an object that has
         * exactly one key; this is checked after reading the payload. */
        if (len == 0 && kb.data != NULL && is_tag_name(kb.data, kb.len)) {
            size_t save = r->pos;
            MontyValue tagged;
            char tag[16];
            snprintf(tag, sizeof tag, "%s", kb.data);
            JsonReader probe = *r;
            probe.err = NULL;
            jskip(&probe);
            if (read_tagged(&probe, tag, &tagged)) {
                jskip(&probe);
                if (probe.pos < probe.len && probe.s[probe.pos] == '}') {
                    free(kb.data);
                    r->pos = probe.pos + 1;
                    *out = tagged;
                    return true;
                }
                monty_value_free(&tagged);
            } else if (probe.status == MONTY_ERR_NOMEM) {
                free(kb.data);
                return jfail(r, MONTY_ERR_NOMEM, "out of memory");
            } else {
                /* Report the tag's own error: it is what the writer meant. */
                free(kb.data);
                read_tagged(r, tag, &tagged);
                return false;
            }
            r->pos = save;
        }
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            MontyValue *nk = realloc(keys, ncap * sizeof *keys);
            if (nk != NULL) {
                keys = nk;
            }
            MontyValue *nv = nk ? realloc(values, ncap * sizeof *values) : NULL;
            if (nv != NULL) {
                values = nv;
            }
            if (nk == NULL || nv == NULL) {
                free(kb.data);
                ok = jfail(r, MONTY_ERR_NOMEM, "out of memory");
                break;
            }
            cap = ncap;
        }
        keys[len] = monty_none();
        keys[len].kind = MONTY_STR;
        keys[len].u.str.len = kb.len;
        keys[len].u.str.data = kb.data;
        if (kb.data == NULL) {
            keys[len].u.str.data = calloc(1, 1);
            if (keys[len].u.str.data == NULL) {
                keys[len] = monty_none();
                ok = jfail(r, MONTY_ERR_NOMEM, "out of memory");
                break;
            }
        }
        jskip(r);
        if (!read_value(r, &values[len])) {
            monty_value_free(&keys[len]);
            ok = false;
            break;
        }
        len++;
        jskip(r);
        if (r->pos < r->len && r->s[r->pos] == ',') {
            r->pos++;
            continue;
        }
        if (r->pos < r->len && r->s[r->pos] == '}') {
            r->pos++;
            break;
        }
        ok = jfail(r, MONTY_ERR_JSON, "expected ',' or '}'");
        break;
    }
done:
    if (!ok) {
        for (size_t i = 0; i < len; i++) {
            monty_value_free(&keys[i]);
            monty_value_free(&values[i]);
        }
        free(keys);
        free(values);
        return false;
    }
    if (keys == NULL) {
        keys = calloc(1, sizeof *keys);
        values = calloc(1, sizeof *values);
        if (keys == NULL || values == NULL) {
            free(keys);
            free(values);
            return jfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
    }
    /* Python's json keeps the last value of a repeated key, at the first
     * key's position. */
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        size_t j;
        for (j = 0; j < w; j++) {
            if (monty_value_equal(&keys[j], &keys[i])) {
                break;
            }
        }
        if (j < w) {
            monty_value_free(&keys[i]);
            monty_value_free(&values[j]);
            values[j] = values[i];
        } else {
            keys[w] = keys[i];
            values[w] = values[i];
            w++;
        }
    }
    *out = monty_none();
    out->kind = MONTY_DICT;
    out->u.dict.keys = keys;
    out->u.dict.values = values;
    out->u.dict.len = w;
    return true;
}

static bool
read_value(JsonReader *r, MontyValue *out)
{
    *out = monty_none();
    jskip(r);
    if (r->pos >= r->len) {
        return jfail(r, MONTY_ERR_JSON, "unexpected end of input");
    }
    if (++r->depth > JSON_MAX_DEPTH) {
        return jfail(r, MONTY_ERR_JSON, "nested too deeply");
    }
    bool ok;
    char c = r->s[r->pos];
    if (c == '{') {
        ok = read_object(r, out);
    } else if (c == '[') {
        ok = read_array(r, MONTY_LIST, out);
    } else if (c == '"') {
        ApiBuf b = {0};
        ok = read_string(r, &b);
        if (ok) {
            ok = monty_str(b.data ? b.data : "", b.len, out) == MONTY_OK
                 || jfail(r, MONTY_ERR_NOMEM, "out of memory");
        }
        free(b.data);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        ok = read_number(r, out);
    } else if (jlit(r, "null")) {
        ok = true;
    } else if (jlit(r, "true")) {
        *out = monty_bool(true);
        ok = true;
    } else if (jlit(r, "false")) {
        *out = monty_bool(false);
        ok = true;
    } else if (jlit(r, "NaN")) {
        *out = monty_float(NAN);
        ok = true;
    } else if (jlit(r, "Infinity")) {
        *out = monty_float(INFINITY);
        ok = true;
    } else {
        ok = jfail(r, MONTY_ERR_JSON, "unexpected character");
    }
    r->depth--;
    return ok;
}

MontyStatus
monty_value_from_json(const char *json, size_t len, MontyValue *out, MontyError *err)
{
    JsonReader r = {json, len, 0, 0, err, MONTY_OK};
    *out = monty_none();
    if (json == NULL) {
        return vm_api_error(err, MONTY_ERR_ARG, "no JSON text");
    }
    if (!read_value(&r, out)) {
        return r.status;
    }
    jskip(&r);
    if (r.pos != r.len) {
        monty_value_free(out);
        jfail(&r, MONTY_ERR_JSON, "extra data after the value");
        return r.status;
    }
    return MONTY_OK;
}
