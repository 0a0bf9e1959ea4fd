/* fn_scenario.c: table rows for spike-day scenarios (ALVH_SCENARIO, ALVH_SCENARIO_GRID). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/condor.h"
#include "alvh/policy.h"
#include "alvh/scenario.h"
#include "internal.h"

/* ALVH_SCENARIO(spx_move; vix_move; ...) and ALVH_SCENARIO_GRID(spx_moves; vix_moves; ...)
 * share their positions; everything after the moves is the same: days; legs; hedge; spot;
 * vix_spot; [policy]; [vov_move]; [rate]; [div_yield]. */
enum { SCN_SPX_MOVE, SCN_VIX_MOVE, SCN_DAYS, SCN_LEGS, SCN_HEDGE, SCN_SPOT, SCN_VIX_SPOT,
       SCN_POLICY, SCN_VOV_MOVE, SCN_RATE, SCN_DIV_YIELD, SCN_NARGS };

/* What both functions read after the moves. */
typedef struct {
    alvh_policy policy;
    alvh_leg *legs;
    size_t nlegs;
    alvh_vix_call *hedge;
    size_t nhedge;
    alvh_scenario_market market;
    double days, vov_move;
} scenario_args;

static void scenario_args_free(scenario_args *s)
{
    free(s->legs);
    free(s->hedge);
    s->legs = NULL;
    s->hedge = NULL;
}

static alvh_status arg_scenario(const alvh_value *a, scenario_args *s, alvh_result *out)
{
    memset(s, 0, sizeof *s);
    s->days = a[SCN_DAYS].number;
    s->market.spot = a[SCN_SPOT].number;
    s->market.vix_spot = a[SCN_VIX_SPOT].number;
    s->vov_move = a[SCN_VOV_MOVE].number;
    s->market.rate = a[SCN_RATE].number;
    s->market.div_yield = a[SCN_DIV_YIELD].number;
    if (!(isfinite(s->days) && s->days >= 0.0))
        return alvh_fail_value(out, ALVH_E_DAYS, s->days);
    if (!(isfinite(s->market.spot) && s->market.spot > 0.0))
        return alvh_fail_value(out, ALVH_E_SPOT, s->market.spot);
    if (!(isfinite(s->market.vix_spot) && s->market.vix_spot > 0.0))
        return alvh_fail(out, ALVH_E_SPOT, "vix_spot must be a positive VIX level in points, got "
                         "%.15g", s->market.vix_spot);
    if (!isfinite(s->vov_move))
        return alvh_fail(out, ALVH_E_MOVE, "vov_move must be a finite change of vol of vol "
                         "(decimal), got %.15g", s->vov_move);
    if (!isfinite(s->market.rate))
        return alvh_fail_value(out, ALVH_E_RATE, s->market.rate);
    if (!isfinite(s->market.div_yield))
        return alvh_fail_value(out, ALVH_E_DIV_YIELD, s->market.div_yield);
    alvh_status st = alvh_arg_policy(&a[SCN_POLICY], &s->policy, out);
    if (st == ALVH_OK)
        st = alvh_arg_legs(&a[SCN_LEGS], "legs", &s->legs, &s->nlegs, out);
    if (st == ALVH_OK)
        st = alvh_arg_hedge(&a[SCN_HEDGE], "hedge", &s->policy, &s->hedge, &s->nhedge, out);
    if (st != ALVH_OK)
        scenario_args_free(s);
    return st;
}

/* One scenario; a failure gets a sentence naming the move. */
static alvh_status run(const scenario_args *s, double spx_move, double vix_move,
                       alvh_scenario_pnl *pnl, alvh_result *out)
{
    alvh_shock shock = {spx_move, vix_move, s->days, s->vov_move};
    if (!(isfinite(spx_move) && spx_move > -1.0))
        return alvh_fail(out, ALVH_E_MOVE, "spx_move must be a fraction above -1 (-0.05 is down "
                         "5%%), got %.15g", spx_move);
    if (!(isfinite(vix_move) && s->market.vix_spot + vix_move > 0.0))
        return alvh_fail(out, ALVH_E_MOVE, "vix_move must leave VIX positive (vix_spot %.15g), "
                         "got %.15g", s->market.vix_spot, vix_move);
    alvh_status st = alvh_scenario(&shock, s->legs, s->nlegs, s->hedge, s->nhedge, &s->market,
                                   &s->policy, pnl);
    if (st == ALVH_E_MOVE)
        return alvh_fail(out, st, "the shock SPX %+.15g, VIX %+.15g makes a leg's vol, a VIX "
                         "future or a vol of vol negative (policy backtest.vol_beta/skew, "
                         "vov_move)", spx_move, vix_move);
    if (st == ALVH_E_BETA)
        return alvh_fail(out, st, "the policy's beta_weight, beta_fast, beta_slow are out of "
                         "range");
    return st;
}

