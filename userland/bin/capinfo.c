/*
 * capinfo - show what a CHERI capability (a ufos pointer) is made of.
 *
 *     capinfo                 decode a few pointers of different kinds
 *     capinfo HEX [TAG]       decode the capability whose 128-bit memory form is HEX
 *
 * HEX is the 128 bits as memory holds them, high word first: 32 hex digits (an optional 0x;
 * fewer digits are zero-extended), bits 127..64 the permissions, object type and compressed
 * bounds, bits 63..0 the address - Capability.from_mem(pesbt, cursor, tag) of ufos.machine.cap.
 * TAG (0 or 1, default 1) is the out-of-band tag: bits alone never make a valid capability, so
 * it is only shown. The bits are stored in memory and loaded as a capability, so that the
 * machine's own decoder reads them, as it reads any capability.
 *
 * Without arguments it makes a few pointers of different kinds and decodes each one with the
 * CHERI builtins of <cheriintrin.h>:
 *     - a buffer from malloc(100)           bounded to the 100 bytes
 *     - a string literal                    read-only, bounded to the string and its NUL
 *     - a function pointer (&main)          a sentry: sealed, can only be called
 *     - an array on the stack               bounded to the array
 *     - that array narrowed to 4 bytes      cheri_bounds_set: a bound can only shrink
 * For each it prints printf's %p form (address [permissions,base-top]), then the address,
 * base, length and offset, the tag (is it a valid capability?), whether it is sealed and its
 * object type, and every permission by name.
 * Exit status: 0, or 1 if HEX or TAG cannot be read.
 */
#include <cheriintrin.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *perm_names[18] = {
    "Global", "Executive", "User0", "User1", "User2", "User3", "MutableLoad", "CompartmentID",
    "BranchSealedPair", "System", "Unseal", "Seal", "StoreLocalCap", "StoreCap", "LoadCap",
    "Execute", "Store", "Load",
};

static void show(const char *what, const void *p, int tag)
{
    unsigned long perms = cheri_perms_get(p);
    int i;

    printf("%s\n", what);
    printf("  %%p       %p\n", p);
    printf("  address  %#lx\n", (unsigned long)cheri_address_get(p));
    printf("  base     %#lx\n", (unsigned long)cheri_base_get(p));
    printf("  length   %lu\n", (unsigned long)cheri_length_get(p));
    printf("  offset   %lu\n", (unsigned long)cheri_offset_get(p));
    printf("  tag      %d (%s)\n", tag, tag ? "valid" : "invalid");
    printf("  sealed   %s", cheri_is_sealed(p) ? "yes" : "no");
    if (cheri_is_sealed(p))
        printf(" (object type %ld%s)", cheri_type_get(p),
               cheri_type_get(p) == CHERI_OTYPE_SENTRY ? ": a sentry" : "");
    printf("\n  perms    %#lx:", perms);
    for (i = 17; i >= 0; i--)
        if (perms & (1UL << i))
            printf(" %s", perm_names[i]);
    printf("\n\n");
}

/* The 128 bits of text (hex, high word first) in words[1] (bits 127..64) and words[0]; 0 if
 * text is not hex of at most 32 digits. */
static int parse_bits(const char *text, unsigned long words[2])
{
    int digits = 0;

    words[0] = words[1] = 0;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text += 2;
    for (; *text; text++, digits++) {
        int v = isdigit((unsigned char)*text) ? *text - '0'
              : isxdigit((unsigned char)*text) ? tolower((unsigned char)*text) - 'a' + 10 : -1;
        if (v < 0 || digits == 32)
            return 0;
        words[1] = words[1] << 4 | words[0] >> 60;
        words[0] = words[0] << 4 | (unsigned long)v;
    }
    return digits > 0;
}

static void demonstrate(void)
{
    char stack_array[32];
    char *heap = malloc(100);
    void (*function)(void) = (void (*)(void))demonstrate;   /* any function would do */

    show("malloc(100):", heap, cheri_tag_get(heap));
    show("the string literal \"hello\":", "hello", cheri_tag_get("hello"));
    show("a function pointer (demonstrate):", (const void *)function, cheri_tag_get(function));
    show("char stack_array[32]:", stack_array, cheri_tag_get(stack_array));
    show("cheri_bounds_set(stack_array + 8, 4):", cheri_bounds_set(stack_array + 8, 4),
         cheri_tag_get(stack_array));
    free(heap);
}

int main(int argc, char **argv)
{
    union { void *cap; unsigned long words[2]; } memory;   /* 16 bytes, 16-byte aligned */
    char title[120];
    int tag = 1;

    if (argc == 1) {
        demonstrate();
        return 0;
    }
    if (argc > 3 || !parse_bits(argv[1], memory.words) ||
        (argc == 3 && strcmp(argv[2], "0") != 0 && strcmp(argv[2], "1") != 0)) {
        fprintf(stderr, "usage: capinfo [HEX [TAG]]   (HEX: the 128 bits of a capability, up to "
                        "32 hex digits; TAG: 0 or 1)\n");
        return 1;
    }
    if (argc == 3)
        tag = argv[2][0] == '1';
    snprintf(title, sizeof title, "0x%016lx%016lx, tag %d%s:", memory.words[1], memory.words[0], tag,
             tag ? " (%p says invalid: this copy is made from bits, which never makes a valid one)" : "");
    show(title, memory.cap, tag);
    return 0;
}
