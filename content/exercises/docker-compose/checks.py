# ---- Helpers that read the parsed file, used by the checks (no need to edit) --
import posixpath as _posixpath
import re as _re
import shlex as _shlex
from urllib.parse import urlsplit as _urlsplit

import yaml

_SERVICES = ("web", "db", "redis", "worker", "nginx")
_SECRET_NAME = _re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL", _re.I)


def load_compose():
    """COMPOSE parsed with yaml.safe_load (anchors and `<<:` merge keys resolved)."""
    try:
        data = yaml.safe_load(COMPOSE)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at COMPOSE line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AssertionError(f"COMPOSE is not valid YAML{where}: {getattr(error, 'problem', None) or error}")
    assert isinstance(data, dict), "COMPOSE must be a mapping with a top-level `services:` key"
    services = data.get("services")
    assert isinstance(services, dict) and services, "COMPOSE has no `services:` mapping"
    return data


def service(name):
    services = load_compose()["services"]
    assert name in services, f"there is no service {name!r} (services: {sorted(services)})"
    assert isinstance(services[name], dict), f"service {name!r} must be a mapping, got {services[name]!r}"
    return services[name]


def argv_of(command):
    """A command as a list of words: `command:` may be a string or a list."""
    if command is None:
        return []
    if isinstance(command, str):
        return _shlex.split(command)
    return [str(word) for word in command]


def depends_on(svc):
    """depends_on as {name: condition}; the list form means service_started."""
    value = svc.get("depends_on") or {}
    if isinstance(value, list):
        return {name: "service_started" for name in value}
    return {name: (options or {}).get("condition", "service_started") for name, options in value.items()}


def environment(svc):
    """environment as a dict; the list form `- NAME=value` too (`- NAME` alone gives None)."""
    value = svc.get("environment") or {}
    if isinstance(value, list):
        pairs = (item.split("=", 1) if "=" in item else (item, None) for item in value)
        return {name: val for name, val in pairs}
    return {name: (None if val is None else str(val)) for name, val in value.items()}


def env_files(svc):
    value = svc.get("env_file") or []
    items = [value] if isinstance(value, (str, dict)) else value
    return [item["path"] if isinstance(item, dict) else item for item in items]


def published_ports(svc):
    """Host ports a service publishes: "80:80", "127.0.0.1:80:80/tcp", {published: 80, ...}."""
    ports = []
    for item in svc.get("ports") or []:
        if isinstance(item, dict):
            if item.get("published") is not None:
                ports.append(int(str(item["published"]).split("-")[0]))
        elif isinstance(item, str) and ":" in item:
            host_part = item.split("/")[0].rsplit(":", 1)[0]
            ports.append(int(host_part.rsplit(":", 1)[-1].split("-")[0]))
        else:
            ports.append(None)  # "8000" alone: a random host port
    return ports


def image_tag(image):
    image, _, digest = str(image).partition("@")
    head, _, last = image.rpartition("/")
    name, _, tag = last.partition(":")
    return (f"{head}/{name}" if head else name), tag or None, digest or None


def assert_pinned(name, svc, repository):
    image = svc.get("image")
    assert image, f"{name} has no image; use {repository}:<version>"
    repo, tag, digest = image_tag(image)
    assert _posixpath.basename(repo) == repository, f"{name} runs image {image!r}, expected {repository}"
    assert digest or (tag and tag != "latest" and _re.search(r"\d", tag)), (
        f"{name}: image {image!r} floats to whatever is newest; pin a version such as {repository}:<version>")


def image_source(svc):
    """What a service runs: its image name, or its build context, Dockerfile and target."""
    build = svc.get("build")
    if isinstance(build, str):
        build = {"context": build}
    if build is not None:
        build = (_posixpath.normpath(build.get("context", ".")), build.get("dockerfile", "Dockerfile"),
                 build.get("target"))
    return svc.get("image"), build


def healthcheck_argv(test):
    """["CMD", "pg_isready", ...] / ["CMD-SHELL", "pg_isready -U app"] / "pg_isready" -> argv."""
    if isinstance(test, str):
        return _shlex.split(test)
    if test and test[0] == "CMD":
        return [str(word) for word in test[1:]]
    if test and test[0] == "CMD-SHELL":
        return _shlex.split(" ".join(str(word) for word in test[1:]))
    return []


def gunicorn_bind(argv):
    for i, word in enumerate(argv):
        if word in ("--bind", "-b") and i + 1 < len(argv):
            return argv[i + 1]
        if word.startswith("--bind="):
            return word.split("=", 1)[1]
    return None


def is_interpolated(value):
    return "$" in str(value)


@task(1, "COMPOSE is valid YAML and declares web, db, redis, worker and nginx")
def check_services():
    services = load_compose()["services"]
    missing = [name for name in _SERVICES if name not in services]
    assert not missing, f"missing services {missing} (found {sorted(services)})"


