# Django Interview Prep: Celery retries and idempotent tasks
# Topic: Celery  (Django Prep: Open Topic shows the explanation)
# Run it: python3 celery_retries.py     Each numbered task below prints ✓ when it passes.
#
# charge_payment(payment_id) charges a payment through a flaky gateway. Make it retry only
# transient GatewayTimeout errors (autoretry_for, retry_backoff, max_retries=3), record a
# declined card without retrying, never charge the same payment twice, and enqueue it with
# the payment's id. Eager mode runs tasks in-process (no broker or worker needed) but still
# serialises the arguments to JSON and runs each retry, so the checks see real behaviour.

# {{task-runner}}

import importlib.util as _importlib_util

if _importlib_util.find_spec("celery") is None:
    print("This exercise needs Celery. Install it for this Python with:\n"
          "    python3 -m pip install celery\n"
          "or, on Debian/Ubuntu: sudo apt install python3-celery")
    raise SystemExit(3)

import logging
from dataclasses import dataclass

from celery import Celery

logging.getLogger("celery").setLevel(logging.CRITICAL)  # keep the output to the task list

app = Celery("practice", broker="memory://", backend="cache+memory://")
app.conf.update(
    task_always_eager=True,      # tests/demos only: run in-process, no worker
    task_eager_propagates=False,  # keep False: True makes eager retries raise Retry at once
    task_serializer="json",      # the default: arguments must be JSON-friendly
)


class GatewayTimeout(Exception):
    """Transient: the payment provider did not answer in time. Worth retrying."""


class CardDeclined(Exception):
    """Permanent: retrying will not help."""


@dataclass
class Payment:
    id: int
    amount: int  # cents
    status: str = "pending"  # "pending", "paid" or "declined"


PAYMENTS = {}  # id -> Payment: stands in for the payments table


class FakeGateway:
    """A payment provider that fails on demand and records every call."""

    def __init__(self):
        self.calls = []    # payment ids, one entry per attempt
        self.charged = []  # (payment id, amount) for every successful charge
        self._failures = {}

    def fail_next(self, payment_id, times, error=GatewayTimeout):
        self._failures[payment_id] = [error] * times

    def charge(self, payment_id, amount):
        self.calls.append(payment_id)
        pending = self._failures.get(payment_id)
        if pending:
            raise pending.pop(0)(f"gateway error for payment {payment_id}")
        self.charged.append((payment_id, amount))
        return f"ch_{payment_id}"


gateway = FakeGateway()


# TODO 1: Retry GatewayTimeout automatically: autoretry_for, retry_backoff=True and
#         max_retries=3 (so at most 4 attempts). Other exceptions must not be retried.
# TODO 2: Implement the body: load the payment from PAYMENTS by id, charge it with
#         gateway.charge(payment.id, payment.amount), set status "paid" and return "paid".
#         Idempotent: a payment that is already "paid" is not charged again; return
#         "already paid". On CardDeclined set status "declined" and return "declined".
@app.task(bind=True)
def charge_payment(self, payment_id):
    raise NotImplementedError  # TODO 2


# TODO 3: The checkout code holds a Payment object. Enqueue charge_payment for it with
#         .delay() and return the AsyncResult. (Hint: what can a JSON message carry?)
def enqueue_charge(payment):
    raise NotImplementedError  # TODO 3


# ---- Checks (do not edit) ----------------------------------------------------
from celery.signals import task_retry
from kombu.exceptions import EncodeError


def _new_payment(amount):
    payment = Payment(id=len(PAYMENTS) + 1, amount=amount)
    PAYMENTS[payment.id] = payment
    return payment


def _attempts(payment_id):
    return gateway.calls.count(payment_id)


@task(1, "two timeouts, then success: 3 attempts, charged exactly once")
def check_succeeds_after_retries():
    payment = _new_payment(1500)
    gateway.fail_next(payment.id, 2)
    result = charge_payment.delay(payment.id)
    assert result.get() == "paid", f"expected the result 'paid', got {result.get()!r}"
    assert _attempts(payment.id) == 3, f"expected 3 gateway attempts (2 timeouts + 1 success), got {_attempts(payment.id)}"
    assert gateway.charged.count((payment.id, 1500)) == 1, "the payment should be charged exactly once"
    assert payment.status == "paid", f"expected status 'paid', got {payment.status!r}"


@task(2, "retries use exponential backoff, not the fixed 3-minute default delay")
def check_backoff():
    payment = _new_payment(700)
    gateway.fail_next(payment.id, 3)
    countdowns = []

    def record(sender=None, reason=None, **kwargs):
        if getattr(sender, "name", None) == charge_payment.name:
            countdowns.append(reason.when)

    task_retry.connect(record, weak=False)
    try:
        charge_payment.delay(payment.id).get()
    finally:
        task_retry.disconnect(record)
    assert len(countdowns) == 3, f"expected 3 retries to be scheduled, saw {len(countdowns)}"
    factor = int(getattr(charge_payment, "retry_backoff", False))
    assert factor >= 1, f"retry_backoff is not set on the task; the retries were scheduled in {countdowns}s"
    for n, delay in enumerate(countdowns):
        assert delay is not None and delay <= factor * 2 ** n, (
            f"retry {n + 1} was scheduled in {delay}s; with retry_backoff={factor} it should be at most {factor * 2 ** n}s")


@task(3, "gives up after max_retries=3: 4 attempts, the error reaches the caller")
def check_gives_up():
    payment = _new_payment(900)
    gateway.fail_next(payment.id, 10)
    result = charge_payment.delay(payment.id)
    if isinstance(result.result, NotImplementedError):
        raise result.result
    assert result.failed(), f"expected the task to fail in the end, its state is {result.state}"
    assert isinstance(result.result, GatewayTimeout), f"expected the last GatewayTimeout as the error, got {result.result!r}"
    assert _attempts(payment.id) == 4, f"expected 4 attempts (1 + max_retries=3), got {_attempts(payment.id)}"
    assert payment.status == "pending", f"a payment that never went through should stay 'pending', got {payment.status!r}"


@task(4, "a declined card is recorded once and not retried")
def check_declined_not_retried():
    payment = _new_payment(2500)
    gateway.fail_next(payment.id, 1, error=CardDeclined)
    result = charge_payment.delay(payment.id).get()
    assert _attempts(payment.id) == 1, f"a permanent error was retried: {_attempts(payment.id)} attempts"
    assert result == "declined" and payment.status == "declined", (
        f"expected result and status 'declined', got {result!r} and {payment.status!r}")


@task(5, "idempotent: running the task again for a paid payment charges nothing")
def check_idempotent():
    payment = _new_payment(3100)
    first = charge_payment.delay(payment.id).get()
    second = charge_payment.delay(payment.id).get()
    assert (first, second) == ("paid", "already paid"), f"expected ('paid', 'already paid'), got {(first, second)!r}"
    assert gateway.charged.count((payment.id, 3100)) == 1, (
        f"the payment was charged {gateway.charged.count((payment.id, 3100))} times; a redelivered task must not charge again")


@task(6, "enqueue_charge() sends the payment id, which survives JSON serialisation")
def check_enqueue_with_id():
    payment = _new_payment(4200)
    try:
        result = enqueue_charge(payment)
    except EncodeError as error:
        raise AssertionError(f"the task message could not be serialised ({error}); send the id, not the object")
    assert result is not None and hasattr(result, "get"), f"expected the AsyncResult of .delay(), got {result!r}"
    assert result.get() == "paid" and payment.status == "paid", f"expected the payment to be paid, status is {payment.status!r}"


if __name__ == "__main__":
    run_tasks()
