/* marketfile_join.c: published histories put together into one market series
 * (alvh/marketfile.h): SPX and VIX closes by date, VIX futures contracts turned into
 * constant-maturity columns; and the series cut to a date window. */
#include "alvh/marketfile.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "alvh/market.h"
#include "alvh/vixcurve.h"
#include "base.h"
#include "marketfile_csv.h"

/* The date of a serial as YYYY-MM-DD (its serial when out of range). */
static void iso_date(char *buf, size_t size, double serial)
{
    int y = 0, m = 0, d = 0;
    if (alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
    else
        alvh_format_number(buf, size, serial);
}

static void note(alvh_join_dropped *d, double date)
{
    if (d->count < ALVH_JOIN_FIRST_DATES)
        d->first[d->count] = date;
    d->count++;
}

static int in_window(double t, double from, double to)
{
    return (from <= 0 || t >= from) && (to <= 0 || t <= to);
}

/* ---- checks --------------------------------------------------------------------------------- */

/* A side's dates increase and its closes are positive (the readers ensure both; a caller's
 * series might not, or be the other index's). */
static alvh_status check_side(const alvh_market_series *s, int vix, alvh_marketfile_error *err)
{
    const char *what = vix ? "VIX" : "SPX";
    if (!s || s->n == 0)
        return alvh_csv_fail(err, ALVH_E_DATA_SHORT, 0, 0, "no %s closes given", what);
    for (size_t i = 0; i < s->n; ++i) {
        if (i > 0 && !(floor(s->date[i]) > floor(s->date[i - 1])))
            return alvh_csv_fail(err, ALVH_E_DATA_ORDER, 0, 0,
                                 "the %s closes' dates do not increase at row %zu", what, i + 1);
        if (!alvh_positive_finite(vix ? s->vix[i] : s->spx[i]))
            return alvh_csv_fail(err, ALVH_E_DATA_VALUE, 0, 0,
                                 "the %s close of row %zu is not a positive number", what, i + 1);
    }
    return ALVH_OK;
}

/* The tenors asked for (the default: those `alvh market` writes), positive and increasing. */
static alvh_status pick_tenors(const alvh_join_options *o, alvh_join_report *r,
                               alvh_marketfile_error *err)
{
    const double *t = alvh_market_future_days;
    size_t n = ALVH_MARKET_FUTURES;
    if (o && o->ntenors > 0) {
        t = o->tenors;
        n = o->ntenors;
    }
    if (n > ALVH_BACKTEST_MAX_FUTURES)
        return alvh_csv_fail(err, ALVH_E_ARGUMENT, 0, 0, "at most %d futures tenors, got %zu",
                             ALVH_BACKTEST_MAX_FUTURES, n);
    for (size_t k = 0; k < n; ++k)
        if (!(t[k] > 0 && t[k] <= 3650 && t[k] == floor(t[k])) || (k > 0 && !(t[k] > t[k - 1])))
            return alvh_csv_fail(err, ALVH_E_ARGUMENT, 0, 0,
                                 "futures tenors must be whole days from 1 to 3650, increasing");
    r->ntenors = n;
    memcpy(r->tenors, t, n * sizeof *t);
    return ALVH_OK;
}

static int by_expiry(const void *a, const void *b)
{
    const alvh_vix_contract *x = *(const alvh_vix_contract *const *)a;
    const alvh_vix_contract *y = *(const alvh_vix_contract *const *)b;
    return (x->expiry > y->expiry) - (x->expiry < y->expiry);
}

/* The contracts in expiry order, each given once. *sorted is allocated (free it). */
static alvh_status sort_contracts(const alvh_vix_contract *c, size_t n,
                                  const alvh_vix_contract ***sorted, alvh_marketfile_error *err)
{
    *sorted = malloc(n * sizeof **sorted);
    if (!*sorted)
        return alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    for (size_t j = 0; j < n; ++j)
        (*sorted)[j] = &c[j];
    qsort(*sorted, n, sizeof **sorted, by_expiry);
    for (size_t j = 1; j < n; ++j)
        if ((*sorted)[j]->expiry == (*sorted)[j - 1]->expiry)
            return alvh_csv_fail(err, ALVH_E_DATA_FORMAT, 0, 0,
                                 "the futures contract %s is given twice", (*sorted)[j]->label);
    for (size_t j = 0; j < n; ++j) {
        const alvh_vix_contract *k = (*sorted)[j];
        if (k->n == 0 || !k->date || !k->settle)
            return alvh_csv_fail(err, ALVH_E_DATA_SHORT, 0, 0,
                                 "the futures contract %s has no settlement", k->label);
        for (size_t i = 0; i < k->n; ++i)
            if (!alvh_positive_finite(k->settle[i]) || (i > 0 && !(k->date[i] > k->date[i - 1])))
                return alvh_csv_fail(err, ALVH_E_DATA_VALUE, 0, 0,
                                     "the futures contract %s: settlement %zu is not positive, "
                                     "or its date does not increase",
                                     k->label, i + 1);
    }
    return ALVH_OK;
}

/* ---- the futures of one date ---------------------------------------------------------------- */

/* The contracts' cursors and the curve of the date being joined. */
typedef struct {
    const alvh_vix_contract **c; /* by expiry */
    size_t n;
    size_t *pos;                 /* per contract: its first row not before the date */
    double days[ALVH_JOIN_MAX_CONTRACTS_A_DAY + 1], quotes[ALVH_JOIN_MAX_CONTRACTS_A_DAY + 1];
    size_t np;                   /* points on the curve, spot VIX at 0 days first */
} futures_day;

/* The curve on date t: spot VIX at 0 days, then every contract settled on t that expires after
 * it, at its calendar days to expiry. */
static void curve_on(futures_day *f, double t, double vix)
{
    f->days[0] = 0;
    f->quotes[0] = vix;
    f->np = 1;
    for (size_t j = 0; j < f->n; ++j) {
        const alvh_vix_contract *c = f->c[j];
        while (f->pos[j] < c->n && c->date[f->pos[j]] < t)
            f->pos[j]++;
        if (f->pos[j] < c->n && c->date[f->pos[j]] == t && c->expiry > t &&
            f->np <= ALVH_JOIN_MAX_CONTRACTS_A_DAY) {
            f->days[f->np] = c->expiry - t;
            f->quotes[f->np] = c->settle[f->pos[j]];
            f->np++;
        }
    }
}

/* Row i's futures at the asked tenors from the curve: linear in days between the two points
 * that bracket the tenor (alvh_vix_future_curve(), the engine's own interpolation); a tenor
 * beyond the farthest contract is noted in the report and left NAN (its column is dropped). */
static alvh_status futures_row(const futures_day *f, double t, alvh_market_series *out,
                               size_t i, alvh_join_report *r, alvh_marketfile_error *err)
{
    for (size_t k = 0; k < r->ntenors; ++k) {
        double v = (double)NAN;
        if (r->tenors[k] <= f->days[f->np - 1]) {
            /* The points were checked (positive, days increasing): this cannot fail. */
            alvh_status st = alvh_vix_future_curve(r->tenors[k], f->days, f->quotes, f->np, &v);
            if (st != ALVH_OK || !isfinite(v))
                return alvh_csv_fail(err, st != ALVH_OK ? st : ALVH_E_NOT_FINITE, 0, 0,
                                     "the futures curve of row %zu cannot be interpolated", i + 1);
        } else {
            if (r->unbracketed[k].count == 0)
                r->reach[k] = f->days[f->np - 1];
            note(&r->unbracketed[k], t);
        }
        out->fut[i * r->ntenors + k] = v;
    }
    return ALVH_OK;
}

/* Keeps the tenors bracketed on every row: out's futures columns compacted in place. */
static void keep_tenors(alvh_market_series *out, alvh_join_report *r)
{
    size_t keep[ALVH_BACKTEST_MAX_FUTURES], nk = 0;
    for (size_t k = 0; k < r->ntenors; ++k)
        if (r->unbracketed[k].count == 0)
            keep[nk++] = k;
    for (size_t i = 0; i < out->n; ++i)
        for (size_t k = 0; k < nk; ++k)
            out->fut[i * nk + k] = out->fut[i * r->ntenors + keep[k]];
    for (size_t k = 0; k < nk; ++k)
        out->fut_days[k] = r->tenors[keep[k]];
    out->nfut = nk;
    r->kept = nk;
}

/* ---- the join ------------------------------------------------------------------------------- */

/* Date t is in both indexes: a row of out, when the futures (if any) quote it. */
static alvh_status add_row(double t, double spx, double vix, futures_day *f,
                           alvh_market_series *out, alvh_join_report *r,
                           alvh_marketfile_error *err)
{
    if (f->n > 0) {
        curve_on(f, t, vix);
        if (f->np == 1) {
            note(&r->no_futures, t);
            return ALVH_OK;
        }
    }
    if (alvh_market_series_grow(out) != ALVH_OK)
        return alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    size_t i = out->n++;
    out->date[i] = t;
    out->spx[i] = spx;
    out->vix[i] = vix;
    return f->n > 0 ? futures_row(f, t, out, i, r, err) : ALVH_OK;
}

/* Walks the two sides' dates together. */
static alvh_status merge(const alvh_market_series *spx, const alvh_market_series *vix,
                         const alvh_join_options *o, futures_day *f, alvh_market_series *out,
                         alvh_join_report *r, alvh_marketfile_error *err)
{
    const double from = o ? o->from : 0, to = o ? o->to : 0;
    size_t a = 0, b = 0;
    while (a < spx->n || b < vix->n) {
        double ta = a < spx->n ? floor(spx->date[a]) : (double)INFINITY;
        double tb = b < vix->n ? floor(vix->date[b]) : (double)INFINITY;
        double t = fmin(ta, tb);
        if (!in_window(t, from, to)) {
            a += ta == t;
            b += tb == t;
            continue;
        }
        if (ta != tb) {
            note(ta < tb ? &r->only_spx : &r->only_vix, t);
            a += ta < tb;
            b += tb < ta;
            continue;
        }
        alvh_status st = add_row(t, spx->spx[a], vix->vix[b], f, out, r, err);
        if (st != ALVH_OK)
            return st;
        ++a;
        ++b;
    }
    return ALVH_OK;
}

alvh_status alvh_market_join(const alvh_market_series *spx, const alvh_market_series *vix,
                             const alvh_vix_contract *contracts, size_t ncontracts,
                             const alvh_join_options *opt, alvh_market_series *out,
                             alvh_join_report *report, alvh_marketfile_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    if (!out || !report || (ncontracts > 0 && !contracts))
        return alvh_csv_fail(err, ALVH_E_ARGUMENT, 0, 0, "no output or no contracts given");
    memset(report, 0, sizeof *report);
    alvh_status st = check_side(spx, 0, err);
    if (st == ALVH_OK)
        st = check_side(vix, 1, err);
    if (st == ALVH_OK && ncontracts > 0)
        st = pick_tenors(opt, report, err);
    futures_day f;
    memset(&f, 0, sizeof f);
    if (st == ALVH_OK && ncontracts > 0) {
        st = sort_contracts(contracts, ncontracts, &f.c, err);
        f.n = ncontracts;
        f.pos = calloc(ncontracts, sizeof *f.pos);
        if (st == ALVH_OK && !f.pos)
            st = alvh_csv_fail(err, ALVH_E_NO_MEMORY, 0, 0, "out of memory");
    }
    if (st == ALVH_OK) {
        out->nfut = report->ntenors;
        memcpy(out->fut_days, report->tenors, report->ntenors * sizeof(double));
        st = merge(spx, vix, opt, &f, out, report, err);
    }
    free(f.c);
    free(f.pos);
    if (st != ALVH_OK)
        return st;
    if (ncontracts > 0)
        keep_tenors(out, report);
    report->rows = out->n;
    const int bounded = opt && (opt->from > 0 || opt->to > 0);
    if (out->n == 0)
        return alvh_csv_fail(err, ALVH_E_DATA_SHORT, 0, 0, "no date%s has %s",
                             bounded ? " within the dates asked for" : "",
                             ncontracts > 0 ? "an SPX close, a VIX close and a futures settlement"
                                            : "both an SPX close and a VIX close");
    return ALVH_OK;
}

/* ---- the report ----------------------------------------------------------------------------- */

/* Appends printf-formatted text at *used (kept within size). */
static void add(char *buf, size_t size, size_t *used, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static void add(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
    if (*used >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + *used, size - *used, fmt, ap);
    va_end(ap);
    if (k > 0)
        *used = *used + (size_t)k < size ? *used + (size_t)k : size - 1;
}

static void add_dropped(char *buf, size_t size, size_t *used, const alvh_join_dropped *d,
                        const char *what)
{
    if (d->count == 0)
        return;
    add(buf, size, used, "%zu date%s with %s, dropped:", d->count, d->count == 1 ? "" : "s",
        what);
    for (size_t k = 0; k < d->count && k < ALVH_JOIN_FIRST_DATES; ++k) {
        char day[32];
        iso_date(day, sizeof day, d->first[k]);
        add(buf, size, used, "%s %s", k ? "," : "", day);
    }
    add(buf, size, used, "%s\n", d->count > ALVH_JOIN_FIRST_DATES ? ", ..." : "");
}

void alvh_join_report_text(const alvh_join_report *r, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    buf[0] = '\0';
    if (!r)
        return;
    size_t used = 0;
    add_dropped(buf, size, &used, &r->only_spx, "an SPX close but no VIX close");
    add_dropped(buf, size, &used, &r->only_vix, "a VIX close but no SPX close");
    add_dropped(buf, size, &used, &r->no_futures, "SPX and VIX closes but no futures settlement");
    for (size_t k = 0; k < r->ntenors; ++k) {
        const alvh_join_dropped *d = &r->unbracketed[k];
        if (d->count == 0)
            continue;
        char day[32], days[32], reach[32];
        iso_date(day, sizeof day, d->first[0]);
        alvh_format_number(days, sizeof days, r->tenors[k]);
        alvh_format_number(reach, sizeof reach, r->reach[k]);
        add(buf, size, &used,
            "fut_%s dropped: beyond the farthest contract on %zu date%s (first %s, farthest %s "
            "days)\n",
            days, d->count, d->count == 1 ? "" : "s", day, reach);
    }
}

/* ---- a date window -------------------------------------------------------------------------- */

alvh_status alvh_market_series_window(alvh_market_series *s, double from, double to,
                                      size_t *first)
{
    if (!s || !first)
        return ALVH_E_ARGUMENT;
    size_t lo = 0, hi = s->n;
    while (lo < s->n && !in_window(floor(s->date[lo]), from, to))
        ++lo;
    while (hi > lo && !in_window(floor(s->date[hi - 1]), from, to))
        --hi;
    *first = lo;
    size_t n = hi - lo;
    double *cols[5] = {s->date, s->spx, s->vix, s->advancers, s->decliners};
    for (int k = 0; k < (s->has_breadth ? 5 : 3); ++k)
        if (n > 0)
            memmove(cols[k], cols[k] + lo, n * sizeof(double));
    if (s->nfut > 0 && n > 0)
        memmove(s->fut, s->fut + lo * s->nfut, n * s->nfut * sizeof(double));
    s->n = n;
    return ALVH_OK;
}
