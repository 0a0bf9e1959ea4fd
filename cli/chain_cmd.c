/* chain_cmd.c: `alvh chain FILE ...`, a thin shell over the chain engine (alvh/chain.h): reads
 * CBOE's quote table download and prints tab-separated tables, header first (docs/chains.md):
 *
 *   alvh chain FILE [--root R]                        one line per expiry and root
 *   alvh chain FILE --expiry YYYY-MM-DD [--root R]    the smile of one expiry
 *   alvh chain FILE --condor --dte N --delta D --wing W [--root R]     key<TAB>value lines
 *   alvh chain FILE --hedge --notional N --condor-vega V [--price mid|ask] [--policy P]
 *                           [--futures MARKET.csv]    the layer schedule priced on VIX quotes
 *
 * Numbers print with 10 significant digits; a value that does not exist is an empty field and
 * its status says why. Exit status: 0 done, 1 the file or the computation failed, 2 usage. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/black.h"
#include "alvh/chain.h"
#include "alvh/dates.h"
#include "alvh/marketfile.h"
#include "alvh/policy.h"
#include "cli.h"

typedef struct chain_args {
    const char *file, *expiry, *root, *price, *policy, *futures;
    int condor, hedge;
    double dte, delta, wing, notional, condor_vega;
    int have_dte, have_delta, have_wing, have_notional, have_vega;
} chain_args;

static void chain_usage(FILE *f)
{
    fprintf(f,
            "usage: alvh chain FILE [--root R]                      one line per expiry and root\n"
            "       alvh chain FILE --expiry YYYY-MM-DD [--root R]  the smile of one expiry\n"
            "       alvh chain FILE --condor --dte N --delta D --wing W [--root R]\n"
            "       alvh chain FILE --hedge --notional N --condor-vega V [--price mid|ask]\n"
            "                           [--policy JSON_OR_FILE] [--futures MARKET.csv]\n"
            "  FILE: CBOE's delayed quotes download (quotedata.csv) for SPX, SPXW or VIX options.\n"
            "  --condor: the expiry nearest N days, short strikes nearest |delta| D at their own\n"
            "    vols, long wings W points beyond (the nearest listed strike).\n"
            "  --hedge: the ALVH layer schedule on a VIX chain, each layer's listed strike and\n"
            "    call quote (mid or ask); notional in dollars, condor vega in dollars per VIX\n"
            "    point (CONDOR_VIX_VEGA); --futures: the VIX futures of the quote date (fut_N\n"
            "    columns of a market file) instead of the parity forwards.\n");
}

static void num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, "%.10g", x);
}

static void put_date(FILE *f, double serial)
{
    int y = 0, m = 0, d = 0;
    if (alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        fprintf(f, "%04d-%02d-%02d", y, m, d);
}

static int fail(alvh_status st, const char *what)
{
    fprintf(stderr, "alvh chain: %s: %s\n", alvh_status_name(st),
            what && what[0] ? what : alvh_status_message(st));
    return 1;
}

/* ---- options --------------------------------------------------------------------------------- */

static int number_arg(const char *name, const char *text, double *x, int *have)
{
    char *end = NULL;
    *x = strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(*x)) {
        fprintf(stderr, "alvh chain: %s must be a number, got \"%s\"\n", name, text);
        return -1;
    }
    *have = 1;
    return 0;
}

