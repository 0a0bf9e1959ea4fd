/* market.c: the seeded synthetic market (Bates model, Andersen QE scheme, xoshiro256**).
 * The model, the VIX formula and the futures approximation are documented in alvh/market.h
 * and derived in docs/backtest.md. */
#include "alvh/market.h"

#include <math.h>
#include <string.h>

#include "base.h"

const double alvh_market_future_days[ALVH_MARKET_FUTURES] = {30, 60, 90, 120, 150, 180};

/* VIX horizon: 30 calendar days, ACT/365 (the CBOE VIX white paper's 30-day target). */
static const double k_vix_tau = 30.0 / 365.0;
/* Andersen (2008) switching level between the quadratic and exponential branches. */
static const double k_qe_psi_c = 1.5;

/* ---- PRNG: splitmix64 and xoshiro256** (D. Blackman, S. Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 47(4), 2021; prng.di.unimi.it) ---------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void alvh_rng_seed(alvh_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; ++i)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t alvh_rng_next(alvh_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double alvh_rng_uniform(alvh_rng *r)
{
    /* The top 53 bits, shifted by half a unit: (k + 0.5) / 2^53 lies strictly in (0, 1). */
    return ((double)(alvh_rng_next(r) >> 11) + 0.5) * 0x1.0p-53;
}

/* Normal deviates by Marsaglia's polar method; the second of each pair is kept. */
typedef struct {
    alvh_rng rng;
    int has_spare;
    double spare;
} normal_source;

