/*
 * cheriintrin.h - looking at and shaping capabilities from C (the CHERI C interface).
 *
 * Each cheri_* macro is a compiler builtin that becomes one or two instructions (docs/isa.md):
 *
 *   cheri_address_get(p)         the address (gcvalue)                        -> ptraddr_t
 *   cheri_base_get(p)            the lower bound (gcbase)                     -> ptraddr_t
 *   cheri_length_get(p)          top - base, saturated to 2**64 - 1 (gclen)   -> size_t
 *   cheri_offset_get(p)          address - base (gcoff)                       -> size_t
 *   cheri_perms_get(p)           the permission bits, CHERI_PERM_* (gcperm)   -> size_t
 *   cheri_perms_and(p, m)        p keeping only the permissions in m (clrperm with ~m)
 *   cheri_perms_clear(p, m)      p without the permissions in m (clrperm)
 *   cheri_tag_get(p)             1 if p is a valid capability (gctag)         -> _Bool
 *   cheri_tag_clear(p)           p made invalid (clrtag)
 *   cheri_is_sealed(p)           1 if p is sealed (gcseal)                    -> _Bool
 *   cheri_type_get(p)            the object type, 0 if unsealed (gctype)      -> long
 *   cheri_bounds_set(p, n)       p bounded to [address, address + n), rounded out (scbnds)
 *   cheri_bounds_set_exact(p, n) the same, but untagged if n needed rounding (scbndse)
 *   cheri_address_set(p, a)      p with address a (scvalue)
 *   cheri_seal(p, key)           p sealed with the object type key's address (seal)
 *   cheri_unseal(p, key)         p unsealed with key (unseal)
 *   cheri_representable_length(n)          n rounded up to a length with exact bounds (rrlen)
 *   cheri_representable_alignment_mask(n)  the mask a base must satisfy for exact bounds of
 *                                           length n: (base & ~mask) == 0 (rrmask)
 *
 * The pointer-valued ones return a pointer of p's type (as void *). A bound can only shrink
 * and a permission can only be dropped: nothing here can make a capability grant more.
 */
#ifndef _CHERIINTRIN_H
#define _CHERIINTRIN_H

#define cheri_address_get(p) __builtin_cheri_address_get(p)
#define cheri_base_get(p) __builtin_cheri_base_get(p)
#define cheri_length_get(p) __builtin_cheri_length_get(p)
#define cheri_offset_get(p) __builtin_cheri_offset_get(p)
#define cheri_perms_get(p) __builtin_cheri_perms_get(p)
#define cheri_perms_and(p, m) __builtin_cheri_perms_and(p, m)
#define cheri_perms_clear(p, m) __builtin_cheri_perms_and(p, ~(unsigned long)(m))
#define cheri_tag_get(p) __builtin_cheri_tag_get(p)
#define cheri_tag_clear(p) __builtin_cheri_tag_clear(p)
#define cheri_is_sealed(p) __builtin_cheri_is_sealed(p)
#define cheri_type_get(p) __builtin_cheri_type_get(p)
#define cheri_bounds_set(p, n) __builtin_cheri_bounds_set(p, n)
#define cheri_bounds_set_exact(p, n) __builtin_cheri_bounds_set_exact(p, n)
#define cheri_address_set(p, a) __builtin_cheri_address_set(p, a)
#define cheri_seal(p, key) __builtin_cheri_seal(p, key)
#define cheri_unseal(p, key) __builtin_cheri_unseal(p, key)
#define cheri_representable_length(n) __builtin_cheri_representable_length(n)
#define cheri_representable_alignment_mask(n) __builtin_cheri_representable_alignment_mask(n)

/* Permission bits (Morello's numbering; ufos/machine/isa.py PERMISSIONS). */
#define CHERI_PERM_GLOBAL (1UL << 0)
#define CHERI_PERM_EXECUTIVE (1UL << 1)
#define CHERI_PERM_USER0 (1UL << 2)
#define CHERI_PERM_USER1 (1UL << 3)
#define CHERI_PERM_USER2 (1UL << 4)
#define CHERI_PERM_USER3 (1UL << 5)
#define CHERI_PERM_MUTABLE_LOAD (1UL << 6)
#define CHERI_PERM_COMPARTMENT_ID (1UL << 7)
#define CHERI_PERM_BRANCH_SEALED_PAIR (1UL << 8)
#define CHERI_PERM_SYSTEM (1UL << 9)
#define CHERI_PERM_UNSEAL (1UL << 10)
#define CHERI_PERM_SEAL (1UL << 11)
#define CHERI_PERM_STORE_LOCAL_CAP (1UL << 12)
#define CHERI_PERM_STORE_CAP (1UL << 13)
#define CHERI_PERM_LOAD_CAP (1UL << 14)
#define CHERI_PERM_EXECUTE (1UL << 15)
#define CHERI_PERM_STORE (1UL << 16)
#define CHERI_PERM_LOAD (1UL << 17)
#define CHERI_PERMS_ALL ((1UL << 18) - 1)

/* Object types */
#define CHERI_OTYPE_UNSEALED 0
#define CHERI_OTYPE_SENTRY 1        /* a function pointer (sealed entry) */
#define CHERI_OTYPE_LPB 2
#define CHERI_OTYPE_LB 3

#endif
