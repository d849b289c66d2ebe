// expected: host
// Packed structs laid out as gcc lays them out (__attribute__((packed)) on a struct or on one
// member, #pragma pack(n) with push and pop, packed with aligned, nesting, bit-fields), and their
// members read and written at misaligned addresses: the machine faults on a misaligned load or
// store, so ufos cc goes byte by byte there. Pointers (capabilities) in packed structs: cheri/.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct __attribute__((packed)) hdr { uint8_t t; uint32_t len; uint16_t x; };
struct nums { char c; int16_t s; int32_t i; int64_t l; double d; float f; uint64_t u; } __attribute__((__packed__));

#pragma pack(push, 2)
struct p2 { char c; int i; double d; short s; };
#pragma pack(push, 4)
struct p4 { char c; double d; };
#pragma pack(pop)
struct p2b { char c; long l; };
#pragma pack(pop)
struct natural { char c; long l; };

#pragma pack(1)
struct p1 { uint8_t kind; uint64_t id; uint16_t port; };
#pragma pack()

struct inner { int a; short b; };
struct __attribute__((packed)) outer { char c; struct inner in; uint16_t tail; };
struct holder { char c; struct hdr h; int z; };

struct one { char a; int x __attribute__((packed)); short s; };
struct pa { char a; int x; } __attribute__((packed, aligned(4)));
struct __attribute__((packed)) pal { char a; int x __attribute__((aligned(8))); char b; };

struct __attribute__((packed)) bits {
    uint8_t a : 3;
    uint32_t b : 20;
    uint16_t c : 9;
    int32_t d : 32;
    int8_t e : 4;
    int16_t f : 11;
};
#pragma pack(push, 2)
struct pbits { char c; unsigned b : 4; unsigned w : 20; int s : 15; };
#pragma pack(pop)

union __attribute__((packed)) pun { uint32_t w; uint8_t b[5]; };

static struct hdr table[3] = { { 1, 0x11223344, 0x5566 }, { 2, 0xdeadbeef, 0x7788 }, { 3, 42, 7 } };
static struct bits sbits = { 5, 0xabcde, 0x1f3, -123456789, -3, -1000 };

static void dump(const char *what, const void *p, size_t n) {
    const unsigned char *b = p;
    printf("%s:", what);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", b[i]);
    printf("\n");
}

static struct hdr make(uint8_t t, uint32_t len, uint16_t x) {
    struct hdr h;
    h.t = t;
    h.len = len;
    h.x = x;
    return h;
}

static uint32_t total(struct hdr h, const struct hdr *p) {
    return h.len + p->len + h.x + p->x;
}

