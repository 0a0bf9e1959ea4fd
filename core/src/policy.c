/* policy.c: the ALVH policy's entry points: built-in defaults, the text/file/JSON reader, the
 * writer, the key lookup (ALVH_POLICY) and the key setter.
 *
 * Every key is one descriptor line in policy_fields.c; reading, writing, lookup, setting and
 * validation walk that one tree (policy_tree.c), so a field cannot be readable but not writable,
 * or documented with a different range than enforced. A new way to give a policy (a key/value
 * range, another text form) goes through alvh_policy_set key by key, then alvh_policy_check.
 *
 * Reading rules (docs/hedge.md, "Policy"):
 *   - Start from alvh_policy_default(); every key given replaces its default.
 *   - Unknown keys, duplicate keys, wrong JSON types, non-integers where a count belongs and
 *     out-of-range values are errors naming the key as a dotted path with layers numbered 1-3
 *     ("layers.2.min_days"); malformed JSON names the byte offset (0-based) and line:column
 *     (the strict syntax check of json_scan.c runs before cJSON builds the tree).
 *   - Cross-field rules are checked after all keys are read (coverage_low <= coverage_target
 *     <= coverage_high, min_days <= max_days, roll_days < min_days, macd_fast < macd_slow,
 *     at least one layer with contracts).
 * Caveat: cJSON converts numbers with strtod(), which follows LC_NUMERIC; LibreOffice and the
 * CLI run with the "C" numeric locale, where '.' is the decimal point as JSON requires.
 */
#include "alvh/policy.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"
#include "json_scan.h"
#include "policy_tree.h"

/* ---- defaults ------------------------------------------------------------------------------- */

void alvh_policy_default(alvh_policy *p)
{
    memset(p, 0, sizeof *p);
    p->notional_unit = 100000.0;
    p->notional_basis = ALVH_NOTIONAL_SHORT_STRIKE;
    /* The article's 4/4/2 per $100,000: layer 1 front month ("trigger"), layer 2 mid month
     * ("stabiliser", the article's 30-45 days), layer 3 back month ("anchor", 60+ days).
     * Windows: VIX expiries are 28 or 35 days apart, so a 15-day window such as 30-45 holds
     * no expiry about half the time. Each default window is therefore "the first expiry from
     * min_days on" with max_days a guard wide enough that it always holds one (see
     * docs/hedge.md, "Expiry windows"). Rolls leave a week (layer 1) to a month (layer 3). */
    static const alvh_layer_policy layers[ALVH_LAYERS] = {
        /* contracts, min_days, max_days, otm_points, roll_days, vol_of_vol */
        {4.0, 8.0, 45.0, 1.0, 5.0, 0.90},
        {4.0, 30.0, 80.0, 2.0, 14.0, 0.80},
        {2.0, 60.0, 115.0, 3.0, 30.0, 0.70},
    };
    memcpy(p->layers, layers, sizeof layers);
    p->coverage_target = 0.50;
    p->coverage_low = 0.40;
    p->coverage_high = 0.60;
    p->vix_multiplier = 100.0;
    p->spx_multiplier = 100.0;
    p->signals.rsi_period = 14.0;
    p->signals.rsi_level = 70.0;
    p->signals.macd_fast = 12.0;
    p->signals.macd_slow = 26.0;
    p->signals.macd_signal = 9.0;
    p->signals.vix_floor = 25.0;
    p->signals.ad_lookback = 20.0;
    p->rounding = ALVH_ROUND_NEAREST;
    p->sizing = ALVH_SIZING_RULE;
    /* Term structure and beta: see core/src/vixcurve.c for the calibration and its sources. */
    p->vix_long_run = 20.0;
    p->vix_speed = 4.3;
    p->beta_weight = 0.65;
    p->beta_fast = 24.0;
    p->beta_slow = 1.35;
    p->rate = 0.0;
    /* Cboe lists VIX option strikes at 1-point intervals (0.5 near the money in the front
     * months) up to about 50, and at wider intervals above; 1 and 5 are the conservative
     * grid that is always listed. */
    p->strike_step = 1.0;
    p->strike_high_from = 50.0;
    p->strike_step_high = 5.0;
    p->cost_method = ALVH_COST_CARRY;
    p->distinct_expiries = 1;
    /* Backtest rules: docs/backtest.md says why each default. Field by field, not by assigning
     * a compound literal: that may copy the literal's padding (garbage at -O0 under clang),
     * and two default policies must be equal byte for byte (the fuzzer compares them). */
    alvh_backtest_policy *b = &p->backtest;
    b->capital = 100000.0;
    b->condor_contracts = 1.0;
    b->condor_delta = 0.16;
    b->condor_days = 45.0;
    b->wing_points = 50.0;
    b->spx_strike_step = 5.0;
    b->open_every_days = 28.0;
    b->take_profit = 0.5;
    b->close_days = 21.0;
    b->vol_beta = 1.0;
    b->skew = 2.0;
    b->div_yield = 0.0;
    b->cost_spx = 1.5;
    b->cost_vix = 1.0;
    b->high_vix = 30.0;
    b->spike_rise = 0.15;
    b->max_gap_days = 7.0;
    b->use_signals = 1;
}

