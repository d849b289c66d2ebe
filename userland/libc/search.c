/*
 * search.c - searching tables (search.h): binary search trees (tsearch, tfind, tdelete, twalk,
 * twalk_r, tdestroy), the hash table of hcreate and hsearch (and their _r forms), lfind and
 * lsearch over arrays, insque and remque for doubly linked queues.
 *
 * TREES are AVL trees: each node keeps its height, and after an insertion or a deletion every
 * node on the way back up is rebalanced by one or two rotations, so a tree of n keys is at most
 * about 1.44 log2 n deep. A node is allocated once, when its key goes in, and freed once, when it
 * comes out: a deletion relinks the nodes (the deleted node's in-order successor takes its
 * place) rather than moving keys between them, so the node pointer tsearch gave for any other
 * key stays valid. Its first member is the key, as callers expect (*(const T **)node).
 * twalk's visits follow this tree's shape, which is not glibc's (a red-black tree): the order of
 * the postorder and leaf visits, the keys in order, is the same on both.
 *
 * THE HASH TABLE is open addressing with double hashing, sized as glibc sizes it: the smallest
 * prime >= nel (at least 3), so it holds exactly that many entries before ENTER fails (ENOMEM).
 * A FIND that finds nothing sets ESRCH. Keys are strings compared with strcmp; the table owns
 * neither keys nor data.
 */
#include <search.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- trees ----------------------------------------------------------------------------------- */

struct node {
    const void *key;            /* first: a node pointer is also a pointer to its key */
    struct node *left, *right;
    int height;                 /* of the subtree: a leaf is 1 */
};

static int height(const struct node *n)
{
    return n != NULL ? n->height : 0;
}

static void update(struct node *n)
{
    int l = height(n->left), r = height(n->right);
    n->height = 1 + (l > r ? l : r);
}

static struct node *rotate_right(struct node *n)
{
    struct node *l = n->left;
    n->left = l->right;
    l->right = n;
    update(n);
    update(l);
    return l;
}

static struct node *rotate_left(struct node *n)
{
    struct node *r = n->right;
    n->right = r->left;
    r->left = n;
    update(n);
    update(r);
    return r;
}

/* n with its height recomputed and, if one side is two deeper than the other, rotated back into
 * balance; the subtree's new root. */
static struct node *balance(struct node *n)
{
    int diff = height(n->left) - height(n->right);

    update(n);
    if (diff > 1) {
        if (height(n->left->left) < height(n->left->right))
            n->left = rotate_left(n->left);         /* left-right: make it left-left */
        return rotate_right(n);
    }
    if (diff < -1) {
        if (height(n->right->right) < height(n->right->left))
            n->right = rotate_right(n->right);
        return rotate_left(n);
    }
    return n;
}

/* Inserts key into the subtree n unless it is there; *found is its node (NULL if out of
 * memory). The subtree's new root. */
static struct node *insert(struct node *n, const void *key, __compar_fn_t compar, struct node **found)
{
    int c;

    if (n == NULL) {
        n = malloc(sizeof *n);
        if (n != NULL) {
            n->key = key;
            n->left = n->right = NULL;
            n->height = 1;
        }
        *found = n;
        return n;
    }
    c = compar(key, n->key);
    if (c == 0) {
        *found = n;
        return n;
    }
    if (c < 0)
        n->left = insert(n->left, key, compar, found);
    else
        n->right = insert(n->right, key, compar, found);
    return balance(n);
}

void *tsearch(const void *key, void **rootp, __compar_fn_t compar)
{
    struct node *found = NULL;

    if (rootp == NULL)
        return NULL;
    *rootp = insert(*rootp, key, compar, &found);
    return found;
}

void *tfind(const void *key, void *const *rootp, __compar_fn_t compar)
{
    struct node *n;

    if (rootp == NULL)
        return NULL;
    for (n = *rootp; n != NULL;) {
        int c = compar(key, n->key);
        if (c == 0)
            return n;
        n = c < 0 ? n->left : n->right;
    }
    return NULL;
}

/* Takes the leftmost node out of the subtree n into *min; the subtree's new root. */
static struct node *remove_min(struct node *n, struct node **min)
{
    if (n->left == NULL) {
        *min = n;
        return n->right;
    }
    n->left = remove_min(n->left, min);
    return balance(n);
}

/* Removes the node with key (which is there) from the subtree n; the subtree's new root. */
static struct node *delete(struct node *n, const void *key, __compar_fn_t compar)
{
    int c = compar(key, n->key);

    if (c < 0) {
        n->left = delete(n->left, key, compar);
    } else if (c > 0) {
        n->right = delete(n->right, key, compar);
    } else {
        struct node *left = n->left, *right = n->right, *successor;
        free(n);
        if (right == NULL)
            return left;
        right = remove_min(right, &successor);
        successor->left = left;
        successor->right = right;
        return balance(successor);
    }
    return balance(n);
}

void *tdelete(const void *key, void **rootp, __compar_fn_t compar)
{
    struct node *n, *parent = NULL;

    if (rootp == NULL)
        return NULL;
    /* Find it and its parent first: the parent is the result (it survives the deletion). */
    for (n = *rootp; n != NULL;) {
        int c = compar(key, n->key);
        if (c == 0)
            break;
        parent = n;
        n = c < 0 ? n->left : n->right;
    }
    if (n == NULL)
        return NULL;
    *rootp = delete(*rootp, key, compar);
    /* The root has no parent; POSIX wants some non-NULL pointer for success. */
    return parent != NULL ? (void *)parent : (void *)rootp;
}

