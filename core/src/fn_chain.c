/* fn_chain.c: the table rows of option chains (category Chain): CBOE's quote table download
 * opened in or pasted into a sheet (alvh_arg_chain) read as `alvh chain FILE` reads the file,
 * and the same tables: one row per expiry and root (CHAIN_SUMMARY), one expiry's smile
 * (CHAIN_SMILE), a condor from the quotes (CHAIN_CONDOR); and one strike's pair
 * (PARITY_FORWARD, CONVERSION). The engine is chain*.c
 * (alvh/chain.h states the rules; docs/chains.md the layout and the methods). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/chain.h"
#include "internal.h"

/* The optional root argument: NULL when omitted or blank. */
static const char *root_arg(const alvh_value *v)
{
    return v->kind == ALVH_TEXT && v->text[0] != '\0' ? v->text : NULL;
}

/* A number cell, left empty (#N/A) when ok is false. */
static void set_if(alvh_result *out, size_t r, size_t c, int ok, double x)
{
    if (ok && isfinite(x))
        alvh_result_set_number(out, r, c, x);
}

/* ---- CHAIN_SUMMARY(chain; [root]) ------------------------------------------------------------ */

enum { SUM_CHAIN, SUM_ROOT, SUM_NARGS };
enum { SC_EXPIRY, SC_ROOT, SC_DAYS, SC_FORWARD, SC_DISCOUNT, SC_ATM_IV, SC_QUOTES, SC_RATE,
       SC_DIV_YIELD, SC_PAIRS, SC_OUTLIERS, SC_STATUS, SC_COLS };

static alvh_status summary_row(const alvh_chain *c, size_t g, size_t r, alvh_result *out)
{
    const alvh_chain_group *x = &c->groups[g];
    alvh_chain_summary s;
    alvh_status st = alvh_chain_summarize(c, g, &s);
    const int ok = st == ALVH_OK;
    alvh_result_set_number(out, r, SC_EXPIRY, x->expiry);
    alvh_status w = alvh_result_set_text(out, r, SC_ROOT, x->root);
    alvh_result_set_number(out, r, SC_DAYS, x->years * 365.0);
    set_if(out, r, SC_FORWARD, ok, s.parity.forward);
    set_if(out, r, SC_DISCOUNT, ok, s.parity.discount);
    set_if(out, r, SC_ATM_IV, ok && s.atm_status == ALVH_OK, s.atm_vol);
    alvh_result_set_number(out, r, SC_QUOTES, (double)x->count);
    set_if(out, r, SC_RATE, ok, s.rate);
    set_if(out, r, SC_DIV_YIELD, ok && !x->on_future, s.div_yield);
    set_if(out, r, SC_PAIRS, ok, (double)s.parity.pairs);
    set_if(out, r, SC_OUTLIERS, ok, (double)s.parity.outliers);
    if (w == ALVH_OK)
        w = alvh_result_set_text(out, r, SC_STATUS, alvh_status_name(st));
    return w;
}

static alvh_status eval_chain_summary(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_chain c;
    alvh_status st = alvh_arg_chain(&a[SUM_CHAIN], "chain", &c, out);
    if (st != ALVH_OK)
        return st;
    const char *root = root_arg(&a[SUM_ROOT]);
    size_t rows = 0;
    for (size_t g = 0; g < c.ngroups; ++g)
        rows += !root || strcmp(root, c.groups[g].root) == 0;
    if (rows == 0)
        st = alvh_fail(out, ALVH_E_CHAIN_ROOT, "root: the chain lists no options of root \"%.20s\"",
                       root ? root : "");
    else
        st = alvh_result_alloc(out, rows, SC_COLS);
    for (size_t g = 0, r = 0; st == ALVH_OK && g < c.ngroups; ++g)
        if (!root || strcmp(root, c.groups[g].root) == 0)
            st = summary_row(&c, g, r++, out);
    alvh_chain_free(&c);
    return st;
}

/* ---- CHAIN_SMILE(chain; expiry; [root]) ------------------------------------------------------ */

enum { SML_CHAIN, SML_EXPIRY, SML_ROOT, SML_NARGS };
enum { SM_STRIKE, SM_SIDE, SM_BID, SM_ASK, SM_MID, SM_IV, SM_DELTA, SM_IV_BID, SM_IV_ASK,
       SM_CBOE_IV, SM_STATUS, SM_COLS };

