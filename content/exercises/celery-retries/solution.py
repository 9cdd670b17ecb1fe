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
@app.task(bind=True, autoretry_for=(GatewayTimeout,), retry_backoff=True,
          retry_backoff_max=600, max_retries=3)
def charge_payment(self, payment_id):
    payment = PAYMENTS[payment_id]  # load current state from the id
    if payment.status == "paid":    # a retry or redelivery after success is a no-op
        return "already paid"
    try:
        gateway.charge(payment.id, payment.amount)  # GatewayTimeout escapes: autoretry
    except CardDeclined:
        payment.status = "declined"  # permanent: record it, do not retry
        return "declined"
    payment.status = "paid"
    return "paid"


# TODO 3: The checkout code holds a Payment object. Enqueue charge_payment for it with
#         .delay() and return the AsyncResult. (Hint: what can a JSON message carry?)
def enqueue_charge(payment):
    return charge_payment.delay(payment.id)  # an int travels; a Payment does not

# {{checks}}
