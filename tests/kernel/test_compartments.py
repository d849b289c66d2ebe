"""Compartments inside one μprocess (docs/compartments.md): a library in a window of its own,
entered only through the switcher, under both ways of sharing and every fork policy."""
import json

import pytest

from ufos.abi import read_executable
from ufos.kernel import exec as execmod
from ufos.kernel.uapi import SyscallError
from ufos.kernel.vm import SLOT_SIZE
from ufos.runner import run_image
from ufos.toolchain.compartments import DescriptionError, build
from ufos.toolchain.ld import write_executable

MAIN = r"""
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <compartment.h>

long twice(long x);
long sum(const char * __capability p, long n);
long hunt(void);
long say(void);
long leaked(void);                 /* lib.s: which registers reach the library holding a capability */
long call_with_caps(void);         /* caps.s: call leaked() with capabilities in every register */

static char secret[] = "SECRET=opensesame";

static const char * __capability bounded(const char *p, long n)
{
    return __builtin_cheri_bounds_set(__builtin_cheri_cap_from_pointer(__builtin_cheri_global_data_get(), p), n);
}

int main(int argc, char **argv)
{
    char buf[16] = "abcdefgh";
    const char *what = argc > 1 ? argv[1] : "calls";
    if (!strcmp(what, "calls")) {
        printf("twice %ld sum %ld\n", twice(21), sum(bounded(buf, 8), 8));
        pid_t pid = fork();
        if (pid == 0) {
            printf("child twice %ld\n", twice(-4));
            return 0;
        }
        int status;
        waitpid(pid, &status, 0);
        printf("parent twice %ld status %d\n", twice(5), WEXITSTATUS(status));
    } else if (!strcmp(what, "past")) {
        printf("sum %ld\n", sum(bounded(buf, 8), 9));
    } else if (!strcmp(what, "hunt")) {
        printf("found %ld %s\n", hunt(), secret);
    } else if (!strcmp(what, "say")) {
        printf("say %ld\n", say());
    } else if (!strcmp(what, "regs")) {
        printf("regs %#lx\n", call_with_caps());
    } else if (!strcmp(what, "caps")) {
        char text[8192];
        int fd = open("/proc/self/caps", O_RDONLY);
        long n = read(fd, text, sizeof text - 1);
        text[n > 0 ? n : 0] = 0;
        fputs(strstr(text, "compartments:"), stdout);
    }
    return 0;
}
"""

LIB = r"""
#include <unistd.h>
long twice(long x) { return 2 * x; }
long sum(const char * __capability p, long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += p[i];
    return s;
}
/* What a compromised library would do: read upward from its own data, hunting for main's secret. */
long hunt(void)
{
    static char here;
    for (const char *p = &here; ; p++)
        if (p[0] == 'S' && p[1] == 'E' && p[2] == 'C' && p[3] == 'R' && p[4] == 'E' && p[5] == 'T')
            return (long)p;
}
long say(void) { return write(1, "hi\n", 3); }                   /* a system call */
"""

# The library's view of the registers on entry: bit n is set if cn holds a valid capability, for
# every register that is not an argument (c0-c7), the switcher's sentry back (c30), or the
# library's own landing scratch (c16, c17).
LEAKED = """        .arch a64
        .text
        .global leaked
        .type   leaked, %function
leaked:
        mov     x0, #0
""" + "".join(f"""        gctag   x16, c{n}
        lsl     x16, x16, #{n}
        orr     x0, x0, x16
""" for n in [*range(8, 16), *range(18, 30)]) + """        ret
"""

# main's side: capabilities (its DDC) in every register the library must not see, a call, and
# then a check that the callee-saved ones (c19-c28) came back: bit n set if cn did not.
CALL_WITH_CAPS = """        .arch a64
        .text
        .global call_with_caps
        .type   call_with_caps, %function
        .extern leaked
call_with_caps:
        add     csp, csp, #-32
        mov     c16, csp
        str     c29, [c16]
        str     c30, [c16, #16]
        mrs     c8, ddc
""" + "".join(f"        mov     c{n}, c8\n" for n in [*range(9, 16), *range(18, 29)]) + """        bl      leaked
        mov     x1, x0
        mrs     c8, ddc
""" + "".join(f"""        chkeq   c{n}, c8
        cset    x16, ne
        lsl     x16, x16, #{n + 32}
        orr     x1, x1, x16
""" for n in range(19, 29)) + """        mov     x0, x1
        mov     c16, csp
        ldr     c29, [c16]
        ldr     c30, [c16, #16]
        add     csp, csp, #32
        ret
"""


