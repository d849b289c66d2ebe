"""The capability model (ufos/machine/capability.pxd, through ufos.machine.cap.Capability).

1. Every record of the Morello test vectors (tests/machine/data/morello/*.jsonl), every field the
   vectors' README says to compare. One test per file; each collects all mismatches.
2. A differential test against a small pure-Python transcription of the README's pseudo-code
   (A.1-A.3), on random bit patterns: it also checks that the fast path of set_address keeps the
   decoded fields exactly equal to a fresh decode.
3. Behaviour: root/null, printing, sealing rules, BUILD, CLRPERM, argument checks, immutability.
"""
import json
import pickle
import random
from pathlib import Path

import pytest

from ufos.machine.cap import Capability, alignment_mask, representable_length

TWO64 = 1 << 64
ALL_PERMS = 0x3FFFF
ROOT_PESBT = 0xFFFFC00000010005
P_GLOBAL, P_UNSEAL, P_SEAL = 1 << 0, 1 << 10, 1 << 11
P_STORE_CAP, P_LOAD_CAP, P_EXECUTE, P_STORE, P_LOAD = 1 << 13, 1 << 14, 1 << 15, 1 << 16, 1 << 17
RWRW = P_LOAD | P_STORE | P_LOAD_CAP | P_STORE_CAP


# ---------------------------------------------------------------------------------------------
# The vectors
# ---------------------------------------------------------------------------------------------
VECTORS = Path(__file__).resolve().parent / "data" / "morello"   # with their README: where they come from


def records(name):
    path = VECTORS / name
    if not path.is_file():
        pytest.fail(f"missing vector file {path}")
    with open(path) as f:
        out = [json.loads(line) for line in f if line.strip()]
    if not out:
        pytest.fail(f"no records in {path}")
    return out


def h(s):
    return int(s, 16)


def check_setbounds(r):
    base_in, length_in = h(r["base_in"]), h(r["length_in"])
    moved = Capability.root().set_address(base_in)
    assert moved.tag, "root.set_address lost the tag"
    cap = moved.set_bounds(length_in)
    yield "exact", moved.bounds_exact(length_in), r["exact"]
    yield "tag", cap.tag, r["tag"]
    yield "base", cap.base, h(r["base"])
    yield "top", cap.top, h(r["top"])
    yield "address", cap.address, h(r["address"])
    yield "(pesbt, cursor)", cap.to_mem(), (h(r["pesbt"]), h(r["cursor"]))
    yield "exponent", cap.exponent, r["exponent"]
    yield "rep_length", representable_length(length_in), h(r["rep_length"])
    yield "align_mask", alignment_mask(length_in), h(r["align_mask"])
    # SCBNDSE writes the same pattern and keeps the tag only if the request was exact
    exact_cap = moved.set_bounds(length_in, exact=True)
    yield "set_bounds(exact=True) pattern", exact_cap.to_mem(), cap.to_mem()
    yield "set_bounds(exact=True) tag", exact_cap.tag, r["tag"] and r["exact"]


def check_setaddr(r):
    pesbt, cursor, new = h(r["pesbt"]), h(r["cursor"]), h(r["new_address"])
    src = Capability.from_mem(pesbt, cursor, True)
    yield "source (base, top)", (src.base, src.top), (h(r["base"]), h(r["top"]))
    moved = src.set_address(new)
    yield "tag", moved.tag, r["tag"]
    yield "new_base", moved.base, h(r["new_base"])
    yield "new_top", moved.top, h(r["new_top"])
    yield "(new_pesbt, new_cursor)", moved.to_mem(), (h(r["new_pesbt"]), h(r["new_cursor"]))
    added = src.add(h(r["delta"]))
    yield "add(delta)", (added.tag, added.to_mem(), added.base, added.top), \
        (moved.tag, moved.to_mem(), moved.base, moved.top)
    value = src.set_value(new)
    yield "representable_precise (set_value tag)", value.tag, r["representable_precise"]
    yield "set_value (base, top)", (value.base, value.top), (h(r["new_base"]), h(r["new_top"]))
    yield "set_value pattern", value.to_mem(), (h(r["new_pesbt"]), h(r["new_cursor"]))


