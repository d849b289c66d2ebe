/*
 * t_zset.c - sorted sets: members kept in the order of their scores (equal scores in the byte
 * order of the members), and the commands on them: ZADD and ZINCRBY, ZREM, ZSCORE and ZMSCORE,
 * ZCARD, ZCOUNT and ZLEXCOUNT, ZRANK and ZREVRANK, ZRANGE and its older forms (ZREVRANGE,
 * ZRANGEBYSCORE, ZRANGEBYLEX...), ZPOPMIN and ZPOPMAX, ZREMRANGEBYRANK/SCORE/LEX, ZSCAN.
 *
 * A sorted set is two structures over the same members, as in Redis:
 *   - a dict from member to its node: ZSCORE, ZREM and "is it there?" in one lookup;
 *   - a skip list (W. Pugh, 1990) of the nodes in order: ranges and ranks in O(log n).
 * A skip list is a sorted linked list with express lanes. Every node is on level 0; each level
 * up holds about a quarter of the nodes of the level below, chosen at random when a node is
 * made. A search runs along the highest level until the next node would overshoot, then drops
 * a level. Each forward link also records its span, how many level-0 steps it jumps, so the
 * spans summed on the way to a node give its rank.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

#define ZSKIPLIST_MAXLEVEL 32            /* enough for 4^32 members */

/* ---- the skip list --------------------------------------------------------------------------- */

static struct znode *znode_new(int levels, double score, struct str *member)
{
    struct znode *n = xcalloc(1, sizeof *n + (size_t)levels * sizeof(struct zlevel));
    n->score = score;
    n->member = member;
    return n;
}

struct zset *zset_new(void)
{
    struct zset *z = xcalloc(1, sizeof *z);
    z->dict = dict_new(NULL);            /* it owns the members; the nodes only point to them */
    z->header = znode_new(ZSKIPLIST_MAXLEVEL, 0, NULL);
    z->level = 1;
    return z;
}

void zset_free(struct zset *z)
{
    struct znode *n = z->header->level[0].forward;
    while (n) {
        struct znode *next = n->level[0].forward;
        free(n);
        n = next;
    }
    free(z->header);
    dict_free(z->dict);
    free(z);
}

/* How many levels a new node is on: 1, then one more with probability 1/4 each time. random()
 * is seeded at start, so a seed gives the same lists. */
static int random_level(void)
{
    int level = 1;
    while (level < ZSKIPLIST_MAXLEVEL && (random() & 0xFFFF) < 0xFFFF / 4)
        level++;
    return level;
}

