"""Runs one guide code block the way a reader would in a small Django project.

Usage: python3 guide_sandbox.py BLOCK.py

Blocks that import django or rest_framework get a configured project: in-memory SQLite,
the contrib apps, DRF, and an app called "demo" whose models module is the block itself
(so models need no app_label, and `urlpatterns` in the block is the URLconf). Tables for
models the block declares are created after each class statement, standing in for migrate.
Other blocks run as plain Python. A block checks itself with assert; exit 0 means it passed.
"""
import ast
import os
import re
import sys
import tempfile
import types


def needs_django(source):
    return re.search(r"^\s*(from|import)\s+(django|rest_framework|celery)\b", source, re.M) is not None


def setup_django():
    root = tempfile.mkdtemp(prefix="guide-sandbox-")
    os.makedirs(os.path.join(root, "demo"))
    open(os.path.join(root, "demo", "__init__.py"), "w").close()
    sys.path.insert(0, root)

    from django.conf import settings

    settings.configure(
        DEBUG=True,
        SECRET_KEY="guide-sandbox",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF="demo.models",
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "django.contrib.messages",
            "rest_framework",
            "rest_framework.authtoken",
            "demo",
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        TEMPLATES=[{
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "APP_DIRS": True,
            "OPTIONS": {"context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]},
        }],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        USE_TZ=True,
    )
    import django
    from django.core.management import call_command
    from django.db import connection
    from django.db.models.signals import class_prepared

    django.setup()
    call_command("migrate", verbosity=0)

    def remember(sender, **kwargs):
        meta = sender._meta
        if meta.app_label == "demo" and not (meta.abstract or meta.proxy or meta.auto_created) and meta.managed:
            PENDING.append(sender)

    class_prepared.connect(remember, weak=False)


PENDING = []


def create_pending_tables():
    """Creates tables for models whose relations are all resolved (what migrate would do)."""
    from django.db import connection

    ready = [m for m in PENDING
             if not any(isinstance(f.remote_field.model, str) for f in m._meta.get_fields() if f.is_relation and f.remote_field)]
    if not ready:
        return
    with connection.schema_editor() as editor:
        for model in ready:
            editor.create_model(model)
            PENDING.remove(model)


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    name = "__main__"
    if needs_django(source):
        setup_django()
        name = "demo.models"
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    # One top-level statement at a time, so tables exist before the first query that needs them.
    for statement in ast.parse(source, path).body:
        if PENDING:
            create_pending_tables()
        exec(compile(ast.Module(body=[statement], type_ignores=[]), path, "exec"), module.__dict__)


if __name__ == "__main__":
    main()
