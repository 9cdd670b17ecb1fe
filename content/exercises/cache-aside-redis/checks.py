# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

import threading

from django.db import connection
from django.test.utils import CaptureQueriesContext


def _redis():
    """The raw Redis client, to look at keys and TTLs as Redis itself sees them."""
    from django_redis import get_redis_connection
    return get_redis_connection("default")


def _ttl(key):
    """Seconds left for a cache key: -2 when Redis does not hold it, -1 when it never expires."""
    return _redis().ttl(cache.make_key(key))


def _names(products):
    return [p["name"] for p in products]


def _fresh(*products):
    cache.clear()
    return [Product.objects.create(name=n, category=c, price_cents=p) for n, c, p in products]


def _assert_ttl(key, limit, what):
    ttl = _ttl(key)
    assert ttl != -2, f"Redis holds no {key!r} after {what}: store it under that key"
    assert ttl != -1, f"{key!r} was stored without an expiry: give cache.set() a timeout"
    assert 0 < ttl <= limit, f"{key!r} expires in {ttl} s; expected at most {limit} s"


@task(1, "get_product(): a miss reads the database once and caches for PRODUCT_TTL; a hit reads nothing")
@needs("redis")
def check_read_through():
    lamp, = _fresh(("t1-lamp", "t1-home", 1999))
    expected = {"id": lamp.pk, "name": "t1-lamp", "category": "t1-home", "price_cents": 1999}
    with CaptureQueriesContext(connection) as queries:
        first = get_product(lamp.pk)
        second = get_product(lamp.pk)
    assert first == expected and second == expected, f"expected {expected} twice, got {first} and {second}"
    assert len(queries) == 1, \
        f"two calls should run one query (the miss) and then none (the hit), but ran {len(queries)}"
    _assert_ttl(product_key(lamp.pk), PRODUCT_TTL, "get_product()")
    assert get_product(lamp.pk + 1000) is None, "a product that does not exist should give None"


@task(2, "save() and delete() invalidate the cached product")
@needs("redis")
def check_invalidation():
    lamp, = _fresh(("t2-lamp", "t2-home", 500))
    get_product(lamp.pk)
    assert _ttl(product_key(lamp.pk)) != -2, "get_product() cached nothing (task 1), so there is nothing to invalidate yet"
    lamp.price_cents = 700
    lamp.save()
    got = get_product(lamp.pk)
    assert got and got["price_cents"] == 700, \
        f"after save() with a new price of 700, get_product() returned {got}: the cached entry was not deleted"
    get_product(lamp.pk)
    pk = lamp.pk
    lamp.delete()
    got = get_product(pk)
    assert got is None, f"after delete(), get_product() returned the cached {got} instead of None"


@task(3, "no stale read: the entry is deleted after COMMIT, not before")
@needs("redis")
def check_invalidate_after_commit():
    lamp, = _fresh(("t3-lamp", "t3-home", 1000))
    old = get_product(lamp.pk)
    assert _ttl(product_key(lamp.pk)) != -2, "get_product() cached nothing (task 1), so nothing can go stale yet"
    with transaction.atomic():
        lamp.price_cents = 1500
        lamp.save()
        # Meanwhile another request misses the cache and reads the row; it cannot see this
        # uncommitted change, so it caches the old price again.
        cache.set(product_key(lamp.pk), old, PRODUCT_TTL)
    got = get_product(lamp.pk)
    assert got and got["price_cents"] == 1500, (
        f"the price is 1500 since the COMMIT, but get_product() still returns {got and got['price_cents']}: the "
        f"entry was deleted before the commit, and a reader in between cached the old row again. Delete it in "
        f"transaction.on_commit().")


@task(4, "products_in_category() is cached with a TTL, and a product change retires every cached list")
@needs("redis")
def check_lists():
    lamp, _desk, _chess = _fresh(("t4-lamp", "t4-home", 1000), ("t4-desk", "t4-home", 5000), ("t4-chess", "t4-games", 2000))
    with CaptureQueriesContext(connection) as queries:
        first = products_in_category("t4-home")
        second = products_in_category("t4-home")
    assert _names(first) == _names(second) == ["t4-desk", "t4-lamp"], f"expected t4-desk, t4-lamp, got {_names(first)}, {_names(second)}"
    assert len(queries) == 1, f"two calls should run one query, ran {len(queries)}"
    _assert_ttl(category_key("t4-home"), LIST_TTL, "products_in_category()")
    products_in_category("t4-games")
    lamp.category = "t4-games"
    lamp.save()
    home, games = _names(products_in_category("t4-home")), _names(products_in_category("t4-games"))
    assert (home, games) == (["t4-desk"], ["t4-chess", "t4-lamp"]), (
        f"after the lamp moved to t4-games, expected t4-home {['t4-desk']} and t4-games {['t4-chess', 't4-lamp']}, "
        f"got {home} and {games}: a cached list was not deleted (the lamp left one list and joined another)")
    lamp.delete()
    games = _names(products_in_category("t4-games"))
    assert games == ["t4-chess"], f"after the lamp was deleted, t4-games should list only t4-chess, got {games}"


@task(5, "cached(): eight callers on a cold key run compute() once; a failing compute() leaves nothing behind")
@needs("redis")
def check_stampede():
    _fresh()
    calls, keys_during = [], {}
    guard = threading.Lock()

    def slow_report():
        with guard:
            calls.append(1)
            if len(calls) == 1:
                keys_during.update({k.decode(): _redis().ttl(k) for k in _redis().keys("*")})
        time.sleep(0.5)  # an expensive query: the other callers arrive while it runs
        return {"bestsellers": [3, 1, 2]}

    start, results, errors = threading.Barrier(8), [None] * 8, []

    def caller(i):
        start.wait()
        try:
            results[i] = cached("t5-report", slow_report)
        except Exception as error:
            errors.append(error)
    threads = [threading.Thread(target=caller, args=(i,), daemon=True) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not errors, f"cached() raised {errors[0]!r}"
    assert len(calls) == 1, (
        f"eight callers missed the cache at the same moment and compute() ran {len(calls)} times: each of them "
        f"rebuilt the entry (a cache stampede). Let one take a lock with cache.add() and the others wait.")
    assert results == [{"bestsellers": [3, 1, 2]}] * 8, f"every caller should get the computed value, got {results}"
    forever = sorted(k for k, ttl in keys_during.items() if ttl == -1)
    assert not forever, (
        f"while compute() ran, Redis held {forever} with no expiry: if the worker holding the lock died, nobody "
        f"could ever rebuild the entry. Give the lock a timeout.")
    _assert_ttl("t5-report", PRODUCT_TTL, "cached()")

    before = {k.decode() for k in _redis().keys("*")}

    def broken():
        raise RuntimeError("the report query timed out")
    try:
        cached("t5-broken", broken)
    except RuntimeError:
        pass
    else:
        raise AssertionError("compute() raised RuntimeError, but cached() did not pass it on")
    left = sorted({k.decode() for k in _redis().keys("*")} - before)
    assert not left, f"compute() failed, yet Redis still holds {left}: release the lock in a finally block"
    assert cached("t5-broken", lambda: "ok") == "ok", "after a failed compute(), the next call should compute again"


if __name__ == "__main__":
    run_tasks()
