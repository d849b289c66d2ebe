/* sys/random.h - random bytes from the kernel (Linux's getrandom; the kernel's generator is the one
   /dev/urandom reads: seeded at boot, so a run with a seed gets the same bytes every time).
 *
 *   getrandom(buf, n, flags)   up to n bytes (at most 1 MiB a call) into buf: how many, or -1
 *   getentropy(buf, n)         exactly n <= 256 bytes: 0, or -1 (EIO if n > 256)
 */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H
#include <stddef.h>
#include <sys/types.h>

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM   0x0002
#define GRND_INSECURE 0x0004

ssize_t getrandom(void *buf, size_t buflen, unsigned int flags);
int getentropy(void *buffer, size_t length);
#endif