int main(void) {
    printf("hdr %zu %zu %zu %zu %zu\n", sizeof(struct hdr), _Alignof(struct hdr),
           offsetof(struct hdr, len), offsetof(struct hdr, x), sizeof(struct hdr[3]));
    printf("nums %zu %zu: %zu %zu %zu %zu %zu %zu\n", sizeof(struct nums), _Alignof(struct nums),
           offsetof(struct nums, s), offsetof(struct nums, i), offsetof(struct nums, l),
           offsetof(struct nums, d), offsetof(struct nums, f), offsetof(struct nums, u));
    printf("p2 %zu %zu: %zu %zu %zu\n", sizeof(struct p2), _Alignof(struct p2),
           offsetof(struct p2, i), offsetof(struct p2, d), offsetof(struct p2, s));
    printf("p4 %zu %zu: %zu\n", sizeof(struct p4), _Alignof(struct p4), offsetof(struct p4, d));
    printf("p2b %zu %zu: %zu\n", sizeof(struct p2b), _Alignof(struct p2b), offsetof(struct p2b, l));
    printf("natural %zu %zu\n", sizeof(struct natural), _Alignof(struct natural));
    printf("p1 %zu %zu: %zu %zu\n", sizeof(struct p1), _Alignof(struct p1), offsetof(struct p1, id),
           offsetof(struct p1, port));
    printf("outer %zu %zu: %zu %zu\n", sizeof(struct outer), _Alignof(struct outer),
           offsetof(struct outer, in), offsetof(struct outer, tail));
    printf("holder %zu %zu: %zu %zu\n", sizeof(struct holder), _Alignof(struct holder),
           offsetof(struct holder, h), offsetof(struct holder, z));
    printf("one %zu %zu: %zu %zu\n", sizeof(struct one), _Alignof(struct one), offsetof(struct one, x),
           offsetof(struct one, s));
    printf("pa %zu %zu: %zu\n", sizeof(struct pa), _Alignof(struct pa), offsetof(struct pa, x));
    printf("pal %zu %zu: %zu %zu\n", sizeof(struct pal), _Alignof(struct pal), offsetof(struct pal, x),
           offsetof(struct pal, b));
    printf("bits %zu %zu\n", sizeof(struct bits), _Alignof(struct bits));
    printf("pbits %zu %zu\n", sizeof(struct pbits), _Alignof(struct pbits));
    printf("pun %zu %zu\n", sizeof(union pun), _Alignof(union pun));

    /* an array of packed structs: every other element's members are misaligned */
    struct hdr arr[5];
    memset(arr, 0, sizeof arr);
    for (int i = 0; i < 5; i++) {
        arr[i].t = (uint8_t)(0xa0 + i);
        arr[i].len = 0x01020304u * (uint32_t)(i + 1);
        arr[i].x = (uint16_t)(0x1111 * (i + 1));
    }
    dump("arr", arr, sizeof arr);
    struct hdr *p = &arr[3];
    p->len += 5;
    p->x++;
    --arr[1].x;
    arr[2].len <<= 4;
    for (int i = 0; i < 5; i++)
        printf("arr[%d] %x %x %x\n", i, arr[i].t, (unsigned)arr[i].len, arr[i].x);
    int k = 4;
    arr[k].len = arr[k - 1].len ^ 0xffffffffu;
    printf("arr[k] %x\n", (unsigned)arr[k].len);

    /* signed and floating-point members at odd offsets, in a local and through a pointer */
    struct nums n;
    memset(&n, 0, sizeof n);
    n.c = 'n';
    n.s = -12345;
    n.i = -1234567890;
    n.l = -1234567890123456789LL;
    n.d = -2.5e10;
    n.f = 3.25f;
    n.u = 0xfedcba9876543210ULL;
    dump("nums", &n, sizeof n);
    struct nums *q = &n;
    printf("nums %c %d %d %lld %g %g %llx\n", q->c, q->s, q->i, (long long)q->l, q->d, (double)q->f,
           (unsigned long long)q->u);
    q->d *= 2;
    q->f -= 1.0f;
    q->l /= 3;
    q->s = (int16_t)(q->s / 5);
    printf("nums %d %lld %g %g\n", n.s, (long long)n.l, n.d, (double)n.f);

    /* memcpy of a packed struct to bytes and back */
    unsigned char bytes[sizeof(struct hdr) + 1];
    struct hdr h = make(9, 0xcafef00d, 0xbeef);
    memcpy(bytes + 1, &h, sizeof h);
    dump("bytes", bytes + 1, sizeof h);
    bytes[2] = 0x11;
    struct hdr back;
    memcpy(&back, bytes + 1, sizeof back);
    printf("back %u %x %x\n", back.t, (unsigned)back.len, back.x);
    uint32_t len;
    memcpy(&len, &back.len, sizeof len);        /* a misaligned member's address, as bytes */
    printf("len %x\n", (unsigned)len);

    /* struct copies, arguments and results */
    struct hdr copy = arr[1];
    arr[0] = copy;
    printf("copy %x %x %x\n", arr[0].t, (unsigned)arr[0].len, arr[0].x);
    printf("total %x\n", (unsigned)total(arr[3], &arr[4]));

    /* statically initialized */
    for (int i = 0; i < 3; i++)
        printf("table[%d] %u %x %x\n", i, table[i].t, (unsigned)table[i].len, table[i].x);
    dump("table", table, sizeof table);

    /* #pragma pack */
    struct p2 two = { 'x', -77, 1.5, 300 };
    two.i *= 3;
    two.d += two.i;
    printf("p2 %c %d %g %d\n", two.c, two.i, two.d, two.s);
    struct p1 ones[2] = { { 1, 0x1122334455667788ULL, 80 }, { 2, 0x99, 443 } };
    ones[1].id += ones[0].id;
    printf("p1 %u %llx %u %llx %u\n", ones[0].kind, (unsigned long long)ones[0].id, ones[1].port,
           (unsigned long long)ones[1].id, ones[0].port);
    dump("ones", ones, sizeof ones);

    /* a struct inside a packed struct, and a packed struct inside a struct */
    struct outer o = { 'o', { 100000, -7 }, 0xabcd };
    o.in.a += 23;
    o.in.b *= 2;
    struct inner in = o.in;
    printf("outer %d %d %d %d %x\n", in.a, in.b, o.in.a, o.in.b, o.tail);
    in.a = -1;
    o.in = in;
    dump("outer", &o, offsetof(struct outer, in) + offsetof(struct inner, b) + 2);   /* not inner's padding */
    struct holder hd = { 'h', { 7, 77, 777 }, -5 };
    hd.h.len += hd.z;
    printf("holder %u %u %u %d\n", hd.h.t, (unsigned)hd.h.len, hd.h.x, hd.z);

    /* packed on one member, packed with aligned */
    struct one on = { 'a', 0x7fffffff, -2 };
    on.x -= 0x10000;
    printf("one %x %d\n", on.x, on.s);
    struct pa pv[2] = { { 'a', 11 }, { 'b', 22 } };
    pv[1].x += pv[0].x;
    printf("pa %d %d\n", pv[0].x, pv[1].x);
    struct pal pl = { 'q', 5, 'r' };
    printf("pal %c %d %c\n", pl.a, pl.x, pl.b);

    /* bit-fields in packed structs */
    struct bits b;
    memset(&b, 0, sizeof b);
    b.a = 6;
    b.b = 0x54321;
    b.c = 0x1ff;
    b.d = -2;
    b.e = -8;
    b.f = 1023;
    dump("bits", &b, sizeof b);
    printf("bits %u %x %x %d %d %d\n", b.a, (unsigned)b.b, b.c, b.d, b.e, b.f);
    b.b += 0x10;
    b.d++;
    b.c ^= 0xaa;
    b.f = (int16_t)-b.f;
    printf("bits %u %x %x %d %d %d\n", b.a, (unsigned)b.b, b.c, b.d, b.e, b.f);
    printf("sbits %u %x %x %d %d %d\n", sbits.a, (unsigned)sbits.b, sbits.c, sbits.d, sbits.e, sbits.f);
    dump("sbits", &sbits, sizeof sbits);
    struct pbits pb = { 'p', 9, 0xfffff, -16000 };
    pb.w -= 1;
    dump("pbits", &pb, sizeof pb);
    printf("pbits %c %u %x %d\n", pb.c, pb.b, (unsigned)pb.w, pb.s);

    union pun u;
    memset(&u, 0, sizeof u);
    u.w = 0x89abcdef;
    u.b[4] = 0x42;
    printf("pun %x %x %x\n", (unsigned)u.w, u.b[0], u.b[4]);
    return 0;
}