def check_decode(r):
    pesbt, cursor = h(r["pesbt"]), h(r["cursor"])
    cap = Capability.from_mem(pesbt, cursor, True)
    yield "tag", cap.tag, r["tag"]
    yield "perms", cap.perms, h(r["perms"])
    yield "otype", cap.otype, r["otype"]
    yield "base", cap.base, h(r["base"])
    yield "top", cap.top, h(r["top"])
    yield "address", cap.address, h(r["address"])
    yield "internal_exponent", not (cap.to_mem()[0] >> 30) & 1, r["internal_exponent"]
    yield "exponent", cap.exponent, r["exponent"]
    yield "bounds_valid", cap.bounds_valid, r["bounds_valid"]


def check_seal(r):
    src = Capability.from_mem(h(r["pesbt_in"]), h(r["cursor"]), True)
    sealed = src.seal(r["otype"])
    yield "pesbt", sealed.to_mem(), (h(r["pesbt"]), h(r["cursor"]))
    yield "sealed", sealed.sealed, r["sealed"]
    yield "otype_decoded", sealed.otype, r["otype_decoded"]
    yield "base", sealed.base, h(r["base"])
    yield "top", sealed.top, h(r["top"])
    yield "tag (tagged, unsealed source)", sealed.tag, True
    again = Capability.from_mem(*sealed.to_mem(), True)
    yield "decode(result) (otype, base, top)", (again.otype, again.base, again.top), \
        (r["otype_decoded"], h(r["base"]), h(r["top"]))


@pytest.mark.parametrize("name, check", [
    ("setbounds.jsonl", check_setbounds),
    ("setaddr.jsonl", check_setaddr),
    ("decode.jsonl", check_decode),
    ("seal.jsonl", check_seal),
])
def test_vectors(name, check):
    recs = records(name)
    mismatches = []
    for r in recs:
        try:
            for field, got, want in check(r):
                if got != want:
                    mismatches.append(f"i={r['i']} {r.get('category', '')} {field}: got {fmt(got)}, want {fmt(want)}")
        except Exception as e:  # report it with the record rather than stopping at the first one
            mismatches.append(f"i={r['i']}: {type(e).__name__}: {e}")
    if mismatches:
        pytest.fail(f"{len(mismatches)} mismatches in {len(recs)} records of {name}; first ones:\n  "
                    + "\n  ".join(mismatches[:8]), pytrace=False)


def fmt(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return hex(v)
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt(x) for x in v) + ")"
    return repr(v)


# ---------------------------------------------------------------------------------------------
# A pure-Python transcription of the README's pseudo-code, for random differential testing
# ---------------------------------------------------------------------------------------------
def sext56(v):
    v &= (1 << 56) - 1
    return v | (0xFF << 56) if v >> 55 else v


def ref_decode(pesbt, cursor):
    """A.1: (base, top, valid, E)."""
    if (pesbt >> 30) & 1:
        ie, E, B, T = 0, 0, pesbt & 0xFFFF, (pesbt >> 16) & 0x3FFF
    else:
        ie = 1
        E = 63 - (((pesbt >> 16) & 7) * 8 + (pesbt & 7))
        B, T = ((pesbt >> 3) & 0x1FFF) * 8, ((pesbt >> 19) & 0x7FF) * 8
    carry = 1 if T < B % (1 << 14) else 0
    T += ((B >> 14) + carry + ie) % 4 * (1 << 14)
    if E > 50:
        return 0, TWO64, E == 63, E
    a = sext56(cursor)
    r3 = ((B >> 13) - 1) % 8
    ua = 1 if (a >> (E + 13)) % 8 < r3 else 0
    ub = 1 if (B >> 13) < r3 else 0
    ut = 1 if (T >> 13) < r3 else 0
    hi = a >> (E + 16)
    base = ((hi + ub - ua) * (1 << (E + 16)) + B * (1 << E)) % (1 << 65)
    top = ((hi + ut - ua) * (1 << (E + 16)) + T * (1 << E)) % (1 << 65)
    if E < 49 and ((top >> 63) - ((base >> 63) & 1)) % 4 >= 2:
        top ^= TWO64
    return base % TWO64, top, True, E


