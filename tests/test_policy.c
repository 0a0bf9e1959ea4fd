/* test_policy.c: the policy's defaults, JSON reader (errors name the key or byte offset),
 * file paths, writer round trip, key lookup, and the key setter and checker that other readers
 * of a policy go through (alvh_policy_set, alvh_policy_check).
 *
 * Expected values are the method's published rules (the article and issue 4: 4/4/2 per
 * $100,000, coverage 40-60% around 50%, RSI 14/70, MACD 12/26/9 gated at VIX 25) and byte
 * offsets counted by hand in the JSON texts written out below. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/alvh.h"
#include "alvh/policy.h"
#include "check.h"

static void default_policy_is_the_articles_rules(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    CHECK(p.notional_unit == 100000.0, "notional unit $100,000");
    CHECK(p.layers[0].contracts == 4 && p.layers[1].contracts == 4 && p.layers[2].contracts == 2,
          "4/4/2");
    CHECK(p.coverage_target == 0.5 && p.coverage_low == 0.4 && p.coverage_high == 0.6, "40-60%%");
    CHECK(p.signals.rsi_period == 14 && p.signals.rsi_level == 70, "RSI 14/70");
    CHECK(p.signals.macd_fast == 12 && p.signals.macd_slow == 26 && p.signals.macd_signal == 9,
          "MACD 12/26/9");
    CHECK(p.signals.vix_floor == 25, "VIX gate 25");
    CHECK(p.vix_multiplier == 100 && p.spx_multiplier == 100, "multipliers");
    CHECK(p.layers[1].min_days == 30, "layer 2 from 30 days (the article's 30-45 DTE)");
    CHECK(p.layers[2].min_days == 60, "layer 3 from 60 days (the article's 60+ DTE)");
    CHECK(p.notional_basis == ALVH_NOTIONAL_SHORT_STRIKE, "notional basis");
    CHECK(p.distinct_expiries == 1, "distinct expiries");
}

static void empty_text_gives_the_default(void)
{
    alvh_policy d, p;
    char err[256];
    alvh_policy_default(&d);
    const char *texts[] = {NULL, "", "   \n\t", "{}", " { } "};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; ++i) {
        memset(&p, 0x55, sizeof p);
        CHECK_STATUS(alvh_policy_parse(texts[i], &p, err, sizeof err), ALVH_OK, "empty");
        CHECK(memcmp(&p, &d, sizeof p) == 0, "text %zu gives the default", i);
    }
}

static void keys_given_replace_defaults_and_others_stay(void)
{
    alvh_policy p;
    char err[256];
    const char *json = "{\"notional_unit\": 50000, \"notional_basis\": \"max_loss\","
                       " \"layers\": [{\"contracts\": 5}, {}, {\"contracts\": 3, \"roll_days\": 21}],"
                       " \"signals\": {\"rsi_level\": 75}, \"rounding\": \"down\","
                       " \"distinct_expiries\": false, \"beta_weight\": 0.5}";
    CHECK_STATUS(alvh_policy_parse(json, &p, err, sizeof err), ALVH_OK, err);
    CHECK(p.notional_unit == 50000, "notional_unit");
    CHECK(p.notional_basis == ALVH_NOTIONAL_MAX_LOSS, "basis");
    CHECK(p.layers[0].contracts == 5 && p.layers[1].contracts == 4 && p.layers[2].contracts == 3,
          "layers");
    CHECK(p.layers[2].roll_days == 21 && p.layers[2].min_days == 60, "layer 3 roll, min stays");
    CHECK(p.signals.rsi_level == 75 && p.signals.rsi_period == 14, "signals");
    CHECK(p.rounding == ALVH_ROUND_DOWN, "rounding");
    CHECK(p.distinct_expiries == 0, "bool");
    CHECK(p.beta_weight == 0.5, "beta_weight");
    CHECK(p.coverage_target == 0.5, "untouched key keeps its default");
}

typedef struct {
    const char *json;
    alvh_status status;
    const char *message_has; /* a substring the sentence must contain */
} bad_case;

