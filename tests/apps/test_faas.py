"""/bin/faas, the zygote FaaS server (the μFork paper's Fig. 6 application): its Lisp through the
one-shot modes (--eval, --call), each function of /etc/faas.lisp checked against the same
computation in Python, the HTTP endpoint driven from the host by curl and http.client (JSON and
form arguments, the error statuses, a runaway function stopped), the zygote's children reaped
and a killed one survived, cold start giving the same answers, every fork policy, and what the
zygote saves: its start-up costs more instructions than a call.
"""
from __future__ import annotations

import http.client
import json
import math
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from urllib.parse import urlencode

import pytest

from tests.helpers import Guest, run_bin
from ufos.kernel.fork import POLICIES

TIMEOUT = 20                    # seconds any host-side wait may take
GUEST_BUDGET = 3_000_000_000    # instructions a server may run in one test
TEXT = "The cat and the hat\nthe END\tcat  sat on the mat; the end"


def faas(*args: str, budget: int = 200_000_000, **options):
    return run_bin(["faas", *args], budget=budget, **options)


def evaluate(expressions: str) -> str:
    r = faas("--eval", expressions)
    assert r.status == 0, r.stderr.decode()
    return r.stdout.decode().strip()


def call(name: str, args: str = ""):
    """faas --call NAME ARGS: the result decoded from JSON."""
    r = faas("--call", name, args)
    assert r.status == 0, r.stderr.decode()
    return json.loads(r.stdout)


# ---- the language ----

@pytest.mark.parametrize("expressions, shown", [
    ("(+ 1 2 3)", "6"),
    ("(- 10 4 3)", "3"),
    ("(- 5)", "-5"),
    ("(/ 6 3)", "2"),
    ("(/ 7 2)", "3.5"),
    ("(* 1.5 2)", "3.0"),
    ("(list (quotient -7 2) (remainder -7 3) (modulo -7 3))", "(-3 -1 2)"),
    ("(list (< 1 2 3) (< 1 3 2) (= 2 2.0) (>= 3 3 1))", "(#t #f #t #t)"),
    ("(let ((nan (/ 0.0 0.0))) (list (= nan nan) (< nan 1) (= 9007199254740993 9007199254740992)))",
     "(#f #f #f)"),
    ("(list (+ 1 2.5 3) (+) (*) (* 2 3))", "(6.5 0 1 6)"),
    ("(list (floor 2.5) (ceiling 2.5) (round 2.5) (truncate -2.5) (floor 7))", "(2.0 3.0 2.0 -2.0 7)"),
    ("(list (sqrt 16) (sin 0) (cos 0) (exact 3.9) (inexact 2) (expt 2 10) (abs -4))",
     "(4.0 0.0 1.0 3 2.0 1024 4)"),
    ("(list 0.1 1e21 -0.5 (/ 1.0 3))", "(0.1 1e+21 -0.5 0.3333333333333333)"),
    ("(define x 5) (set! x (* x 2)) x", "10"),
    ("(define (square x) (* x x)) (square 12)", "144"),
    ("((lambda (a b . rest) (list a b rest)) 1 2 3 4)", "(1 2 (3 4))"),
    ("(define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))"
     " (define c (make-counter)) (define d (make-counter)) (c) (c) (d) (list (c) (d))", "(3 2)"),
    ("(let ((x 1) (y 2)) (let ((x 10) (z x)) (list x y z)))", "(10 2 1)"),
    ("(let* ((x 1) (y (+ x 1))) (* x y 10))", "20"),
    ("(let loop ((i 0) (acc '())) (if (= i 4) acc (loop (+ i 1) (cons i acc))))", "(3 2 1 0)"),
    ("(define (sign x) (cond ((< x 0) 'negative) ((= x 0) 'zero) (else 'positive)))"
     " (map sign (list -3 0 8))", "(negative zero positive)"),
    ("(list (and 1 2) (and 1 #f 3) (and) (or #f 2) (or #f #f) (or))", "(2 #f #t 2 #f #f)"),
    ("(list (when (> 1 0) 'yes) (unless (> 1 0) 'no) (if #f 1))", "(yes () ())"),
    ("(begin (define n 1) (set! n (+ n 1)) n)", "2"),
    ("(list (car '(1 2)) (cdr '(1 2)) (cons 1 2) (length '(a b c)) (list-ref '(a b c) 2))",
     "(1 (2) (1 . 2) 3 c)"),
    ("(list (reverse '(1 2 3)) (append '(1) '(2 3) '() '(4)) (range 2 6))", "((3 2 1) (1 2 3 4) (2 3 4 5))"),
    ("(list (filter (lambda (x) (> x 2)) '(1 5 2 7)) (fold + 0 '(1 2 3)) (sort '(3 1 2 1) <))",
     "((5 7) 6 (1 1 2 3))"),
    ("(list (assoc \"b\" '((\"a\" . 1) (\"b\" . 2))) (member 3 '(1 3 4)) (equal? '(1 (2)) '(1 (2))) (eq? 'a 'a))",
     "((\"b\" . 2) (3 4) #t #t)"),
    ("(list (string-append \"ab\" \"c\" \"\") (substring \"hello\" 1 3) (string-length \"hello\"))",
     "(\"abc\" \"el\" 5)"),
    ("(list (string-split \"  a bc\\t d \") (string-upcase \"aB\") (string-downcase \"aB\"))",
     "((\"a\" \"bc\" \"d\") \"AB\" \"ab\")"),
    ("(list (string->number \"42\") (string->number \"1e3\") (string->number \"x\") (number->string 2.5))",
     "(42 1000.0 #f \"2.5\")"),
    ("(list (string=? \"a\" \"a\") (string<? \"ab\" \"b\") (symbol->string 'abc) (string->symbol \"q\"))",
     "(#t #t \"abc\" q)"),
    ("(list (number? 1.5) (integer? 1.5) (string? \"s\") (symbol? 's) (null? '()) (pair? '()) (procedure? car))",
     "(#t #f #t #t #t #f #t)"),
    ("(apply + 1 2 '(3 4))", "10"),
    ("\"a\\\"b\\n\"", "\"a\\\"b\\n\""),
    ("; a comment\n'(1 . (2 . (3 . ())))", "(1 2 3)"),
])
def test_language(expressions, shown):
    assert evaluate(expressions) == shown


