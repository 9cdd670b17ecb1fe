# Django Interview Prep: Signals and transaction.on_commit
# Topic: Signals  (Django Prep: Open Topic shows the explanation)
# Run it: python3 signals_on_commit.py     Each numbered task below prints ✓ when it passes.
#
# Every new User needs a Profile, and a welcome email. Fill in the two post_save receivers
# and the context manager below. OUTBOX stands in for an email service: "sending" means
# appending the address to it. The checks create users inside committed and rolled-back
# transactions (and savepoints) and look at the Profile table and at OUTBOX.
# Hint: post_save runs before COMMIT; transaction.on_commit(callback) runs after it.

# {{django-setup}}

# {{task-runner}}

from contextlib import contextmanager
from itertools import count

from django.contrib.auth.models import User
from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

OUTBOX = []  # addresses that received a welcome email, in order
WELCOME_EMAIL_UID = "practice-welcome-email"  # dispatch_uid of the email receiver


class Profile(models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=150)

    class Meta:
        app_label = "practice"


def send_welcome_email(address):
    """Stands in for a real email (or a Celery task). Do not call it before COMMIT."""
    OUTBOX.append(address)


# TODO 1: Create a Profile (display_name = the username) when a User is CREATED.
#         A later save of the same user must not create a second one.
@receiver(post_save, sender=User, dispatch_uid="practice-create-profile")
def create_profile(sender, instance, created, **kwargs):
    if created:  # post_save also fires on every update
        Profile.objects.create(user=instance, display_name=instance.username)


# TODO 2: When a User is created, send the welcome email to instance.email, but only once
#         the surrounding transaction has committed (nothing at all if it rolls back).
#         Updates of an existing user send nothing.
@receiver(post_save, sender=User, dispatch_uid=WELCOME_EMAIL_UID)
def queue_welcome_email(sender, instance, created, **kwargs):
    if created:
        address = instance.email  # bind the value now, not the instance later
        transaction.on_commit(lambda: send_welcome_email(address))


# TODO 3: A context manager for bulk imports: while it is active, new users get their
#         Profile but no welcome email. Disconnect queue_welcome_email from post_save
#         (same sender and dispatch_uid as above) and always connect it again on exit,
#         even when the block raises.
@contextmanager
def muted_welcome_emails():
    post_save.disconnect(queue_welcome_email, sender=User, dispatch_uid=WELCOME_EMAIL_UID)
    try:
        yield
    finally:  # reconnect even when the import fails
        post_save.connect(queue_welcome_email, sender=User, dispatch_uid=WELCOME_EMAIL_UID)


# ---- Checks (do not edit) ----------------------------------------------------
_numbers = count(1)


def _new_name(prefix):
    return f"{prefix}{next(_numbers)}"


class _Rollback(Exception):
    """Raised inside atomic() to force a rollback."""


@task(1, "creating a user creates exactly one Profile; later saves do not add another")
def check_profile_created_once():
    name = _new_name("ann")
    user = User.objects.create_user(name, email=f"{name}@example.com")
    profiles = Profile.objects.filter(user=user)
    assert profiles.count() == 1, f"expected 1 Profile for a new user, found {profiles.count()}"
    assert profiles.get().display_name == name, f"expected display_name {name!r}, got {profiles.get().display_name!r}"
    user.first_name = "Ann"
    try:
        user.save()
    except IntegrityError as error:
        raise AssertionError(f"saving an existing user tried to create a second Profile ({error}); check `created`")
    assert profiles.count() == 1, f"expected still 1 Profile after an update, found {profiles.count()}"


@task(2, "the welcome email is sent once, after COMMIT, and not again on updates")
def check_email_after_commit():
    name = _new_name("bea")
    address = f"{name}@example.com"
    with transaction.atomic():
        user = User.objects.create_user(name, email=address)
        assert address not in OUTBOX, (
            "the email was sent inside the transaction, before COMMIT; defer it with transaction.on_commit()")
    assert OUTBOX.count(address) == 1, f"expected 1 email to {address} after COMMIT, found {OUTBOX.count(address)}"
    user.last_name = "Updated"
    user.save()
    assert OUTBOX.count(address) == 1, "updating an existing user sent another welcome email; check `created`"


@task(3, "a rolled-back transaction sends no email and leaves no user behind")
def check_rollback_sends_nothing():
    ghost = _new_name("ghost")
    try:
        with transaction.atomic():
            User.objects.create_user(ghost, email=f"{ghost}@example.com")
            raise _Rollback("payment failed")
    except _Rollback:
        pass
    assert f"{ghost}@example.com" not in OUTBOX, "an email went out for a user whose transaction rolled back"
    assert not User.objects.filter(username=ghost).exists(), "the rolled-back user is still in the database"
    real = _new_name("cleo")
    User.objects.create_user(real, email=f"{real}@example.com")  # autocommit: commits at once
    assert f"{real}@example.com" in OUTBOX, "a user saved outside any atomic() block should get the email at once"


@task(4, "a rolled-back savepoint drops only its own email; the outer commit sends the rest")
def check_savepoint_rollback():
    kept, dropped = _new_name("dana"), _new_name("eve")
    with transaction.atomic():
        User.objects.create_user(kept, email=f"{kept}@example.com")
        try:
            with transaction.atomic():  # a savepoint inside the outer transaction
                User.objects.create_user(dropped, email=f"{dropped}@example.com")
                raise _Rollback("this part fails")
        except _Rollback:
            pass
        assert f"{kept}@example.com" not in OUTBOX, "the email was sent before the outer transaction committed"
    assert f"{kept}@example.com" in OUTBOX, f"no email to {kept}@example.com after the outer COMMIT"
    assert f"{dropped}@example.com" not in OUTBOX, "an email went out for a user created in a rolled-back savepoint"


@task(5, "muted_welcome_emails() disconnects only the email receiver, and reconnects it")
def check_muted_welcome_emails():
    quiet = _new_name("fay")
    with muted_welcome_emails():
        user = User.objects.create_user(quiet, email=f"{quiet}@example.com")
    assert f"{quiet}@example.com" not in OUTBOX, "a user created while muted still got a welcome email"
    assert Profile.objects.filter(user=user).exists(), "while muted, new users must still get their Profile"
    loud = _new_name("gus")
    User.objects.create_user(loud, email=f"{loud}@example.com")
    assert f"{loud}@example.com" in OUTBOX, "after the block, the email receiver was not connected again"
    try:
        with muted_welcome_emails():
            raise _Rollback("import failed half-way")
    except _Rollback:
        pass
    after_error = _new_name("hal")
    User.objects.create_user(after_error, email=f"{after_error}@example.com")
    assert f"{after_error}@example.com" in OUTBOX, "after a block that raised, the receiver stayed disconnected; use try/finally"
    assert post_save.has_listeners(User), "no post_save receivers are connected for User any more"


if __name__ == "__main__":
    run_tasks()
