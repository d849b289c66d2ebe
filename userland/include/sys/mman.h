/*
 * sys/mman.h - memory mappings (POSIX), with Linux's values. On ufos mmap returns a capability
 * bounded to the new pages. Mappings are anonymous or of a regular file, MAP_PRIVATE or
 * MAP_SHARED; a MAP_SHARED mapping cannot hold a pointer (its capability lacks the permission to
 * store one: the store faults with SIGPROT), since the other processes that map it would load it.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/_types.h>

#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4

#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS
#define MAP_NORESERVE 0x4000
#define MAP_POPULATE 0x8000
#define MAP_FIXED_NOREPLACE 0x100000

#define MAP_FAILED ((void *)-1)

/* msync's flags */
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t length, int prot);
int msync(void *addr, size_t length, int flags);

#endif
