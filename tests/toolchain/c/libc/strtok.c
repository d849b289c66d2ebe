// strtok: splitting on several delimiters, empty fields skipped, changing delimiters mid-way.
// expected: host
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[] = "  alpha,beta;;gamma , delta  ";
    for (char *t = strtok(line, " ,;"); t; t = strtok(NULL, " ,;"))
        printf("[%s]", t);
    printf("\n");
    char path[] = "/usr/local//bin/";
    int n = 0;
    for (char *t = strtok(path, "/"); t; t = strtok(NULL, "/"))
        printf("%d:%s ", n++, t);
    printf("\n");
    char kv[] = "key=value=more";
    char *k = strtok(kv, "=");
    char *v = strtok(NULL, "");
    printf("%s | %s\n", k, v);
    char empty[] = ",,,";
    printf("%d\n", strtok(empty, ",") == NULL);
    char mixed[] = "a b\tc\nd";
    int words = 0;
    for (char *t = strtok(mixed, " \t\n"); t; t = strtok(NULL, " \t\n"))
        words++;
    printf("%d\n", words);
    return 0;
}
