/*
 * sys/mman.h - memory mappings (POSIX). On ufos mmap returns a capability bounded to the new
 * pages; only anonymous mappings exist (MAP_ANONYMOUS, fd -1).
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
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON MAP_ANONYMOUS

#define MAP_FAILED ((void *)-1)

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t length, int prot);

#endif
