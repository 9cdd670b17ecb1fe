# ---- Checks (do not edit) ------------------------------------------------------
import inspect as _inspect
import os as _os
import tempfile as _tempfile


def _counted(items, pulled, limit=None):
    """Yields items, appending each one to `pulled`, so a check sees how far a stage read."""
    for item in items:
        if limit is not None and len(pulled) >= limit:
            raise AssertionError(
                f"more than {limit} items were pulled from an infinite iterator: take them with "
                "itertools.islice instead of list() or a loop without an end")
        pulled.append(item)
        yield item


@task(1, "read_lines yields a file's lines lazily, without the newline")
def check_read_lines():
    with _tempfile.TemporaryDirectory() as folder:
        path = _os.path.join(folder, "access.log")
        with open(path, "w", encoding="utf-8") as file:
            file.write("first\n\n  indented  \nlast")
        lines = read_lines(path)
        assert _inspect.isgenerator(lines), \
            f"read_lines() should return a generator (use yield), got {type(lines).__name__}"
        got = list(lines)
        want = ["first", "", "  indented  ", "last"]
        assert got == want, f"expected {want!r}, got {got!r}"

        missing = read_lines(_os.path.join(folder, "missing.log"))  # must not open anything yet
        try:
            next(missing)
        except FileNotFoundError:
            pass
        else:
            raise AssertionError("next() on read_lines() of a missing file should raise FileNotFoundError")


@task(2, "parse_requests yields Request tuples, skips noise, reads one line at a time")
def check_parse_requests():
    log = [
        "# access log, one request per line",
        "2024-05-01T10:00:00Z GET /api/health/ 200 3ms",
        "",
        "2024-05-01T10:00:01Z POST /api/orders/ 201 812ms",
        "garbage line",
        "2024-05-01T10:00:02Z GET /api/orders/7/ abc 45ms",
        "2024-05-01T10:00:03Z DELETE /api/orders/7/ 204 fast",
        "2024-05-01T10:00:04Z GET /api/reports/ 500 1500ms",
    ]
    pulled = []
    requests = parse_requests(_counted(log, pulled))
    assert iter(requests) is requests, "parse_requests() should return an iterator (a generator), not a list"
    assert pulled == [], f"nothing should be read before the first next(), but {len(pulled)} lines were"
    first = next(requests)
    assert first == Request("GET", "/api/health/", 200, 3), \
        f"expected Request('GET', '/api/health/', 200, 3), got {first!r}"
    assert len(pulled) == 2, \
        f"the first request is on line 2, so 2 lines should have been read, not {len(pulled)}: build no lists"
    rest = list(requests)
    want = [Request("POST", "/api/orders/", 201, 812), Request("GET", "/api/reports/", 500, 1500)]
    assert rest == want, f"expected {want!r} (blank, comment and malformed lines skipped), got {rest!r}"


@task(3, "slow_requests filters lazily, threshold included")
def check_slow_requests():
    requests = [
        Request("GET", "/api/health/", 200, 3),
        Request("POST", "/api/orders/", 201, 500),
        Request("GET", "/api/orders/7/", 200, 45),
        Request("GET", "/api/reports/", 500, 1500),
    ]
    pulled = []
    slow = slow_requests(_counted(requests, pulled), 500)
    assert iter(slow) is slow, "slow_requests() should return an iterator (a generator), not a list"
    assert pulled == [], f"nothing should be read before the first next(), but {len(pulled)} requests were"
    first = next(slow)
    assert first == requests[1], f"expected {requests[1]!r} (500 ms >= 500 ms counts as slow), got {first!r}"
    assert len(pulled) == 2, f"finding the first slow request should read 2 requests, not {len(pulled)}"
    rest = list(slow)
    assert rest == [requests[3]], f"expected [{requests[3]!r}], got {rest!r}"


@task(4, "backoff_delays is an infinite generator, capped, sliced with islice")
def check_backoff_delays():
    delays = backoff_delays(base=0.5, factor=2, cap=5)
    assert iter(delays) is delays, f"backoff_delays() should return a generator, got {type(delays).__name__}"
    got = list(itertools.islice(delays, 6))
    assert got == [0.5, 1, 2, 4, 5, 5], f"expected [0.5, 1, 2, 4, 5, 5], got {got!r}"
    defaults = list(itertools.islice(backoff_delays(), 4))
    assert defaults == [0.5, 1, 2, 4], f"with the defaults expected [0.5, 1, 2, 4], got {defaults!r}"
    far = next(itertools.islice(backoff_delays(base=1, factor=3, cap=60), 1000, None), None)
    assert far == 60, f"the 1001st delay should still be the cap 60 (the generator never ends), got {far!r}"


@task(5, "batched takes fixed-size chunks with islice, even from an infinite iterator")
def check_batched():
    got = list(batched(range(7), 3))
    assert got == [[0, 1, 2], [3, 4, 5], [6]], f"expected [[0, 1, 2], [3, 4, 5], [6]], got {got!r}"
    assert list(batched([], 3)) == [], "an empty input should give no batches"

    pulled = []
    batches = batched(_counted(itertools.count(100), pulled, limit=50), 2)
    assert pulled == [], f"nothing should be read before the first next(), but {len(pulled)} items were"
    first = next(batches)
    assert first == [100, 101], f"expected the first batch [100, 101], got {first!r}"
    assert len(pulled) == 2, f"one batch of 2 should read exactly 2 items, it read {len(pulled)}"
    second = next(batches)
    assert second == [102, 103], f"expected the second batch [102, 103] (keep ONE iterator), got {second!r}"


@task(6, "running_average is a coroutine driven with send()")
def check_running_average():
    averages = running_average()
    assert _inspect.isgenerator(averages), \
        f"running_average() should return a generator, got {type(averages).__name__}"
    primed = next(averages)
    assert primed is None, f"priming with next() should yield None, got {primed!r}"
    got = [averages.send(value) for value in (10, 20, 0)]
    assert got == [10, 15, 10], f"sending 10, 20, 0 should give the averages [10, 15, 10], got {got!r}"

    other = running_average()
    next(other)
    assert other.send(3) == 3, "each running_average() generator must keep its own total"
    assert averages.send(30) == 15, "the first generator's average of 10, 20, 0, 30 should be 15"


if __name__ == "__main__":
    run_tasks()
