# region Django setup (generated: fold it away, do not edit)
# ---- Django, configured inside this file: no project needed (do not edit) -----
import importlib.util as _importlib_util
import os as _os
import sys as _sys
import types as _types

if _importlib_util.find_spec("django") is None:
    print("This exercise needs Django. Install it for this Python with:\n"
          "    python3 -m pip install django djangorestframework\n"
          "or, on Debian/Ubuntu: sudo apt install python3-django python3-djangorestframework")
    raise SystemExit(3)

import django
from django.apps import AppConfig
from django.conf import settings


class PracticeConfig(AppConfig):
    """The app your models belong to (their Meta says app_label = "practice")."""
    name = "practice"
    path = _os.path.dirname(_os.path.abspath(__file__))
    default_auto_field = "django.db.models.BigAutoField"


_package = _types.ModuleType("practice")
_package.__path__ = [PracticeConfig.path]
_apps_module = _types.ModuleType("practice.apps")
_apps_module.PracticeConfig = PracticeConfig
_sys.modules.update({"practice": _package, "practice.apps": _apps_module})

_HAS_DRF = _importlib_util.find_spec("rest_framework") is not None
_HAS_FILTERS = _importlib_util.find_spec("django_filters") is not None  # its templates serve the browsable API
settings.configure(
    DEBUG=True,
    SECRET_KEY="practice-only-not-secret",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,  # the urlpatterns of this file
    INSTALLED_APPS=[
        "django.contrib.contenttypes",
        "django.contrib.auth",
        "django.contrib.sessions",
        "django.contrib.messages",
        *(["rest_framework", "rest_framework.authtoken"] if _HAS_DRF else []),
        *(["django_filters"] if _HAS_FILTERS else []),
        "practice.apps.PracticeConfig",
    ],
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True, "OPTIONS": {
        "context_processors": ["django.template.context_processors.request", "django.contrib.auth.context_processors.auth"]}}],
    DATABASES=globals().get("_DATABASES") or {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    CACHES=globals().get("_CACHES") or {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],  # fast, for practice only
    DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
    USE_TZ=True,
)
# Settings an exercise sets above this block. Its user model is defined below this block, so
# AUTH_USER_MODEL takes effect right after setup, before any model of this file exists.
_own_settings = dict(globals().get("PRACTICE_SETTINGS", {}))
_user_model = _own_settings.pop("AUTH_USER_MODEL", None)
for _name, _value in _own_settings.items():
    setattr(settings, _name, _value)
django.setup()
if _user_model:
    from django.core.signals import setting_changed as _setting_changed
    settings.AUTH_USER_MODEL = _user_model
    # As override_settings does: Django 5 caches each model's "swapped" until this signal.
    _setting_changed.send(sender=None, setting="AUTH_USER_MODEL", value=_user_model, enter=True)


def _prepare_database():
    """Creates the tables of every model in this file, as migrate would."""
    from django.apps import apps
    from django.core.management import call_command
    config = apps.get_app_config("practice")
    config.models_module = config.models_module or _sys.modules[__name__]  # migrate skips apps without one
    call_command("migrate", run_syncdb=True, verbosity=0)
# endregion
