// expected: host
/* search.h: binary trees (tsearch, tfind, tdelete, twalk, twalk_r, tdestroy), the hash table
   (hcreate, hsearch, hdestroy and the _r forms), lfind and lsearch, insque and remque. Tree
   shapes differ between libraries, so twalk is checked by what does not depend on the shape:
   the keys in order (postorder and leaf visits) and the number of nodes. */
#define _GNU_SOURCE
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int nodes;

static void print_in_order(const void *nodep, VISIT which, int depth)
{
    (void)depth;
    if (which == preorder || which == leaf)
        nodes++;
    if (which == postorder || which == leaf)
        printf(" %d", **(const int *const *)nodep);
}

static void sum_r(const void *nodep, VISIT which, void *closure)
{
    if (which == postorder || which == leaf)
        *(long *)closure += **(const int *const *)nodep;
}

static void show(const char *what, void *root)
{
    nodes = 0;
    printf("%s:", what);
    twalk(root, print_in_order);
    printf(" (%d nodes)\n", nodes);
}

static int freed;

static void free_key(void *key)
{
    freed++;
    free(key);
}

static void trees(void)
{
    static int keys[] = {50, 20, 80, 10, 30, 70, 90, 60, 40, 20, 5, 85, 95, 1, 99, 50};
    int n = (int)(sizeof keys / sizeof keys[0]), i, probe;
    void *root = NULL, *p, *first;
    long sum = 0;

    for (i = 0; i < n; i++) {
        p = tsearch(&keys[i], &root, compare_ints);
        if (*(int **)p != &keys[i])
            printf("tsearch(%d): already there\n", keys[i]);
    }
    show("after inserting", root);
    twalk_r(root, sum_r, &sum);
    printf("twalk_r sum: %ld\n", sum);
    probe = 30;
    p = tfind(&probe, &root, compare_ints);
    printf("tfind(30): %s, the first key's address: %d\n", p ? "found" : "absent", p && *(int **)p == &keys[4]);
    probe = 31;
    printf("tfind(31): %s\n", tfind(&probe, &root, compare_ints) ? "found" : "absent");
    printf("tdelete(31): %s\n", tdelete(&probe, &root, compare_ints) ? "deleted" : "NULL");
    /* A node pointer from tsearch stays valid while other keys come and go. */
    probe = 85;
    first = tfind(&probe, &root, compare_ints);
    for (probe = 0; probe <= 100; probe += 10)
        if (probe != 80 && tdelete(&probe, &root, compare_ints) != NULL)
            printf("tdelete(%d)\n", probe);
    show("after deleting", root);
    printf("85's node unchanged: %d\n", **(int **)first == 85);
    probe = 7;
    p = tsearch(&probe, &root, compare_ints);
    printf("tsearch(7) inserted: %d\n", *(int **)p == &probe);
    show("now", root);
    while (root != NULL)
        tdelete(*(int **)root, &root, compare_ints);    /* always the root */
    show("emptied", root);
    printf("tfind in an empty tree: %s\n", tfind(&probe, &root, compare_ints) ? "found" : "absent");

    /* tdestroy frees the nodes and, through the callback, the keys. */
    for (i = 0; i < 100; i++) {
        int *key = malloc(sizeof *key);
        *key = (i * 37) % 100;
        tsearch(key, &root, compare_ints);
    }
    nodes = 0;
    twalk(root, print_in_order);
    printf("\n100 keys, %d nodes\n", nodes);
    tdestroy(root, free_key);
    printf("tdestroy freed %d keys\n", freed);
}

static void hash_table(void)
{
    static char *names[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"};
    static int values[] = {1, 2, 3, 4, 5, 6, 7};
    ENTRY item, *found;
    struct hsearch_data table;
    int i, count;
    char key[16];

    printf("hcreate(5): %d\n", hcreate(5) != 0);
    for (i = 0; i < 7; i++) {
        item.key = names[i];
        item.data = &values[i];
        errno = 0;
        found = hsearch(item, ENTER);
        printf("ENTER %s: %s", names[i], found ? "ok" : "NULL");
        if (found == NULL)
            printf(" (errno %s)", errno == ENOMEM ? "ENOMEM" : "other");
        printf("\n");
    }
    for (i = 0; i < 7; i++) {
        item.key = names[i];
        errno = 0;
        found = hsearch(item, FIND);
        if (found)
            printf("FIND %s: %d\n", names[i], *(int *)found->data);
        else
            printf("FIND %s: NULL (errno %s)\n", names[i], errno == ESRCH ? "ESRCH" : "other");
    }
    item.key = "gamma";
    item.data = &values[6];
    found = hsearch(item, ENTER);
    printf("ENTER gamma again keeps its data: %d\n", *(int *)found->data);
    hdestroy();

    /* The table holds the next prime >= nel entries: 11 for 10. */
    memset(&table, 0, sizeof table);
    printf("hcreate_r(10): %d\n", hcreate_r(10, &table) != 0);
    printf("hcreate_r again while in use: %d\n", hcreate_r(10, &table) != 0);
    for (count = 0; count < 20; count++) {
        char *k = malloc(16);
        snprintf(k, 16, "key%d", count);
        item.key = k;
        item.data = NULL;
        if (!hsearch_r(item, ENTER, &found, &table)) {
            printf("hsearch_r full after %d (errno %s)\n", count, errno == ENOMEM ? "ENOMEM" : "other");
            free(k);
            break;
        }
    }
    for (i = 0; i < count; i++) {
        snprintf(key, sizeof key, "key%d", i);
        item.key = key;
        if (!hsearch_r(item, FIND, &found, &table))
            printf("lost %s\n", key);
        else
            free(found->key);
    }
    hdestroy_r(&table);
}

static void linear(void)
{
    int array[8] = {4, 8, 15, 16}, key;
    size_t n = 4, i;
    int *p;

    key = 15;
    p = lfind(&key, array, &n, sizeof array[0], compare_ints);
    printf("lfind(15): index %d\n", p ? (int)(p - array) : -1);
    key = 23;
    printf("lfind(23): %s, n=%zu\n", lfind(&key, array, &n, sizeof array[0], compare_ints) ? "found" : "NULL", n);
    p = lsearch(&key, array, &n, sizeof array[0], compare_ints);
    printf("lsearch(23): index %d, n=%zu\n", (int)(p - array), n);
    key = 8;
    p = lsearch(&key, array, &n, sizeof array[0], compare_ints);
    printf("lsearch(8): index %d, n=%zu\n", (int)(p - array), n);
    printf("array:");
    for (i = 0; i < n; i++)
        printf(" %d", array[i]);
    printf("\n");
}

struct element {
    struct element *next, *prev;
    char name;
};

static void print_queue(struct element *head)
{
    printf("queue:");
    for (; head != NULL; head = head->next)
        printf(" %c(back %c)", head->name, head->prev ? head->prev->name : '-');
    printf("\n");
}

static void queues(void)
{
    struct element a = {NULL, NULL, 'a'}, b = {NULL, NULL, 'b'}, c = {NULL, NULL, 'c'},
                   d = {NULL, NULL, 'd'};

    insque(&a, NULL);
    insque(&c, &a);
    insque(&b, &a);
    insque(&d, &c);
    print_queue(&a);
    remque(&b);
    print_queue(&a);
    remque(&d);
    print_queue(&a);
    remque(&a);
    print_queue(&c);
}

int main(void)
{
    trees();
    hash_table();
    linear();
    queues();
    return 0;
}
