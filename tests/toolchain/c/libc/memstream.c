// expected: host
/* fmemopen in each mode and open_memstream: what reaches the buffer after fflush and fclose,
 * the NUL written after the data, seeks, reads, and the write that does not fit. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>

static void show(const char *what, const char *buf, size_t n)
{
    size_t i;

    printf("%s: \"", what);
    for (i = 0; i < n; i++)
        putchar(buf[i] == '\0' ? '0' : buf[i]);
    printf("\"\n");
}

static void read_mode(void)
{
    char buf[] = "hello world";
    char word[16];
    FILE *f = fmemopen(buf, strlen(buf), "r");
    int c;

    fscanf(f, "%15s", word);
    printf("r: word %s, ftell %ld\n", word, ftell(f));
    fseek(f, -3, SEEK_END);
    printf("r: after SEEK_END-3 '%c'\n", fgetc(f));
    fseek(f, 0, SEEK_END);
    c = fgetc(f);
    printf("r: at end %d feof %d\n", c, feof(f));
    printf("r: seek past size %d\n", fseek(f, 12, SEEK_SET));
    printf("r: seek before 0 %d\n", fseek(f, -1, SEEK_SET));
    rewind(f);
    printf("r: rewound '%c'\n", fgetc(f));
    printf("r: fputc %d\n", fputc('x', f));
    fclose(f);
    show("r: buffer", buf, sizeof buf);
}

static void write_mode(void)
{
    char buf[8];
    FILE *f;

    memset(buf, 'z', sizeof buf);
    f = fmemopen(buf, sizeof buf, "w");
    show("w: at open", buf, sizeof buf);
    fputs("abc", f);
    fflush(f);
    show("w: abc flushed", buf, sizeof buf);
    printf("w: ftell %ld\n", ftell(f));
    fseek(f, 1, SEEK_SET);
    fputc('B', f);
    fflush(f);
    show("w: B at 1", buf, sizeof buf);
    fseek(f, 0, SEEK_END);
    printf("w: end at %ld\n", ftell(f));
    fputs("defghijk", f);
    printf("w: fflush when full %d\n", fflush(f));
    printf("w: ferror %d\n", ferror(f) != 0);
    fclose(f);
    show("w: full", buf, sizeof buf);

    memset(buf, 'z', sizeof buf);
    f = fmemopen(buf, sizeof buf, "w");
    fprintf(f, "%d", 1234567);
    fclose(f);
    show("w: exactly 7", buf, sizeof buf);

    memset(buf, 'z', sizeof buf);
    f = fmemopen(buf, sizeof buf, "w");
    fprintf(f, "%d", 12345678);
    fclose(f);
    show("w: exactly 8", buf, sizeof buf);
}

static void update_modes(void)
{
    char buf[16] = "0123456789";
    char got[16];
    FILE *f = fmemopen(buf, sizeof buf, "r+");
    size_t n;

    fseek(f, 2, SEEK_SET);
    fputs("ab", f);
    fseek(f, 0, SEEK_SET);
    n = fread(got, 1, 6, f);
    show("r+: read back", got, n);
    fclose(f);
    show("r+: buffer", buf, sizeof buf);

    strcpy(buf, "leftover");
    f = fmemopen(buf, sizeof buf, "w+");
    show("w+: at open", buf, 9);
    fputs("new", f);
    rewind(f);
    n = fread(got, 1, sizeof got, f);
    show("w+: read back", got, n);
    fclose(f);
    show("w+: buffer", buf, 9);
}

static void append_modes(void)
{
    char buf[12] = "abc";
    char got[16];
    FILE *f = fmemopen(buf, sizeof buf, "a");
    size_t n;

    printf("a: starts at %ld\n", ftell(f));
    fputs("de", f);
    fflush(f);
    fseek(f, 0, SEEK_SET);
    fputs("fg", f);
    fclose(f);
    show("a: buffer", buf, sizeof buf);

    strcpy(buf, "xy");
    f = fmemopen(buf, sizeof buf, "a+");
    fputs("z", f);
    fseek(f, 0, SEEK_SET);
    n = fread(got, 1, sizeof got, f);
    show("a+: read all", got, n);
    fclose(f);

    memset(buf, 'q', sizeof buf);
    f = fmemopen(buf, sizeof buf, "a");
    printf("a: no NUL starts at %ld\n", ftell(f));
    fclose(f);
}

static void own_buffer(void)
{
    char line[32];
    FILE *f = fmemopen(NULL, 32, "w+");

    fprintf(f, "n=%d\n", 42);
    rewind(f);
    if (fgets(line, sizeof line, f) != NULL)
        printf("NULL buf: %s", line);
    fclose(f);
    errno = 0;
    f = fmemopen(line, sizeof line, "q");
    printf("bad mode: %s, EINVAL %d\n", f == NULL ? "NULL" : "stream", errno == EINVAL);
}

static void memstream(void)
{
    char *buf;
    size_t size;
    int i;
    FILE *f = open_memstream(&buf, &size);

    fputs("hello", f);
    fflush(f);
    printf("memstream: \"%s\" size %zu\n", buf, size);
    for (i = 0; i < 200; i++)
        fprintf(f, "%d,", i % 10);
    fflush(f);
    printf("memstream: size %zu, strlen %zu, tail \"%s\"\n", size, strlen(buf), buf + size - 6);
    printf("memstream: NUL at size %d\n", buf[size] == '\0');
    fseek(f, 2, SEEK_SET);
    fflush(f);
    printf("memstream: after seek to 2 size %zu\n", size);
    fputs("LL", f);
    fclose(f);
    printf("memstream: closed size %zu, starts \"%.8s\"\n", size, buf);
    free(buf);

    f = open_memstream(&buf, &size);
    fclose(f);
    printf("memstream: empty \"%s\" size %zu\n", buf, size);
    free(buf);
}

int main(void)
{
    read_mode();
    write_mode();
    update_modes();
    append_modes();
    own_buffer();
    memstream();
    return 0;
}
