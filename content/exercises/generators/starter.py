# Django Interview Prep: Generators: Lazy Pipelines, islice and send()
# Topic: Iterators, Iterables and Generators  (Django Prep: Open Topic shows the explanation)
# Run it: python3 generator_pipeline.py     Each numbered task below prints ✓ when it passes.
#
# Build a lazy access-log pipeline, slow_requests(parse_requests(read_lines(path)), 500), in
# which every stage is a generator that pulls one item at a time, so a 10 GB log needs constant
# memory. Then write an infinite generator of back-off delays, a batcher built on
# itertools.islice, and a running average driven with send(). Replace each
# `raise NotImplementedError`. The checks count how many items each stage pulls from its input.

import itertools
from typing import NamedTuple

# {{task-runner}}


class Request(NamedTuple):
    """One parsed access-log line (given)."""
    method: str
    path: str
    status: int
    duration_ms: int


# TODO 1: read_lines(path) yields the lines of the text file at `path`, one at a time, without
#   the trailing "\n" (keep other whitespace). Open the file inside the generator with a `with`
#   block: then nothing happens until the first next() (even for a missing file) and the file
#   is closed when the loop ends. Never call .read() or .readlines() on a huge file.
def read_lines(path):
    raise NotImplementedError


# TODO 2: parse_requests(lines) turns each line like
#       "2024-05-01T10:00:03Z GET /api/orders/ 200 734ms"
#   into Request("GET", "/api/orders/", 200, 734) and yields it. Skip blank lines, comments
#   (lines starting with "#") and malformed lines: a wrong number of fields, or a status or
#   duration that is not a number (catch ValueError). Pull one line at a time.
def parse_requests(lines):
    raise NotImplementedError


# TODO 3: slow_requests(requests, threshold_ms) yields only the requests whose duration_ms is
#   at least threshold_ms, pulling one request at a time (a generator, never a list).
def slow_requests(requests, threshold_ms):
    raise NotImplementedError


# TODO 4: backoff_delays(base, factor, cap) is an INFINITE generator of retry delays in seconds:
#   base, base * factor, base * factor ** 2, ... but never more than cap; once the cap is reached
#   it yields cap forever. Callers take what they need with itertools.islice.
def backoff_delays(base=0.5, factor=2, cap=30):
    raise NotImplementedError


# TODO 5: batched(iterable, size) yields lists of `size` items (the last one may be shorter),
#   for example to bulk_create rows 500 at a time. Take each batch with itertools.islice from
#   ONE iterator (it = iter(iterable)) and stop at the first empty batch. It must work on an
#   infinite iterator, so never call list() on the whole input. (itertools.batched does this
#   on Python 3.12+, yielding tuples.)
def batched(iterable, size):
    raise NotImplementedError


# TODO 6: running_average() is a coroutine-style generator. Priming it with next() yields None;
#   after that, every send(value) adds the value and evaluates to the average of all values
#   sent so far. Hint: `value = yield average` inside a `while True` loop.
def running_average():
    raise NotImplementedError

# {{checks}}
