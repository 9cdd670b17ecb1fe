urlpatterns = [path("api/bookings/", BookingCreateView.as_view())]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # expected 400s stay quiet; tasks report them


def _room(name, capacity=2):
    return Room.objects.create(name=name, capacity=capacity)


def _data(room, **changes):
    data = {"room": room.pk, "guest_email": "guest@example.com", "guests": 2,
            "check_in": "2025-07-01", "check_out": "2025-07-04", "promo_code": ""}
    data.update(changes)
    return data


def _errors(data, instance=None, partial=False):
    serializer = BookingSerializer(instance, data=data, partial=partial)
    return {} if serializer.is_valid() else serializer.errors


@task(1, "validate_guest_email() lower-cases and refuses disposable domains")
def check_field_validation():
    room = _room("t1 Garden")
    serializer = BookingSerializer(data=_data(room, guest_email="Ada.Lovelace@Example.COM"))
    assert serializer.is_valid(), f"a valid booking was refused: {serializer.errors!r}"
    got = serializer.validated_data["guest_email"]
    assert got == "ada.lovelace@example.com", f"expected the address stored in lower case, got {got!r}"
    for email in ("spam@mailinator.com", "Someone@TrashMail.com"):
        errors = _errors(_data(room, guest_email=email))
        assert "guest_email" in errors, f"{email} uses a disposable domain: expected an error under guest_email, got {errors or 'valid'}"


@task(2, "promo_code_validator() is a reusable validator on promo_code")
def check_custom_validator():
    assert callable(promo_code_validator), "promo_code_validator should be a function"
    for good in ("", "SPRG24", "SALE99"):
        promo_code_validator(good)
    for bad in ("spring24", "SPRG2", "SPRING24", "SPRG24 ", "1234AB"):
        try:
            promo_code_validator(bad)
        except (serializers.ValidationError, DjangoValidationError):
            pass
        else:
            raise AssertionError(f"promo_code_validator({bad!r}) should raise ValidationError")
    room = _room("t2 Attic")
    for code, ok in (("SPRG24", True), ("", True), ("sprg24", False), ("FREE-STAY", False)):
        errors = _errors(_data(room, promo_code=code))
        assert ("promo_code" not in errors) == ok, (
            f"promo_code {code!r}: expected {'no error' if ok else 'an error under promo_code'}, got {errors or 'valid'}"
            + ("; attach the validator to the field (extra_kwargs validators)" if not ok else ""))


@task(3, "validate() applies Booking.clean(), also on PATCH")
def check_model_rules():
    room = _room("t3 Loft", capacity=2)
    cases = [
        (_data(room, check_in="2025-09-10", check_out="2025-09-10"), "check_out", "checking out on the arrival day"),
        (_data(room, check_in="2025-09-10", check_out="2025-09-30"), "check_out", "20 nights (the limit is 14)"),
        (_data(room, guests=3, check_in="2025-09-01", check_out="2025-09-03"), "guests", "3 guests in a room for 2"),
    ]
    for data, field, what in cases:
        errors = _errors(data)
        assert field in errors, (
            f"{what}: Booking.clean() forbids it, but the serializer said {errors or 'valid'}; DRF never calls "
            f"Model.clean(), so call it from validate() (expected an error under {field!r})")
    booking = Booking.objects.create(room=room, guest_email="a@example.com", guests=1,
                                     check_in=date(2025, 10, 1), check_out=date(2025, 10, 3))
    errors = _errors({"check_out": "2025-09-30"}, instance=booking, partial=True)
    assert "check_out" in errors, f"PATCH check_out=2025-09-30 on a stay from 2025-10-01 was accepted ({errors or 'valid'}): start from self.instance"
    booking.refresh_from_db()
    errors = _errors({"check_out": "2025-10-05"}, instance=booking, partial=True)
    assert not errors, f"PATCH check_out=2025-10-05 is fine, got {errors}"
    BookingSerializer(booking, data={"check_out": "2025-09-01"}, partial=True).is_valid()
    assert booking.check_out == date(2025, 10, 3), "a refused PATCH changed the instance itself: validate a copy"


@task(4, "a second arrival in the same room on the same day is a validation error, not an IntegrityError")
def check_unique_together():
    room = _room("t4 Suite")
    first = BookingSerializer(data=_data(room, check_in="2025-11-01", check_out="2025-11-03"))
    assert first.is_valid(), f"a valid booking was refused: {first.errors!r}"
    booking = first.save()
    second = BookingSerializer(data=_data(room, guest_email="other@example.com", check_in="2025-11-01", check_out="2025-11-02"))
    if second.is_valid():
        try:
            with transaction.atomic():
                second.save()
        except IntegrityError as error:
            raise AssertionError(f"is_valid() accepted a second arrival on 2025-11-01 and the database refused it "
                                 f"({error}): an API would answer 500; declare a UniqueTogetherValidator in Meta.validators")
        raise AssertionError("a second arrival in the same room on the same day was saved")
    assert "non_field_errors" in second.errors, f"expected the duplicate under non_field_errors, got {second.errors!r}"
    errors = _errors({"guests": 1}, instance=booking, partial=True)
    assert not errors, f"editing the booking itself must not clash with itself, got {errors}"
    other_day = _errors(_data(room, check_in="2025-11-03", check_out="2025-11-05"))
    assert not other_day, f"another day in the same room is fine, got {other_day}"


@task(5, "POST /api/bookings/: 201 when valid, 400 with every error, nothing saved")
def check_api():
    api = APIClient()
    room = _room("t5 Tower")
    before = Booking.objects.count()
    response = api.post("/api/bookings/", _data(room, guest_email="x@mailinator.com", promo_code="nope"), format="json")
    assert response.status_code == 400, f"two invalid fields: expected 400, got {response.status_code}"
    assert {"guest_email", "promo_code"} <= set(response.data), f"expected errors under guest_email and promo_code together, got {response.data!r}"
    response = api.post("/api/bookings/", _data(room, check_in="2025-12-10", check_out="2025-12-01"), format="json")
    assert response.status_code == 400 and "check_out" in response.data, \
        f"check-out before check-in: expected 400 with an error under check_out, got {response.status_code} {response.data!r}"
    assert Booking.objects.count() == before, "a refused POST saved a booking"
    response = api.post("/api/bookings/", _data(room, guest_email="Grace@Example.com", check_in="2025-12-20",
                                                check_out="2025-12-22", promo_code="XMAS25"), format="json")
    assert response.status_code == 201, f"a valid POST: expected 201, got {response.status_code} {getattr(response, 'data', '')!r}"
    saved = Booking.objects.filter(pk=response.data.get("id")).first()
    assert saved is not None and saved.guest_email == "grace@example.com", f"expected the booking saved with guest_email 'grace@example.com', got {saved and saved.guest_email!r}"
    response = api.post("/api/bookings/", _data(room, check_in="2025-12-20", check_out="2025-12-21"), format="json")
    assert response.status_code == 400, f"a second arrival on 2025-12-20: expected 400, got {response.status_code}"


if __name__ == "__main__":
    run_tasks()
