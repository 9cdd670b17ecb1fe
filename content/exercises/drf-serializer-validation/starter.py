# Django Interview Prep: Validation in DRF serializers
# Topic: Forms and Validation  (Django Prep: Open Topic shows the explanation)
# Run it: python3 serializer_validation.py     Each numbered task below prints ✓ when it passes.
#
# A room-booking API. Booking already has rules of its own in Booking.clean(), which the admin
# and ModelForms run, but DRF never calls Model.clean() or full_clean(): a serializer accepts
# whatever its own fields and validators allow. Write each kind of serializer validation, reuse
# the model's rules instead of copying them, turn a database constraint into a 400 instead of an
# IntegrityError, and answer through an APIView. The checks call serializer.is_valid() and
# post with DRF's APIClient.

# {{django-setup}}

import copy
import logging
import re
from datetime import date

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, models, transaction
from django.urls import path
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.validators import UniqueTogetherValidator
from rest_framework.views import APIView


class Room(models.Model):
    name = models.CharField(max_length=50, unique=True)
    capacity = models.PositiveIntegerField()

    class Meta:
        app_label = "practice"


class Booking(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="bookings")
    guest_email = models.EmailField()
    guests = models.PositiveIntegerField()
    check_in = models.DateField()
    check_out = models.DateField()
    promo_code = models.CharField(max_length=12, blank=True)

    class Meta:
        app_label = "practice"
        constraints = [models.UniqueConstraint(fields=["room", "check_in"], name="one_arrival_per_room_per_day")]

    def clean(self):
        """The model's own rules. ModelForms and the admin run them (through full_clean()); DRF does not."""
        errors = {}
        if self.check_in and self.check_out:
            if self.check_out <= self.check_in:
                errors["check_out"] = "Check-out must be after check-in."
            elif (self.check_out - self.check_in).days > 14:
                errors["check_out"] = "A booking is at most 14 nights."
        if self.room_id and self.guests and self.guests > self.room.capacity:
            errors["guests"] = f"{self.room.name} sleeps at most {self.room.capacity}."
        if errors:
            raise DjangoValidationError(errors)


DISPOSABLE_DOMAINS = {"mailinator.com", "trashmail.com", "10minutemail.com"}


# ---- Your code ---------------------------------------------------------------

# TODO 2: a reusable validator: an empty code is fine; any other must be four capital letters then
#   two digits ("SPRG24"). Raise serializers.ValidationError otherwise. It is attached to the
#   promo_code field below (extra_kwargs); the same function could serve any other serializer.
def promo_code_validator(value):
    raise NotImplementedError


class BookingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Booking
        fields = ["id", "room", "guest_email", "guests", "check_in", "check_out", "promo_code"]
        # TODO 4: the database allows one arrival per room per day (the UniqueConstraint above).
        #   DRF 3.14 does not check a UniqueConstraint before saving (3.15+ does), so a duplicate
        #   reaches the database as an IntegrityError and a 500. Declare a UniqueTogetherValidator.

    # TODO 1: field-level validation: store the address in lower case, and refuse the disposable
    #   domains in DISPOSABLE_DOMAINS (the error belongs under "guest_email").
    def validate_guest_email(self, value):
        return value  # placeholder: accepts anything

    # TODO 3: object-level validation that runs Booking.clean() on the data being saved, so its
    #   rules hold for the API too, without copying them. On PATCH, attrs has only the fields
    #   sent: start from (a copy of) self.instance. Django's ValidationError raised in validate()
    #   is turned into DRF's, keyed by field.
    def validate(self, attrs):
        return attrs  # placeholder: accepts anything


# TODO 5: POST /api/bookings/ -> 201 with the saved booking, or 400 with every error by field.
class BookingCreateView(APIView):
    def post(self, request):
        raise NotImplementedError

# {{checks}}