def test_display_writes_strings_as_their_characters():
    assert evaluate('(display "a\\"b") (newline) (write "c") 0') == 'a"b\n"c"0'


def test_tail_calls_run_in_constant_stack_and_deep_recursion_is_bounded():
    loop = "(let loop ((i 0)) (if (= i 10000) 'done (loop (+ i 1))))"
    assert evaluate(loop) == "done"                       # 10,000 iterations: no depth limit hit
    assert evaluate("(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 1000)") == "1000"
    r = faas("--eval", "(define (count n) (if (= n 0) 0 (+ 1 (count (- n 1))))) (count 10000)")
    assert r.status == 1 and b"recursion too deep" in r.stderr and r.signal is None


@pytest.mark.parametrize("expressions, message", [
    ("(car 5)", "car: not a pair"),
    ("undefined-thing", "unbound variable: undefined-thing"),
    ("(+ 1 \"a\")", "+: expected a number, got a string"),
    ("(1 2)", "not a procedure"),
    ("((lambda (x) x))", "too few arguments"),
    ("(/ 1 0)", "division by zero"),
    ("(+ 1", "--eval:1: a list opened on line 1 is not closed"),
    ("(list 1)\n)", "--eval:2: unexpected ')'"),
    ("\"open", "a string is not closed"),
    ("(error \"went wrong:\" 42 \"x\")", "went wrong: 42 \"x\""),
    ("(let loop ((s \"x\")) (loop (string-append s s)))", "out of memory"),
])
def test_errors_are_messages_not_crashes(expressions, message):
    r = faas("--eval", expressions)
    assert r.status == 1 and r.signal is None
    assert message in r.stderr.decode()


# ---- the functions, against Python ----

def float_operation(n: int) -> float:
    total = 0.0
    for i in range(n):
        total = total + math.sin(i) + math.cos(i) + math.sqrt(i)
    return total


def fib(n: int) -> int:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def primes(n: int) -> list[int]:
    return [k for k in range(2, n) if all(k % d for d in range(2, int(k ** 0.5) + 1))]


def test_float_operation_is_functionbench_s_loop():
    assert call("float_operation", '{"n": 300}') == pytest.approx(float_operation(300), rel=1e-12)
    assert call("float_operation", "[0]") == 0.0


@pytest.mark.parametrize("n", [0, 1, 2, 10, 17])
def test_fib(n):
    assert call("fib", f"[{n}]") == fib(n)