/* Options into a; 0 on success, 2 (after a message) on a usage error. */
static int parse_args(int argc, char **argv, chain_args *a)
{
    struct { const char *name; double *x; int *have; } nums[] = {
        {"--dte", &a->dte, &a->have_dte},          {"--delta", &a->delta, &a->have_delta},
        {"--wing", &a->wing, &a->have_wing},       {"--notional", &a->notional, &a->have_notional},
        {"--condor-vega", &a->condor_vega, &a->have_vega}};
    struct { const char *name; const char **text; } texts[] = {
        {"--expiry", &a->expiry}, {"--root", &a->root},       {"--price", &a->price},
        {"--policy", &a->policy}, {"--futures", &a->futures}};
    for (int i = 0; i < argc; ++i) {
        int done = 0;
        for (size_t k = 0; k < sizeof nums / sizeof nums[0] && !done; ++k)
            if (strcmp(argv[i], nums[k].name) == 0 && i + 1 < argc) {
                if (number_arg(nums[k].name, argv[++i], nums[k].x, nums[k].have) != 0)
                    return 2;
                done = 1;
            }
        for (size_t k = 0; k < sizeof texts / sizeof texts[0] && !done; ++k)
            if (strcmp(argv[i], texts[k].name) == 0 && i + 1 < argc) {
                *texts[k].text = argv[++i];
                done = 1;
            }
        if (!done && strcmp(argv[i], "--condor") == 0)
            a->condor = done = 1;
        else if (!done && strcmp(argv[i], "--hedge") == 0)
            a->hedge = done = 1;
        else if (!done && !a->file && argv[i][0] != '-')
            a->file = argv[i], done = 1;
        if (!done) {
            fprintf(stderr, "alvh chain: unexpected argument \"%s\"\n", argv[i]);
            chain_usage(stderr);
            return 2;
        }
    }
    const char *missing = !a->file ? "FILE"
                          : a->condor && !(a->have_dte && a->have_delta && a->have_wing)
                              ? "--dte, --delta and --wing (with --condor)"
                          : a->hedge && !(a->have_notional && a->have_vega)
                              ? "--notional and --condor-vega (with --hedge)"
                          : (a->condor + a->hedge + (a->expiry != NULL)) > 1
                              ? "one of --expiry, --condor, --hedge"
                          : a->price && strcmp(a->price, "mid") != 0 && strcmp(a->price, "ask") != 0
                              ? "--price mid or --price ask"
                              : NULL;
    if (missing) {
        fprintf(stderr, "alvh chain: needs %s\n", missing);
        chain_usage(stderr);
        return 2;
    }
    return 0;
}

/* ---- the summary ----------------------------------------------------------------------------- */

static void print_summary(const alvh_chain *c, const char *root)
{
    printf("expiry\troot\tdays\tforward\tdiscount\tatm_iv\tquotes\trate\tdiv_yield\tpairs\t"
           "outliers\tstatus\n");
    for (size_t g = 0; g < c->ngroups; ++g) {
        const alvh_chain_group *x = &c->groups[g];
        if (root && root[0] && strcmp(root, x->root) != 0)
            continue;
        alvh_chain_summary s;
        alvh_status st = alvh_chain_summarize(c, g, &s);
        put_date(stdout, x->expiry);
        printf("\t%s\t", x->root);
        num(stdout, x->years * 365.0);
        putchar('\t');
        if (st == ALVH_OK) {
            num(stdout, s.parity.forward);
            putchar('\t');
            num(stdout, s.parity.discount);
            putchar('\t');
            if (s.atm_status == ALVH_OK)
                num(stdout, s.atm_vol);
        } else {
            fputs("\t\t", stdout);
        }
        printf("\t%zu\t", x->count);
        if (st == ALVH_OK) {
            num(stdout, s.rate);
            putchar('\t');
            if (!x->on_future)
                num(stdout, s.div_yield);
            printf("\t%zu\t%zu", s.parity.pairs, s.parity.outliers);
        } else {
            fputs("\t\t\t", stdout);
        }
        printf("\t%s\n", alvh_status_name(st));
    }
}

/* ---- one expiry's smile ---------------------------------------------------------------------- */

