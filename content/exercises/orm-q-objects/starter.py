# Django Interview Prep: Q objects
# Topic: ORM Queries with F and Q  (Django Prep: Open Topic shows the explanation)
# Run it: python3 q_objects.py     Each numbered task below prints ✓ when it passes.
#
# A job board. Write the four query functions under "Your code" with Q objects: | is OR,
# & is AND, ~ is NOT, and parentheses group them. Every function returns a lazy QuerySet of
# ACTIVE jobs only. The checks create a small board for each task and compare the titles you
# return; search() must also run as one query and treat remote=False as a real filter.

# {{django-setup}}

from django.db import connection, models
from django.db.models import Q, QuerySet
from django.test.utils import CaptureQueriesContext


class Job(models.Model):
    LEVELS = [("junior", "Junior"), ("mid", "Mid"), ("senior", "Senior")]

    title = models.CharField(max_length=80)
    company = models.CharField(max_length=80)
    city = models.CharField(max_length=50)
    remote = models.BooleanField(default=False)
    level = models.CharField(max_length=10, choices=LEVELS)
    salary = models.IntegerField()           # yearly, in euros
    active = models.BooleanField(default=True)

    class Meta:
        app_label = "practice"


# ---- Your code ---------------------------------------------------------------

def remote_or_in(city):
    """Active jobs that are remote OR located in `city`."""
    # TODO 1: OR two conditions with |; the active=True condition is ANDed with them.
    raise NotImplementedError


def worth_a_look(min_salary):
    """Active jobs, except on-site jobs (remote=False) that pay less than `min_salary`.
    A remote job is worth a look whatever it pays; so is an on-site job paying enough."""
    # TODO 2: NOT of a combined condition: ~(Q(...) & Q(...)).
    raise NotImplementedError


def matches(city, min_salary):
    """Active jobs where BOTH hold:
       - the job is remote, or it is in `city`;
       - the job is senior level, or it pays at least `min_salary`."""
    # TODO 3: AND two OR-groups; watch the parentheses (& binds tighter than |).
    raise NotImplementedError


def search(text=None, city=None, remote=None, min_salary=None, levels=None):
    """Active jobs matching every filter that is given (None means "don't filter on this"):
       text       -> title OR company contains it, case-insensitive
       city       -> exactly this city
       remote     -> True: only remote jobs, False: only on-site jobs
       min_salary -> salary >= min_salary
       levels     -> level is one of these, e.g. ["mid", "senior"]"""
    # TODO 4: start from an empty Q() and AND (&=) a condition onto it for each given filter.
    # TODO 5: every filter must work on its own and in combination; remote=False is not None.
    raise NotImplementedError

# {{checks}}