def test_word_count():
    counts = call("word_count", json.dumps({"text": TEXT}))
    assert counts == dict(Counter(TEXT.lower().split()))
    assert list(counts)[:2] == ["the", "cat"]            # the most frequent first, then by name
    text = 'caf\u00e9 "quoted" caf\u00e9 \U0001F600 back\\slash'
    assert call("word_count", json.dumps({"text": text})) == dict(Counter(text.lower().split()))


def test_primes():
    assert call("primes", "n=120") == primes(120)


def test_call_reports_bad_arguments_and_unknown_functions():
    for name, args, message in [
        ("fib", '{"m": 3}', "missing argument: n"),
        ("fib", '{"n": 3, "m": 4}', "unknown argument: m"),
        ("fib", "[1, 2]", "2 arguments given, 1 wanted"),
        ("fib", '[-1]', "n must be a non-negative integer"),
        ("fib", '{"n": "ten"}', "n must be a non-negative integer"),
        ("word_count", "[3]", "text must be a string"),
        ("fib", '{"n": 3', "bad JSON"),
        ("fib", '{"n": 99999999999999999999}', "n must be a non-negative integer"),
        ("fib", '{"n": 1e400}', "n must be a non-negative integer"),
        ("fib", "[" * 100 + "]" * 100, "nested too deep"),
        ("fib", '{"n": 01}', "without leading zeros"),
        ("fib", '["\\ud800"]', "a high surrogate without its low half"),
        ("fib", "[1] x", "text after the value"),
        ("nope", "", "unknown function: nope"),
    ]:
        r = faas("--call", name, args)
        assert r.status == 1 and r.stdout == b"", (name, args)
        assert json.loads(r.stderr) == {"error": message} or message in json.loads(r.stderr)["error"], r.stderr


def test_a_broken_library_is_reported_with_its_line(tmp_path):
    (tmp_path / "bad.lisp").write_text("(define (ok) 1)\n\n(define (broken) (+ 1)\n")
    r = faas("-l", "/host/bad.lisp", "--call", "ok", share=str(tmp_path))
    assert r.status == 1
    assert "faas: /host/bad.lisp:4: a list opened on line 3 is not closed" in r.stderr.decode()
    r = faas("-l", "/host/missing.lisp", "--eval", "1", share=str(tmp_path))
    assert r.status == 1 and b"cannot read the library /host/missing.lisp" in r.stderr


def instructions(*args: str) -> int:
    r = faas(*args)
    assert r.status == 0, r.stderr.decode()
    return r.instructions


def test_start_up_costs_more_instructions_than_a_call():
    """What the zygote saves: reading and evaluating the library (the start-up) costs more than
    a small call of each function. The figures: start-up about 0.92 M instructions (the process
    itself 0.08 M); float_operation about 5,700 an iteration (0.07 M for n = 10), fib 10 about
    0.39 M, primes 30 about 0.55 M; word_count of a dozen words about 1.2 M, more than the start-up."""
    bare = instructions("-l", "/dev/null", "--eval", "0")       # a process with no library
    loaded = instructions("--eval", "0")
    start_up = loaded - bare
    for name, args, share in [("float_operation", "[10]", 0.2), ("fib", "[10]", 0.6), ("primes", "[30]", 0.8)]:
        one_call = instructions("--call", name, args) - loaded
        assert 0 < one_call < share * start_up, (name, one_call, start_up)


# ---- the server ----

class Server:
    """/bin/faas serving in ufos; requests from the host."""

    def __init__(self, *options: str, **guest_options):
        self.guest = Guest(["/bin/faas", "-p", "8081", *options], ports=(8081,), budget=GUEST_BUDGET,
                           **guest_options)
        self.port = self.guest.host_port(8081)

    def request(self, method: str, path: str, body: str | bytes | None = None, headers=None):
        """(status, headers, body) through http.client."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            conn.close()

    def invoke(self, name: str, args) -> tuple[int, object]:
        """POST /invoke/NAME with args as JSON: (status, the body decoded)."""
        status, _, body = self.request("POST", f"/invoke/{name}", json.dumps(args),
                                       {"Content-Type": "application/json"})
        return status, json.loads(body)

    def processes(self) -> list[tuple[int, str]]:
        return [(p.pid, p.state) for p in list(self.guest.kernel.procs.procs.values())]

    def idle(self) -> list[tuple[int, str]]:
        """The process table once the zygote is alone and asleep in accept (each child exits after
        answering, and is reaped), or as it is after TIMEOUT."""
        alone = [(self.guest.pid, "sleeping")]
        deadline = time.monotonic() + TIMEOUT
        while (procs := self.processes()) != alone and time.monotonic() < deadline:
            time.sleep(0.01)
        return procs

    def stop(self) -> tuple[int, bytes, bytes]:
        self.guest.kill(signal.SIGTERM)
        return self.guest.finish()


@pytest.fixture(scope="module")
def server():
    s = Server("-s", "200000")      # steps: float_operation 250000 would take 2 M, fib 60 far more
    yield s
    s.stop()


def curl(port: int, *args: str) -> tuple[int, str]:
    """(status, body) of curl's request."""
    r = subprocess.run(["curl", "-s", "--max-time", str(TIMEOUT), "-w", "\n%{http_code}", *args],
                       capture_output=True, text=True, timeout=TIMEOUT + 5)
    body, _, status = r.stdout.rpartition("\n")
    return int(status), body