/* parse_json() after straighten_quotes(): json is NUL-terminated at json[len]. */
static alvh_status parse_straight_json(const char *json, size_t len, const char *source,
                                       alvh_policy *p, char *err, size_t errsize)
{
    /* json[len] is the terminating NUL: cJSON's "require null terminated" looks for it inside
     * the length it is given, so the NUL is counted in. */
    size_t off = 0;
    int syntax_ok = alvh_json_check_syntax(json, len, &off);
    const char *end = NULL;
    cJSON *root = syntax_ok ? cJSON_ParseWithLengthOpts(json, len + 1, &end, 1) : NULL;
    if (syntax_ok && !root) /* e.g. an unpaired UTF-16 surrogate in a \u escape */
        off = (end && end >= json && end <= json + len) ? (size_t)(end - json) : 0;
    if (!root) {
        size_t line, col;
        alvh_json_locate(json, off, &line, &col);
        /* Typographic double quotes were straightened (straighten_quotes); single ones
         * (U+2018..U+201B, UTF-8 E2 80 98..9B) are no JSON quotes in any form: say so. */
        const unsigned char *b = (const unsigned char *)json + off;
        int curly = off + 2 < len + 1 && b[0] == 0xE2 && b[1] == 0x80 && b[2] >= 0x98 &&
                    b[2] <= 0x9B;
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_JSON,
            "%s%sthe policy is not valid JSON at byte offset %zu (line %zu, column %zu)%s",
            source ? source : "", source ? ": " : "", off, line, col,
            curly ? ": single quotes are not JSON quotes (write keys and words in double "
                    "quotes: \"sizing\")"
                  : "");
    }
    alvh_status st = alvh_policy_tree_read(root, p, err, errsize);
    cJSON_Delete(root);
    if (st == ALVH_OK)
        st = alvh_policy_tree_check(p, err, errsize);
    if (st != ALVH_OK && source && err && errsize > 0) {
        /* Prefix the file name so the user knows which document is wrong. */
        char tmp[512];
        snprintf(tmp, sizeof tmp, "%s: %s", source, err);
        snprintf(err, errsize, "%s", tmp);
    }
    return st;
}

/* Bytes of a typographic double quote at in[i] (“ ” „ ‟ U+201C..U+201F, « » U+00AB/U+00BB),
 * else 0. */
static size_t typographic_quote(const unsigned char *in, size_t i, size_t len)
{
    if (in[i] == 0xE2 && i + 2 < len && in[i + 1] == 0x80 && in[i + 2] >= 0x9C && in[i + 2] <= 0x9F)
        return 3;
    if (in[i] == 0xC2 && i + 1 < len && (in[i + 1] == 0xAB || in[i + 1] == 0xBB))
        return 2;
    return 0;
}

/* Bytes of a no-break space at in[i] (U+00A0, or the narrow U+202F French typography puts
 * inside guillemets), else 0. */
static size_t no_break_space(const unsigned char *in, size_t i, size_t len)
{
    if (in[i] == 0xC2 && i + 1 < len && in[i + 1] == 0xA0)
        return 2;
    if (in[i] == 0xE2 && i + 2 < len && in[i + 1] == 0x80 && in[i + 2] == 0xAF)
        return 3;
    return 0;
}

static size_t no_break_run(const unsigned char *in, size_t i, size_t len)
{
    size_t j = i, w;
    while (j < len && (w = no_break_space(in, j, len)) > 0)
        j += w;
    return j - i;
}

/* Typographic double quotes as AutoCorrect types them (English “ ”, German „ “, French « »
 * with no-break spaces inside) become JSON's ", and no-break spaces become spaces, in place of
 * the same number of bytes so that byte offsets and line:column in error sentences still point
 * into the text the user typed. A quote that opens a string is padded with spaces before it,
 * one that closes a string after it, and the no-break spaces just inside a quote go outside
 * with it, so that they never enter a key or a word. Which quote opens and which closes follows
 * JSON's own alternation (escapes skipped), not the glyph: German closes with English's opening
 * quote. Single typographic quotes are left alone (they are no JSON quotes in any form).
 * out has room for len + 1 bytes. */
