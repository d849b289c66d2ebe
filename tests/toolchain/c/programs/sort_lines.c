// sort | uniq -c: read lines from stdin into heap strings, sort them with qsort, count duplicates.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    char **lines = NULL;
    size_t n = 0, cap = 0;
    char buf[128];
    while (fgets(buf, sizeof buf, stdin)) {
        buf[strcspn(buf, "\n")] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            lines = realloc(lines, cap * sizeof *lines);
        }
        lines[n] = malloc(strlen(buf) + 1);
        strcpy(lines[n++], buf);
    }
    qsort(lines, n, sizeof *lines, cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(lines[i], lines[j]) == 0)
            j++;
        printf("%4zu %s\n", j - i, lines[i]);
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
    return 0;
}