static void walk(const struct node *n, void (*action)(const void *, VISIT, int), int depth)
{
    if (n->left == NULL && n->right == NULL) {
        action(n, leaf, depth);
        return;
    }
    action(n, preorder, depth);
    if (n->left != NULL)
        walk(n->left, action, depth + 1);
    action(n, postorder, depth);
    if (n->right != NULL)
        walk(n->right, action, depth + 1);
    action(n, endorder, depth);
}

void twalk(const void *root, void (*action)(const void *nodep, VISIT which, int depth))
{
    if (root != NULL && action != NULL)
        walk(root, action, 0);
}

static void walk_r(const struct node *n, void (*action)(const void *, VISIT, void *), void *closure)
{
    if (n->left == NULL && n->right == NULL) {
        action(n, leaf, closure);
        return;
    }
    action(n, preorder, closure);
    if (n->left != NULL)
        walk_r(n->left, action, closure);
    action(n, postorder, closure);
    if (n->right != NULL)
        walk_r(n->right, action, closure);
    action(n, endorder, closure);
}

void twalk_r(const void *root, void (*action)(const void *nodep, VISIT which, void *closure),
             void *closure)
{
    if (root != NULL && action != NULL)
        walk_r(root, action, closure);
}

void tdestroy(void *root, void (*free_node)(void *nodep))
{
    struct node *n = root;

    if (n == NULL)
        return;
    tdestroy(n->left, free_node);
    tdestroy(n->right, free_node);
    free_node((void *)n->key);
    free(n);
}

/* ---- the hash table -------------------------------------------------------------------------- */

struct _ENTRY {
    int used;
    ENTRY entry;
};

static struct hsearch_data the_table;

static int is_prime(unsigned long n)
{
    for (unsigned long d = 3; d * d <= n; d += 2)
        if (n % d == 0)
            return 0;
    return 1;
}

int hcreate_r(size_t nel, struct hsearch_data *htab)
{
    if (htab == NULL) {
        errno = EINVAL;
        return 0;
    }
    if (htab->table != NULL)            /* one is in use: as glibc, refuse */
        return 0;
    if (nel >= 0xfffffffdu) {
        errno = EINVAL;
        return 0;
    }
    if (nel < 3)
        nel = 3;
    for (nel |= 1; !is_prime(nel); nel += 2)
        ;
    htab->table = calloc(nel, sizeof *htab->table);
    if (htab->table == NULL)
        return 0;
    htab->size = (unsigned int)nel;
    htab->filled = 0;
    return 1;
}

void hdestroy_r(struct hsearch_data *htab)
{
    if (htab == NULL) {
        errno = EINVAL;
        return;
    }
    free(htab->table);
    htab->table = NULL;
}

int hsearch_r(ENTRY item, ACTION action, ENTRY **retval, struct hsearch_data *htab)
{
    unsigned int hash = 5381, index, step, probes;
    const unsigned char *k;

    if (htab->table == NULL) {
        errno = ESRCH;
        *retval = NULL;
        return 0;
    }
    for (k = (const unsigned char *)item.key; *k; k++)
        hash = hash * 33 + *k;
    /* Double hashing: the step is never 0 and, the size being prime, visits every slot. */
    index = hash % htab->size;
    step = 1 + hash % (htab->size - 1);
    for (probes = 0; probes < htab->size; probes++) {
        struct _ENTRY *slot = &htab->table[index];
        if (!slot->used)
            break;
        if (strcmp(slot->entry.key, item.key) == 0) {
            *retval = &slot->entry;
            return 1;
        }
        index = (index + step) % htab->size;
    }
    if (action == FIND) {
        errno = ESRCH;
        *retval = NULL;
        return 0;
    }
    if (htab->filled == htab->size) {
        errno = ENOMEM;
        *retval = NULL;
        return 0;
    }
    htab->table[index].used = 1;
    htab->table[index].entry = item;
    htab->filled++;
    *retval = &htab->table[index].entry;
    return 1;
}

int hcreate(size_t nel)
{
    return hcreate_r(nel, &the_table);
}

ENTRY *hsearch(ENTRY item, ACTION action)
{
    ENTRY *result;
    hsearch_r(item, action, &result, &the_table);
    return result;
}

void hdestroy(void)
{
    hdestroy_r(&the_table);
}

/* ---- linear search ----------------------------------------------------------------------------- */

void *lfind(const void *key, const void *base, size_t *nmemb, size_t size, __compar_fn_t compar)
{
    const char *p = base;

    for (size_t i = 0; i < *nmemb; i++, p += size)
        if (compar(key, p) == 0)
            return (void *)p;
    return NULL;
}

void *lsearch(const void *key, void *base, size_t *nmemb, size_t size, __compar_fn_t compar)
{
    void *found = lfind(key, base, nmemb, size, compar);

    if (found == NULL) {                /* append it: the array must have room */
        found = (char *)base + *nmemb * size;
        memcpy(found, key, size);
        ++*nmemb;
    }
    return found;
}

/* ---- queues ------------------------------------------------------------------------------------ */

struct link {                           /* the first two members of any queue element */
    struct link *forw, *back;
};

void insque(void *elem, void *prev)
{
    struct link *e = elem, *p = prev;

    if (p == NULL) {                    /* the first element of a new linear list */
        e->forw = e->back = NULL;
        return;
    }
    e->forw = p->forw;
    e->back = p;
    if (p->forw != NULL)
        p->forw->back = e;
    p->forw = e;
}

void remque(void *elem)
{
    struct link *e = elem;

    if (e->forw != NULL)
        e->forw->back = e->back;
    if (e->back != NULL)
        e->back->forw = e->forw;
}
