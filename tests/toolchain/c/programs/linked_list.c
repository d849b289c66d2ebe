// A singly linked list on the heap: push, append, reverse, remove, insert sorted, free.
// expected: host
#include <stdio.h>
#include <stdlib.h>

struct node { int v; struct node *next; };

static struct node *push(struct node *head, int v) {
    struct node *n = malloc(sizeof *n);
    n->v = v;
    n->next = head;
    return n;
}
static void append(struct node **head, int v) {
    while (*head)
        head = &(*head)->next;
    *head = push(NULL, v);
}
static struct node *reverse(struct node *h) {
    struct node *prev = NULL;
    while (h) {
        struct node *next = h->next;
        h->next = prev;
        prev = h;
        h = next;
    }
    return prev;
}
static void remove_value(struct node **head, int v) {
    while (*head) {
        if ((*head)->v == v) {
            struct node *dead = *head;
            *head = dead->next;
            free(dead);
        } else {
            head = &(*head)->next;
        }
    }
}
static void insert_sorted(struct node **head, int v) {
    while (*head && (*head)->v < v)
        head = &(*head)->next;
    struct node *n = push(*head, v);
    *head = n;
}
static void print(const char *label, const struct node *h) {
    printf("%s:", label);
    for (; h; h = h->next)
        printf(" %d", h->v);
    printf("\n");
}
static void free_all(struct node *h) {
    while (h) {
        struct node *next = h->next;
        free(h);
        h = next;
    }
}

int main(void) {
    struct node *list = NULL;
    for (int i = 1; i <= 5; i++)
        list = push(list, i);
    print("pushed", list);
    append(&list, 0);
    append(&list, 3);
    print("appended", list);
    list = reverse(list);
    print("reversed", list);
    remove_value(&list, 3);
    print("removed 3", list);
    struct node *sorted = NULL;
    int vals[] = {42, 7, 19, 7, 100, -5, 0};
    for (int i = 0; i < 7; i++)
        insert_sorted(&sorted, vals[i]);
    print("sorted", sorted);
    free_all(list);
    free_all(sorted);
    return 0;
}
