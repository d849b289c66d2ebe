/*
 * hostshim.c - what the ufos libc needs from "the machine", on the host, for the host tests:
 *   ufos___syscall / ufos___syscall_ptr  the generic (aarch64) system call numbers, done with
 *                                        the host's own system calls;
 *   ufos_sqrt                            (sqrt.s on ufos);
 *   fake capabilities                    for cheriintrin.h (include/cheriintrin.h).
 * The libc objects are compiled against ufos's headers and their symbols prefixed with ufos_
 * (objcopy), so they live beside the host's libc; this file uses the host's headers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- system calls ---------------------------------------------------------------------------- */

/* struct stat as ufos defines it (the aarch64 layout) */
struct ufos_stat {
    unsigned long st_dev, st_ino;
    unsigned int st_mode, st_nlink, st_uid, st_gid;
    unsigned long st_rdev, pad1;
    long st_size;
    int st_blksize, pad2;
    long st_blocks;
    long atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
    unsigned int unused4, unused5;
};

static long host(long r)
{
    return r < 0 ? -errno : r;
}

static long convert_stat(long r, const struct stat *h, struct ufos_stat *u)
{
    if (r < 0)
        return -errno;
    memset(u, 0, sizeof *u);
    u->st_dev = h->st_dev;
    u->st_ino = h->st_ino;
    u->st_mode = h->st_mode;
    u->st_nlink = (unsigned int)h->st_nlink;
    u->st_uid = h->st_uid;
    u->st_gid = h->st_gid;
    u->st_rdev = h->st_rdev;
    u->st_size = h->st_size;
    u->st_blksize = (int)h->st_blksize;
    u->st_blocks = h->st_blocks;
    u->atime = h->st_atim.tv_sec;
    u->mtime = h->st_mtim.tv_sec;
    u->ctime = h->st_ctim.tv_sec;
    return 0;
}

/* aarch64 open flags -> x86-64 (only O_DIRECTORY and O_NOFOLLOW differ among those used) */
static int open_flags(long f)
{
    int h = (int)(f & ~(040000 | 0100000));
    if (f & 040000)
        h |= O_DIRECTORY;
    if (f & 0100000)
        h |= O_NOFOLLOW;
    return h;
}

long syscalls_made[256];

long ufos___syscall(long n, long a, long b, long c, long d, long e, long f)
{
    struct stat st;

    (void)f;
    if (n >= 0 && n < 256)
        syscalls_made[n]++;
    switch (n) {
    case 63: return host(read((int)a, (void *)b, (size_t)c));
    case 64: return host(write((int)a, (const void *)b, (size_t)c));
    case 56: return host(openat((int)a, (const char *)b, open_flags(c), (mode_t)d));
    case 57: return host(close((int)a));
    case 62: return host(lseek((int)a, b, (int)c));
    case 80: return convert_stat(fstat((int)a, &st), &st, (struct ufos_stat *)b);
    case 79: return convert_stat(fstatat((int)a, (const char *)b, &st, (int)d), &st,
                                 (struct ufos_stat *)c);
    case 61: return host(syscall(SYS_getdents64, a, b, c));
    case 34: return host(mkdirat((int)a, (const char *)b, (mode_t)c));
    case 35: return host(unlinkat((int)a, (const char *)b, (int)c));
    case 38: return host(renameat((int)a, (const char *)b, (int)c, (const char *)d));
    case 17: return host(syscall(SYS_getcwd, a, b));
    case 49: return host(chdir((const char *)a));
    case 23: return host(dup((int)a));
    case 24: return host(dup3((int)a, (int)b, (int)c));
    case 59: return host(pipe2((int *)a, (int)b));
    case 46: return host(ftruncate((int)a, b));
    case 48: return host(faccessat((int)a, (const char *)b, (int)c, 0));
    case 172: return getpid();
    case 173: return getppid();
    case 129: return host(kill((pid_t)a, (int)b));
    case 113: return host(clock_gettime((clockid_t)a, (struct timespec *)b));
    case 101: return host(nanosleep((const struct timespec *)a, (struct timespec *)b));
    case 215: return host(munmap((void *)a, (size_t)b));
    case 93:
    case 94: _exit((int)a);
    default: (void)e; return -ENOSYS;
    }
}

