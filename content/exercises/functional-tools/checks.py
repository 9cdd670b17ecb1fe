# ---- Checks (do not edit) ------------------------------------------------------

@task(1, "map and filter: a lazy iterator of active users' e-mails")
def check_map_filter():
    users = [
        {"email": " Ann@Example.COM ", "active": True},
        {"email": "bob@example.com", "active": False},
        {"email": "CY@example.org", "active": True},
    ]
    pulled = []

    def source():
        for user in users:
            pulled.append(user["email"])
            yield user

    result = active_emails(source())
    assert not isinstance(result, (list, tuple, set)), \
        f"return the lazy map/filter iterator itself, not a {type(result).__name__}"
    assert pulled == [], f"nothing should be read before iterating the result, already read {pulled!r}"
    assert iter(result) is result, "the result should be an iterator (what map() returns)"
    first = next(result)
    assert first == "ann@example.com", f"expected 'ann@example.com' first, got {first!r}"
    assert pulled == [" Ann@Example.COM "], f"only one user should be read for the first e-mail, read {pulled!r}"
    rest = list(result)
    assert rest == ["cy@example.org"], f"expected ['cy@example.org'] after the first, got {rest!r}"


@task(2, "reduce: a pipeline that applies steps left to right")
def check_reduce():
    clean = pipeline(str.strip, str.lower)
    assert clean("  Hello World ") == "hello world", f"expected 'hello world', got {clean('  Hello World ')!r}"

    def add_one(x):
        return x + 1

    def double(x):
        return x * 2

    got = pipeline(add_one, double)(3)
    assert got == 8, f"pipeline(add_one, double)(3) should be double(add_one(3)) == 8, got {got!r}"
    got = pipeline(double, add_one, add_one)(5)
    assert got == 12, f"pipeline(double, add_one, add_one)(5) should be 12, got {got!r}"
    marker = object()
    assert pipeline()(marker) is marker, "with no steps the value should come back unchanged"


@task(3, "functools.partial pre-fills arguments")
def check_partial():
    got = (usd(3.5), jpy(1200), usd(10, decimals=0), jpy(99.6))
    want = ("3.50 USD", "1200 JPY", "10 USD", "100 JPY")
    assert got == want, f"expected {want!r}, got {got!r}"
    for name, value, keywords in [("usd", usd, {"currency": "USD"}), ("jpy", jpy, {"currency": "JPY", "decimals": 0})]:
        assert isinstance(value, partial), f"{name} should be a functools.partial object, it is a {type(value).__name__}"
        assert value.func is format_price, f"{name}.func should be format_price, got {value.func!r}"
        assert value.keywords == keywords, f"{name}.keywords should be {keywords!r}, got {value.keywords!r}"


@task(4, "lru_cache: repeated calls are served from the cache")
def check_lru_cache():
    assert hasattr(exchange_rate, "cache_info"), \
        "exchange_rate has no cache_info(): decorate it with @lru_cache(maxsize=256)"
    exchange_rate.cache_clear()
    API_CALLS.clear()
    rates = [exchange_rate("EUR", "USD") for _ in range(3)] + [exchange_rate("EUR", "GBP"), exchange_rate("EUR", "GBP")]
    assert rates == [1.08, 1.08, 1.08, 0.85, 0.85], f"expected [1.08, 1.08, 1.08, 0.85, 0.85], got {rates!r}"
    assert API_CALLS == [("EUR", "USD"), ("EUR", "GBP")], \
        f"the API should be called once per currency pair, it was called for {API_CALLS!r}"
    info = exchange_rate.cache_info()
    got = (info.hits, info.misses, info.currsize)
    assert got == (3, 2, 2), f"expected (hits, misses, currsize) == (3, 2, 2), got {got!r}"
    assert info.maxsize == 256, f"expected maxsize 256, got {info.maxsize!r}"


@task(5, "sorted() with operator.itemgetter keys, stable on ties")
def check_sorting():
    products = [
        {"name": "pen", "category": "office", "price": 2},
        {"name": "mug", "category": "kitchen", "price": 9},
        {"name": "desk", "category": "office", "price": 150},
        {"name": "kettle", "category": "kitchen", "price": 30},
        {"name": "lamp", "category": "office", "price": 30},
        {"name": "bowl", "category": "kitchen", "price": 9},
    ]
    snapshot = [dict(p) for p in products]
    got = [p["name"] for p in by_category_and_name(products)]
    want = ["bowl", "kettle", "mug", "desk", "lamp", "pen"]
    assert got == want, f"expected {want!r}, got {got!r}"
    assert products == snapshot, "the input list was changed: use sorted(), not list.sort()"

    got = [p["name"] for p in most_expensive(products, 4)]
    want = ["desk", "kettle", "lamp", "mug"]
    assert got == want, (
        f"expected {want!r} (kettle before lamp and mug before bowl, as in the input), got {got!r}; "
        "use sorted(..., reverse=True) rather than reversing an ascending sort")
    assert products == snapshot, "the input list was changed: use sorted(), not list.sort()"
    assert most_expensive(products, 0) == [], "n=0 should give []"


if __name__ == "__main__":
    run_tasks()