def ref_keeps_tag(pesbt, cursor, new):
    """A.3 keeps_tag (for an unsealed, tagged capability)."""
    base, top, valid, E = ref_decode(pesbt, cursor)
    if E < 48 and (new >> 55) & 1 != (cursor >> 55) & 1:
        return False
    if not valid:
        return False
    if base <= sext56(new) < top:
        return True
    if base == 0 and top == TWO64:
        return True
    if E >= 48:
        return True
    inc = sext56((new - cursor) % TWO64)
    a = sext56(cursor)
    k = (inc - TWO64 if inc >> 63 else inc) >> (E + 16)
    i_m, a_m = (inc >> E) % (1 << 16), (a >> E) % (1 << 16)
    R = (((pesbt >> 13) & 7) - 1) % 8 * (1 << 13)
    room = (R - a_m) % (1 << 16)
    if k == 0:
        return i_m < (room - 1) % (1 << 16)
    if k == -1:
        return i_m >= room and a_m != R
    return False


def ref_precise(pesbt, cursor, new):
    base, top, valid, E = ref_decode(pesbt, cursor)
    if E < 48 and (new >> 55) & 1 != (cursor >> 55) & 1:
        return False
    return valid and ref_decode(pesbt, new)[:2] == (base, top)


def ref_encode(rb, rt):
    """A.2 encode: (ebt, E, exact)."""
    def cut(E):
        s = E + 3
        lost_t = rt % (1 << s) != 0
        return (rb >> s) % (1 << 13), ((rt >> s) + lost_t) % (1 << 13), rb % (1 << s) != 0 or lost_t
    L = rt - rb
    E = 0 if L < (1 << 15) else L.bit_length() - 1 - 14
    if E == 0 and not (L >> 14) & 1:
        return (1 << 30) + (rt % (1 << 14)) * (1 << 16) + rb % (1 << 16), 0, True
    Bm, Tm, lost = cut(E)
    if (Tm - Bm) % (1 << 13) >= (1 << 12):
        E += 1
        Bm, Tm, lost = cut(E)
    x = 63 - E
    return (Tm % (1 << 11)) * (1 << 19) + (x >> 3) * (1 << 16) + Bm * 8 + x % 8, E, not lost


def ref_set_bounds(pesbt, cursor, tag, L, exact_mode=False):
    """A.2 set_bounds: (pesbt2, tag2, exact)."""
    base, top, valid, E = ref_decode(pesbt, cursor)
    rb = cursor if E >= 48 else sext56(cursor)
    rt = rb + L
    ebt, newE, exact = ref_encode(rb, rt)
    tag2 = (tag and (pesbt >> 31) & 0x7FFF == 0 and valid and base <= rb and rt <= top
            and not (E >= 48 and newE < 48 and sext56(cursor) != cursor)
            and not (exact_mode and not exact))
    return (pesbt & ~0x7FFFFFFF) | ebt, tag2, exact


def random_word(rng):
    """Random 64-bit values biased towards the interesting shapes."""
    kind = rng.randrange(4)
    if kind == 0:
        return rng.getrandbits(64)
    if kind == 1:
        return sext56(rng.getrandbits(56))
    if kind == 2:
        return rng.getrandbits(48)
    return rng.getrandbits(rng.randrange(1, 64))


def assert_decoded(cap, what):
    """cap's cached decoded fields equal a fresh decode of its bits (the Cap invariant)."""
    pesbt, cursor = cap.to_mem()
    base, top, valid, E = ref_decode(pesbt, cursor)
    got = (cap.base, cap.top, cap.bounds_valid, cap.exponent, cap.perms, cap.otype)
    want = (base, top, valid, E, pesbt >> 46, (pesbt >> 31) & 0x7FFF)
    assert got == want, f"{what}: cached {fmt(got)} != decoded {fmt(want)} for pesbt={pesbt:#x} cursor={cursor:#x}"


