def whoami(request):
    return JsonResponse({"request_id": getattr(request, "request_id", None),
                         "user": None if not hasattr(request, "user") else request.user.is_authenticated})


def sleepy(request):
    time.sleep(0.06)
    return JsonResponse({"request_id": getattr(request, "request_id", None)})


def checkout(request):
    raise RuntimeError("payment service unreachable")


_entered, _release = threading.Event(), threading.Event()


def held(request):
    """Waits until the check lets it go, so a second request runs while this one is inside."""
    _entered.set()
    _release.wait(5)
    return JsonResponse({"request_id": getattr(request, "request_id", None)})


urlpatterns = [path("whoami/", whoami), path("sleepy/", sleepy), path("checkout/", checkout), path("held/", held)]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the expected 500 stays quiet; task 4 reports it
_DJANGO_DEFAULTS = list(settings.MIDDLEWARE)
_CHAIN = [f"{__name__}.RequestIdMiddleware", f"{__name__}.TimingMiddleware", *_DJANGO_DEFAULTS]


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def _send(url, middleware=_CHAIN, headers=None, client_options=None, **overrides):
    """One GET through a fresh Client (its handler builds the chain from MIDDLEWARE) and the log records it left."""
    capture = _Records()
    old_level = logger.level
    logger.addHandler(capture)
    logger.setLevel(logging.DEBUG)
    try:
        with override_settings(MIDDLEWARE=middleware, **overrides):
            response = Client(raise_request_exception=False, **(client_options or {})).get(url, **(headers or {}))
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old_level)
    return response, capture.records


def _request_id(response, what):
    assert response.has_header("X-Request-ID"), f"{what}: the response has no X-Request-ID header (status {response.status_code})"
    return response["X-Request-ID"]


def _duration(response, what):
    value = response.get("Server-Timing", "")
    match = re.fullmatch(r"app;dur=(\d+(?:\.\d+)?)", value.strip())
    assert match, f'{what}: expected a header "Server-Timing: app;dur=<milliseconds>", got {value!r}'
    return float(match.group(1))


@task(1, "every response gets a new X-Request-ID, the same one the view saw")
def check_new_request_id():
    seen = set()
    for _ in range(3):
        response, _ = _send("/whoami/")
        rid = _request_id(response, "GET /whoami/")
        assert response.json()["request_id"] == rid, (
            f"the view saw request.request_id {response.json()['request_id']!r} but the header says {rid!r}: "
            f"set request.request_id before calling get_response, and send the same value back")
        assert VALID_REQUEST_ID.fullmatch(rid), f"a generated id should itself be a valid id (uuid4().hex), got {rid!r}"
        seen.add(rid)
    assert len(seen) == 3, f"three requests got ids {sorted(seen)}: each request needs its own new id"


@task(2, "a valid incoming X-Request-ID is reused, anything else is replaced")
def check_incoming_request_id():
    for good in ("a1b2c3d4", "req_2024.06-01_abcdef", "x" * 64):
        response, _ = _send("/whoami/", headers={"HTTP_X_REQUEST_ID": good})
        rid = _request_id(response, f"GET /whoami/ with X-Request-ID {good!r}")
        assert rid == good and response.json()["request_id"] == good, \
            f"the caller sent the valid id {good!r}; expected it reused on request and response, got {rid!r}"
    for bad in ("", "short", "x" * 65, "has spaces in it", "abcdefgh\n", "abcdefgh\r\nSet-Cookie: x=1", "<script>1234"):
        response, _ = _send("/whoami/", headers={"HTTP_X_REQUEST_ID": bad})
        assert response.status_code == 200, (
            f"X-Request-ID {bad!r} made the request fail with {response.status_code}: it was reused although it is "
            f"not 8-64 of [A-Za-z0-9._-] (Django refuses line breaks in a header; use fullmatch, since $ also "
            f"matches before a trailing newline)")
        rid = _request_id(response, f"GET /whoami/ with X-Request-ID {bad!r}")
        assert rid != bad and VALID_REQUEST_ID.fullmatch(rid), \
            f"the caller sent X-Request-ID {bad!r}, which is not 8-64 of [A-Za-z0-9._-]; expected a fresh id, got {rid!r}"


@task(3, "Server-Timing: app;dur=<ms> covers the view, and one access-log record per request")
def check_timing():
    response, records = _send("/sleepy/")
    dur = _duration(response, "GET /sleepy/")
    assert 60 <= dur < 5000, (
        f"the view sleeps 60 ms, so dur should be at least 60 (milliseconds, not seconds), got {dur}")
    access = [r for r in records if r.levelno == logging.INFO]
    assert len(access) == 1, f"expected exactly one INFO record on logger 'practice.requests', got {len(access)}"
    record = access[0]
    for key in ("request_id", "status_code", "duration_ms"):
        assert hasattr(record, key), f'the access-log record lacks "{key}": pass extra={{"{key}": ...}} to logger.info'
    assert record.request_id == response.get("X-Request-ID"), \
        f"the access-log record says request_id {record.request_id!r}, the response {response.get('X-Request-ID')!r}"
    assert record.status_code == 200, f"the access-log record says status_code {record.status_code!r}, expected 200"
    assert abs(float(record.duration_ms) - dur) < 1, f"the log says {record.duration_ms} ms, the header {dur} ms: log the same measurement"


