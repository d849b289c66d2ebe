/*
 * db.c - the keyspace. A dict is a chained hash table of binary-safe keys (FNV-1a hashes, the
 * table doubles when it is full); the same dict serves as a database (values are struct value),
 * a hash (values are strings) and a set (no values). A key's expiry sits in its entry: a key
 * past it is deleted when it is next looked up, or by the cron's sweep (db_expire_some).
 */
#include <stdlib.h>
#include <string.h>

#include "server.h"

/* ---- the hash table ------------------------------------------------------------------------ */

/* FNV-1a over four bytes at a step (a multiply for each byte was most of a lookup's work), the
 * last few a byte at a time. A table's index is the hash's low bits, and a multiply carries
 * only upwards, so the top half is folded down and mixed by one more multiply, and its top
 * folded down again: "key:000000012345" and its neighbours then spread as evenly as random. */
static uint64_t hash_bytes(const char *key, size_t len)
{
    const unsigned char *p = (const unsigned char *)key;
    uint64_t h = 1469598103934665603ULL;
    const uint64_t prime = 1099511628211ULL;       /* in a register: not made again at each step */
    for (; len >= 4; len -= 4, p += 4) {
        h ^= p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
        h *= prime;
    }
    for (; len > 0; len--, p++) {
        h ^= *p;
        h *= prime;
    }
    h = (h ^ (h >> 32)) * prime;
    return h ^ (h >> 29);
}

struct dict *dict_new(void (*free_val)(void *))
{
    struct dict *d = xcalloc(1, sizeof *d);
    d->free_val = free_val;
    return d;
}

static void free_entry(struct dict *d, struct entry *e)
{
    str_free(e->key);
    if (d->free_val && e->val)
        d->free_val(e->val);
    free(e);
}

void dict_clear(struct dict *d)
{
    for (size_t i = 0; i < d->size; i++) {
        struct entry *e = d->table[i];
        while (e) {
            struct entry *next = e->next;
            free_entry(d, e);
            e = next;
        }
    }
    free(d->table);
    d->table = NULL;
    d->size = d->used = 0;
}

void dict_free(struct dict *d)
{
    dict_clear(d);
    free(d);
}

struct entry *dict_find(struct dict *d, const char *key, size_t len)
{
    if (!d->size)
        return NULL;
    for (struct entry *e = d->table[hash_bytes(key, len) & (d->size - 1)]; e; e = e->next)
        if (e->key->len == len && memcmp(e->key->buf, key, len) == 0)
            return e;
    return NULL;
}

static void dict_grow(struct dict *d)
{
    size_t size = d->size ? d->size * 2 : 4;
    struct entry **table = xcalloc(size, sizeof *table);
    for (size_t i = 0; i < d->size; i++) {
        struct entry *e = d->table[i];
        while (e) {
            struct entry *next = e->next;
            size_t b = hash_bytes(e->key->buf, e->key->len) & (size - 1);
            e->next = table[b];
            table[b] = e;
            e = next;
        }
    }
    free(d->table);
    d->table = table;
    d->size = size;
}

struct entry *dict_add(struct dict *d, struct str *key, void *val)
{
    if (d->used >= d->size)
        dict_grow(d);
    struct entry *e = xmalloc(sizeof *e);
    size_t b = hash_bytes(key->buf, key->len) & (d->size - 1);
    e->key = key;
    e->val = val;
    e->expire_ms = -1;
    e->next = d->table[b];
    d->table[b] = e;
    d->used++;
    return e;
}

int dict_delete(struct dict *d, const char *key, size_t len)
{
    if (!d->size)
        return 0;
    struct entry **link = &d->table[hash_bytes(key, len) & (d->size - 1)];
    for (; *link; link = &(*link)->next) {
        struct entry *e = *link;
        if (e->key->len == len && memcmp(e->key->buf, key, len) == 0) {
            *link = e->next;
            free_entry(d, e);
            d->used--;
            return 1;
        }
    }
    return 0;
}

/* A random entry: a random non-empty bucket, then a random entry of its chain. */
struct entry *dict_random(struct dict *d)
{
    if (!d->used)
        return NULL;
    struct entry *e;
    do
        e = d->table[(size_t)random() & (d->size - 1)];
    while (!e);
    size_t n = 0;
    for (struct entry *x = e; x; x = x->next)
        n++;
    for (n = (size_t)random() % n; n; n--)
        e = e->next;
    return e;
}

