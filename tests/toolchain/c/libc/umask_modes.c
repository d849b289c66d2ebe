// expected: host
/* umask takes its bits away from the mode open(O_CREAT) and mkdir ask for; chmod is not masked. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return;
    }
    printf("%-28s %04o\n", what, (unsigned)(st.st_mode & 07777));
}

int main(void)
{
    const char *file = "/tmp/ufos-umask-test-file", *dir = "/tmp/ufos-umask-test-dir";
    unlink(file);
    rmdir(dir);
    printf("old umask %04o\n", (unsigned)umask(027));
    close(open(file, O_WRONLY | O_CREAT | O_EXCL, 0666));
    show("open 0666, umask 027", file);
    mkdir(dir, 0777);
    show("mkdir 0777, umask 027", dir);
    chmod(file, 0666);
    show("chmod 0666 (not masked)", file);
    unlink(file);
    rmdir(dir);
    umask(0);
    close(open(file, O_WRONLY | O_CREAT | O_EXCL, 0604));
    show("open 0604, umask 0", file);
    unlink(file);
    printf("umask now %04o\n", (unsigned)umask(022));
    return 0;
}
