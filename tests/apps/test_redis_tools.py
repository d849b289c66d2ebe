"""/bin/redis-server's introspection, as the tools built on Redis use it: redis-cli --memkeys and
--bigkeys, MONITOR (redis-py's monitor() and redis-cli monitor), SLOWLOG, OBJECT ENCODING, MEMORY
USAGE, ROLE, CLIENT LIST/INFO/KILL, INFO's memory and cpu sections, and DUMP/RESTORE, whose
payloads must pass between ours and a real Redis 6.2 both ways for every type.
"""
from __future__ import annotations

import re
import socket
import subprocess
import threading
import time

import pytest
import redis

from tests.apps.test_redis import TIMEOUT, client, fill_every_type, real_redis, start, stop, wait_for
from ufos import peers


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    g = start(tmp_path_factory.mktemp("share"))
    yield g
    stop(g)


@pytest.fixture
def r(server):
    c = client(server, protocol=2)
    c.flushall()
    yield c
    c.close()


def cli(server, *args: str, timeout: float = 120) -> str:
    path = peers.redis_server_path().with_name("redis-cli")
    out = subprocess.run([str(path), "-p", str(server.port), *args], capture_output=True, text=True,
                         timeout=timeout)
    assert out.returncode == 0, out.stderr
    return out.stdout


# ---- redis-cli's key scans -------------------------------------------------------------------------

def test_redis_cli_memkeys_and_bigkeys_name_the_biggest_key_of_each_type(server, r):
    r.set("small", "x")
    r.set("huge", "y" * 5000)
    r.rpush("list", *range(50))
    r.hset("hash", mapping={f"f{i}": i for i in range(20)})
    r.sadd("set", *range(30))
    r.zadd("zset", {f"m{i}": i for i in range(40)})
    memkeys = cli(server, "--memkeys")
    assert re.search(r"Biggest string found '\"huge\"' has \d+ bytes", memkeys), memkeys
    for kind, key in [("list", "list"), ("hash", "hash"), ("set", "set"), ("zset", "zset")]:
        assert re.search(rf"Biggest\s+{kind} found '\"{key}\"' has \d+ bytes", memkeys), memkeys
    bigkeys = cli(server, "--bigkeys")
    assert "Biggest string found '\"huge\"' has 5000 bytes" in bigkeys, bigkeys
    assert "Biggest   list found '\"list\"' has 50 items" in bigkeys, bigkeys
    assert "Biggest   zset found '\"zset\"' has 40 members" in bigkeys, bigkeys


def test_memory_usage_counts_what_a_value_holds(r):
    r.set("short", "x")
    r.set("long", "x" * 10_000)
    r.rpush("list", *["v" * 100] * 100)
    assert r.memory_usage("nokey") is None
    assert r.memory_usage("short") < r.memory_usage("long")
    assert r.memory_usage("long") >= 10_000
    assert r.memory_usage("list", samples=0) >= 100 * 100
    with pytest.raises(redis.ResponseError, match="syntax error"):
        r.execute_command("MEMORY", "USAGE", "short", "SAMPLES", -1)
    assert r.execute_command("MEMORY", "HELP")[0].startswith(b"MEMORY <subcommand>")


def test_object_encoding_answers_in_redis_words(r):
    r.set("int", 12345)
    r.set("padded", "012")
    r.set("short", "hello")
    r.set("long", "x" * 45)
    r.rpush("list", "a")
    r.hset("hash", "f", "v")
    r.sadd("set", "a")
    r.zadd("zset", {"a": 1})
    assert {k: r.object("encoding", k) for k in ("int", "padded", "short", "long", "list", "hash", "set", "zset")} == {
        "int": b"int", "padded": b"embstr", "short": b"embstr", "long": b"raw", "list": b"quicklist",
        "hash": b"hashtable", "set": b"hashtable", "zset": b"skiplist"}
    assert r.object("encoding", "nokey") is None
    assert r.object("refcount", "short") == 1
    assert r.object("idletime", "short") == 0
    with pytest.raises(redis.ResponseError, match="An LFU maxmemory policy is not selected"):
        r.object("freq", "short")
    with pytest.raises(redis.ResponseError, match="Try OBJECT HELP"):
        r.execute_command("OBJECT", "ENCODING")


def test_role_is_a_master_without_replicas(r):
    assert r.execute_command("ROLE") == [b"master", 0, []]


def test_info_has_the_memory_cpu_and_replication_sections(r):
    r.set("k", "v" * 1000)
    info = r.info("all")
    assert info["used_memory"] > 1000 and info["maxmemory_policy"] == "noeviction"
    assert info["used_cpu_user"] > 0
    assert info["role"] == "master"
    assert set(r.info("memory")) >= {"used_memory", "used_memory_human"}


# ---- MONITOR ---------------------------------------------------------------------------------------