static unsigned long reverse_bits(unsigned long v)
{
    unsigned long r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | (v & 1);
        v >>= 1;
    }
    return r;
}

/* One step of SCAN: calls fn on the entries of one bucket and returns the next cursor (0 at the
 * end). The cursor counts in reversed bits, as Redis's does, so a table that doubles between
 * two calls neither loses nor repeats the buckets already visited. */
unsigned long dict_scan(struct dict *d, unsigned long cursor,
                        void (*fn)(struct entry *e, void *arg), void *arg)
{
    if (!d->size)
        return 0;
    unsigned long mask = d->size - 1;
    struct entry *e = d->table[cursor & mask];
    while (e) {
        struct entry *next = e->next;    /* fn may delete e (an expired key) */
        fn(e, arg);
        e = next;
    }
    cursor |= ~mask;
    cursor = reverse_bits(cursor);
    cursor++;
    return reverse_bits(cursor);
}

void dict_iter_init(struct dict_iter *it, struct dict *d)
{
    it->d = d;
    it->bucket = 0;
    it->next = NULL;
}

/* The next entry, or NULL; the current entry may be deleted before the next call. */
struct entry *dict_iter_next(struct dict_iter *it)
{
    while (!it->next) {
        if (it->bucket >= it->d->size)
            return NULL;
        it->next = it->d->table[it->bucket++];
    }
    struct entry *e = it->next;
    it->next = e->next;
    return e;
}

/* ---- values -------------------------------------------------------------------------------- */

struct list *list_new(void)
{
    return xcalloc(1, sizeof(struct list));
}

static void list_grow(struct list *l)
{
    size_t cap = l->cap ? l->cap * 2 : 8;
    struct str **items = xmalloc(cap * sizeof *items);
    for (size_t i = 0; i < l->len; i++)
        items[i] = l->items[(l->head + i) % l->cap];
    free(l->items);
    l->items = items;
    l->head = 0;
    l->cap = cap;
}

void list_push(struct list *l, struct str *s, int head)
{
    if (l->len == l->cap)
        list_grow(l);
    if (head) {
        l->head = (l->head + l->cap - 1) % l->cap;
        l->items[l->head] = s;
    } else {
        l->items[(l->head + l->len) % l->cap] = s;
    }
    l->len++;
}

struct str *list_pop(struct list *l, int head)
{
    struct str *s;
    if (!l->len)
        return NULL;
    if (head) {
        s = l->items[l->head];
        l->head = (l->head + 1) % l->cap;
    } else {
        s = l->items[(l->head + l->len - 1) % l->cap];
    }
    l->len--;
    return s;
}

struct str *list_at(struct list *l, size_t i)
{
    return l->items[(l->head + i) % l->cap];
}

static void list_free(struct list *l)
{
    for (size_t i = 0; i < l->len; i++)
        str_free(list_at(l, i));
    free(l->items);
    free(l);
}

static void free_str(void *s)
{
    str_free(s);
}

struct value *value_new(int type)
{
    struct value *v = xmalloc(sizeof *v);
    v->type = type;
    if (type == TYPE_STRING)
        v->ptr = str_new("", 0);
    else if (type == TYPE_LIST)
        v->ptr = list_new();
    else if (type == TYPE_ZSET)
        v->ptr = zset_new();
    else
        v->ptr = dict_new(type == TYPE_HASH ? free_str : NULL);
    return v;
}

struct value *value_string(struct str *s)
{
    struct value *v = xmalloc(sizeof *v);
    v->type = TYPE_STRING;
    v->ptr = s;
    return v;
}

void value_free(void *p)
{
    struct value *v = p;
    if (v->type == TYPE_STRING)
        str_free(v->ptr);
    else if (v->type == TYPE_LIST)
        list_free(v->ptr);
    else if (v->type == TYPE_ZSET)
        zset_free(v->ptr);
    else
        dict_free(v->ptr);
    free(v);
}

