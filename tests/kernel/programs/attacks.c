/* Attacks a μprocess can try on the others and on the kernel. Each runs in a child; each must end
 * in SIGPROT (or fail with an error), and the parent carries on. argv[1] picks one. */
#include <cheriintrin.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern void *__syscall_gate[2];
void privileged(void);            /* attack_asm.s: writes a system register */

static char secret[32] = "the parent's secret";

static void attack(const char *name, unsigned long parent_address)
{
    char buf[8];
    if (!strcmp(name, "stale")) {         /* the parent's pointer, rebuilt from its address */
        char *q = (char *)cheri_address_set(secret, parent_address);
        printf("%c\n", q[0]);
    } else if (!strcmp(name, "widen")) {
        char *q = cheri_bounds_set(secret, 1 << 20);
        printf("%c\n", q[4096]);
    } else if (!strcmp(name, "forge")) {
        char *q = (char *)parent_address;
        printf("%c\n", q[0]);
    } else if (!strcmp(name, "kernel-jump")) {
        void (*f)(void) = (void (*)(void))0x10000;
        f();
    } else if (!strcmp(name, "gate-read")) {
        printf("%c\n", *(char *)__syscall_gate[0]);
    } else if (!strcmp(name, "privileged")) {
        privileged();
    } else if (!strcmp(name, "kernel-buffer")) {
        long r = write(1, (const char *)0x10000, 4);
        printf("write(kernel address) = %ld errno %d\n", r, errno);
        r = write(1, __syscall_gate[1], 4);
        printf("write(sealed gate) = %ld errno %d\n", r, errno);
        exit(0);
    } else if (!strcmp(name, "overlong")) {
        long r = write(1, buf, 100);
        printf("write(overlong) = %ld errno %d\n", r, errno);
        r = read(0, "literal", 3);
        printf("read(into a string literal) = %ld errno %d\n", r, errno);
        exit(0);
    } else if (!strcmp(name, "pipe-pointer")) {
        int fds[2];
        char *p = secret, *got;
        pipe(fds);
        write(fds[1], &p, sizeof p);
        read(fds[0], &got, sizeof got);
        printf("same address %d, tag %d\n", cheri_address_get(got) == cheri_address_get(p),
               (int)cheri_tag_get(got));
        fflush(stdout);
        printf("%c\n", got[0]);
    }
    exit(0);
}

int main(int argc, char **argv)
{
    int status;
    unsigned long address = cheri_address_get(secret);
    pid_t pid;
    if (argc < 2)
        return 2;
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        attack(argv[1], address);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("parent: child killed by signal %d; secret intact: %s\n", WTERMSIG(status), secret);
    else
        printf("parent: child exited %d; secret intact: %s\n", WEXITSTATUS(status), secret);
    return 0;
}
