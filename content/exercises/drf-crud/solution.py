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
        clashes = Event.objects.filter(title__iexact=value)
        if self.instance is not None:
            clashes = clashes.exclude(pk=self.instance.pk)
        if clashes.exists():
            raise serializers.ValidationError("An event with this title already exists.")
        # In production, back this with a database constraint too (two requests can race):
        # UniqueConstraint(Lower("title"), name="event_title_ci_unique") on Django 4.0+.
        return value

    def validate_capacity(self, value):
        if not 1 <= value <= 500:
            raise serializers.ValidationError("Capacity must be between 1 and 500.")
        return value

    # TODO 2: object-level validation in validate(attrs): ends_on must not be before starts_on.
    #   Key the error by field: raise serializers.ValidationError({"ends_on": "..."}).
    #   Careful with PATCH: attrs holds only the fields that were sent; take the others from self.instance.
    def validate(self, attrs):
        starts_on = attrs.get("starts_on", getattr(self.instance, "starts_on", None))
        ends_on = attrs.get("ends_on", getattr(self.instance, "ends_on", None))
        if starts_on and ends_on and ends_on < starts_on:
            raise serializers.ValidationError({"ends_on": "An event cannot end before it starts."})
        return attrs


# TODO 3 (checked by tasks 3-6): EventViewSet, a ModelViewSet over all events ordered by id using
#   EventSerializer; then register it on the DefaultRouter below under the prefix "events", so that
#   /api/events/ and /api/events/<pk>/ exist (and the router's API root at /api/ lists "events").
class EventViewSet(viewsets.ModelViewSet):
    queryset = Event.objects.order_by("id")
    serializer_class = EventSerializer


router = routers.DefaultRouter()
router.register("events", EventViewSet, basename="event")

# {{checks}}
