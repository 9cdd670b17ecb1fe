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


# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

def _board(*rows):
    """Replaces all jobs with these (title, company, city, remote, level, salary[, active]) rows."""
    Job.objects.all().delete()
    for title, company, city, remote, level, salary, *active in rows:
        Job.objects.create(title=title, company=company, city=city, remote=remote, level=level,
                           salary=salary, active=active[0] if active else True)


def _call(function, args, kwargs):
    shown = [*map(repr, args), *(f"{key}={value!r}" for key, value in kwargs.items())]
    return f"{function.__name__}({', '.join(shown)})"


def _expect(want, function, *args, **kwargs):
    """Calls the function, checks it returned an unevaluated QuerySet with the wanted titles."""
    call = _call(function, args, kwargs)
    with CaptureQueriesContext(connection) as ctx:
        result = function(*args, **kwargs)
    assert isinstance(result, QuerySet), f"{call} should return a QuerySet, got {type(result).__name__}"
    assert not ctx.captured_queries, f"{call} should not run SQL yet (QuerySets are lazy)"
    got = sorted(job.title for job in result)
    assert got == sorted(want), f"{call}: expected {sorted(want)}, got {got}"


_JOBS = [
    ("Python Developer", "Acme", "Berlin", False, "mid", 60000),
    ("Django Engineer", "PyShop", "Paris", True, "senior", 90000),
    ("Go Developer", "Gopher Ltd", "Berlin", True, "senior", 85000),
    ("Data Analyst", "Python Labs", "Berlin", False, "junior", 45000),
    ("Support Engineer", "Acme", "Paris", False, "junior", 38000),
    ("Platform Engineer", "Cloudy", "Berlin", False, "senior", 95000),
    ("Python Trainer", "Acme", "Berlin", False, "mid", 70000, False),  # inactive: never returned
]


@task(1, "remote_or_in() combines two conditions with OR")
def check_remote_or_in():
    _board(
        ("Backend Dev", "Tiny", "Berlin", False, "mid", 60000),
        ("Data Engineer", "Huge", "Paris", True, "mid", 70000),
        ("Frontend Dev", "Tiny", "Paris", False, "mid", 55000),
        ("SRE", "Huge", "Berlin", True, "senior", 90000),
        ("Old Remote Role", "Gone", "Paris", True, "mid", 50000, False),
    )
    _expect(["Backend Dev", "Data Engineer", "SRE"], remote_or_in, "Berlin")
    _expect(["Data Engineer", "Frontend Dev", "SRE"], remote_or_in, "Paris")


@task(2, "worth_a_look() negates a combined condition with ~")
def check_worth_a_look():
    _board(
        ("Remote Cheap", "A", "Rome", True, "junior", 40000),
        ("Onsite Cheap", "B", "Rome", False, "junior", 40000),
        ("Onsite Good", "C", "Rome", False, "mid", 70000),
        ("Remote Good", "D", "Rome", True, "senior", 90000),
        ("Onsite Exact", "E", "Rome", False, "mid", 60000),
        ("Closed Remote", "F", "Rome", True, "senior", 90000, False),
    )
    _expect(["Remote Cheap", "Onsite Good", "Remote Good", "Onsite Exact"], worth_a_look, 60000)
    _expect(["Remote Cheap", "Remote Good"], worth_a_look, 100000)


@task(3, "matches() nests AND and OR groups")
def check_matches():
    _board(
        ("Remote Junior Well Paid", "A", "Porto", True, "junior", 80000),
        ("Lisbon Senior", "B", "Lisbon", False, "senior", 50000),
        ("Lisbon Mid Low", "C", "Lisbon", False, "mid", 60000),
        ("Porto Senior Onsite", "D", "Porto", False, "senior", 100000),
        ("Remote Mid Low", "E", "Porto", True, "mid", 65000),
        ("Lisbon Senior Closed", "F", "Lisbon", False, "senior", 90000, False),
        ("Remote Senior Low", "G", "Porto", True, "senior", 40000),
    )
    _expect(["Remote Junior Well Paid", "Lisbon Senior", "Remote Senior Low"], matches, "Lisbon", 70000)
    _expect(["Remote Junior Well Paid", "Porto Senior Onsite", "Remote Mid Low", "Remote Senior Low"],
            matches, "Porto", 60000)


@task(4, "search() matches text in title OR company and ignores None filters")
def check_search_text():
    _board(*_JOBS)
    everyone = [row[0] for row in _JOBS if len(row) == 6]
    _expect(everyone, search)
    _expect(everyone, search, text=None, city=None, remote=None, min_salary=None, levels=None)
    _expect(["Python Developer", "Data Analyst"], search, text="python")   # title or company, any case
    _expect(["Django Engineer", "Support Engineer", "Platform Engineer"], search, text="ENGINEER")


@task(5, "search() ANDs every given filter in one query")
def check_search_combined():
    _board(*_JOBS)
    _expect(["Python Developer", "Data Analyst", "Support Engineer", "Platform Engineer"], search, remote=False)
    _expect(["Django Engineer", "Go Developer"], search, remote=True)
    _expect(["Python Developer", "Data Analyst", "Platform Engineer"], search, city="Berlin", remote=False)
    _expect(["Go Developer", "Platform Engineer"], search, city="Berlin", min_salary=80000)
    _expect(["Python Developer", "Django Engineer"], search, text="py", levels=["mid", "senior"])
    _expect(["Support Engineer"], search, text="engineer", remote=False, levels=["junior"])
    with CaptureQueriesContext(connection) as ctx:
        list(search(text="dev", city="Berlin", remote=True, min_salary=50000, levels=["senior"]))
    assert len(ctx.captured_queries) == 1, f"search() should be one SQL query, ran {len(ctx.captured_queries)}"


if __name__ == "__main__":
    run_tasks()
