urlpatterns = [path("api/books/", BookList.as_view()), path("api/books/feed/", BookFeed.as_view())]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # expected 400/404s stay quiet; tasks report them

_GENRES = ["fiction", "history", "science", "tech"]
_KNOWN = [
    ("Two Scoops of Django", "Daniel Roy Greenfeld", "tech", "39.95", "2020-05-01", True),
    ("Django for APIs", "William Vincent", "tech", "29.00", "2022-03-15", True),
    ("Unchained: Django Internals", "Ada Django", "tech", "55.00", "2023-01-09", False),
    ("The Pragmatic Programmer", "Andrew Hunt", "tech", "45.50", "2019-09-13", False),
    ("A Brief History of Time", "Stephen Hawking", "science", "15.00", "1988-04-01", True),
    ("SPQR", "Mary Beard", "history", "18.99", "2015-10-20", True),
    ("Dune", "Frank Herbert", "fiction", "9.99", "1965-08-01", True),
]


def _catalogue():
    """The same 31 books for every task (created once)."""
    if Book.objects.exists():
        return
    books = [Book(title=t, author=a, genre=g, price=Decimal(p), published_on=datetime.date.fromisoformat(d), in_stock=s)
             for t, a, g, p, d, s in _KNOWN]
    books += [Book(title=f"Volume {i:02d}", author=f"Author {i % 7}", genre=_GENRES[i % 4],
                   price=Decimal(5 + (i * 7) % 40) + Decimal("0.50"), published_on=datetime.date(1990 + i, 1 + i % 12, 1 + i % 27),
                   in_stock=i % 3 != 0) for i in range(24)]
    Book.objects.bulk_create(books)


def _get(url, status=200):
    response = APIClient().get(url)
    body = getattr(response, "data", None)
    assert response.status_code == status, f"GET {url}: expected status {status}, got {response.status_code} {body!r:.200}"
    return body


def _page(url):
    data = _get(url)
    assert isinstance(data, dict) and "results" in data and "next" in data, (
        f"GET {url}: expected a paginated response with next and results, got a {type(data).__name__}: is pagination_class set?")
    return data


def _walk(url, limit=40, paged=True):
    """Every book the endpoint lists, following the next links (or the plain list, when paged=False allows one)."""
    books = []
    if not paged:
        data = _get(url)
        if isinstance(data, list):
            return data
    while url and limit:
        data = _page(url)
        books += data["results"]
        url, limit = data["next"], limit - 1
    return books


def _ids(queryset):
    return set(queryset.values_list("id", flat=True))


@task(1, "PageNumberPagination: 5 a page, ?page_size= up to 20, 404 past the end")
def check_pagination():
    _catalogue()
    data = _page("/api/books/")
    assert set(data) >= {"count", "next", "previous", "results"}, f"expected count, next, previous and results, got {sorted(data)}"
    assert data["count"] == Book.objects.count(), f"count should be {Book.objects.count()}, got {data['count']}"
    assert len(data["results"]) == 5 and data["previous"] is None, f"page 1 should hold 5 books, got {len(data['results'])}"
    assert data["next"] and "page=2" in data["next"], f"next should point at page 2, got {data['next']!r}"
    for size, want in (("8", 8), ("500", 20)):
        got = len(_page(f"/api/books/?page_size={size}")["results"])
        assert got == want, f"?page_size={size}: expected {want} books" + (" (max_page_size caps it)" if size == "500" else "") + f", got {got}"
    _get("/api/books/?page=999", status=404)


@task(2, "a FilterSet: price range, genre ignoring case, in stock, published after")
def check_filters():
    _catalogue()
    cases = [
        ("min_price=10&max_price=20", Book.objects.filter(price__gte=10, price__lte=20)),
        ("genre=TECH", Book.objects.filter(genre="tech")),
        ("in_stock=false", Book.objects.filter(in_stock=False)),
        ("published_after=2015-10-20", Book.objects.filter(published_on__gte=datetime.date(2015, 10, 20))),
        ("genre=history&max_price=18.99", Book.objects.filter(genre="history", price__lte=Decimal("18.99"))),
    ]
    for query, want in cases:
        got = {b["id"] for b in _walk(f"/api/books/?{query}&page_size=20", paged=False)}
        assert got == _ids(want), (f"?{query}: expected {want.count()} books, got {len(got)} "
                                   f"({len(got - _ids(want))} that should be filtered out, {len(_ids(want) - got)} missing)")


