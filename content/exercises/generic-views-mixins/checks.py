urlpatterns = [
    path("jobs/", JobListView.as_view()),
    path("jobs/mine/", MyPostingsView.as_view()),
    path("jobs/<int:pk>/", JobDetailView.as_view()),
]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # expected 404s stay quiet; tasks report them


def _user(name):
    return User.objects.create_user(name, password="pw")


def _post(owner, title, city, is_active=True):
    return JobPosting.objects.create(owner=owner, title=title, city=city, is_active=is_active)


def _get_json(client, url, want=200):
    response = client.get(url)
    assert response.status_code == want, f"GET {url}: expected status {want}, got {response.status_code}"
    return response.json() if want == 200 else None


def _all_ids(client, url):
    """Ids across every page (works with or without pagination)."""
    ids, page = [], 1
    while page < 100:
        data = _get_json(client, f"{url}&page={page}" if "?" in url else f"{url}?page={page}")
        ids += [item["id"] for item in data["object_list"]]
        if not (data.get("page_obj") or {}).get("has_next"):
            return ids
        page += 1
    raise AssertionError(f"GET {url}: pagination never ends")


@task(1, "JobListView: active postings only, ordered by title, ?city= filter ignores case")
def check_list_queryset():
    owner = _user("task1-owner")
    data_eng = _post(owner, "Data engineer", "Tallinn")
    backend = _post(owner, "Backend developer", "tallinn")
    closed = _post(owner, "API engineer", "Tallinn", is_active=False)
    designer = _post(owner, "Designer", "Riga")
    client = Client()
    data = _get_json(client, "/jobs/?city=TALLINN")
    titles = [item["title"] for item in data["object_list"]]
    assert "API engineer" not in titles, "inactive postings must not be listed"
    assert titles == ["Backend developer", "Data engineer"], f"GET /jobs/?city=TALLINN: expected the two active Tallinn postings by title, got {titles!r}"
    data = _get_json(client, "/jobs/?city=riga")
    assert [item["id"] for item in data["object_list"]] == [designer.pk], f"GET /jobs/?city=riga: expected only the Riga posting, got {data['object_list']!r}"
    ids = _all_ids(client, "/jobs/")
    assert {data_eng.pk, backend.pk, designer.pk} <= set(ids), "GET /jobs/ without ?city= should list every active posting"
    assert closed.pk not in ids, "GET /jobs/: inactive postings must not be listed"


@task(2, "JobListView: 3 per page, ?page=2 works, a page past the end is 404")
def check_pagination():
    owner = _user("task2-owner")
    for title in ("Go developer", "QA engineer", "Python developer", "Data analyst"):
        _post(owner, title, "Gdansk")
    _post(owner, "Closed role", "Gdansk", is_active=False)
    client = Client()
    first = _get_json(client, "/jobs/?city=gdansk")
    assert first.get("is_paginated") is True, f"expected is_paginated True with 4 postings and 3 per page, got {first.get('is_paginated')!r}"
    assert first["page_obj"] == {"number": 1, "num_pages": 2, "has_next": True}, f"expected page 1 of 2, got {first['page_obj']!r}"
    titles = [item["title"] for item in first["object_list"]]
    assert titles == ["Data analyst", "Go developer", "Python developer"], f"page 1: expected the first 3 by title, got {titles!r}"
    second = _get_json(client, "/jobs/?city=gdansk&page=2")
    titles = [item["title"] for item in second["object_list"]]
    assert titles == ["QA engineer"], f"page 2: expected ['QA engineer'], got {titles!r}"
    _get_json(client, "/jobs/?city=gdansk&page=3", want=404)


@task(3, "JobDetailView: active posting 200, inactive or missing 404")
def check_detail():
    owner = _user("task3-owner")
    open_role = _post(owner, "Site reliability engineer", "Oslo")
    closed = _post(owner, "Old role", "Oslo", is_active=False)
    client = Client()
    data = _get_json(client, f"/jobs/{open_role.pk}/")
    assert data["object"]["title"] == "Site reliability engineer", f"expected the posting in context['object'], got {data.get('object')!r}"
    _get_json(client, f"/jobs/{closed.pk}/", want=404)
    _get_json(client, f"/jobs/{JobPosting.objects.order_by('-pk').first().pk + 1000}/", want=404)


@task(4, "CityChoicesMixin adds cities and current_city to JobListView's context")
def check_context_mixin():
    owner = _user("task4-owner")
    _post(owner, "Frontend developer", "Vilnius")
    _post(owner, "Django developer", "Vilnius")
    _post(owner, "Support engineer", "Kaunas")
    _post(owner, "Retired role", "Klaipeda", is_active=False)
    client = Client()
    data = _get_json(client, "/jobs/?city=Vilnius")
    assert "cities" in data, ('context has no "cities": write CityChoicesMixin and put it in JobListView\'s bases '
                              "LEFT of ListView (the get_context_data chain ends at Django's ContextMixin, which calls "
                              "no super(), so a mixin right of ListView is never reached)")
    cities = data["cities"]
    assert "Vilnius" in cities and "Kaunas" in cities, f"cities should include every city with an active posting, got {cities!r}"
    assert "Klaipeda" not in cities, f"cities should ignore inactive postings, got {cities!r}"
    assert cities == sorted(set(cities)), f"cities should be sorted without duplicates, got {cities!r}"
    assert data.get("current_city") == "Vilnius", f"current_city: expected 'Vilnius', got {data.get('current_city')!r}"
    assert len(data.get("object_list") or []) == 2 and "page_obj" in data, (
        "ListView's own context (object_list, page_obj) is gone: call super().get_context_data(**kwargs) in the mixin")
    assert _get_json(client, "/jobs/").get("current_city") is None, "without ?city=, current_city should be None"


@task(5, "MyPostingsView: anonymous users are redirected to login, users see only their own")
def check_login_required():
    alice, bob = _user("task5-alice"), _user("task5-bob")
    mine = [_post(alice, "Tech lead", "Porto"), _post(alice, "Paused role", "Porto", is_active=False)]
    _post(bob, "Bob's role", "Porto")
    try:
        anonymous = Client().get("/jobs/mine/")
    except Exception as error:  # e.g. filtering by AnonymousUser: the view ran without the login check
        raise AssertionError(f"anonymous GET /jobs/mine/ crashed with {type(error).__name__}: {error}. "
                             "The view body ran for an anonymous user: is LoginRequiredMixin the leftmost base?") from error
    assert anonymous.status_code == 302, (f"anonymous GET /jobs/mine/: expected a 302 redirect to login, got {anonymous.status_code} "
                                          "(is LoginRequiredMixin the leftmost base?)")
    location = anonymous["Location"]
    assert location.startswith(settings.LOGIN_URL) and "next=/jobs/mine/" in location, (
        f"expected a redirect to {settings.LOGIN_URL}?next=/jobs/mine/, got {location!r}")
    client = Client()
    client.force_login(alice)
    data = _get_json(client, "/jobs/mine/")
    ids = [item["id"] for item in data["object_list"]]
    assert ids == [p.pk for p in mine], f"alice should see her 2 postings (active or not) by id {[p.pk for p in mine]}, got {ids}"


if __name__ == "__main__":
    run_tasks()