@task(2, "db: pinned postgres, data in a named volume, a pg_isready healthcheck")
def check_db():
    data = load_compose()
    db = service("db")
    assert_pinned("db", db, "postgres")
    named = data.get("volumes") or {}
    mounts = []
    for item in db.get("volumes") or []:
        if isinstance(item, dict):
            mounts.append((item.get("source"), item.get("target", "")))
        else:
            parts = str(item).split(":")
            mounts.append((parts[0], parts[1]) if len(parts) > 1 else (None, parts[0]))
    data_mounts = [(source, target) for source, target in mounts
                   if str(target).rstrip("/").startswith("/var/lib/postgresql")]
    assert data_mounts, (
        "db has no volume on /var/lib/postgresql/data: the data dies with the container; "
        "add `volumes: [pgdata:/var/lib/postgresql/data]`")
    source, target = data_mounts[0]
    assert source and not source.startswith(("/", ".", "~")), (
        f"db mounts {source!r} on {target}: use a named volume (pgdata), not a host path or an anonymous volume")
    assert source in named, f"volume {source!r} is not declared under the top-level `volumes:` key"
    health = db.get("healthcheck") or {}
    assert health and not health.get("disable"), "db has no healthcheck; add one that runs pg_isready"
    argv = healthcheck_argv(health.get("test"))
    assert argv and _posixpath.basename(argv[0]) in ("pg_isready", "psql"), (
        f"db healthcheck test {health.get('test')!r} should run pg_isready, "
        "e.g. test: [\"CMD-SHELL\", \"pg_isready -U app -d app\"]")


@task(3, "web runs gunicorn on 0.0.0.0 and waits for a healthy db")
def check_web():
    web = service("web")
    argv = argv_of(web.get("command"))
    assert argv, ("web has no command; set `command: gunicorn config.wsgi:application --bind 0.0.0.0:8000` "
                  "so the stack does not depend on what CMD the image happens to have")
    assert _posixpath.basename(argv[0]) == "gunicorn", (
        f"web runs {argv[0]!r}; production serves Django with gunicorn, not runserver "
        "(run migrations as a one-off: docker compose run --rm web python manage.py migrate)")
    bind = gunicorn_bind(argv)
    assert bind and bind.rpartition(":")[0] in ("0.0.0.0", "[::]"), (
        f"web: gunicorn --bind is {bind!r}; bind 0.0.0.0:8000, or nginx in another container cannot connect")
    conditions = depends_on(web)
    assert conditions.get("db") == "service_healthy", (
        f"web depends_on db with {conditions.get('db')!r}: that only orders start-up; use "
        "depends_on: {db: {condition: service_healthy}} so Django starts when Postgres accepts connections")


@task(4, "worker runs a celery worker from the same image as web and waits for a healthy db")
def check_worker():
    web, worker = service("web"), service("worker")
    argv = argv_of(worker.get("command"))
    if argv[:3] in (["python", "-m", "celery"], ["python3", "-m", "celery"]):
        argv = ["celery"] + argv[3:]
    assert argv and _posixpath.basename(argv[0]) == "celery" and "worker" in argv, (
        f"worker command is {worker.get('command')!r}; expected `celery -A config worker --loglevel=info`")
    web_image, web_build = image_source(web)
    worker_image, worker_build = image_source(worker)
    same = (web_image and worker_image == web_image) or (web_build and worker_build == web_build)
    assert same, (
        f"worker runs {worker_image or worker_build!r} but web runs {web_image or web_build!r}; "
        "the worker imports the same code, so give it the same build: (or image:) as web")
    conditions = depends_on(worker)
    assert conditions.get("db") == "service_healthy", (
        f"worker depends_on db with {conditions.get('db')!r}; use condition: service_healthy")


@task(5, "nginx publishes 80 and depends on web; web publishes nothing; images pinned")
def check_nginx_and_redis():
    nginx, web, redis = service("nginx"), service("web"), service("redis")
    assert_pinned("redis", redis, "redis")
    assert_pinned("nginx", nginx, "nginx")
    for item in nginx.get("ports") or []:
        assert not isinstance(item, int), (
            f"nginx ports entry {item!r} was read as a number: quote port mappings, e.g. \"80:80\"")
    assert 80 in published_ports(nginx), (
        f"nginx publishes {nginx.get('ports')!r}; publish port 80 on the host: ports: [\"80:80\"]")
    assert "web" in depends_on(nginx), "nginx should depend on web (it proxies to it)"
    assert not web.get("ports"), (
        f"web publishes {web['ports']!r}: gunicorn should be reachable only through nginx; "
        "use `expose:` (or nothing) instead of `ports:`")


@task(6, "No hard-coded secrets: env_file for web and worker, ${VARIABLES} elsewhere")
def check_no_secrets():
    services = load_compose()["services"]
    for name, svc in services.items():
        for key, value in (environment(svc) if isinstance(svc, dict) else {}).items():
            if not value or key.upper().endswith("_FILE"):
                continue  # passed through from the shell, or the path of a secrets file
            assert not _SECRET_NAME.search(key) or is_interpolated(value), (
                f"{name}: {key} is hard-coded in COMPOSE; write {key}: ${{{key}}} "
                "and keep the value in .env (not in git)")
            if "://" in value:
                try:
                    password = _urlsplit(value).password
                except ValueError:
                    password = None
                assert not password or is_interpolated(password), (
                    f"{name}: {key} contains a password; move it to .env or use ${{...}} for it")
    for name in ("web", "worker"):
        svc = service(name)
        assert env_files(svc) or svc.get("environment"), (
            f"{name} gets no configuration; add `env_file: .env` (DJANGO_SECRET_KEY, DATABASE_URL, ...)")


if __name__ == "__main__":
    run_tasks()
