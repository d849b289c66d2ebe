/*
 * rdb.c - the RDB file, version 9: what Redis 6.2 writes and loads (Redis 7 loads it too).
 *
 *   "REDIS0009"  AUX fields (FA key value)...
 *   per database: FE db, FB keys expires, then per key: [FC expire-ms] type key value
 *   FF, then the CRC64 (Jones polynomial, as Redis) of every byte before, little-endian
 *
 * Saving writes the plain types (string, list, set, hash, and sorted sets with binary scores)
 * that every Redis loads. Loading also reads the compact encodings a real Redis 6.2 writes:
 * integer and LZF-compressed strings, lists as quicklists of ziplists, small hashes and sorted
 * sets as ziplists, integer sets as intsets.
 *
 * rdb_save writes temp-PID.rdb and renames it over the dump only once it is complete, so a
 * crash in the middle of a save leaves the previous dump as it was (the BGSAVE child calls it).
 *
 * DUMP and RESTORE (object.c) use the same writer and reader on one value in memory: Redis's
 * payload is the value's type byte and value as in the file, then the RDB version (2 bytes) and
 * the CRC64 of all that (8 bytes), both little-endian.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

#define RDB_VERSION 9

enum {
    RDB_TYPE_STRING = 0, RDB_TYPE_LIST = 1, RDB_TYPE_SET = 2, RDB_TYPE_ZSET = 3, RDB_TYPE_HASH = 4,
    RDB_TYPE_ZSET_2 = 5, RDB_TYPE_LIST_ZIPLIST = 10, RDB_TYPE_SET_INTSET = 11,
    RDB_TYPE_ZSET_ZIPLIST = 12, RDB_TYPE_HASH_ZIPLIST = 13, RDB_TYPE_LIST_QUICKLIST = 14,
};
enum {
    RDB_OPCODE_MODULE_AUX = 247, RDB_OPCODE_IDLE = 248, RDB_OPCODE_FREQ = 249, RDB_OPCODE_AUX = 250,
    RDB_OPCODE_RESIZEDB = 251, RDB_OPCODE_EXPIRETIME_MS = 252, RDB_OPCODE_EXPIRETIME = 253,
    RDB_OPCODE_SELECTDB = 254, RDB_OPCODE_EOF = 255,
};
enum { RDB_ENC_INT8 = 0, RDB_ENC_INT16 = 1, RDB_ENC_INT32 = 2, RDB_ENC_LZF = 3 };

/* ---- CRC64, Jones polynomial, reflected (Redis's crc64.c): 8 bytes at a time ----------------- */

static uint64_t crc_table[8][256];

