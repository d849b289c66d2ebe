/*
 * free - the machine's memory, used and free: procps's free (the one Linux systems have).
 *
 *     free [-b | -k | -m | -g | -h] [--si] [-t]
 *
 *                    total        used        free      shared  buff/cache   available
 *     Mem:          262140        1096      261044           0           0      261044
 *     Swap:              0           0           0
 *
 * From the sysinfo system call: total and free are its totalram and freeram; shared, the pages
 * μprocesses share after a fork; ufos keeps no buffers, cache or swap (0), so "used" is total -
 * free and "available" is free.
 *   -b, -k, -m, -g   in bytes, KiB (the default), MiB or GiB
 *   -h, --human      each number in the unit that makes it short (B, Ki, Mi, Gi...)
 *   --si             powers of 1000 (kB, MB, GB; K, M, G with -h) instead of 1024
 *   -t, --total      a last line, Total:, of memory and swap together
 * Exit status: 0, or 1 if sysinfo failed or an option was bad.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>

static int exponent = 1;            /* the unit: base^exponent bytes (-b 0, -k 1, -m 2, -g 3) */
static double base = 1024;          /* --si: 1000 */
static int human;

/* a number of bytes as free shows it: in the unit, or (-h) in the shortest that fits 4 or 5
 * characters, with one decimal while it is small ("1.1Gi", "23Gi") */
static const char *scaled(unsigned long long bytes)
{
    static const char units[] = "BKMGTPE";
    static char buf[32];
    const char *suffix = base == 1024 ? "i" : "";
    int width = base == 1024 ? 5 : 4;
    double power = 1;

    if (!human) {
        for (int i = 0; i < exponent; i++)
            power *= base;
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)(bytes / power));
        return buf;
    }
    if (snprintf(buf, sizeof buf, "%lluB", bytes) <= 4)
        return buf;
    for (int i = 1; units[i] != '\0'; i++) {
        power *= base;
        if (snprintf(buf, sizeof buf, "%.1f%c%s", bytes / power, units[i], suffix) <= width
            || snprintf(buf, sizeof buf, "%ld%c%s", (long)(bytes / power), units[i], suffix) <= width)
            return buf;
    }
    return buf;
}

static void line(const char *label, const unsigned long long *values, int n)
{
    printf("%-8s", label);
    for (int i = 0; i < n; i++)
        printf(" %11s", scaled(values[i]));
    putchar('\n');
}

static void usage_error(void)
{
    fprintf(stderr, "Usage:\n free [options]\n");
    exit(1);
}

int main(int argc, char **argv)
{
    enum { SI = 256 };
    static const struct option longopts[] = {
        { "bytes", no_argument, NULL, 'b' }, { "kibi", no_argument, NULL, 'k' },
        { "mebi", no_argument, NULL, 'm' }, { "gibi", no_argument, NULL, 'g' },
        { "human", no_argument, NULL, 'h' }, { "si", no_argument, NULL, SI },
        { "total", no_argument, NULL, 't' }, { NULL, 0, NULL, 0 },
    };
    struct sysinfo info;
    int total = 0, c;

    while ((c = getopt_long(argc, argv, "bkmght", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': exponent = 0; break;
        case 'k': exponent = 1; break;
        case 'm': exponent = 2; break;
        case 'g': exponent = 3; break;
        case 'h': human = 1; break;
        case SI: base = 1000; break;
        case 't': total = 1; break;
        default: usage_error();
        }
    }
    if (optind < argc)
        usage_error();
    if (sysinfo(&info) < 0) {
        fprintf(stderr, "free: sysinfo: %s\n", strerror(errno));
        return 1;
    }

    unsigned long long unit = info.mem_unit, ram = info.totalram * unit, free_ram = info.freeram * unit;
    unsigned long long swap = info.totalswap * unit, free_swap = info.freeswap * unit;
    unsigned long long buffers = info.bufferram * unit;
    unsigned long long mem[6] = { ram, ram - free_ram - buffers, free_ram, info.sharedram * unit,
                                  buffers, free_ram + buffers };
    unsigned long long swaps[3] = { swap, swap - free_swap, free_swap };
    unsigned long long totals[3] = { ram + swap, mem[1] + swaps[1], free_ram + free_swap };

    printf("               total        used        free      shared  buff/cache   available\n");
    line("Mem:", mem, 6);
    line("Swap:", swaps, 3);
    if (total)
        line("Total:", totals, 3);
    return 0;
}