static int str_cmp(const struct str *a, const struct str *b)
{
    int c = memcmp(a->buf, b->buf, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Does node n come before (score, member) in the set's order? */
static int before(const struct znode *n, double score, const struct str *member)
{
    return n->score < score || (n->score == score && str_cmp(n->member, member) < 0);
}

/* On every level, the last node before (score, member): the links an insert or a delete changes
 * (update[]), and that node's rank (rank[]). */
static void find_predecessors(struct zset *z, double score, const struct str *member,
                              struct znode **update, unsigned long *rank)
{
    struct znode *x = z->header;
    for (int i = z->level - 1; i >= 0; i--) {
        rank[i] = i == z->level - 1 ? 0 : rank[i + 1];
        while (x->level[i].forward && before(x->level[i].forward, score, member)) {
            rank[i] += x->level[i].span;
            x = x->level[i].forward;
        }
        update[i] = x;
    }
}

static struct znode *zsl_insert(struct zset *z, double score, struct str *member)
{
    struct znode *update[ZSKIPLIST_MAXLEVEL];
    unsigned long rank[ZSKIPLIST_MAXLEVEL];
    find_predecessors(z, score, member, update, rank);
    int level = random_level();
    for (; z->level < level; z->level++) {          /* new levels start at the header */
        rank[z->level] = 0;
        update[z->level] = z->header;
        z->header->level[z->level].span = z->length;
    }
    struct znode *x = znode_new(level, score, member);
    for (int i = 0; i < level; i++) {
        x->level[i].forward = update[i]->level[i].forward;
        update[i]->level[i].forward = x;
        x->level[i].span = update[i]->level[i].span - (rank[0] - rank[i]);
        update[i]->level[i].span = rank[0] - rank[i] + 1;
    }
    for (int i = level; i < z->level; i++)          /* links above x now jump one more node */
        update[i]->level[i].span++;
    x->backward = update[0] == z->header ? NULL : update[0];
    if (x->level[0].forward)
        x->level[0].forward->backward = x;
    else
        z->tail = x;
    z->length++;
    return x;
}

/* Unlink node x and free it (its member stays: the dict frees it). */
static void zsl_delete(struct zset *z, struct znode *x)
{
    struct znode *update[ZSKIPLIST_MAXLEVEL];
    unsigned long rank[ZSKIPLIST_MAXLEVEL];
    find_predecessors(z, x->score, x->member, update, rank);
    for (int i = 0; i < z->level; i++) {
        if (update[i]->level[i].forward == x) {
            update[i]->level[i].span += x->level[i].span - 1;
            update[i]->level[i].forward = x->level[i].forward;
        } else {
            update[i]->level[i].span--;
        }
    }
    if (x->level[0].forward)
        x->level[0].forward->backward = x->backward;
    else
        z->tail = x->backward;
    while (z->level > 1 && !z->header->level[z->level - 1].forward)
        z->level--;
    z->length--;
    free(x);
}

/* Node x's rank, from 1. */
static unsigned long zsl_rank(struct zset *z, struct znode *x)
{
    struct znode *update[ZSKIPLIST_MAXLEVEL];
    unsigned long rank[ZSKIPLIST_MAXLEVEL];
    find_predecessors(z, x->score, x->member, update, rank);
    return rank[0] + 1;
}

/* The node of rank `rank` (from 1), or NULL. */
static struct znode *zsl_at_rank(struct zset *z, unsigned long rank)
{
    struct znode *x = z->header;
    unsigned long walked = 0;
    for (int i = z->level - 1; i >= 0; i--) {
        while (x->level[i].forward && walked + x->level[i].span <= rank) {
            walked += x->level[i].span;
            x = x->level[i].forward;
        }
        if (walked == rank)
            return x == z->header ? NULL : x;
    }
    return NULL;
}

/* ---- the set: dict and skip list together ------------------------------------------------------ */

struct znode *zset_find(struct zset *z, const struct str *member)
{
    struct entry *e = dict_find(z->dict, member->buf, member->len);
    return e ? e->val : NULL;
}

/* member gets score, added if new: 1 if it was added. */
int zset_add(struct zset *z, double score, const char *member, size_t len)
{
    struct entry *e = dict_find(z->dict, member, len);
    if (!e) {
        e = dict_add(z->dict, str_new(member, len), NULL);
        e->val = zsl_insert(z, score, e->key);
        return 1;
    }
    struct znode *n = e->val;
    if (n->score != score) {                       /* it moves: out of the list and back in */
        zsl_delete(z, n);
        e->val = zsl_insert(z, score, e->key);
    }
    return 0;
}

void zset_delete(struct zset *z, struct znode *n)
{
    struct str *member = n->member;
    zsl_delete(z, n);
    dict_delete(z->dict, member->buf, member->len);
}

/* ---- ranges ---------------------------------------------------------------------------------- */

/* A range of a ZRANGE BYSCORE or BYLEX, ZCOUNT, ZREMRANGEBY...: its two ends, each included or
 * not ("(" excludes). A lex end is a member, or - or + (before or after every member). */
struct zrange_spec {
    int lex;
    double min, max;
    struct str lmin, lmax;
    int lmin_inf, lmax_inf;          /* -1: "-", +1: "+", 0: lmin/lmax */
    int minex, maxex;
};

/* A score end as Redis reads one (zslParseRange): strtod's, to the end of the string, not NaN.
 * Unlike a score (parse_double), one past a double's range is infinite (1e400 is +inf), and ""
 * is 0, as strtod leaves them. */
static int parse_score_end(const struct str *s, double *v, int *ex)
{
    char *end;
    *ex = s->len > 0 && s->buf[0] == '(';
    *v = strtod(s->buf + *ex, &end);
    return *end == '\0' && !isnan(*v);
}

static int parse_lex_end(const struct str *s, struct str *v, int *inf, int *ex)
{
    *inf = 0;
    *ex = 0;
    if (s->len == 1 && (s->buf[0] == '-' || s->buf[0] == '+')) {
        *inf = s->buf[0] == '-' ? -1 : 1;
        return 1;
    }
    if (s->len == 0 || (s->buf[0] != '(' && s->buf[0] != '['))
        return 0;
    *ex = s->buf[0] == '(';
    v->buf = s->buf + 1;
    v->len = s->len - 1;
    return 1;
}

/* The range ARG(i) .. ARG(j): 1, or 0 after replying the error. */
static int parse_range(struct client *c, int i, int j, int lex, struct zrange_spec *r)
{
    memset(r, 0, sizeof *r);
    r->lex = lex;
    if (lex) {
        if (parse_lex_end(ARG(i), &r->lmin, &r->lmin_inf, &r->minex) &&
            parse_lex_end(ARG(j), &r->lmax, &r->lmax_inf, &r->maxex))
            return 1;
        reply_error(c, "ERR min or max not valid string range item");
        return 0;
    }
    if (parse_score_end(ARG(i), &r->min, &r->minex) && parse_score_end(ARG(j), &r->max, &r->maxex))
        return 1;
    reply_error(c, "ERR min or max is not a float");
    return 0;
}

static int after_min(const struct zrange_spec *r, const struct znode *n)
{
    if (!r->lex)
        return r->minex ? n->score > r->min : n->score >= r->min;
    if (r->lmin_inf)
        return r->lmin_inf < 0;
    int cmp = str_cmp(n->member, &r->lmin);
    return r->minex ? cmp > 0 : cmp >= 0;
}

static int before_max(const struct zrange_spec *r, const struct znode *n)
{
    if (!r->lex)
        return r->maxex ? n->score < r->max : n->score <= r->max;
    if (r->lmax_inf)
        return r->lmax_inf > 0;
    int cmp = str_cmp(n->member, &r->lmax);
    return r->maxex ? cmp < 0 : cmp <= 0;
}

/* The first and the last node in the range, or NULL. (In order, after_min goes false to true
 * and before_max true to false, so a skip-list search finds where each changes.) */
static struct znode *first_in_range(struct zset *z, const struct zrange_spec *r)
{
    struct znode *x = z->header;
    for (int i = z->level - 1; i >= 0; i--)
        while (x->level[i].forward && !after_min(r, x->level[i].forward))
            x = x->level[i].forward;
    x = x->level[0].forward;
    return x && before_max(r, x) ? x : NULL;
}

static struct znode *last_in_range(struct zset *z, const struct zrange_spec *r)
{
    struct znode *x = z->header;
    for (int i = z->level - 1; i >= 0; i--)
        while (x->level[i].forward && before_max(r, x->level[i].forward))
            x = x->level[i].forward;
    return x != z->header && after_min(r, x) ? x : NULL;
}

/* How many nodes from the first in the range to the last. */
static unsigned long count_in_range(struct zset *z, const struct zrange_spec *r)
{
    struct znode *first = first_in_range(z, r), *last = last_in_range(z, r);
    return first && last ? zsl_rank(z, last) - zsl_rank(z, first) + 1 : 0;
}

/* Ranks start..stop (from 0; negative from the end) clamped to the set: the first node and how
 * many follow it, or 0. */
static unsigned long rank_range(struct zset *z, long long start, long long stop, int rev, struct znode **first)
{
    long long len = (long long)z->length;
    if (start < 0)
        start += len;
    if (stop < 0)
        stop += len;
    if (start < 0)
        start = 0;
    if (start > stop || start >= len)
        return 0;
    if (stop >= len)
        stop = len - 1;
    *first = zsl_at_rank(z, (unsigned long)(rev ? len - start : start + 1));
    return (unsigned long)(stop - start + 1);
}

static struct znode *step(struct znode *n, int rev)
{
    return rev ? n->backward : n->level[0].forward;
}

/* ---- replies --------------------------------------------------------------------------------- */

/* Members, with their scores if asked: flat pairs in RESP2, [member, score] arrays in RESP3. */
static void reply_nodes(struct client *c, struct znode **nodes, size_t n, int withscores)
{
    int pairs = withscores && c->resp == 3;
    reply_array(c, (long)(withscores && !pairs ? 2 * n : n));
    for (size_t i = 0; i < n; i++) {
        if (pairs)
            reply_array(c, 2);
        reply_str(c, nodes[i]->member);
        if (withscores)
            reply_double(c, nodes[i]->score);
    }
}

/* Up to `limit` nodes (all if negative) from `first` on, forward or backward, while they stay
 * in range r (if given), after skipping `offset`; replied. */
static void reply_walk(struct client *c, struct znode *first, long long offset, long long limit,
                       int rev, const struct zrange_spec *r, int withscores)
{
    struct znode **nodes = NULL;
    size_t n = 0, cap = 0;
    struct znode *x = offset < 0 ? NULL : first;
    for (; x && offset > 0; offset--)
        x = step(x, rev);
    for (; x && limit != 0 && (!r || (rev ? after_min(r, x) : before_max(r, x))); x = step(x, rev), limit--) {
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            nodes = xrealloc(nodes, cap * sizeof *nodes);
        }
        nodes[n++] = x;
    }
    reply_nodes(c, nodes, n, withscores);
    free(nodes);
}

/* Key i's sorted set for a reader: 1 with *z (NULL if there is none), or 0 after WRONGTYPE. */
static int read_zset(struct client *c, int i, struct zset **z)
{
    struct value *v;
    if (!read_key(c, i, TYPE_ZSET, &v))
        return 0;
    *z = v ? v->ptr : NULL;
    return 1;
}

/* ---- ZADD, ZINCRBY, ZREM ----------------------------------------------------------------------- */

enum { ZADD_NX = 1, ZADD_XX = 2, ZADD_GT = 4, ZADD_LT = 8, ZADD_CH = 16, ZADD_INCR = 32 };

/* One member of a ZADD: added (1), its score changed (2), nothing done (0), or NaN (-1). *score
 * is its score after. */
static int zadd_one(struct zset *z, int flags, double *score, const struct str *member)
{
    struct znode *n = zset_find(z, member);
    if (!n) {
        if (flags & ZADD_XX)
            return 0;
        zset_add(z, *score, member->buf, member->len);
        return 1;
    }
    if (flags & ZADD_NX)
        return 0;
    if (flags & ZADD_INCR) {
        *score += n->score;
        if (isnan(*score))
            return -1;
    }
    if (((flags & ZADD_LT) && *score >= n->score) || ((flags & ZADD_GT) && *score <= n->score)) {
        *score = n->score;
        return 0;
    }
    if (*score == n->score)
        return 0;
    zset_add(z, *score, member->buf, member->len);
    return 2;
}

/* The ZADD option ARG(i) names, or 0 if it names none. */
static int zadd_option(struct client *c, int i)
{
    static const struct { const char *name; int flag; } options[] = {
        {"NX", ZADD_NX}, {"XX", ZADD_XX}, {"GT", ZADD_GT}, {"LT", ZADD_LT}, {"CH", ZADD_CH}, {"INCR", ZADD_INCR},
    };
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++)
        if (arg_is(c, i, options[k].name))
            return options[k].flag;
    return 0;
}

/* ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]; ZINCRBY comes here too. */
static void zadd_generic(struct client *c, int flags)
{
    int i = 2, flag;
    for (; i < c->argc && (flag = zadd_option(c, i)); i++)
        flags |= flag;
    int elements = (c->argc - i) / 2;
    if ((c->argc - i) % 2 || elements == 0) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if ((flags & ZADD_NX) && (flags & ZADD_XX)) {
        reply_error(c, "ERR XX and NX options at the same time are not compatible");
        return;
    }
    if (((flags & (ZADD_GT | ZADD_LT)) && (flags & ZADD_NX)) || ((flags & ZADD_GT) && (flags & ZADD_LT))) {
        reply_error(c, "ERR GT, LT, and/or NX options at the same time are not compatible");
        return;
    }
    if ((flags & ZADD_INCR) && elements > 1) {
        reply_error(c, "ERR INCR option supports a single increment-element pair");
        return;
    }
    double *scores = xmalloc((size_t)elements * sizeof *scores);
    for (int k = 0; k < elements; k++)
        if (!parse_double(ARG(i + 2 * k)->buf, ARG(i + 2 * k)->len, &scores[k])) {
            reply_error(c, "ERR value is not a valid float");
            free(scores);
            return;
        }
    struct value *v = db_lookup(c->db, ARG(1)->buf, ARG(1)->len);
    if (v && v->type != TYPE_ZSET) {
        reply_error(c, ERR_WRONGTYPE);
    } else if (!v && (flags & ZADD_XX)) {
        if (flags & ZADD_INCR)
            reply_null(c);
        else
            reply_int(c, 0);
    } else {
        v = v ? v : write_key(c, 1, TYPE_ZSET);
        long long added = 0, changed = 0;
        int done = 0;
        for (int k = 0; k < elements; k++) {
            done = zadd_one(v->ptr, flags, &scores[k], ARG(i + 2 * k + 1));
            if (done < 0) {
                reply_error(c, "ERR resulting score is not a number (NaN)");
                break;
            }
            added += done == 1;
            changed += done != 0;
        }
        server.dirty += changed;
        if (done >= 0 && (flags & ZADD_INCR)) {
            if (done)
                reply_double(c, scores[0]);
            else
                reply_null(c);
        } else if (done >= 0) {
            reply_int(c, flags & ZADD_CH ? changed : added);
        }
        drop_if_empty(c, 1, v);                  /* XX or NaN on a new key left it empty */
    }
    free(scores);
}

