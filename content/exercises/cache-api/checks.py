urlpatterns = [path("products/<int:product_id>/", product_detail)]


# ---- Checks (do not edit) ----------------------------------------------------
def _count_queries(function, *args):
    with CaptureQueriesContext(connection) as queries:
        result = function(*args)
    return result, len(queries)


def _new_product(name, category="misc", price_cents=1000):
    return Product.objects.create(name=name, category=category, price_cents=price_cents)


@task(1, "get_product(): the first call runs one query, the second none")
def check_cache_aside():
    product = _new_product("Kettle", price_cents=2999)
    want = {"id": product.id, "name": "Kettle", "price_cents": 2999}
    got, queries = _count_queries(get_product, product.id)
    assert got == want, f"expected {want!r}, got {got!r}"
    assert queries == 1, f"a cache miss should run exactly 1 query, ran {queries}"
    got, queries = _count_queries(get_product, product.id)
    assert got == want, f"the cached call returned {got!r}, expected {want!r}"
    assert queries == 0, f"the second call should be a cache hit with 0 queries, ran {queries}"


@task(2, "update_price() saves the price and invalidates the cached product")
def check_invalidation():
    product = _new_product("Toaster", price_cents=4000)
    get_product(product.id)  # warm the cache
    update_price(product.id, 3500)
    product.refresh_from_db()
    assert product.price_cents == 3500, f"the database still has price_cents={product.price_cents}"
    got, queries = _count_queries(get_product, product.id)
    assert got["price_cents"] == 3500, f"get_product() still returns the stale price {got['price_cents']}"
    assert queries == 1, f"after the update the product should be reloaded with 1 query, ran {queries}"
    with transaction.atomic():
        update_price(product.id, 3000)
    assert get_product(product.id)["price_cents"] == 3000, "inside atomic(), the key was not deleted after COMMIT"


@task(3, "coupon_percent(): known and unknown codes are both cached (None too)")
def check_cached_none():
    Coupon.objects.create(code="SPRING10", percent_off=10)
    for code, want in [("SPRING10", 10), ("NO-SUCH-CODE", None)]:
        got, queries = _count_queries(coupon_percent, code)
        assert got == want, f"coupon_percent({code!r}): expected {want!r}, got {got!r}"
        assert queries == 1, f"coupon_percent({code!r}) on a miss should run 1 query, ran {queries}"
        got, queries = _count_queries(coupon_percent, code)
        assert got == want, f"coupon_percent({code!r}) from the cache: expected {want!r}, got {got!r}"
        assert queries == 0, (
            f"coupon_percent({code!r}) queried again ({queries} queries); "
            "a cached None looks like a miss unless you use the MISSING sentinel")


@task(4, "category_names() is cached per catalog version; a bump retires it")
def check_versioning():
    for name in ["Mug", "Bowl"]:
        _new_product(name, category="kitchen-v")
    got, queries = _count_queries(category_names, "kitchen-v")
    assert got == ["Bowl", "Mug"], f"expected ['Bowl', 'Mug'], got {got!r}"
    assert queries == 1, f"a miss should run 1 query, ran {queries}"
    _new_product("Apron", category="kitchen-v")
    got, queries = _count_queries(category_names, "kitchen-v")
    assert (got, queries) == (["Bowl", "Mug"], 0), f"expected the cached list with 0 queries, got {got!r} with {queries}"
    before = catalog_version()
    bump_catalog_version()
    assert catalog_version() == before + 1, f"expected version {before + 1} after a bump, got {catalog_version()!r}"
    got, queries = _count_queries(category_names, "kitchen-v")
    assert got == ["Apron", "Bowl", "Mug"], f"after the bump expected the fresh list, got {got!r}"
    assert queries == 1, f"after the bump the list should be rebuilt with 1 query, ran {queries}"


@task(5, "cache_page: a second GET of the same URL does not run the view")
def check_cache_page():
    product = _new_product("Lamp", price_cents=5000)
    url = f"/products/{product.id}/"
    client = Client()
    first = client.get(url)
    assert first.status_code == 200, f"expected 200 from {url}, got {first.status_code}"
    Product.objects.filter(pk=product.id).update(price_cents=1)
    second = client.get(url)
    runs = VIEW_CALLS.count(product.id)
    assert runs == 1, f"the view ran {runs} times for two GETs of {url}; decorate it with cache_page(60)"
    assert second.content == first.content, "the second response should be the cached copy of the first"
    assert "max-age=60" in second.get("Cache-Control", ""), (
        f"expected Cache-Control max-age=60, got {second.get('Cache-Control')!r}")
    other = _new_product("Rug")
    client.get(f"/products/{other.id}/")
    assert VIEW_CALLS.count(other.id) == 1, "another URL should be a separate cache entry and run the view"


if __name__ == "__main__":
    run_tasks()
