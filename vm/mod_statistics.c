/*
 * mod_statistics.c — the statistics module: mean, fmean, median(_low/_high), mode,
 * multimode, geometric_mean, harmonic_mean, variance, pvariance, stdev, pstdev, quantiles (prelude "_st_*": they consume
 * iterables that may be generators). Means and variances are computed exactly on
 * integers, so they round as CPython's Fraction-based code does.
 */
#include "vm/modules.h"

static const VmModuleMember members[] = {
    VM_MEMBER_T("StatisticsError", &vm_exc_StatisticsError),
    VM_MEMBER_P("fmean", "_st_fmean"),
    VM_MEMBER_P("mean", "_st_mean"),
    VM_MEMBER_P("geometric_mean", "_st_geometric_mean"),
    VM_MEMBER_P("harmonic_mean", "_st_harmonic_mean"),
    VM_MEMBER_P("median", "_st_median"),
    VM_MEMBER_P("median_high", "_st_median_high"),
    VM_MEMBER_P("median_low", "_st_median_low"),
    VM_MEMBER_P("mode", "_st_mode"),
    VM_MEMBER_P("multimode", "_st_multimode"),
    VM_MEMBER_P("pstdev", "_st_pstdev"),
    VM_MEMBER_P("pvariance", "_st_pvariance"),
    VM_MEMBER_P("quantiles", "_st_quantiles"),
    VM_MEMBER_P("stdev", "_st_stdev"),
    VM_MEMBER_P("variance", "_st_variance"),
};

VM_MODULE_DEF(statistics, "statistics", members);
