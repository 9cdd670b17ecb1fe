# Django Interview Prep: Write the tests: catch three broken versions of an API
# Topic: CI/CD  (Django Prep: Open Topic shows the explanation)
# Run it: python3 reservation_tests.py     Each numbered task below prints ✓ when it passes.
#
# This time the code is finished and correct: a small DRF API for seat reservations. Your job
# is the test class under "Your tests". The checks run it with a real unittest runner four
# times: against this API (every test must pass), then against three copies of it that each
# hide one bug, the way a reviewer or a mutation-testing tool would. Each broken copy must
# make at least one of your tests fail. Test through HTTP with self.client, as a client
# would; do not change the API code.

# {{django-setup}}

# {{task-runner}}

from django.contrib.auth.models import User
from django.db import models
from django.urls import include, path
from rest_framework import authentication, permissions, routers, serializers, status, viewsets
from rest_framework.test import APITestCase

MAX_SEATS = 6


# ---- The API under test (correct; do not change) ---------------------------------

class Reservation(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reservations")
    event = models.CharField(max_length=100)
    seats = models.PositiveSmallIntegerField()

    class Meta:
        app_label = "practice"
        ordering = ["id"]


class ReservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reservation
        fields = ["id", "event", "seats"]

    def validate_seats(self, value):
        if not 1 <= value <= MAX_SEATS:
            raise serializers.ValidationError(f"Book between 1 and {MAX_SEATS} seats.")
        return value


class ReservationViewSet(viewsets.ModelViewSet):
    """/api/reservations/: a user lists, books, changes and cancels only their own reservations.

    Anonymous requests get 401; another user's reservation answers 404, as if it did not exist."""
    serializer_class = ReservationSerializer
    authentication_classes = [authentication.TokenAuthentication, authentication.SessionAuthentication]
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return Reservation.objects.filter(owner=self.request.user)

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)


router = routers.DefaultRouter()
router.register("reservations", ReservationViewSet, basename="reservation")
urlpatterns = [path("api/", include(router.urls))]
LIST_URL = "/api/reservations/"  # one reservation: f"{LIST_URL}{pk}/"


# ---- Your tests --------------------------------------------------------------------

class ReservationApiTests(APITestCase):
    """Runs against the API above, then against three broken copies of it (see the checks)."""

    # TODO 1: Write at least 3 tests (methods named test_...) that each check something with
    #         self.assert... and all pass on the API above. Make users with
    #         User.objects.create_user() and log in with self.client.force_authenticate(user).
    # TODO 2: One broken copy gets the seat limit wrong by one. Which requests would notice?
    # TODO 3: One forgets that a reservation belongs to its owner. What may another user not do?
    # TODO 4: One answers a successful booking with the wrong status code.

    def test_placeholder(self):
        self.assertTrue(True)  # replace me: this says nothing about the API

# {{checks}}
