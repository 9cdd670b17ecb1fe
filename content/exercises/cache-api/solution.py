# Django Interview Prep: Caching with the low-level API and cache_page
# Topic: Caching in Django  (Django Prep: Open Topic shows the explanation)
# Run it: python3 cache_api.py     Each numbered task below prints ✓ when it passes.
#
# A shop reads products, coupons and category lists far more often than it writes them.
# Put django.core.cache.cache (a LocMemCache here, Redis in production) in front of the
# database. The checks count SQL queries with CaptureQueriesContext: a cache hit must run
# none, a miss exactly one. They also request a view twice and count how often it ran.

# {{django-setup}}

# {{task-runner}}

from django.core.cache import cache
from django.db import connection, models, transaction
from django.http import JsonResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.views.decorators.cache import cache_page

CACHE_SECONDS = 300
MISSING = object()  # a sentinel: "not in the cache", as opposed to a cached None


class Product(models.Model):
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=50)
    price_cents = models.IntegerField()

    class Meta:
        app_label = "practice"


class Coupon(models.Model):
    code = models.CharField(max_length=30, unique=True)
    percent_off = models.IntegerField()

    class Meta:
        app_label = "practice"


def product_key(product_id):
    return f"product:{product_id}"


def coupon_key(code):
    return f"coupon:{code}"


def category_key(category):
    return f"category:{category}:names"


# TODO 1: Cache-aside. Return {"id": ..., "name": ..., "price_cents": ...} for the product.
#         Look in the cache first (cache.get with product_key); on a miss load the row with
#         one query, store the dict for CACHE_SECONDS with cache.set, and return it.
def get_product(product_id):
    key = product_key(product_id)
    data = cache.get(key)
    if data is None:  # a miss: load, then fill the cache
        product = Product.objects.get(pk=product_id)
        data = {"id": product.id, "name": product.name, "price_cents": product.price_cents}
        cache.set(key, data, CACHE_SECONDS)
    return data


# TODO 2: Change the price in the database, then invalidate the cached dict so the next
#         get_product() reads the new price. Delete the key only once the write has
#         committed (transaction.on_commit), or a concurrent reader may cache the old row.
def update_price(product_id, new_price_cents):
    Product.objects.filter(pk=product_id).update(price_cents=new_price_cents)
    transaction.on_commit(lambda: cache.delete(product_key(product_id)))  # runs at once in autocommit


# TODO 3: Return the coupon's percent_off, or None when no coupon has that code. Cache
#         BOTH answers for CACHE_SECONDS: an unknown code must not query again either.
#         cache.get() also returns None on a miss, so pass MISSING as its default.
def coupon_percent(code):
    key = coupon_key(code)
    cached = cache.get(key, MISSING)
    if cached is not MISSING:  # a hit, even when the cached value is None
        return cached
    percent = Coupon.objects.filter(code=code).values_list("percent_off", flat=True).first()
    cache.set(key, percent, CACHE_SECONDS)  # None is cached too (negative caching)
    return percent


# TODO 4: Versioned keys. catalog_version() returns the current catalog version, stored
#         in the cache under "catalog:version" (start at 1; never expire: timeout=None).
#         bump_catalog_version() increases it by one (cache.incr), which retires every
#         category list at once. category_names(category) returns the sorted product
#         names of a category, cached with cache.get_or_set(category_key(category), ...,
#         version=catalog_version()).
def catalog_version():
    return cache.get_or_set("catalog:version", 1, timeout=None)


def bump_catalog_version():
    catalog_version()  # incr() raises ValueError on a missing key
    cache.incr("catalog:version")


def category_names(category):
    return cache.get_or_set(
        category_key(category),
        lambda: list(Product.objects.filter(category=category).order_by("name").values_list("name", flat=True)),
        CACHE_SECONDS,
        version=catalog_version(),
    )


VIEW_CALLS = []  # product ids, one entry each time the view body really runs


# TODO 5: Cache the whole response of this view for 60 seconds with cache_page, so a
#         second GET of the same URL is answered from the cache without running it.
@cache_page(60)
def product_detail(request, product_id):
    VIEW_CALLS.append(product_id)
    product = Product.objects.get(pk=product_id)
    return JsonResponse({"id": product.id, "name": product.name, "price_cents": product.price_cents})


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
