/* history.c: the options `alvh join` and `alvh backtest` share to name published files
 * (--spx, --vix, --futures, --tenors, --from, --to), reading them and joining them
 * (alvh/marketfile.h), and the messages about them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alvh/dates.h"
#include "alvh/marketfile.h"
#include "cli.h"

int alvh_cli_sources_init(alvh_cli_sources *src, int argc)
{
    memset(src, 0, sizeof *src);
    src->futures = calloc((size_t)(argc > 0 ? argc : 1), sizeof *src->futures);
    return src->futures ? 0 : -1;
}

void alvh_cli_sources_free(alvh_cli_sources *src)
{
    free(src->futures);
    memset(src, 0, sizeof *src);
}

/* "30,60,90": whole days, increasing (alvh_market_join() checks the range). */
static int parse_tenors(const char *text, alvh_join_options *o)
{
    o->ntenors = 0;
    const char *p = text;
    while (*p) {
        char *end = NULL;
        double x = strtod(p, &end);
        if (end == p || (*end != ',' && *end != '\0') || o->ntenors == ALVH_BACKTEST_MAX_FUTURES)
            return -1;
        o->tenors[o->ntenors++] = x;
        p = *end == ',' ? end + 1 : end;
        if (*end == ',' && *p == '\0')
            return -1;
    }
    return o->ntenors > 0 ? 0 : -1;
}

int alvh_cli_source_option(const char *cmd, int argc, char **argv, int *i, alvh_cli_sources *src)
{
    const char *opt = argv[*i];
    int has_value = *i + 1 < argc;
    if (strcmp(opt, "--futures") == 0) {
        size_t before = src->nfutures;
        while (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0)
            src->futures[src->nfutures++] = argv[++*i];
        if (src->nfutures > before)
            return 1;
        fprintf(stderr, "alvh %s: --futures needs at least one file\n", cmd);
        return -1;
    }
    if (!has_value)
        return 0;
    if (strcmp(opt, "--spx") == 0 || strcmp(opt, "--vix") == 0) {
        *(opt[2] == 's' ? &src->spx : &src->vix) = argv[++*i];
        return 1;
    }
    if (strcmp(opt, "--from") == 0 || strcmp(opt, "--to") == 0) {
        double *bound = opt[2] == 'f' ? &src->join.from : &src->join.to;
        if (alvh_marketfile_date(argv[*i + 1], bound) != ALVH_OK) {
            fprintf(stderr, "alvh %s: %s must be a date (YYYY-MM-DD or MM/DD/YYYY), got \"%s\"\n",
                    cmd, opt, argv[*i + 1]);
            return -1;
        }
        ++*i;
        return 1;
    }
    if (strcmp(opt, "--tenors") == 0) {
        if (parse_tenors(argv[*i + 1], &src->join) != 0) {
            fprintf(stderr, "alvh %s: --tenors must be days separated by commas (at most %d), "
                            "got \"%s\"\n", cmd, ALVH_BACKTEST_MAX_FUTURES, argv[*i + 1]);
            return -1;
        }
        ++*i;
        return 1;
    }
    return 0;
}

void alvh_cli_file_error(const char *cmd, const char *path, alvh_status st,
                         const alvh_marketfile_error *e)
{
    if (e->sys_errno != 0 || st == ALVH_E_NO_MEMORY)
        fprintf(stderr, "alvh %s: %s\n", cmd, e->text);
    else if (path && e->line > 0)
        fprintf(stderr, "alvh %s: %s: %s: %s\n", cmd, alvh_status_name(st), path, e->text);
    else
        fprintf(stderr, "alvh %s: %s: %s\n", cmd, alvh_status_name(st), e->text);
}

/* The futures files, one contract each, into *c (ncontracts of them, allocated). */
static int read_futures(const char *cmd, const alvh_cli_sources *src, alvh_vix_contract **c)
{
    *c = calloc(src->nfutures ? src->nfutures : 1, sizeof **c);
    if (!*c) {
        fprintf(stderr, "alvh %s: out of memory\n", cmd);
        return 1;
    }
    alvh_marketfile_error e;
    for (size_t j = 0; j < src->nfutures; ++j) {
        alvh_status st = alvh_cfe_futures_read(src->futures[j], &(*c)[j], &e);
        if (st != ALVH_OK) {
            alvh_cli_file_error(cmd, NULL, st, &e);
            return 1;
        }
    }
    return 0;
}

int alvh_cli_join(const char *cmd, const alvh_cli_sources *src, alvh_market_series *out)
{
    if (!src->spx || !src->vix) {
        fprintf(stderr, "alvh %s: --spx and --vix go together\n", cmd);
        return 2;
    }
    alvh_market_series spx, vix;
    memset(&spx, 0, sizeof spx);
    memset(&vix, 0, sizeof vix);
    alvh_vix_contract *c = NULL;
    alvh_marketfile_error e;
    int rc = 0;
    alvh_status st = alvh_spx_history_read(src->spx, &spx, &e);
    if (st == ALVH_OK)
        st = alvh_vix_history_read(src->vix, &vix, &e);
    if (st != ALVH_OK) {
        alvh_cli_file_error(cmd, NULL, st, &e);
        rc = 1;
    }
    if (rc == 0)
        rc = read_futures(cmd, src, &c);
    if (rc == 0) {
        alvh_join_report r;
        memset(&r, 0, sizeof r);
        st = alvh_market_join(&spx, &vix, c, src->nfutures, &src->join, out, &r, &e);
        char text[4096];
        alvh_join_report_text(&r, text, sizeof text);
        for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
            fprintf(stderr, "alvh %s: %s\n", cmd, line);
        if (st != ALVH_OK) {
            alvh_cli_file_error(cmd, NULL, st, &e);
            rc = 1;
        }
    }
    for (size_t j = 0; c && j < src->nfutures; ++j)
        alvh_vix_contract_free(&c[j]);
    free(c);
    alvh_market_series_free(&spx);
    alvh_market_series_free(&vix);
    return rc;
}

void alvh_cli_put_date(FILE *f, double serial)
{
    int y = 0, m = 0, d = 0;
    if (serial > 0 && alvh_ymd_from_serial(serial, &y, &m, &d) == ALVH_OK)
        fprintf(f, "%04d-%02d-%02d", y, m, d);
    else if (serial > 0)
        fprintf(f, "%.15g", serial);
}
