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
    raise NotImplementedError  # TODO 1


# TODO 2: Change the price in the database, then invalidate the cached dict so the next
#         get_product() reads the new price. Delete the key only once the write has
#         committed (transaction.on_commit), or a concurrent reader may cache the old row.
def update_price(product_id, new_price_cents):
    raise NotImplementedError  # TODO 2


# TODO 3: Return the coupon's percent_off, or None when no coupon has that code. Cache
#         BOTH answers for CACHE_SECONDS: an unknown code must not query again either.
#         cache.get() also returns None on a miss, so pass MISSING as its default.
def coupon_percent(code):
    raise NotImplementedError  # TODO 3


# TODO 4: Versioned keys. catalog_version() returns the current catalog version, stored
#         in the cache under "catalog:version" (start at 1; never expire: timeout=None).
#         bump_catalog_version() increases it by one (cache.incr), which retires every
#         category list at once. category_names(category) returns the sorted product
#         names of a category, cached with cache.get_or_set(category_key(category), ...,
#         version=catalog_version()).
def catalog_version():
    raise NotImplementedError  # TODO 4


def bump_catalog_version():
    raise NotImplementedError  # TODO 4


def category_names(category):
    raise NotImplementedError  # TODO 4


VIEW_CALLS = []  # product ids, one entry each time the view body really runs


# TODO 5: Cache the whole response of this view for 60 seconds with cache_page, so a
#         second GET of the same URL is answered from the cache without running it.
def product_detail(request, product_id):
    VIEW_CALLS.append(product_id)
    product = Product.objects.get(pk=product_id)
    return JsonResponse({"id": product.id, "name": product.name, "price_cents": product.price_cents})

# {{checks}}
