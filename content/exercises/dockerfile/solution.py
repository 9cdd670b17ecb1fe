# Django Interview Prep: A Production Dockerfile for Django
# Topic: Docker and Docker Compose  (Django Prep: Open Topic shows the explanation)
# Run it: python3 production_dockerfile.py     Each numbered task below prints ✓ when it passes.
#
# DOCKERFILE below is the kind a reviewer sends back: floating base image, secrets baked in,
# root, shell-form CMD, one stage full of compilers. Rewrite it (it stays a raw string, so
# the backslash line continuations are kept). The checks parse it like Docker does
# (continuations, comments, flags, JSON vs shell form) and inspect stages and instructions.
# Once every task passes, copy the text into a real Dockerfile next to manage.py.

# {{task-runner}}

# The project is a Django project named "config" (config/wsgi.py) with a requirements.txt.
#
# TODO 1: Pin every base image to a version (python:3.12-slim-bookworm, or a @sha256 digest),
#   never python:latest or a bare python.
# TODO 2: Make it a multi-stage build: a first stage named "builder" (FROM ... AS builder)
#   turns requirements.txt into wheels with `pip wheel --wheel-dir /wheels ...`; the final
#   stage copies them with `COPY --from=builder` and installs them. Compilers and -dev header
#   packages (build-essential, gcc, libpq-dev) belong in the builder only; both stages use
#   the same Python version.
# TODO 3: In every stage, copy requirements.txt and install dependencies BEFORE `COPY . .`,
#   so a code change does not invalidate the dependency layer.
# TODO 4: In the final stage set PYTHONDONTWRITEBYTECODE=1 and PYTHONUNBUFFERED=1.
# TODO 5: No secrets in ENV or ARG (SECRET_KEY, passwords, tokens, URLs with a password):
#   they stay readable in the image and its history. The container gets them at run time.
# TODO 6: Create an unprivileged user in the final stage (useradd) and switch to it with USER.
# TODO 7: Start Gunicorn with CMD in exec (JSON array) form, binding 0.0.0.0:8000
#   (the EXPOSEd port), e.g. CMD ["gunicorn", "config.wsgi:application", "--bind", ...].
# (Messages say "DOCKERFILE line N", counting the `DOCKERFILE = r"""` line as line 1.)
DOCKERFILE = r"""
# syntax=docker/dockerfile:1

# ---- build stage: compile every dependency into a wheel ----
FROM python:3.12-slim-bookworm AS builder
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY requirements.txt .
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt

# ---- runtime stage: the wheels and the code, no compilers ----
FROM python:3.12-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 app
WORKDIR /app
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY --chown=app:app . .
# collectstatic needs importable settings, not the real secret
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
"""

# {{checks}}