void *ufos___syscall_ptr(long n, long a, long b, long c, long d, long e, long f)
{
    if (n >= 0 && n < 256)
        syscalls_made[n]++;
    if (n == 222) {
        void *p = mmap((void *)a, (size_t)b, (int)c, (int)d, (int)e, f);
        return p == MAP_FAILED ? (void *)(long)-errno : p;
    }
    return (void *)ufos___syscall(n, a, b, c, d, e, f);
}

/* start.c and syscall.s are not part of the host build */
const char *ufos___progname = "hosttest";
const char *ufos___progname_full = "hosttest";

void ufos___sigreturn(void)
{
}

double ufos_sqrt(double x)
{
    return sqrt(x);
}

/* ---- fake capabilities ----------------------------------------------------------------------- */

struct fake {
    unsigned long addr, base, length, perms;
    long otype;
    int tag, sealed, used;
};

#define FAKES (1 << 20)
static struct fake fakes[FAKES];

static struct fake *find(unsigned long addr, int create)
{
    unsigned long i = (addr * 0x9E3779B97F4A7C15UL) >> 44;

    for (;; i = (i + 1) & (FAKES - 1)) {
        if (!fakes[i].used) {
            if (!create)
                return NULL;
            fakes[i].used = 1;
            fakes[i].addr = addr;
            return &fakes[i];
        }
        if (fakes[i].addr == addr)
            return &fakes[i];
    }
}

/* For the tests: make p look like the capability described. */
void host_fake_cap(unsigned long addr, unsigned long base, unsigned long length,
                   unsigned long perms, long otype, int tag)
{
    struct fake *f = find(addr, 1);

    f->base = base;
    f->length = length;
    f->perms = perms;
    f->otype = otype;
    f->sealed = otype != 0;
    f->tag = tag;
}

#define RW_PERMS ((1UL << 17) | (1UL << 16) | (1UL << 14) | (1UL << 13) | (1UL << 12) | 1UL)

unsigned long ufos___host_cap_base(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->base : (unsigned long)p;
}

unsigned long ufos___host_cap_length(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->length : (p == NULL ? ~0UL : 1UL << 40);
}

unsigned long ufos___host_cap_perms(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->perms : (p == NULL ? 0 : RW_PERMS);
}

long ufos___host_cap_type(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->otype : 0;
}

int ufos___host_cap_tag(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->tag : p != NULL;
}

int ufos___host_cap_sealed(const void *p)
{
    struct fake *f = find((unsigned long)p, 0);
    return f ? f->sealed : 0;
}

/* Morello: lengths below 2**14 are exact; above, the base and length must be multiples of
 * 2**(bit_length(length) - 12), recomputed if rounding the length up lengthens it. */
static int exponent(unsigned long n)
{
    int bits = 64 - (n == 0 ? 64 : __builtin_clzl(n));
    return n < (1UL << 14) ? 0 : bits - 12;
}

unsigned long ufos___host_rep_length(unsigned long n)
{
    int e = exponent(n);
    unsigned long r = (n + (1UL << e) - 1) & ~((1UL << e) - 1);
    if (exponent(r) != e) {
        e = exponent(r);
        r = (n + (1UL << e) - 1) & ~((1UL << e) - 1);
    }
    return r;
}

unsigned long ufos___host_rep_mask(unsigned long n)
{
    int e = exponent(ufos___host_rep_length(n));
    return ~((1UL << e) - 1);
}

void *ufos___host_cap_bounds(void *p, unsigned long n, int exact)
{
    unsigned long a = (unsigned long)p;

    if (exact && (ufos___host_rep_length(n) != n || (a & ~ufos___host_rep_mask(n)) != 0)) {
        fprintf(stderr, "hostshim: bounds [%#lx, +%#lx) would not be exact on Morello\n", a, n);
        abort();
    }
    host_fake_cap(a, a, n, RW_PERMS, 0, 1);
    return p;
}
