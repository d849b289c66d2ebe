/*
 * mman.c - memory from the kernel: mmap, munmap, mprotect, msync, brk and sbrk.
 *
 * mmap's result is a capability bounded to the new pages (the kernel derives it from the
 * process's root), so it comes back through __syscall_ptr; a failure is a small negative
 * integer in the same register.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>
#include "libc.h"

/* A capability result that may be a negated errno instead. */
static void *pointer_result(void *p, void *failed)
{
    long r = (long)__ADDR(p);

    if (r < 0 && r >= -4095) {
        errno = (int)-r;
        return failed;
    }
    return p;
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    void *p = __syscall_ptr(SYS_mmap, (uintptr_t)addr, (uintptr_t)length, (uintptr_t)prot,
                            (uintptr_t)flags, (uintptr_t)fd, (uintptr_t)offset);

    return pointer_result(p, MAP_FAILED);
}

int munmap(void *addr, size_t length)
{
    return (int)syscall2(SYS_munmap, addr, length);
}

int mprotect(void *addr, size_t length, int prot)
{
    return (int)syscall3(SYS_mprotect, addr, length, prot);
}

int msync(void *addr, size_t length, int flags)
{
    return (int)syscall3(SYS_msync, addr, length, flags);
}

/*
 * The program break. ufos's brk (system call 214) returns the new break as a capability that
 * covers the heap from its start to that break (the address is the break itself); brk(NULL)
 * asks for the current one. sbrk(n) moves the break by n and returns a capability to the
 * n new bytes. malloc does not use these: it maps its memory with mmap.
 */
static char *current_break;

int brk(void *addr)
{
    char *b = pointer_result(__syscall_ptr(SYS_brk, (uintptr_t)addr, 0, 0, 0, 0, 0), NULL);

    if (b == NULL)
        return -1;
    if (__ADDR(b) != __ADDR(addr)) {
        errno = ENOMEM;
        return -1;
    }
    current_break = b;
    return 0;
}

void *sbrk(intptr_t increment)
{
    char *old, *b;
    long n = (long)increment;

    if (current_break == NULL) {
        current_break = pointer_result(__syscall_ptr(SYS_brk, 0, 0, 0, 0, 0, 0), NULL);
        if (current_break == NULL)
            return (void *)-1;
    }
    old = current_break;
    if (n == 0)
        return old;
    b = pointer_result(__syscall_ptr(SYS_brk, (uintptr_t)(__ADDR(old) + n), 0, 0, 0, 0, 0),
                       NULL);
    if (b == NULL || __ADDR(b) != __ADDR(old) + n) {
        errno = ENOMEM;
        return (void *)-1;
    }
    current_break = b;
    if (n < 0)
        return old;
    /* the new bytes, and only those: from the old break, bounded to n */
    return (void *)cheri_bounds_set((char * __capability)((char *)b - n), (size_t)n);
}

int getpagesize(void)
{
    return 4096;
}