def monitor_lines(server, count: int, run) -> list[bytes]:
    """What a raw MONITOR connection is sent while run() runs: its first `count` lines."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
    sock.sendall(b"MONITOR\r\n")
    assert sock.recv(100) == b"+OK\r\n"
    run()
    data = b""
    while data.count(b"\r\n") < count:
        chunk = sock.recv(65536)
        assert chunk, data
        data += chunk
    sock.close()
    return data.split(b"\r\n")[:count]


def test_monitor_streams_other_clients_commands_escaped(server, r):
    def run():
        r.set(b'a\n"\\\x01\xff', "v")
        r.execute_command("SELECT", 5)
        r.config_get("port")                 # admin: not shown
        r.execute_command("SELECT", 0)
        r.get("k")
    addr = r.client_info()["addr"]
    lines = monitor_lines(server, 4, run)
    pattern = rb'\+\d+\.\d{6} \[(\d+) ' + re.escape(addr.encode()) + rb'\] (.*)'
    shown = [re.fullmatch(pattern, line).groups() for line in lines]
    assert shown == [(b"0", b'"SET" "a\\n\\"\\\\\\x01\\xff" "v"'), (b"5", b'"SELECT" "5"'),
                     (b"0", b'"SELECT" "0"'), (b"0", b'"GET" "k"')]


def test_redis_py_monitor_sees_a_transaction(server, r):
    seen = []
    with client(server, protocol=2).monitor() as m:
        def writer():
            p = r.pipeline()
            p.set("x", 1)
            p.incr("x")
            p.execute()
        threading.Thread(target=writer).start()
        for command in m.listen():
            seen.append(command["command"])
            if command["command"] == "EXEC":
                break
    assert seen == ["MULTI", "SET x 1", "INCRBY x 1", "EXEC"]


def test_redis_cli_monitor_prints_commands(server, r):
    path = peers.redis_server_path().with_name("redis-cli")
    proc = subprocess.Popen([str(path), "-p", str(server.port), "monitor"], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "OK"
        wait_for(lambda: any("O" in c["flags"] for c in r.client_list()), "redis-cli to monitor")
        r.set("seen-by-cli", "yes")
        assert proc.stdout.readline().rstrip().endswith('"SET" "seen-by-cli" "yes"')
    finally:
        proc.kill()
        proc.wait()


# ---- SLOWLOG ---------------------------------------------------------------------------------------

def test_slowlog_records_commands_over_the_threshold(r):
    r.client_setname("slow-one")
    r.config_set("slowlog-log-slower-than", 0)
    try:
        r.slowlog_reset()
        r.set("key", "value")
        r.rpush("many", *range(40))
        r.set("big", "b" * 200)
        entries = r.execute_command("SLOWLOG", "GET", 3)
        assert [e[3] for e in entries] == [
            [b"SET", b"big", b"b" * 128 + b"... (72 more bytes)"],
            [b"RPUSH", b"many", *[str(i).encode() for i in range(29)], b"... (11 more arguments)"],
            [b"SET", b"key", b"value"]]
        ids = [e[0] for e in entries]
        assert ids == sorted(ids, reverse=True)
        assert all(e[4] == r.client_info()["addr"].encode() and e[5] == b"slow-one" for e in entries)
        assert all(abs(e[1] - time.time()) < 600 and e[2] >= 0 for e in entries)
        assert r.slowlog_len() >= 4               # RESET itself is logged, as in Redis
        r.config_set("slowlog-max-len", 2)
        r.get("key")
        assert r.slowlog_len() == 2
    finally:
        r.config_set("slowlog-log-slower-than", 10000)
        r.config_set("slowlog-max-len", 128)
    r.slowlog_reset()
    r.get("key")
    assert r.slowlog_len() == 0                    # a GET takes far less than 10 ms
    assert r.config_get("slowlog*") == {"slowlog-log-slower-than": "10000", "slowlog-max-len": "128"}
    with pytest.raises(redis.ResponseError, match="must be between -1 and"):
        r.config_set("slowlog-log-slower-than", -5)


# ---- DUMP and RESTORE ------------------------------------------------------------------------------

def values(r: redis.Redis, keys) -> dict:
    read = {"string": r.get, "list": lambda k: r.lrange(k, 0, -1), "hash": r.hgetall, "set": r.smembers,
            "zset": lambda k: r.zrange(k, 0, -1, withscores=True)}
    return {k: (r.type(k), read[r.type(k).decode()](k)) for k in keys}


def move_every_key(source: redis.Redis, target: redis.Redis) -> list:
    keys = source.keys("*")
    for key in keys:
        target.restore(key, 0, source.dump(key), replace=True)
    return keys


def test_dump_of_every_type_restores_in_a_real_redis_and_back(r, tmp_path):
    fill_every_type(r)
    with real_redis(tmp_path) as real:
        keys = move_every_key(r, real)
        assert len(keys) > 15
        assert values(real, keys) == values(r, keys)
        real.flushall()                            # the real server's own compact encodings
        fill_every_type(real)
        r.flushall()
        keys = move_every_key(real, r)
        assert values(r, keys) == values(real, keys)


def test_restore_ttl_replace_and_errors(r):
    r.set("s", "value")
    payload = r.dump("s")
    assert r.dump("nokey") is None
    with pytest.raises(redis.ResponseError, match="^BUSYKEY Target key name already exists"):
        r.restore("s", 0, payload)
    r.restore("copy", 5000, payload)
    assert r.get("copy") == b"value" and 0 < r.pttl("copy") <= 5000
    seconds, micros = r.time()      # the server's clock: ufos's runs on modeled time, not the host's
    r.restore("copy", seconds * 1000 + micros // 1000 + 60_000, payload, replace=True, absttl=True)
    assert 50 < r.ttl("copy") <= 60
    r.restore("copy", 1, payload, replace=True, absttl=True)     # long past: the key just goes
    assert not r.exists("copy")
    for bad, message in [(payload[:-1] + bytes([payload[-1] ^ 1]), "DUMP payload version or checksum are wrong"),
                         (b"short", "DUMP payload version or checksum are wrong")]:
        with pytest.raises(redis.ResponseError, match=message):
            r.restore("new", 0, bad)
    with pytest.raises(redis.ResponseError, match="Invalid TTL value"):
        r.restore("new", -1, payload)
    with pytest.raises(redis.ResponseError, match="Invalid FREQ value"):
        r.restore("new", 0, payload, frequency=256)


def crc64(data: bytes) -> int:
    """Redis's CRC64 (Jones polynomial, reflected), bit by bit."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x95AC9329AC4BC9B5 if crc & 1 else crc >> 1
    return crc