@task(4, "a view that raises: 500 with both headers, logged with its request id, not swallowed")
def check_exception():
    signalled = []

    def receiver(sender, request=None, **kwargs):
        signalled.append(request)

    got_request_exception.connect(receiver)
    try:
        response, records = _send("/checkout/", headers={"HTTP_X_REQUEST_ID": "order-checkout-42"}, DEBUG=False)
    finally:
        got_request_exception.disconnect(receiver)
    assert response.status_code == 500, (
        f"the view raised RuntimeError, so the answer should be Django's 500, got {response.status_code}: "
        f"process_exception must return None, not a response of its own")
    assert _request_id(response, "the 500 response") == "order-checkout-42", \
        f"the 500 response should carry the caller's id 'order-checkout-42', got {response['X-Request-ID']!r}"
    _duration(response, "the 500 response")
    errors = [r for r in records if r.levelno >= logging.ERROR]
    assert errors, "no ERROR record on logger 'practice.requests': log the exception in process_exception"
    assert getattr(errors[0], "request_id", None) == "order-checkout-42", \
        f'the ERROR record should carry request_id "order-checkout-42" (extra=...), got {getattr(errors[0], "request_id", None)!r}'
    assert errors[0].exc_info and errors[0].exc_info[0] is RuntimeError, \
        "the ERROR record has no traceback: use logger.exception(...) or exc_info=True"
    assert signalled, "got_request_exception was not sent: a response returned from process_exception hides the error from Django"


@task(5, "MIDDLEWARE: both headers even on responses Django's middleware answer early")
def check_order():
    mine = {f"{__name__}.RequestIdMiddleware", f"{__name__}.TimingMiddleware"}
    kept = [m for m in MIDDLEWARE if m not in mine]
    assert kept == _DJANGO_DEFAULTS, f"keep Django's middleware, in their order: expected {_DJANGO_DEFAULTS}, got {kept}"
    assert mine <= set(MIDDLEWARE), f"MIDDLEWARE should include {sorted(mine)}"
    cases = [
        ("a plain request", {}, {}, 200),
        ("an http:// request SecurityMiddleware redirects (SECURE_SSL_REDIRECT)", {}, {"SECURE_SSL_REDIRECT": True}, 301),
        ("a forbidden user agent CommonMiddleware refuses", {"HTTP_USER_AGENT": "BadBot/1.0"},
         {"DISALLOWED_USER_AGENTS": [re.compile("BadBot")]}, 403),
    ]
    for what, headers, overrides, status in cases:
        response, _ = _send("/whoami/", middleware=MIDDLEWARE, headers=headers, **overrides)
        assert response.status_code == status, f"{what}: expected status {status}, got {response.status_code}"
        assert response.has_header("X-Request-ID") and response.has_header("Server-Timing"), (
            f"{what}: the {status} response lacks X-Request-ID or Server-Timing; a middleware that answers early "
            f"skips every layer below it, so yours must come before it in MIDDLEWARE")
    response, _ = _send("/whoami/", middleware=MIDDLEWARE)
    assert response.json()["user"] is False, "request.user is missing: keep AuthenticationMiddleware after SessionMiddleware"


@task(6, "two requests at once keep their own id and their own timing")
def check_concurrency():
    _entered.clear()
    _release.clear()
    client = Client(raise_request_exception=False)
    results = {}
    with override_settings(MIDDLEWARE=_CHAIN):
        client.get("/whoami/")  # builds the chain once; both requests below share its instances

        def slow():
            results["slow"] = client.get("/held/", HTTP_X_REQUEST_ID="slow-request-0001")

        worker = threading.Thread(target=slow)
        worker.start()
        try:
            assert _entered.wait(5), "the first request never reached its view"
            time.sleep(0.3)
            fast = client.get("/whoami/", HTTP_X_REQUEST_ID="fast-request-0002")
        finally:
            _release.set()
            worker.join(10)
    slow_response = results.get("slow")
    assert slow_response is not None, "the first request did not finish"
    assert _request_id(fast, "the second request") == "fast-request-0002", \
        f"the second request got id {fast['X-Request-ID']!r} instead of 'fast-request-0002'"
    assert _request_id(slow_response, "the first request") == "slow-request-0001" and \
        slow_response.json()["request_id"] == "slow-request-0001", (
            f"the first request came back with id {slow_response['X-Request-ID']!r}: a second request changed it "
            f"while it was running; keep it on request, not on self")
    dur = _duration(slow_response, "the first request")
    assert dur >= 300, (
        f"the first request ran for over 300 ms but Server-Timing says {dur} ms: the second request reset its "
        f"start time; keep the start in a local variable, not on self")


if __name__ == "__main__":
    run_tasks()
