# ---- Checks (do not edit) ----------------------------------------------------
import io as _io
import logging as _logging
import os as _os

from django.apps import apps as _apps

from django.contrib.auth import authenticate as _authenticate, get_backends as _get_backends, get_user_model as _get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher as _MD5PasswordHasher
from django.contrib.auth.models import Group as _Group, Permission as _Permission
from django.core import checks as _checks
from django.core.management import call_command as _call_command
from django.db import IntegrityError as _IntegrityError, transaction as _transaction
from django.test import Client as _Client, override_settings as _override_settings

_logging.getLogger("django.request").setLevel(_logging.ERROR)  # the expected 401 stays quiet


class _CountingHasher(_MD5PasswordHasher):
    """MD5 (fast, practice only) that counts how often a password is hashed."""
    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


def _user_model_label():
    return _get_user_model()._meta.label


@task(1, "User is the project's user model, logs in by e-mail and passes the system checks")
def check_user_model():
    assert _get_user_model() is User, (
        f"get_user_model() returns {_user_model_label()}: set AUTH_USER_MODEL to \"practice.User\" in PRACTICE_SETTINGS")
    assert getattr(User, "USERNAME_FIELD", None) == "email", (
        f"User.USERNAME_FIELD is {getattr(User, 'USERNAME_FIELD', None)!r}; people log in with their \"email\"")
    assert User.get_email_field_name() == "email", f"User.EMAIL_FIELD should be \"email\", got {User.get_email_field_name()!r}"
    # This app's checks, auth's user model check among them. (DRF's Token, set up before this
    # file's model existed, still points at auth.User: a quirk of one-file exercises.)
    problems = [m for m in _checks.run_checks(app_configs=[_apps.get_app_config("practice")]) if m.level >= _checks.ERROR]
    assert not problems, "manage.py check reports: " + "; ".join(f"{m.id} {m.obj}: {m.msg}" for m in problems)


@task(2, "create_user() normalises the e-mail, requires it and hashes the password")
def check_create_user():
    user = User.objects.create_user("  Ann.Lee@Example.COM ", "s3cret-pass", full_name="Ann Lee")
    user.refresh_from_db()
    assert user.email == "ann.lee@example.com", f"expected the stored e-mail \"ann.lee@example.com\", got {user.email!r}"
    assert user.full_name == "Ann Lee", f"extra fields should be saved too, full_name is {user.full_name!r}"
    assert user.password != "s3cret-pass" and user.check_password("s3cret-pass"), (
        "the password must be stored hashed (set_password), never as it was typed")
    assert (user.is_active, user.is_staff, user.is_superuser) == (True, False, False), (
        f"a new user should be active, not staff, not superuser; got is_active={user.is_active}, "
        f"is_staff={user.is_staff}, is_superuser={user.is_superuser}")
    try:
        with _transaction.atomic():
            User.objects.create_user("ANN.LEE@example.com", "other")
    except _IntegrityError:
        pass
    else:
        raise AssertionError("ANN.LEE@example.com was saved as a second account beside ann.lee@example.com: "
                             "normalise the whole address before saving, so the unique constraint sees one value")
    for empty in ("", None):
        try:
            User.objects.create_user(empty, "pw")
        except ValueError:
            continue
        raise AssertionError(f"create_user({empty!r}, ...) should raise ValueError: an e-mail address is required")
    nopass = User.objects.create_user("no.password@example.com")
    assert not nopass.has_usable_password(), "a user created without a password should get an unusable one"