static const bad_case k_bad[] = {
    /* unknown keys, at every level, named by their dotted path */
    {"{\"notional\": 1}", ALVH_E_POLICY_KEY, "unknown policy key \"notional\""},
    {"{\"signals\": {\"rsi_lvl\": 70}}", ALVH_E_POLICY_KEY, "\"signals.rsi_lvl\""},
    {"{\"layers\": [{}, {\"contract\": 4}]}", ALVH_E_POLICY_KEY, "\"layers.2.contract\""},
    {"{\"coverage_low\": 0.3, \"coverage_low\": 0.35}", ALVH_E_POLICY_KEY, "given twice"},
    /* wrong types */
    {"{\"coverage_target\": \"0.5\"}", ALVH_E_POLICY_TYPE,
     "\"coverage_target\" must be a number, got text"},
    {"{\"layers\": {\"contracts\": 4}}", ALVH_E_POLICY_TYPE, "\"layers\" must be an array"},
    {"{\"layers\": [4, 4, 2]}", ALVH_E_POLICY_TYPE, "\"layers.1\" must be an object"},
    {"{\"signals\": 14}", ALVH_E_POLICY_TYPE, "\"signals\" must be an object"},
    {"{\"distinct_expiries\": 1}", ALVH_E_POLICY_TYPE, "must be true or false"},
    {"{\"notional_basis\": 2}", ALVH_E_POLICY_TYPE, "\"notional_basis\" must be text"},
    {"{\"layers\": [{\"min_days\": null}]}", ALVH_E_POLICY_TYPE, "\"layers.1.min_days\""},
    {"[1, 2]", ALVH_E_POLICY_TYPE, "must be a JSON object"},
    /* out of range */
    {"{\"coverage_target\": -0.1}", ALVH_E_POLICY_VALUE,
     "\"coverage_target\" must be above 0 and at most 10, got -0.1"},
    {"{\"notional_unit\": 0}", ALVH_E_POLICY_VALUE, "\"notional_unit\" must be above 0"},
    {"{\"signals\": {\"rsi_period\": 14.5}}", ALVH_E_POLICY_VALUE,
     "\"signals.rsi_period\" must be a whole number, got 14.5"},
    {"{\"signals\": {\"rsi_level\": 100}}", ALVH_E_POLICY_VALUE, "below 100"},
    {"{\"layers\": [{}, {}, {\"contracts\": -2}]}", ALVH_E_POLICY_VALUE,
     "\"layers.3.contracts\" must be at least 0"},
    {"{\"notional_basis\": \"gross\"}", ALVH_E_POLICY_VALUE,
     "one of \"short_strike\", \"max_loss\", \"margin\", got \"gross\""},
    {"{\"beta_weight\": 1.5}", ALVH_E_POLICY_VALUE, "\"beta_weight\""},
    {"{\"rate\": 1e400}", ALVH_E_POLICY_VALUE, "finite"},
    {"{\"layers\": [{}, {}, {}, {}]}", ALVH_E_POLICY_VALUE, "at most 3 layers"},
    /* rules between keys */
    {"{\"coverage_low\": 0.55}", ALVH_E_POLICY_VALUE, "\"coverage_low\" <= \"coverage_target\""},
    {"{\"layers\": [{\"min_days\": 50}]}", ALVH_E_POLICY_VALUE,
     "\"layers.1.min_days\" (50) must not exceed \"layers.1.max_days\" (45)"},
    {"{\"layers\": [{}, {\"roll_days\": 30}]}", ALVH_E_POLICY_VALUE,
     "\"layers.2.roll_days\" (30) must be below \"layers.2.min_days\" (30)"},
    {"{\"layers\": [{\"contracts\": 0}, {\"contracts\": 0}, {\"contracts\": 0}]}",
     ALVH_E_POLICY_VALUE, "at least one layer"},
    {"{\"signals\": {\"macd_fast\": 26}}", ALVH_E_POLICY_VALUE, "\"signals.macd_fast\" (26)"},
    /* malformed JSON: offsets counted by hand (0-based byte index of the first bad byte)
     *   {"a" 1}              '1' where ':' belongs: { " a " space 1 -> index 5
     *   {"coverage_low": }   '}' where a value belongs: index 17
     *   {} x                 trailing 'x' after the document: index 3
     *   {\n  "rate": 0.0,\n  }  '}' on line 3 where a key belongs: 1+1+14+1 = 17+2 = 19 */
    {"{\"a\" 1}", ALVH_E_POLICY_JSON, "byte offset 5 (line 1, column 6)"},
    {"{\"coverage_low\": }", ALVH_E_POLICY_JSON, "byte offset 17 (line 1, column 18)"},
    {"{} x", ALVH_E_POLICY_JSON, "byte offset 3 (line 1, column 4)"},
    {"{\n  \"rate\": 0.0,\n  }", ALVH_E_POLICY_JSON, "byte offset 19 (line 3, column 3)"},
    {"{\"rate\": 0.0", ALVH_E_POLICY_JSON, "not valid JSON at byte offset"},
    /* typographic single quotes (U+2018, 3 bytes at offset 1) are no JSON quotes; typographic
     * double quotes are accepted (typographic_quotes_read_as_json) */
    {"{\xE2\x80\x98rate\xE2\x80\x99: 0}", ALVH_E_POLICY_JSON,
     "byte offset 1 (line 1, column 2): single quotes are not JSON quotes"},
    /* a typographic quote keeps the byte offsets of what was typed: U+201C at 1 is 3 bytes,
     * "rate" 4, U+201D 3, so the ':' is at 11 and the missing value's '}' at 12 */
    {"{\xE2\x80\x9Crate\xE2\x80\x9D:}", ALVH_E_POLICY_JSON, "byte offset 12 (line 1, column 13)"},
};