def test_curl_invokes_with_json_and_form_data(server):
    url = f"http://127.0.0.1:{server.port}/invoke"
    status, body = curl(server.port, "-d", '{"n": 200}', f"{url}/float_operation")
    assert status == 200 and json.loads(body) == pytest.approx(float_operation(200), rel=1e-12)
    assert curl(server.port, "-d", "n=12", f"{url}/fib") == (200, "144\n")
    assert curl(server.port, "-X", "POST", f"{url}/fib?n=11") == (200, "89\n")
    status, body = curl(server.port, "--data-urlencode", f"text={TEXT}", f"{url}/word_count")
    assert status == 200 and json.loads(body) == dict(Counter(TEXT.lower().split()))
    status, body = curl(server.port, "-H", "Content-Type: application/json", "-d", "[30]", f"{url}/primes")
    assert status == 200 and json.loads(body) == primes(30)


def test_curl_sends_arguments_in_chunks(server):
    url = f"http://127.0.0.1:{server.port}/invoke/fib"
    assert curl(server.port, "-H", "Transfer-Encoding: chunked", "-d", "n=12", url) == (200, "144\n")


def test_a_client_that_expects_100_continue_is_told_to_go_on(server):
    body = json.dumps({"text": " ".join([TEXT] * 40)}).encode()   # over 1 KiB: curl would expect 100
    with socket.create_connection(("127.0.0.1", server.port), timeout=TIMEOUT) as s:
        s.sendall(b"POST /invoke/word_count HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(body))
        assert s.recv(100) == b"HTTP/1.1 100 Continue\r\n\r\n"
        s.sendall(body)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, result = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 OK\r\n")
    assert json.loads(result) == {w: n * 40 for w, n in Counter(TEXT.lower().split()).items()}


def test_http_client_lists_and_invokes(server):
    status, headers, body = server.request("GET", "/functions")
    assert status == 200 and headers["Content-Type"] == "application/json"
    functions = {f["name"]: f["params"] for f in json.loads(body)}
    assert functions == {"float_operation": ["n"], "fib": ["n"], "word_count": ["text"], "primes": ["n"]}
    assert server.invoke("fib", {"n": 15}) == (200, fib(15))
    assert server.invoke("fib", [16]) == (200, fib(16))
    status, headers, body = server.request("POST", "/invoke/primes", urlencode({"n": 20}),
                                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert (status, json.loads(body)) == (200, primes(20))
    assert headers["Connection"] == "close"


@pytest.mark.parametrize("method, path, body, headers, status, message", [
    ("POST", "/invoke/nope", "{}", {}, 404, "unknown function: nope"),
    ("GET", "/elsewhere", None, {}, 404, "no such path"),
    ("GET", "/invoke/fib", None, {}, 405, "functions are invoked with POST"),
    ("DELETE", "/functions", None, {}, 405, "the list of functions is read with GET"),
    ("POST", "/invoke/fib", '{"n": ', {}, 400, "bad JSON"),
    ("POST", "/invoke/fib", "n=1", {"Content-Type": "application/json"}, 400, "bad JSON"),
    ("POST", "/invoke/fib", '{"x": 1}', {}, 400, "missing argument: n"),
    ("POST", "/invoke/fib", "n=1&x=2", {}, 400, "unknown argument: x"),
    ("POST", "/invoke/fib", "n=%zz", {}, 400, "bad form data"),
    ("POST", "/invoke/fib", "[]", {}, 400, "0 arguments given, 1 wanted"),
    ("POST", "/invoke/fib", '{"n": -3}', {}, 400, "n must be a non-negative integer"),
    ("POST", "/invoke/word_count", '{"text": 7}', {}, 400, "text must be a string"),
])
def test_errors(server, method, path, body, headers, status, message):
    got, response_headers, got_body = server.request(method, path, body, headers)
    assert got == status
    assert message in json.loads(got_body)["error"]
    if status == 405:
        assert "POST" in response_headers["Allow"] or "GET" in response_headers["Allow"]


def test_a_runaway_function_is_stopped_with_500(server):
    status, body = server.invoke("fib", {"n": 60})       # some 10^12 calls: the step limit ends it
    assert status == 500 and "step limit" in body["error"]
    assert server.invoke("fib", {"n": 5}) == (200, 5)   # and the zygote serves on


def test_many_calls_leave_no_zombies(server):
    for n in range(25):
        assert server.invoke("fib", {"n": n % 12}) == (200, fib(n % 12))
    assert server.idle() == [(server.guest.pid, "sleeping")]


def test_concurrent_calls_each_get_their_own_answer(server):
    results = {}

    def one(n):
        results[n] = server.invoke("fib", [n])

    threads = [threading.Thread(target=one, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
    assert results == {n: (200, fib(n)) for n in range(8)}
    assert server.idle() == [(server.guest.pid, "sleeping")]


def test_the_zygote_survives_a_child_killed_mid_call(server):
    outcome = {}

    def long_call():
        try:
            outcome["answer"] = server.request("POST", "/invoke/float_operation", "[250000]")
        except (http.client.HTTPException, ConnectionError) as e:
            outcome["lost"] = e

    caller = threading.Thread(target=long_call)
    caller.start()
    deadline = time.monotonic() + TIMEOUT
    while len(children := [pid for pid, _ in server.processes() if pid != server.guest.pid]) == 0:
        assert time.monotonic() < deadline, "no child was forked"
        time.sleep(0.01)
    server.guest.kill(signal.SIGKILL, children[0])
    caller.join(TIMEOUT)
    assert "lost" in outcome, outcome           # the connection closed without an answer
    assert server.invoke("fib", [7]) == (200, 13)
    assert server.idle() == [(server.guest.pid, "sleeping")]


# ---- cold start, and every fork policy ----

def call_cost(server: Server, name: str, args) -> tuple[int, object, int]:
    """(status, result, instructions the machine ran for it) of one call; the server is idle
    before and after it, so what the machine ran is the call."""
    kernel = server.guest.kernel
    before = kernel.cpu.sysreg("icount")
    status, result = server.invoke(name, args)
    server.idle()
    return status, result, kernel.cpu.sysreg("icount") - before


def test_cold_start_gives_the_same_answers_and_pays_the_start_up_every_call():
    warm, cold = Server(), Server("--cold")
    try:
        for name, args in [("fib", {"n": 9}), ("float_operation", {"n": 50}), ("word_count", {"text": TEXT}),
                           ("primes", [40])]:
            w_status, w_result, w_cost = call_cost(warm, name, args)
            c_status, c_result, c_cost = call_cost(cold, name, args)
            assert w_status == c_status == 200 and w_result == c_result
            assert c_cost > w_cost + 500_000, (name, w_cost, c_cost)      # the library read again
        assert cold.invoke("nope", {})[0] == 404
        assert cold.idle() == [(cold.guest.pid, "sleeping")]
    finally:
        warm_out, cold_out = warm.stop(), cold.stop()
    assert b"zygote on port 8081" in warm_out[2] and b"cold start on port 8081" in cold_out[2]


@pytest.mark.parametrize("policy", POLICIES)
def test_every_fork_policy_serves_a_call(policy):
    s = Server(policy=policy)
    try:
        status, result = s.invoke("float_operation", {"n": 30})
        assert status == 200 and result == pytest.approx(float_operation(30), rel=1e-12)
        assert s.invoke("word_count", {"text": "a b a"}) == (200, {"a": 2, "b": 1})
        assert s.idle() == [(s.guest.pid, "sleeping")]
    finally:
        s.stop()


@pytest.mark.parametrize("policy", POLICIES)
def test_fifty_calls_in_a_row_under_each_policy(policy):
    s = Server(policy=policy)
    try:
        for i in range(50):
            assert s.invoke("fib", [i % 15]) == (200, fib(i % 15))
        assert s.idle() == [(s.guest.pid, "sleeping")]
    finally:
        s.stop()
