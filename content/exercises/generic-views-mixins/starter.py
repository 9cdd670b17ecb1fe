# Django Interview Prep: Generic views and mixins
# Topic: Views, Generic Views and Mixins  (Django Prep: Open Topic shows the explanation)
# Run it: python3 generic_views_mixins.py     Each numbered task below prints ✓ when it passes.
#
# A small job board built from ListView and DetailView. Override the narrowest hook
# (get_queryset, get_context_data) and call super(); never rewrite get(). Order of bases:
# access mixins leftmost, the generic view rightmost, other mixins in between. The provided
# JSONContextMixin renders the template context as JSON, so no templates are needed and the
# checks (django.test.Client) can read the context: object_list, page_obj, object, your keys.

# {{django-setup}}

import logging

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import User
from django.conf import settings
from django.core.paginator import Page
from django.db import models
from django.http import JsonResponse
from django.test import Client
from django.urls import path
from django.views.generic import DetailView, ListView


class JobPosting(models.Model):
    title = models.CharField(max_length=100)
    city = models.CharField(max_length=50)
    is_active = models.BooleanField(default=True)
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="postings")

    class Meta:
        app_label = "practice"


def _to_json(value):
    if isinstance(value, models.Model):
        return {field.attname: getattr(value, field.attname) for field in value._meta.concrete_fields}
    if isinstance(value, Page):
        return {"number": value.number, "num_pages": value.paginator.num_pages, "has_next": value.has_next()}
    if isinstance(value, (models.QuerySet, list, tuple, set)):
        return [_to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _to_json(item) for key, item in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


class JSONContextMixin:
    """Provided: replaces template rendering with the context as JSON. Keep it left of ListView/DetailView."""

    def render_to_response(self, context, **response_kwargs):
        data = {key: _to_json(value) for key, value in context.items() if key not in ("view", "paginator")}
        return JsonResponse(data, **response_kwargs)


# TODO 4: CityChoicesMixin adds two keys to the context, for a "filter by city" dropdown:
#   "cities": the distinct cities of ACTIVE postings, sorted; "current_city": the ?city= value or None.
#   Call super().get_context_data(**kwargs) so ListView's own keys (object_list, page_obj...) survive.
#   Then add the mixin to JobListView's bases. Where? Try it right of ListView and see task 4 fail.
class CityChoicesMixin:
    def get_context_data(self, **kwargs):
        raise NotImplementedError


# TODO 1: JobListView at /jobs/: override get_queryset() to show only active postings, ordered by
#   title (then id), and when ?city=... is given only that city, case-insensitively (?city=berlin finds "Berlin").
# TODO 2: paginate it: 3 postings per page (?page=2 is page 2; a page past the end must be 404).
class JobListView(JSONContextMixin, ListView):
    model = JobPosting


# TODO 3: JobDetailView at /jobs/<pk>/: an inactive posting must be 404 like a missing one.
#   (Scope the queryset; DetailView's get_object() then does the 404 for you.)
class JobDetailView(JSONContextMixin, DetailView):
    model = JobPosting


# TODO 5: MyPostingsView at /jobs/mine/: only for logged-in users (anonymous -> redirect to the login
#   page, with ?next=), listing the current user's own postings, active or not, ordered by id.
class MyPostingsView(JSONContextMixin, ListView):
    model = JobPosting

# {{checks}}
