# Django Interview Prep: Decorators: Timing, Retry and Stacking Order
# Topic: Decorators  (Django Prep: Open Topic shows the explanation)
# Run it: python3 decorators_practice.py     Each numbered task below prints ✓ when it passes.
#
# Write the two decorators interviewers ask for most: `timed`, which logs how long each call
# took, and `retry(times, exceptions)`, a decorator factory that re-runs a flaky call. Both
# must keep the wrapped function's metadata (functools.wraps). Then fix the stacking order on
# `sync_inventory`. The placeholders return the function unchanged; replace them. The checks
# call decorated functions, count attempts and read the log records your wrapper writes.

import functools
import logging
import time

# {{task-runner}}

logger = logging.getLogger("practice.timing")
logger.setLevel(logging.INFO)  # given: lets INFO records through to the checks' handler


# TODO 1: Make `timed` a real decorator: return a wrapper that accepts any *args/**kwargs,
#   calls func with them, returns func's result, and logs one INFO record, exactly
#       logger.info("%s took %.1f ms", func.__name__, elapsed_ms)
#   Measure with time.perf_counter() (monotonic, high resolution), not time.time().
# TODO 2: Decorate the wrapper with @functools.wraps(func), so the decorated function keeps
#   its __name__, __doc__ and signature and gets __wrapped__ (inspect.unwrap follows it).
# TODO 3: Log the timing even when func raises (try/finally), and let the exception propagate
#   unchanged: a timing decorator must never swallow errors.
def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            elapsed_ms = (time.perf_counter() - start) * 1000
            logger.info("%s took %.1f ms", func.__name__, elapsed_ms)
    return wrapper


# TODO 4: Make `retry` a decorator factory, used as @retry(times=3, exceptions=(ConnectionError,)):
#   retry(...) returns a decorator, the decorator returns a wrapper (three levels). The wrapper
#   calls func up to `times` times in total and returns the first successful result. Only the
#   `exceptions` types (a class or a tuple, exactly what `except` accepts) cause another attempt.
#   (Real code would sleep with back-off between attempts; leave that out to keep checks fast.)
# TODO 5: When the last attempt fails, re-raise that last error (a bare `raise`). An exception
#   not listed in `exceptions` propagates at once, without another attempt. Use
#   functools.wraps here too.
def retry(times=3, exceptions=(Exception,)):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, **kwargs)
                except exceptions:
                    if attempt == times:
                        raise
        return wrapper
    return decorator


class FlakyWarehouse:
    """A fake API client (given): fetch_stock() fails `failures` times, then succeeds."""

    def __init__(self, failures):
        self.failures = failures
        self.calls = 0

    def fetch_stock(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionError(f"warehouse unreachable (call {self.calls})")
        return {"sku-1": 7, "sku-2": 0}


# TODO 6: One call of sync_inventory should be timed as a whole, retries included, so it logs
#   exactly ONE timing record however many attempts it needs. Decorators apply bottom-up and
#   the top one runs first at call time: reorder the two lines below.
@timed
@retry(times=3, exceptions=(ConnectionError,))
def sync_inventory(client):
    """Pulls stock levels from the warehouse API."""
    return client.fetch_stock()

# {{checks}}