void zadd_command(struct client *c)
{
    zadd_generic(c, 0);
}

/* ZINCRBY key increment member: ZADD key INCR increment member. */
void zincrby_command(struct client *c)
{
    zadd_generic(c, ZADD_INCR);
}

void zrem_command(struct client *c)
{
    struct zset *z;
    long long n = 0;
    if (!read_zset(c, 1, &z))
        return;
    for (int i = 2; z && i < c->argc; i++) {
        struct znode *node = zset_find(z, ARG(i));
        if (node) {
            zset_delete(z, node);
            n++;
        }
    }
    if (n) {
        server.dirty += n;
        drop_if_empty(c, 1, db_lookup(c->db, ARG(1)->buf, ARG(1)->len));
    }
    reply_int(c, n);
}

/* ---- reading ----------------------------------------------------------------------------------- */

void zscore_command(struct client *c)
{
    struct zset *z;
    if (!read_zset(c, 1, &z))
        return;
    struct znode *n = z ? zset_find(z, ARG(2)) : NULL;
    if (n)
        reply_double(c, n->score);
    else
        reply_null(c);
}

void zmscore_command(struct client *c)
{
    struct zset *z;
    if (!read_zset(c, 1, &z))
        return;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        struct znode *n = z ? zset_find(z, ARG(i)) : NULL;
        if (n)
            reply_double(c, n->score);
        else
            reply_null(c);
    }
}