static alvh_status eval_scenario(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    scenario_args s;
    alvh_status st = arg_scenario(a, &s, out);
    if (st != ALVH_OK)
        return st;
    alvh_scenario_pnl pnl;
    st = run(&s, a[SCN_SPX_MOVE].number, a[SCN_VIX_MOVE].number, &pnl, out);
    scenario_args_free(&s);
    if (st != ALVH_OK)
        return st;
    st = alvh_result_alloc(out, 1, 4);
    if (st != ALVH_OK)
        return st;
    alvh_result_set_number(out, 0, 0, pnl.condor);
    alvh_result_set_number(out, 0, 1, pnl.hedge);
    alvh_result_set_number(out, 0, 2, pnl.net);
    if (pnl.has_ratio)
        alvh_result_set_number(out, 0, 3, pnl.ratio); /* else stays empty: #N/A */
    return ALVH_OK;
}

static alvh_status eval_grid(const alvh_value *a, size_t nargs, alvh_result *out)
{
    (void)nargs;
    double *sx = NULL, *vx = NULL;
    size_t ns = 0, nv = 0;
    alvh_status st = alvh_arg_vector(&a[SCN_SPX_MOVE], "spx_moves", 1, &sx, &ns, out);
    if (st == ALVH_OK)
        st = alvh_arg_vector(&a[SCN_VIX_MOVE], "vix_moves", 1, &vx, &nv, out);
    scenario_args s;
    memset(&s, 0, sizeof s);
    if (st == ALVH_OK)
        st = arg_scenario(a, &s, out);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, ns, nv);
    for (size_t i = 0; i < ns && st == ALVH_OK; ++i)
        for (size_t j = 0; j < nv && st == ALVH_OK; ++j) {
            alvh_scenario_pnl pnl;
            st = run(&s, sx[i], vx[j], &pnl, out);
            if (st == ALVH_OK)
                alvh_result_set_number(out, i, j, pnl.net);
        }
    scenario_args_free(&s);
    free(sx);
    free(vx);
    return st;
}

#define SCENARIO_TAIL_SPECS                                                                       \
    [SCN_DAYS] = {"days", "Calendar days that pass with the shock (0: instantaneous; 1: a spike "  \
                  "day)", ALVH_ARG_NUMBER, 0, 0, NULL},                                           \
    [SCN_LEGS] = {"legs", "The SPX book: legs range, columns type, strike, quantity (+ long, - "   \
                  "short), years, vol (IC_LEGS' output works)", ALVH_ARG_RANGE, 0, 0, NULL},      \
    [SCN_HEDGE] = {"hedge", "VIX calls held: columns future, strike, contracts, years, "          \
                   "vol_of_vol (one row per layer), or ALVH_SCHEDULE's 13-column output",         \
                   ALVH_ARG_RANGE, 0, 0, NULL},                                                   \
    [SCN_SPOT] = {"spot", "SPX now, points (5000)", ALVH_ARG_NUMBER, 0, 0, NULL},                 \
    [SCN_VIX_SPOT] = {"vix_spot", "Spot VIX now, points (16)", ALVH_ARG_NUMBER, 0, 0, NULL},      \
    [SCN_POLICY] = {"policy", "Policy: JSON text, a JSON file path, or a 2-column range of "       \
                    "key/value rows (backtest.vol_beta and backtest.skew move the SPX vols; "     \
                    "beta_* move the VIX futures; multipliers; rate)", ALVH_ARG_RANGE, 1, 0,     \
                    NULL},                                                                        \
    [SCN_VOV_MOVE] = {"vov_move", "Change of every VIX option's vol of vol, decimal (+0.3 = 30 "  \
                      "points); 0 holds it", ALVH_ARG_NUMBER, 1, 0, NULL},                        \
    [SCN_RATE] = {"rate", "SPX legs' risk-free rate, continuous decimal (0.045)", ALVH_ARG_NUMBER, \
                  1, 0, NULL},                                                                    \
    [SCN_DIV_YIELD] = {"div_yield", "SPX dividend yield, continuous decimal (0.013)",             \
                       ALVH_ARG_NUMBER, 1, 0, NULL}