def framed(body: bytes, version: int = 9) -> bytes:
    """body (an RDB type byte and value) as a DUMP payload: the version, then the CRC64."""
    payload = body + version.to_bytes(2, "little")
    return payload + crc64(payload).to_bytes(8, "little")


def test_restore_refuses_bad_data_with_a_good_checksum(r):
    assert crc64(b"123456789") == 0xE9C6D914C4B8D9CA          # Redis's own test vector
    r.restore("made", 0, framed(b"\x00\x03abc"))
    assert r.get("made") == b"abc"
    for body in [b"\x01\x05\x01a", b"\x01\x00", b"\x0f\x00", b"\xff", b"\x00\x40"]:
        with pytest.raises(redis.ResponseError, match="^Bad data format"):
            r.restore("bad", 0, framed(body))
    with pytest.raises(redis.ResponseError, match="DUMP payload version or checksum are wrong"):
        r.restore("bad", 0, framed(b"\x00\x03abc", version=10))
    assert not r.exists("bad")


# ---- CLIENT ----------------------------------------------------------------------------------------

def test_client_list_and_info_show_redis_fields(server, r):
    other = client(server, protocol=2)
    other.client_setname("other")
    other.execute_command("MULTI")
    other.execute_command("SET", "a", "b")
    mine = r.client_info()
    assert set(mine) >= {"id", "addr", "laddr", "fd", "name", "age", "idle", "flags", "db", "sub", "psub",
                         "multi", "qbuf", "qbuf-free", "argv-mem", "obl", "oll", "omem", "tot-mem", "events",
                         "cmd", "user", "redir"}
    assert mine["cmd"] == "client" and mine["flags"] == "N" and mine["multi"] == -1
    listed = {c["name"]: c for c in r.client_list()}
    assert listed["other"]["flags"] == "x" and listed["other"]["multi"] == "1"
    assert [c["name"] for c in r.client_list(_type="normal")].count("other") == 1
    assert r.client_list(client_id=[mine["id"]])[0]["id"] == str(mine["id"])
    other.close()


def test_client_kill_closes_the_other_connection(server, r):
    victim = client(server, protocol=2)
    victim.client_setname("victim")
    victim_id = victim.client_id()
    addr = {c["name"]: c["addr"] for c in r.client_list()}["victim"]
    assert r.client_kill_filter(_id=victim_id) == 1
    wait_for(lambda: "victim" not in {c["name"] for c in r.client_list()}, "the victim to go")
    victim.close()

    raw = socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT)
    raw.sendall(b"CLIENT SETNAME raw\r\n")
    assert raw.recv(100) == b"+OK\r\n"
    addr = {c["name"]: c["addr"] for c in r.client_list()}["raw"]
    assert r.client_kill(addr) is True               # the old form: ip:port
    assert raw.recv(100) == b""                       # closed, nothing more sent
    raw.close()
    with pytest.raises(redis.ResponseError, match="No such client"):
        r.client_kill(addr)
    assert r.client_kill_filter(_id=999_999) == 0
    assert r.client_kill_filter(_type="normal") == 0   # SKIPME yes: not this one
    with pytest.raises(redis.ResponseError, match="Unknown client type"):
        r.execute_command("CLIENT", "KILL", "TYPE", "nobody")
