# ---- Checks (do not edit) ----------------------------------------------------
# A real HTTP server in a thread on 127.0.0.1, on a free port, stopped after each task. Each
# path follows a script: one action per request, the last one repeating.
import contextlib as _contextlib
import http.server as _http_server
import json as _json
import math as _math
import socket as _socket
import threading as _threading

_HANG_SECONDS = 3.0


class _Handler(_http_server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass  # quiet

    def _answer(self, status, headers=None, body=b""):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self):
        server = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with server.lock:
            count = server.counts[self.path] = server.counts.get(self.path, 0) + 1
            script = server.scripts.get(self.path, [("status", 404)])
            action = script[min(count, len(script)) - 1]
            server.seen.append({"method": self.command, "path": self.path, "body": body, "hanging": server.hanging,
                                "headers": {k.lower(): v for k, v in self.headers.items()}})
        kind = action[0]
        if kind == "status":
            self._answer(action[1], action[2] if len(action) > 2 else {}, action[3] if len(action) > 3 else b"")
        elif kind == "hang":  # accept, read, then say nothing until released
            with server.lock:
                server.hanging += 1
            server.release.wait(_HANG_SECONDS)
            with server.lock:
                server.hanging -= 1
            if not server.release.is_set():
                self._answer(200, {}, b"late")
        elif kind == "drop":  # close the connection without an answer
            self.close_connection = True
        elif kind in ("pay", "pay-then-drop"):
            key = self.headers.get("Idempotency-Key")
            if not key:
                self._answer(400, {"Content-Type": "application/json"}, b'{"detail": "Idempotency-Key header required"}')
                return
            with server.lock:
                if key not in server.payments:  # the first time: charge, and keep the answer for replays
                    server.charges += 1
                    server.payments[key] = _json.dumps({"payment": server.charges, "key": key}).encode()
                stored = server.payments[key]
            if kind == "pay-then-drop":
                self.close_connection = True  # charged, but the answer is lost on the way back
            else:
                self._answer(201, {"Content-Type": "application/json"}, stored)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle


@_contextlib.contextmanager
def _server(scripts):
    server = _http_server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.scripts, server.counts, server.seen = scripts, {}, []
    server.lock, server.release, server.hanging = _threading.Lock(), _threading.Event(), 0
    server.payments, server.charges = {}, 0
    thread = _threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def _requests_to(server, path):
    return [r for r in server.seen if r["path"] == path]


class _Sleeps(list):
    """Stands in for time.sleep: remembers each wait instead of waiting."""

    def __call__(self, seconds):
        self.append(round(seconds, 6))


def _show(got):
    """A Response as status and body, anything else as repr."""
    return f"{got.status} {got.body[:80]!r}" if isinstance(got, Response) else repr(got)


def _free_port():
    with _socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again: nothing listens there


@task(1, "backoff_delay(): doubles from base_delay, capped at max_delay, full jitter")
def check_backoff_delay():
    for rand, factor in ((lambda: 1.0, 1.0), (lambda: 0.5, 0.5), (lambda: 0.0, 0.0)):
        got = [backoff_delay(retry, 0.1, 1.0, rand) for retry in range(1, 7)]
        want = [round(x * factor, 6) for x in (0.1, 0.2, 0.4, 0.8, 1.0, 1.0)]
        assert got is not None and all(isinstance(g, (int, float)) and _math.isclose(g, w, abs_tol=1e-9) for g, w in zip(got, want)), (
            f"base_delay 0.1, max_delay 1.0, rand() = {factor}: expected delays {want} for retries 1-6, got {got}")
    seeded = random.Random(29)  # the same draws every run
    draws = [backoff_delay(3, 0.1, 1.0, seeded.random) for _ in range(200)]
    assert all(0 <= d <= 0.4 for d in draws) and max(draws) - min(draws) > 0.1, (
        f"with a random source, retry 3 should spread between 0 and 0.4 s, got {min(draws):.3f} to {max(draws):.3f}")


