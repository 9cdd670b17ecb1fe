# Django Interview Prep: An async view: concurrent calls, timeouts and the ORM
# Topic: Concurrency: GIL, Threads, Processes, asyncio  (Django Prep: Open Topic shows the explanation)
# Run it: python3 async_view.py     Each numbered task below prints ✓ when it passes.
#
# A product page needs a row from the database plus answers from two other services (price,
# stock) and from an old blocking library (reviews). Awaited one after another, two 300 ms
# calls take 600 ms; awaited together, 300 ms. Write the async view: the ORM through
# sync_to_async, the calls at once with asyncio.gather, each bounded by a timeout, blocking
# code off the event loop, and a page that still answers (marked partial) when a service is
# slow or down. The checks call the view through Django's AsyncClient and swap the services
# for fakes that record what overlapped, what was cancelled and which thread ran what.
# Written for Django 3.2+ (asgiref); the 4.1+ async ORM methods are noted where they fit.

# {{django-setup}}

# {{task-runner}}

import asyncio
import logging
import time

from asgiref.sync import sync_to_async
from django.db import models
from django.http import JsonResponse
from django.urls import path

SERVICE_TIMEOUT = 0.5  # seconds an outside call may take before the page gives up on it
log = logging.getLogger("practice.product_page")


class Category(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "practice"


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=100)
    category = models.ForeignKey(Category, on_delete=models.PROTECT)

    class Meta:
        app_label = "practice"


# ---- The outside world (given; the checks replace these three with fakes) ------------

async def fetch_price(sku):
    """Stands for an HTTP call to the pricing service (httpx.AsyncClient in real code)."""
    await asyncio.sleep(0.3)
    return {"price_cents": 1999}


async def fetch_stock(sku):
    """Stands for an HTTP call to the warehouse service."""
    await asyncio.sleep(0.3)
    return {"in_stock": 7}


def fetch_reviews(sku):
    """An old client library with no async API: it blocks the thread that calls it."""
    time.sleep(0.3)
    return ["Sturdy.", "Arrived late."]


# ---- Your code ---------------------------------------------------------------------

# TODO 1: load_product(sku) returns the Product with that sku, its category loaded too, or
#         None. Async code must not touch the ORM directly (Django raises
#         SynchronousOnlyOperation), and that includes a lazy foreign key like
#         product.category: do all the ORM work inside one sync function run by sync_to_async.
#         Django 4.1+: await Product.objects.select_related("category").filter(sku=sku).afirst()
def load_product(sku):
    raise NotImplementedError


# TODO 3 (checked by tasks 3-4): call_service(fetch, sku) awaits fetch(sku) for at most
#         SERVICE_TIMEOUT seconds (asyncio.wait_for cancels it when time is up) and returns its
#         result, or None when it timed out or raised (log it). One bad service must not fail
#         the whole page.
async def call_service(fetch, sku):
    raise NotImplementedError


# TODO 2: product_page is an async view (async def). It answers 404 {"detail": "Not found."}
#         for an unknown sku; otherwise it starts the price, stock and review calls together
#         (asyncio.gather), each through call_service, and answers 200 with
#         {"sku", "name", "category", "price_cents", "in_stock", "reviews", "partial"}, where
#         a failed call gives None and "partial": true. Call fetch_price, fetch_stock and
#         fetch_reviews by their names here, so the checks can swap them.
# TODO 5: fetch_reviews blocks: called from async code it would freeze the event loop and
#         every other request with it. Run it in a worker thread with
#         sync_to_async(fetch_reviews, thread_sensitive=False).
async def product_page(request, sku):
    raise NotImplementedError


urlpatterns = [path("products/<str:sku>/", product_page)]

# {{checks}}
