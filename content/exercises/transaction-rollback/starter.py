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
    raise NotImplementedError


def open_accounts(owners, opening_balance=Decimal("0")):
    """Create an account for each owner in ONE transaction and return the owners skipped
    because an account with that name already exists (the unique constraint fails).

    Only duplicates are skipped: any other database error aborts the whole import, so no
    account from this call is left behind."""
    # TODO 5: give each create() its own nested transaction.atomic() (a savepoint) and catch
    #         IntegrityError around it, so the outer transaction can carry on.
    # TODO 6: put the loop inside an outer transaction.atomic() and let other errors propagate.
    raise NotImplementedError

# {{checks}}