static void bad_policies_fail_naming_the_key_or_offset(void)
{
    for (size_t i = 0; i < sizeof k_bad / sizeof k_bad[0]; ++i) {
        const bad_case *c = &k_bad[i];
        alvh_policy p, d;
        char err[256];
        alvh_policy_default(&d);
        alvh_status st = alvh_policy_parse(c->json, &p, err, sizeof err);
        CHECK_STATUS(st, c->status, c->json);
        CHECK(strstr(err, c->message_has) != NULL, "%s: message \"%s\" lacks \"%s\"", c->json, err,
              c->message_has);
        CHECK(memcmp(&p, &d, sizeof p) == 0, "%s: a failed parse leaves the default", c->json);
    }
}

static void a_path_reads_a_policy_file(void)
{
    char path[] = "/tmp/alvh_test_policy_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0, "mkstemp");
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "w");
    fputs("{\n  \"coverage_target\": 0.45,\n  \"layers\": [{}, {\"contracts\": 3}]\n}\n", f);
    fclose(f);
    alvh_policy p;
    char err[512];
    char with_newline[64];
    snprintf(with_newline, sizeof with_newline, "  %s\n", path);
    CHECK_STATUS(alvh_policy_parse(with_newline, &p, err, sizeof err), ALVH_OK, err);
    CHECK(p.coverage_target == 0.45 && p.layers[1].contracts == 3, "file values");

    f = fopen(path, "w");
    fputs("{\n  \"coverage_target\": 0.45\n  \"x\": 1\n}\n", f); /* missing comma */
    fclose(f);
    CHECK_STATUS(alvh_policy_parse(path, &p, err, sizeof err), ALVH_E_POLICY_JSON, "file json");
    /* line 3 column 3 is the '"' of "x": bytes 0-1 "{\n", 2-27 line 2 (26 bytes with \n),
     * 28-29 two blanks, 30 the quote. */
    CHECK(strstr(err, path) && strstr(err, "byte offset 30 (line 3, column 3)"), "%s", err);

    f = fopen(path, "w");
    fputs("{\"layers\": [{\"otm_points\": \"2\"}]}", f);
    fclose(f);
    CHECK_STATUS(alvh_policy_parse(path, &p, err, sizeof err), ALVH_E_POLICY_TYPE, "file type");
    CHECK(strstr(err, path) && strstr(err, "\"layers.1.otm_points\""), "%s", err);
    remove(path);

    CHECK_STATUS(alvh_policy_parse(path, &p, err, sizeof err), ALVH_E_POLICY_FILE, "gone");
    CHECK(strstr(err, "does not exist") != NULL, "%s", err);
    CHECK_STATUS(alvh_policy_parse("/tmp", &p, err, sizeof err), ALVH_E_POLICY_FILE, "dir");
    CHECK_STATUS(alvh_policy_parse("policy please", &p, err, sizeof err), ALVH_E_POLICY_FILE,
                 "text that is neither JSON nor a file");
    CHECK(strstr(err, "neither JSON text") != NULL, "%s", err);
}

