# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

from django.db import IntegrityError
from django.db.models import F


class _Psycopg2Error(Exception):
    def __init__(self, code):
        super().__init__(f"SQLSTATE {code}")
        self.pgcode = code


class _Psycopg3Error(Exception):
    def __init__(self, code):
        super().__init__(f"SQLSTATE {code}")
        self.sqlstate = code


def _as_django(kind, cause, text):
    """An error as Django raises it: its own class, the driver's exception as __cause__."""
    error = kind(text)
    error.__cause__ = cause
    return error


def _serialization_failure():
    return _as_django(OperationalError, _Psycopg2Error("40001"),
                      "could not serialize access due to read/write dependencies among transactions")


def _race(first, second, table):
    seen = run_interleaved(first, second, pause_after=table)
    for who, error in zip(("first", "second"), seen.errors):
        if error is not None:
            raise AssertionError(f"the {who} of the two calls raised {type(error).__name__}: {error}") from error
    assert not any(seen.stuck), "the two calls did not finish within 15 s: is one waiting for a lock that is never released?"
    return seen


def _report_race(prefix):
    """The report's first query runs; a deposit of 50 into the first account commits; the report carries on."""
    for i, balance in enumerate((100, 200, 300)):
        Account.objects.create(owner=f"{prefix}{i}", balance=balance)

    def deposit():
        Account.objects.filter(owner=f"{prefix}0").update(balance=F("balance") + 50)
    return _race(lambda: balance_report(prefix), deposit, Account._meta.db_table)


@task(1, "is_serialization_failure() recognises SQLSTATE 40001 from either driver, and nothing else")
def check_is_serialization_failure():
    cases = [
        ("psycopg2's serialization failure (pgcode 40001)", _serialization_failure(), True),
        ("psycopg 3's serialization failure (sqlstate 40001)",
         _as_django(OperationalError, _Psycopg3Error("40001"), "could not serialize access"), True),
        ("a unique violation (23505)", _as_django(IntegrityError, _Psycopg2Error("23505"), "duplicate key"), False),
        ("a cancelled query (57014)", _as_django(OperationalError, _Psycopg2Error("57014"), "canceling statement"), False),
        ("an OperationalError with no driver error behind it", OperationalError("connection refused"), False),
        ("a ValueError", ValueError("40001"), False),
    ]
    for what, error, expected in cases:
        got = is_serialization_failure(error)
        assert got is expected, f"is_serialization_failure() on {what} should return {expected}, got {got!r}"


@task(2, "balance_report(): the rows and the total agree while a deposit commits in between")
@needs("postgresql")
def check_report_consistent():
    seen = _report_race("t2-")
    rows, total = seen.results[0]
    assert [owner for owner, _ in rows] == ["t2-0", "t2-1", "t2-2"], f"expected the rows of t2-0, t2-1, t2-2 by owner, got {rows}"
    added = sum(balance for _, balance in rows)
    assert added == total, (
        f"the rows add up to {added} but the total says {total}: a deposit of 50 committed between your two "
        f"queries, and at READ COMMITTED each query sees what was committed before it began (a non-repeatable "
        f"read). Run both in one transaction that reads one snapshot.")


@task(3, "balance_report(): both queries read one REPEATABLE READ snapshot, taken at its first query")
@needs("postgresql")
def check_report_snapshot():
    seen = _report_race("t3-")
    assert seen.isolation in ("repeatable read", "serializable"), (
        f"balance_report()'s first query ran at {seen.isolation!r}: start a transaction with transaction.atomic() "
        f"and make SET TRANSACTION ISOLATION LEVEL REPEATABLE READ its first statement")
    rows, total = seen.results[0]
    assert rows == [("t3-0", 100), ("t3-1", 200), ("t3-2", 300)] and total == 600, (
        f"the report describes the moment of its first query, before the deposit: expected 100, 200, 300 and "
        f"a total of 600, got {rows} and {total}")
    after = balance_report("t3-")
    assert after[1] == 650, f"a report started after the deposit should see it (total 650), got {after[1]}"


@task(4, "run_serializable() retries a serialization failure in a new SERIALIZABLE transaction")
@needs("postgresql")
def check_retry_loop():
    attempts = []

    def flaky():
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('transaction_isolation'), txid_current()")
            attempts.append(cursor.fetchone())
        if len(attempts) < 3:
            raise _serialization_failure()
        return "done"
    got = run_serializable(flaky)
    assert got == "done" and len(attempts) == 3, \
        f"work() failed twice with 40001, then returned 'done': expected 'done' after 3 attempts, got {got!r} after {len(attempts)}"
    levels = sorted({level for level, _ in attempts})
    assert levels == ["serializable"], f"every attempt must run at SERIALIZABLE, they ran at {levels}"
    assert len({txid for _, txid in attempts}) == 3, "each attempt must be a new transaction, but some shared one"
    assert not connection.in_atomic_block, "run_serializable() left a transaction open"

    def broken():
        attempts.append("broken")
        raise _as_django(OperationalError, _Psycopg2Error("53100"), "could not extend file: no space left on device")
    attempts.clear()
    try:
        run_serializable(broken)
    except OperationalError:
        pass
    else:
        raise AssertionError("a disk-full OperationalError (53100) must propagate, but run_serializable() returned")
    assert len(attempts) == 1, f"only serialization failures are retried; a disk-full error was tried {len(attempts)} times"

    def always():
        attempts.append("always")
        raise _serialization_failure()
    attempts.clear()
    try:
        run_serializable(always, attempts=3)
    except OperationalError:
        pass
    else:
        raise AssertionError("when every attempt fails, the last serialization failure must propagate")
    assert len(attempts) == 3, f"run_serializable(work, attempts=3) should try 3 times in all, it tried {len(attempts)}"


@task(5, "go_off_call(): two doctors asking at once never leave the shift with nobody on call")
@needs("postgresql")
def check_write_skew():
    alice = Doctor.objects.create(name="t5-alice", shift="t5")
    bob = Doctor.objects.create(name="t5-bob", shift="t5")
    seen = _race(lambda: go_off_call(alice.pk, "t5"), lambda: go_off_call(bob.pk, "t5"), Doctor._meta.db_table)
    on_call = sorted(Doctor.objects.filter(shift="t5", on_call=True).values_list("name", flat=True))
    assert on_call, (
        f"nobody is on call now: both calls counted 2 doctors on call before either had committed, and each "
        f"took itself off (write skew; they returned {seen.results}). REPEATABLE READ does not stop this. "
        f"Run the check and the update at SERIALIZABLE and retry the one PostgreSQL aborts.")
    assert sorted(seen.results) == [False, True] and len(on_call) == 1, \
        f"expected one True, one False and one doctor left on call; got {seen.results} and on call: {on_call}"
    carol = Doctor.objects.create(name="t5-carol", shift="t5-solo")
    assert go_off_call(carol.pk, "t5-solo") is False, "the only doctor on a shift must not go off call"


if __name__ == "__main__":
    run_tasks()
