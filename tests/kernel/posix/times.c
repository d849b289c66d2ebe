/*
 * times - utimensat and futimens: set a file's modification time, leave it, or make it now.
 *
 *     times FILE
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void show_mtime(const char *what, const char *path)
{
    struct stat st;

    stat(path, &st);
    printf("%s: %ld.%09ld\n", what, (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(int argc, char **argv)
{
    struct timespec times[2];
    struct stat st;
    int fd;

    if (argc != 2)
        return 2;
    fd = open(argv[1], O_WRONLY | O_CREAT, 0644);
    times[0].tv_sec = 0;
    times[0].tv_nsec = UTIME_OMIT;
    times[1].tv_sec = 1000000000;
    times[1].tv_nsec = 500;
    printf("utimensat = %d\n", utimensat(AT_FDCWD, argv[1], times, 0));
    show_mtime("set", argv[1]);
    times[1].tv_nsec = UTIME_OMIT;
    times[0].tv_nsec = UTIME_NOW;
    utimensat(AT_FDCWD, argv[1], times, 0);
    show_mtime("UTIME_OMIT keeps it", argv[1]);
    times[1].tv_sec = 1234567890;
    times[1].tv_nsec = 0;
    printf("futimens = %d\n", futimens(fd, times));
    show_mtime("futimens", argv[1]);
    utimensat(AT_FDCWD, argv[1], NULL, 0);
    stat(argv[1], &st);
    printf("NULL makes it now: %d\n", st.st_mtim.tv_sec > 1600000000);
    times[1].tv_nsec = 1000000000;
    printf("a bad tv_nsec: %d %s\n", utimensat(AT_FDCWD, argv[1], times, 0), strerror(errno));
    printf("no such file: %d %s\n", utimensat(AT_FDCWD, "/no/such", NULL, 0), strerror(errno));
    printf("/proc is read-only: %d %s\n", utimensat(AT_FDCWD, "/proc", NULL, 0), strerror(errno));
    return 0;
}