static void written_json_reads_back_identically(void)
{
    alvh_policy p, q;
    char err[256];
    const char *json = "{\"coverage_target\": 0.3, \"coverage_low\": 0.1, \"rate\": 0.0437,"
                       " \"sizing\": \"vega\", \"cost_method\": \"debit\","
                       " \"layers\": [{}, {\"vol_of_vol\": 0.123456789012345678}],"
                       /* found by the fuzzer: cJSON's printer wrote 5.56666666666666, which
                        * reads back 1 ulp off; the writer must print 17 digits here */
                       " \"notional_unit\": 5.566666666666661}";
    CHECK_STATUS(alvh_policy_parse(json, &p, err, sizeof err), ALVH_OK, err);
    for (int indent = 0; indent <= 1; ++indent) {
        char *out = alvh_policy_to_json(&p, indent);
        CHECK(out != NULL, "to_json");
        if (!out)
            return;
        CHECK_STATUS(alvh_policy_parse(out, &q, err, sizeof err), ALVH_OK, err);
        CHECK(memcmp(&p, &q, sizeof p) == 0, "round trip (indent %d)", indent);
        CHECK(strstr(out, "\"sizing\"") && strstr(out, "\"signals\"") && strstr(out, "\"layers\""),
              "keys present");
        free(out);
    }
}

static void policy_get_reads_a_key(void)
{
    alvh_policy p;
    alvh_policy_default(&p);
    alvh_policy_value v;
    char err[256];
    CHECK_STATUS(alvh_policy_get(&p, "coverage_target", &v, err, sizeof err), ALVH_OK, "get");
    CHECK(!v.is_text && v.number == 0.5, "coverage_target");
    CHECK_STATUS(alvh_policy_get(&p, "layers.3.contracts", &v, err, sizeof err), ALVH_OK, "get");
    CHECK(!v.is_text && v.number == 2, "layers.3.contracts");
    CHECK_STATUS(alvh_policy_get(&p, "SIGNALS.RSI_LEVEL", &v, err, sizeof err), ALVH_OK, "case");
    CHECK(!v.is_text && v.number == 70, "signals.rsi_level");
    CHECK_STATUS(alvh_policy_get(&p, "distinct_expiries", &v, err, sizeof err), ALVH_OK, "bool");
    CHECK(!v.is_text && v.number == 1, "bool as 1");
    CHECK_STATUS(alvh_policy_get(&p, "notional_basis", &v, err, sizeof err), ALVH_OK, "enum");
    CHECK(v.is_text && strcmp(v.text, "short_strike") == 0, "enum as text");
    free(v.text);
    CHECK_STATUS(alvh_policy_get(&p, "", &v, err, sizeof err), ALVH_OK, "whole");
    CHECK(v.is_text && v.text[0] == '{', "whole policy as JSON");
    free(v.text);
    const char *bad[] = {"layers.4.contracts", "layers.0.contracts", "nope", "signals.",
                         "layers.1.contracts.x", ".rate"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        CHECK_STATUS(alvh_policy_get(&p, bad[i], &v, err, sizeof err), ALVH_E_POLICY_KEY, bad[i]);
        CHECK(strstr(err, bad[i]) != NULL, "names the key: %s", err);
    }
}

/* ---- alvh_policy_set: one key from a scalar, the seam for readers other than JSON ---------- */

