"""The commands that wait (BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BZPOPMIN, BZPOPMAX), as a job queue
uses them: a worker waits on an empty list and is served when a producer pushes. Every test runs
against /bin/redis-server and against a real Redis 6.2, so what it asserts is Redis's behaviour.
A test waits for the server to report its blocked clients (INFO) before pushing, never for a
guessed time.
"""
from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from tests.apps.test_redis import TIMEOUT, real_redis, start, stop


@pytest.fixture(scope="module")
def ports(tmp_path_factory):
    ours = start(tmp_path_factory.mktemp("share"))
    with real_redis(tmp_path_factory.mktemp("real")) as real:
        yield {"ours": ours.port, "real": real.connection_pool.connection_kwargs["port"]}
    stop(ours)


@pytest.fixture(params=["ours", "real"])
def port(request, ports):
    redis.Redis(port=ports[request.param], socket_timeout=TIMEOUT).flushall()
    return ports[request.param]


def connect(port: int) -> redis.Redis:
    return redis.Redis(port=port, socket_timeout=TIMEOUT, protocol=2)


def wait_blocked(port: int, n: int) -> None:
    """Until the server says n clients are waiting."""
    r = connect(port)
    deadline = time.monotonic() + TIMEOUT
    while r.info("clients")["blocked_clients"] != n:
        assert time.monotonic() < deadline, f"never {n} blocked clients"
        time.sleep(0.02)


def test_a_worker_waits_for_a_job_and_gets_it(port):
    with ThreadPoolExecutor(1) as pool:
        worker = pool.submit(connect(port).blpop, ["jobs", "urgent"], 0)
        wait_blocked(port, 1)
        assert not worker.done()
        assert connect(port).rpush("urgent", "job 1", "job 2") == 2
        assert worker.result(TIMEOUT) == (b"urgent", b"job 1")
    assert connect(port).lrange("urgent", 0, -1) == [b"job 2"]
    wait_blocked(port, 0)


def test_the_longest_waiting_worker_is_served_first(port):
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(connect(port).brpop, ["q"], 0)
        wait_blocked(port, 1)
        second = pool.submit(connect(port).brpop, ["q"], 0)
        wait_blocked(port, 2)
        connect(port).lpush("q", "a")
        assert first.result(TIMEOUT) == (b"q", b"a")
        wait_blocked(port, 1)
        assert not second.done()
        connect(port).lpush("q", "b")
        assert second.result(TIMEOUT) == (b"q", b"b")


def test_a_timeout_answers_nothing_after_that_long(port):
    began = time.monotonic()
    assert connect(port).blpop(["nothing"], 0.3) is None
    assert time.monotonic() - began >= 0.3
    assert connect(port).bzpopmin(["nothing"], 0.1) is None


def test_what_follows_a_waiting_command_runs_after_it_is_served(port):
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(b"*3\r\n$5\r\nBLPOP\r\n$1\r\nk\r\n$1\r\n0\r\n*1\r\n$4\r\nPING\r\n")
        wait_blocked(port, 1)
        connect(port).rpush("k", "v")
        expected = b"*2\r\n$1\r\nk\r\n$1\r\nv\r\n+PONG\r\n"
        got = b""
        while len(got) < len(expected):
            got += s.recv(100)
        assert got == expected


def test_moves_wait_and_a_served_move_can_serve_another(port):
    with ThreadPoolExecutor(2) as pool:
        consumer = pool.submit(connect(port).blpop, ["processing"], 0)
        wait_blocked(port, 1)
        mover = pool.submit(connect(port).blmove, "incoming", "processing", 0, "LEFT", "RIGHT")
        wait_blocked(port, 2)
        connect(port).rpush("incoming", "item")             # serves the mover, whose push serves the consumer
        assert mover.result(TIMEOUT) == b"item"
        assert consumer.result(TIMEOUT) == (b"processing", b"item")
        old = pool.submit(connect(port).brpoplpush, "src", "dst", 0)
        wait_blocked(port, 1)
        connect(port).rpush("src", "x")
        assert old.result(TIMEOUT) == b"x" and connect(port).lrange("dst", 0, -1) == [b"x"]


def test_sorted_sets_wait_for_their_lowest_and_highest(port):
    with ThreadPoolExecutor(1) as pool:
        lowest = pool.submit(connect(port).bzpopmin, ["scores"], 0)
        wait_blocked(port, 1)
        connect(port).zadd("scores", {"b": 2, "a": 1, "c": 3})
        assert lowest.result(TIMEOUT) == (b"scores", b"a", 1.0)
    assert connect(port).bzpopmax(["scores"], 0) == (b"scores", b"c", 3.0)


def test_inside_a_transaction_nothing_waits(port):
    with connect(port).pipeline(transaction=True) as p:
        p.blpop(["empty"], 0)
        p.rpush("other", 1)
        assert p.execute() == [None, 1]


def test_a_waiting_client_that_leaves_is_forgotten(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
    s.sendall(b"*3\r\n$5\r\nBLPOP\r\n$4\r\ngone\r\n$1\r\n0\r\n")
    wait_blocked(port, 1)
    s.close()
    wait_blocked(port, 0)
    assert connect(port).rpush("gone", "kept") == 1 and connect(port).llen("gone") == 1


@pytest.mark.parametrize("args, error", [
    (["BLPOP", "k", "-1"], "timeout is negative"),
    (["BLPOP", "k", "soon"], "timeout is not a float"),
    (["BLPOP", "k"], "wrong number of arguments"),
    (["BLMOVE", "a", "b", "UP", "LEFT", "0"], "syntax error"),
])
def test_bad_arguments_are_errors(port, args, error):
    with pytest.raises(redis.ResponseError, match=error):
        connect(port).execute_command(*args)


def test_a_key_of_another_type_is_wrongtype(port):
    r = connect(port)
    r.set("text", "x")
    with pytest.raises(redis.ResponseError, match="WRONGTYPE"):
        r.blpop(["text"], 0)
