# ---- Checks (do not edit) ------------------------------------------------------

@task(1, "CardDeclined and InsufficientFunds: a hierarchy with useful attributes")
def check_hierarchy():
    declined = CardDeclined("expired_card")
    assert isinstance(declined, PaymentError), \
        "CardDeclined should subclass PaymentError, so `except PaymentError` catches it"
    assert getattr(declined, "code", None) == "expired_card", \
        f"expected .code == 'expired_card', got {getattr(declined, 'code', None)!r}"
    assert str(declined) == "card declined: expired_card", \
        f"expected str(error) == 'card declined: expired_card', got {str(declined)!r}"

    short = InsufficientFunds(balance=30, amount=45)
    assert isinstance(short, PaymentError), "InsufficientFunds should subclass PaymentError"
    assert not isinstance(short, CardDeclined), "the two errors should be siblings, not parent and child"
    got = (getattr(short, "balance", None), getattr(short, "amount", None), getattr(short, "shortfall", None))
    assert got == (30, 45, 15), f"expected (balance, amount, shortfall) == (30, 45, 15), got {got!r}"
    assert str(short) == "insufficient funds: short by 15", \
        f"expected str(error) == 'insufficient funds: short by 15', got {str(short)!r}"


@task(2, "try/except/else/finally: commit only on success, roll back on failure, always close")
def check_transaction():
    conn = FakeConnection()
    got = run_in_transaction(conn, lambda: "saved")
    assert got == "saved", f"expected work()'s result 'saved' to be returned, got {got!r}"
    assert conn.log == ["begin", "commit", "close"], \
        f"on success expected ['begin', 'commit', 'close'], got {conn.log!r}"

    conn = FakeConnection()
    boom = ValueError("bad row")

    def failing_work():
        raise boom

    try:
        run_in_transaction(conn, failing_work)
    except ValueError as err:
        assert err is boom, "re-raise the original exception with a bare `raise`, do not create a new one"
    else:
        raise AssertionError("the ValueError raised by work() was swallowed; re-raise it after rolling back")
    assert conn.log == ["begin", "rollback", "close"], \
        f"when work() fails expected ['begin', 'rollback', 'close'], got {conn.log!r}"

    conn = FakeConnection(fail_on_commit=True)
    try:
        run_in_transaction(conn, lambda: "saved")
    except ConnectionError:
        pass
    else:
        raise AssertionError("the ConnectionError raised by commit() should propagate")
    assert conn.log == ["begin", "commit", "close"], (
        "commit() itself failed: expected ['begin', 'commit', 'close'] (no rollback, because work() "
        f"succeeded; commit belongs in `else:`, close in `finally:`), got {conn.log!r}")


@task(3, "raise GatewayError(...) from err keeps the original error as __cause__")
def check_chaining():
    got = parse_gateway_reply('{"status": "succeeded", "id": "ch_42"}')
    assert got == ("succeeded", "ch_42"), f"expected ('succeeded', 'ch_42'), got {got!r}"

    cases = [
        ("<html>502 Bad Gateway</html>", json.JSONDecodeError, "invalid JSON from gateway"),
        ('{"status": "succeeded"}', KeyError, "missing field: id"),
        ('{"id": "ch_43"}', KeyError, "missing field: status"),
    ]
    for body, cause_type, message in cases:
        try:
            parse_gateway_reply(body)
        except GatewayError as err:
            assert str(err) == message, f"for {body!r} expected message {message!r}, got {str(err)!r}"
            assert isinstance(err.__cause__, cause_type), (
                f"for {body!r} expected __cause__ to be a {cause_type.__name__}, got {err.__cause__!r}; "
                "use `raise GatewayError(...) from err`")
        except Exception as err:
            raise AssertionError(f"for {body!r} expected GatewayError, got {type(err).__name__}: {err}")
        else:
            raise AssertionError(f"for {body!r} expected GatewayError, nothing was raised")


class ExpiringCache(dict):
    """A cache whose entries can expire between `key in cache` and `cache[key]`."""

    def __init__(self, fresh, just_expired):
        super().__init__(fresh)
        self.just_expired = set(just_expired)

    def __contains__(self, key):
        return super().__contains__(key) or key in self.just_expired


@task(4, "EAFP: read the cache inside try, compute on KeyError")
def check_eafp():
    computed = []

    def compute(sku):
        computed.append(sku)
        return {"SKU-1": 999, "SKU-2": 450, "SKU-3": 120}[sku]

    cache = ExpiringCache({"SKU-1": 1000}, just_expired={"SKU-2"})
    try:
        hit = cached_price(cache, "SKU-1", compute)
        expired = cached_price(cache, "SKU-2", compute)
        missing = cached_price(cache, "SKU-3", compute)
    except KeyError as err:
        raise AssertionError(
            f"KeyError {err} escaped: the entry expired between `in` and `[]`. "
            "Read it inside try and handle KeyError instead of checking first") from None
    assert hit == 1000, f"a cached entry should be returned as is: expected 1000, got {hit!r}"
    assert (expired, missing) == (450, 120), f"expected computed prices (450, 120), got {(expired, missing)!r}"
    assert computed == ["SKU-2", "SKU-3"], f"compute() should run only for misses, it ran for {computed!r}"
    assert dict(cache) == {"SKU-1": 1000, "SKU-2": 450, "SKU-3": 120}, \
        f"computed prices should be stored in the cache, the cache is {dict(cache)!r}"


@task(5, "except clauses in the right order; unexpected errors propagate")
def check_except_order():
    def charge(order):
        if order.get("error"):
            raise order["error"]

    orders = [
        {"id": 501},
        {"id": 502, "error": CardDeclined("stolen_card")},
        {"id": 503, "error": InsufficientFunds(balance=5, amount=20)},
        {"id": 504, "error": GatewayError("timeout")},
    ]
    got = charge_all(orders, charge)
    want = {501: "ok", 502: "declined:stolen_card", 503: "failed:insufficient funds: short by 15",
            504: "failed:timeout"}
    assert got == want, f"expected {want!r}, got {got!r}"

    try:
        charge_all([{"id": 505, "error": TypeError("bug in charge()")}], charge)
    except TypeError:
        pass
    else:
        raise AssertionError("a TypeError is a bug, not a payment problem: let it propagate")


if __name__ == "__main__":
    run_tasks()