static alvh_policy_scalar scalar(alvh_policy_kind kind, double x, const char *text)
{
    alvh_policy_scalar v = {kind, x, text};
    return v;
}
#define number(x) scalar(ALVH_POLICY_NUMBER, (x), NULL)
#define word(w) scalar(ALVH_POLICY_TEXT, 0.0, (w))
#define boolean(b) scalar(ALVH_POLICY_BOOL, (b), NULL)

static void set_gives_one_key_a_value(void)
{
    alvh_policy p;
    char err[256];
    alvh_policy_default(&p);
    alvh_policy_scalar v = number(75);
    CHECK_STATUS(alvh_policy_set(&p, "signals.rsi_level", &v, err, sizeof err), ALVH_OK, err);
    CHECK(p.signals.rsi_level == 75 && p.signals.rsi_period == 14, "rsi_level 75, period stays");
    v = number(3);
    CHECK_STATUS(alvh_policy_set(&p, "Layers.2.Contracts", &v, err, sizeof err), ALVH_OK, err);
    CHECK(p.layers[1].contracts == 3 && p.layers[0].contracts == 4, "layer 2 only");
    v = word("vega");
    CHECK_STATUS(alvh_policy_set(&p, "SIZING", &v, err, sizeof err), ALVH_OK, err);
    CHECK(p.sizing == ALVH_SIZING_VEGA, "sizing vega");
    v = boolean(0);
    CHECK_STATUS(alvh_policy_set(&p, "backtest.use_signals", &v, err, sizeof err), ALVH_OK, err);
    CHECK(p.backtest.use_signals == 0, "use_signals false");
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_OK, err);

    /* The same values through JSON give the same policy, byte for byte. */
    alvh_policy q;
    CHECK_STATUS(alvh_policy_parse("{\"signals\": {\"rsi_level\": 75}, \"layers\": [{}, "
                                   "{\"contracts\": 3}], \"sizing\": \"vega\", "
                                   "\"backtest\": {\"use_signals\": false}}",
                                   &q, err, sizeof err),
                 ALVH_OK, err);
    CHECK(memcmp(&p, &q, sizeof p) == 0, "set = JSON");
}

typedef struct {
    const char *key;
    alvh_policy_scalar value;
    alvh_status status;
    const char *sentence; /* the whole error sentence */
    const char *json;     /* the same mistake in JSON, or NULL */
} set_case;

