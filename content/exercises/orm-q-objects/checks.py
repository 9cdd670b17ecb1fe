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