/* The group of an expiry date and optional root, with sentences naming the arguments. */
static alvh_status find_group(const alvh_chain *c, double expiry, const char *root, size_t *g,
                              alvh_result *out)
{
    alvh_status st = alvh_chain_find(c, expiry, root, g);
    if (st == ALVH_E_CHAIN_EXPIRY)
        return alvh_fail(out, st, "expiry: the chain lists no options expiring on serial date "
                         "%.15g%s%s", expiry, root ? " of root " : "", root ? root : "");
    if (st == ALVH_E_CHAIN_ROOT)
        return alvh_fail(out, st, "root: several roots list that expiry (e.g. SPX and SPXW on a "
                         "monthly date): give root, e.g. \"SPX\" or \"SPXW\"");
    return st;
}

static void smile_row(const alvh_chain *c, const alvh_chain_group *x, size_t i,
                      const alvh_smile_point *p, alvh_result *out)
{
    const double *cboe = p->kind == ALVH_CALL ? c->call.iv : c->put.iv;
    alvh_result_set_number(out, i, SM_STRIKE, p->strike);
    (void)alvh_result_set_text(out, i, SM_SIDE, p->kind == ALVH_CALL ? "C" : "P");
    alvh_result_set_number(out, i, SM_BID, p->bid);
    alvh_result_set_number(out, i, SM_ASK, p->ask);
    set_if(out, i, SM_MID, p->status == ALVH_OK, p->mid);
    set_if(out, i, SM_IV, p->status == ALVH_OK, p->iv);
    set_if(out, i, SM_DELTA, p->status == ALVH_OK, p->delta);
    set_if(out, i, SM_IV_BID, p->status_bid == ALVH_OK, p->iv_bid);
    set_if(out, i, SM_IV_ASK, p->status_ask == ALVH_OK, p->iv_ask);
    set_if(out, i, SM_CBOE_IV, cboe[x->first + i] > 0.0, cboe[x->first + i]);
    (void)alvh_result_set_text(out, i, SM_STATUS, alvh_status_name(p->status));
}

static alvh_status eval_chain_smile(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    alvh_chain c;
    alvh_status st = alvh_arg_chain(&a[SML_CHAIN], "chain", &c, out);
    if (st != ALVH_OK)
        return st;
    size_t g = 0;
    alvh_chain_summary s;
    alvh_smile_point *p = NULL;
    st = find_group(&c, a[SML_EXPIRY].number, root_arg(&a[SML_ROOT]), &g, out);
    if (st == ALVH_OK) {
        st = alvh_chain_summarize(&c, g, &s);
        if (st != ALVH_OK)
            st = alvh_fail(out, st, "the expiry's forward from put-call parity: %s",
                           alvh_status_message(st));
    }
    alvh_quotes q = alvh_chain_quotes(&c, g);
    if (st == ALVH_OK && !(p = malloc(q.n * sizeof *p)))
        st = alvh_fail(out, ALVH_E_NO_MEMORY, NULL);
    if (st == ALVH_OK)
        st = alvh_chain_smile(&q, s.parity.forward, s.parity.discount, c.groups[g].years, p);
    if (st == ALVH_OK)
        st = alvh_result_alloc(out, q.n, SM_COLS);
    for (size_t i = 0; st == ALVH_OK && i < q.n; ++i)
        smile_row(&c, &c.groups[g], i, &p[i], out);
    free(p);
    alvh_chain_free(&c);
    return st;
}

/* ---- CHAIN_CONDOR(chain; dte; short_delta; wing; [root]) ------------------------------------- */

enum { CND_CHAIN, CND_DTE, CND_DELTA, CND_WING, CND_ROOT, CND_NARGS };