@task(2, "a final answer comes back at once; 4xx is never retried")
def check_final_answers():
    scripts = {"/ok": [("status", 200, {"X-Served-By": "checks"}, b"hello")]}
    scripts.update({f"/client-error-{code}": [("status", code)] for code in (400, 404, 409, 422)})
    with _server(scripts) as (server, base):
        sleeps = _Sleeps()
        got = request("GET", f"{base}/ok", sleep=sleeps)
        assert isinstance(got, Response) and got.status == 200 and got.body == b"hello", f"GET /ok: expected Response(200, ..., b'hello'), got {_show(got)}"
        assert got.headers.get("x-served-by") == "checks", f"expected the headers by lowercase name, got {got.headers!r}"
        for code in (400, 404, 409, 422):
            path = f"/client-error-{code}"
            try:
                got = request("GET", base + path, sleep=sleeps)
            except RetriesExhausted as error:
                raise AssertionError(f"GET {path} answered {code} and request() retried it {error.attempts} times: "
                                     f"a 4xx is final, return it after one attempt") from None
            assert isinstance(got, Response) and got.status == code, f"GET {path}: expected the {code} Response back, got {_show(got)}"
            sent = len(_requests_to(server, path))
            assert sent == 1, f"GET {path} answered {code}, a client error, yet it was sent {sent} times: never retry a 4xx"
        assert not sleeps, f"nothing was retried, so nothing should wait, but sleep() was called with {list(sleeps)}"


@task(3, "5xx and connection errors are retried with backoff, then RetriesExhausted")
def check_retries():
    scripts = {"/flaky": [("status", 500), ("status", 502), ("status", 503), ("status", 200, {}, b"at last")],
               "/down": [("status", 503)], "/drop": [("drop",), ("status", 200, {}, b"ok")]}
    with _server(scripts) as (server, base):
        sleeps = _Sleeps()
        got = request("GET", f"{base}/flaky", max_attempts=4, base_delay=0.1, max_delay=1.0, sleep=sleeps, rand=lambda: 1.0)
        assert isinstance(got, Response) and got.status == 200, f"/flaky answers 500, 502, 503, then 200: expected the 200, got {_show(got)}"
        assert len(_requests_to(server, "/flaky")) == 4, f"expected 4 attempts at /flaky, the server saw {len(_requests_to(server, '/flaky'))}"
        assert list(sleeps) == [0.1, 0.2, 0.4], f"expected waits [0.1, 0.2, 0.4] between the attempts (backoff_delay), got {list(sleeps)}"
        sleeps = _Sleeps()
        try:
            got = request("GET", f"{base}/down", max_attempts=3, sleep=sleeps, rand=lambda: 1.0)
        except RetriesExhausted as error:
            assert error.attempts == 3, f"RetriesExhausted.attempts should be 3, got {error.attempts}"
        else:
            raise AssertionError(f"/down always answers 503: after 3 attempts expected RetriesExhausted, got {_show(got)}")
        assert len(_requests_to(server, "/down")) == 3 and len(sleeps) == 2, (
            f"max_attempts=3 means 3 requests and 2 waits, got {len(_requests_to(server, '/down'))} requests and waits {list(sleeps)}")
        got = request("GET", f"{base}/drop", sleep=_Sleeps())
        assert isinstance(got, Response) and got.status == 200, (
            f"/drop closes the first connection without answering (http.client.RemoteDisconnected), then answers 200: got {_show(got)}")
    sleeps = _Sleeps()
    try:
        request("GET", f"http://127.0.0.1:{_free_port()}/", max_attempts=3, sleep=sleeps)
    except RetriesExhausted as error:
        assert isinstance(error.last, OSError), f"RetriesExhausted.last should be the connection error, got {error.last!r}"
    except OSError as error:
        raise AssertionError(f"a refused connection raised {error!r} at once: it is a TRANSPORT_ERROR, retry it") from None
    else:
        raise AssertionError("nothing listens on that port, yet request() returned")
    assert len(sleeps) == 2, f"a refused connection should be tried 3 times with 2 waits, waited {list(sleeps)}"


