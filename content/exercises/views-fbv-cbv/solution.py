# Django Interview Prep: Function-based vs class-based views
# Topic: Views, Generic Views and Mixins  (Django Prep: Open Topic shows the explanation)
# Run it: python3 fbv_vs_cbv.py     Each numbered task below prints ✓ when it passes.
#
# Build one small JSON endpoint for products twice: as plain functions (/fbv/...) and as
# View subclasses (/cbv/...). Start with parse_product(), which both styles share, so the
# views stay thin. The checks send real requests with django.test.Client and compare status
# codes, JSON bodies and the database. (The test client skips CSRF checks; a real JSON API
# would use DRF or csrf_exempt plus another form of authentication.)

# {{django-setup}}

import json
import logging

from django.db import models
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.test import Client
from django.urls import path
from django.views import View
from django.views.decorators.http import require_GET, require_http_methods


class Product(models.Model):
    name = models.CharField(max_length=100)
    price_cents = models.PositiveIntegerField()

    class Meta:
        app_label = "practice"
        ordering = ["id"]


def product_to_dict(product):
    """Provided: the JSON shape of one product."""
    return {"id": product.pk, "name": product.name, "price_cents": product.price_cents}


# TODO 1: parse_product(body) gets the raw request body (bytes) and returns (data, errors).
#   - not valid JSON, or JSON that is not an object      -> (None, {"body": "<message>"})
#   - "name": required string, strip it, not empty, at most 100 characters -> errors["name"]
#   - "price_cents": required int greater than 0 (True is an int in Python: reject bools)
#                                                        -> errors["price_cents"]
#   Report every field error at once. Valid input -> ({"name": ..., "price_cents": ...}, {}).
def parse_product(body):
    try:
        payload = json.loads(body)
    except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are both ValueErrors
        return None, {"body": "Send a JSON object."}
    if not isinstance(payload, dict):
        return None, {"body": "Send a JSON object."}

    errors = {}
    name = payload.get("name")
    if not isinstance(name, str) or not name.strip():
        errors["name"] = "This field is required."
    elif len(name.strip()) > 100:
        errors["name"] = "At most 100 characters."
    price = payload.get("price_cents")
    if isinstance(price, bool) or not isinstance(price, int) or price <= 0:
        errors["price_cents"] = "A positive whole number of cents is required."
    if errors:
        return None, errors
    return {"name": name.strip(), "price_cents": price}, {}


# TODO 2: product_collection, a function-based view for /fbv/products/
#   GET  -> 200 {"results": [product_to_dict(p), ...]} ordered by id
#   POST -> parse_product(request.body); invalid -> 400 {"errors": errors}; valid -> create, 201 + the product
#   any other method -> 405, using the require_http_methods decorator (it also sets the Allow header)
@require_http_methods(["GET", "POST"])
def product_collection(request):
    if request.method == "GET":
        return JsonResponse({"results": [product_to_dict(p) for p in Product.objects.all()]})
    data, errors = parse_product(request.body)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    product = Product.objects.create(**data)
    return JsonResponse(product_to_dict(product), status=201)


# TODO 3: product_detail, a function-based view for /fbv/products/<pk>/
#   GET -> 200 with the product; unknown pk -> 404 (get_object_or_404); other methods -> 405 (require_GET)
@require_GET
def product_detail(request, pk):
    product = get_object_or_404(Product, pk=pk)
    return JsonResponse(product_to_dict(product))


# TODO 4: ProductCollectionView, the same behaviour as TODO 2 as a View subclass with get() and post().
#   No decorator needed for 405: View.dispatch() answers it for methods the class does not define.
class ProductCollectionView(View):
    def get(self, request):
        return JsonResponse({"results": [product_to_dict(p) for p in Product.objects.all()]})

    def post(self, request):
        data, errors = parse_product(request.body)
        if errors:
            return JsonResponse({"errors": errors}, status=400)
        product = Product.objects.create(**data)
        return JsonResponse(product_to_dict(product), status=201)


# TODO 5: ProductDetailView, the same behaviour as TODO 3 as a View subclass (URL kwargs arrive in get()).
class ProductDetailView(View):
    def get(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        return JsonResponse(product_to_dict(product))

# {{checks}}