static int expiry_date(const char *text, double *serial)
{
    int y, m, d;
    char extra;
    if (sscanf(text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
        alvh_serial_from_ymd(y, m, d, serial) != ALVH_OK) {
        fprintf(stderr, "alvh chain: --expiry must be a date YYYY-MM-DD, got \"%s\"\n", text);
        return -1;
    }
    return 0;
}

static int print_smile(const alvh_chain *c, size_t g)
{
    alvh_chain_summary s;
    alvh_status st = alvh_chain_summarize(c, g, &s);
    if (st != ALVH_OK)
        return fail(st, NULL);
    const alvh_chain_group *x = &c->groups[g];
    alvh_quotes q = alvh_chain_quotes(c, g);
    alvh_smile_point *p = malloc(q.n * sizeof *p);
    if (!p)
        return fail(ALVH_E_NO_MEMORY, NULL);
    st = alvh_chain_smile(&q, s.parity.forward, s.parity.discount, x->years, p);
    if (st != ALVH_OK) {
        free(p);
        return fail(st, NULL);
    }
    printf("strike\tside\tbid\task\tmid\tiv\tdelta\tiv_bid\tiv_ask\tcboe_iv\tstatus\n");
    for (size_t i = 0; i < q.n; ++i) {
        const alvh_smile_point *a = &p[i];
        const double *cboe = a->kind == ALVH_CALL ? c->call.iv : c->put.iv;
        num(stdout, a->strike);
        printf("\t%s\t", a->kind == ALVH_CALL ? "C" : "P");
        num(stdout, a->bid);
        putchar('\t');
        num(stdout, a->ask);
        putchar('\t');
        const double v[5] = {a->mid, a->iv, a->delta, a->iv_bid, a->iv_ask};
        const int ok[5] = {a->status == ALVH_OK, a->status == ALVH_OK, a->status == ALVH_OK,
                           a->status_bid == ALVH_OK, a->status_ask == ALVH_OK};
        for (int k = 0; k < 5; ++k) {
            if (ok[k])
                num(stdout, v[k]);
            putchar('\t');
        }
        if (cboe[x->first + i] > 0.0)
            num(stdout, cboe[x->first + i]);
        printf("\t%s\n", alvh_status_name(a->status));
    }
    free(p);
    return 0;
}

/* ---- the condor ------------------------------------------------------------------------------ */

static void kv(const char *key, double x)
{
    printf("%s\t", key);
    num(stdout, x);
    putchar('\n');
}

static int print_condor(const alvh_chain *c, const chain_args *a)
{
    size_t g;
    alvh_status st = alvh_chain_nearest(c, a->dte, a->root, &g);
    if (st != ALVH_OK)
        return fail(st, "no unsettled expiry of that root in the chain");
    alvh_chain_summary s;
    st = alvh_chain_summarize(c, g, &s);
    if (st != ALVH_OK)
        return fail(st, NULL);
    const alvh_chain_group *x = &c->groups[g];
    alvh_quotes q = alvh_chain_quotes(c, g);
    alvh_chain_condor k;
    st = alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount, x->years, a->delta,
                                a->wing, &k);
    if (st != ALVH_OK)
        return fail(st, NULL);
    printf("expiry\t");
    put_date(stdout, x->expiry);
    printf("\nroot\t%s\n", x->root);
    kv("days", x->years * 365.0);
    kv("forward", s.parity.forward);
    kv("discount", s.parity.discount);
    const char *leg[4] = {"long_put", "short_put", "short_call", "long_call"};
    const int order[4] = {1, 0, 2, 3}; /* short_put, long_put, short_call, long_call */
    for (int i = 0; i < 4; ++i)
        kv(leg[order[i]], k.strikes[order[i]]);
    kv("put_wing", k.put_wing);
    kv("call_wing", k.call_wing);
    kv("credit_mid", k.credit_mid);
    kv("credit_natural", k.credit_natural);
    kv("max_loss", k.max_loss);
    kv("max_loss_natural", k.max_loss_natural);
    if (k.breakeven_lower > 0.0)
        kv("breakeven_lower", k.breakeven_lower);
    if (k.breakeven_upper > 0.0)
        kv("breakeven_upper", k.breakeven_upper);
    kv("delta", k.pos_delta);
    kv("gamma", k.pos_gamma);
    kv("vega", k.pos_vega);
    kv("theta", k.pos_theta);
    for (int i = 0; i < 4; ++i) {
        char key[32];
        snprintf(key, sizeof key, "%s_iv", leg[order[i]]);
        kv(key, k.vol[order[i]]);
        snprintf(key, sizeof key, "%s_delta", leg[order[i]]);
        kv(key, k.delta[order[i]]);
    }
    return 0;
}

/* ---- the quote-priced hedge ------------------------------------------------------------------ */

/* The futures of the market file's row on the quote date (else the last before it), as a curve
 * in years from the quote time. */
static int read_futures(const char *path, double quote_time, alvh_market_series *t, double *ten,
                        double *fut, alvh_curve *curve)
{
    alvh_marketfile_error fe;
    alvh_status st = alvh_marketfile_read(path, t, &fe);
    if (st != ALVH_OK)
        return fail(st, fe.text);
    size_t row = t->n;
    for (size_t i = 0; i < t->n; ++i)
        if (t->date[i] <= floor(quote_time))
            row = i;
    if (row == t->n || t->nfut == 0)
        return fail(ALVH_E_CURVE, "the futures file has no fut_<days> columns on or before the "
                                  "quote date");
    for (size_t k = 0; k < t->nfut; ++k) {
        ten[k] = (t->date[row] + t->fut_days[k] - quote_time) / 365.0;
        fut[k] = t->fut[row * t->nfut + k];
    }
    curve->tenors = ten;
    curve->futures = fut;
    curve->n = t->nfut;
    return 0;
}

