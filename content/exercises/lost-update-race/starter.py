# Django Interview Prep: A lost update on real PostgreSQL
# Topic: ACID and Transactions  (Django Prep: Open Topic shows the explanation)
# Run it: python3 lost_update.py     Each numbered task below prints ✓ when it passes.
#
# Needs PostgreSQL's programs and psycopg2 installed, not running (Debian/Ubuntu: sudo apt install
# postgresql python3-psycopg2; macOS: brew install postgresql@16, pip install psycopg2-binary).
# The check starts its own throwaway server on a free port and deletes it afterwards.
#
# Two requests change the same wallet at the same moment. Each function below reads the balance
# into Python, changes it and saves it back: right one request at a time, wrong when two overlap.
# The checks call a function twice at once, on two PostgreSQL connections, in a fixed order: the
# first call reads (or writes) the wallet and waits; the second runs until it returns or has to
# wait for a lock; then the first carries on. SQLite could not show this: it ignores
# select_for_update() and lets only one connection write at a time.

# {{services}}
_DATABASES = {"default": throwaway_postgres()}  # a PostgreSQL server for this run only

# {{django-setup}}

from django.db import models, transaction
from django.db.models import F


class Wallet(models.Model):
    owner = models.CharField(max_length=50, unique=True)
    balance = models.IntegerField(default=0)  # in cents

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def deposit_locked(wallet_id, amount):
    """Add amount to the wallet and return the new balance.

    Fix it with a row lock: a second deposit into the same wallet must wait until this one has
    committed, and then read the balance this one wrote."""
    # TODO 2 (checked by tasks 2-3): read the wallet with select_for_update() inside
    #         transaction.atomic(), so the row stays locked until the new balance is committed.
    wallet = Wallet.objects.get(pk=wallet_id)
    wallet.balance += amount
    wallet.save(update_fields=["balance"])
    return wallet.balance


def deposit_f(wallet_id, amount):
    """Add amount to the wallet with one UPDATE, without reading the balance into Python."""
    # TODO 4: let the database do the arithmetic with an F() expression.
    wallet = Wallet.objects.get(pk=wallet_id)
    wallet.balance += amount
    wallet.save(update_fields=["balance"])


def withdraw(wallet_id, amount):
    """Take amount out of the wallet if the balance covers it and return True; otherwise change
    nothing and return False. Two withdrawals at once must never both spend the same money."""
    # TODO 5: make the check part of the UPDATE, so that checking and subtracting are one step.
    wallet = Wallet.objects.get(pk=wallet_id)
    if wallet.balance < amount:
        return False
    wallet.balance -= amount
    wallet.save(update_fields=["balance"])
    return True

# {{checks}}
