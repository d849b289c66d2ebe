// expected: host
// The GNU and BSD string functions portable code still calls: memmem and strcasestr (search),
// strchrnul, and <strings.h>'s bzero, bcopy (overlap-safe), ffs, index and rindex.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void show_pos(const char *what, const char *base, const void *found) {
    if (found)
        printf("%s: at %d\n", what, (int)((const char *)found - base));
    else
        printf("%s: not found\n", what);
}

int main(void) {
    const char data[] = "GET /index.html HTTP/1.1\r\nHost: x\r\n\r\nbody\0with\0nuls";
    size_t len = sizeof data - 1;
    show_pos("memmem crlfcrlf", data, memmem(data, len, "\r\n\r\n", 4));
    show_pos("memmem past a nul", data, memmem(data, len, "with\0nuls", 9));
    show_pos("memmem empty needle", data, memmem(data, len, "", 0));
    show_pos("memmem longer needle", data, memmem("ab", 2, "abc", 3));
    show_pos("memmem missing", data, memmem(data, len, "HTTP/2", 6));
    show_pos("memmem at the end", data, memmem(data, len, "nuls", 4));

    const char *text = "Content-Type: Text/HTML";
    show_pos("strcasestr text/html", text, strcasestr(text, "text/html"));
    show_pos("strcasestr CONTENT", text, strcasestr(text, "CONTENT-type"));
    show_pos("strcasestr empty", text, strcasestr(text, ""));
    show_pos("strcasestr missing", text, strcasestr(text, "xml"));

    const char *path = "usr/local/bin";
    show_pos("strchrnul /", path, strchrnul(path, '/'));
    show_pos("strchrnul : (the end)", path, strchrnul(path, ':'));
    show_pos("index l", path, index(path, 'l'));
    show_pos("rindex /", path, rindex(path, '/'));
    show_pos("rindex z", path, rindex(path, 'z'));

    char buf[16] = "abcdefghijklmno";
    bzero(buf + 3, 4);
    for (int i = 0; i < 15; i++)
        putchar(buf[i] ? buf[i] : '.');
    putchar('\n');
    char overlap[16] = "0123456789";
    bcopy(overlap, overlap + 2, 8);             /* overlapping: copies as memmove does */
    printf("%s\n", overlap);
    bcopy(overlap + 3, overlap, 5);
    printf("%s\n", overlap);

    int values[] = {0, 1, 2, 3, 8, 12, 0x80000000, -1, 0x10000};
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++)
        printf("ffs(%#x) = %d\n", (unsigned)values[i], ffs(values[i]));
    return 0;
}