static void straighten_quotes(const char *json, size_t len, char *out)
{
    const unsigned char *in = (const unsigned char *)json;
    int in_string = 0;
    size_t i = 0;
    while (i < len) {
        size_t quote = typographic_quote(in, i, len), spaces = no_break_run(in, i, len);
        if (in_string && spaces > 0 && i + spaces < len &&
            (quote = typographic_quote(in, i + spaces, len)) > 0) {
            memset(out + i, ' ', spaces + quote); /* "word<nbsp>»": the string ends here */
            out[i] = '"';
            in_string = 0;
            i += spaces + quote;
        } else if (quote > 0 && !in_string) {
            size_t width = quote + no_break_run(in, i + quote, len); /* "«<nbsp>word" */
            memset(out + i, ' ', width);
            out[i + width - 1] = '"';
            in_string = 1;
            i += width;
        } else if (quote > 0) {
            memset(out + i, ' ', quote);
            out[i] = '"';
            in_string = 0;
            i += quote;
        } else if (spaces > 0) {
            memset(out + i, ' ', spaces);
            i += spaces;
        } else if (in_string && in[i] == '\\' && i + 1 < len) {
            out[i] = json[i];
            out[i + 1] = json[i + 1];
            i += 2;
        } else {
            if (in[i] == '"')
                in_string = !in_string;
            out[i] = json[i];
            ++i;
        }
    }
    out[len] = '\0';
}

/* Every JSON text, from a cell or a file, is read here: typographic quotes straightened, the
 * syntax check, cJSON's tree, then the descriptor tree's reader and checks. json is
 * NUL-terminated at json[len]. */
static alvh_status parse_json(const char *typed, size_t len, const char *source, alvh_policy *p,
                              char *err, size_t errsize)
{
    char *json = malloc(len + 1);
    if (!json)
        return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory reading the policy");
    straighten_quotes(typed, len, json);
    alvh_status st = parse_straight_json(json, len, source, p, err, errsize);
    free(json);
    return st;
}

/* The largest policy file read: a policy is a few hundred bytes. */
#define POLICY_FILE_MAX (1u << 20)

static alvh_status parse_file(const char *path, alvh_policy *p, char *err, size_t errsize)
{
    errno = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        const char *why = errno == ENOENT ? "does not exist"
                          : errno == EACCES ? "is not readable (permission denied)"
                                            : "cannot be opened";
        return alvh_fail_text(
            err, errsize, ALVH_E_POLICY_FILE,
            "policy \"%.200s\" is neither JSON text (starting with '{') nor a file that "
            "can be read: the file %s",
            path, why);
    }
    char *buf = malloc(POLICY_FILE_MAX + 1);
    if (!buf) {
        fclose(f);
        return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY,
                              "out of memory reading the policy file");
    }
    size_t n = fread(buf, 1, POLICY_FILE_MAX + 1, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" cannot be read (is it a directory?)", path);
    }
    if (n > POLICY_FILE_MAX) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" is larger than 1 MiB", path);
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) {
        free(buf);
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_FILE,
                              "policy file \"%.200s\" is not text (it holds a NUL byte)", path);
    }
    char source[240];
    snprintf(source, sizeof source, "policy file \"%.200s\"", path);
    size_t start = 0;
    while (start < n && (buf[start] == ' ' || buf[start] == '\t' || buf[start] == '\r' ||
                         buf[start] == '\n'))
        ++start;
    alvh_status st;
    if (start == n)
        st = alvh_fail_text(err, errsize, ALVH_E_POLICY_JSON, "%s is empty", source);
    else
        st = parse_json(buf, n, source, p, err, errsize);
    free(buf);
    return st;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

alvh_status alvh_policy_parse(const char *text, alvh_policy *p, char *err, size_t errsize)
{
    if (err && errsize > 0)
        err[0] = '\0';
    alvh_policy_default(p);
    if (!text)
        return ALVH_OK;
    const char *s = text;
    while (is_blank(*s))
        ++s;
    if (*s == '\0')
        return ALVH_OK;
    alvh_policy tmp;
    memcpy(&tmp, p, sizeof tmp); /* padding too: policies compare byte for byte */
    alvh_status st;
    if (*s == '{' || *s == '[' || *s == '"') {
        /* JSON text; offsets count from the start of text as given. */
        st = parse_json(text, strlen(text), NULL, &tmp, err, errsize);
    } else {
        /* A file path; trailing blanks (a pasted newline) are not part of it. */
        size_t len = strlen(s);
        while (len > 0 && is_blank(s[len - 1]))
            --len;
        char *path = malloc(len + 1);
        if (!path)
            return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
        memcpy(path, s, len);
        path[len] = '\0';
        st = parse_file(path, &tmp, err, errsize);
        free(path);
    }
    if (st == ALVH_OK)
        memcpy(p, &tmp, sizeof *p); /* on failure p keeps the defaults, never a half-applied
                                       policy */
    return st;
}

/* ---- writing, lookup, setting, checking ------------------------------------------------------ */

