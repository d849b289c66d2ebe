// A chained hash table from strings to counts: insert, update, look up, delete, resize.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item { char *key; int count; struct item *next; };
struct table { struct item **buckets; size_t nbuckets, size; };

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

static void resize(struct table *t, size_t n) {
    struct item **b = calloc(n, sizeof *b);
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct item *it = t->buckets[i];
        while (it) {
            struct item *next = it->next;
            size_t k = hash(it->key) % n;
            it->next = b[k];
            b[k] = it;
            it = next;
        }
    }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = n;
}

static struct item *find(struct table *t, const char *key) {
    for (struct item *it = t->buckets[hash(key) % t->nbuckets]; it; it = it->next)
        if (strcmp(it->key, key) == 0)
            return it;
    return NULL;
}

static void add(struct table *t, const char *key) {
    struct item *it = find(t, key);
    if (it) {
        it->count++;
        return;
    }
    if (t->size + 1 > t->nbuckets * 2)
        resize(t, t->nbuckets * 4);
    it = malloc(sizeof *it);
    it->key = malloc(strlen(key) + 1);
    strcpy(it->key, key);
    it->count = 1;
    size_t k = hash(key) % t->nbuckets;
    it->next = t->buckets[k];
    t->buckets[k] = it;
    t->size++;
}

static int del(struct table *t, const char *key) {
    struct item **pp = &t->buckets[hash(key) % t->nbuckets];
    for (; *pp; pp = &(*pp)->next)
        if (strcmp((*pp)->key, key) == 0) {
            struct item *dead = *pp;
            *pp = dead->next;
            free(dead->key);
            free(dead);
            t->size--;
            return 1;
        }
    return 0;
}

int main(void) {
    struct table t = {calloc(2, sizeof(struct item *)), 2, 0};
    const char *text = "it was the best of times it was the worst of times it was the age of wisdom "
                       "it was the age of foolishness it was the epoch of belief it was the epoch of "
                       "incredulity it was the season of light it was the season of darkness";
    char word[32];
    int n = 0;
    for (const char *p = text;; p++) {
        if (*p == ' ' || *p == '\0') {
            if (n) {
                word[n] = '\0';
                add(&t, word);
                n = 0;
            }
            if (!*p)
                break;
        } else {
            word[n++] = *p;
        }
    }
    printf("%zu distinct words in %zu buckets\n", t.size, t.nbuckets);
    const char *probe[] = {"it", "was", "the", "of", "age", "times", "darkness", "nothing"};
    for (int i = 0; i < 8; i++) {
        struct item *it = find(&t, probe[i]);
        printf("%s=%d ", probe[i], it ? it->count : 0);
    }
    printf("\n");
    int first = del(&t, "the");
    int second = del(&t, "the");
    int third = del(&t, "wisdom");
    printf("%d %d %d\n", first, second, third);
    printf("%zu %d\n", t.size, find(&t, "the") == NULL);
    int total = 0;
    for (size_t i = 0; i < t.nbuckets; i++)
        for (struct item *it = t.buckets[i]; it; it = it->next)
            total += it->count;
    printf("%d\n", total);
    return 0;
}
