// qsort must move elements that hold pointers as whole capabilities: after sorting, every
// pointer still works. (On CHERI a byte-by-byte swap would strip the tags and the prints would
// fault.)
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { const char *name; int *score; int pad; };

static int by_name(const void *a, const void *b) {
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}
static int by_score(const void *a, const void *b) {
    return *((const struct entry *)a)->score - *((const struct entry *)b)->score;
}
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    int scores[6] = {50, 20, 90, 10, 70, 30};
    const char *names[6] = {"eve", "bob", "dan", "amy", "fay", "cat"};
    struct entry e[6];
    for (int i = 0; i < 6; i++) {
        e[i].name = names[i];
        e[i].score = &scores[i];
        e[i].pad = i;
    }
    qsort(e, 6, sizeof e[0], by_name);
    for (int i = 0; i < 6; i++)
        printf("%s:%d:%d ", e[i].name, *e[i].score, e[i].pad);
    printf("\n");
    qsort(e, 6, sizeof e[0], by_score);
    for (int i = 0; i < 6; i++) {
        (*e[i].score)++;
        printf("%s:%d ", e[i].name, *e[i].score);
    }
    printf("\n");
    char *words[8];
    const char *src[8] = {"kiwi", "lime", "apple", "mango", "fig", "date", "pear", "grape"};
    for (int i = 0; i < 8; i++) {
        words[i] = malloc(strlen(src[i]) + 1);
        strcpy(words[i], src[i]);
    }
    qsort(words, 8, sizeof words[0], cmp_str);
    for (int i = 0; i < 8; i++) {
        words[i][0] = (char)(words[i][0] - 32);
        printf("%s ", words[i]);
        free(words[i]);
    }
    printf("\n");
    return 0;
}
