# Django Interview Prep: Token authentication and object permissions in DRF
# Topic: Authentication and Permissions  (Django Prep: Open Topic shows the explanation)
# Run it: python3 drf_auth_permissions.py     Each numbered task below prints ✓ when it passes.
#
# A notes API: anyone with a valid token may read every note, but only its owner may change
# or delete it. Configure authentication and permissions on the ViewSet, write the object
# permission, set the owner on create, and add a login endpoint that returns a token.
# The checks call the API with APIClient and an "Authorization: Token <key>" header and
# look at the status codes: 401 (who are you?) versus 403 (you may not).

# {{django-setup}}

# {{task-runner}}

import logging

from django.contrib.auth.models import User
from django.db import models
from django.urls import include, path
from rest_framework import authentication, permissions, routers, serializers, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.test import APIClient

logging.getLogger("django.request").setLevel(logging.CRITICAL)  # errors show up in the task list instead


class Note(models.Model):
    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notes")
    text = models.CharField(max_length=200)

    class Meta:
        app_label = "practice"


class NoteSerializer(serializers.ModelSerializer):
    owner = serializers.ReadOnlyField(source="owner.username")  # clients cannot set it

    class Meta:
        model = Note
        fields = ["id", "owner", "text"]


# TODO 1: Object-level permission: safe methods (GET, HEAD, OPTIONS) are allowed for
#         everyone; writes only when the note's owner is request.user.
class IsOwnerOrReadOnly(permissions.BasePermission):
    message = "Only the owner may change this note."

    def has_object_permission(self, request, view, obj):
        raise NotImplementedError  # TODO 1


class NoteViewSet(viewsets.ModelViewSet):
    queryset = Note.objects.select_related("owner").order_by("id")
    serializer_class = NoteSerializer
    # TODO 2: Authenticate with DRF tokens (TokenAuthentication), require a logged-in user
    #         for every request, and apply IsOwnerOrReadOnly to single notes.
    authentication_classes = []
    permission_classes = [permissions.AllowAny]

    # TODO 3: A new note belongs to the user who sent the request.
    def perform_create(self, serializer):
        raise NotImplementedError  # TODO 3


router = routers.DefaultRouter()
router.register("notes", NoteViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    # TODO 4: Let clients obtain a token: POST username + password to "api/token/"
    #         and get {"token": "<key>"} back (DRF ships a view for exactly this).
]


# ---- Checks (do not edit) ----------------------------------------------------
def _client_for(username):
    """A user with a token, and an APIClient that sends it in the Authorization header."""
    user = User.objects.create_user(username, password="correct-horse")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return user, client


@task(1, "no token or a wrong token: 401 with WWW-Authenticate: Token")
def check_401_without_token():
    response = APIClient().get("/api/notes/")
    hint = " (DRF sends 403 when the FIRST authentication class has no WWW-Authenticate header)" * (response.status_code == 403)
    assert response.status_code == 401, f"expected 401 for an anonymous request, got {response.status_code}{hint}"
    assert response.get("WWW-Authenticate") == "Token", (
        f"expected the header WWW-Authenticate: Token, got {response.get('WWW-Authenticate')!r}")
    forged = APIClient()
    forged.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = forged.get("/api/notes/")
    assert response.status_code == 401, f"expected 401 for an invalid token, got {response.status_code}"


@task(2, "with a token: creating a note returns 201 and the caller owns it")
def check_create_sets_owner():
    ivan, client = _client_for("ivan")
    response = client.post("/api/notes/", {"text": "buy milk", "owner": "someone-else"}, format="json")
    assert response.status_code == 201, f"expected 201, got {response.status_code}: {response.data}"
    note = Note.objects.get(pk=response.data["id"])
    assert note.owner == ivan, f"expected the note to belong to 'ivan', it belongs to {note.owner.username!r}"
    assert response.data["owner"] == "ivan", f"expected owner 'ivan' in the response, got {response.data['owner']!r}"
    assert client.get("/api/notes/").status_code == 200, "an authenticated user should be able to list notes"


@task(3, "another user may read a note (200) but not change or delete it (403)")
def check_non_owner_forbidden():
    judy = User.objects.create_user("judy", password="pw")
    note = Note.objects.create(owner=judy, text="judy's plan")
    _, karl = _client_for("karl")
    url = f"/api/notes/{note.id}/"
    response = karl.get(url)
    assert response.status_code == 200, f"reading someone else's note should be allowed, got {response.status_code}"
    for method in ("patch", "put", "delete"):
        response = getattr(karl, method)(url, {"text": "hijacked"}, format="json")
        assert response.status_code == 403, f"{method.upper()} by a non-owner: expected 403, got {response.status_code}"
    assert response.data["detail"] == IsOwnerOrReadOnly.message, f"expected the permission's message, got {response.data!r}"
    note.refresh_from_db()
    assert note.text == "judy's plan", f"the note was changed to {note.text!r} by a non-owner"


@task(4, "the owner may update (200) and delete (204) their note")
def check_owner_allowed():
    leo, client = _client_for("leo")
    note = Note.objects.create(owner=leo, text="draft")
    url = f"/api/notes/{note.id}/"
    response = client.patch(url, {"text": "final"}, format="json")
    assert response.status_code == 200, f"PATCH by the owner: expected 200, got {response.status_code}"
    note.refresh_from_db()
    assert note.text == "final", f"expected the text 'final', got {note.text!r}"
    response = client.delete(url)
    assert response.status_code == 204, f"DELETE by the owner: expected 204, got {response.status_code}"
    assert not Note.objects.filter(pk=note.id).exists(), "the note still exists after DELETE"


@task(5, "POST /api/token/ returns a token that authenticates the next request")
def check_obtain_token():
    User.objects.create_user("mia", password="s3cret-pass")
    response = APIClient().post("/api/token/", {"username": "mia", "password": "s3cret-pass"}, format="json")
    assert response.status_code == 200, f"expected 200 from POST /api/token/, got {response.status_code}"
    key = response.data.get("token") if hasattr(response, "data") else None
    assert key == Token.objects.get(user__username="mia").key, f"expected mia's token key in {{'token': ...}}, got {key!r}"
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get("/api/notes/").status_code == 200, "the issued token did not authenticate a request"
    wrong = APIClient().post("/api/token/", {"username": "mia", "password": "guess"}, format="json")
    assert wrong.status_code == 400, f"a wrong password should give 400, got {wrong.status_code}"


if __name__ == "__main__":
    run_tasks()
