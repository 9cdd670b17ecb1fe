# Django Interview Prep: Middleware for request ids and timing
# Topic: Request Lifecycle and Middleware  (Django Prep: Open Topic shows the explanation)
# Run it: python3 request_middleware.py     Each numbered task below prints ✓ when it passes.
#
# Two small middleware every production service ends up with. RequestIdMiddleware gives each
# request an id (the caller's X-Request-ID when it is safe to reuse, else a new one), puts it on
# request.request_id and in the response, and logs crashes with it. TimingMiddleware measures
# the whole request and reports it in a Server-Timing header and an access-log record. The
# checks send real requests with django.test.Client through the real MIDDLEWARE chain, with
# Django's own middleware around yours, including a view that raises and two requests at once.

# {{django-setup}}

import logging
import re
import threading
import time
import uuid

from django.conf import settings
from django.core.signals import got_request_exception
from django.http import JsonResponse
from django.test import Client, override_settings
from django.urls import path

logger = logging.getLogger("practice.requests")

# An incoming id is reused only when it is 8-64 characters of letters, digits, ".", "_" or "-":
# anything else (spaces, line breaks, a megabyte of text) would end up in your logs and headers.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


# ---- Your code ---------------------------------------------------------------

class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response  # once, at start-up: the next layer (middleware or view)

    def __call__(self, request):  # once per request, possibly in many threads at the same time
        # TODO 1: set request.request_id to a new uuid4().hex, and after the inner layers have
        #   answered, copy it into the response's "X-Request-ID" header.
        # TODO 2: reuse the caller's X-Request-ID header (request.headers) instead when the whole
        #   value matches VALID_REQUEST_ID; replace anything else with a fresh id.
        # TODO 6: keep per-request values on `request` (or in local variables), never on `self`:
        #   one instance serves every request.
        incoming = request.headers.get("X-Request-ID", "")
        # fullmatch, not match(...$): "$" also matches before a trailing newline.
        request.request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        return response

    # TODO 4: process_exception(self, request, exception) runs when the view raises. Log the error
    #   on `logger` at ERROR level with the traceback (logger.exception does both) and
    #   extra={"request_id": ...}, then return None so Django still makes its 500 response.
    def process_exception(self, request, exception):
        logger.exception("unhandled %s on %s %s", type(exception).__name__, request.method, request.path,
                         extra={"request_id": request.request_id})
        return None  # a response here would hide the error from Django, Sentry and got_request_exception


class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # TODO 3: time the inner layers with time.perf_counter(), then add the header
        #   "Server-Timing: app;dur=<milliseconds>" (e.g. app;dur=12.5) and log one INFO record on
        #   `logger` with extra={"request_id": ..., "status_code": ..., "duration_ms": ...}.
        start = time.perf_counter()  # monotonic: time.time() jumps when the clock is adjusted
        response = self.get_response(request)
        duration_ms = (time.perf_counter() - start) * 1000
        response["Server-Timing"] = f"app;dur={duration_ms:.1f}"
        logger.info("%s %s %s %.1fms", request.method, request.path, response.status_code, duration_ms,
                    extra={"request_id": getattr(request, "request_id", None),
                           "status_code": response.status_code, "duration_ms": duration_ms})
        return response


# TODO 5: put both classes into the real chain. This file runs as __main__, so their dotted paths
#   are f"{__name__}.RequestIdMiddleware" and f"{__name__}.TimingMiddleware". Every response,
#   even one a Django middleware answers without reaching the view (an HTTPS redirect, a
#   forbidden user agent), must carry both headers. Keep Django's middleware and their order.
MIDDLEWARE = [
    f"{__name__}.RequestIdMiddleware",   # outermost: sees every request and every response
    f"{__name__}.TimingMiddleware",      # measures everything below, Django's middleware included
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

# {{checks}}
