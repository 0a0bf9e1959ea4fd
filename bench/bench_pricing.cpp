// bench_pricing.cpp: ALVH's Black-Scholes/Black-76 pricer and implied vol against QuantLib's
// BlackCalculator / blackFormula / blackFormulaImpliedStdDev (libquantlib0-dev), same inputs,
// same run. Prints ns per option and the accuracy of each side.
//
//   bench_pricing [N]      (default N = 1000000 random options, fixed seed)
//
// Inputs: forward 100, strike 100 exp(m sd) with m uniform in [-3, 3] standard deviations,
// years 1 day .. 2 years (log-uniform), vol 5% .. 100% (log-uniform), rate 0 .. 5%, dividend
// yield 0 .. 3%, calls and puts alternating.
// Price + greeks: ours computes price and all seven greeks (alvh_bsm_greeks); QuantLib's
// BlackCalculator gives price, delta, gamma, vega, theta and rho (it has no vanna/volga).
// Implied vol: the price of each option at its vol is inverted by both (QuantLib with
// accuracy 1e-12 and 100 iterations); the error is against the vol that made the price.
// Price accuracy: the two prices are compared with each other (near the money both are good;
// the golden mpmath comparison is in tests/test_black.c).
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <vector>

#include <ql/pricingengines/blackcalculator.hpp>
#include <ql/pricingengines/blackformula.hpp>
#include <ql/version.hpp>

extern "C" {
#include "alvh/black.h"
#include "alvh/impvol.h"
}
#include "pricing_inputs.h"

namespace {

double seconds_since(double t0) { return bench_cpu_now() - t0; }

// Passes over the same inputs; the best (least disturbed by other processes on a shared machine)
// is reported, for both sides alike.
constexpr int kReps = 5;

}  // namespace

