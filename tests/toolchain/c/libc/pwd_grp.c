// pwd.h and grp.h on ufos: the stock /etc/passwd and /etc/group (root, uid and gid 0, and
// nobody), lookups that find nothing, the _r forms (ERANGE for a small buffer), enumeration;
// then databases written by the test: blank and malformed lines skipped, members, a last line
// without a newline. Hand-written expectations (what ufos must give, not the host's users).
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show_user(const char *what, const struct passwd *pw) {
    if (pw == NULL)
        printf("%s: none\n", what);
    else
        printf("%s: %s:%s:%u:%u:%s:%s:%s\n", what, pw->pw_name, pw->pw_passwd, pw->pw_uid,
               pw->pw_gid, pw->pw_gecos, pw->pw_dir, pw->pw_shell);
}

static void show_group(const char *what, const struct group *gr) {
    if (gr == NULL) {
        printf("%s: none\n", what);
        return;
    }
    printf("%s: %s:%s:%u:", what, gr->gr_name, gr->gr_passwd, gr->gr_gid);
    for (char **m = gr->gr_mem; *m; m++)
        printf("%s%s", *m, m[1] ? "," : "");
    printf("\n");
}

static void every_user(void) {
    struct passwd *pw;
    setpwent();
    while ((pw = getpwent()) != NULL)
        show_user("  getpwent", pw);
    endpwent();
}

static void every_group(void) {
    struct group *gr;
    setgrent();
    while ((gr = getgrent()) != NULL)
        show_group("  getgrent", gr);
    endgrent();
}

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

static void stock(void) {
    show_user("getpwuid(0)", getpwuid(0));
    show_user("getpwuid(getuid())", getpwuid(getuid()));
    show_user("getpwnam(\"nobody\")", getpwnam("nobody"));
    errno = 0;
    show_user("getpwnam(\"nosuch\")", getpwnam("nosuch"));
    show_user("getpwuid(12345)", getpwuid(12345));
    printf("errno: %d\n", errno);
    show_group("getgrgid(0)", getgrgid(0));
    show_group("getgrnam(\"nobody\")", getgrnam("nobody"));
    show_group("getgrnam(\"nosuch\")", getgrnam("nosuch"));
    every_user();
    every_group();

    struct passwd pw, *pwp = &pw;
    char buf[64], tiny[8];
    printf("getpwnam_r: %d ", getpwnam_r("root", &pw, buf, sizeof buf, &pwp));
    show_user("", pwp);
    printf("getpwuid_r none: %d ", getpwuid_r(4242, &pw, buf, sizeof buf, &pwp));
    show_user("", pwp);
    printf("getpwnam_r tiny: %s\n", strerror(getpwnam_r("root", &pw, tiny, sizeof tiny, &pwp)));
    struct group gr, *grp = &gr;
    printf("getgrgid_r: %d ", getgrgid_r(0, &gr, buf, sizeof buf, &grp));
    show_group("", grp);
    /* room for the line "root:x:0:root" but not for the gr_mem array after it */
    printf("getgrnam_r no room for gr_mem: %s\n", strerror(getgrnam_r("root", &gr, buf, 16, &grp)));
}

static void written(void) {
    write_file("/etc/passwd", "\nbad line\nx:x:notanumber:0:::\ny:x:1:99999999999:::\n"
               "alice:*:1000:100:Alice A.,,,:/home/alice:/bin/sh\n"
               "empty:::::: \nlast:x:7:8:no newline:/:/bin/false");
    write_file("/etc/group", "users:x:100:alice,bob,carol\nbad\nstaff:x:50:\nsolo::7:one");
    every_user();
    every_group();
    show_user("getpwuid(7)", getpwuid(7));
    show_group("getgrnam(\"solo\")", getgrnam("solo"));
    show_group("getgrgid(50)", getgrgid(50));
    struct passwd *pw = getpwnam("alice");
    struct passwd *again = getpwuid(7);
    printf("one static struct: %d %s\n", pw == again, pw->pw_name);
}

int main(void) {
    stock();
    written();
    return 0;
}
