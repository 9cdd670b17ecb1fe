# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

def _accounts(prefix, *balances):
    return [Account.objects.create(owner=f"{prefix}-{i}", balance=Decimal(b)) for i, b in enumerate(balances)]


def _balances(*accounts):
    return [Account.objects.get(pk=account.pk).balance for account in accounts]


def _show(values):
    return "[" + ", ".join(str(value) for value in values) + "]"


def _is_write(sql):
    return sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))


def _fail_write(number):
    """An execute_wrapper that makes the number-th INSERT/UPDATE/DELETE fail, like a lost connection."""
    writes = []

    def wrapper(execute, sql, params, many, context):
        if _is_write(sql):
            writes.append(sql)
            if len(writes) == number:
                raise OperationalError("simulated failure: the database went away")
        return execute(sql, params, many, context)
    return wrapper


@task(1, "transfer() moves money and writes a ledger row")
def check_transfer_moves_money():
    alice, bob, carol = _accounts("t1", "100.00", "5.00", "50.00")
    row = transfer(alice.pk, bob.pk, Decimal("30.00"))
    assert isinstance(row, Transfer) and row.pk, f"transfer() should return the saved Transfer, got {row!r}"
    assert (row.source_id, row.target_id, row.amount) == (alice.pk, bob.pk, Decimal("30.00")), \
        f"the Transfer row should record source, target and amount, got {row.source_id}, {row.target_id}, {row.amount}"
    transfer(bob.pk, alice.pk, Decimal("35.00"))   # exactly all of bob's money is fine
    got = _balances(alice, bob, carol)
    assert got == [Decimal("105.00"), Decimal("0.00"), Decimal("50.00")], \
        f"expected balances [105.00, 0.00, 50.00] after 30 to bob and 35 back, got {_show(got)}"
    assert Transfer.objects.filter(source__owner__startswith="t1-").count() == 2, "expected 2 ledger rows"


@task(2, "transfer() raises InsufficientFunds and changes nothing")
def check_insufficient_funds():
    alice, bob = _accounts("t2", "20.00", "7.00")
    try:
        transfer(alice.pk, bob.pk, Decimal("20.01"))
    except InsufficientFunds:
        pass
    else:
        raise AssertionError("moving 20.01 out of an account holding 20.00 should raise InsufficientFunds")
    got = _balances(alice, bob)
    assert got == [Decimal("20.00"), Decimal("7.00")], f"balances must stay [20.00, 7.00], got {_show(got)}"
    assert not Transfer.objects.filter(source=alice).exists(), "a failed transfer must not leave a ledger row"


@task(3, "a failing step rolls back the whole transfer")
def check_rollback_on_failure():
    for step in (2, 3):
        alice, bob = _accounts(f"t3-step{step}", "100.00", "0.00")
        with connection.execute_wrapper(_fail_write(step)):
            try:
                transfer(alice.pk, bob.pk, Decimal("40.00"))
            except OperationalError:
                pass
            else:
                raise AssertionError(f"write statement {step} failed, but transfer() did not raise the error")
        got = _balances(alice, bob)
        assert got == [Decimal("100.00"), Decimal("0.00")], (
            f"write statement {step} of the transfer failed, and the balances became {_show(got)} instead of "
            f"staying [100.00, 0.00]: the earlier writes were not rolled back (transaction.atomic)")
        assert not Transfer.objects.filter(source=alice).exists(), \
            f"write statement {step} failed, yet a ledger row was kept"


@task(4, "a concurrent deposit during transfer() is not lost (F)")
def check_no_lost_update():
    alice, bob = _accounts("t4", "100.00", "10.00")
    injected = []

    def deposit_first(execute, sql, params, many, context):
        # Just before transfer()'s first write, "another request" deposits 1000 into both accounts.
        if _is_write(sql) and not injected:
            injected.append(True)
            execute(f"UPDATE {Account._meta.db_table} SET balance = balance + 1000 WHERE id IN (%s, %s)",
                    [alice.pk, bob.pk], False, context)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(deposit_first):
        transfer(alice.pk, bob.pk, Decimal("25.00"))
    got = _balances(alice, bob)
    assert got == [Decimal("1075.00"), Decimal("1035.00")], (
        f"expected [1075.00, 1035.00] (100 + 1000 - 25, 10 + 1000 + 25), got {_show(got)}: a deposit that landed "
        f"between your read and your write was overwritten; update balances with F() in SQL")


@task(5, "open_accounts() skips duplicates with a savepoint")
def check_open_accounts_skips_duplicates():
    Account.objects.create(owner="t5-bob", balance=Decimal("3.00"))
    try:
        skipped = open_accounts(["t5-alice", "t5-bob", "t5-carol"], Decimal("10.00"))
    except transaction.TransactionManagementError as error:
        raise AssertionError(f"{error} -> after IntegrityError the outer transaction is broken; "
                             f"wrap each create() in its own transaction.atomic() (a savepoint)")
    assert skipped == ["t5-bob"], f"expected ['t5-bob'] to be skipped, got {skipped!r}"
    got = dict(Account.objects.filter(owner__startswith="t5-").values_list("owner", "balance"))
    want = {"t5-alice": Decimal("10.00"), "t5-bob": Decimal("3.00"), "t5-carol": Decimal("10.00")}
    assert got == want, f"expected accounts {want}, got {got}"


@task(6, "open_accounts() is all-or-nothing for other errors")
def check_open_accounts_atomic():
    owners = ["t6-a", "t6-b", "t6-c", "t6-d"]
    with connection.execute_wrapper(_fail_write(3)):
        try:
            open_accounts(owners)
        except OperationalError:
            pass
        else:
            raise AssertionError("the 3rd INSERT failed with OperationalError, but open_accounts() "
                                 "did not raise it (only IntegrityError may be caught)")
    left = sorted(Account.objects.filter(owner__in=owners).values_list("owner", flat=True))
    assert left == [], f"the import failed, so no account may remain, but found {left}: use one outer atomic()"


if __name__ == "__main__":
    run_tasks()
