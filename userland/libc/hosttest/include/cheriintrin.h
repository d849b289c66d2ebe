/*
 * Host-test shim for cheriintrin.h: there are no capabilities on the host, so each cheri_*
 * query asks a table of "fake capabilities" (hostshim.c) kept by address. bounds_set records a
 * fake; bounds_set_exact also checks that the bounds would be exact on Morello (and aborts the
 * test if not); representable_length and representable_alignment_mask follow Morello's rules.
 */
#ifndef _CHERIINTRIN_H
#define _CHERIINTRIN_H

unsigned long __host_cap_base(const void *p);
unsigned long __host_cap_length(const void *p);
unsigned long __host_cap_perms(const void *p);
long __host_cap_type(const void *p);
int __host_cap_tag(const void *p);
int __host_cap_sealed(const void *p);
void *__host_cap_bounds(void *p, unsigned long n, int exact);
unsigned long __host_rep_length(unsigned long n);
unsigned long __host_rep_mask(unsigned long n);

#define cheri_address_get(p) ((unsigned long)(p))
#define cheri_base_get(p) __host_cap_base(p)
#define cheri_length_get(p) __host_cap_length(p)
#define cheri_offset_get(p) ((unsigned long)(p) - __host_cap_base(p))
#define cheri_perms_get(p) __host_cap_perms(p)
#define cheri_tag_get(p) __host_cap_tag(p)
#define cheri_is_sealed(p) __host_cap_sealed(p)
#define cheri_type_get(p) __host_cap_type(p)
#define cheri_bounds_set(p, n) __host_cap_bounds(p, n, 0)
#define cheri_bounds_set_exact(p, n) __host_cap_bounds(p, n, 1)
#define cheri_address_set(p, a) ((void *)(a))
#define cheri_representable_length(n) __host_rep_length(n)
#define cheri_representable_alignment_mask(n) __host_rep_mask(n)

#define CHERI_PERM_GLOBAL (1UL << 0)
#define CHERI_PERM_EXECUTIVE (1UL << 1)
#define CHERI_PERM_STORE_LOCAL_CAP (1UL << 12)
#define CHERI_PERM_STORE_CAP (1UL << 13)
#define CHERI_PERM_LOAD_CAP (1UL << 14)
#define CHERI_PERM_EXECUTE (1UL << 15)
#define CHERI_PERM_STORE (1UL << 16)
#define CHERI_PERM_LOAD (1UL << 17)
#define CHERI_OTYPE_UNSEALED 0
#define CHERI_OTYPE_SENTRY 1
#endif
