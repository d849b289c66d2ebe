/*
 * search.h - searching tables (POSIX, with glibc's GNU additions). Implemented in
 * userland/libc/search.c.
 *
 *   binary search trees (AVL-balanced; a node's first member is the key pointer, so a result p
 *   gives the key as *(const T **)p):
 *     void *tsearch(key, &root, compar)   find key, or insert it: its node; NULL if out of memory
 *     void *tfind(key, &root, compar)     its node, or NULL
 *     void *tdelete(key, &root, compar)   remove it: its parent's node (non-NULL), or NULL if absent
 *     void twalk(root, action)            action(node, preorder|postorder|endorder|leaf, depth)
 *     void twalk_r(root, action, closure) (GNU) action(node, which, closure)
 *     void tdestroy(root, free_key)       (GNU) free every node, calling free_key on each key
 *   one hash table of strings (and the _r forms on a struct hsearch_data, GNU):
 *     int hcreate(nel)   ENTRY *hsearch(item, FIND|ENTER)   void hdestroy(void)
 *   linear search of an array: lfind (find), lsearch (find, or append)
 *   doubly linked queues: insque(elem, prev), remque(elem) on structs whose first two members
 *   are the forward and backward pointers
 */
#ifndef _SEARCH_H
#define _SEARCH_H

#include <stddef.h>

struct qelem {
    struct qelem *q_forw;
    struct qelem *q_back;
    char q_data[1];
};

void insque(void *elem, void *prev);
void remque(void *elem);

typedef int (*__compar_fn_t)(const void *, const void *);

typedef enum { FIND, ENTER } ACTION;

typedef struct entry {
    char *key;
    void *data;
} ENTRY;

struct _ENTRY;

struct hsearch_data {
    struct _ENTRY *table;
    unsigned int size;
    unsigned int filled;
};

int hcreate(size_t nel);
ENTRY *hsearch(ENTRY item, ACTION action);
void hdestroy(void);
int hcreate_r(size_t nel, struct hsearch_data *htab);
int hsearch_r(ENTRY item, ACTION action, ENTRY **retval, struct hsearch_data *htab);
void hdestroy_r(struct hsearch_data *htab);

typedef enum { preorder, postorder, endorder, leaf } VISIT;

void *tsearch(const void *key, void **rootp, __compar_fn_t compar);
void *tfind(const void *key, void *const *rootp, __compar_fn_t compar);
void *tdelete(const void *key, void **rootp, __compar_fn_t compar);
void twalk(const void *root, void (*action)(const void *nodep, VISIT which, int depth));
void twalk_r(const void *root, void (*action)(const void *nodep, VISIT which, void *closure),
             void *closure);
void tdestroy(void *root, void (*free_node)(void *nodep));

void *lfind(const void *key, const void *base, size_t *nmemb, size_t size, __compar_fn_t compar);
void *lsearch(const void *key, void *base, size_t *nmemb, size_t size, __compar_fn_t compar);

#endif
