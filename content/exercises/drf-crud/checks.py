urlpatterns = [path("api/", include(router.urls))]


# {{task-runner}}

# ---- Checks (do not edit) ---------------------------------------------------
logging.getLogger("django.request").setLevel(logging.CRITICAL)  # expected 400/404s stay quiet; tasks report them


def _event(title, capacity=100, starts_on="2025-06-01", ends_on="2025-06-02"):
    return Event.objects.create(title=title, capacity=capacity, starts_on=datetime.date.fromisoformat(starts_on),
                                ends_on=datetime.date.fromisoformat(ends_on))


def _payload(title, capacity=100, starts_on="2025-06-01", ends_on="2025-06-02"):
    return {"title": title, "capacity": capacity, "starts_on": starts_on, "ends_on": ends_on}


def _status(response, want, what):
    assert response.status_code == want, (
        f"{what}: expected status {want}, got {response.status_code}"
        + (" (is EventViewSet registered on the router as \"events\"?)" if response.status_code == 404 and want != 404 else "")
        + (f"; body {response.data!r}" if response.status_code == 400 else ""))


@task(1, "validate_title() rejects duplicates ignoring case; validate_capacity() allows 1-500")
def check_field_validation():
    existing = _event("Task1 DjangoCon")
    serializer = EventSerializer(data=_payload("  Task1 Meetup  ", capacity=40))
    assert serializer.is_valid(), f"valid data rejected: {serializer.errors!r}"
    assert serializer.validated_data["title"] == "Task1 Meetup", f"expected the title stripped, got {serializer.validated_data['title']!r}"
    serializer = EventSerializer(data=_payload("task1 djangocon"))
    assert not serializer.is_valid(), "'task1 djangocon' was accepted although 'Task1 DjangoCon' exists (compare ignoring case)"
    assert "title" in serializer.errors, f"expected an error under 'title', got {serializer.errors!r}"
    serializer = EventSerializer(existing, data={"title": "TASK1 DJANGOCON"}, partial=True)
    assert serializer.is_valid(), f"renaming an event to its own title (other case) must be allowed: exclude self.instance; got {serializer.errors!r}"
    for capacity, ok in [(0, False), (1, True), (500, True), (501, False)]:
        serializer = EventSerializer(data=_payload(f"Task1 capacity {capacity}", capacity=capacity))
        valid = serializer.is_valid()
        assert valid == ok, f"capacity {capacity}: expected {'valid' if ok else 'an error'}, got {serializer.errors or 'valid'}"
        assert ok or "capacity" in serializer.errors, f"capacity {capacity}: expected an error under 'capacity', got {serializer.errors!r}"


@task(2, "validate() rejects ends_on before starts_on, also on partial updates")
def check_object_validation():
    serializer = EventSerializer(data=_payload("Task2 sprint", starts_on="2025-09-10", ends_on="2025-09-09"))
    assert not serializer.is_valid(), "an event ending before it starts was accepted"
    assert "ends_on" in serializer.errors, (
        f'expected the error under "ends_on" (raise ValidationError({{"ends_on": ...}})), got {serializer.errors!r}')
    serializer = EventSerializer(data=_payload("Task2 one-day", starts_on="2025-09-10", ends_on="2025-09-10"))
    assert serializer.is_valid(), f"a one-day event (ends_on == starts_on) must be valid, got {serializer.errors!r}"
    event = _event("Task2 conference", starts_on="2025-10-10", ends_on="2025-10-12")
    serializer = EventSerializer(event, data={"ends_on": "2025-10-01"}, partial=True)
    assert not serializer.is_valid(), "PATCH ends_on=2025-10-01 on an event starting 2025-10-10 was accepted: compare with self.instance.starts_on"
    serializer = EventSerializer(event, data={"starts_on": "2025-10-13"}, partial=True)
    assert not serializer.is_valid(), "PATCH starts_on=2025-10-13 on an event ending 2025-10-12 was accepted: compare with self.instance.ends_on"
    serializer = EventSerializer(event, data={"ends_on": "2025-10-15"}, partial=True)
    assert serializer.is_valid(), f"PATCH ends_on=2025-10-15 is fine, got {serializer.errors!r}"


