/*
 * sysinfo - the state of the whole machine, from the sysinfo system call (sys/sysinfo.h; lab
 * syscall).
 *
 *     sysinfo
 *
 * Prints how long ufos has been up, how many μprocesses are alive, and its physical memory in
 * pages: all of it, the free pages, and the pages shared between μprocesses (after a fork,
 * parent and child share pages until one of them writes):
 *
 *     up 3 s
 *     processes 2
 *     pages 65535 total, 65101 free, 12 shared (4096 bytes each)
 *
 * Exit status: 0, or 1 if the call failed (its error on the standard error).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>

int main(int argc, char **argv)
{
    struct sysinfo info;

    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: sysinfo\n");
        return 1;
    }
    if (sysinfo(&info) < 0) {
        fprintf(stderr, "sysinfo: %s\n", strerror(errno));
        return 1;
    }
    printf("up %ld s\n", info.uptime);
    printf("processes %u\n", (unsigned)info.procs);
    printf("pages %lu total, %lu free, %lu shared (%u bytes each)\n", info.totalram, info.freeram,
           info.sharedram, info.mem_unit);
    return 0;
}
