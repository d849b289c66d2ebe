/*
 * capinfo - show what a CHERI capability (a ufos pointer) is made of.
 *
 *     capinfo
 *
 * A demonstration, with no options: it makes a few pointers of different kinds and decodes
 * each one with the CHERI builtins of <cheriintrin.h>:
 *     - a buffer from malloc(100)           bounded to the 100 bytes
 *     - a string literal                    read-only, bounded to the string and its NUL
 *     - a function pointer (&main)          a sentry: sealed, can only be called
 *     - an array on the stack               bounded to the array
 *     - that array narrowed to 4 bytes      cheri_bounds_set: a bound can only shrink
 * For each it prints printf's %p form (address [permissions,base-top]), then the address,
 * base, length and offset, the tag (is it a valid capability?), whether it is sealed and its
 * object type, and every permission by name.
 * Exit status: 0.
 */
#include <cheriintrin.h>
#include <stdio.h>
#include <stdlib.h>

static const char *perm_names[18] = {
    "Global", "Executive", "User0", "User1", "User2", "User3", "MutableLoad", "CompartmentID",
    "BranchSealedPair", "System", "Unseal", "Seal", "StoreLocalCap", "StoreCap", "LoadCap",
    "Execute", "Store", "Load",
};

static void show(const char *what, const void *p)
{
    unsigned long perms = cheri_perms_get(p);
    int i;

    printf("%s\n", what);
    printf("  %%p       %p\n", p);
    printf("  address  %#lx\n", (unsigned long)cheri_address_get(p));
    printf("  base     %#lx\n", (unsigned long)cheri_base_get(p));
    printf("  length   %lu\n", (unsigned long)cheri_length_get(p));
    printf("  offset   %lu\n", (unsigned long)cheri_offset_get(p));
    printf("  tag      %d (%s)\n", (int)cheri_tag_get(p), cheri_tag_get(p) ? "valid" : "invalid");
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

int main(void)
{
    char stack_array[32];
    char *heap = malloc(100);
    void (*function)(void) = (void (*)(void))main;   /* any function would do */

    show("malloc(100):", heap);
    show("the string literal \"hello\":", "hello");
    show("a function pointer (main):", (const void *)function);
    show("char stack_array[32]:", stack_array);
    show("cheri_bounds_set(stack_array + 8, 4):", cheri_bounds_set(stack_array + 8, 4));
    free(heap);
    return 0;
}