static const alvh_arg_spec k_scenario_args[] = {
    [SCN_SPX_MOVE] = {"spx_move", "SPX move as a fraction of spot: -0.05 is down 5%",
                      ALVH_ARG_NUMBER, 0, 0, NULL},
    [SCN_VIX_MOVE] = {"vix_move", "Spot VIX move in points: 8 is VIX 16 -> 24", ALVH_ARG_NUMBER,
                      0, 0, NULL},
    SCENARIO_TAIL_SPECS,
};
ALVH_CHECK_ARGS(k_scenario_args, SCN_NARGS);

static const alvh_arg_spec k_grid_args[] = {
    [SCN_SPX_MOVE] = {"spx_moves", "SPX moves, fractions of spot, a row or column (-0.06 .. "
                      "0.02)", ALVH_ARG_RANGE, 0, 0, NULL},
    [SCN_VIX_MOVE] = {"vix_moves", "Spot VIX moves, points, a row or column (-2 .. 20)",
                      ALVH_ARG_RANGE, 0, 0, NULL},
    SCENARIO_TAIL_SPECS,
};
ALVH_CHECK_ARGS(k_grid_args, SCN_NARGS);

#define SCEN_LEGS                                                                                 \
    "[[\"P\",4750,1,0.0821917808219178,0.19],[\"P\",4800,-1,0.0821917808219178,0.175],"          \
    "[\"C\",5225,-1,0.0821917808219178,0.12],[\"C\",5275,1,0.0821917808219178,0.115]]"
#define SCEN_HEDGE "[[17.2,18,1,0.0547945205479452,0.9],[18.4,20,1,0.134246575342466,0.8]]"

const alvh_func alvh_fn_scenario[] = {
    {"ALVH_SCENARIO", "Scenario",
     "Spike-day scenario: an SPX book and its VIX call hedge repriced together after SPX and VIX "
     "moves and some days",
     "A row of 4: condor P&L ($), hedge P&L ($), net P&L ($), and hedge gain / condor loss (#N/A "
     "when the condor does not lose). SPX vols shift by the policy's vol_beta and skew, each VIX "
     "future by its tenor's beta, vol of vol by vov_move",
     ALVH_SHAPE_ROW, ALVH_ROW_ARGS(k_scenario_args), eval_scenario,
     "-0.03\t8\t1\t" SCEN_LEGS "\t" SCEN_HEDGE "\t5000\t16\n"
     "-0.06\t20\t1\t" SCEN_LEGS "\t" SCEN_HEDGE "\t5000\t16\t{\"backtest\":{\"skew\":4}}\t0.3\t0.045"
     "\t0.013\n"
     "0\t0\t0\t" SCEN_LEGS "\t" SCEN_HEDGE "\t5000\t16\n"},
    {"ALVH_SCENARIO_GRID", "Scenario",
     "Net P&L of an SPX book and its VIX hedge for every pair of SPX and VIX moves: a heat map",
     "A matrix in dollars, one row per spx_moves item and one column per vix_moves item: the net "
     "P&L (condor + hedge) as ALVH_SCENARIO computes it",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_grid_args), eval_grid,
     "[-0.06,-0.03,0]\t[[0,8,20]]\t1\t" SCEN_LEGS "\t" SCEN_HEDGE "\t5000\t16\n"
     "[[-0.05,0.02]]\t[[5,-2]]\t0\t" SCEN_LEGS "\t" SCEN_HEDGE "\t5000\t16\t\t0.2\t0.045\t0.013\n"},
};
ALVH_DEFINE_GROUP_COUNT(scenario);
