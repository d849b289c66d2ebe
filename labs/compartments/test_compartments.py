"""The grader of lab compartments (labs/compartments/README.md): /bin/board, built from this tree's
userland/bin/board/board.toml, must keep its run-length codec (rle.c) in a compartment of its own,
still work, and keep the codec's hands off main's password when the codec is compromised: rle.c
built in one of its test modes (RLE_COMPROMISED 1 or 2), which hunt past the input for
"PASSWORD=" through what main gave the codec (1) or through the codec's own DDC (2).
`ufos grade compartments` runs it; so does `pytest labs/compartments/test_compartments.py`.
"""
import shutil

import pytest

from ufos import grading
from ufos.abi import userland_dir
from ufos.kernel.uapi import SIG
from ufos.runner import run_image
from ufos.toolchain.compartments import DescriptionError, build, read_description
from ufos.toolchain.driver import user_errors

LIMIT = 50_000_000          # instructions; the reference needs about 15 million for the full board
BOARD = userland_dir() / "bin" / "board"
PASSWORD = "swordfish"
MAX_POSTS, MAX_TEXT = 64, 256


def board(commands: str):
    """/bin/board fed commands: (status, stdout lines, stderr)."""
    r = grading.run(["board"], stdin=commands.encode(), max_instructions=LIMIT)
    return r.status, r.stdout.decode(errors="replace").splitlines(), r.stderr.decode(errors="replace")


def text_with_runs(i: int, length: int) -> str:
    """A post's text: runs of letters of several lengths, different for each i."""
    text, n = "", i
    while len(text) < length:
        text += chr(ord("a") + n % 26) * (1 + n % 7) + " "
        n += 3
    return text[:length].strip() or "x"


@pytest.mark.points(20, hint="board.toml: a second [[compartment]] with sources = [\"rle.c\"] and entries = "
                             "[\"rle_pack\", \"rle_unpack\"]; board.c and glue.c stay in main")
def test_the_codec_has_a_compartment_of_its_own():
    """board.toml puts rle.c, and nothing of board's own, in a compartment that main reaches only
    through the codec's two entries."""
    try:
        desc = read_description(BOARD / "board.toml")
    except DescriptionError as e:
        pytest.fail(str(e), pytrace=False)
    names = [[source.name for source in c.sources] for c in desc.compartments]
    assert len(desc.compartments) >= 2, f"board.toml describes one compartment only: {names[0]}"
    main, *libraries = desc.compartments
    assert "rle.c" not in names[0], f"rle.c is still in main's compartment ({main.name}: {names[0]})"
    codec = next((c for c, n in zip(libraries, names[1:]) if "rle.c" in n), None)
    assert codec is not None, f"no compartment has rle.c: {names}"
    assert not {"board.c", "glue.c"} & {s.name for s in codec.sources}, \
        f"board's own code is in the codec's compartment: {[s.name for s in codec.sources]}"
    assert set(codec.entries) == {"rle_pack", "rle_unpack"}, \
        f"the codec's entries should be rle_pack and rle_unpack, they are {codec.entries}"


@pytest.mark.points(30, hint="glue.c: the codec must be able to read the input and write the output, and "
                             "nothing else; with overlap, copy both through compartment_shared()")
@pytest.mark.parent("test_the_codec_has_a_compartment_of_its_own")
def test_the_board_still_works():
    """Posts are packed, kept and unpacked through the codec's compartment as they were before."""
    status, out, err = board("POST alice hello   world\nPOST bob aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\nREAD 2\n"
                             "READ 1\nREAD 3\nPOST carol x\nREAD 3\nFOO\n")
    assert status == 0, f"board ended with status {status}: {err.strip()[-300:]}"
    assert out == ["posted #1 (13 -> 20 bytes)", "posted #2 (32 -> 4 bytes)", "#2 bob: " + "a" * 31 + "b",
                   "#1 alice: hello   world", "ERR no post 3", "posted #3 (1 -> 2 bytes)", "#3 carol: x",
                   "ERR usage: POST name text | READ n | QUIT"], f"board answered {out}"


@pytest.mark.points(15, hint="the codec writes up to 2 * 256 bytes when it packs a post, and reads as many "
                             "when it unpacks: whatever you share must hold them")
@pytest.mark.parent("test_the_board_still_works")
def test_a_full_board_of_long_posts():
    """64 posts of up to 256 bytes, the board full, and every post read back as it was written."""
    texts = [text_with_runs(i, MAX_TEXT - i % 5) for i in range(MAX_POSTS)]
    commands = "".join(f"POST user{i} {text}\n" for i, text in enumerate(texts))
    commands += "POST late too late\n" + "".join(f"READ {i + 1}\n" for i in range(MAX_POSTS))
    status, out, err = board(commands)
    assert status == 0, f"board ended with status {status}: {err.strip()[-300:]}"
    assert out[MAX_POSTS] == "ERR the board is full", f"the 65th post was answered {out[MAX_POSTS:MAX_POSTS + 1]}"
    for i, text in enumerate(texts):
        assert out[MAX_POSTS + 1 + i] == f"#{i + 1} user{i}: {text}", f"post #{i + 1} came back wrong"


def compromised_board(folder, mode: int):
    """/bin/board's sources copied to folder with rle.c in test mode `mode` (RLE_COMPROMISED), built
    from board.toml."""
    shutil.copytree(BOARD, folder)
    rle = folder / "rle.c"
    rle.write_text(f"#define RLE_COMPROMISED {mode}\n" + rle.read_text())
    try:
        return build(folder / "board.toml")
    except user_errors() as e:
        pytest.fail(f"board does not build with a compromised rle.c: {e}", pytrace=False)


def hunt_is_stopped(folder, mode: int) -> None:
    """The compromised codec hunts for the password while it packs the first post: the machine must
    stop it, with a fault that kills board, before it finds it."""
    r = run_image(compromised_board(folder, mode), ["board"], stdin=b"POST mallory my first post, hello\nREAD 1\n",
                  max_instructions=LIMIT, seed=grading.seed)
    out, err = r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")
    assert PASSWORD not in out, f"the codec stole the password: board printed {out.strip()!r}"
    assert r.status in (128 + SIG.SIGPROT, 128 + SIG.SIGSEGV), \
        f"the hunt should end in a fault that kills board, board ended with status {r.status}: {err.strip()[-300:]}"
    assert "posted" not in out, f"board went on as if nothing happened: {out.strip()!r}"


@pytest.mark.points(20, hint="what the codec is given (a capability bounded to exactly the post, or a copy in "
                             "the shared window) must not reach board.password")
def test_the_codec_cannot_read_past_what_it_is_given(tmp_path):
    """Test mode 1: the codec reads on past the post through the pointer it was given."""
    hunt_is_stopped(tmp_path / "board", 1)


@pytest.mark.points(15, hint="a library that shares main's DDC reaches all of main's memory with plain pointers, "
                             "whatever main gives it: only a compartment of its own has a DDC of its own")
def test_the_codec_cannot_reach_main_through_its_own_ddc(tmp_path):
    """Test mode 2: the codec reads on past the post through a plain pointer, i.e. through its DDC."""
    hunt_is_stopped(tmp_path / "board", 2)
