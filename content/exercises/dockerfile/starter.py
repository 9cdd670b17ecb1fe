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
FROM python:latest
ENV DJANGO_SECRET_KEY=django-insecure-7h1s-1s-n0t-s3cr3t
ENV DATABASE_URL=postgres://app:hunter2@db:5432/app
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y build-essential libpq-dev \
    && pip install -r requirements.txt
EXPOSE 8000
CMD gunicorn config.wsgi:application --bind 0.0.0.0:8000
"""

# {{checks}}
