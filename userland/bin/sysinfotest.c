/*
 * sysinfotest - the sysinfo system call against good and bad pointers (lab syscall's grader runs
 * it; labs/syscall/README.md).
 *
 *     sysinfotest
 *
 * A child is forked first and kept waiting, so that two μprocesses are alive, and so that there
 * is another μprocess's memory to aim at. Then each case makes the call straight through
 * __syscall (not libc's wrapper, so that a pointer reaches the kernel exactly as made) and prints
 * one line, "CASE RESULT", RESULT being 0 or the errno's name:
 *
 *     valid       a struct sysinfo; the fields follow the result, and "outside" if the kernel
 *                 wrote anything beyond the struct
 *     null        NULL
 *     integer     the address of a good struct, as an integer (no tag)
 *     readonly    a good struct through a capability without Store
 *     short       a capability 8 bytes too short for the struct
 *     misaligned  a struct that starts 4 bytes off its 8-byte alignment, printed as valid: the
 *                 machine stores a misaligned long, so the kernel must too
 *     sentry      a function pointer (sealed, and not data)
 *     other-integer  the child's struct, at its address in the child's slot, as an integer
 *     other-moved    our own capability with its address moved to the child's struct
 *
 * A failed call must leave the memory alone: "changed" follows a result if it did not, and the
 * child says "child: changed" if its struct was touched.
 * Exit status: 0, or 1 if the child could not be made.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CANARY 0xA5
#define ROOM (sizeof(struct sysinfo) + 32)     /* the struct, misaligned if need be, and a margin */

static unsigned char memory[ROOM] __attribute__((aligned(16)));

static long call(uintptr_t info)
{
    return __syscall(SYS_sysinfo, info, 0, 0, 0, 0, 0);
}

static const char *result_name(long r)
{
    static char text[24];

    if (r == 0)
        return "0";
    if (r == -EFAULT)
        return "EFAULT";
    if (r == -ENOSYS)
        return "ENOSYS";
    snprintf(text, sizeof text, "%ld", r);
    return text;
}

static int untouched(const unsigned char *p, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != CANARY)
            return 0;
    return 1;
}

/* One bad pointer: the call's result, and whether the memory stayed as it was. */
static void bad(const char *name, uintptr_t info)
{
    long r;

    memset(memory, CANARY, ROOM);
    r = call(info);
    printf("%s %s%s\n", name, result_name(r), untouched(memory, ROOM) ? "" : " changed");
}

/* A good struct `offset` bytes into memory: the result, the fields, and "outside" if the kernel
 * wrote anything before or after the struct. */
static void filled(const char *name, size_t offset)
{
    struct sysinfo *info = (struct sysinfo *)(memory + offset);
    long r;
    int clean;

    memset(memory, CANARY, ROOM);
    r = call((uintptr_t)info);
    printf("%s %s", name, result_name(r));
    if (r == 0)
        printf(" uptime=%ld loads=%lu,%lu,%lu totalram=%lu freeram=%lu sharedram=%lu bufferram=%lu "
               "totalswap=%lu freeswap=%lu procs=%u totalhigh=%lu freehigh=%lu mem_unit=%u",
               info->uptime, info->loads[0], info->loads[1], info->loads[2], info->totalram,
               info->freeram, info->sharedram, info->bufferram, info->totalswap, info->freeswap,
               (unsigned)info->procs, info->totalhigh, info->freehigh, info->mem_unit);
    clean = untouched(memory, offset) && untouched(memory + offset + sizeof *info, ROOM - offset - sizeof *info);
    printf("%s\n", clean ? "" : " outside");
}

/* The child: its struct filled with the canary, its address sent up, then wait for the end. */
static void child(int to_parent, int from_parent)
{
    ptraddr_t where = cheri_address_get(memory);
    char done;

    memset(memory, CANARY, ROOM);
    write(to_parent, &where, sizeof where);
    read(from_parent, &done, 1);
    printf("child: %s\n", untouched(memory, ROOM) ? "intact" : "changed");
    exit(0);
}

int main(void)
{
    int up[2], down[2], status;
    ptraddr_t theirs = 0;
    pid_t pid;

    if (pipe(up) < 0 || pipe(down) < 0 || (pid = fork()) < 0) {
        perror("sysinfotest: cannot start the child");
        return 1;
    }
    if (pid == 0)
        child(up[1], down[0]);
    read(up[0], &theirs, sizeof theirs);

    filled("valid", 0);
    filled("misaligned", 4);
    bad("null", (uintptr_t)0);
    bad("integer", (uintptr_t)(long)cheri_address_get(memory));
    bad("readonly", (uintptr_t)cheri_perms_and(memory, CHERI_PERM_LOAD | CHERI_PERM_LOAD_CAP));
    bad("short", (uintptr_t)cheri_bounds_set(memory, sizeof(struct sysinfo) - 8));
    bad("sentry", (uintptr_t)main);
    bad("other-integer", (uintptr_t)(long)theirs);
    bad("other-moved", (uintptr_t)cheri_address_set(memory, theirs));
    fflush(stdout);

    write(down[1], "", 1);
    waitpid(pid, &status, 0);
    return 0;
}