@task(3, "create_superuser() and manage.py createsuperuser make staff superusers")
def check_create_superuser():
    root = User.objects.create_superuser("Root@Example.com", "root-pass")
    assert (root.email, root.is_staff, root.is_superuser, root.is_active) == ("root@example.com", True, True, True), (
        f"expected an active staff superuser root@example.com, got {root.email!r} is_staff={root.is_staff} "
        f"is_superuser={root.is_superuser} is_active={root.is_active}")
    assert root.check_password("root-pass"), "the superuser's password was not set"
    for flag in ("is_staff", "is_superuser"):
        try:
            User.objects.create_superuser(f"{flag}@example.com", "pw", **{flag: False})
        except ValueError:
            continue
        raise AssertionError(f"create_superuser(..., {flag}=False) should raise ValueError")
    _os.environ["DJANGO_SUPERUSER_PASSWORD"] = "cli-pass-123"
    try:
        _call_command("createsuperuser", interactive=False, email="Admin@Example.com", stdout=_io.StringIO(), stderr=_io.StringIO())
    finally:
        del _os.environ["DJANGO_SUPERUSER_PASSWORD"]
    admin = User.objects.filter(email="admin@example.com").first()
    assert admin is not None, "manage.py createsuperuser --email Admin@Example.com did not create admin@example.com"
    assert admin.is_superuser and admin.check_password("cli-pass-123"), "createsuperuser made a user that is not a superuser with the given password"


@task(4, "authenticate(): e-mail in any case, wrong passwords, unknown and inactive users")
def check_authenticate():
    assert any(isinstance(b, EmailBackend) for b in _get_backends()), (
        f"authenticate() uses {[type(b).__name__ for b in _get_backends()]}: put EmailBackend in AUTHENTICATION_BACKENDS")
    bea = User.objects.create_user("bea@example.com", "pw-bea")
    for credentials in ({"username": "BEA@Example.COM"}, {"email": " bea@EXAMPLE.com"}, {"username": "bea@example.com"}):
        got = _authenticate(None, password="pw-bea", **credentials)
        assert got == bea, f"authenticate({credentials}, right password) should return bea@example.com, got {got!r}"
    assert _authenticate(None, username="bea@example.com", password="wrong") is None, "a wrong password must give None"
    assert _authenticate(None, username="bea@example.com") is None, "no password must give None (and not crash)"
    with _override_settings(PASSWORD_HASHERS=[f"{__name__}._CountingHasher"]):
        _CountingHasher.calls = 0
        got = _authenticate(None, username="nobody@example.com", password="guess")
        assert got is None, f"an unknown e-mail must give None, got {got!r}"
        assert _CountingHasher.calls >= 1, (
            "for an unknown e-mail no password was hashed, so the answer comes back faster than for a wrong "
            "password and tells an attacker which addresses have accounts: call User().set_password(password)")
    bea.is_active = False
    bea.save()
    assert _authenticate(None, username="bea@example.com", password="pw-bea") is None, (
        "an inactive user must not log in (ModelBackend.user_can_authenticate checks is_active)")


@task(5, "a session login works, get_user() drops deactivated users, has_perm() sees groups")
def check_session_and_permissions():
    cat = User.objects.create_user("cat@example.com", "pw-cat")
    client = _Client()
    assert client.login(email="CAT@example.com", password="pw-cat"), "Client().login(email=..., password=...) returned False"
    response = client.get("/me/")
    assert response.status_code == 200 and response.json() == {"email": "cat@example.com"}, (
        f"after login GET /me/ should answer 200 {{'email': 'cat@example.com'}}, got {response.status_code} "
        f"{response.content[:100]!r}: each request finds its user with your backend's get_user(user_id)")
    User.objects.filter(pk=cat.pk).update(is_active=False)
    response = client.get("/me/")
    assert response.status_code == 401, (
        f"the user was deactivated after logging in, yet the next request still ran as them ({response.status_code}): "
        f"get_user(user_id) must return None for an inactive user")
    editors = _Group.objects.create(name="editors")
    editors.permissions.add(_Permission.objects.get(content_type__app_label="practice", codename="change_user"))
    dan = User.objects.create_user("dan@example.com", "pw-dan")
    eve = User.objects.create_user("eve@example.com", "pw-eve")
    dan.groups.add(editors)
    dan, eve = User.objects.get(pk=dan.pk), User.objects.get(pk=eve.pk)  # fresh: permissions are cached per object
    assert dan.has_perm("practice.change_user"), (
        "dan is in the editors group, which has practice.change_user, but has_perm() says no: no backend in "
        "AUTHENTICATION_BACKENDS answers group permissions (ModelBackend does)")
    assert not eve.has_perm("practice.change_user"), "eve is in no group, yet has_perm('practice.change_user') is True"


if __name__ == "__main__":
    run_tasks()
