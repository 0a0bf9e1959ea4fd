/* fuzz_policy.c: libFuzzer target for the policy reader (alvh_policy_parse), the writer and the
 * key lookup.
 *
 * Build and run (clang; docs/hedge.md, "Fuzzing"):
 *   CC=clang cmake -S . -B build-fuzz -DALVH_FUZZ=ON -DALVH_SANITIZE=ON -DALVH_BUILD_ADDIN=OFF
 *   cmake --build build-fuzz --target fuzz_policy
 *   build-fuzz/fuzz/fuzz_policy -max_total_time=300 fuzz/corpus_policy
 *
 * Each input is policy text. Text that does not start (after blanks) with '{', '[' or '"' is
 * a file path for alvh_policy_parse, so the fuzzer skips it rather than open random paths.
 * Properties checked beyond "no crash, leak, hang or sanitizer report":
 *   - a failure leaves the default policy and writes a non-empty message;
 *   - a success writes JSON that reads back to the identical policy (byte for byte);
 *   - every key lookup either succeeds or fails with ALVH_E_POLICY_KEY. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *s = text;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        ++s;
    if (*s != '{' && *s != '[' && *s != '"') {
        free(text);
        return 0;
    }
    alvh_policy p, d, q;
    char err[256];
    alvh_policy_default(&d);
    alvh_status st = alvh_policy_parse(text, &p, err, sizeof err);
    if (st != ALVH_OK) {
        if (memcmp(&p, &d, sizeof p) != 0 || err[0] == '\0')
            abort();
    } else {
        char *json = alvh_policy_to_json(&p, size & 1);
        if (json) {
            if (alvh_policy_parse(json, &q, err, sizeof err) != ALVH_OK ||
                memcmp(&p, &q, sizeof p) != 0)
                abort();
            free(json);
        }
        static const char *const keys[] = {"", "layers", "layers.2.contracts", "signals.rsi_level",
                                           "notional_basis", "layers.4", "nope.x", "layers..1"};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
            alvh_policy_value v;
            alvh_status gs = alvh_policy_get(&p, keys[i], &v, err, sizeof err);
            if (gs == ALVH_OK)
                free(v.text);
            else if (gs != ALVH_E_POLICY_KEY && gs != ALVH_E_NO_MEMORY)
                abort();
        }
    }
    free(text);
    return 0;
}
