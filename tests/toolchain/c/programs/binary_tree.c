// A binary search tree: insert, search, in-order walk, height, minimum, delete, free.
// expected: host
#include <stdio.h>
#include <stdlib.h>

struct tree { int key; struct tree *left, *right; };

static struct tree *insert(struct tree *t, int key) {
    if (!t) {
        t = malloc(sizeof *t);
        t->key = key;
        t->left = t->right = NULL;
    } else if (key < t->key) {
        t->left = insert(t->left, key);
    } else if (key > t->key) {
        t->right = insert(t->right, key);
    }
    return t;
}
static int contains(const struct tree *t, int key) {
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t != NULL;
}
static void walk(const struct tree *t) {
    if (!t)
        return;
    walk(t->left);
    printf("%d ", t->key);
    walk(t->right);
}
static int height(const struct tree *t) {
    if (!t)
        return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}
static struct tree *delete(struct tree *t, int key) {
    if (!t)
        return NULL;
    if (key < t->key) {
        t->left = delete(t->left, key);
    } else if (key > t->key) {
        t->right = delete(t->right, key);
    } else if (!t->left || !t->right) {
        struct tree *child = t->left ? t->left : t->right;
        free(t);
        return child;
    } else {
        struct tree *m = t->right;
        while (m->left)
            m = m->left;
        t->key = m->key;
        t->right = delete(t->right, m->key);
    }
    return t;
}
static int count(const struct tree *t) { return t ? 1 + count(t->left) + count(t->right) : 0; }
static void destroy(struct tree *t) {
    if (t) {
        destroy(t->left);
        destroy(t->right);
        free(t);
    }
}

int main(void) {
    struct tree *t = NULL;
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 85, 10};
    for (int i = 0; i < 13; i++)
        t = insert(t, keys[i]);
    walk(t);
    printf("\ncount %d height %d\n", count(t), height(t));
    printf("%d %d %d\n", contains(t, 45), contains(t, 55), contains(t, 10));
    t = delete(t, 30);
    t = delete(t, 50);
    t = delete(t, 99);
    walk(t);
    printf("\nroot %d count %d\n", t->key, count(t));
    unsigned s = 7;
    for (int i = 0; i < 500; i++) {
        s = s * 1103515245u + 12345u;
        t = insert(t, (int)(s >> 16) % 1000);
    }
    printf("count %d height %d\n", count(t), height(t));
    destroy(t);
    return 0;
}