def test_random_patterns_against_reference():
    """Random patterns, tagged and unsealed (otype cleared), moved by random and small amounts."""
    rng = random.Random(20250411)
    for _ in range(4000):
        pesbt = rng.getrandbits(64)
        cursor = random_word(rng)
        if rng.random() < 0.6:   # a pattern made by set-bounds at this cursor, sometimes with a bit flipped
            L = rng.getrandbits(rng.randrange(0, 65))
            pesbt = ref_set_bounds(ROOT_PESBT, sext56(cursor), True, L)[0]
            if rng.random() < 0.3:
                pesbt ^= 1 << rng.randrange(31)
        else:
            cursor = random_word(rng)
        pesbt &= ~(0x7FFF << 31)
        cap = Capability.from_mem(pesbt, cursor, True)
        assert_decoded(cap, "from_mem")
        news = [random_word(rng), (cursor + rng.randrange(-4096, 4096)) % TWO64,
                (cursor + (rng.randrange(-8, 8) << rng.randrange(64))) % TWO64,
                cursor ^ (rng.getrandbits(8) << 56)]
        if cap.base < cap.top:   # somewhere in bounds, and the edges: exercises the fast path
            hi = min(cap.top, TWO64) - 1
            news += [rng.randint(cap.base, hi), cap.base, hi, min(hi + 1, TWO64 - 1)]
        for new in news:
            moved = cap.set_address(new)
            assert moved.to_mem() == (pesbt, new)
            assert moved.tag == ref_keeps_tag(pesbt, cursor, new), (hex(pesbt), hex(cursor), hex(new))
            assert_decoded(moved, "set_address")
            value = cap.set_value(new)
            assert value.tag == ref_precise(pesbt, cursor, new), (hex(pesbt), hex(cursor), hex(new))
            assert_decoded(value, "set_value")
            assert cap.clear_tag().set_address(new).tag is False
        L = rng.choice([rng.getrandbits(rng.randrange(0, 65)), TWO64, 0])
        for exact_mode in (False, True):
            bounded = cap.set_bounds(L, exact=exact_mode)
            p2, t2, exact = ref_set_bounds(pesbt, cursor, True, L, exact_mode)
            assert (bounded.to_mem(), bounded.tag) == ((p2, cursor), t2), (hex(pesbt), hex(cursor), hex(L))
            assert cap.bounds_exact(L) == exact
            assert_decoded(bounded, "set_bounds")


@pytest.mark.parametrize("pesbt, cursor", [(0x623040002B2A455E, 0x91FBC), (0xD3AB00003AE25B8E, 0x2F0F5A30C69B2A),
                                           (0xA0E1C00012A20F86, 0xFFEDB925F9660613)])
def test_moving_to_top_is_not_in_bounds(pesbt, cursor):
    """Patterns (found at random) whose top is not canonical: the address `top` sign-extends to
    somewhere outside the representable window, so the move must lose the tag (the in-bounds
    shortcut compares sext56(address), not the raw address)."""
    cap = Capability.from_mem(pesbt, cursor, True)
    moved = cap.set_address(cap.top)
    assert moved.tag == ref_keeps_tag(pesbt, cursor, cap.top) == False
    assert_decoded(moved, "set_address(top)")


