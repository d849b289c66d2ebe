/* sys/wait.h - waiting for child processes (POSIX). The status word is Linux's: the exit code in
 * bits 8..15, or the terminating signal in bits 0..6; a stop is (signal << 8) | 0x7f (reported
 * with WUNTRACED), a continue 0xffff (with WCONTINUED). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/_types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED WUNTRACED
#define WCONTINUED 8

#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WCOREDUMP(s) ((s) & 0x80)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f && (s) != 0xffff)
#define WIFCONTINUED(s) ((s) == 0xffff)

pid_t wait(int *wstatus);
pid_t waitpid(pid_t pid, int *wstatus, int options);

#endif
