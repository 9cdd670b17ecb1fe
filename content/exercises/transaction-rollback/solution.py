# Django Interview Prep: Transactions and rollback
# Topic: ACID and Transactions  (Django Prep: Open Topic shows the explanation)
# Run it: python3 transactions.py     Each numbered task below prints ✓ when it passes.
#
# Write transfer() and open_accounts() under "Your code". A transfer changes two balances and
# writes a ledger row: all of it happens, or none of it. The checks move money, make a step
# fail on purpose (by breaking a write statement underneath your code), slip in a concurrent
# deposit between your statements, and import accounts with duplicates. Balances must change
# in SQL with F(), and a failure must leave the database exactly as it was.

# {{django-setup}}

from decimal import Decimal

from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models import F


class Account(models.Model):
    owner = models.CharField(max_length=50, unique=True)
    balance = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal("0"))

    class Meta:
        app_label = "practice"


class Transfer(models.Model):
    """The ledger: one row per completed transfer."""
    source = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="outgoing")
    target = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="incoming")
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        app_label = "practice"


class InsufficientFunds(Exception):
    pass


# ---- Your code ---------------------------------------------------------------

def transfer(source_id, target_id, amount):
    """Move `amount` from one account to another and return the new Transfer ledger row.

    Raise InsufficientFunds (and change nothing) if the source balance would go below zero.
    Any other error during the transfer must also undo every change made so far."""
    # TODO 1: subtract from the source and add to the target with update(balance=F(...) ...),
    #         then record the Transfer row.
    # TODO 2: raise InsufficientFunds when the money is not there; nothing may be left changed.
    # TODO 3: wrap the steps in transaction.atomic() so a failure in any step rolls back all.
    # TODO 4: never read a balance into Python, change it and save() it: a deposit made by
    #         another request in between would be lost.
    with transaction.atomic():
        # Lock both rows in a fixed order so two opposite transfers cannot deadlock
        # (SELECT ... FOR UPDATE on PostgreSQL/MySQL; SQLite ignores it).
        list(Account.objects.select_for_update().filter(pk__in=[source_id, target_id]).order_by("pk"))
        Account.objects.filter(pk=target_id).update(balance=F("balance") + amount)
        # Conditional debit: UPDATE ... SET balance = balance - amount WHERE id = ... AND balance >= amount
        debited = Account.objects.filter(pk=source_id, balance__gte=amount).update(
            balance=F("balance") - amount)
        if not debited:
            # The exception leaves the atomic block, which rolls back the credit above.
            raise InsufficientFunds(f"account {source_id} cannot pay {amount}")
        return Transfer.objects.create(source_id=source_id, target_id=target_id, amount=amount)


def open_accounts(owners, opening_balance=Decimal("0")):
    """Create an account for each owner in ONE transaction and return the owners skipped
    because an account with that name already exists (the unique constraint fails).

    Only duplicates are skipped: any other database error aborts the whole import, so no
    account from this call is left behind."""
    # TODO 5: give each create() its own nested transaction.atomic() (a savepoint) and catch
    #         IntegrityError around it, so the outer transaction can carry on.
    # TODO 6: put the loop inside an outer transaction.atomic() and let other errors propagate.
    skipped = []
    with transaction.atomic():                      # BEGIN
        for owner in owners:
            try:
                with transaction.atomic():          # SAVEPOINT
                    Account.objects.create(owner=owner, balance=opening_balance)
            except IntegrityError:                  # ROLLBACK TO SAVEPOINT, outer one carries on
                skipped.append(owner)
    return skipped


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