/* The key/value rows, in the order `alvh chain FILE --condor` prints them. */
static alvh_status condor_rows(const alvh_chain_group *x, const alvh_chain_summary *s,
                               const alvh_chain_condor *k, alvh_result *out)
{
    const struct { const char *key; double value; int shown; } kv[] = {
        {"expiry", x->expiry, 1}, {"root", 0, 1}, {"days", x->years * 365.0, 1},
        {"forward", s->parity.forward, 1}, {"discount", s->parity.discount, 1},
        {"short_put", k->strikes[1], 1}, {"long_put", k->strikes[0], 1},
        {"short_call", k->strikes[2], 1}, {"long_call", k->strikes[3], 1},
        {"put_wing", k->put_wing, 1}, {"call_wing", k->call_wing, 1},
        {"credit_mid", k->credit_mid, 1}, {"credit_natural", k->credit_natural, 1},
        {"max_loss", k->max_loss, 1}, {"max_loss_natural", k->max_loss_natural, 1},
        {"breakeven_lower", k->breakeven_lower, k->breakeven_lower > 0.0},
        {"breakeven_upper", k->breakeven_upper, k->breakeven_upper > 0.0},
        {"delta", k->pos_delta, 1}, {"gamma", k->pos_gamma, 1}, {"vega", k->pos_vega, 1},
        {"theta", k->pos_theta, 1},
        {"short_put_iv", k->vol[1], 1}, {"short_put_delta", k->delta[1], 1},
        {"long_put_iv", k->vol[0], 1}, {"long_put_delta", k->delta[0], 1},
        {"short_call_iv", k->vol[2], 1}, {"short_call_delta", k->delta[2], 1},
        {"long_call_iv", k->vol[3], 1}, {"long_call_delta", k->delta[3], 1},
    };
    const size_t n = sizeof kv / sizeof kv[0];
    alvh_status st = alvh_result_alloc(out, n, 2);
    for (size_t i = 0; st == ALVH_OK && i < n; ++i) {
        st = alvh_result_set_text(out, i, 0, kv[i].key);
        if (st == ALVH_OK && i == 1)
            st = alvh_result_set_text(out, i, 1, x->root);
        else
            set_if(out, i, 1, kv[i].shown, kv[i].value);
    }
    return st;
}

static alvh_status eval_chain_condor(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    const double dte = a[CND_DTE].number, delta = a[CND_DELTA].number, wing = a[CND_WING].number;
    if (!(dte > 0.0 && isfinite(dte)))
        return alvh_fail(out, ALVH_E_ARGUMENT, "dte must be a positive number of calendar days, "
                         "got %.15g", dte);
    alvh_chain c;
    alvh_status st = alvh_arg_chain(&a[CND_CHAIN], "chain", &c, out);
    if (st != ALVH_OK)
        return st;
    size_t g = 0;
    st = alvh_chain_nearest(&c, dte, root_arg(&a[CND_ROOT]), &g);
    if (st != ALVH_OK)
        st = alvh_fail(out, st, "root: the chain has no unsettled expiry%s%s",
                       root_arg(&a[CND_ROOT]) ? " of root " : "",
                       root_arg(&a[CND_ROOT]) ? root_arg(&a[CND_ROOT]) : "");
    alvh_chain_summary s;
    if (st == ALVH_OK && (st = alvh_chain_summarize(&c, g, &s)) != ALVH_OK)
        st = alvh_fail(out, st, "the expiry's forward from put-call parity: %s",
                       alvh_status_message(st));
    alvh_chain_condor k;
    if (st == ALVH_OK) {
        alvh_quotes q = alvh_chain_quotes(&c, g);
        st = alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount, c.groups[g].years,
                                    delta, wing, &k);
        if (st == ALVH_E_SHORT_DELTA || st == ALVH_E_WING)
            st = alvh_fail(out, st, "%s must be %s, got %.15g",
                           st == ALVH_E_WING ? "wing" : "short_delta",
                           st == ALVH_E_WING ? "a positive number of index points"
                                             : "between 0 and 0.5 (0.16 = 16 delta)",
                           st == ALVH_E_WING ? wing : delta);
        else if (st != ALVH_OK)
            st = alvh_fail(out, st, "the condor from the quotes (short_delta %.15g, wing %.15g): "
                           "%s", delta, wing, alvh_status_message(st));
    }
    if (st == ALVH_OK)
        st = condor_rows(&c.groups[g], &s, &k, out);
    alvh_chain_free(&c);
    return st;
}

/* ---- one strike's pair: PARITY_FORWARD, CONVERSION ------------------------------------------- */

