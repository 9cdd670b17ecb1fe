# Django Interview Prep: A management command
# Topic: Django and MVT  (Django Prep: Open Topic shows the explanation)
# Run it: python3 management_command.py     Each numbered task below prints ✓ when it passes.
#
# `python manage.py expire_subscriptions` is run nightly by cron: it deactivates subscriptions
# that ran out. Write it as a BaseCommand: options declared in add_arguments(), the work in
# handle(), output through self.stdout and self.stderr (so callers and tests can capture it),
# --dry-run to preview, --verbosity respected, and CommandError for bad input. The checks put
# your Command into a temporary app's management/commands/ folder, add the app to
# INSTALLED_APPS and run it with Django's real call_command(), as manage.py would.

# {{django-setup}}

import argparse
import io
from datetime import date, timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone


class Subscription(models.Model):
    email = models.EmailField(unique=True)
    plan = models.CharField(max_length=12)  # "basic", "pro" or "enterprise"
    expires_on = models.DateField()
    active = models.BooleanField(default=True)

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def iso_date(value):
    """An argparse type: "2025-03-01" -> date(2025, 3, 1); anything else is a usage error."""
    # TODO 2: date.fromisoformat(value); turn its ValueError into argparse.ArgumentTypeError.
    raise NotImplementedError


class Command(BaseCommand):
    help = ""  # TODO 1: one line for `manage.py help expire_subscriptions`

    def add_arguments(self, parser):
        # TODO 2: --as-of YYYY-MM-DD (default: today, timezone.localdate()). Parse it with an argparse
        #   type, so a bad date becomes a CommandError when called from code and a usage error on
        #   the command line.
        # TODO 3: --plan, one of "basic" or "pro" (argparse choices).
        # TODO 4: --dry-run, a flag (action="store_true").
        pass

    def handle(self, *args, **options):
        # TODO 1: deactivate active subscriptions whose expires_on is before the as-of day, in one
        #   UPDATE, and write "Expired N subscription(s)." with self.stdout.write (print() cannot
        #   be captured by call_command(stdout=...) or redirected by cron wrappers).
        # TODO 2: refuse an as-of day in the future with CommandError: nothing may change.
        # TODO 3: enterprise subscriptions are never expired here: write one line per skipped one
        #   ("Skipped enterprise subscription <email>: needs manual review.") to self.stderr.
        # TODO 4: with --dry-run write "Would expire N subscription(s)." and change nothing.
        # TODO 5: options["verbosity"]: 0 writes nothing to stdout, 2 also lists each email.
        raise NotImplementedError

# {{checks}}
