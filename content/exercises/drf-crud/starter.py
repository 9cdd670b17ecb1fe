# Django Interview Prep: CRUD API with a ModelSerializer, ModelViewSet and router
# Topic: CRUD with Serializers, ViewSets and Routers  (Django Prep: Open Topic shows the explanation)
# Run it: python3 drf_crud.py     Each numbered task below prints ✓ when it passes.
#
# An events API. Validation lives in the serializer: one rule per field in validate_<field>(),
# rules that compare fields in validate(). Then a ModelViewSet on a DefaultRouter gives you
# list, create, retrieve, update, partial update and delete. Tasks 1-2 call the serializer
# directly; tasks 3-6 send requests with DRF's APIClient and check status codes and the database.

# {{django-setup}}

import datetime
import logging

from django.db import models
from django.urls import include, path
from rest_framework import routers, serializers, viewsets
from rest_framework.test import APIClient


class Event(models.Model):
    title = models.CharField(max_length=120)
    capacity = models.PositiveIntegerField()
    starts_on = models.DateField()
    ends_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "practice"
        ordering = ["id"]


class EventSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "title", "capacity", "starts_on", "ends_on", "created_at"]
        read_only_fields = ["created_at"]

    # TODO 1: field-level validation.
    #   validate_title: titles are unique ignoring case ("PyCon" clashes with "pycon"). When updating,
    #     an event must not clash with itself (self.instance is the event being updated, None on create).
    #   validate_capacity: between 1 and 500 inclusive.
    #   Raise serializers.ValidationError("message"); DRF files it under the field's name.
    def validate_title(self, value):
        return value  # placeholder: accepts anything

    def validate_capacity(self, value):
        return value  # placeholder: accepts anything

    # TODO 2: object-level validation in validate(attrs): ends_on must not be before starts_on.
    #   Key the error by field: raise serializers.ValidationError({"ends_on": "..."}).
    #   Careful with PATCH: attrs holds only the fields that were sent; take the others from self.instance.
    def validate(self, attrs):
        return attrs  # placeholder: accepts anything


# TODO 3 (checked by tasks 3-6): EventViewSet, a ModelViewSet over all events ordered by id using
#   EventSerializer; then register it on the DefaultRouter below under the prefix "events", so that
#   /api/events/ and /api/events/<pk>/ exist (and the router's API root at /api/ lists "events").
class EventViewSet(viewsets.ModelViewSet):
    pass


router = routers.DefaultRouter()

# {{checks}}
