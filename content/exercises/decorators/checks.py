# ---- Checks (do not edit) ------------------------------------------------------
import contextlib as _contextlib
import inspect as _inspect
import re as _re

_TIMING = _re.compile(r"(\w+) took (\d+(?:\.\d+)?) ms")


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@_contextlib.contextmanager
def _timing_records():
    """Collects the records logged on 'practice.timing' inside the with block."""
    handler = _Collect()
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def _parse_timing(record, name):
    message = record.getMessage()
    match = _TIMING.fullmatch(message)
    assert match, f"expected a message like '{name} took 12.3 ms', got {message!r}"
    assert match.group(1) == name, f"expected the function name {name!r} in the message, got {message!r}"
    return float(match.group(2))


@task(1, "timed returns the result and logs '<name> took <ms> ms' at INFO")
def check_timed_logs():
    @timed
    def order_total(prices, *, shipping=0):
        time.sleep(0.03)
        return sum(prices) + shipping

    with _timing_records() as records:
        got = order_total([10, 20], shipping=5)
    assert got == 35, f"the wrapper must forward the arguments and return the result: expected 35, got {got!r}"
    assert len(records) == 1, f"expected 1 record on logger 'practice.timing' per call, got {len(records)}"
    assert records[0].levelno == logging.INFO, f"expected an INFO record, got {records[0].levelname}"
    ms = _parse_timing(records[0], "order_total")
    assert 25 <= ms < 2000, f"the function slept 30 ms but the log says {ms} ms (log milliseconds, not seconds)"


@task(2, "timed keeps the function's metadata (functools.wraps)")
def check_timed_metadata():
    def fetch_order(order_id: int, *, with_items: bool = False) -> dict:
        """Loads one order by id."""
        return {"id": order_id, "items": [] if with_items else None}

    decorated = timed(fetch_order)
    assert decorated is not fetch_order, "timed must return a new wrapper function, not the function itself"
    assert getattr(decorated, "__wrapped__", None) is fetch_order, \
        "decorated.__wrapped__ should be the original function: decorate the wrapper with @functools.wraps(func)"
    assert decorated.__name__ == "fetch_order", f"expected __name__ 'fetch_order', got {decorated.__name__!r}"
    assert decorated.__doc__ == "Loads one order by id.", f"the docstring was lost, got {decorated.__doc__!r}"
    signature = str(_inspect.signature(decorated))
    want = "(order_id: int, *, with_items: bool = False) -> dict"
    assert signature == want, f"expected signature {want!r}, got {signature!r}"
    with _timing_records():
        got = decorated(7, with_items=True)
    assert got == {"id": 7, "items": []}, f"expected {{'id': 7, 'items': []}}, got {got!r}"


@task(3, "timed still logs when the function raises, and re-raises the same exception")
def check_timed_exception():
    declined = ValueError("card declined")

    @timed
    def charge_card(amount):
        time.sleep(0.01)
        raise declined

    with _timing_records() as records:
        try:
            charge_card(99)
        except ValueError as error:
            assert error is declined, "re-raise the original exception, do not replace it"
        else:
            raise AssertionError("the ValueError was swallowed: the wrapper must let it propagate")
    assert len(records) == 1, \
        f"expected the failed call to be logged too (try/finally), got {len(records)} records"
    _parse_timing(records[0], "charge_card")


@task(4, "retry(times, exceptions) retries listed errors and returns the first success")
def check_retry_success():
    @retry(times=3, exceptions=(ConnectionError, TimeoutError))
    def fetch(client):
        return client.fetch_stock()

    flaky = FlakyWarehouse(failures=2)
    try:
        got = fetch(flaky)
    except ConnectionError as error:
        raise AssertionError(f"retry gave up after {flaky.calls} call(s) with {error!r}; times=3 allows 3 attempts")
    assert got == {"sku-1": 7, "sku-2": 0}, f"expected the stock dict, got {got!r}"
    assert flaky.calls == 3, f"2 failures then a success should take 3 calls, took {flaky.calls}"

    healthy = FlakyWarehouse(failures=0)
    fetch(healthy)
    assert healthy.calls == 1, f"a call that succeeds at once must not be repeated, it ran {healthy.calls} times"

    pings = []

    @retry(times=5, exceptions=TimeoutError)  # a single class works too, as in `except TimeoutError`
    def ping():
        pings.append(1)
        if len(pings) < 4:
            raise TimeoutError("no answer")
        return "pong"

    assert ping() == "pong" and len(pings) == 4, f"expected 'pong' after 4 calls, got {len(pings)} calls"


@task(5, "retry re-raises the last error and never retries unlisted exceptions")
def check_retry_failure():
    @retry(times=2, exceptions=(ConnectionError,))
    def fetch(client):
        """Fetches the stock levels."""
        return client.fetch_stock()

    down = FlakyWarehouse(failures=10)
    try:
        fetch(down)
    except ConnectionError as error:
        assert down.calls == 2, f"times=2 means 2 attempts in total, got {down.calls}"
        assert str(error) == "warehouse unreachable (call 2)", \
            f"expected the last error ('... (call 2)') to be re-raised, got {str(error)!r}"
    else:
        raise AssertionError("expected ConnectionError once every attempt has failed, nothing was raised")

    attempts = []

    @retry(times=3, exceptions=(ConnectionError,))
    def parse(payload):
        attempts.append(payload)
        raise ValueError("invalid payload")

    try:
        parse("{")
    except ValueError:
        pass
    else:
        raise AssertionError("the ValueError must propagate out of the retry wrapper")
    assert len(attempts) == 1, f"ValueError is not in `exceptions`, so no retry: expected 1 call, got {len(attempts)}"
    assert fetch.__name__ == "fetch" and fetch.__doc__ == "Fetches the stock levels.", \
        f"retry lost the metadata (name {fetch.__name__!r}): use functools.wraps"


@task(6, "stacking order: sync_inventory logs one timing for the whole call, retries included")
def check_stacking_order():
    flaky = FlakyWarehouse(failures=2)
    with _timing_records() as records:
        try:
            got = sync_inventory(flaky)
        except ConnectionError:
            raise AssertionError("sync_inventory gave up after the first failure: finish retry() (TODO 4) first")
    assert got == {"sku-1": 7, "sku-2": 0}, f"expected the stock dict, got {got!r}"
    assert flaky.calls == 3, f"expected 3 calls to the warehouse, got {flaky.calls}"
    messages = [record.getMessage() for record in records]
    assert len(records) == 1, (
        f"expected ONE timing record for the whole call, got {len(records)}: {messages}. "
        "The decorator written on top is the outermost wrapper.")
    _parse_timing(records[0], "sync_inventory")


if __name__ == "__main__":
    run_tasks()
