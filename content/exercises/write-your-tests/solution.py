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

    @classmethod
    def setUpTestData(cls):
        # Created once for the class; each test runs in a transaction that is rolled back.
        cls.alice = User.objects.create_user("alice", password="pw-alice")
        cls.bob = User.objects.create_user("bob", password="pw-bob")

    def setUp(self):
        self.client.force_authenticate(self.alice)

    def book(self, seats, event="Concert"):
        return self.client.post(LIST_URL, {"event": event, "seats": seats}, format="json")

    def test_anonymous_request_is_401(self):
        self.client.force_authenticate(None)
        self.assertEqual(self.client.get(LIST_URL).status_code, status.HTTP_401_UNAUTHORIZED)
        self.assertEqual(self.book(2).status_code, status.HTTP_401_UNAUTHORIZED)

    def test_booking_returns_201_and_belongs_to_the_caller(self):
        response = self.book(2)
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)
        self.assertEqual(response.data["seats"], 2)
        self.assertEqual(Reservation.objects.get(pk=response.data["id"]).owner, self.alice)

    def test_seat_limit_on_both_sides_of_each_boundary(self):
        # Boundary values: the last valid and the first invalid number at each end.
        cases = [(0, status.HTTP_400_BAD_REQUEST), (1, status.HTTP_201_CREATED),
                 (MAX_SEATS, status.HTTP_201_CREATED), (MAX_SEATS + 1, status.HTTP_400_BAD_REQUEST)]
        for seats, expected in cases:
            with self.subTest(seats=seats):
                self.assertEqual(self.book(seats).status_code, expected)
        self.assertEqual(Reservation.objects.count(), 2, "only the valid bookings are saved")

    def test_another_users_reservation_is_invisible(self):
        theirs = Reservation.objects.create(owner=self.bob, event="Opera", seats=1)
        url = f"{LIST_URL}{theirs.pk}/"
        self.assertEqual(self.client.get(url).status_code, status.HTTP_404_NOT_FOUND)
        self.assertEqual(self.client.patch(url, {"seats": 3}, format="json").status_code, status.HTTP_404_NOT_FOUND)
        self.assertEqual(self.client.delete(url).status_code, status.HTTP_404_NOT_FOUND)
        self.assertEqual(self.client.get(LIST_URL).data, [])
        theirs.refresh_from_db()
        self.assertEqual(theirs.seats, 1)

# {{checks}}