static double normal(normal_source *g)
{
    if (g->has_spare) {
        g->has_spare = 0;
        return g->spare;
    }
    double u, v, s;
    do {
        u = 2.0 * alvh_rng_uniform(&g->rng) - 1.0;
        v = 2.0 * alvh_rng_uniform(&g->rng) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double f = sqrt(-2.0 * log(s) / s);
    g->spare = v * f;
    g->has_spare = 1;
    return u * f;
}

/* Poisson deviate by inversion (the mean here is lambda/365, far below 1). */
static unsigned poisson(normal_source *g, double mean)
{
    if (mean <= 0.0)
        return 0;
    double u = alvh_rng_uniform(&g->rng);
    double p = exp(-mean), cdf = p;
    unsigned k = 0;
    while (u > cdf && k < 64) {
        ++k;
        p *= mean / k;
        cdf += p;
    }
    return k;
}

/* ---- presets ------------------------------------------------------------------------------ */

static const char *const k_preset_names[] = {"calm", "bear2022", "crash2020"};

const char *alvh_market_preset_name(size_t i)
{
    return i < sizeof k_preset_names / sizeof k_preset_names[0] ? k_preset_names[i] : NULL;
}

alvh_status alvh_market_preset(const char *name, alvh_market_params *p)
{
    memset(p, 0, sizeof *p);
    p->days = 252;
    if (alvh_strieq(name, "calm")) {
        /* A quiet year: 11-13% long-run vol, a small variance risk premium, rare small jumps. */
        *p = (alvh_market_params){.start = 42738 /* 2017-01-03 */, .days = 252, .seed = 46,
                                  .spot = 2250, .mu = 0.12, .v0 = 0.011, .kappa = 4.0,
                                  .theta = 0.014, .xi = 0.2, .rho = -0.75, .lambda_v = -2.0,
                                  .jump_intensity = 0.5, .jump_mean = -0.02, .jump_std = 0.02,
                                  .q_jump_intensity = 2.0, .q_jump_mean = -0.05,
                                  .q_jump_std = 0.04};
        return ALVH_OK;
    }
    if (alvh_strieq(name, "bear2022")) {
        /* A grinding bear market: negative drift, long-run vol ~24% under P, VIX mostly 20-35. */
        *p = (alvh_market_params){.start = 44564 /* 2022-01-03 */, .days = 252, .seed = 1596,
                                  .spot = 4790, .mu = -0.15, .v0 = 0.035, .kappa = 5.0,
                                  .theta = 0.058, .xi = 0.5, .rho = -0.8, .lambda_v = -1.5,
                                  .jump_intensity = 1.0, .jump_mean = -0.03, .jump_std = 0.03,
                                  .q_jump_intensity = 2.0, .q_jump_mean = -0.05,
                                  .q_jump_std = 0.04};
        return ALVH_OK;
    }
    if (alvh_strieq(name, "crash2020")) {
        /* A quiet start, a four-week crash scripted as surprise events (spot falls ~35%, the
         * variance jumps to 1.3, VIX above 80), then fast mean reversion and a strong drift. */
        *p = (alvh_market_params){.start = 43832 /* 2020-01-02 */, .days = 252, .seed = 24,
                                  .spot = 3250, .mu = 0.25, .v0 = 0.012, .kappa = 15.0,
                                  .theta = 0.035, .xi = 0.9, .rho = -0.8, .lambda_v = -3.0,
                                  .jump_intensity = 1.0, .jump_mean = -0.03, .jump_std = 0.04,
                                  .q_jump_intensity = 2.0, .q_jump_mean = -0.05,
                                  .q_jump_std = 0.04, .nevents = 6,
                                  .events = {{35, -0.035, 0.10},
                                             {38, -0.045, 0.25},
                                             {45, -0.080, 0.50},
                                             {48, -0.100, 0.90},
                                             {50, -0.125, 1.30},
                                             {54, -0.045, 1.00}}};
        return ALVH_OK;
    }
    return ALVH_E_MARKET_PRESET;
}

/* ---- closed forms ------------------------------------------------------------------------- */

alvh_status alvh_market_check(const alvh_market_params *p)
{
    int ok = isfinite(p->start) && p->start >= 1 && p->start < 2958465 /* 9999-12-31 */ &&
             p->days >= 2 && isfinite(p->spot) && p->spot > 0 && isfinite(p->mu) &&
             isfinite(p->v0) && p->v0 >= 0 && isfinite(p->kappa) && p->kappa > 0 &&
             isfinite(p->theta) && p->theta > 0 && isfinite(p->xi) && p->xi > 0 &&
             isfinite(p->rho) && p->rho > -1 && p->rho < 1 && isfinite(p->lambda_v) &&
             p->kappa + p->lambda_v > 0 && isfinite(p->jump_intensity) &&
             p->jump_intensity >= 0 && isfinite(p->jump_mean) && fabs(p->jump_mean) < 1 &&
             isfinite(p->jump_std) && p->jump_std >= 0 && p->jump_std < 1 &&
             isfinite(p->q_jump_intensity) && p->q_jump_intensity >= 0 &&
             isfinite(p->q_jump_mean) && fabs(p->q_jump_mean) < 1 && isfinite(p->q_jump_std) &&
             p->q_jump_std >= 0 && p->q_jump_std < 1 &&
             p->nevents <= ALVH_MARKET_MAX_EVENTS;
    for (size_t i = 0; ok && i < p->nevents; ++i) {
        const alvh_market_event *e = &p->events[i];
        ok = e->row >= 1 && isfinite(e->log_return) && fabs(e->log_return) < 1 &&
             isfinite(e->variance) && e->variance >= 0 && e->variance <= 10;
    }
    return ok ? ALVH_OK : ALVH_E_MARKET_PARAM;
}

static void q_params(const alvh_market_params *p, double *kq, double *tq)
{
    *kq = p->kappa + p->lambda_v;
    *tq = p->kappa * p->theta / *kq;
}

alvh_status alvh_market_vix_coefficients(const alvh_market_params *p, double *a, double *b)
{
    alvh_status st = alvh_market_check(p);
    if (st != ALVH_OK)
        return st;
    double kq, tq;
    q_params(p, &kq, &tq);
    double x = kq * k_vix_tau;
    /* B = (1 - e^-x)/x, by expm1 so that small kappa loses no digits. */
    *b = -expm1(-x) / x;
    double kbar_q = expm1(p->q_jump_mean + 0.5 * p->q_jump_std * p->q_jump_std);
    *a = tq * (1.0 - *b) + 2.0 * p->q_jump_intensity * (kbar_q - p->q_jump_mean);
    return ALVH_OK;
}

alvh_status alvh_market_vix(const alvh_market_params *p, double v, double *vix)
{
    if (!isfinite(v) || v < 0)
        return ALVH_E_MARKET_PARAM;
    double a, b;
    alvh_status st = alvh_market_vix_coefficients(p, &a, &b);
    if (st != ALVH_OK)
        return st;
    *vix = 100.0 * sqrt(a + b * v);
    return ALVH_OK;
}

/* Mean and variance of a CIR process after t years (Cox, Ingersoll, Ross 1985, eq. 19;
 * Andersen 2008 eq. 17-18). */
static void cir_moments(double kappa, double theta, double xi, double v, double t, double *mean,
                        double *var)
{
    double e = exp(-kappa * t), one_minus_e = -expm1(-kappa * t);
    *mean = theta + (v - theta) * e;
    *var = v * xi * xi * e * one_minus_e / kappa +
           theta * xi * xi * one_minus_e * one_minus_e / (2.0 * kappa);
}

alvh_status alvh_market_variance_moments(const alvh_market_params *p, double v, double years,
                                         double *mean, double *var)
{
    alvh_status st = alvh_market_check(p);
    if (st != ALVH_OK)
        return st;
    if (!isfinite(v) || v < 0 || !isfinite(years) || years < 0)
        return ALVH_E_MARKET_PARAM;
    cir_moments(p->kappa, p->theta, p->xi, v, years, mean, var);
    return ALVH_OK;
}

alvh_status alvh_market_future(const alvh_market_params *p, double v, double years,
                               double *future)
{
    if (!isfinite(v) || v < 0 || !isfinite(years) || years < 0)
        return ALVH_E_MARKET_PARAM;
    double a, b;
    alvh_status st = alvh_market_vix_coefficients(p, &a, &b);
    if (st != ALVH_OK)
        return st;
    double kq, tq, mv, sv;
    q_params(p, &kq, &tq);
    cir_moments(kq, tq, p->xi, v, years, &mv, &sv);
    double m = a + b * mv, s2 = b * b * sv;
    /* Lognormal X with mean m, variance s2: E[sqrt X] = sqrt(m) (1 + s2/m^2)^(-1/8). */
    *future = 100.0 * sqrt(m) * pow(1.0 + s2 / (m * m), -0.125);
    return isfinite(*future) ? ALVH_OK : ALVH_E_NOT_FINITE;
}

/* ---- simulation --------------------------------------------------------------------------- */

/* serial mod 7: 0 Saturday, 1 Sunday, 2 Monday ... 6 Friday (serial 0 is 1899-12-30). */
static double weekday_on_or_after(double serial)
{
    double d = floor(serial);
    long w = (long)fmod(d, 7.0);
    if (w == 0)
        d += 2;
    else if (w == 1)
        d += 1;
    return d;
}

static double next_weekday(double serial)
{
    long w = (long)fmod(serial, 7.0);
    return serial + (w == 6 ? 3 : 1);
}

/* One QE step of the variance over dt (Andersen 2008, section 3.2.4). */
static double qe_step(normal_source *g, const alvh_market_params *p, double v, double dt)
{
    double m, s2;
    cir_moments(p->kappa, p->theta, p->xi, v, dt, &m, &s2);
    double psi = s2 / (m * m);
    if (psi <= k_qe_psi_c) {
        double inv = 2.0 / psi;
        double b2 = inv - 1.0 + sqrt(inv) * sqrt(inv - 1.0);
        double a = m / (1.0 + b2);
        double z = sqrt(b2) + normal(g);
        return a * z * z;
    }
    double pz = (psi - 1.0) / (psi + 1.0);
    double beta = (1.0 - pz) / m;
    double u = alvh_rng_uniform(&g->rng);
    return u <= pz ? 0.0 : log((1.0 - pz) / (1.0 - u)) / beta;
}

static double std_normal_cdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

alvh_status alvh_market_generate(const alvh_market_params *p, alvh_market_row *rows)
{
    alvh_status st = alvh_market_check(p);
    if (st != ALVH_OK)
        return st;
    double fut_years[ALVH_MARKET_FUTURES];
    for (size_t k = 0; k < ALVH_MARKET_FUTURES; ++k)
        fut_years[k] = alvh_market_future_days[k] / 365.0;

    normal_source g;
    memset(&g, 0, sizeof g);
    alvh_rng_seed(&g.rng, p->seed);

    const double dt = 1.0 / 365.0;
    const double kbar = expm1(p->jump_mean + 0.5 * p->jump_std * p->jump_std);
    /* Andersen (2008) eq. 33 with gamma1 = gamma2 = 1/2. */
    const double k0 = -p->rho * p->kappa * p->theta * dt / p->xi;
    const double k1 = 0.5 * dt * (p->kappa * p->rho / p->xi - 0.5) - p->rho / p->xi;
    const double k2 = 0.5 * dt * (p->kappa * p->rho / p->xi - 0.5) + p->rho / p->xi;
    const double k3 = 0.5 * dt * (1.0 - p->rho * p->rho);
    const double drift = (p->mu - p->jump_intensity * kbar) * dt;

    double date = weekday_on_or_after(p->start);
    double lns = log(p->spot), v = p->v0;
    for (size_t i = 0; i < p->days; ++i) {
        double lns_prev = lns, var_sum = 0.0;
        if (i > 0) {
            double next = next_weekday(date);
            int steps = (int)(next - date);
            date = next;
            for (int s = 0; s < steps; ++s) {
                double v_next = qe_step(&g, p, v, dt);
                double z = normal(&g);
                lns += drift + k0 + k1 * v + k2 * v_next + sqrt(k3 * (v + v_next)) * z;
                unsigned n = poisson(&g, p->jump_intensity * dt);
                if (n > 0)
                    lns += n * p->jump_mean + sqrt((double)n) * p->jump_std * normal(&g);
                var_sum += 0.5 * (v + v_next) * dt;
                v = v_next;
            }
            for (size_t e = 0; e < p->nevents; ++e)
                if (p->events[e].row == i) {
                    lns += p->events[e].log_return;
                    if (p->events[e].variance > 0)
                        v = p->events[e].variance;
                }
        }
        if (date > 2958465)
            return ALVH_E_DATE;
        alvh_market_row *r = &rows[i];
        r->date = date;
        r->spx = exp(lns);
        r->variance = v;
        st = alvh_market_vix(p, v, &r->vix);
        for (size_t k = 0; st == ALVH_OK && k < ALVH_MARKET_FUTURES; ++k)
            st = alvh_market_future(p, v, fut_years[k], &r->futures[k]);
        if (st != ALVH_OK)
            return st;
        /* Breadth: the share of issues advancing is Phi(0.8 z + 0.6 e), z the day's return in
         * units of its model standard deviation, e an idiosyncratic normal: it follows the
         * index on most days and diverges from it on some. Illustrative, not a model of breadth. */
        double z = 0.0;
        if (i > 0 && var_sum > 0)
            z = (lns - lns_prev) / sqrt(var_sum);
        double share = std_normal_cdf(0.8 * z + 0.6 * normal(&g));
        r->advancers = floor(ALVH_MARKET_ISSUES * share + 0.5);
        r->decliners = ALVH_MARKET_ISSUES - r->advancers;
        if (!isfinite(r->spx) || r->spx <= 0 || !isfinite(r->vix))
            return ALVH_E_NOT_FINITE;
    }
    return ALVH_OK;
}
