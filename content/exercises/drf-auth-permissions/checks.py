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