enum { PF_CALL, PF_PUT, PF_STRIKE, PF_DISCOUNT, PF_NARGS };

static alvh_status eval_parity_forward(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double f = 0.0;
    alvh_status st = alvh_parity_forward(a[PF_CALL].number, a[PF_PUT].number,
                                         a[PF_STRIKE].number, a[PF_DISCOUNT].number, &f);
    if (st == ALVH_E_ARGUMENT)
        return alvh_fail(out, st, "discount must be a discount factor between 0 and 2 "
                         "(e^(-rate x years), e.g. 0.995), got %.15g", a[PF_DISCOUNT].number);
    if (st == ALVH_E_CHAIN_PARITY)
        return alvh_fail(out, st, "the pair implies a forward of %.15g, not positive: strike "
                         "%.15g + (call %.15g - put %.15g) / discount %.15g",
                         a[PF_STRIKE].number + (a[PF_CALL].number - a[PF_PUT].number) /
                                                   a[PF_DISCOUNT].number,
                         a[PF_STRIKE].number, a[PF_CALL].number, a[PF_PUT].number,
                         a[PF_DISCOUNT].number);
    if (st == ALVH_OK)
        alvh_result_number(out, f);
    return st;
}

enum { CV_CALL, CV_PUT, CV_SPOT, CV_STRIKE, CV_YEARS, CV_RATE, CV_DIV_YIELD, CV_NARGS };

static alvh_status eval_conversion(const alvh_value *a, size_t n, alvh_result *out)
{
    (void)n;
    double v = 0.0;
    alvh_status st = alvh_parity_conversion(a[CV_CALL].number, a[CV_PUT].number,
                                            a[CV_SPOT].number, a[CV_STRIKE].number,
                                            a[CV_YEARS].number, a[CV_RATE].number,
                                            a[CV_DIV_YIELD].number, &v);
    if (st == ALVH_E_PRICE)
        return alvh_fail(out, st, "call and put must be prices >= 0, got call %.15g, put %.15g",
                         a[CV_CALL].number, a[CV_PUT].number);
    if (st == ALVH_OK)
        alvh_result_number(out, v);
    return st;
}

/* ---- argument specs and rows ------------------------------------------------------------------ */

#define ARG_CHAIN                                                                             \
    {"chain", "CBOE's quote table download (quotedata.csv) as opened in or pasted into the "   \
     "sheet: the range from its first line (the underlying and Last) to its last quote row",  \
     ALVH_ARG_RANGE, 0, 0, NULL}
#define ARG_ROOT(what)                                                                        \
    {"root", "Option root, e.g. \"SPX\" (AM-settled monthlies) or \"SPXW\" (PM); " what,      \
     ALVH_ARG_TEXT, 1, 0, NULL}

static const alvh_arg_spec k_summary_args[] = {
    [SUM_CHAIN] = ARG_CHAIN,
    [SUM_ROOT] = ARG_ROOT("empty: every root"),
};
ALVH_CHECK_ARGS(k_summary_args, SUM_NARGS);

static const alvh_arg_spec k_smile_args[] = {
    [SML_CHAIN] = ARG_CHAIN,
    [SML_EXPIRY] = {"expiry", "The expiration date (a date, e.g. =DATE(2023;10;20))",
                    ALVH_ARG_NUMBER, 0, 0, NULL},
    [SML_ROOT] = ARG_ROOT("required when two roots list the date"),
};
ALVH_CHECK_ARGS(k_smile_args, SML_NARGS);

static const alvh_arg_spec k_condor_args[] = {
    [CND_CHAIN] = ARG_CHAIN,
    [CND_DTE] = {"dte", "Days to expiry wanted: the unsettled expiry nearest it is used, e.g. 45",
                 ALVH_ARG_NUMBER, 0, 0, NULL},
    [CND_DELTA] = {"short_delta", "Delta of the short strikes, unsigned decimal, e.g. 0.16",
                   ALVH_ARG_NUMBER, 0, 0, NULL},
    [CND_WING] = {"wing", "Wing width, index points: the long strikes are the listed strikes "
                  "nearest this far beyond the shorts, e.g. 50", ALVH_ARG_NUMBER, 0, 0, NULL},
    [CND_ROOT] = ARG_ROOT("empty: any root"),
};
ALVH_CHECK_ARGS(k_condor_args, CND_NARGS);

