/*
 * chmod - change the permission bits of files.
 *
 *     chmod 755 FILE...          octal: the bits themselves
 *     chmod u+x,go-w FILE...     symbolic: who (u g o a; none means all), + - or =, and r w x
 *
 * `chmod +x script.sh` is what lets `./script.sh` run (its first line, #!/bin/sh, names the
 * program the kernel starts to read it).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The bits of who (a mask of 0700, 0070, 0007) for the letters r, w, x in what. */
static mode_t bits_for(const char *what, size_t n, mode_t who)
{
    mode_t bits = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        if (what[i] == 'r')
            bits |= 0444;
        else if (what[i] == 'w')
            bits |= 0222;
        else if (what[i] == 'x')
            bits |= 0111;
        else
            return (mode_t)-1;
    }
    return bits & who;
}

/* Apply one symbolic clause ("u+x") to mode; -1 if it is not one. */
static long apply_clause(const char *clause, size_t n, mode_t mode)
{
    mode_t who = 0, bits;
    size_t i = 0;

    for (; i < n && strchr("ugoa", clause[i]); i++)
        who |= clause[i] == 'u' ? 0700 : clause[i] == 'g' ? 0070 : clause[i] == 'o' ? 0007 : 0777;
    if (who == 0)
        who = 0777;
    if (i == n || !strchr("+-=", clause[i]))
        return -1;
    bits = bits_for(clause + i + 1, n - i - 1, who);
    if (bits == (mode_t)-1)
        return -1;
    if (clause[i] == '+')
        return mode | bits;
    if (clause[i] == '-')
        return mode & ~bits;
    return (mode & ~who) | bits;
}

/* The new mode of a file whose mode is now `mode`; -1 if spec is not a mode. */
static long new_mode(const char *spec, mode_t mode)
{
    char *end;
    long result = mode;
    const char *clause = spec;

    if (*spec >= '0' && *spec <= '7') {
        result = strtol(spec, &end, 8);
        return *end == '\0' && result <= 07777 ? result : -1;
    }
    while (result >= 0) {
        size_t n = strcspn(clause, ",");

        result = apply_clause(clause, n, (mode_t)result);
        if (clause[n] == '\0')
            break;
        clause += n + 1;
    }
    return result;
}

int main(int argc, char **argv)
{
    struct stat st;
    int i, status = 0;
    long mode;

    if (argc < 3) {
        fprintf(stderr, "usage: chmod MODE FILE...\n");
        return 1;
    }
    for (i = 2; i < argc; i++) {
        if (stat(argv[i], &st) < 0) {
            fprintf(stderr, "chmod: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        mode = new_mode(argv[1], st.st_mode & 07777);
        if (mode < 0) {
            fprintf(stderr, "chmod: invalid mode: '%s'\n", argv[1]);
            return 1;
        }
        if (chmod(argv[i], (mode_t)mode) < 0) {
            fprintf(stderr, "chmod: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