def program(tmp_path, sharing="capabilities", shared=0):
    (tmp_path / "main.c").write_text(MAIN)
    (tmp_path / "lib.c").write_text(LIB)
    (tmp_path / "lib.s").write_text(LEAKED)
    (tmp_path / "caps.s").write_text(CALL_WITH_CAPS)
    (tmp_path / "app.toml").write_text(f"""
sharing = "{sharing}"
{f"shared = {shared}" if shared else ""}
[[compartment]]
name = "main"
sources = ["main.c", "caps.s"]
[[compartment]]
name = "lib"
sources = ["lib.c", "lib.s"]
entries = ["twice", "sum", "hunt", "say", "leaked"]
""")
    return build(tmp_path / "app.toml")


@pytest.fixture(scope="module")
def image(tmp_path_factory):
    return program(tmp_path_factory.mktemp("caps"))


@pytest.mark.parametrize("policy", ["copa", "coa", "sync", "classic"])
def test_calls_cross_into_the_library_and_back_under_every_fork_policy(image, policy):
    r = run_image(image, ["app", "calls"], policy=policy)
    assert r.status == 0, r.stderr
    assert r.stdout.decode().splitlines() == ["twice 42 sum 804", "child twice -8", "parent twice 10 status 0"]


def test_only_the_arguments_cross_and_mains_registers_come_back(image):
    r = run_image(image, ["app", "regs"])
    assert r.status == 0, r.stderr
    assert r.stdout == b"regs 0\n"


def test_a_library_reading_past_the_capability_it_was_given_is_stopped(image):
    r = run_image(image, ["app", "past"])
    assert r.signal == 34 and b"killed by SIGPROT: capability bounds fault: load" in r.stderr
    assert b"sum " not in r.stdout


def test_a_library_hunting_through_memory_stops_at_the_end_of_its_window(image):
    r = run_image(image, ["app", "hunt"])
    assert r.signal == 34 and b"capability bounds fault: load at " in r.stderr and b"via ddc" in r.stderr
    fault = int(r.stderr.split(b"load at ")[1].split()[0], 16)
    lib = image.compartments["compartments"][1]
    assert fault % SLOT_SIZE == lib["window"][1]          # the first byte past the library's window
    assert b"found" not in r.stdout


def test_a_library_has_no_system_calls(image):
    r = run_image(image, ["app", "say"])
    assert r.signal == 34 and b"killed by SIGPROT" in r.stderr
    assert b"hi" not in r.stdout


def test_proc_caps_shows_the_compartments_and_their_windows(image):
    r = run_image(image, ["app", "caps"])
    lines = r.stdout.decode().splitlines()
    assert lines[0] == "compartments:"
    assert [line.split()[0] for line in lines[1:3]] == ["main", "lib"]
    assert all(" code 0x" in line and " data 0x" in line for line in lines[1:3])


def test_the_audit_finds_every_capability_inside_the_slot(image):
    r = run_image(image, ["app", "calls"], audit=True)
    assert r.status == 0
    assert r.kernel.audits and all(not problems for _event, _pid, problems in r.kernel.audits)


@pytest.mark.parametrize("policy", ["copa", "coa", "sync", "classic"])
def test_overlap_shares_one_window_that_means_the_same_in_both(tmp_path, policy):
    (tmp_path / "main.c").write_text(r"""
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <compartment.h>
long total(const char *p, long n);
int main(void)
{
    size_t size;
    char *shared = compartment_shared(&size);
    strcpy(shared, "abcdefgh");
    printf("%zu %ld\n", size, total(shared, 8));
    if (fork() == 0) {
        printf("child %ld\n", total(shared, 4));
        return 0;
    }
    wait(NULL);
    return 0;
}
""")
    (tmp_path / "lib.c").write_text("long total(const char *p, long n) { long s = 0; while (n--) s += *p++; return s; }\n")
    (tmp_path / "app.toml").write_text("""sharing = "overlap"
shared = 8192
[[compartment]]
name = "main"
sources = ["main.c"]
[[compartment]]
name = "lib"
sources = ["lib.c"]
entries = ["total"]
""")
    r = run_image(build(tmp_path / "app.toml"), ["app"], policy=policy)
    assert r.status == 0, r.stderr
    assert r.stdout == b"8192 804\nchild 394\n"


