/* fuzz_chain.c: libFuzzer target for the option-chain reader (alvh_chain_parse) and everything
 * that runs on what it reads: each group's summary (parity fit, carry, at-the-money vol), the
 * smile, a condor pick and the quote-priced hedge schedule (docs/chains.md).
 *
 * Build and run (clang):
 *   CC=clang cmake -S . -B build-fuzz -DALVH_FUZZ=ON -DALVH_SANITIZE=ON -DALVH_BUILD_ADDIN=OFF
 *   cmake --build build-fuzz --target fuzz_chain
 *   build-fuzz/fuzz/fuzz_chain -dict=fuzz/chain.dict -max_total_time=300 /tmp/corpus \
 *       fuzz/corpus_chain
 *
 * Properties checked beyond "no crash, leak, hang or sanitizer report":
 *   - a failed read leaves an empty chain and a message that names the file;
 *   - a read chain's groups cover its rows in order, each with strictly increasing strikes;
 *   - a group's summary, when it succeeds, has a positive forward, a discount in (0, 2) and
 *     used + outliers == pairs; every smile vol that exists is positive and finite. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/chain.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_groups(const alvh_chain *c)
{
    size_t next = 0;
    for (size_t g = 0; g < c->ngroups; ++g) {
        const alvh_chain_group *x = &c->groups[g];
        if (x->first != next || x->count == 0)
            abort();
        next += x->count;
        for (size_t i = 1; i < x->count; ++i)
            if (!(c->strike[x->first + i] > c->strike[x->first + i - 1]))
                abort();
        alvh_chain_summary s;
        if (alvh_chain_summarize(c, g, &s) != ALVH_OK)
            continue;
        if (!(s.parity.forward > 0 && s.parity.discount > 0 && s.parity.discount < 2) ||
            s.parity.used + s.parity.outliers != s.parity.pairs)
            abort();
        alvh_quotes q = alvh_chain_quotes(c, g);
        alvh_smile_point *p = malloc(q.n * sizeof *p);
        if (p && alvh_chain_smile(&q, s.parity.forward, s.parity.discount, x->years, p) ==
                     ALVH_OK)
            for (size_t i = 0; i < q.n; ++i)
                if (p[i].status == ALVH_OK && !(isfinite(p[i].iv) && p[i].iv > 0))
                    abort();
        free(p);
        alvh_chain_condor k;
        alvh_chain_condor_pick(&q, s.parity.forward, s.parity.discount, x->years, 0.16, 50, &k);
    }
    if (next != c->nrows)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    alvh_chain c;
    alvh_marketfile_error err;
    alvh_status st = alvh_chain_parse((const char *)data, size, "fuzz.csv", &c, &err);
    if (st != ALVH_OK) {
        if (c.nrows != 0 || c.groups != NULL || strstr(err.text, "fuzz.csv") != err.text)
            abort();
        return 0;
    }
    check_groups(&c);
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_layer_row rows[ALVH_LAYERS];
    alvh_quoted_layer ql[ALVH_LAYERS];
    int bad = 0;
    alvh_chain_hedge_schedule(&c, NULL, ALVH_QUOTE_MID, 250000, -1500, &p, rows, ql, &bad);
    alvh_chain_free(&c);
    return 0;
}