static void set_refuses_with_the_readers_sentences(void)
{
    const set_case cases[] = {
        {"signals.rsi_lvl", number(70), ALVH_E_POLICY_KEY,
         "unknown policy key \"signals.rsi_lvl\" (keys are dotted paths such as "
         "\"coverage_target\", \"layers.2.contracts\", \"signals.rsi_level\")",
         NULL},
        {"layers.4.contracts", number(1), ALVH_E_POLICY_KEY,
         "unknown policy key \"layers.4.contracts\" (keys are dotted paths such as "
         "\"coverage_target\", \"layers.2.contracts\", \"signals.rsi_level\")",
         NULL},
        {"signals.rsi_level", word("75"), ALVH_E_POLICY_TYPE,
         "policy key \"signals.rsi_level\" must be a number, got text",
         "{\"signals\": {\"rsi_level\": \"75\"}}"},
        {"sizing", number(1), ALVH_E_POLICY_TYPE,
         "policy key \"sizing\" must be text, one of \"rule\", \"vega\", got a number",
         "{\"sizing\": 1}"},
        {"distinct_expiries", number(1), ALVH_E_POLICY_TYPE,
         "policy key \"distinct_expiries\" must be true or false, got a number",
         "{\"distinct_expiries\": 1}"},
        {"coverage_target", boolean(1), ALVH_E_POLICY_TYPE,
         "policy key \"coverage_target\" must be a number, got true/false",
         "{\"coverage_target\": true}"},
        {"signals", number(14), ALVH_E_POLICY_TYPE,
         "policy key \"signals\" must be an object, got a number", "{\"signals\": 14}"},
        {"layers", number(4), ALVH_E_POLICY_TYPE,
         "policy key \"layers\" must be an array of up to 3 objects (layers 1, 2, 3), got a "
         "number",
         "{\"layers\": 4}"},
        {"layers.2", number(4), ALVH_E_POLICY_TYPE,
         "policy key \"layers.2\" must be an object, got a number", "{\"layers\": [{}, 4]}"},
        {"signals.rsi_level", number(100), ALVH_E_POLICY_VALUE,
         "policy key \"signals.rsi_level\" must be above 0 and below 100, got 100",
         "{\"signals\": {\"rsi_level\": 100}}"},
        {"Signals.RSI_Period", number(14.5), ALVH_E_POLICY_VALUE,
         "policy key \"signals.rsi_period\" must be a whole number, got 14.5",
         "{\"signals\": {\"rsi_period\": 14.5}}"},
        {"layers.3.contracts", number(-2), ALVH_E_POLICY_VALUE,
         "policy key \"layers.3.contracts\" must be at least 0 and at most 1000000, got -2",
         "{\"layers\": [{}, {}, {\"contracts\": -2}]}"},
        {"rate", number(HUGE_VAL), ALVH_E_POLICY_VALUE,
         "policy key \"rate\" must be a finite number, got inf", "{\"rate\": 1e400}"},
        {"sizing", word("Vega"), ALVH_E_POLICY_VALUE,
         "policy key \"sizing\" must be one of \"rule\", \"vega\", got \"Vega\"",
         "{\"sizing\": \"Vega\"}"},
    };
    alvh_policy d;
    alvh_policy_default(&d);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const set_case *c = &cases[i];
        alvh_policy p;
        char err[256], json_err[256];
        alvh_policy_default(&p);
        CHECK_STATUS(alvh_policy_set(&p, c->key, &c->value, err, sizeof err), c->status, c->key);
        CHECK(strcmp(err, c->sentence) == 0, "%s: \"%s\", want \"%s\"", c->key, err, c->sentence);
        CHECK(memcmp(&p, &d, sizeof p) == 0, "%s: a refused value changes nothing", c->key);
        if (!c->json)
            continue;
        CHECK_STATUS(alvh_policy_parse(c->json, &p, json_err, sizeof json_err), c->status, c->json);
        CHECK(strcmp(json_err, c->sentence) == 0, "%s: JSON says \"%s\"", c->json, json_err);
    }
    alvh_policy p = d;
    char err[256];
    CHECK_STATUS(alvh_policy_set(&p, "rate", NULL, err, sizeof err), ALVH_E_POLICY_TYPE, "none");
    CHECK(strcmp(err, "policy key \"rate\" must be a number, got nothing") == 0, "%s", err);
}

static void check_applies_the_rules_between_keys(void)
{
    alvh_policy p;
    char err[256];
    alvh_policy_default(&p);
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_OK, "the default passes");
    /* coverage_low 0.55 is a valid value on its own; the band 0.55 <= 0.5 is not */
    alvh_policy_scalar v = number(0.55);
    CHECK_STATUS(alvh_policy_set(&p, "coverage_low", &v, err, sizeof err), ALVH_OK, err);
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_E_POLICY_VALUE, "band");
    CHECK(strcmp(err, "policy keys \"coverage_low\" <= \"coverage_target\" <= "
                      "\"coverage_high\" must hold, got 0.55, 0.5, 0.6") == 0,
          "%s", err);
    /* values written by hand in C are checked against their ranges too */
    alvh_policy_default(&p);
    p.rate = 5;
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_E_POLICY_VALUE, "rate");
    CHECK(strcmp(err, "policy key \"rate\" must be at least -1 and at most 1, got 5") == 0, "%s",
          err);
    alvh_policy_default(&p);
    p.sizing = (alvh_sizing)7;
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_E_POLICY_VALUE, "enum");
    CHECK(strcmp(err, "policy key \"sizing\" must be one of \"rule\", \"vega\", got the value 7")
              == 0,
          "%s", err);
    alvh_policy_default(&p);
    p.layers[1].roll_days = 30; /* layer 2's min_days is 30 */
    CHECK_STATUS(alvh_policy_check(&p, err, sizeof err), ALVH_E_POLICY_VALUE, "roll");
    CHECK(strcmp(err, "policy key \"layers.2.roll_days\" (30) must be below \"layers.2.min_days\" "
                      "(30): a layer is bought before its roll date") == 0,
          "%s", err);
}

