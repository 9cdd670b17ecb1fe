# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

from django.db import connection
from django.test.utils import CaptureQueriesContext

_TABLE = Wallet._meta.db_table


def _wallet(owner, balance):
    return Wallet.objects.create(owner=owner, balance=balance)


def _balance(wallet):
    return Wallet.objects.get(pk=wallet.pk).balance


def _race(first, second):
    """first() touches the wallet and waits; second() runs until it returns or waits for a lock;
    then first() carries on (see run_interleaved in the services region)."""
    seen = run_interleaved(first, second, pause_after=_TABLE)
    for who, error in zip(("first", "second"), seen.errors):
        if error is not None:
            raise AssertionError(f"the {who} of the two calls raised {type(error).__name__}: {error}") from error
    assert not any(seen.stuck), "the two calls did not finish within 15 s: is one waiting for a lock that is never released?"
    return seen


def _statements(queries):
    return [q["sql"] for q in queries.captured_queries if _TABLE in q["sql"]]


@task(1, "one call at a time: deposits add up and withdraw() refuses an overdraft")
def check_one_at_a_time():
    wallet = _wallet("t1", 100)
    got = deposit_locked(wallet.pk, 10)
    assert got == 110 and _balance(wallet) == 110, \
        f"deposit_locked(wallet, 10) on a balance of 100 should store and return 110, got {got!r} (stored {_balance(wallet)})"
    deposit_f(wallet.pk, 5)
    assert _balance(wallet) == 115, f"deposit_f(wallet, 5) on 110 should leave 115, found {_balance(wallet)}"
    assert withdraw(wallet.pk, 100) is True and _balance(wallet) == 15, \
        f"withdraw(wallet, 100) from 115 should return True and leave 15, found {_balance(wallet)}"
    assert withdraw(wallet.pk, 16) is False and _balance(wallet) == 15, \
        f"withdraw(wallet, 16) from 15 should return False and change nothing, found {_balance(wallet)}"


@task(2, "deposit_locked(): two deposits at the same moment both count")
@needs("postgresql")
def check_locked_deposits_add_up():
    wallet = _wallet("t2", 100)
    seen = _race(lambda: deposit_locked(wallet.pk, 10), lambda: deposit_locked(wallet.pk, 5))
    got = _balance(wallet)
    assert got == 115, (
        f"100 + 10 + 5 should be 115, but the wallet holds {got}: one call read the balance before the other "
        f"had committed its new one, and its write replaced it (a lost update). Lock the row while you read it.")
    assert sorted(seen.results) == [110, 115], \
        f"each call returns the balance it stored: expected 110 and 115, got {seen.results}"


@task(3, "deposit_locked(): the second deposit waits for the first one's row lock")
@needs("postgresql")
def check_second_deposit_waits():
    wallet = _wallet("t3", 100)
    seen = _race(lambda: deposit_locked(wallet.pk, 10), lambda: deposit_locked(wallet.pk, 5))
    first = " ".join((seen.paused_sql or "").split())
    assert first.upper().startswith("SELECT") and "FOR UPDATE" in first.upper(), (
        f"the first statement deposit_locked() sends for the wallet should be a SELECT ... FOR UPDATE, "
        f"but it was: {first[:160] or 'none'}")
    assert seen.waited_on_lock, "the second call never had to wait for a lock while the first held the wallet row"
    transactions = [txid for _, txid in seen.statements]
    assert len(transactions) >= 2 and None not in transactions and len(set(transactions)) == 1, (
        f"the locked read and the write must run in one transaction, so that the row stays locked until the "
        f"new balance is committed; the first call's {len(transactions)} statements on the wallet ran in "
        f"{len(set(transactions))} transaction(s){' (some in autocommit)' if None in transactions else ''}. "
        f"Keep get(), the change and save() inside one transaction.atomic() block.")
    assert _balance(wallet) == 115, f"expected 115 after both deposits, found {_balance(wallet)}"


@task(4, "deposit_f(): a single UPDATE with F(), and two at once both count")
@needs("postgresql")
def check_f_deposit():
    wallet = _wallet("t4", 100)
    with CaptureQueriesContext(connection) as queries:
        deposit_f(wallet.pk, 7)
    sent = _statements(queries)
    assert len(sent) == 1 and sent[0].lstrip().upper().startswith("UPDATE"), (
        f"deposit_f() should send exactly one UPDATE for the wallet and no SELECT, "
        f"but sent {len(sent)} statement(s): {[s[:70] for s in sent]}")
    assert _balance(wallet) == 107, f"deposit_f(wallet, 7) on 100 should leave 107, found {_balance(wallet)}"
    _race(lambda: deposit_f(wallet.pk, 10), lambda: deposit_f(wallet.pk, 5))
    got = _balance(wallet)
    assert got == 122, f"107 + 10 + 5 should be 122 after two deposits at once, but the wallet holds {got}"


@task(5, "withdraw(): two withdrawals at once never spend the same money twice")
@needs("postgresql")
def check_withdraw_race():
    wallet = _wallet("t5", 100)
    seen = _race(lambda: withdraw(wallet.pk, 70), lambda: withdraw(wallet.pk, 70))
    got = _balance(wallet)
    if seen.results == [True, True]:
        raise AssertionError(
            f"100 covers one withdrawal of 70, yet both calls returned True and {got} is left: each checked "
            f"a balance of 100 before the other had written, so 70 was handed out twice")
    assert sorted(seen.results) == [False, True] and got == 30, \
        f"expected one True, one False and 30 left; got {seen.results} and {got} left"


if __name__ == "__main__":
    run_tasks()