@task(3, "?search= finds words in the title or the author, ignoring case")
def check_search():
    _catalogue()
    for term, want in (("django", {"Two Scoops of Django", "Django for APIs", "Unchained: Django Internals"}),
                       ("HUNT", {"The Pragmatic Programmer"}), ("beard", {"SPQR"}), ("history of", {"A Brief History of Time"})):
        got = {b["title"] for b in _walk(f"/api/books/?search={term.replace(' ', '+')}&page_size=20", paged=False)}
        assert got == want, f"?search={term}: expected {sorted(want)}, got {len(got)} books: {sorted(got)[:5]}{' ...' if len(got) > 5 else ''}"


@task(4, "?ordering= on whitelisted fields; a stable default order across pages")
def check_ordering():
    _catalogue()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        books = _walk("/api/books/?page_size=7")
    unordered = [w for w in caught if issubclass(w.category, UnorderedObjectListWarning)]
    assert not unordered, f"Django warned: {unordered[0].message}; give the view a default ordering"
    want = list(Book.objects.order_by("title", "id").values_list("id", flat=True))
    assert [b["id"] for b in books] == want, "walking every page should list each book once, by title then id"
    prices = [Decimal(b["price"]) for b in _walk("/api/books/?ordering=-price&page_size=20")]
    assert prices == sorted(prices, reverse=True), f"?ordering=-price: prices should fall, got {prices[:8]}..."
    dates = [b["published_on"] for b in _walk("/api/books/?ordering=published_on&page_size=20")]
    assert dates == sorted(dates), f"?ordering=published_on: dates should rise, got {dates[:6]}..."
    ignored = [b["id"] for b in _walk("/api/books/?ordering=author&page_size=20")]
    assert ignored == want, "?ordering=author is not in ordering_fields: it should be ignored, leaving the default order"


@task(5, "filters, search, ordering and page size at once; bad values get 400")
def check_combined():
    _catalogue()
    data = _page("/api/books/?genre=tech&min_price=30&search=django&ordering=-price&page_size=1")
    want = Book.objects.filter(genre="tech", price__gte=30, title__icontains="django").order_by("-price")
    assert data["count"] == want.count(), f"expected count {want.count()} (tech, from 30, 'django', by price), got {data['count']}"
    assert data["results"] and data["results"][0]["id"] == want[0].pk, \
        f"the first result should be {want[0].title!r}, the dearest match, got {data['results'][:1]}"
    kept = parse_qs(urlparse(data["next"] or "").query)
    for key, value in (("genre", "tech"), ("min_price", "30"), ("search", "django"), ("ordering", "-price"), ("page_size", "1"), ("page", "2")):
        assert kept.get(key) == [value], f"the next link should keep {key}={value}, got {data['next']!r}"
    for query, field in (("min_price=cheap", "min_price"), ("published_after=yesterday", "published_after")):
        body = _get(f"/api/books/?{query}", status=400)
        assert field in body, f"?{query}: expected a 400 naming {field}, got {body!r}"


@task(6, "the feed uses CursorPagination: newest first, no repeats while books arrive")
def check_cursor_feed():
    _catalogue()
    first = _page("/api/books/feed/")
    assert "count" not in first, "the feed should not count the table: cursor pagination has no count"
    assert first["next"] and "cursor=" in first["next"], f"next should carry an opaque ?cursor=, got {first['next']!r}"
    want = list(Book.objects.order_by("-published_on", "-id").values_list("id", flat=True))
    Book.objects.create(title="Hot off the press", author="New Author", genre="tech", price=Decimal("10.00"),
                        published_on=datetime.date.today())
    seen = [b["id"] for b in first["results"]] + [b["id"] for b in _walk(first["next"])]
    assert len(seen) == len(set(seen)), "a book appeared twice while walking the feed"
    assert seen == want, ("walking the feed while a new book arrived should list every older book once, newest "
                          "published_on first (then newest id)")


if __name__ == "__main__":
    run_tasks()
