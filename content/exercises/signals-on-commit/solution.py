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

# {{checks}}
