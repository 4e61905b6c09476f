/*
 * mod_datetime.c — the datetime module, naive only: date, datetime and timedelta with
 * CPython's arithmetic, comparisons, str/repr, isoformat, fromisoformat, strftime
 * (C-locale directives) and strptime (numeric and English-name directives). There is
 * no clock (DESIGN.md contract 5): date.today() and datetime.now() do not exist; the
 * host passes the current time in as an input. Time zones are not supported (a
 * "+hh:mm"/"Z" suffix in fromisoformat raises NotImplementedError).
 *
 * Arithmetic reaches these types through vm_module_binop, which ops.c calls before
 * reporting an unsupported operand type.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "vm/modules.h"

extern const VmType vm_type_date, vm_type_datetime, vm_type_timedelta, vm_type_time;

typedef struct VmTimedelta {
    VmObj hdr;
    int64_t days;
    int32_t seconds;        /* 0 .. 86399 */
    int32_t us;             /* 0 .. 999999 */
} VmTimedelta;

/* date and datetime share one layout (a date has zero time fields). */
typedef struct VmDate {
    VmObj hdr;
    int32_t y, m, d, hh, mm, ss, us;
} VmDate;

#define MAX_DAYS 999999999
#define US_PER_DAY ((__int128)86400000000LL)

static const int dim[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
static const char *const day_names[7] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday" };
static const char *const month_names[13] = { "", "January", "February", "March", "April",
                                             "May", "June", "July", "August", "September",
                                             "October", "November", "December" };

static bool
is_leap(int y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int
days_in_month(int y, int m)
{
    return m == 2 && is_leap(y) ? 29 : dim[m];
}

static int64_t
days_before_year(int64_t y)
{
    int64_t p = y - 1;
    return p * 365 + p / 4 - p / 100 + p / 400;
}

static int64_t
ymd_to_ord(int y, int m, int d)
{
    int64_t n = days_before_year(y);
    for (int k = 1; k < m; k++) {
        n += days_in_month(y, k);
    }
    return n + d;
}

static void
ord_to_ymd(int64_t ord, int *y, int *m, int *d)
{
    int64_t n = ord - 1;
    int64_t n400 = n / 146097;
    n %= 146097;
    int64_t n100 = n / 36524;
    n %= 36524;
    int64_t n4 = n / 1461;
    n %= 1461;
    int64_t n1 = n / 365;
    n %= 365;
    int64_t year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1;
    if (n1 == 4 || n100 == 4) {
        *y = (int)year - 1;
        *m = 12;
        *d = 31;
        return;
    }
    int mo = 1;
    while (n >= days_in_month((int)year, mo)) {
        n -= days_in_month((int)year, mo);
        mo++;
    }
    *y = (int)year;
    *m = mo;
    *d = (int)n + 1;
}

/* ---- constructors ------------------------------------------------------------------ */

static VmStatus
check_date(VmRun *run, int64_t y, int64_t m, int64_t d)
{
    if (y < 1 || y > 9999) {
        return vm_raise(run, &vm_exc_ValueError, "year %lld is out of range", (long long)y);
    }
    if (m < 1 || m > 12) {
        return vm_raise(run, &vm_exc_ValueError, "month must be in 1..12");
    }
    if (d < 1 || d > days_in_month((int)y, (int)m)) {
        return vm_raise(run, &vm_exc_ValueError, "day is out of range for month");
    }
    return VM_OK;
}

static VmStatus
check_time(VmRun *run, int64_t hh, int64_t mm, int64_t ss, int64_t us)
{
    if (hh < 0 || hh > 23) {
        return vm_raise(run, &vm_exc_ValueError, "hour must be in 0..23");
    }
    if (mm < 0 || mm > 59) {
        return vm_raise(run, &vm_exc_ValueError, "minute must be in 0..59");
    }
    if (ss < 0 || ss > 59) {
        return vm_raise(run, &vm_exc_ValueError, "second must be in 0..59");
    }
    if (us < 0 || us > 999999) {
        return vm_raise(run, &vm_exc_ValueError, "microsecond must be in 0..999999");
    }
    return VM_OK;
}

static VmStatus
make_date(VmRun *run, const VmType *t, int y, int m, int d, int hh, int mm, int ss, int us,
          VmValue *out)
{
    VmDate *o = (VmDate *)vm_obj_new(run, t, sizeof(VmDate));
    if (o == NULL) {
        return VM_ERR;
    }
    o->y = y;
    o->m = m;
    o->d = d;
    o->hh = hh;
    o->mm = mm;
    o->ss = ss;
    o->us = us;
    *out = vm_obj_val(o);
    return VM_OK;
}

/* A timedelta from a total count of microseconds. */
static VmStatus
make_td(VmRun *run, __int128 total, VmValue *out)
{
    __int128 days = total / US_PER_DAY;
    __int128 rem = total % US_PER_DAY;
    if (rem < 0) {
        rem += US_PER_DAY;
        days--;
    }
    if (days > MAX_DAYS || days < -MAX_DAYS) {
        return vm_raise(run, &vm_exc_OverflowError,
                        "days=%lld; must have magnitude <= 999999999", (long long)days);
    }
    VmTimedelta *t = (VmTimedelta *)vm_obj_new(run, &vm_type_timedelta, sizeof(VmTimedelta));
    if (t == NULL) {
        return VM_ERR;
    }
    t->days = (int64_t)days;
    t->seconds = (int32_t)(rem / 1000000);
    t->us = (int32_t)(rem % 1000000);
    *out = vm_obj_val(t);
    return VM_OK;
}

static __int128
td_total(const VmTimedelta *t)
{
    return (__int128)t->days * US_PER_DAY + (__int128)t->seconds * 1000000 + t->us;
}

static VmStatus
int_arg(VmRun *run, VmValue v, int64_t dflt, int64_t *out)
{
    if (vm_val_is_empty(v)) {
        *out = dflt;
        return VM_OK;
    }
    if (!vm_is_int(v)) {
        return vm_raise(run, &vm_exc_TypeError, "'%s' object cannot be interpreted as an "
                        "integer", vm_type_name(v));
    }
    if (vm_val_is_obj(v)) {
        return vm_raise(run, &vm_exc_OverflowError, "signed integer is greater than maximum");
    }
    *out = vm_val_get_int(v);
    return VM_OK;
}

static VmStatus
date_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
         VmValue *out)
{
    static const char *const names[] = { "year", "month", "day", "hour", "minute", "second",
                                         "microsecond", "tzinfo" };
    bool dt = type == &vm_type_datetime;
    VmValue a[8];
    int64_t v[7];
    if (vm_parse_args(run, dt ? "datetime" : "date", args, nargs, kwnames, names, dt ? 8 : 3,
                      3, 0, a) != VM_OK) {
        return VM_ERR;
    }
    for (int i = 0; i < (dt ? 7 : 3); i++) {
        if (int_arg(run, a[i], 0, &v[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    if (!dt) {
        v[3] = v[4] = v[5] = v[6] = 0;
    } else if (!vm_val_is_empty(a[7]) && !vm_val_is_none(a[7])) {
        return vm_raise(run, &vm_exc_NotImplementedError, "monty does not support time zones");
    }
    if (check_date(run, v[0], v[1], v[2]) != VM_OK
        || check_time(run, v[3], v[4], v[5], v[6]) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, type, (int)v[0], (int)v[1], (int)v[2], (int)v[3], (int)v[4],
                     (int)v[5], (int)v[6], out);
}

/* time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None), naive only */
static VmStatus
time_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
         VmValue *out)
{
    (void)type;
    static const char *const names[] = { "hour", "minute", "second", "microsecond",
                                         "tzinfo" };
    VmValue a[5];
    int64_t v[4];
    if (vm_parse_args(run, "time", args, nargs, kwnames, names, 5, 0, 0, a) != VM_OK) {
        return VM_ERR;
    }
    for (int i = 0; i < 4; i++) {
        if (int_arg(run, a[i], 0, &v[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    if (!vm_val_is_empty(a[4]) && !vm_val_is_none(a[4])) {
        return vm_raise(run, &vm_exc_NotImplementedError, "monty does not support time zones");
    }
    if (check_time(run, v[0], v[1], v[2], v[3]) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, &vm_type_time, 1900, 1, 1, (int)v[0], (int)v[1], (int)v[2],
                     (int)v[3], out);
}

static VmStatus
num_arg(VmRun *run, VmValue v, double *d, int64_t *i, bool *isf)
{
    *isf = false;
    *i = 0;
    if (vm_val_is_empty(v)) {
        return VM_OK;
    }
    if (vm_val_is_float(v)) {
        *isf = true;
        *d = vm_val_get_float(v);
        return VM_OK;
    }
    if (vm_is_int(v)) {
        if (vm_val_is_obj(v)) {
            return vm_raise(run, &vm_exc_OverflowError, "Python int too large to convert to C "
                            "int");
        }
        *i = vm_val_get_int(v);
        return VM_OK;
    }
    return vm_raise(run, &vm_exc_TypeError, "unsupported type for timedelta component: %s",
                    vm_type_name(v));
}

static VmStatus
td_new(VmRun *run, const VmType *type, VmValue *args, size_t nargs, VmTuple *kwnames,
       VmValue *out)
{
    (void)type;
    static const char *const names[] = { "days", "seconds", "microseconds", "milliseconds",
                                         "minutes", "hours", "weeks" };
    static const double scale[] = { 86400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604800e6 };
    static const int64_t iscale[] = { 86400000000LL, 1000000, 1, 1000, 60000000,
                                      3600000000LL, 604800000000LL };
    VmValue a[7];
    if (vm_parse_args(run, "timedelta", args, nargs, kwnames, names, 7, 0, 0, a) != VM_OK) {
        return VM_ERR;
    }
    __int128 total = 0;
    double ftotal = 0;
    bool anyf = false;
    for (int k = 0; k < 7; k++) {
        double d = 0;
        int64_t i;
        bool isf;
        if (num_arg(run, a[k], &d, &i, &isf) != VM_OK) {
            return VM_ERR;
        }
        if (isf) {
            anyf = true;
            ftotal += d * scale[k];
        } else {
            total += (__int128)i * iscale[k];
        }
    }
    if (anyf) {
        if (!isfinite(ftotal) || fabs(ftotal) > 9e19) {
            return vm_raise(run, &vm_exc_OverflowError, "days=%s; must have magnitude <= "
                            "999999999", "inf");
        }
        total += (__int128)nearbyint(ftotal);
    }
    return make_td(run, total, out);
}

/* ---- formatting ---------------------------------------------------------------------- */

static void
add_time(VmStrBuf *b, const VmDate *d)
{
    vm_sb_printf(b, "%02d:%02d:%02d", d->hh, d->mm, d->ss);
    if (d->us) {
        vm_sb_printf(b, ".%06d", d->us);
    }
}

static VmStatus
date_str(VmRun *run, VmValue self, VmValue *out)
{
    const VmDate *d = VM_AS(VmDate, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (vm_is(self, &vm_type_time)) {
        add_time(&b, d);
        return vm_sb_to_str(&b, out);
    }
    vm_sb_printf(&b, "%04d-%02d-%02d", d->y, d->m, d->d);
    if (vm_is(self, &vm_type_datetime)) {
        vm_sb_adds(&b, " ");
        add_time(&b, d);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
date_repr(VmRun *run, VmValue self, VmValue *out)
{
    const VmDate *d = VM_AS(VmDate, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (vm_is(self, &vm_type_time)) {
        vm_sb_printf(&b, "datetime.time(%d, %d", d->hh, d->mm);
        if (d->ss || d->us) {
            vm_sb_printf(&b, ", %d", d->ss);
        }
        if (d->us) {
            vm_sb_printf(&b, ", %d", d->us);
        }
        vm_sb_adds(&b, ")");
    } else if (vm_is(self, &vm_type_datetime)) {
        vm_sb_printf(&b, "datetime.datetime(%d, %d, %d, %d, %d", d->y, d->m, d->d, d->hh, d->mm);
        if (d->ss || d->us) {
            vm_sb_printf(&b, ", %d", d->ss);
        }
        if (d->us) {
            vm_sb_printf(&b, ", %d", d->us);
        }
        vm_sb_adds(&b, ")");
    } else {
        vm_sb_printf(&b, "datetime.date(%d, %d, %d)", d->y, d->m, d->d);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
td_str(VmRun *run, VmValue self, VmValue *out)
{
    const VmTimedelta *t = VM_AS(VmTimedelta, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (t->days) {
        vm_sb_printf(&b, "%lld day%s, ", (long long)t->days,
                     (t->days == 1 || t->days == -1) ? "" : "s");
    }
    vm_sb_printf(&b, "%d:%02d:%02d", t->seconds / 3600, t->seconds / 60 % 60, t->seconds % 60);
    if (t->us) {
        vm_sb_printf(&b, ".%06d", t->us);
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
td_repr(VmRun *run, VmValue self, VmValue *out)
{
    const VmTimedelta *t = VM_AS(VmTimedelta, self);
    VmStrBuf b;
    vm_sb_init(&b, run);
    vm_sb_adds(&b, "datetime.timedelta(");
    bool any = false;
    if (t->days) {
        vm_sb_printf(&b, "days=%lld", (long long)t->days);
        any = true;
    }
    if (t->seconds) {
        vm_sb_printf(&b, "%sseconds=%d", any ? ", " : "", t->seconds);
        any = true;
    }
    if (t->us) {
        vm_sb_printf(&b, "%smicroseconds=%d", any ? ", " : "", t->us);
        any = true;
    }
    vm_sb_adds(&b, any ? ")" : "0)");
    return vm_sb_to_str(&b, out);
}

static int64_t
date_ord(const VmDate *d)
{
    return ymd_to_ord(d->y, d->m, d->d);
}

static int
yday(const VmDate *d)
{
    return (int)(date_ord(d) - days_before_year(d->y));
}

/* strftime with the C locale's names and formats. */
static VmStatus
do_strftime(VmRun *run, const VmDate *d, const VmStr *fmt, VmValue *out)
{
    VmStrBuf b;
    vm_sb_init(&b, run);
    int wd = (int)((date_ord(d) + 6) % 7);  /* Monday 0 */
    for (size_t i = 0; i < fmt->len; i++) {
        char c = fmt->data[i];
        if (c != '%' || i + 1 >= fmt->len) {
            vm_sb_add(&b, &c, 1);
            continue;
        }
        c = fmt->data[++i];
        switch (c) {
        case 'Y': vm_sb_printf(&b, "%d", d->y); break;
        case 'y': vm_sb_printf(&b, "%02d", d->y % 100); break;
        case 'm': vm_sb_printf(&b, "%02d", d->m); break;
        case 'd': vm_sb_printf(&b, "%02d", d->d); break;
        case 'e': vm_sb_printf(&b, "%2d", d->d); break;
        case 'H': vm_sb_printf(&b, "%02d", d->hh); break;
        case 'I': vm_sb_printf(&b, "%02d", d->hh % 12 ? d->hh % 12 : 12); break;
        case 'M': vm_sb_printf(&b, "%02d", d->mm); break;
        case 'S': vm_sb_printf(&b, "%02d", d->ss); break;
        case 'f': vm_sb_printf(&b, "%06d", d->us); break;
        case 'p': vm_sb_adds(&b, d->hh < 12 ? "AM" : "PM"); break;
        case 'j': vm_sb_printf(&b, "%03d", yday(d)); break;
        case 'a': vm_sb_add(&b, day_names[wd], 3); break;
        case 'A': vm_sb_adds(&b, day_names[wd]); break;
        case 'b': case 'h': vm_sb_add(&b, month_names[d->m], 3); break;
        case 'B': vm_sb_adds(&b, month_names[d->m]); break;
        case 'w': vm_sb_printf(&b, "%d", (wd + 1) % 7); break;
        case 'u': vm_sb_printf(&b, "%d", wd + 1); break;
        case 'U': vm_sb_printf(&b, "%02d", (yday(d) + 6 - (wd + 1) % 7) / 7); break;
        case 'W': vm_sb_printf(&b, "%02d", (yday(d) + 6 - wd) / 7); break;
        case 'Z': case 'z': break;
        case 'D': vm_sb_printf(&b, "%02d/%02d/%02d", d->m, d->d, d->y % 100); break;
        case 'x': vm_sb_printf(&b, "%02d/%02d/%02d", d->m, d->d, d->y % 100); break;
        case 'F': vm_sb_printf(&b, "%d-%02d-%02d", d->y, d->m, d->d); break;
        case 'T': case 'X': vm_sb_printf(&b, "%02d:%02d:%02d", d->hh, d->mm, d->ss); break;
        case 'R': vm_sb_printf(&b, "%02d:%02d", d->hh, d->mm); break;
        case 'c':
            vm_sb_printf(&b, "%.3s %.3s %2d %02d:%02d:%02d %d", day_names[wd],
                         month_names[d->m], d->d, d->hh, d->mm, d->ss, d->y);
            break;
        case 'n': vm_sb_adds(&b, "\n"); break;
        case 't': vm_sb_adds(&b, "\t"); break;
        case '%': vm_sb_adds(&b, "%"); break;
        default:
            vm_sb_add(&b, "%", 1);
            vm_sb_add(&b, &c, 1);
            break;
        }
    }
    return vm_sb_to_str(&b, out);
}

/* ---- parsing ---------------------------------------------------------------------------- */

static bool
digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* "YYYY-MM-DD" or "YYYYMMDD"; returns characters used or 0. */
static size_t
parse_iso_date(const char *s, size_t n, int *y, int *m, int *d)
{
    if (n >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, y) && digits(s + 5, 2, m)
        && digits(s + 8, 2, d)) {
        return 10;
    }
    if (n >= 8 && digits(s, 4, y) && digits(s + 4, 2, m) && digits(s + 6, 2, d)) {
        return 8;
    }
    return 0;
}

static VmStatus
iso_error(VmRun *run, const VmStr *s)
{
    VmValue r;
    if (vm_repr(run, vm_obj_val(s), &r) != VM_OK) {
        return VM_ERR;
    }
    return vm_raise(run, &vm_exc_ValueError, "Invalid isoformat string: %s",
                    VM_AS(VmStr, r)->data);
}

static VmStatus
fromisoformat(VmRun *run, const VmType *t, VmValue arg, VmValue *out)
{
    if (!vm_is(arg, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "fromisoformat: argument must be str");
    }
    const VmStr *s = VM_AS(VmStr, arg);
    int y, m, d, hh = 0, mm = 0, ss = 0, us = 0;
    size_t k = parse_iso_date(s->data, s->len, &y, &m, &d);
    if (k == 0 || (t == &vm_type_date && k != s->len)) {
        return iso_error(run, s);
    }
    if (k < s->len) {
        const char *p = s->data + k + 1;
        size_t n = s->len - k - 1;
        if (n < 2 || !digits(p, 2, &hh)) {
            return iso_error(run, s);
        }
        size_t i = 2;
        if (i < n && p[i] == ':') {
            if (i + 3 > n || !digits(p + i + 1, 2, &mm)) {
                return iso_error(run, s);
            }
            i += 3;
            if (i < n && p[i] == ':') {
                if (i + 3 > n || !digits(p + i + 1, 2, &ss)) {
                    return iso_error(run, s);
                }
                i += 3;
                if (i < n && (p[i] == '.' || p[i] == ',')) {
                    size_t j = i + 1;
                    int frac = 0, nd = 0;
                    while (j < n && p[j] >= '0' && p[j] <= '9') {
                        if (nd < 6) {
                            frac = frac * 10 + (p[j] - '0');
                            nd++;
                        }
                        j++;
                    }
                    if (j == i + 1) {
                        return iso_error(run, s);
                    }
                    while (nd < 6) {
                        frac *= 10;
                        nd++;
                    }
                    us = frac;
                    i = j;
                }
            }
        }
        if (i < n) {
            if (p[i] == 'Z' || p[i] == '+' || p[i] == '-') {
                return vm_raise(run, &vm_exc_NotImplementedError,
                                "monty does not support time zones");
            }
            return iso_error(run, s);
        }
    }
    if (check_date(run, y, m, d) != VM_OK || check_time(run, hh, mm, ss, us) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, t, y, m, d, hh, mm, ss, us, out);
}

static int
match_name(const char *s, size_t n, const char *const *names, int first, int count, size_t *used)
{
    for (int k = first; k < first + count; k++) {
        size_t full = strlen(names[k]);
        if (n >= full && strncasecmp(s, names[k], full) == 0) {
            *used = full;
            return k;
        }
        if (n >= 3 && strncasecmp(s, names[k], 3) == 0) {
            *used = 3;
            return k;
        }
    }
    return -1;
}

static VmStatus
strptime_impl(VmRun *run, VmValue vs, VmValue vf, VmValue *out)
{
    if (!vm_is(vs, &vm_type_str) || !vm_is(vf, &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "strptime() argument 1 must be str, not %s",
                        vm_type_name(vm_is(vs, &vm_type_str) ? vf : vs));
    }
    const VmStr *s = VM_AS(VmStr, vs), *f = VM_AS(VmStr, vf);
    int y = 1900, m = 1, d = 1, hh = 0, mm = 0, ss = 0, us = 0, pm = -1;
    size_t i = 0;
    bool ok = true;
    for (size_t k = 0; ok && k < f->len; k++) {
        char c = f->data[k];
        if (c != '%' || k + 1 >= f->len) {
            if (c == ' ') {
                while (i < s->len && s->data[i] == ' ') {
                    i++;
                }
            } else if (i < s->len && s->data[i] == c) {
                i++;
            } else {
                ok = false;
            }
            continue;
        }
        c = f->data[++k];
        int maxd = 2, *dst = NULL, v;
        switch (c) {
        case 'Y': maxd = 4; dst = &y; break;
        case 'y': dst = &y; break;
        case 'm': dst = &m; break;
        case 'd': dst = &d; break;
        case 'H': dst = &hh; break;
        case 'I': dst = &hh; break;
        case 'M': dst = &mm; break;
        case 'S': dst = &ss; break;
        case 'f': maxd = 6; dst = &us; break;
        case '%':
            ok = i < s->len && s->data[i] == '%';
            i++;
            continue;
        case 'p': {
            if (i + 2 <= s->len && strncasecmp(s->data + i, "AM", 2) == 0) {
                pm = 0;
            } else if (i + 2 <= s->len && strncasecmp(s->data + i, "PM", 2) == 0) {
                pm = 1;
            } else {
                ok = false;
            }
            i += 2;
            continue;
        }
        case 'b': case 'B': case 'h': {
            size_t used;
            int r = match_name(s->data + i, s->len - i, month_names, 1, 12, &used);
            ok = r > 0;
            m = r;
            i += ok ? used : 0;
            continue;
        }
        case 'a': case 'A': {
            size_t used;
            int r = match_name(s->data + i, s->len - i, day_names, 0, 7, &used);
            ok = r >= 0;
            i += ok ? used : 0;
            continue;
        }
        default:
            return vm_raise(run, &vm_exc_ValueError, "'%c' is a bad directive in format '%%%c'",
                            c, c);
        }
        size_t st = i;
        v = 0;
        while (i < s->len && i - st < (size_t)maxd && s->data[i] >= '0' && s->data[i] <= '9') {
            v = v * 10 + (s->data[i] - '0');
            i++;
        }
        if (i == st) {
            ok = false;
            break;
        }
        if (c == 'f') {
            for (size_t z = i - st; z < 6; z++) {
                v *= 10;
            }
        }
        if (c == 'y') {
            v += v < 69 ? 2000 : 1900;
        }
        *dst = v;
    }
    if (!ok || i != s->len) {
        VmValue rs, rf;
        if (vm_repr(run, vs, &rs) != VM_OK || vm_repr(run, vf, &rf) != VM_OK) {
            return VM_ERR;
        }
        if (ok) {
            return vm_raise(run, &vm_exc_ValueError, "unconverted data remains: %s",
                            s->data + i);
        }
        return vm_raise(run, &vm_exc_ValueError, "time data %s does not match format %s",
                        VM_AS(VmStr, rs)->data, VM_AS(VmStr, rf)->data);
    }
    if (pm == 1 && hh < 12) {
        hh += 12;
    } else if (pm == 0 && hh == 12) {
        hh = 0;
    }
    if (check_date(run, y, m, d) != VM_OK || check_time(run, hh, mm, ss, us) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, &vm_type_datetime, y, m, d, hh, mm, ss, us, out);
}

/* ---- methods ------------------------------------------------------------------------------ */

#define SELF() const VmDate *d = VM_AS(VmDate, args[0])

static VmStatus
m_isoformat(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "sep", "timespec" };
    static const char *const tnames[] = { "", "timespec", "" };
    bool tm = vm_is(args[0], &vm_type_time);
    VmValue a[3];
    if (vm_parse_args(run, "isoformat", args, nargs, kwnames, tm ? tnames : names, tm ? 2 : 3,
                      1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    if (tm) {       /* time.isoformat(timespec): no date, no separator */
        a[2] = a[1];
    }
    SELF();
    VmStrBuf b;
    vm_sb_init(&b, run);
    if (!tm) {
        vm_sb_printf(&b, "%04d-%02d-%02d", d->y, d->m, d->d);
    }
    if (tm || vm_is(args[0], &vm_type_datetime)) {
        if (tm) {
            /* no separator */
        } else if (!vm_val_is_empty(a[1]) && vm_is(a[1], &vm_type_str)) {
            vm_sb_add(&b, VM_AS(VmStr, a[1])->data, VM_AS(VmStr, a[1])->len);
        } else {
            vm_sb_adds(&b, "T");
        }
        const char *spec = !vm_val_is_empty(a[2]) && vm_is(a[2], &vm_type_str)
                               ? VM_AS(VmStr, a[2])->data : "auto";
        if (strcmp(spec, "hours") == 0) {
            vm_sb_printf(&b, "%02d", d->hh);
        } else if (strcmp(spec, "minutes") == 0) {
            vm_sb_printf(&b, "%02d:%02d", d->hh, d->mm);
        } else if (strcmp(spec, "seconds") == 0) {
            vm_sb_printf(&b, "%02d:%02d:%02d", d->hh, d->mm, d->ss);
        } else if (strcmp(spec, "milliseconds") == 0) {
            vm_sb_printf(&b, "%02d:%02d:%02d.%03d", d->hh, d->mm, d->ss, d->us / 1000);
        } else if (strcmp(spec, "microseconds") == 0) {
            vm_sb_printf(&b, "%02d:%02d:%02d.%06d", d->hh, d->mm, d->ss, d->us);
        } else if (strcmp(spec, "auto") == 0) {
            add_time(&b, d);
        } else {
            vm_sb_fini(&b);
            return vm_raise(run, &vm_exc_ValueError, "Unknown timespec value");
        }
    }
    return vm_sb_to_str(&b, out);
}

static VmStatus
m_strftime(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "strftime", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2 || !vm_is(args[1], &vm_type_str)) {
        return vm_raise(run, &vm_exc_TypeError, "strftime() argument 1 must be str");
    }
    return do_strftime(run, VM_AS(VmDate, args[0]), VM_AS(VmStr, args[1]), out);
}

static VmStatus
m_weekday(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)run;
    (void)nargs;
    (void)kwnames;
    SELF();
    *out = vm_val_int((date_ord(d) + 6) % 7);
    return VM_OK;
}

static VmStatus
m_isoweekday(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)run;
    (void)nargs;
    (void)kwnames;
    SELF();
    *out = vm_val_int((date_ord(d) + 6) % 7 + 1);
    return VM_OK;
}

/* The ordinal of the Monday of ISO week 1 of `year` (the week holding its first Thursday). */
static int64_t
iso_week1_monday(int year)
{
    int64_t first = ymd_to_ord(year, 1, 1);
    int64_t wd = (first + 6) % 7;      /* Monday 0 */
    int64_t monday = first - wd;
    return wd > 3 ? monday + 7 : monday;
}

static VmStatus
m_isocalendar(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)nargs;
    (void)kwnames;
    SELF();
    int64_t ord = date_ord(d);
    int year = d->y;
    int64_t monday = iso_week1_monday(year);
    int64_t diff = ord - monday;
    if (diff < 0) {
        year--;
        monday = iso_week1_monday(year);
        diff = ord - monday;
    } else if (diff >= 52 * 7 && ord >= iso_week1_monday(year + 1)) {
        year++;
        diff = ord - iso_week1_monday(year);
    }
    static const char *const fields[] = { "year", "week", "weekday" };
    VmValue v[3] = { vm_val_int(year), vm_val_int(diff / 7 + 1), vm_val_int(diff % 7 + 1) };
    return vm_coll_struct_new(run, "datetime.IsoCalendarDate", fields, v, 3, out);
}

static VmStatus
m_toordinal(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)run;
    (void)nargs;
    (void)kwnames;
    SELF();
    *out = vm_val_int(date_ord(d));
    return VM_OK;
}

static VmStatus
m_date(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)nargs;
    (void)kwnames;
    SELF();
    return make_date(run, &vm_type_date, d->y, d->m, d->d, 0, 0, 0, 0, out);
}

/* datetime.time(): the time of day (a datetime.time). */
static VmStatus
m_time(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)nargs;
    (void)kwnames;
    SELF();
    return make_date(run, &vm_type_time, 1900, 1, 1, d->hh, d->mm, d->ss, d->us, out);
}

/* time.replace(hour=, minute=, second=, microsecond=). */
static VmStatus
m_time_replace(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "hour", "minute", "second", "microsecond" };
    VmValue a[5];
    SELF();
    if (vm_parse_args(run, "replace", args, nargs, kwnames, names, 5, 1, 1, a) != VM_OK) {
        return VM_ERR;
    }
    int64_t v[4];
    const int32_t cur[4] = { d->hh, d->mm, d->ss, d->us };
    for (int i = 0; i < 4; i++) {
        if (int_arg(run, a[i + 1], cur[i], &v[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    if (check_time(run, v[0], v[1], v[2], v[3]) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, &vm_type_time, 1900, 1, 1, (int)v[0], (int)v[1], (int)v[2],
                     (int)v[3], out);
}

static VmStatus
m_replace(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    static const char *const names[] = { "", "year", "month", "day", "hour", "minute",
                                         "second", "microsecond" };
    VmValue a[8];
    SELF();
    bool dt = vm_is(args[0], &vm_type_datetime);
    if (vm_parse_args(run, "replace", args, nargs, kwnames, names, dt ? 8 : 4, 1, 1, a)
        != VM_OK) {
        return VM_ERR;
    }
    int64_t v[7];
    const int32_t cur[7] = { d->y, d->m, d->d, d->hh, d->mm, d->ss, d->us };
    for (int i = 0; i < 7; i++) {
        if (int_arg(run, i < (dt ? 7 : 3) ? a[i + 1] : vm_val_empty(), cur[i], &v[i]) != VM_OK) {
            return VM_ERR;
        }
    }
    if (check_date(run, v[0], v[1], v[2]) != VM_OK
        || check_time(run, v[3], v[4], v[5], v[6]) != VM_OK) {
        return VM_ERR;
    }
    return make_date(run, vm_type_of(args[0]), (int)v[0], (int)v[1], (int)v[2], (int)v[3],
                     (int)v[4], (int)v[5], (int)v[6], out);
}

static VmStatus
m_fromisoformat_date(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "fromisoformat", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "fromisoformat() takes exactly one argument");
    }
    return fromisoformat(run, &vm_type_date, args[0], out);
}

static VmStatus
m_fromisoformat_dt(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "fromisoformat", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1) {
        return vm_raise(run, &vm_exc_TypeError, "fromisoformat() takes exactly one argument");
    }
    return fromisoformat(run, &vm_type_datetime, args[0], out);
}

static VmStatus
m_strptime(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "strptime", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 2) {
        return vm_raise(run, &vm_exc_TypeError, "strptime() takes exactly 2 arguments (%zu "
                        "given)", nargs);
    }
    return strptime_impl(run, args[0], args[1], out);
}

static VmStatus
m_fromordinal(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    int64_t n = 0;
    if (vm_no_kwargs(run, "fromordinal", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs != 1 || int_arg(run, args[0], 0, &n) != VM_OK) {
        return nargs != 1 ? vm_raise(run, &vm_exc_TypeError, "fromordinal() takes exactly one "
                                     "argument") : VM_ERR;
    }
    if (n < 1 || n > ymd_to_ord(9999, 12, 31)) {
        return vm_raise(run, &vm_exc_ValueError, "ordinal must be >= 1");
    }
    int y, m, d;
    ord_to_ymd(n, &y, &m, &d);
    return make_date(run, &vm_type_date, y, m, d, 0, 0, 0, 0, out);
}

static VmStatus
m_combine(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    if (vm_no_kwargs(run, "combine", kwnames) != VM_OK) {
        return VM_ERR;
    }
    if (nargs < 2) {
        return vm_raise(run, &vm_exc_TypeError,
                        "combine() missing required argument '%s' (pos %zu)",
                        nargs == 0 ? "date" : "time", nargs + 1);
    }
    if (nargs > 3) {
        return vm_raise(run, &vm_exc_TypeError,
                        "combine() takes at most 3 arguments (%zu given)", nargs);
    }
    if (nargs == 3 && !vm_val_is_none(args[2])) {
        return vm_raise(run, &vm_exc_NotImplementedError, "monty does not support time zones");
    }
    if (!vm_is(args[0], &vm_type_date) && !vm_is(args[0], &vm_type_datetime)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "combine() argument 1 must be datetime.date, not %s",
                        vm_type_name(args[0]));
    }
    if (!vm_is(args[1], &vm_type_time)) {
        return vm_raise(run, &vm_exc_TypeError,
                        "combine() argument 2 must be datetime.time, not %s",
                        vm_type_name(args[1]));
    }
    const VmDate *d = VM_AS(VmDate, args[0]), *t = VM_AS(VmDate, args[1]);
    return make_date(run, &vm_type_datetime, d->y, d->m, d->d, t->hh, t->mm, t->ss, t->us,
                     out);
}

static VmStatus
m_total_seconds(VmRun *run, VmValue *args, size_t nargs, VmTuple *kwnames, VmValue *out)
{
    (void)run;
    (void)nargs;
    (void)kwnames;
    __int128 t = td_total(VM_AS(VmTimedelta, args[0]));
    *out = vm_val_float((double)(t / 1000000) + (double)(t % 1000000) / 1e6);
    return VM_OK;
}

#define BI(cname, pyname, owner) \
    static const VmBuiltin b_##cname = { VM_IMMORTAL_HDR(&vm_type_builtin), pyname, \
                                         m_##cname, owner }

BI(isoformat, "isoformat", &vm_type_date);
BI(strftime, "strftime", &vm_type_date);
BI(weekday, "weekday", &vm_type_date);
BI(isoweekday, "isoweekday", &vm_type_date);
BI(isocalendar, "isocalendar", &vm_type_date);
BI(toordinal, "toordinal", &vm_type_date);
BI(replace, "replace", &vm_type_date);
BI(date, "date", &vm_type_datetime);
BI(fromisoformat_date, "fromisoformat", NULL);
BI(fromisoformat_dt, "fromisoformat", NULL);
BI(strptime, "strptime", NULL);
BI(fromordinal, "fromordinal", NULL);
BI(combine, "combine", NULL);
BI(total_seconds, "total_seconds", &vm_type_timedelta);
BI(time, "time", &vm_type_datetime);
BI(time_replace, "replace", &vm_type_time);
static const VmBuiltin b_time_isoformat = { VM_IMMORTAL_HDR(&vm_type_builtin), "isoformat",
                                            m_isoformat, &vm_type_time };
static const VmBuiltin b_time_strftime = { VM_IMMORTAL_HDR(&vm_type_builtin), "strftime",
                                           m_strftime, &vm_type_time };

static const VmBuiltin *const date_methods[] = {
    &b_isoformat, &b_strftime, &b_weekday, &b_isoweekday, &b_isocalendar, &b_toordinal,
    &b_replace, &b_fromisoformat_date, &b_fromordinal, NULL,
};

static const VmBuiltin *const datetime_methods[] = {
    &b_date, &b_time, &b_fromisoformat_dt, &b_strptime, &b_combine, NULL,
};

static const VmBuiltin *const time_methods[] = {
    &b_time_isoformat, &b_time_strftime, &b_time_replace, NULL,
};

static const VmBuiltin *const td_methods[] = { &b_total_seconds, NULL };

/* ---- slots --------------------------------------------------------------------------------- */

static int64_t
date_key_us(const VmDate *d)
{
    return ((date_ord(d) * 86400 + d->hh * 3600 + d->mm * 60 + d->ss) * 1000000) + d->us;
}

static VmStatus
cmp_result(int c, VmCmp op, VmValue *out)
{
    bool r = false;
    switch (op) {
    case VM_CMP_LT: r = c < 0; break;
    case VM_CMP_LE: r = c <= 0; break;
    case VM_CMP_EQ: r = c == 0; break;
    case VM_CMP_NE: r = c != 0; break;
    case VM_CMP_GT: r = c > 0; break;
    case VM_CMP_GE: r = c >= 0; break;
    }
    *out = vm_val_bool(r);
    return VM_OK;
}

static VmStatus
date_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    (void)run;
    *out = vm_val_empty();
    if (vm_type_of(a) != vm_type_of(b)) {
        if (op == VM_CMP_EQ || op == VM_CMP_NE) {
            *out = vm_val_bool(op == VM_CMP_NE);
            return VM_OK;
        }
        if (!vm_is(a, &vm_type_time)
            && (vm_is(b, &vm_type_date) || vm_is(b, &vm_type_datetime))) {
            return vm_raise(run, &vm_exc_TypeError, "can't compare %s to %s",
                            vm_type_name(a), vm_type_name(b));
        }
        return VM_OK;
    }
    int64_t x = date_key_us(VM_AS(VmDate, a)), y = date_key_us(VM_AS(VmDate, b));
    return cmp_result(x < y ? -1 : x > y, op, out);
}

static VmStatus
date_hash(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    uint64_t k = (uint64_t)date_key_us(VM_AS(VmDate, self));
    int64_t h = (int64_t)(k * 1000003u + (vm_is(self, &vm_type_date) ? 7u : 0u));
    *out = h == -1 ? -2 : h;
    return VM_OK;
}

static VmStatus
date_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    (void)run;
    const VmDate *d = VM_AS(VmDate, self);
    bool dt = vm_is(self, &vm_type_datetime);
    *out = vm_val_empty();
    static const char *const f[] = { "year", "month", "day", "hour", "minute", "second",
                                     "microsecond" };
    const int32_t v[7] = { d->y, d->m, d->d, d->hh, d->mm, d->ss, d->us };
    bool tm = vm_is(self, &vm_type_time);
    for (int i = tm ? 3 : 0; i < (dt || tm ? 7 : 3); i++) {
        if (vm_str_eq_cstr(name, f[i])) {
            *out = vm_val_int(v[i]);
            return VM_OK;
        }
    }
    if ((dt || tm) && vm_str_eq_cstr(name, "tzinfo")) {
        *out = vm_val_none();
    }
    return VM_OK;
}

static VmStatus
td_richcompare(VmRun *run, VmValue a, VmValue b, VmCmp op, VmValue *out)
{
    (void)run;
    *out = vm_val_empty();
    if (!vm_is(b, &vm_type_timedelta)) {
        return VM_OK;
    }
    __int128 x = td_total(VM_AS(VmTimedelta, a)), y = td_total(VM_AS(VmTimedelta, b));
    return cmp_result(x < y ? -1 : x > y, op, out);
}

static VmStatus
td_hash(VmRun *run, VmValue self, int64_t *out)
{
    (void)run;
    const VmTimedelta *t = VM_AS(VmTimedelta, self);
    int64_t h = (int64_t)(((uint64_t)t->days * 86400u + (uint64_t)t->seconds) * 1000003u
                         + (uint64_t)t->us);
    *out = h == -1 ? -2 : h;
    return VM_OK;
}

static VmStatus
td_bool(VmRun *run, VmValue self, bool *out)
{
    (void)run;
    const VmTimedelta *t = VM_AS(VmTimedelta, self);
    *out = t->days || t->seconds || t->us;
    return VM_OK;
}

static VmStatus
td_getattr(VmRun *run, VmValue self, VmStr *name, VmValue *out)
{
    (void)run;
    const VmTimedelta *t = VM_AS(VmTimedelta, self);
    *out = vm_val_empty();
    if (vm_str_eq_cstr(name, "days")) {
        *out = vm_val_int(t->days);
    } else if (vm_str_eq_cstr(name, "seconds")) {
        *out = vm_val_int(t->seconds);
    } else if (vm_str_eq_cstr(name, "microseconds")) {
        *out = vm_val_int(t->us);
    }
    return VM_OK;
}

const VmType vm_type_date = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "datetime.date", .base = &vm_type_object,
    .repr = date_repr, .str = date_str, .richcompare = date_richcompare, .hash = date_hash,
    .getattr = date_getattr, .new_ = date_new, .methods = date_methods,
};

const VmType vm_type_datetime = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "datetime.datetime", .base = &vm_type_date,
    .repr = date_repr, .str = date_str, .richcompare = date_richcompare, .hash = date_hash,
    .getattr = date_getattr, .new_ = date_new, .methods = datetime_methods,
};

/* datetime.time: a VmDate whose date part is 1900-01-01 (what time.strftime uses) */
const VmType vm_type_time = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "datetime.time", .base = &vm_type_object,
    .repr = date_repr, .str = date_str, .richcompare = date_richcompare, .hash = date_hash,
    .getattr = date_getattr, .new_ = time_new, .methods = time_methods,
};

const VmType vm_type_timedelta = {
    VM_IMMORTAL_HDR(&vm_type_type), .name = "datetime.timedelta", .base = &vm_type_object,
    .repr = td_repr, .str = td_str, .richcompare = td_richcompare, .hash = td_hash,
    .bool_ = td_bool, .getattr = td_getattr, .new_ = td_new, .methods = td_methods,
};

/* ---- arithmetic (called from ops.c) ----------------------------------------------------- */

static VmStatus
shift_date(VmRun *run, const VmDate *d, __int128 delta_us, VmValue *out)
{
    bool dt = d->hdr.type == &vm_type_datetime;
    __int128 t = ((__int128)date_ord(d) * 86400 + d->hh * 3600 + d->mm * 60 + d->ss)
                     * 1000000 + d->us;
    if (!dt) {
        delta_us -= delta_us % US_PER_DAY;   /* date + timedelta ignores the time part */
    }
    t += delta_us;
    __int128 ord = t / US_PER_DAY;
    __int128 rem = t % US_PER_DAY;
    if (rem < 0) {
        rem += US_PER_DAY;
        ord--;
    }
    if (ord < 1 || ord > ymd_to_ord(9999, 12, 31)) {
        return vm_raise(run, &vm_exc_OverflowError, "date value out of range");
    }
    int y, m, dd;
    ord_to_ymd((int64_t)ord, &y, &m, &dd);
    int64_t secs = (int64_t)(rem / 1000000);
    return make_date(run, d->hdr.type, y, m, dd, (int)(secs / 3600), (int)(secs / 60 % 60),
                     (int)(secs % 60), (int)(rem % 1000000), out);
}

/*
 * vm_module_binop: arithmetic of module-defined types (datetime). *out EMPTY when
 * neither operand is one of them (ops.c then reports the usual TypeError).
 */
VmStatus
vm_module_binop(VmRun *run, int op, VmValue a, VmValue b, VmValue *out)
{
    *out = vm_val_empty();
    if (vm_coll_counter_binop(run, op, a, b, out) != VM_OK || !vm_val_is_empty(*out)) {
        return vm_val_is_empty(*out) ? VM_ERR : VM_OK;
    }
    bool ad = vm_is(a, &vm_type_date) || vm_is(a, &vm_type_datetime);
    bool bd = vm_is(b, &vm_type_date) || vm_is(b, &vm_type_datetime);
    bool at = vm_is(a, &vm_type_timedelta), bt = vm_is(b, &vm_type_timedelta);
    if (!ad && !bd && !at && !bt) {
        return VM_OK;
    }
    if (op == VM_OP_ADD && ad && bt) {
        return shift_date(run, VM_AS(VmDate, a), td_total(VM_AS(VmTimedelta, b)), out);
    }
    if (op == VM_OP_ADD && at && bd) {
        return shift_date(run, VM_AS(VmDate, b), td_total(VM_AS(VmTimedelta, a)), out);
    }
    if (op == VM_OP_SUB && ad && bt) {
        return shift_date(run, VM_AS(VmDate, a), -td_total(VM_AS(VmTimedelta, b)), out);
    }
    if (op == VM_OP_SUB && ad && bd && vm_type_of(a) == vm_type_of(b)) {
        return make_td(run, (__int128)date_key_us(VM_AS(VmDate, a))
                                - date_key_us(VM_AS(VmDate, b)), out);
    }
    if (at && bt) {
        __int128 x = td_total(VM_AS(VmTimedelta, a)), y = td_total(VM_AS(VmTimedelta, b));
        switch (op) {
        case VM_OP_ADD: return make_td(run, x + y, out);
        case VM_OP_SUB: return make_td(run, x - y, out);
        case VM_OP_DIV:
            if (y == 0) {
                return vm_raise(run, &vm_exc_ZeroDivisionError, "division by zero");
            }
            *out = vm_val_float((double)x / (double)y);
            return VM_OK;
        case VM_OP_FLOORDIV:
        case VM_OP_MOD: {
            if (y == 0) {
                return vm_raise(run, &vm_exc_ZeroDivisionError,
                                "integer division or modulo by zero");
            }
            __int128 q = x / y, r = x % y;
            if (r != 0 && ((r < 0) != (y < 0))) {
                q--;
                r += y;
            }
            if (op == VM_OP_MOD) {
                return make_td(run, r, out);
            }
            *out = vm_val_int((int64_t)q);
            return VM_OK;
        }
        default: break;
        }
    }
    if (at && (vm_val_is_int(b) || vm_val_is_float(b) || vm_val_is_bool(b))
        && (op == VM_OP_MUL || op == VM_OP_DIV || op == VM_OP_FLOORDIV)) {
        __int128 x = td_total(VM_AS(VmTimedelta, a));
        if (vm_val_is_float(b)) {
            double f = vm_val_get_float(b);
            double r = op == VM_OP_MUL ? (double)x * f : (double)x / f;
            if (op != VM_OP_MUL && f == 0) {
                return vm_raise(run, &vm_exc_ZeroDivisionError, "division by zero");
            }
            if (!isfinite(r)) {
                return vm_raise(run, &vm_exc_OverflowError, "cannot convert float infinity "
                                "to integer");
            }
            return make_td(run, (__int128)nearbyint(op == VM_OP_FLOORDIV ? floor(r) : r), out);
        }
        int64_t n = vm_val_get_int(b);
        if (op == VM_OP_MUL) {
            return make_td(run, x * n, out);
        }
        if (n == 0) {
            return vm_raise(run, &vm_exc_ZeroDivisionError, op == VM_OP_DIV ? "division by zero"
                            : "integer division or modulo by zero");
        }
        if (op == VM_OP_FLOORDIV) {
            __int128 q = x / n;
            if ((x % n != 0) && ((x < 0) != (n < 0))) {
                q--;
            }
            return make_td(run, q, out);
        }
        /* true division rounds half to even, as CPython */
        double r = (double)x / (double)n;
        return make_td(run, (__int128)nearbyint(r), out);
    }
    if (bt && op == VM_OP_MUL && (vm_val_is_int(a) || vm_val_is_float(a) || vm_val_is_bool(a))) {
        return vm_module_binop(run, op, b, a, out);
    }
    return VM_OK;
}

static const VmModuleMember members[] = {
    VM_MEMBER_T("date", &vm_type_date),
    VM_MEMBER_T("datetime", &vm_type_datetime),
    VM_MEMBER_T("time", &vm_type_time),
    VM_MEMBER_T("timedelta", &vm_type_timedelta),
    VM_MEMBER_I("MINYEAR", 1),
    VM_MEMBER_I("MAXYEAR", 9999),
};

VM_MODULE_DEF(datetime, "datetime", members);

/* vm_module_unaryop: -td, +td, abs(td), +Counter, -Counter (see modules.h). */
VmStatus
vm_module_unaryop(VmRun *run, int op, VmValue a, VmValue *out)
{
    *out = vm_val_empty();
    if (vm_is(a, &vm_type_timedelta)) {
        __int128 t = td_total(VM_AS(VmTimedelta, a));
        if (op == VM_UOP_NEG || (op == VM_MODULE_ABS && t < 0)) {
            return make_td(run, -t, out);
        }
        if (op == VM_UOP_POS || op == VM_MODULE_ABS) {
            *out = a;
        }
        return VM_OK;
    }
    if (op == VM_UOP_NEG || op == VM_UOP_POS) {
        return vm_coll_counter_binop(run, op == VM_UOP_NEG ? VM_OP_SUB : VM_OP_ADD,
                                     vm_val_empty(), a, out);
    }
    return VM_OK;
}

/* vm_module_format: f"{d:%Y-%m-%d}" (see modules.h). */
VmStatus
vm_module_format(VmRun *run, VmValue v, VmStr *spec, VmValue *out)
{
    *out = vm_val_empty();
    if (vm_is(v, &vm_type_date) || vm_is(v, &vm_type_datetime) || vm_is(v, &vm_type_time)) {
        return do_strftime(run, VM_AS(VmDate, v), spec, out);
    }
    return VM_OK;
}

/* ---- snapshots (vm/snap_heap.c) ---------------------------------------------------- */

/* vm_datetime_snap_get: a date/datetime's y, m, d, hh, mm, ss, us, or a timedelta's
 * days, seconds, us (the rest 0). */
void
vm_datetime_snap_get(const VmObj *o, int64_t f[7])
{
    memset(f, 0, 7 * sizeof f[0]);
    if (o->type == &vm_type_timedelta) {
        const VmTimedelta *t = (const VmTimedelta *)o;
        f[0] = t->days;
        f[1] = t->seconds;
        f[2] = t->us;
        return;
    }
    const VmDate *d = (const VmDate *)o;
    int64_t v[7] = {d->y, d->m, d->d, d->hh, d->mm, d->ss, d->us};
    memcpy(f, v, sizeof v);
}

/* vm_datetime_snap_make: a date, datetime or timedelta (type t) from those fields,
 * checked as the constructors check them; EMPTY (exception set) when out of range. */
VmValue
vm_datetime_snap_make(VmRun *run, const VmType *t, const int64_t f[7])
{
    VmValue out = vm_val_empty();
    if (t == &vm_type_timedelta) {
        if (f[0] > MAX_DAYS || f[0] < -MAX_DAYS || f[1] < 0 || f[1] > 86399 || f[2] < 0
            || f[2] > 999999 || f[3] || f[4] || f[5] || f[6]) {
            vm_raise(run, &vm_exc_ValueError, "timedelta out of range");
            return out;
        }
        make_td(run, (__int128)f[0] * US_PER_DAY + (__int128)f[1] * 1000000 + f[2], &out);
        return out;
    }
    if ((t != &vm_type_date && t != &vm_type_datetime && t != &vm_type_time)
        || check_date(run, f[0], f[1], f[2]) != VM_OK
        || check_time(run, f[3], f[4], f[5], f[6]) != VM_OK
        || (t == &vm_type_date && (f[3] || f[4] || f[5] || f[6]))) {
        if (vm_val_is_empty(run->exc)) {
            vm_raise(run, &vm_exc_ValueError, "date out of range");
        }
        return out;
    }
    make_date(run, t, (int)f[0], (int)f[1], (int)f[2], (int)f[3], (int)f[4], (int)f[5],
              (int)f[6], &out);
    return out;
}