void crc64_init(void)
{
    for (int i = 0; i < 256; i++) {
        uint64_t crc = (uint64_t)i;
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? (crc >> 1) ^ 0x95ac9329ac4bc9b5ULL : crc >> 1;
        crc_table[0][i] = crc;
    }
    for (int i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            crc_table[t][i] = (crc_table[t - 1][i] >> 8) ^ crc_table[0][crc_table[t - 1][i] & 0xff];
}

uint64_t crc64(uint64_t crc, const unsigned char *p, size_t len)
{
    if (!crc_table[0][1])
        crc64_init();
    while (len && ((uintptr_t)p & 7)) {
        crc = crc_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
        len--;
    }
    while (len >= 8) {
        crc ^= *(const uint64_t *)p;
        crc = crc_table[7][crc & 0xff] ^ crc_table[6][(crc >> 8) & 0xff] ^
              crc_table[5][(crc >> 16) & 0xff] ^ crc_table[4][(crc >> 24) & 0xff] ^
              crc_table[3][(crc >> 32) & 0xff] ^ crc_table[2][(crc >> 40) & 0xff] ^
              crc_table[1][(crc >> 48) & 0xff] ^ crc_table[0][crc >> 56];
        p += 8;
        len -= 8;
    }
    while (len--)
        crc = crc_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc;
}

/* ---- saving -------------------------------------------------------------------------------- */

#define OUT_BUF (64 * 1024)

struct rdb_out {
    int fd;                          /* -1: no file, buf grows to hold it all (DUMP) */
    unsigned char *buf;
    size_t n, cap;
    uint64_t crc;
    int failed;                      /* a write failed: errno says why */
};

static void write_all(struct rdb_out *o, const unsigned char *p, size_t n)
{
    while (n && !o->failed) {
        ssize_t w = write(o->fd, p, n);
        if (w <= 0) {
            o->failed = 1;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

static void out_flush(struct rdb_out *o)
{
    write_all(o, o->buf, o->n);
    o->n = 0;
}

/* Room for n more bytes in a buffer that is all the output (fd -1). */
static void out_grow(struct rdb_out *o, size_t n)
{
    while (o->cap < o->n + n)
        o->cap *= 2;
    o->buf = xrealloc(o->buf, o->cap);
}

static void out_bytes(struct rdb_out *o, const void *p, size_t n)
{
    o->crc = crc64(o->crc, p, n);
    if (o->n + n > o->cap && o->fd < 0) {
        out_grow(o, n);
    } else if (o->n + n > o->cap) {
        out_flush(o);
        if (n >= o->cap) {               /* a big value goes straight to the file */
            write_all(o, p, n);
            return;
        }
    }
    memcpy(o->buf + o->n, p, n);
    o->n += n;
}

static void out_byte(struct rdb_out *o, int b)
{
    unsigned char c = (unsigned char)b;
    out_bytes(o, &c, 1);
}

static void out_le(struct rdb_out *o, uint64_t v, int bytes)
{
    unsigned char b[8];
    for (int i = 0; i < bytes; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    out_bytes(o, b, (size_t)bytes);
}

/* 00xxxxxx, 01xxxxxx xxxxxxxx, 0x80 + 4 bytes or 0x81 + 8 bytes, big-endian. */
static void out_len(struct rdb_out *o, uint64_t len)
{
    if (len < 64) {
        out_byte(o, (int)len);
    } else if (len < 16384) {
        out_byte(o, 0x40 | (int)(len >> 8));
        out_byte(o, (int)(len & 0xff));
    } else {
        int bytes = len <= 0xffffffffULL ? 4 : 8;
        out_byte(o, bytes == 4 ? 0x80 : 0x81);
        for (int i = bytes - 1; i >= 0; i--)
            out_byte(o, (int)((len >> (8 * i)) & 0xff));
    }
}

/* A string; one that reads as a small integer is written as one, as Redis does. */
static void out_string(struct rdb_out *o, const char *p, size_t len)
{
    long long v;
    if (len <= 11 && parse_ll(p, len, &v) && v >= -2147483648LL && v <= 2147483647LL) {
        if (v >= -128 && v <= 127) {
            out_byte(o, 0xC0 | RDB_ENC_INT8);
            out_le(o, (uint64_t)v, 1);
        } else if (v >= -32768 && v <= 32767) {
            out_byte(o, 0xC0 | RDB_ENC_INT16);
            out_le(o, (uint64_t)v, 2);
        } else {
            out_byte(o, 0xC0 | RDB_ENC_INT32);
            out_le(o, (uint64_t)v, 4);
        }
        return;
    }
    out_len(o, len);
    out_bytes(o, p, len);
}

static void out_str(struct rdb_out *o, struct str *s)
{
    out_string(o, s->buf, s->len);
}

static void out_aux(struct rdb_out *o, const char *key, const char *value)
{
    out_byte(o, RDB_OPCODE_AUX);
    out_string(o, key, strlen(key));
    out_string(o, value, strlen(value));
}

static void out_value(struct rdb_out *o, struct value *v)
{
    struct dict_iter it;
    struct entry *e;
    if (v->type == TYPE_STRING) {
        out_str(o, v->ptr);
    } else if (v->type == TYPE_LIST) {
        struct list *l = v->ptr;
        out_len(o, l->len);
        for (size_t i = 0; i < l->len; i++)
            out_str(o, list_at(l, i));
    } else if (v->type == TYPE_ZSET) {
        struct zset *z = v->ptr;                  /* highest first, as Redis: loading then adds */
        out_len(o, z->length);                    /* each one at the head of the skip list */
        for (struct znode *n = z->tail; n; n = n->backward) {
            uint64_t bits;
            out_str(o, n->member);
            memcpy(&bits, &n->score, 8);          /* the score as a binary double */
            out_le(o, bits, 8);
        }
    } else {
        out_len(o, ((struct dict *)v->ptr)->used);
        dict_iter_init(&it, v->ptr);
        while ((e = dict_iter_next(&it))) {
            out_str(o, e->key);
            if (v->type == TYPE_HASH)
                out_str(o, e->val);
        }
    }
}

/* The RDB type byte of v: the plain form of each type, which every Redis loads. */
static void out_type(struct rdb_out *o, struct value *v)
{
    static const int rdb_type[] = {RDB_TYPE_STRING, RDB_TYPE_LIST, RDB_TYPE_HASH, RDB_TYPE_SET, RDB_TYPE_ZSET_2};
    out_byte(o, rdb_type[v->type]);
}

static void out_db(struct rdb_out *o, struct db *db)
{
    struct dict_iter it;
    struct entry *e;
    out_byte(o, RDB_OPCODE_SELECTDB);
    out_len(o, (uint64_t)db->id);
    out_byte(o, RDB_OPCODE_RESIZEDB);
    out_len(o, db->keys->used);
    out_len(o, (uint64_t)db->expires);
    dict_iter_init(&it, db->keys);
    while ((e = dict_iter_next(&it)) && !o->failed) {
        struct value *v = e->val;
        if (key_expired(e))
            continue;
        if (e->expire_ms != -1) {
            out_byte(o, RDB_OPCODE_EXPIRETIME_MS);
            out_le(o, (uint64_t)e->expire_ms, 8);
        }
        out_type(o, v);
        out_str(o, e->key);
        out_value(o, v);
    }
}

/* The whole dataset as an RDB file on fd: 0, or -1 with errno. */
static int rdb_write(int fd)
{
    struct rdb_out o = {fd, xmalloc(OUT_BUF), 0, OUT_BUF, 0, 0};
    char now[24];
    snprintf(now, sizeof now, "%lld", now_ms() / 1000);
    out_bytes(&o, "REDIS0009", 9);
    out_aux(&o, "redis-ver", REDIS_VERSION);
    out_aux(&o, "redis-bits", "64");
    out_aux(&o, "ctime", now);
    out_aux(&o, "used-mem", "0");
    out_aux(&o, "aof-preamble", "0");
    for (int i = 0; i < NUM_DBS; i++)
        if (server.db[i].keys->used)
            out_db(&o, &server.db[i]);
    out_byte(&o, RDB_OPCODE_EOF);
    uint64_t crc = o.crc;
    out_le(&o, crc, 8);
    out_flush(&o);
    free(o.buf);
    return o.failed ? -1 : 0;
}

/* DUMP's payload for v (Redis's createDumpPayload): type, value, version, CRC64. */
struct str *rdb_dump(struct value *v)
{
    struct rdb_out o = {-1, xmalloc(256), 0, 256, 0, 0};
    out_type(&o, v);
    out_value(&o, v);
    out_le(&o, RDB_VERSION, 2);
    uint64_t crc = o.crc;
    out_le(&o, crc, 8);
    struct str *payload = str_new((const char *)o.buf, o.n);
    free(o.buf);
    return payload;
}

int rdb_save(const char *filename)
{
    char tmp[64], cwd[256];
    snprintf(tmp, sizeof tmp, "temp-%d.rdb", (int)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        log_msg('#', "Failed opening the RDB file %s (in server root dir %s) for saving: %s", tmp,
                getcwd(cwd, sizeof cwd) ? cwd : "unknown", strerror(errno));
        return -1;
    }
    if (rdb_write(fd) != 0 || fsync(fd) != 0) {
        log_msg('#', "Write error saving DB on disk: %s", strerror(errno));
        close(fd);
        unlink(tmp);
        return -1;
    }
    close(fd);
    if (rename(tmp, filename) != 0) {
        log_msg('#', "Error moving temp DB file %s on the final destination %s (in server root dir %s): %s",
                tmp, filename, getcwd(cwd, sizeof cwd) ? cwd : "unknown", strerror(errno));
        unlink(tmp);
        return -1;
    }
    log_msg('*', "DB saved on disk");
    server.dirty = 0;
    server.lastsave = now_ms() / 1000;
    server.lastbgsave_ok = 1;
    return 0;
}

/* ---- loading ------------------------------------------------------------------------------- */

struct rdb_in {
    int fd;                          /* -1: buf is all there is (RESTORE's payload) */
    unsigned char *buf;
    size_t pos, len;
    uint64_t crc;
    jmp_buf fail;
    char error[128];
    struct value *partial;           /* the value being read: freed if the rest is bad */
};

static _Noreturn void load_fail(struct rdb_in *r, const char *what)
{
    snprintf(r->error, sizeof r->error, "%s", what);
    longjmp(r->fail, 1);
}

static void in_bytes(struct rdb_in *r, void *dst, size_t n)
{
    unsigned char *d = dst;
    while (n) {
        if (r->pos == r->len) {
            ssize_t got = r->fd < 0 ? 0 : read(r->fd, r->buf, OUT_BUF);
            if (got <= 0)
                load_fail(r, "Short read or OOM loading DB. Unrecoverable error, aborting now.");
            r->pos = 0;
            r->len = (size_t)got;
        }
        size_t take = r->len - r->pos < n ? r->len - r->pos : n;
        memcpy(d, r->buf + r->pos, take);
        r->crc = crc64(r->crc, d, take);
        r->pos += take;
        d += take;
        n -= take;
    }
}

static int in_byte(struct rdb_in *r)
{
    unsigned char b;
    in_bytes(r, &b, 1);
    return b;
}

static uint64_t in_le(struct rdb_in *r, int bytes)
{
    unsigned char b[8];
    uint64_t v = 0;
    in_bytes(r, b, (size_t)bytes);
    for (int i = bytes - 1; i >= 0; i--)
        v = (v << 8) | b[i];
    return v;
}

/* A length; *encoded is set for the special string encodings (11xxxxxx), whose kind it returns. */
static uint64_t in_len(struct rdb_in *r, int *encoded)
{
    int b = in_byte(r);
    uint64_t v = 0;
    *encoded = 0;
    switch (b >> 6) {
    case 0:
        return (uint64_t)(b & 0x3f);
    case 1:
        return ((uint64_t)(b & 0x3f) << 8) | (uint64_t)in_byte(r);
    case 3:
        *encoded = 1;
        return (uint64_t)(b & 0x3f);
    }
    if (b != 0x80 && b != 0x81)
        load_fail(r, "Unknown length encoding in rdbLoadLen()");
    for (int i = 0; i < (b == 0x80 ? 4 : 8); i++)
        v = (v << 8) | (uint64_t)in_byte(r);
    return v;
}

static uint64_t in_length(struct rdb_in *r)
{
    int encoded;
    uint64_t len = in_len(r, &encoded);
    if (encoded)
        load_fail(r, "Unexpected encoded length");
    return len;
}

/* LZF (liblzf's format, as Redis compresses): literal runs and back references. */
static int lzf_decompress(const unsigned char *in, size_t in_len, unsigned char *out, size_t out_len)
{
    size_t ip = 0, op = 0;
    while (ip < in_len) {
        unsigned ctrl = in[ip++];
        if (ctrl < 32) {                          /* ctrl + 1 literal bytes */
            size_t n = ctrl + 1;
            if (ip + n > in_len || op + n > out_len)
                return -1;
            memcpy(out + op, in + ip, n);
            ip += n;
            op += n;
        } else {                                  /* a copy of earlier output */
            size_t n = ctrl >> 5;
            if (n == 7) {
                if (ip >= in_len)
                    return -1;
                n += in[ip++];
            }
            if (ip >= in_len)
                return -1;
            size_t back = ((ctrl & 0x1f) << 8) + in[ip++] + 1;
            n += 2;
            if (back > op || op + n > out_len)
                return -1;
            for (size_t i = 0; i < n; i++, op++)  /* byte by byte: the ranges may overlap */
                out[op] = out[op - back];
        }
    }
    return op == out_len ? 0 : -1;
}

#define MAX_STRING (1ULL << 30)

static struct str *in_string(struct rdb_in *r)
{
    int encoded;
    uint64_t len = in_len(r, &encoded);
    if (encoded) {
        if (len == RDB_ENC_INT8)
            return str_from_ll((int8_t)in_le(r, 1));
        if (len == RDB_ENC_INT16)
            return str_from_ll((int16_t)in_le(r, 2));
        if (len == RDB_ENC_INT32)
            return str_from_ll((int32_t)in_le(r, 4));
        if (len != RDB_ENC_LZF)
            load_fail(r, "Unknown RDB string encoding type");
        uint64_t clen = in_length(r), ulen = in_length(r);
        if (clen > MAX_STRING || ulen > MAX_STRING)
            load_fail(r, "A compressed string is too long");
        unsigned char *packed = xmalloc(clen);
        struct str *s = str_new(NULL, ulen);
        in_bytes(r, packed, clen);
        int bad = lzf_decompress(packed, clen, (unsigned char *)s->buf, ulen);
        free(packed);
        if (bad)
            load_fail(r, "Invalid LZF compressed string");
        return s;
    }
    if (len > MAX_STRING)
        load_fail(r, "A string is too long");
    struct str *s = str_new(NULL, len);
    in_bytes(r, s->buf, len);
    return s;
}

/* A ziplist's entries, in order (Redis's ziplist.c format):
 *   zlbytes(4) zltail(4) zllen(2) entries... 0xFF;  entry = prevlen (1 or 0xFE+4) encoding data */
static struct str **ziplist_items(struct rdb_in *r, struct str *zl, size_t *count)
{
    const unsigned char *z = (const unsigned char *)zl->buf;
    size_t size = zl->len, p = 10, n = 0, cap = 16;
    struct str **items = xmalloc(cap * sizeof *items);

    while (p < size && z[p] != 0xFF) {
        p += z[p] < 254 ? 1 : 5;                 /* the previous entry's length */
        if (p >= size)
            break;
        unsigned enc = z[p];
        size_t len = 0, head;
        long long v = 0;
        int is_int = 1;
        if (enc >> 6 == 0) {
            len = enc & 0x3f, head = 1, is_int = 0;
        } else if (enc >> 6 == 1) {
            if (p + 1 >= size)
                break;
            len = ((size_t)(enc & 0x3f) << 8) | z[p + 1], head = 2, is_int = 0;
        } else if (enc == 0x80) {
            if (p + 4 >= size)
                break;
            len = ((size_t)z[p + 1] << 24) | ((size_t)z[p + 2] << 16) | ((size_t)z[p + 3] << 8) | z[p + 4];
            head = 5, is_int = 0;
        } else {
            static const struct { unsigned enc; int bytes; } ints[] = {
                {0xC0, 2}, {0xD0, 4}, {0xE0, 8}, {0xF0, 3}, {0xFE, 1}};
            int bytes = -1;
            head = 1;
            for (int i = 0; i < 5; i++)
                if (ints[i].enc == enc)
                    bytes = ints[i].bytes;
            if (bytes < 0 && enc >= 0xF1 && enc <= 0xFD) {
                v = (long long)(enc & 0x0f) - 1;  /* a 4-bit immediate, 0 to 12 */
                bytes = 0;
            }
            if (bytes < 0 || p + 1 + (size_t)bytes > size)
                break;
            for (int i = bytes - 1; i >= 0; i--)
                v = (long long)(((unsigned long long)v << 8) | z[p + 1 + i]);
            if (bytes && bytes < 8)              /* sign-extend */
                v = (long long)((unsigned long long)v << (64 - 8 * bytes)) >> (64 - 8 * bytes);
            len = (size_t)bytes;
        }
        if (p + head + (is_int ? 0 : len) > size)
            break;
        if (n == cap) {
            cap *= 2;
            items = xrealloc(items, cap * sizeof *items);
        }
        items[n++] = is_int ? str_from_ll(v) : str_new((const char *)z + p + head, len);
        p += head + len;
    }
    if (p >= size || z[p] != 0xFF) {
        for (size_t i = 0; i < n; i++)
            str_free(items[i]);
        free(items);
        load_fail(r, "Ziplist integrity check failed.");
    }
    *count = n;
    return items;
}

/* An intset: encoding(4: 2, 4 or 8) length(4) then the integers, little-endian. */
static void intset_into(struct rdb_in *r, struct str *is, struct dict *set)
{
    const unsigned char *b = (const unsigned char *)is->buf;
    if (is->len < 8)
        load_fail(r, "Intset integrity check failed.");
    uint32_t width = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    uint32_t n = (uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 | (uint32_t)b[7] << 24;
    if ((width != 2 && width != 4 && width != 8) || is->len != 8 + (size_t)n * width)
        load_fail(r, "Intset integrity check failed.");
    for (uint32_t i = 0; i < n; i++) {
        unsigned long long v = 0;
        for (int k = (int)width - 1; k >= 0; k--)
            v = (v << 8) | b[8 + i * width + (uint32_t)k];
        long long sv = (long long)(v << (64 - 8 * width)) >> (64 - 8 * width);
        struct str *m = str_from_ll(sv);
        if (dict_find(set, m->buf, m->len))
            str_free(m);
        else
            dict_add(set, m, NULL);
    }
}

static void list_add_ziplist(struct rdb_in *r, struct list *l, struct str *zl)
{
    size_t n;
    struct str **items = ziplist_items(r, zl, &n);
    for (size_t i = 0; i < n; i++)
        list_push(l, items[i], 0);
    free(items);
}

/* Put member (and, for a hash, its value) into d, replacing a duplicate. */
static void dict_put(struct dict *d, struct str *member, struct str *val)
{
    struct entry *e = dict_find(d, member->buf, member->len);
    if (e) {
        str_free(member);
        if (d->free_val && e->val)
            d->free_val(e->val);
        e->val = val;
    } else {
        dict_add(d, member, val);
    }
}

/* An empty value of type to read into; r->partial, until it is complete. */
static struct value *new_value(struct rdb_in *r, int type)
{
    r->partial = value_new(type);
    return r->partial;
}

/* A sorted set's score in the old ZSET type: text after its length byte, where 253, 254 and
 * 255 stand for nan, inf and -inf. */
static double in_text_score(struct rdb_in *r)
{
    char text[256];
    int len = in_byte(r);
    if (len >= 253)
        return len == 253 ? NAN : len == 254 ? INFINITY : -INFINITY;
    in_bytes(r, text, (size_t)len);
    text[len] = 0;
    return strtod(text, NULL);
}

/* A sorted set in any of its RDB forms: ZSET_2 (binary scores, what we write), ZSET (scores as
 * text), or a small one as a ziplist of member, score, member, score... */
static struct value *in_zset(struct rdb_in *r, int type)
{
    struct value *v = new_value(r, TYPE_ZSET);
    if (type == RDB_TYPE_ZSET_ZIPLIST) {
        size_t count;
        struct str *blob = in_string(r);
        struct str **items = ziplist_items(r, blob, &count);
        str_free(blob);
        if (count % 2)
            load_fail(r, "Ziplist integrity check failed: a sorted set member with no score.");
        for (size_t i = 0; i < count; i += 2) {
            zset_add(v->ptr, strtod(items[i + 1]->buf, NULL), items[i]->buf, items[i]->len);
            str_free(items[i]);
            str_free(items[i + 1]);
        }
        free(items);
        return v;
    }
    for (uint64_t n = in_length(r); n; n--) {
        struct str *member = in_string(r);
        double score;
        if (type == RDB_TYPE_ZSET_2) {
            uint64_t bits = in_le(r, 8);
            memcpy(&score, &bits, 8);
        } else {
            score = in_text_score(r);
        }
        zset_add(v->ptr, score, member->buf, member->len);
        str_free(member);
    }
    return v;
}

/* The value of one key of RDB type type. */
static struct value *in_value(struct rdb_in *r, int type)
{
    struct value *v;
    struct str *blob;
    uint64_t n;
    switch (type) {
    case RDB_TYPE_STRING:
        return value_string(in_string(r));
    case RDB_TYPE_LIST:
        v = new_value(r, TYPE_LIST);
        for (n = in_length(r); n; n--)
            list_push(v->ptr, in_string(r), 0);
        return v;
    case RDB_TYPE_LIST_QUICKLIST:
    case RDB_TYPE_LIST_ZIPLIST:
        v = new_value(r, TYPE_LIST);
        for (n = type == RDB_TYPE_LIST_QUICKLIST ? in_length(r) : 1; n; n--) {
            blob = in_string(r);
            list_add_ziplist(r, v->ptr, blob);
            str_free(blob);
        }
        return v;
    case RDB_TYPE_SET:
        v = new_value(r, TYPE_SET);
        for (n = in_length(r); n; n--)
            dict_put(v->ptr, in_string(r), NULL);
        return v;
    case RDB_TYPE_SET_INTSET:
        v = new_value(r, TYPE_SET);
        blob = in_string(r);
        intset_into(r, blob, v->ptr);
        str_free(blob);
        return v;
    case RDB_TYPE_HASH:
        v = new_value(r, TYPE_HASH);
        for (n = in_length(r); n; n--) {
            struct str *field = in_string(r);
            dict_put(v->ptr, field, in_string(r));
        }
        return v;
    case RDB_TYPE_HASH_ZIPLIST: {
        size_t count;
        v = new_value(r, TYPE_HASH);
        blob = in_string(r);
        struct str **items = ziplist_items(r, blob, &count);
        str_free(blob);
        if (count % 2)
            load_fail(r, "Ziplist integrity check failed: a hash with a field and no value.");
        for (size_t i = 0; i < count; i += 2)
            dict_put(v->ptr, items[i], items[i + 1]);
        free(items);
        return v;
    }
    case RDB_TYPE_ZSET:
    case RDB_TYPE_ZSET_2:
    case RDB_TYPE_ZSET_ZIPLIST:
        return in_zset(r, type);
    }
    char msg[64];
    snprintf(msg, sizeof msg, "Unknown RDB encoding type %d", type);
    load_fail(r, msg);
}

static void load_aux(struct rdb_in *r)
{
    struct str *key = in_string(r), *val = in_string(r);
    if (strcmp(key->buf, "redis-ver") == 0)
        log_msg('*', "Loading RDB produced by version %s", val->buf);
    else if (strcmp(key->buf, "ctime") == 0)
        log_msg('*', "RDB age %lld seconds", now_ms() / 1000 - atoll(val->buf));
    str_free(key);
    str_free(val);
}

/* The body of the file after its header; longjmps to r->fail on a bad byte. */
static void load_body(struct rdb_in *r, int version)
{
    struct db *db = &server.db[0];
    long long expire = -1, loaded = 0, expired = 0;
    for (;;) {
        int type = in_byte(r);
        switch (type) {
        case RDB_OPCODE_EXPIRETIME_MS:
            expire = (long long)in_le(r, 8);
            continue;
        case RDB_OPCODE_EXPIRETIME:
            expire = (long long)in_le(r, 4) * 1000;
            continue;
        case RDB_OPCODE_FREQ:
            in_byte(r);
            continue;
        case RDB_OPCODE_IDLE:
            in_length(r);
            continue;
        case RDB_OPCODE_SELECTDB: {
            uint64_t id = in_length(r);
            if (id >= NUM_DBS)
                load_fail(r, "FATAL: Data file was created with a Redis server configured to handle more than 16 databases.");
            db = &server.db[id];
            continue;
        }
        case RDB_OPCODE_RESIZEDB:
            in_length(r);
            in_length(r);
            continue;
        case RDB_OPCODE_AUX:
            load_aux(r);
            continue;
        case RDB_OPCODE_MODULE_AUX:
            load_fail(r, "The RDB file contains module AUX data, which this server cannot load.");
        case RDB_OPCODE_EOF:
            break;
        default: {
            struct str *key = in_string(r);
            struct value *v = in_value(r, type);
            r->partial = NULL;
            if ((expire != -1 && expire <= now_ms()) || db_lookup(db, key->buf, key->len)) {
                if (expire == -1 || expire > now_ms())
                    load_fail(r, "Duplicate key found in RDB file");
                value_free(v);
                str_free(key);
                expired++;
            } else {
                db_add(db, key, v, expire);
                loaded++;
            }
            expire = -1;
            continue;
        }
        }
        break;
    }
    if (version >= 5) {
        uint64_t expected = r->crc, got = in_le(r, 8);
        if (got == 0)
            log_msg('#', "RDB file was saved with checksum disabled: no check performed.");
        else if (got != expected)
            load_fail(r, "Wrong RDB checksum. Aborting now.");
    }
    log_msg('*', "Done loading RDB, keys loaded: %lld, keys expired: %lld.", loaded, expired);
}

int rdb_load(const char *filename)
{
    struct rdb_in r;
    char magic[10];
    int fd = open(filename, O_RDONLY);
    if (fd < 0 && errno == ENOENT)
        return 1;
    if (fd < 0) {
        log_msg('#', "Fatal error loading the DB: %s. Exiting.", strerror(errno));
        return -1;
    }
    r.fd = fd;
    r.buf = xmalloc(OUT_BUF);
    r.pos = r.len = 0;
    r.crc = 0;
    r.partial = NULL;
    long long start = mono_us();
    int ok = 0;
    if (setjmp(r.fail) == 0) {
        in_bytes(&r, magic, 9);
        magic[9] = 0;
        int version = atoi(magic + 5);
        if (memcmp(magic, "REDIS", 5) != 0)
            load_fail(&r, "Wrong signature trying to load DB from file");
        if (version < 1 || version > RDB_VERSION) {
            snprintf(r.error, sizeof r.error, "Can't handle RDB format version %d", version);
            longjmp(r.fail, 1);
        }
        load_body(&r, version);
        ok = 1;
    }
    close(fd);
    free(r.buf);
    if (!ok) {
        log_msg('#', "%s", r.error);
        return -1;
    }
    log_msg('*', "DB loaded from disk: %.3f seconds", (double)(mono_us() - start) / 1e6);
    return 0;
}

/* The value in a DUMP payload (Redis's verifyDumpPayload, then rdbLoadObject), or NULL with *why
 * the error RESTORE answers. The reader stops at the footer: a value that claims more bytes than
 * the payload has is bad data. */
struct value *rdb_restore(const char *payload, size_t len, const char **why)
{
    *why = "ERR DUMP payload version or checksum are wrong";
    if (len < 10)
        return NULL;
    const unsigned char *footer = (const unsigned char *)payload + len - 10;
    uint64_t crc = 0;
    if ((footer[0] | footer[1] << 8) > RDB_VERSION)
        return NULL;
    for (int i = 7; i >= 0; i--)
        crc = crc << 8 | footer[2 + i];
    if (crc != crc64(0, (const unsigned char *)payload, len - 8))
        return NULL;
    struct rdb_in r = {.fd = -1, .buf = (unsigned char *)payload, .len = len - 10};
    struct value *v = NULL;
    if (setjmp(r.fail) == 0)
        v = in_value(&r, in_byte(&r));
    else if (r.partial)
        value_free(r.partial);
    if (v && v->type != TYPE_STRING && value_length(v) == 0) {   /* Redis refuses empty keys */
        value_free(v);
        v = NULL;
    }
    *why = "ERR Bad data format";
    return v;
}