static const alvh_arg_spec k_parity_forward_args[] = {
    [PF_CALL] = {"call", "Call price at the strike, index points (a mid), e.g. 83.95",
                 ALVH_ARG_NUMBER, 0, 0, NULL},
    [PF_PUT] = {"put", "Put price at the same strike and expiry, e.g. 69.15", ALVH_ARG_NUMBER,
                0, 0, NULL},
    [PF_STRIKE] = {"strike", "The strike, index points, e.g. 4500", ALVH_ARG_NUMBER, 0, 0, NULL},
    [PF_DISCOUNT] = {"discount", "Discount factor to the expiry's settlement, e^(-rate x "
                     "years), e.g. 0.9955 (CHAIN_SUMMARY's)", ALVH_ARG_NUMBER, 0, 0, NULL},
};
ALVH_CHECK_ARGS(k_parity_forward_args, PF_NARGS);

static const alvh_arg_spec k_conversion_args[] = {
    [CV_CALL] = {"call", "Call price at the strike, index points, e.g. 83.95", ALVH_ARG_NUMBER,
                 0, 0, NULL},
    [CV_PUT] = {"put", "Put price at the same strike and expiry, e.g. 69.15", ALVH_ARG_NUMBER, 0,
                0, NULL},
    [CV_SPOT] = {"spot", "The underlying now, index points, e.g. 4510.2", ALVH_ARG_NUMBER, 0, 0,
                 NULL},
    [CV_STRIKE] = {"strike", "The strike, index points, e.g. 4500", ALVH_ARG_NUMBER, 0, 0, NULL},
    [CV_YEARS] = {"years", "Time to settlement in years, ACT/365, e.g. 0.0979", ALVH_ARG_NUMBER,
                  0, 0, NULL},
    [CV_RATE] = {"rate", "Risk-free rate, continuous decimal (0.045)", ALVH_ARG_NUMBER, 1, 0,
                 NULL},
    [CV_DIV_YIELD] = {"div_yield", "Dividend yield, continuous decimal (0.013)", ALVH_ARG_NUMBER,
                      1, 0, NULL},
};
ALVH_CHECK_ARGS(k_conversion_args, CV_NARGS);

/* A one-expiry SPX chain in CBOE's layout (quotes of a smile near 13.5% at the money), as Calc shows quotedata.csv (rows = lines; a range
 * is rectangular, so the first two lines end in empty cells). */
#define PAD5 ",\"\",\"\",\"\",\"\",\"\""
#define PAD(n) PAD_##n
#define PAD_20 PAD5 PAD5 PAD5 PAD5
#define PAD_21 PAD5 PAD5 PAD5 PAD5 ",\"\""
#define CHAIN_EXAMPLE                                                                         \
    "[[\"S&P 500 INDEX\",\"Last: 4510.2\"" PAD(20) "],"                                       \
    "[\"Date: September 14, 2023 at 4:00 PM EDT\"" PAD(21) "],"                                \
    "[\"Expiration Date\",\"Calls\",\"Last Sale\",\"Net\",\"Bid\",\"Ask\",\"Volume\",\"IV\","  \
    "\"Delta\",\"Gamma\",\"Open Interest\",\"Strike\",\"Puts\",\"Last Sale\",\"Net\","        \
    "\"Bid\",\"Ask\",\"Volume\",\"IV\",\"Delta\",\"Gamma\",\"Open Interest\"],"               \
    CHAIN_ROW("4250", "04250000", "271.2", "276.7", "10.05", "10.25") ","                     \
    CHAIN_ROW("4300", "04300000", "227.3", "231.9", "15.4", "15.7") ","                       \
    CHAIN_ROW("4350", "04350000", "185.8", "189.55", "23.2", "23.65") ","                     \
    CHAIN_ROW("4400", "04400000", "147.45", "150.45", "34.1", "34.8") ","                     \
    CHAIN_ROW("4450", "04450000", "113", "115.3", "48.95", "49.95") ","                       \
    CHAIN_ROW("4500", "04500000", "83.2", "84.9", "68.45", "69.85") ","                       \
    CHAIN_ROW("4550", "04550000", "58.5", "59.7", "93", "94.9") ","                           \
    CHAIN_ROW("4600", "04600000", "39", "39.8", "122.8", "125.3") ","                         \
    CHAIN_ROW("4650", "04650000", "24.55", "25.05", "157.6", "160.8") ","                     \
    CHAIN_ROW("4700", "04700000", "14.45", "14.75", "196.8", "200.8") ","                     \
    CHAIN_ROW("4750", "04750000", "7.95", "8.1", "239.55", "244.4") ","                       \
    CHAIN_ROW("4800", "04800000", "4.05", "4.15", "284.9", "290.65") "]"
