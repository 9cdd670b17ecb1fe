# Django Interview Prep: Exceptions: Hierarchy, else/finally and Chaining
# Topic: Exceptions (try / except)  (Django Prep: Open Topic shows the explanation)
# Run it: python3 exceptions_practice.py     Each numbered task below prints ✓ when it passes.
#
# A small payment module. Build a domain exception hierarchy, use try/except/else/finally
# so cleanup always runs and commit happens only on success, translate low-level errors
# with `raise ... from err`, and prefer EAFP (try it, handle the failure) to check-then-act.
# Replace each `raise NotImplementedError`. The checks call your code with successes and
# failures, then inspect results, exception types, `__cause__` and what ran in which order.

import json

# {{task-runner}}


class PaymentError(Exception):
    """Base class of this domain (given): `except PaymentError` catches every payment problem."""


class GatewayError(PaymentError):
    """The payment provider sent a reply we cannot use (given)."""


# TODO 1: Make CardDeclined and InsufficientFunds subclasses of PaymentError.
#   CardDeclined(code): keep `.code`; str(error) == "card declined: <code>".
#   InsufficientFunds(balance, amount): keep `.balance` and `.amount`, expose `.shortfall`
#   (amount - balance); str(error) == "insufficient funds: short by <shortfall>".
#   Hint: call super().__init__(message) so str() and tracebacks show the message.
class CardDeclined(PaymentError):
    def __init__(self, code):
        super().__init__(f"card declined: {code}")
        self.code = code


class InsufficientFunds(PaymentError):
    def __init__(self, balance, amount):
        super().__init__(f"insufficient funds: short by {amount - balance}")
        self.balance = balance
        self.amount = amount

    @property
    def shortfall(self):
        return self.amount - self.balance


class FakeConnection:
    """A stand-in for a database connection (given): it records every call in `.log`."""

    def __init__(self, fail_on_commit=False):
        self.log = []
        self.fail_on_commit = fail_on_commit

    def begin(self):
        self.log.append("begin")

    def commit(self):
        self.log.append("commit")
        if self.fail_on_commit:
            raise ConnectionError("connection lost during commit")

    def rollback(self):
        self.log.append("rollback")

    def close(self):
        self.log.append("close")


# TODO 2: run_in_transaction(conn, work): call conn.begin(), then work(), and
#   - if work() raises: conn.rollback(), then re-raise the SAME exception (a bare `raise`);
#   - only if work() succeeded: conn.commit() and return work()'s result (use `else:`, so an
#     error raised by commit() itself is not mistaken for a failure of work());
#   - in every case, last of all: conn.close() (use `finally:`).
def run_in_transaction(conn, work):
    conn.begin()
    try:
        result = work()
    except Exception:
        conn.rollback()
        raise
    else:
        conn.commit()
        return result
    finally:
        conn.close()


# TODO 3: parse_gateway_reply(body) turns the provider's JSON reply, for example
#   '{"status": "succeeded", "id": "ch_1"}', into the tuple (status, charge_id).
#   - invalid JSON (json.JSONDecodeError) -> raise GatewayError("invalid JSON from gateway")
#   - a missing "status" or "id" key (KeyError) -> raise GatewayError("missing field: <key>")
#   Chain explicitly with `raise GatewayError(...) from err`: the checks read `__cause__`.
def parse_gateway_reply(body):
    try:
        data = json.loads(body)
    except json.JSONDecodeError as err:
        raise GatewayError("invalid JSON from gateway") from err
    try:
        return data["status"], data["id"]
    except KeyError as err:
        raise GatewayError(f"missing field: {err.args[0]}") from err


# TODO 4: cached_price(cache, sku, compute) returns cache[sku]; on a miss it calls
#   compute(sku), stores the result in the cache and returns it.
#   Ask forgiveness (EAFP): read `cache[sku]` inside try and handle KeyError. Do not test
#   `sku in cache` first: an entry can expire between the check and the read (the checks
#   use such a cache, like Redis or memcached with a TTL), and it costs two look-ups.
def cached_price(cache, sku, compute):
    try:
        return cache[sku]
    except KeyError:
        price = compute(sku)
        cache[sku] = price
        return price


# TODO 5: charge_all(orders, charge) calls charge(order) for every order and returns
#   {order["id"]: outcome} where outcome is "ok" when charge() returned normally,
#   "declined:<code>" for CardDeclined and "failed:<message>" for any other PaymentError.
#   Anything else (a bug such as TypeError) must propagate. Mind the order of the except
#   clauses: the first one that matches wins, and a base class matches its subclasses.
def charge_all(orders, charge):
    outcomes = {}
    for order in orders:
        try:
            charge(order)
        except CardDeclined as err:
            outcomes[order["id"]] = f"declined:{err.code}"
        except PaymentError as err:
            outcomes[order["id"]] = f"failed:{err}"
        else:
            outcomes[order["id"]] = "ok"
    return outcomes

# {{checks}}
