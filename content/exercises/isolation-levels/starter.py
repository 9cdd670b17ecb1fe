# Django Interview Prep: Isolation levels on real PostgreSQL
# Topic: Isolation Levels and Anomalies  (Django Prep: Open Topic shows the explanation)
# Run it: python3 isolation_levels.py     Each numbered task below prints ✓ when it passes.
#
# Needs PostgreSQL's programs and psycopg2 installed, not running (Debian/Ubuntu: sudo apt install
# postgresql python3-psycopg2; macOS: brew install postgresql@16, pip install psycopg2-binary).
# The check starts its own throwaway server on a free port and deletes it afterwards.
#
# PostgreSQL runs each transaction at READ COMMITTED unless told otherwise: every statement sees
# what was committed before that statement began. Here you meet two anomalies that allows, on two
# real connections in a fixed order (the first call runs its first query and waits; the second
# call runs until it returns or has to wait for a lock; then the first carries on):
# - a report whose two queries see different data (a non-repeatable read), fixed with one
#   REPEATABLE READ snapshot;
# - write skew: two doctors each check that someone else is on call, and both leave. Fixed with
#   SERIALIZABLE, which aborts one of them with SQLSTATE 40001, and a loop that retries it.
# Django has no per-transaction isolation API: run SET TRANSACTION ISOLATION LEVEL ... as the
# first statement inside transaction.atomic().

# {{services}}
_DATABASES = {"default": throwaway_postgres()}  # a PostgreSQL server for this run only

# {{django-setup}}

from django.db import OperationalError, connection, models, transaction
from django.db.models import Sum


class Account(models.Model):
    owner = models.CharField(max_length=50, unique=True)
    balance = models.IntegerField()

    class Meta:
        app_label = "practice"


class Doctor(models.Model):
    name = models.CharField(max_length=50, unique=True)
    shift = models.CharField(max_length=20)
    on_call = models.BooleanField(default=True)

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def is_serialization_failure(error):
    """True if `error` is PostgreSQL's serialization failure (SQLSTATE 40001) as Django raises it:
    an OperationalError whose __cause__ is the driver's own exception. psycopg2 puts the SQLSTATE
    in .pgcode, psycopg 3 in .sqlstate. Anything else: False."""
    # TODO 1: look at error.__cause__.
    raise NotImplementedError


def balance_report(prefix):
    """(rows, total) for the accounts whose owner starts with `prefix`: rows as [(owner, balance)]
    ordered by owner, and total as the database's Sum of the same balances. Both queries must
    describe the same moment, even when a deposit commits between them."""
    # TODO 2 (checked by tasks 2-3): run both queries in one transaction that reads one snapshot:
    #         transaction.atomic(), and SET TRANSACTION ISOLATION LEVEL REPEATABLE READ first.
    accounts = Account.objects.filter(owner__startswith=prefix)
    rows = list(accounts.order_by("owner").values_list("owner", "balance"))
    total = accounts.aggregate(total=Sum("balance"))["total"]
    return rows, total


def run_serializable(work, attempts=5):
    """Run work() in a SERIALIZABLE transaction and return what it returns. When the transaction
    fails with a serialization failure, run the whole transaction again (a new one), at most
    `attempts` times in all, then let the last error through. Other errors propagate at once."""
    # TODO 4: a loop around transaction.atomic(); inside it SET TRANSACTION ISOLATION LEVEL
    #         SERIALIZABLE, then work(). Catch OperationalError outside the atomic block.
    raise NotImplementedError


def go_off_call(doctor_id, shift):
    """Take the doctor off call unless nobody else on their shift would be left on call. Returns
    True if done, False if refused. Two doctors asking at once must never both get True."""
    # TODO 5: run the check and the update as one piece of work with run_serializable().
    if Doctor.objects.filter(shift=shift, on_call=True).count() < 2:
        return False
    Doctor.objects.filter(pk=doctor_id).update(on_call=False)
    return True

# {{checks}}