@task(3, "POST /api/events/ creates (201); GET lists it; the API root lists events")
def check_list_create():
    api = APIClient()
    response = api.post("/api/events/", _payload("Task3 workshop", capacity=25), format="json")
    _status(response, 201, "POST /api/events/")
    event = Event.objects.filter(pk=response.data.get("id")).first()
    assert event is not None and event.title == "Task3 workshop", f"POST /api/events/: no saved event matches {response.data!r}"
    assert response.data.get("created_at"), f"the response should include created_at, got {response.data!r}"
    response = api.get("/api/events/")
    _status(response, 200, "GET /api/events/")
    assert event.pk in [item["id"] for item in response.data], "GET /api/events/: the new event is not listed"
    response = api.get("/api/")
    _status(response, 200, "GET /api/ (DefaultRouter's API root)")
    assert "events" in response.data, f"GET /api/: expected the root to list 'events' (use DefaultRouter), got {response.data!r}"


@task(4, "GET /api/events/<pk>/ retrieves, PATCH updates one field, unknown pk is 404")
def check_retrieve_update():
    api = APIClient()
    event = _event("Task4 meetup", capacity=30)
    response = api.get(f"/api/events/{event.pk}/")
    _status(response, 200, f"GET /api/events/{event.pk}/")
    assert response.data == EventSerializer(event).data, f"expected {EventSerializer(event).data!r}, got {response.data!r}"
    response = api.patch(f"/api/events/{event.pk}/", {"capacity": 75}, format="json")
    _status(response, 200, f"PATCH /api/events/{event.pk}/")
    event.refresh_from_db()
    assert event.capacity == 75 and event.title == "Task4 meetup", f"after PATCH capacity=75: capacity {event.capacity}, title {event.title!r}"
    assert response.data["capacity"] == 75, f"PATCH should return the updated event, got {response.data!r}"
    missing = Event.objects.order_by("-pk").first().pk + 1000
    _status(api.get(f"/api/events/{missing}/"), 404, f"GET /api/events/{missing}/ (no such event)")


@task(5, "DELETE /api/events/<pk>/ answers 204 and the event is gone")
def check_delete():
    api = APIClient()
    event = _event("Task5 hackathon")
    _status(api.delete(f"/api/events/{event.pk}/"), 204, f"DELETE /api/events/{event.pk}/")
    assert not Event.objects.filter(pk=event.pk).exists(), "DELETE answered but the event is still in the database"
    _status(api.get(f"/api/events/{event.pk}/"), 404, f"GET /api/events/{event.pk}/ after DELETE")
    _status(api.delete(f"/api/events/{event.pk}/"), 404, f"DELETE /api/events/{event.pk}/ again")


@task(6, "invalid data gets 400 with errors per field and changes nothing")
def check_invalid_requests():
    api = APIClient()
    event = _event("Task6 summit", capacity=200, starts_on="2025-11-03", ends_on="2025-11-04")
    count = Event.objects.count()
    cases = [
        (_payload("", capacity=0), {"title", "capacity"}),
        (_payload("task6 SUMMIT"), {"title"}),
        (_payload("Task6 retro", starts_on="2025-11-05", ends_on="2025-11-01"), {"ends_on"}),
    ]
    for payload, fields in cases:
        response = api.post("/api/events/", payload, format="json")
        _status(response, 400, f"POST /api/events/ {payload!r}")
        assert fields <= set(response.data), f"POST {payload!r}: expected errors under {sorted(fields)}, got {response.data!r}"
    assert Event.objects.count() == count, "invalid POSTs must not create events"
    response = api.patch(f"/api/events/{event.pk}/", {"ends_on": "2025-11-01"}, format="json")
    _status(response, 400, f"PATCH /api/events/{event.pk}/ ends_on before starts_on")
    event.refresh_from_db()
    assert event.ends_on == datetime.date(2025, 11, 4), f"a rejected PATCH must not change the event, ends_on is now {event.ends_on}"


if __name__ == "__main__":
    run_tasks()