int main(int argc, char **argv)
{
    const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000000;
    uint64_t state = BENCH_SEED;
    std::vector<bench_option> in(n);
    for (std::size_t i = 0; i < n; ++i)
        in[i] = bench_draw(&state, i);

    // ---- price + greeks -------------------------------------------------------------------
    std::vector<double> ours(n), theirs(n);
    double sink = 0.0;
    double best_ours = 1e300, best_ql = 1e300;
    // Each pass times both sides back to back; the median of the per-pass ratios is less
    // sensitive to another process waking up than the ratio of the two bests.
    std::vector<double> greek_ratios, iv_ratios;
    for (int rep = 0; rep < kReps; ++rep) {
        double t0 = bench_cpu_now();
        for (std::size_t i = 0; i < n; ++i) {
            const bench_option &x = in[i];
            alvh_greeks g;
            alvh_bsm_greeks(x.kind, x.spot, x.strike, x.years, x.vol, x.rate, x.div, &g);
            ours[i] = g.price;
            sink += g.delta + g.gamma + g.vega + g.theta + g.rho + g.vanna + g.volga;
        }
        const double pass_ours = seconds_since(t0);
        best_ours = std::fmin(best_ours, pass_ours);
        t0 = bench_cpu_now();
        for (std::size_t i = 0; i < n; ++i) {
            const bench_option &x = in[i];
            double df = std::exp(-x.rate * x.years), dq = std::exp(-x.div * x.years);
            double fwd = x.spot * dq / df;
            QuantLib::BlackCalculator bc(x.kind > 0 ? QuantLib::Option::Call : QuantLib::Option::Put,
                                         x.strike, fwd, x.vol * std::sqrt(x.years), df);
            theirs[i] = bc.value();
            sink += bc.delta(x.spot) + bc.gamma(x.spot) + bc.vega(x.years) +
                    bc.theta(x.spot, x.years) + bc.rho(x.years);
        }
        const double pass_ql = seconds_since(t0);
        best_ql = std::fmin(best_ql, pass_ql);
        greek_ratios.push_back(pass_ql / pass_ours);
    }
    double max_rel_diff = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        if (ours[i] > 1e-3)
            max_rel_diff = std::fmax(max_rel_diff, std::fabs(ours[i] - theirs[i]) / ours[i]);

    // ---- implied vol -------------------------------------------------------------------------
    // Black-76 prices (forward = spot e^{(r-q)T}) of each option at its vol, from our pricer.
    // The error is measured where the price determines the vol to 1e-12: condition number
    // kappa = price / (vol dV/dvol) < 100 (deep in the money the price is mostly intrinsic).
    std::vector<double> fwd(n), df(n), price(n);
    std::vector<char> informative(n);
    std::size_t n_informative = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bench_option &x = in[i];
        df[i] = std::exp(-x.rate * x.years);
        fwd[i] = x.spot * std::exp((x.rate - x.div) * x.years);
        alvh_greeks g;
        alvh_black76_greeks(x.kind, fwd[i], x.strike, x.years, x.vol, x.rate, &g);
        price[i] = g.price;
        informative[i] = g.price / (g.vega * 100.0 * x.vol) < 100.0;
        n_informative += informative[i] != 0;
    }
    double iv_ours = 1e300, iv_ql = 1e300, err_ours = 0.0, err_ql = 0.0;
    long fail_ours = 0, fail_ql = 0;
    for (int rep = 0; rep < kReps; ++rep) {
        err_ours = err_ql = 0.0;
        fail_ours = fail_ql = 0;
        double t0 = bench_cpu_now();
        for (std::size_t i = 0; i < n; ++i) {
            const bench_option &x = in[i];
            double v = 0.0;
            if (alvh_black76_implied_vol(x.kind, price[i], fwd[i], x.strike, x.years, x.rate, &v) !=
                ALVH_OK) {
                ++fail_ours;
                continue;
            }
            if (informative[i])
                err_ours = std::fmax(err_ours, std::fabs(v - x.vol) / x.vol);
        }
        const double pass_ours = seconds_since(t0);
        iv_ours = std::fmin(iv_ours, pass_ours);
        t0 = bench_cpu_now();
        for (std::size_t i = 0; i < n; ++i) {
            const bench_option &x = in[i];
            try {
                double sd = QuantLib::blackFormulaImpliedStdDev(
                    x.kind > 0 ? QuantLib::Option::Call : QuantLib::Option::Put, x.strike, fwd[i],
                    price[i], df[i], 0.0, QuantLib::Null<QuantLib::Real>(), 1e-12, 100);
                double v = sd / std::sqrt(x.years);
                if (informative[i])
                    err_ql = std::fmax(err_ql, std::fabs(v - x.vol) / x.vol);
            } catch (...) {
                ++fail_ql;
            }
        }
        const double pass_ql = seconds_since(t0);
        iv_ql = std::fmin(iv_ql, pass_ql);
        iv_ratios.push_back(pass_ql / pass_ours);
    }

    std::printf("ALVH vs QuantLib %s, %zu random options (best of %d passes, process CPU time)\n",
                QL_VERSION, n, kReps);
    std::printf("price + greeks  ALVH %7.1f ns/option (price + 7 greeks)   QuantLib %7.1f ns/option "
                "(price + 5 greeks)   speed-up %.2fx\n",
                1e9 * best_ours / n, 1e9 * best_ql / n, best_ql / best_ours);
    std::printf("                max |ALVH - QuantLib| / price (prices > 1e-3): %.2g\n", max_rel_diff);
    std::printf("implied vol     ALVH %7.1f ns/option   QuantLib %7.1f ns/option (accuracy 1e-12)   "
                "speed-up %.2fx\n",
                1e9 * iv_ours / n, 1e9 * iv_ql / n, iv_ql / iv_ours);
    std::printf("                max relative vol error (%zu options with kappa < 100): ALVH %.2g "
                "(%ld failed)   QuantLib %.2g (%ld failed)\n",
                n_informative, err_ours, fail_ours, err_ql, fail_ql);
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("median of the %d per-pass speed-ups: price + greeks %.2fx, implied vol %.2fx\n",
                kReps, median(greek_ratios), median(iv_ratios));
    std::printf("(checksum %.6g)\n", sink);
    return 0;
}