#define CHAIN_ROW(k, code, cb, ca, pb, pa)                                                    \
    "[\"Fri Oct 20 2023\",\"SPX231020C" code "\",0,0," cb "," ca ",0,0,0,0,0," k              \
    ",\"SPX231020P" code "\",0,0," pb "," pa ",0,0,0,0,0]"

const alvh_func alvh_fn_chain[] = {
    {"CHAIN_SUMMARY", "Chain",
     "One row per expiry and root of a pasted CBOE option chain: the forward and discount "
     "factor from put-call parity, the carry they imply, the at-the-money vol",
     "Rows of 12 columns: expiry (date), root, days to settlement, forward (points), discount "
     "factor, at-the-money implied vol (decimal), quotes (strikes), rate and dividend yield "
     "(continuous decimals; no dividend yield for VIX), pairs fitted, outliers, status (OK, or "
     "why the expiry has no forward: SETTLED, CHAIN_PAIRS ...); empty where there is no value",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_summary_args), eval_chain_summary,
     CHAIN_EXAMPLE "\n" CHAIN_EXAMPLE "\tSPX\n"},
    {"CHAIN_SMILE", "Chain",
     "The smile of one expiry of a pasted CBOE option chain: each strike's out-of-the-money "
     "option (puts below the parity forward, calls at or above) and its Black-76 implied vols",
     "Rows of 11 columns: strike, side (P/C), bid, ask, mid (points), implied vol from the mid, "
     "delta at it, implied vols from the bid and from the ask (decimals), CBOE's IV column, "
     "status (OK, NO_QUOTE, CROSSED_QUOTE, BELOW_INTRINSIC ...); empty where there is no value",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_smile_args), eval_chain_smile,
     CHAIN_EXAMPLE "\t45219\n" CHAIN_EXAMPLE "\t45219\tSPX\n"},
    {"CHAIN_CONDOR", "Chain",
     "A short iron condor picked from a pasted CBOE option chain: the expiry nearest dte days, "
     "listed short strikes nearest short_delta (each at its own implied vol), wings beyond",
     "Two columns of key/value rows: expiry (date), root, days, forward, discount, the four "
     "strikes, the wings obtained, credit at mid and natural (sell at the bid, buy at the ask) "
     "and max losses (index points per condor), break-evens, the position's delta, gamma, vega, "
     "theta, each leg's implied vol and delta",
     ALVH_SHAPE_MATRIX, ALVH_ROW_ARGS(k_condor_args), eval_chain_condor,
     CHAIN_EXAMPLE "\t36\t0.16\t50\n" CHAIN_EXAMPLE "\t36\t0.3\t100\tSPX\n"},
    {"PARITY_FORWARD", "Chain",
     "The forward one strike's call and put imply by put-call parity, F = K + (C - P) / D",
     "Forward, index points", ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_parity_forward_args),
     eval_parity_forward, "83.95\t69.15\t4500\t0.99553\n1.525\t99.85\t4600\t0.9985\n"},
    {"CONVERSION", "Chain",
     "The value of a conversion at one strike (long the underlying and the put, short the call): "
     "K e^(-rT) - S e^(-qT) + C - P; a reversal is worth minus it",
     "Index points per unit: > 0, the calls are rich against the puts; 0 when parity holds",
     ALVH_SHAPE_SCALAR, ALVH_ROW_ARGS(k_conversion_args), eval_conversion,
     "83.95\t69.15\t4510.2\t4500\t0.0979\t0.0457\t0.0349\n10\t5\t100\t100\t1\t0.05\t0.02\n"},
};
ALVH_DEFINE_GROUP_COUNT(chain);