/* Calc's AutoCorrect types JSON's " as typographic quotes, by locale: English U+201C/U+201D,
 * German U+201E/U+201C, French U+00AB/U+00BB with no-break spaces (U+00A0) inside. Each reads
 * as the same JSON with straight quotes: the same policy, byte for byte. */
static void typographic_quotes_read_as_json(void)
{
    static const char *const straight =
        "{\"sizing\": \"vega\", \"signals\": {\"rsi_level\": 75}, \"rounding\": \"down\"}";
    static const char *const typed[] = {
        /* English: “sizing”: “vega” */
        "{\xE2\x80\x9Csizing\xE2\x80\x9D: \xE2\x80\x9Cvega\xE2\x80\x9D, \xE2\x80\x9Csignals"
        "\xE2\x80\x9D: {\xE2\x80\x9Crsi_level\xE2\x80\x9D: 75}, \xE2\x80\x9Crounding\xE2\x80\x9D: "
        "\xE2\x80\x9C" "down\xE2\x80\x9D}",
        /* German: „sizing“: „vega“ */
        "{\xE2\x80\x9Esizing\xE2\x80\x9C: \xE2\x80\x9Evega\xE2\x80\x9C, \xE2\x80\x9Esignals"
        "\xE2\x80\x9C: {\xE2\x80\x9Ersi_level\xE2\x80\x9C: 75}, \xE2\x80\x9Erounding\xE2\x80\x9C: "
        "\xE2\x80\x9E" "down\xE2\x80\x9C}",
        /* French: « sizing » : « vega », no-break spaces inside the guillemets and before ':' */
        "{\xC2\xAB\xC2\xA0sizing\xC2\xA0\xC2\xBB\xC2\xA0: \xC2\xAB\xC2\xA0vega\xC2\xA0\xC2\xBB, "
        "\xC2\xABsignals\xC2\xBB : {\xC2\xABrsi_level\xC2\xBB : 75}, \xC2\xABrounding\xC2\xBB : "
        "\xC2\xAB" "down\xC2\xBB}",
        /* mixed with straight quotes, and a closing quote typed as the opening one */
        "{\"sizing\": \xE2\x80\x9Cvega\xE2\x80\x9C, \"signals\": {\"rsi_level\": 75}, "
        "\xE2\x80\x9Drounding\xE2\x80\x9D: \"down\"}",
    };
    alvh_policy want, got;
    char err[256];
    CHECK_STATUS(alvh_policy_parse(straight, &want, err, sizeof err), ALVH_OK, err);
    CHECK(want.sizing == ALVH_SIZING_VEGA && want.signals.rsi_level == 75.0 &&
              want.rounding == ALVH_ROUND_DOWN, "the straight policy's values");
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; ++i) {
        CHECK_STATUS(alvh_policy_parse(typed[i], &got, err, sizeof err), ALVH_OK, typed[i]);
        CHECK(memcmp(&want, &got, sizeof want) == 0, "typed form %zu reads as the straight one",
              i);
    }
    /* A typographic quote keeps its place among the others: the next straight quote closes. */
    CHECK_STATUS(alvh_policy_parse("{\xC2\xAB\xC2\xA0sizing\xC2\xA0\xC2\xBB: \"vega\"}", &got, err,
                                   sizeof err),
                 ALVH_OK, err);
    CHECK(got.sizing == ALVH_SIZING_VEGA, "guillemets with no-break spaces around the key");
}

int main(void)
{
    default_policy_is_the_articles_rules();
    empty_text_gives_the_default();
    keys_given_replace_defaults_and_others_stay();
    bad_policies_fail_naming_the_key_or_offset();
    a_path_reads_a_policy_file();
    written_json_reads_back_identically();
    policy_get_reads_a_key();
    set_gives_one_key_a_value();
    set_refuses_with_the_readers_sentences();
    check_applies_the_rules_between_keys();
    typographic_quotes_read_as_json();
    return check_summary("test_policy");
}