@task(4, "Retry-After is honoured; a wait longer than max_delay is not")
def check_retry_after():
    scripts = {"/limited": [("status", 429, {"Retry-After": "2"}), ("status", 200)],
               "/maintenance": [("status", 503, {"Retry-After": "1"}), ("status", 200)],
               "/come-back-later": [("status", 429, {"Retry-After": "120"})]}
    with _server(scripts) as (server, base):
        for path, wait in (("/limited", 2.0), ("/maintenance", 1.0)):
            sleeps = _Sleeps()
            got = request("GET", base + path, base_delay=0.1, max_delay=5.0, sleep=sleeps, rand=lambda: 1.0)
            assert isinstance(got, Response) and got.status == 200, f"GET {path}: expected the 200 after one retry, got {_show(got)}"
            assert list(sleeps) == [wait], (
                f"GET {path} answered Retry-After: {int(wait)}, so the client should wait exactly {wait} s once, "
                f"but it waited {list(sleeps)}")
        sleeps = _Sleeps()
        got = request("GET", f"{base}/come-back-later", max_delay=5.0, sleep=sleeps)
        assert isinstance(got, Response) and got.status == 429, f"Retry-After: 120 is more than max_delay 5: expected the 429 back, got {_show(got)}"
        assert not sleeps and len(_requests_to(server, "/come-back-later")) == 1, (
            f"Retry-After: 120 exceeds max_delay: return at once, do not wait (waited {list(sleeps)}, "
            f"{len(_requests_to(server, '/come-back-later'))} requests)")


@task(5, "a server that never answers is abandoned after `timeout` and retried")
def check_timeout():
    with _server({"/hang": [("hang",), ("status", 200, {}, b"second try")]}) as (server, base):
        try:
            got = request("GET", f"{base}/hang", timeout=0.3, sleep=_Sleeps())
        except RetriesExhausted as error:
            raise AssertionError(f"the first attempt hangs, the second answers 200, but request() gave up: {error}") from None
        seen = _requests_to(server, "/hang")
        assert len(seen) == 2 and seen[1]["hanging"] == 1, (
            f"the server sat on the first request for {_HANG_SECONDS:.0f} s; the client should give up after timeout=0.3 s "
            f"and try again while it still hangs, but it sent {len(seen)} request(s) and waited: pass `timeout` to HTTPConnection")
        assert isinstance(got, Response) and got.body == b"second try", f"expected the second attempt's answer, got {_show(got)}"


@task(6, "a POST keeps one Idempotency-Key through its retries, so it is charged once")
def check_idempotency_key():
    payload = b'{"amount_cents": 500}'
    with _server({"/pay": [("pay-then-drop",), ("pay",)], "/pay-again": [("pay",)], "/pay-mine": [("pay",)]}) as (server, base):
        got = request("POST", f"{base}/pay", body=payload, headers={"Content-Type": "application/json"}, sleep=_Sleeps())
        assert isinstance(got, Response) and got.status == 201, f"POST /pay: expected 201, got {_show(got)}"
        seen = _requests_to(server, "/pay")
        keys = [r["headers"].get("idempotency-key") for r in seen]
        assert len(seen) == 2, f"the answer to the first POST was lost, so it should be sent twice, it was sent {len(seen)} time(s)"
        assert keys[0] and keys[0] == keys[1], (
            f"the server charged {server.charges} times for one payment: its two attempts carried the keys {keys}, "
            f"and every attempt of one POST must carry the same Idempotency-Key")
        assert [r["body"] for r in seen] == [payload, payload], "each attempt must send the same body"
        assert server.charges == 1, f"the server charged {server.charges} times for one payment"
        request("POST", f"{base}/pay-again", body=payload, sleep=_Sleeps())
        other = _requests_to(server, "/pay-again")[0]["headers"].get("idempotency-key")
        assert other and other != keys[0], f"a new POST needs a new key, but it reused {other!r}"
        request("POST", f"{base}/pay-mine", body=payload, headers={"Idempotency-Key": "order-42"}, sleep=_Sleeps())
        mine = _requests_to(server, "/pay-mine")[0]["headers"].get("idempotency-key")
        assert mine == "order-42", f"the caller passed Idempotency-Key: order-42; keep it, got {mine!r}"


if __name__ == "__main__":
    run_tasks()
