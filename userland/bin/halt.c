/*
 * halt, poweroff - stop the machine.
 *
 *     halt
 *     poweroff
 *
 * One program with two names (/bin/poweroff is /bin/halt under another name): it asks the
 * kernel to reboot(RB_HALT_SYSTEM), or reboot(RB_POWER_OFF) when called as poweroff. The kernel
 * kills every μprocess and stops; `ufos run` then exits with status 0. On ufos the two do the
 * same thing; on a real machine poweroff also cuts the power.
 * Exit status: it does not return; 1 if the kernel refused or an argument was given.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    int poweroff = strcmp(name, "poweroff") == 0;

    if (argc > 1) {
        fprintf(stderr, "usage: %s\n", poweroff ? "poweroff" : "halt");
        return 1;
    }
    reboot(poweroff ? RB_POWER_OFF : RB_HALT_SYSTEM);
    fprintf(stderr, "%s: %s\n", name, strerror(errno));
    return 1;
}
