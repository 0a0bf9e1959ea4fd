/* policy_cmd.c: `alvh policy [POLICY]`: prints a policy as JSON.
 *
 *   alvh policy              the built-in default policy, every key
 *   alvh policy POLICY       POLICY (JSON text or a file path) checked and printed in full:
 *                            the keys it sets and the defaults of the rest
 * Output: pretty-printed JSON on stdout, exit 0; an invalid policy prints
 * "#ERR <STATUS>: <sentence>" (naming the key or the byte offset) and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>

#include "alvh/policy.h"
#include "alvh/status.h"
#include "cli.h"

int alvh_cli_policy(int argc, char **argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: alvh policy [POLICY]   (POLICY: JSON text or a JSON file path)\n");
        return 2;
    }
    alvh_policy p;
    char err[512];
    alvh_status st = alvh_policy_parse(argc == 1 ? argv[0] : NULL, &p, err, sizeof err);
    if (st != ALVH_OK) {
        printf("#ERR %s: %s\n", alvh_status_name(st), err);
        return 1;
    }
    char *json = alvh_policy_to_json(&p, 1);
    if (!json) {
        fprintf(stderr, "alvh policy: out of memory\n");
        return 1;
    }
    /* cJSON indents with tabs and puts a tab after each colon; print two spaces per level and
     * ": " instead (JSON strings cannot hold a raw tab, so every tab is layout). */
    int line_start = 1;
    for (const char *c = json; *c; ++c) {
        if (*c == '\t') {
            fputs(line_start ? "  " : " ", stdout);
            continue;
        }
        line_start = *c == '\n';
        putchar(*c);
    }
    putchar('\n');
    free(json);
    return 0;
}