def test_representable_length_closed_form():
    """A.4's closed form, including the retry lengths and lengths near 2**64."""
    rng = random.Random(7)
    lengths = [0, 1, 0x3FFF, 0x4000, 0x4001, 0x7FF8, 0x7FFF, 0x8000, 0xFFF0, TWO64 - 1, TWO64 - 8]
    lengths += [rng.getrandbits(rng.randrange(1, 65)) for _ in range(3000)]
    for L in lengths:
        if L < 1 << 14:
            assert (alignment_mask(L), representable_length(L)) == (TWO64 - 1, L)
            continue
        s = max(0, L.bit_length() - 1 - 14) + 3
        if -(-L // (1 << s)) == 1 << 12:
            s += 1
        assert alignment_mask(L) == TWO64 - (1 << s), hex(L)
        assert representable_length(L) == -(-L // (1 << s)) * (1 << s) % TWO64, hex(L)
    assert (alignment_mask(0x4001), representable_length(0x4001)) == (0xFFFFFFFFFFFFFFF8, 0x4008)
    assert (alignment_mask(0x7FF8), representable_length(0x7FF8)) == (0xFFFFFFFFFFFFFFF8, 0x7FF8)


# ---------------------------------------------------------------------------------------------
# Behaviour
# ---------------------------------------------------------------------------------------------
def bounded(base=0x1000, length=0x40, perms=RWRW):
    c = Capability.root().set_address(base).set_bounds(length).clear_perms(ALL_PERMS & ~perms)
    assert c.tag
    return c


def test_root_and_null():
    root = Capability.root()
    assert (root.tag, root.base, root.top, root.length, root.address) == (True, 0, TWO64, TWO64, 0)
    assert (root.perms, root.otype, root.sealed, root.exponent, root.bounds_valid) == (ALL_PERMS, 0, False, 50, True)
    assert root.to_mem() == (ROOT_PESBT, 0)
    null = Capability.null()
    assert (null.tag, null.base, null.top, null.length, null.address) == (False, 0, TWO64, TWO64, 0)
    assert (null.perms, null.otype, null.sealed, null.exponent, null.bounds_valid) == (0, 0, False, 63, True)
    assert null.to_mem() == (0, 0)
    assert Capability.from_mem(0, 0, False) == null
    assert Capability.from_mem(ROOT_PESBT, 0, True) == root
    assert Capability.from_mem(ROOT_PESBT, 0, False) != root


def test_repr():
    assert repr(bounded()) == "0x1000 [rwRW,0x1000-0x1040]"
    assert repr(bounded().clear_tag().seal_entry()) == "0x1000 [rwRW,0x1000-0x1040] (invalid,sentry)"
    assert repr(bounded().seal(0x20)) == "0x1000 [rwRW,0x1000-0x1040] (sealed)"
    assert repr(bounded().seal(0x20).clear_tag()) == "0x1000 [rwRW,0x1000-0x1040] (invalid,sealed)"
    assert repr(bounded().seal_entry()) == "0x1000 [rwRW,0x1000-0x1040] (sentry)"
    assert repr(Capability.null().set_address(0x2A)) == "0x2a"
    assert repr(Capability.null()) == "0x0"
    assert repr(Capability.root()) == "0x0 [rwxRWE,0x0-0x10000000000000000]"
    assert repr(bounded(perms=P_EXECUTE | P_LOAD).add(4)) == "0x1004 [rx,0x1000-0x1040]"
    assert repr(bounded(perms=0)) == "0x1000 [,0x1000-0x1040]"
    assert str(bounded()) == repr(bounded())


def test_set_bounds_narrowing_and_widening():
    c = bounded()
    assert (c.base, c.top, c.length) == (0x1000, 0x1040, 0x40)
    assert c.set_bounds(0x40).tag and c.set_bounds(0).tag
    assert not c.set_bounds(0x41).tag                 # wider than the source
    assert not c.add(0x10).set_bounds(0x40).tag
    assert c.add(0x40).set_bounds(0).tag              # length 0 at the old top keeps the tag
    inexact = Capability.root().set_address(0x1001).set_bounds(0x4001)
    assert inexact.tag and not Capability.root().set_address(0x1001).bounds_exact(0x4001)
    assert (inexact.base, inexact.top) == (0x1000, 0x5008)
    assert not Capability.root().set_address(0x1001).set_bounds(0x4001, exact=True).tag
    assert Capability.root().set_bounds(TWO64) == Capability.root()


def test_set_address_and_value():
    c = bounded()
    assert c.set_address(0x1040).tag                  # one past the end is representable
    assert c.set_address(0x0).tag and c.set_address(0x0).set_address(0x1000).tag
    far = c.set_address(0x7000_0000_0000)
    assert not far.tag and far.to_mem()[0] == c.to_mem()[0]
    assert not c.set_value(0x7000_0000_0000).tag
    assert c.add(-0x1000) == c.set_address(0)
    assert c.add(TWO64 - 1) == c.set_address(0xFFF)
    assert not c.set_address(c.address | 1 << 55).tag  # bit-55 rule


def test_sealing_rules():
    c = bounded()
    s = c.seal(0x1234)
    assert s.tag and s.sealed and s.otype == 0x1234 and (s.base, s.top) == (c.base, c.top)
    assert not c.seal(0x8000).tag and c.seal(0x8000).otype == 0   # mod 2**15, detagged
    assert not c.clear_tag().seal(4).tag
    assert not s.seal(0x1234).tag                     # already sealed
    u = s.unseal(0x1234)
    assert u.tag and not u.sealed and u == c
    assert not s.unseal(0x1235).tag and not s.unseal(0x1235).sealed
    assert not c.unseal(0).tag                        # unsealing an unsealed capability
    e = c.seal_entry()
    assert e.tag and e.otype == 1 and e.sealed
    assert c.seal_entry(2).otype == 2 and c.seal_entry(3).otype == 3
    assert not e.seal_entry().tag and not c.clear_tag().seal_entry().tag
    assert e.unseal(1).tag


def test_sealed_capabilities_detag_on_modification():
    s = bounded().seal(0x42)
    for changed in (s.set_bounds(0x10), s.set_bounds(0x40), s.set_address(0x1008), s.add(0),
                    s.set_value(0x1008), s.set_value(s.address), s.clear_perms(P_STORE),
                    s.clear_perms(0), s.seal(0x43), s.seal_entry()):
        assert not changed.tag, changed
    assert s.set_address(0x1008).to_mem()[1] == 0x1008   # the new bits are still written
    assert s.clear_perms(P_STORE).perms == RWRW & ~P_STORE


def test_clear_perms_is_monotonic():
    c = Capability.root()
    rng = random.Random(3)
    for _ in range(50):
        mask = rng.getrandbits(18)
        d = c.clear_perms(mask)
        assert d.tag and d.perms == c.perms & ~mask and d.is_subset(c)
        assert d.clear_perms(0) == d and d.clear_perms(mask) == d
        c = d if d.perms else Capability.root()
    assert Capability.root().clear_perms(TWO64 - 1).perms == 0   # bits above 17 ignored


def test_build():
    key = bounded(0x1000, 0x1000, ALL_PERMS)
    pattern = bounded(0x1100, 0x100).clear_tag()
    built = pattern.build(key)
    assert built.tag and built.to_mem() == pattern.to_mem()
    assert not pattern.build(key.clear_tag()).tag                     # no authority
    assert not pattern.build(key.seal(9)).tag                          # sealed authority
    assert not bounded(0x1000, 0x2000).clear_tag().build(key).tag     # not a subset
    assert not pattern.build(key.clear_perms(P_STORE)).tag            # more permissions than the key
    sealed_pattern = bounded(0x1100, 0x100).seal(7).clear_tag()
    unsealed = sealed_pattern.build(key)
    assert unsealed.tag and unsealed.otype == 0
    assert pattern.is_subset(key) and not key.is_subset(pattern)
    assert pattern.is_subset(pattern.clear_tag()) and key.is_subset(Capability.root())


def test_out_of_range_arguments_raise():
    c = Capability.root()
    for call in (lambda: c.set_address(-1), lambda: c.set_address(TWO64), lambda: c.set_value(TWO64),
                 lambda: c.set_bounds(-1), lambda: c.set_bounds(TWO64 + 1), lambda: c.bounds_exact(-5),
                 lambda: c.add(TWO64), lambda: c.add(-TWO64), lambda: c.clear_perms(-1),
                 lambda: c.seal(-1), lambda: c.seal(TWO64), lambda: c.unseal(-1), lambda: c.seal_entry(4),
                 lambda: Capability.from_mem(-1, 0, True), lambda: Capability.from_mem(0, TWO64, True),
                 lambda: representable_length(TWO64), lambda: alignment_mask(-1)):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(TypeError):
        c.set_address(1.5)
    with pytest.raises(TypeError):
        c.build(None)
    with pytest.raises(TypeError):
        Capability()
    assert c.set_bounds(TWO64).tag and c.set_address(TWO64 - 1).address == TWO64 - 1


def test_immutable_and_hashable():
    c = bounded()
    for name in ("tag", "base", "top", "address", "perms", "otype", "c", "anything"):
        with pytest.raises(AttributeError):
            setattr(c, name, 0)
    d = c.add(4)
    assert c.address == 0x1000 and d.address == 0x1004      # operations return new objects
    assert hash(c) == hash(bounded()) and len({c, bounded(), d}) == 2
    assert c != c.clear_tag() and c != (c.to_mem()) and not (c == 5)
    assert pickle.loads(pickle.dumps(c)) == c
    assert pickle.loads(pickle.dumps(Capability.root())).top == TWO64