void zcard_command(struct client *c)
{
    reply_length(c, TYPE_ZSET);
}

/* ZCOUNT key min max, ZLEXCOUNT key min max */
static void zcount_generic(struct client *c, int lex)
{
    struct zrange_spec r;
    struct zset *z;
    if (parse_range(c, 2, 3, lex, &r) && read_zset(c, 1, &z))
        reply_int(c, z ? (long long)count_in_range(z, &r) : 0);
}

void zcount_command(struct client *c)
{
    zcount_generic(c, 0);
}

void zlexcount_command(struct client *c)
{
    zcount_generic(c, 1);
}

/* ZRANK key member, ZREVRANK: its rank from 0, from the lowest score or the highest. */
static void zrank_generic(struct client *c, int rev)
{
    struct zset *z;
    if (!read_zset(c, 1, &z))
        return;
    struct znode *n = z ? zset_find(z, ARG(2)) : NULL;
    if (!n) {
        reply_null(c);
        return;
    }
    unsigned long rank = zsl_rank(z, n) - 1;
    reply_int(c, (long long)(rev ? z->length - 1 - rank : rank));
}

void zrank_command(struct client *c)
{
    zrank_generic(c, 0);
}

void zrevrank_command(struct client *c)
{
    zrank_generic(c, 1);
}

/* ---- ZRANGE and its older forms ------------------------------------------------------------ */

enum { BY_RANK, BY_SCORE, BY_LEX, BY_ANY };

/* ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES], and the
 * commands that are ZRANGE with `by` and `rev` given (ZREVRANGE, ZRANGEBYSCORE, ...): those
 * name the ends of a reverse score or lex range the other way round (max first), and take only
 * WITHSCORES and LIMIT. */
