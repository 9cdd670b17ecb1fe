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