char *alvh_policy_to_json(const alvh_policy *p, int indent)
{
    alvh_policy_ref whole;
    if (alvh_policy_tree_find("", &whole, NULL, 0) != ALVH_OK)
        return NULL;
    cJSON *root = alvh_policy_tree_json(&whole, p, 1);
    if (!root)
        return NULL;
    char *s = indent ? cJSON_Print(root) : cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    /* cJSON allocates with malloc by default (no hooks installed): free() releases it. */
    return s;
}

/* A malloc'ed copy of text into out. */
static alvh_status value_text(alvh_policy_value *out, const char *text, char *err, size_t errsize)
{
    size_t n = text ? strlen(text) : 0;
    out->text = text ? malloc(n + 1) : NULL;
    if (!out->text)
        return alvh_fail_text(err, errsize, ALVH_E_NO_MEMORY, "out of memory");
    memcpy(out->text, text, n + 1);
    out->is_text = 1;
    return ALVH_OK;
}

alvh_status alvh_policy_get(const alvh_policy *p, const char *key, alvh_policy_value *out,
                            char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    alvh_policy_ref ref;
    alvh_status st = alvh_policy_tree_find(key, &ref, err, errsize);
    if (st != ALVH_OK)
        return st;
    const alvh_policy_field *f = ref.field;
    const char *at = (const char *)p + ref.offset;
    if (f && (f->kind == ALVH_FIELD_NUMBER || f->kind == ALVH_FIELD_INTEGER)) {
        memcpy(&out->number, at, sizeof out->number);
        return ALVH_OK;
    }
    if (f && f->kind == ALVH_FIELD_BOOL) {
        int b;
        memcpy(&b, at, sizeof b);
        out->number = b ? 1.0 : 0.0;
        return ALVH_OK;
    }
    /* An enum's word, or an object or array as JSON text (raw numbers: every bit kept). */
    cJSON *node = alvh_policy_tree_json(&ref, p, 1);
    char *printed = NULL;
    if (node && !cJSON_IsString(node))
        printed = cJSON_PrintUnformatted(node);
    st = value_text(out, printed ? printed : node ? cJSON_GetStringValue(node) : NULL, err,
                    errsize);
    free(printed);
    cJSON_Delete(node);
    return st;
}

/* The key's place in the tree, err emptied first (the public lookups' common start). */
static alvh_status lookup(const char *key, alvh_policy_ref *ref, char *err, size_t errsize)
{
    if (err && errsize > 0)
        err[0] = '\0';
    return alvh_policy_tree_find(key, ref, err, errsize);
}

alvh_status alvh_policy_set(alvh_policy *p, const char *key, const alvh_policy_scalar *value,
                            char *err, size_t errsize)
{
    alvh_policy_ref ref;
    alvh_status st = lookup(key, &ref, err, errsize);
    if (st != ALVH_OK)
        return st;
    const char *got = !value                            ? "nothing"
                      : value->kind == ALVH_POLICY_BOOL ? "true/false"
                      : value->kind == ALVH_POLICY_TEXT ? "text"
                                                        : "a number";
    return alvh_policy_tree_set(&ref, p, value, got, err, errsize);
}

alvh_status alvh_policy_key_kind(const char *key, alvh_policy_kind *kind, char *path,
                                 size_t pathsize, char *err, size_t errsize)
{
    alvh_policy_ref ref;
    alvh_status st = lookup(key, &ref, err, errsize);
    if (st != ALVH_OK)
        return st;
    if (!ref.field || ref.field->kind == ALVH_FIELD_OBJECT || ref.field->kind == ALVH_FIELD_ARRAY) {
        /* An example key inside the group: its first member (of its first element). */
        const alvh_policy_node *node = ref.field ? ref.field->node : ref.node;
        int array = ref.field && ref.field->kind == ALVH_FIELD_ARRAY;
        return alvh_fail_text(err, errsize, ALVH_E_POLICY_TYPE,
                              "policy key \"%s\" is a group of keys, not one value: give its "
                              "keys one by one, e.g. \"%s%s%s%s\"",
                              ref.path[0] ? ref.path : "(the whole policy)", ref.path,
                              ref.path[0] ? "." : "", array ? "1." : "", node->fields[0].key);
    }
    if (path && pathsize > 0)
        snprintf(path, pathsize, "%s", ref.path);
    *kind = ref.field->kind == ALVH_FIELD_BOOL   ? ALVH_POLICY_BOOL
            : ref.field->kind == ALVH_FIELD_ENUM ? ALVH_POLICY_TEXT
                                                 : ALVH_POLICY_NUMBER;
    return ALVH_OK;
}

alvh_status alvh_policy_check(const alvh_policy *p, char *err, size_t errsize)
{
    if (err && errsize > 0)
        err[0] = '\0';
    return alvh_policy_tree_check(p, err, errsize);
}
