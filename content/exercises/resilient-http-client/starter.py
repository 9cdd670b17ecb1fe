# Django Interview Prep: A resilient HTTP client: timeouts, retries, backoff, idempotency
# Topic: Microservices vs Monolith  (Django Prep: Open Topic shows the explanation)
# Run it: python3 resilient_client.py     Each numbered task below prints ✓ when it passes.
#
# Once a monolith calls other services over the network, every call can hang, fail halfway
# or be refused. Write the client every service needs: a timeout on each attempt, retries
# only for failures worth retrying (5xx, 429, connection errors; never 4xx), exponential
# backoff with jitter between attempts, Retry-After honoured, and an Idempotency-Key so a
# retried POST cannot charge twice. The checks start a real HTTP server on 127.0.0.1 (a
# free port, stopped afterwards) that fails, hangs and drops connections on cue, and records
# every request. sleep and rand are parameters, so the checks record the waits instead of
# waiting. Only the standard library is used (http.client).

import http.client
import random
import time
import urllib.parse
import uuid
from typing import NamedTuple

# {{task-runner}}

RETRY_STATUSES = {429, 500, 502, 503, 504}  # worth another attempt; every other status is final
# A refused or reset connection, a timeout (socket.timeout is an OSError), a connection closed
# before the answer (http.client.RemoteDisconnected).
TRANSPORT_ERRORS = (OSError, http.client.HTTPException)


class Response(NamedTuple):
    status: int
    headers: dict  # names in lowercase
    body: bytes


class RetriesExhausted(Exception):
    """Every attempt failed with something retryable; `last` is the final Response or exception."""

    def __init__(self, attempts, last):
        super().__init__(f"gave up after {attempts} attempts, last: {last!r}")
        self.attempts = attempts
        self.last = last


# TODO 5: send_once() waits forever for a server that accepts the connection and never
#         answers. Give every attempt its own time limit: http.client takes `timeout`.
def send_once(method, url, body=None, headers=None, timeout=None):
    """One HTTP exchange and nothing more: no retries. Raises TRANSPORT_ERRORS on failure."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    try:
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, body=body, headers=headers or {})
        answer = connection.getresponse()
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read())
    finally:
        connection.close()


# TODO 1: backoff_delay(retry, base_delay, max_delay, rand) is the wait before retry number
#         `retry` (1 for the first retry): base_delay doubled for each retry after the first,
#         never above max_delay, then multiplied by rand() ("full jitter": a random point
#         between 0 and that cap, so clients that failed together do not retry together).
def backoff_delay(retry, base_delay, max_delay, rand):
    raise NotImplementedError


# TODO 4: retry_after(response) returns the seconds a 429 or 503 response asks the client to
#         wait in its Retry-After header (a whole number of seconds), or None when it has none
#         or it cannot be read. (An HTTP date is allowed there too: a bonus.)
def retry_after(response):
    raise NotImplementedError


# TODO 2: request() sends with send_once() and returns the Response when it is final: any
#         status not in RETRY_STATUSES (2xx, 3xx, 4xx). A 4xx is the caller's mistake:
#         sending it again cannot help, so it is returned after one attempt.
# TODO 3: a status in RETRY_STATUSES or an exception in TRANSPORT_ERRORS is retried, up to
#         max_attempts attempts in all, with sleep(backoff_delay(retry, ...)) in between.
#         When the attempts run out, raise RetriesExhausted(attempts, last response or error).
# TODO 4 (also): a 429 or 503 with Retry-After waits exactly that long instead of the backoff;
#         when it asks for more than max_delay, return that response at once, without waiting.
# TODO 6: a POST is not idempotent: a retry after a lost answer would charge twice. Send an
#         Idempotency-Key header (uuid4) with it, the SAME key on every attempt of this call
#         and a new one for the next call; keep a key the caller passed in `headers`.
def request(method, url, body=None, headers=None, *, timeout=2.0, max_attempts=4,
            base_delay=0.2, max_delay=5.0, sleep=time.sleep, rand=random.random):
    return send_once(method, url, body, headers)  # one attempt, for now

# {{checks}}
