# Django Interview Prep: Cache-aside on real Redis with django-redis
# Topic: Caching in Django  (Django Prep: Open Topic shows the explanation)
# Run it: python3 cache_aside_redis.py     Each numbered task below prints ✓ when it passes.
#
# Needs redis-server, redis-py and django-redis installed, not running (Debian/Ubuntu: sudo apt
# install redis-server python3-redis python3-django-redis; macOS: brew install redis, pip install
# django-redis). The check starts its own throwaway Redis on a free port and stops it afterwards.
#
# A shop reads products far more often than it changes them. Put Redis in front of the database
# with the cache-aside pattern: look in the cache, on a miss read the database and store the
# result with a TTL. Then keep it correct: delete entries when a product changes (after the
# transaction commits, or a concurrent reader can put the old row back), retire cached lists
# with delete_pattern(), and let only one caller rebuild a missing entry at a time. The checks
# count SQL queries and look straight into Redis (keys and TTLs) with its own client.

# {{services}}
_CACHES = {"default": throwaway_redis_cache()}  # django-redis on a Redis server for this run only

# {{django-setup}}

import time

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

PRODUCT_TTL = 600  # seconds a cached product lives
LIST_TTL = 120     # seconds a cached category list lives


class Product(models.Model):
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=50)
    price_cents = models.IntegerField()

    class Meta:
        app_label = "practice"


def product_key(product_id):
    return f"product:{product_id}"


def category_key(category):
    return f"category:{category}"


def load_product(product_id):
    """The database read: a dict of the product's fields, or None. One query."""
    return Product.objects.filter(pk=product_id).values("id", "name", "category", "price_cents").first()


# ---- Your code ---------------------------------------------------------------

def get_product(product_id):
    """The product as a dict (see load_product), or None when there is no such product.
    Cache-aside: Redis first; on a miss load_product(), stored under product_key() for PRODUCT_TTL."""
    # TODO 1: cache.get(); on a miss load the product and cache.set() it with a timeout.
    key = product_key(product_id)
    product = cache.get(key)
    if product is None:
        product = load_product(product_id)
        if product is not None:
            cache.set(key, product, PRODUCT_TTL)
    return product


# TODO 2 (checked by tasks 2-3): when a product is saved or deleted, delete its cached entry and
#         every cached category list. Use receivers of post_save and post_delete, and do the
#         deleting in transaction.on_commit(): before the commit, another request still reads
#         the old row and would cache it again.
@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
def forget_product(sender, instance, **kwargs):
    def forget():
        cache.delete(product_key(instance.pk))
        cache.delete_pattern(category_key("*"))  # the product may have left one list for another
    # Runs now in autocommit mode, else right after COMMIT (and never after a rollback).
    transaction.on_commit(forget)


def products_in_category(category):
    """The category's products as dicts (id, name, price_cents) ordered by name, cached under
    category_key(category) for LIST_TTL."""
    # TODO 4: cache the list. A product that changes may appear in any list (or move between
    #         two), so invalidation deletes them all: cache.delete_pattern("category:*").
    return cache.get_or_set(
        category_key(category),
        lambda: list(Product.objects.filter(category=category).order_by("name").values("id", "name", "price_cents")),
        LIST_TTL)


def cached(key, compute, ttl=PRODUCT_TTL):
    """The value cached under key; on a miss compute() it, cache it for ttl and return it.
    A stampede guard: while one caller computes a missing key, the others wait for its result
    instead of running compute() too. If compute() raises, the error reaches its caller and
    nothing is left behind in Redis."""
    # TODO 5: take a lock with cache.add(lock_key, ..., timeout=...) (Redis SET NX EX: exactly one
    #         caller gets it); the others poll cache.get(key). Release the lock in a finally block.
    value = cache.get(key)
    if value is not None:
        return value
    lock = f"lock:{key}"
    deadline = time.monotonic() + 10
    while True:
        if cache.add(lock, "1", timeout=30):  # expires by itself if this worker dies
            try:
                value = cache.get(key)  # someone may have filled it while we waited
                if value is None:
                    value = compute()
                    cache.set(key, value, ttl)
                return value
            finally:
                cache.delete(lock)
        time.sleep(0.05)
        value = cache.get(key)
        if value is not None:
            return value
        if time.monotonic() > deadline:  # the lock holder is stuck: better slow than never
            return compute()

# {{checks}}
