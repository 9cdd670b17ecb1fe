# Django Interview Prep: A reversible data migration, run by the real migrate
# Topic: Models and Migrations  (Django Prep: Open Topic shows the explanation)
# Run it: python3 data_migration.py     Each numbered task below prints ✓ when it passes.
#
# The shop app stores a customer's name in one column, full_name. Migration 0002 added
# first_name and last_name; 0004 will drop full_name. You write 0003, the data migration in
# between: split every full_name into the two new columns, and join them back when the
# migration is reversed. The checks build the shop app in a temporary folder with migrations
# 0001, 0002, 0004 and 0005 on disk, take 0003 from this file (the Migration class below) and
# run Django's real `migrate` command forwards and backwards on a database full of customers.

# {{django-setup}}

from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection, migrations, models
from django.db.migrations.exceptions import IrreversibleError
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


class Customer(models.Model):
    """shop/models.py as it is TODAY, after 0004 dropped full_name and 0005 added loyalty_tier.
    Do not use it in the migration: at 0003 the table still has full_name and no loyalty_tier."""
    first_name = models.CharField(max_length=100, blank=True, default="")
    last_name = models.CharField(max_length=100, blank=True, default="")
    email = models.EmailField()
    loyalty_tier = models.IntegerField(default=0)

    class Meta:
        app_label = "shop"


# ---- Your code ---------------------------------------------------------------

def split_name(full_name):
    """The first word is the first name, the other words (joined by single spaces) the last name:
    "  Grace   Hopper " -> ("Grace", "Hopper"), "Guido van Rossum" -> ("Guido", "van Rossum"),
    "Cher" -> ("Cher", ""), "" -> ("", "")."""
    # TODO 1: split on runs of whitespace (str.split() with no argument does that).
    words = full_name.split()
    return (words[0] if words else "", " ".join(words[1:]))


def forwards(apps, schema_editor):
    # TODO 2: load the model as it is at this point of the history, apps.get_model("shop", "Customer"),
    #   not the Customer class above, and fill first_name/last_name from split_name(full_name).
    # TODO 4: write in batches (bulk_update with a batch_size), not one UPDATE per customer.
    # TODO 5: only touch customers whose first_name and last_name are both still empty: code
    #   deployed with 0002 already writes them, and those values must survive.
    Customer = apps.get_model("shop", "Customer")  # the historical model: the schema as of 0003
    customers = list(Customer.objects.filter(first_name="", last_name="").only("pk", "full_name"))
    for customer in customers:
        customer.first_name, customer.last_name = split_name(customer.full_name)
    Customer.objects.bulk_update(customers, ["first_name", "last_name"], batch_size=500)


def backwards(apps, schema_editor):
    # TODO 3: the reverse: full_name = first_name + " " + last_name, without a stray space when
    #   one of them is empty. Without a reverse function, migrating back raises IrreversibleError.
    Customer = apps.get_model("shop", "Customer")
    customers = list(Customer.objects.only("pk", "first_name", "last_name"))
    for customer in customers:
        customer.full_name = f"{customer.first_name} {customer.last_name}".strip()
    Customer.objects.bulk_update(customers, ["full_name"], batch_size=500)


class Migration(migrations.Migration):
    """shop/migrations/0003_split_full_name.py"""
    dependencies = [("shop", "0002_customer_name_parts")]

    # TODO 2 and 3: a RunPython operation with forwards and its reverse.
    operations = [migrations.RunPython(forwards, backwards)]

# {{checks}}
