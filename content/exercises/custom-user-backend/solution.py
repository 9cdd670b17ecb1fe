# Django Interview Prep: A custom user model and an e-mail login backend
# Topic: Authentication and Permissions  (Django Prep: Open Topic shows the explanation)
# Run it: python3 custom_user.py     Each numbered task below prints ✓ when it passes.
#
# Give every new project its own user model on day one: swapping it later, once tables and
# foreign keys point at auth_user, is a hard migration. Here people log in with their e-mail
# address, not a username. Write the model's manager, make the model the project's user
# model, and write an authentication backend that finds a user by e-mail whatever its case.
# The checks use Django's own machinery: get_user_model(), the system checks (manage.py
# check), createsuperuser, authenticate(), has_perm() and a login through the test client.

PRACTICE_SETTINGS = {
    # TODO 1: make User (below) the project's user model: AUTH_USER_MODEL = "<app_label>.<Model>",
    #         and the app label here is "practice". Log in through EmailBackend:
    #         AUTHENTICATION_BACKENDS lists dotted paths, and this file is the module __name__.
    #         In a project both go in settings.py, before the very first migrate.
    "AUTH_USER_MODEL": "practice.User",
    "AUTHENTICATION_BACKENDS": [f"{__name__}.EmailBackend"],
}

# {{django-setup}}

# {{task-runner}}

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True  # data migrations may call User.objects.create_user()

    @classmethod
    def normalize_email(cls, email):
        """Trimmed and all lowercase, so Ann@Example.com and ann@example.com are one account."""
        return super().normalize_email(email).lower()

    # TODO 2: create_user(email, password=None, **extra_fields): refuse an empty e-mail with
    #         ValueError, store it normalised (normalize_email above), hash the password
    #         (set_password; None gives an unusable password), default is_staff and
    #         is_superuser to False, save and return the user.
    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)  # never store the raw password
        user.save(using=self._db)
        return user

    # TODO 3: create_superuser(email, password=None, **extra_fields): is_staff and is_superuser
    #         default to True, and passing either as False raises ValueError.
    #         manage.py createsuperuser calls this method.
    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        for flag in ("is_staff", "is_superuser"):
            if extra_fields[flag] is not True:
                raise ValueError(f"A superuser must have {flag}=True.")
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """AbstractBaseUser gives password and last_login; PermissionsMixin gives is_superuser,
    groups, user_permissions and has_perm()."""
    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)  # may log in to the admin site
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    # TODO 1 (also): log in with the e-mail field, and tell createsuperuser that it asks for
    #         nothing else (USERNAME_FIELD, EMAIL_FIELD, REQUIRED_FIELDS).
    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []  # never USERNAME_FIELD itself

    class Meta:
        app_label = "practice"


# Imported after the model on purpose: importing django.contrib.auth.backends calls
# get_user_model(), so the user model must exist first. In a project the model sits in
# models.py and the backend in its own module, and the order takes care of itself.
from django.contrib.auth.backends import ModelBackend  # noqa: E402


class EmailBackend(ModelBackend):
    """Log in with the e-mail address in any case. ModelBackend gives get_user() and the
    permission methods (has_perm() through groups), which a BaseBackend would not have."""

    # TODO 4: authenticate(request, username=None, password=None, **kwargs) returns the user
    #         whose e-mail matches username (or kwargs["email"]) in any case and whose password
    #         is right, else None. An inactive user gets None too. When no user has that
    #         address, hash the password anyway (User().set_password(password)), so the answer
    #         takes as long as for a wrong password and does not reveal who has an account.
    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if email is None or password is None:
            return None
        try:
            # Stored normalised, so an exact lookup uses the unique index (iexact could not).
            user = User._default_manager.get_by_natural_key(User._default_manager.normalize_email(email))
        except User.DoesNotExist:
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    # TODO 5: the session calls get_user(user_id) on every request: return the active user with
    #         that id, else None. has_perm() asks the backends for group permissions: inherit
    #         both from ModelBackend rather than writing them.


def me(request):
    """Given: who the session says you are."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Not logged in."}, status=401)
    return JsonResponse({"email": request.user.email})


urlpatterns = [path("me/", me)]

# {{checks}}