@pytest.mark.parametrize("text, message", [
    ("", "no [[compartment]]"),
    ("sharing = 'both'\n[[compartment]]\nname='m'\nsources=['m.c']", "sharing is 'both'"),
    ("sharing = 'overlap'\n[[compartment]]\nname='m'\nsources=['m.c']", "shared: the size of the shared window"),
    ("abi = 'purecap'\n[[compartment]]\nname='m'\nsources=['m.c']\n[[compartment]]\nname='l'\nsources=['l.c']",
     "several compartments is hybrid code"),
    ("[[compartment]]\nname='m'\nsources=['m.c']\nentries=['f']", "the first compartment (m) is the program"),
    ("[[compartment]]\nname='m'\nsource=['m.c']", "unknown key 'source'"),
    ("[compartment", "not a valid TOML file"),
])
def test_a_bad_description_is_a_clear_error(tmp_path, text, message):
    (tmp_path / "app.toml").write_text(text)
    with pytest.raises(DescriptionError) as e:
        build(tmp_path / "app.toml")
    assert str(e.value).startswith(f"{tmp_path / 'app.toml'}: error: ") and message in str(e.value)


def test_an_entry_that_is_not_a_function_of_its_compartment_is_an_error(tmp_path):
    (tmp_path / "m.c").write_text("int main(void) { return 0; }\n")
    (tmp_path / "l.c").write_text("int helper(void) { return 1; }\n")
    (tmp_path / "app.toml").write_text("[[compartment]]\nname='m'\nsources=['m.c']\n"
                                       "[[compartment]]\nname='l'\nsources=['l.c']\nentries=['nothere']\n")
    with pytest.raises(DescriptionError, match="entry 'nothere' is not a function of compartment l"):
        build(tmp_path / "app.toml")


@pytest.mark.parametrize("tamper", [
    lambda d: d["entries"][0].update(record=d["switcher"]["code"][0]),          # a record in code
    lambda d: d["entries"][0].update(pairs=[d["entries"][0]["pairs"][0] + 8]),  # a misaligned pair
    lambda d: d["entries"][0].update(compartment=0),                            # an entry into main
    lambda d: d["compartments"][1].update(code=[0, 1 << 40]),                   # code beyond the image
    lambda d: d["compartments"].reverse(),                                      # main not first
    lambda d: d.pop("switcher"),
    lambda d: d["compartments"][1].update(stack=None),                           # a library with no stack
    lambda d: d["compartments"][1].update(stack=[0, 16]),                        # a stack outside its window
    lambda d: d["compartments"][1].update(window=[1]),
    lambda d: d["switcher"].update(entry=0),
    lambda d: d["compartments"].extend([d["compartments"][1]] * 300),            # too many to seal
    lambda d: d["entries"][0].update(pairs="abc"),
    lambda d: d["compartments"][1].update(origin=d["compartments"][1]["origin"] + 0x1000),  # above its window
    lambda d: (d["compartments"][1]["code"].__setitem__(0, d["compartments"][1]["origin"] - 0x1000),
               d["entries"][0].update(function=-16)),                                # an entry below its origin
])
def test_a_tampered_description_is_refused_before_anything_is_loaded(image, tamper):
    loaded = read_executable(write_executable(image))
    info = json.loads(json.dumps(loaded.compartments))
    tamper(info)
    loaded.compartments = info
    with pytest.raises(SyscallError, match="ENOEXEC"):
        execmod.check_image(loaded)


def mutate(info, rng) -> None:
    """Replace one number, list or field somewhere in the description with something else."""
    node = info
    while True:
        keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return                  # an empty list or table: nothing in it to damage
        key = rng.choice(keys)
        if not isinstance(node[key], (dict, list)) or rng.random() < 0.25:
            break
        node = node[key]
    node[key] = rng.choice([None, -1, 0, 1 << 70, rng.randrange(1 << 20), "x", [], [3], {"a": 1},
                            rng.randrange(0x10000, 0x60000, 16)])


def test_no_description_makes_the_loader_fail_other_than_with_enoexec(image):
    """Random damage to the description: the exec works (the damage was harmless) or is
    refused with ENOEXEC; the kernel never dies of it, and the audit stays clean."""
    import copy
    from random import Random
    from ufos.kernel.audit import audit
    from ufos.runner import boot
    rng, k = Random(15), boot()
    loaded = read_executable(write_executable(image))
    base = json.loads(json.dumps(loaded.compartments))
    for _ in range(120):
        loaded.compartments = copy.deepcopy(base)
        mutate(loaded.compartments, rng)
        p = k.procs.create(None)
        k.current = p
        try:
            execmod.check_image(loaded)
            execmod.load(k, p, loaded, [b"app"], [])
            p.context = k.cpu.save_context()
            assert audit(k, p) == []
        except SyscallError as e:
            assert "ENOEXEC" in str(e)
        finally:
            k.current = None
            k.procs.unmake(p)