static void print_layers(const alvh_layer_row *rows, const alvh_quoted_layer *q)
{
    printf("layer\texpiry\tdays\tstrike\tcontracts\tfuture\tprice\tdebit\tdelta\tbeta\tvega\t"
           "monthly_cost\tcoverage\tbid\task\tiv\trate\n");
    double total[4] = {0};
    for (int i = 0; i < ALVH_LAYERS; ++i) {
        const alvh_layer_row *r = &rows[i];
        printf("%d\t", (int)r->layer);
        put_date(stdout, r->expiry);
        const double v[15] = {r->days, r->strike, r->contracts, r->future, r->price, r->debit,
                              r->delta, r->beta, r->vega, r->monthly_cost, r->coverage,
                              q[i].bid, q[i].ask, q[i].vol, q[i].rate};
        for (int k = 0; k < 15; ++k) {
            putchar('\t');
            num(stdout, v[k]);
        }
        putchar('\n');
        total[0] += r->debit;
        total[1] += r->vega;
        total[2] += r->monthly_cost;
        total[3] += r->coverage;
    }
    printf("total\t\t\t\t\t\t\t");
    num(stdout, total[0]);
    printf("\t\t\t");
    num(stdout, total[1]);
    putchar('\t');
    num(stdout, total[2]);
    putchar('\t');
    num(stdout, total[3]);
    printf("\t\t\t\t\n# monthly cost on the quotes: %.4f%% of notional per month\n",
           100.0 * total[2]);
}

static int print_hedge(const alvh_chain *c, const chain_args *a)
{
    alvh_policy p;
    char err[512] = "";
    alvh_status st = alvh_policy_parse(a->policy, &p, err, sizeof err);
    if (st != ALVH_OK)
        return fail(st, err);
    alvh_market_series t;
    memset(&t, 0, sizeof t);
    double ten[ALVH_BACKTEST_MAX_FUTURES], fut[ALVH_BACKTEST_MAX_FUTURES];
    alvh_curve curve = {NULL, NULL, 0};
    if (a->futures && read_futures(a->futures, c->quote_time, &t, ten, fut, &curve) != 0) {
        alvh_market_series_free(&t);
        return 1;
    }
    alvh_layer_row rows[ALVH_LAYERS];
    alvh_quoted_layer q[ALVH_LAYERS];
    int bad = 0;
    alvh_quote_price which = a->price && strcmp(a->price, "ask") == 0 ? ALVH_QUOTE_ASK
                                                                      : ALVH_QUOTE_MID;
    st = alvh_chain_hedge_schedule(c, &curve, which, a->notional, a->condor_vega, &p, rows, q,
                                   &bad);
    alvh_market_series_free(&t);
    if (st != ALVH_OK) {
        char what[160] = "";
        if (bad)
            snprintf(what, sizeof what, "layer %d: %s", bad, alvh_status_message(st));
        return fail(st, what);
    }
    print_layers(rows, q);
    return 0;
}

int alvh_cli_chain(int argc, char **argv)
{
    if (argc >= 1 && strcmp(argv[0], "--help") == 0) {
        chain_usage(stdout);
        return 0;
    }
    chain_args a;
    memset(&a, 0, sizeof a);
    int rc = parse_args(argc, argv, &a);
    if (rc != 0)
        return rc;
    double day = 0.0;
    if (a.expiry && expiry_date(a.expiry, &day) != 0)
        return 2;
    alvh_chain c;
    alvh_marketfile_error fe;
    alvh_status st = alvh_chain_read(a.file, &c, &fe);
    if (st != ALVH_OK)
        return fail(st, fe.text);
    if (a.condor) {
        rc = print_condor(&c, &a);
    } else if (a.hedge) {
        rc = print_hedge(&c, &a);
    } else if (a.expiry) {
        size_t g;
        st = alvh_chain_find(&c, day, a.root, &g);
        rc = st == ALVH_OK ? print_smile(&c, g)
                           : fail(st, st == ALVH_E_CHAIN_ROOT
                                          ? "several roots list that expiry; choose one with "
                                            "--root (e.g. SPX or SPXW)"
                                          : "the chain lists no options for that expiry and root");
    } else {
        print_summary(&c, a.root);
    }
    alvh_chain_free(&c);
    if (fflush(stdout) != 0)
        rc = 1;
    return rc;
}
