# ---- Checks (do not edit) ------------------------------------------------------


@task(1, "Transaction: `as` gives the store, changes are kept on success")
def check_transaction_commits():
    stock = {"apple": 5, "pear": 2}
    with Transaction(stock) as data:
        assert data is stock, f"__enter__ must return the store itself, `as` received {data!r}"
        data["apple"] -= 1
        data["plum"] = 9
    want = {"apple": 4, "pear": 2, "plum": 9}
    assert stock == want, f"a block that succeeds keeps its changes: expected {want!r}, got {stock!r}"


@task(2, "Transaction: an exception restores the store in place and propagates")
def check_transaction_restores():
    stock = {"apple": 5, "basket": ["apple"]}
    same_dict = stock
    failure = ValueError("payment failed")
    try:
        with Transaction(stock) as data:
            data["apple"] = 0
            data["basket"].append("pear")
            data["kiwi"] = 3
            raise failure
    except ValueError as error:
        assert error is failure, "the original exception should propagate unchanged"
    else:
        raise AssertionError("the ValueError was swallowed: only Rollback may be suppressed")
    assert stock is same_dict, "the store must be restored in place, it is the same dict object"
    want = {"apple": 5, "basket": ["apple"]}
    assert stock == want, (
        f"after the exception expected {want!r}, got {stock!r} "
        "(a shallow copy shares the list: take the snapshot with copy.deepcopy)")


@task(3, "Transaction: Rollback is suppressed, other exceptions are not")
def check_transaction_rollback():
    stock = {"apple": 5}
    try:
        with Transaction(stock) as data:
            data["apple"] = 100
            raise Rollback()
    except Rollback:
        raise AssertionError("Rollback escaped the with block: __exit__ should return True for it")
    assert stock == {"apple": 5}, f"after Rollback expected {{'apple': 5}}, got {stock!r}"

    class DryRun(Rollback):
        pass

    try:
        with Transaction(stock) as data:
            data["pear"] = 1
            raise DryRun()
    except Rollback:
        raise AssertionError("a subclass of Rollback escaped: use issubclass(exc_type, Rollback)")
    assert stock == {"apple": 5}, f"after DryRun (a Rollback subclass) expected {{'apple': 5}}, got {stock!r}"

    try:
        with Transaction(stock) as data:
            data["apple"] = 0
            raise KeyError("pear")
    except KeyError:
        pass
    else:
        raise AssertionError("the KeyError was swallowed: suppress Rollback only")
    assert stock == {"apple": 5}, f"after the KeyError expected {{'apple': 5}}, got {stock!r}"


@task(4, "override sets attributes for the block, then restores or deletes them")
def check_override():
    settings = Settings(DEBUG=False, PAGE_SIZE=20)
    with override(settings, DEBUG=True, CACHE_TTL=0) as overridden:
        assert overridden is settings, "override() should yield the object it changes"
        got = (settings.DEBUG, getattr(settings, "CACHE_TTL", None), settings.PAGE_SIZE)
        assert got == (True, 0, 20), f"inside the block expected (DEBUG, CACHE_TTL, PAGE_SIZE) == (True, 0, 20), got {got!r}"
    assert settings.DEBUG is False, f"DEBUG should be False again after the block, got {settings.DEBUG!r}"
    assert not hasattr(settings, "CACHE_TTL"), "CACHE_TTL did not exist before the block, so it must be deleted afterwards"
    assert settings.PAGE_SIZE == 20, f"untouched attributes stay as they are, PAGE_SIZE is {settings.PAGE_SIZE!r}"


@task(5, "override restores after an exception, also when nested, and never swallows it")
def check_override_exception():
    settings = Settings(DEBUG=False, TIME_ZONE="UTC")
    with override(settings, DEBUG=True):
        with override(settings, DEBUG="inner", TIME_ZONE="Europe/Berlin"):
            assert (settings.DEBUG, settings.TIME_ZONE) == ("inner", "Europe/Berlin")
        assert (settings.DEBUG, settings.TIME_ZONE) == (True, "UTC"), \
            f"leaving the inner block should restore the outer values (True, 'UTC'), got {(settings.DEBUG, settings.TIME_ZONE)!r}"

    try:
        with override(settings, DEBUG=True):
            with override(settings, DEBUG="inner", TIME_ZONE="Europe/Berlin"):
                raise RuntimeError("test failed")
    except RuntimeError:
        pass
    else:
        raise AssertionError("the RuntimeError was swallowed: do not catch it in override(), use try/finally")
    got = (settings.DEBUG, settings.TIME_ZONE)
    assert got == (False, "UTC"), \
        f"after the exception expected (DEBUG, TIME_ZONE) == (False, 'UTC'), got {got!r}: restore in `finally:`"


if __name__ == "__main__":
    run_tasks()
