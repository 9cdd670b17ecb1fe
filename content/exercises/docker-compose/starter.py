# Django Interview Prep: A Docker Compose Stack for Django
# Topic: Docker and Docker Compose  (Django Prep: Open Topic shows the explanation)
# Run it: python3 docker_compose_stack.py     Each numbered task below prints ✓ when it passes.
#
# COMPOSE below starts Django with runserver, a throwaway database and passwords in plain
# text. Turn it into the stack you would describe in an interview: gunicorn, Postgres with a
# named volume and a healthcheck, Redis, a Celery worker and nginx in front. The checks load
# it with yaml.safe_load and inspect services, commands, ports, volumes and depends_on.
# Once every task passes, copy the text into compose.yaml next to your Dockerfile.

import importlib.util as _importlib_util

if _importlib_util.find_spec("yaml") is None:
    print("This exercise needs PyYAML. Install it for this Python with:\n"
          "    python3 -m pip install pyyaml\n"
          "or, on Debian/Ubuntu: sudo apt install python3-yaml")
    raise SystemExit(3)

# {{task-runner}}

# The image built from the Dockerfile contains a Django project "config" (config/wsgi.py,
# config/celery.py). Settings come from environment variables; a .env file (not in git)
# holds DJANGO_SECRET_KEY, DATABASE_URL, REDIS_URL, POSTGRES_PASSWORD and friends.
#
# TODO 1: Declare five services: web, db, redis, worker and nginx.
# TODO 2: db: a pinned postgres image (postgres:16), its data in a named volume mounted at
#   /var/lib/postgresql/data (declared under the top-level `volumes:`), and a healthcheck
#   that runs pg_isready.
# TODO 3: web: run gunicorn bound to 0.0.0.0:8000 (command:), and wait for the database with
#   depends_on: {db: {condition: service_healthy}}.
# TODO 4: worker: the same image as web (same build: or image:), command `celery -A config
#   worker ...`, also waiting for a healthy db.
# TODO 5: redis and nginx: pinned images (redis:7-alpine, nginx:1.27-alpine). nginx publishes
#   port 80 and depends on web; web publishes no ports, all traffic goes through nginx.
# TODO 6: No hard-coded secrets: web and worker read an env_file; passwords and secret keys
#   anywhere else are ${VARIABLES} that Compose fills in from .env or the shell.
# (Messages say "COMPOSE line N", counting the `COMPOSE = r"""` line as line 1.)
COMPOSE = r"""
services:
  web:
    build: .
    command: python manage.py runserver 0.0.0.0:8000
    ports:
      - "8000:8000"
    environment:
      DJANGO_SECRET_KEY: django-insecure-7h1s-1s-n0t-s3cr3t
      DATABASE_URL: postgres://app:hunter2@db:5432/app
    depends_on:
      - db

  db:
    image: postgres
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: hunter2
"""

# {{checks}}