/* A deep copy of v (COPY): new strings, list items, fields and members. */
struct value *value_copy(const struct value *v)
{
    if (v->type == TYPE_STRING) {
        const struct str *s = v->ptr;
        return value_string(str_new(s->buf, s->len));
    }
    struct value *copy = value_new(v->type);
    if (v->type == TYPE_LIST) {
        struct list *l = v->ptr;
        for (size_t i = 0; i < l->len; i++) {
            struct str *s = list_at(l, i);
            list_push(copy->ptr, str_new(s->buf, s->len), 0);
        }
        return copy;
    }
    if (v->type == TYPE_ZSET) {
        for (struct znode *n = ((struct zset *)v->ptr)->header->level[0].forward; n; n = n->level[0].forward)
            zset_add(copy->ptr, n->score, n->member->buf, n->member->len);
        return copy;
    }
    struct dict_iter it;
    struct entry *e;
    dict_iter_init(&it, v->ptr);
    while ((e = dict_iter_next(&it))) {
        struct str *field = e->val;           /* a hash's value; a set's members have none */
        dict_add(copy->ptr, str_new(e->key->buf, e->key->len), field ? str_new(field->buf, field->len) : NULL);
    }
    return copy;
}

size_t value_length(const struct value *v)
{
    if (v->type == TYPE_LIST)
        return ((struct list *)v->ptr)->len;
    if (v->type == TYPE_ZSET)
        return ((struct zset *)v->ptr)->length;
    return ((struct dict *)v->ptr)->used;
}

const char *type_name(int type)
{
    static const char *names[] = {"string", "list", "hash", "set", "zset"};
    return names[type];
}

/* ---- databases ----------------------------------------------------------------------------- */

int key_expired(struct entry *e)
{
    return e->expire_ms != -1 && e->expire_ms <= now_ms();
}

static void delete_entry(struct db *db, struct entry *e)
{
    if (e->expire_ms != -1)
        db->expires--;
    dict_delete(db->keys, e->key->buf, e->key->len);
}

struct entry *db_lookup_entry(struct db *db, const char *key, size_t len)
{
    struct entry *e = dict_find(db->keys, key, len);
    if (e && key_expired(e)) {
        delete_entry(db, e);
        server.stat_expired++;
        return NULL;
    }
    return e;
}

struct value *db_lookup(struct db *db, const char *key, size_t len)
{
    struct entry *e = db_lookup_entry(db, key, len);
    return e ? e->val : NULL;
}

void db_add(struct db *db, struct str *key, struct value *v, long long expire_ms)
{
    struct entry *e = dict_add(db->keys, key, v);
    db_set_expire(db, e, expire_ms);
}

/* The key's value becomes a copy of the string val, with no expiry. */
struct entry *db_set(struct db *db, const struct str *key, const struct str *val)
{
    return db_set_entry(db, db_lookup_entry(db, key->buf, key->len), key, val);
}

/* A string value is overwritten in its own room when the new one fits (most SETs of a key give
 * it a value of the same size): no malloc and no free. Otherwise a new value replaces the old,
 * and the key is copied only if it is new. */
struct entry *db_set_entry(struct db *db, struct entry *e, const struct str *key, const struct str *val)
{
    struct value *old = e ? e->val : NULL;
    if (old && old->type == TYPE_STRING && str_overwrite(old->ptr, val)) {
        db_set_expire(db, e, -1);
        return e;
    }
    struct value *v = value_string(str_new(val->buf, val->len));
    if (!e)
        return dict_add(db->keys, str_new(key->buf, key->len), v);
    value_free(old);
    e->val = v;
    db_set_expire(db, e, -1);
    return e;
}

int db_delete(struct db *db, const char *key, size_t len)
{
    struct entry *e = db_lookup_entry(db, key, len);
    if (!e)
        return 0;
    delete_entry(db, e);
    return 1;
}

void db_set_expire(struct db *db, struct entry *e, long long when_ms)
{
    db->expires += (when_ms != -1) - (e->expire_ms != -1);
    e->expire_ms = when_ms;
}

void db_flush(struct db *db)
{
    touch_all_watched_keys(db);
    dict_clear(db->keys);
    db->expires = 0;
}

static void expire_if_due(struct entry *e, void *arg)
{
    struct db *db = arg;
    if (key_expired(e)) {
        delete_entry(db, e);
        server.stat_expired++;
    }
}

/* Visit a few buckets of the database, from where the last visit stopped, deleting expired keys:
 * keys nobody reads again still go away. */
void db_expire_some(struct db *db, int buckets)
{
    static unsigned long cursor[NUM_DBS];
    if (!db->expires)
        return;
    for (int i = 0; i < buckets; i++) {
        cursor[db->id] = dict_scan(db->keys, cursor[db->id], expire_if_due, db);
        if (cursor[db->id] == 0)
            break;
    }
}