static void zrange_generic(struct client *c, int by, int rev)
{
    int withscores = 0, limited = 0, fixed = by != BY_ANY;
    long long offset = 0, limit = -1;
    for (int i = 4; i < c->argc; i++) {
        if (arg_is(c, i, "WITHSCORES"))
            withscores = 1;
        else if (arg_is(c, i, "LIMIT") && i + 2 < c->argc) {
            if (!arg_ll(c, i + 1, &offset) || !arg_ll(c, i + 2, &limit))
                return;
            limited = 1;
            i += 2;
        } else if (!fixed && !rev && arg_is(c, i, "REV"))
            rev = 1;
        else if (!fixed && by == BY_ANY && (arg_is(c, i, "BYSCORE") || arg_is(c, i, "BYLEX")))
            by = arg_is(c, i, "BYLEX") ? BY_LEX : BY_SCORE;
        else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    by = by == BY_ANY ? BY_RANK : by;
    if (limited && by == BY_RANK) {
        reply_error(c, "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        return;
    }
    if (withscores && by == BY_LEX) {
        reply_error(c, "ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        return;
    }
    long long start = 0, stop = 0;
    struct zrange_spec r;
    if (by == BY_RANK ? !arg_ll(c, 2, &start) || !arg_ll(c, 3, &stop)
                      : !parse_range(c, rev ? 3 : 2, rev ? 2 : 3, by == BY_LEX, &r))
        return;
    struct zset *z;
    if (!read_zset(c, 1, &z))
        return;
    struct znode *first = NULL;
    if (!z) {
        reply_array(c, 0);
    } else if (by == BY_RANK) {
        unsigned long n = rank_range(z, start, stop, rev, &first);
        reply_walk(c, first, 0, (long long)n, rev, NULL, withscores);
    } else
        reply_walk(c, rev ? last_in_range(z, &r) : first_in_range(z, &r), offset, limit, rev, &r, withscores);
}

void zrange_command(struct client *c)
{
    zrange_generic(c, BY_ANY, 0);
}

void zrevrange_command(struct client *c)
{
    zrange_generic(c, BY_RANK, 1);
}

void zrangebyscore_command(struct client *c)
{
    zrange_generic(c, BY_SCORE, 0);
}

void zrevrangebyscore_command(struct client *c)
{
    zrange_generic(c, BY_SCORE, 1);
}

void zrangebylex_command(struct client *c)
{
    zrange_generic(c, BY_LEX, 0);
}

void zrevrangebylex_command(struct client *c)
{
    zrange_generic(c, BY_LEX, 1);
}

/* ---- removing ---------------------------------------------------------------------------------- */

/* ZPOPMIN key [count], ZPOPMAX: the lowest (highest) members with their scores, removed. */
static void zpop_generic(struct client *c, int max)
{
    long long count = 1;
    struct zset *z;
    if (c->argc > 3) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if ((c->argc == 3 && !arg_ll(c, 2, &count)) || !read_zset(c, 1, &z))
        return;
    if (!z || count <= 0) {
        reply_array(c, 0);
        return;
    }
    size_t n = count < (long long)z->length ? (size_t)count : z->length;
    int nested = c->resp == 3 && c->argc == 3;       /* RESP3 with a count: [member, score] pairs */
    reply_array(c, (long)(nested ? n : 2 * n));
    for (size_t i = 0; i < n; i++) {
        struct znode *x = max ? z->tail : z->header->level[0].forward;
        if (nested)
            reply_array(c, 2);
        reply_str(c, x->member);
        reply_double(c, x->score);
        zset_delete(z, x);
    }
    server.dirty += (long long)n;
    drop_if_empty(c, 1, db_lookup(c->db, ARG(1)->buf, ARG(1)->len));
}

void zpopmin_command(struct client *c)
{
    zpop_generic(c, 0);
}

void zpopmax_command(struct client *c)
{
    zpop_generic(c, 1);
}

/* ZRANDMEMBER key [count [WITHSCORES]] (Redis 6.2) */
void zrandmember_command(struct client *c)
{
    reply_random_with(c, TYPE_ZSET, "WITHSCORES");
}

/* ZREMRANGEBYRANK key start stop, ZREMRANGEBYSCORE key min max, ZREMRANGEBYLEX key min max */
static void zremrange_generic(struct client *c, int by)
{
    long long start = 0, stop = 0;
    struct zrange_spec r;
    struct zset *z;
    if (by == BY_RANK ? !arg_ll(c, 2, &start) || !arg_ll(c, 3, &stop) : !parse_range(c, 2, 3, by == BY_LEX, &r))
        return;
    if (!read_zset(c, 1, &z))
        return;
    struct znode *x = NULL;
    unsigned long n = 0;
    if (z)
        n = by == BY_RANK ? rank_range(z, start, stop, 0, &x) : count_in_range(z, &r);
    if (z && by != BY_RANK)
        x = first_in_range(z, &r);
    for (unsigned long i = 0; i < n; i++) {
        struct znode *next = x->level[0].forward;
        zset_delete(z, x);
        x = next;
    }
    if (n) {
        server.dirty += (long long)n;
        drop_if_empty(c, 1, db_lookup(c->db, ARG(1)->buf, ARG(1)->len));
    }
    reply_int(c, (long long)n);
}

void zremrangebyrank_command(struct client *c)
{
    zremrange_generic(c, BY_RANK);
}

void zremrangebyscore_command(struct client *c)
{
    zremrange_generic(c, BY_SCORE);
}

void zremrangebylex_command(struct client *c)
{
    zremrange_generic(c, BY_LEX);
}

void zscan_command(struct client *c)
{
    scan_generic(c, TYPE_ZSET);
}
