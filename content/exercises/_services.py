# region services (generated: fold it away, do not edit)
# ---- Throwaway PostgreSQL and Redis, started for this run only (do not edit) ----
# Each server gets a new folder in the temp folder, a free port on 127.0.0.1 and a random
# password. It is stopped and its folder deleted when this file exits, also after an error or
# Ctrl-C. Your own PostgreSQL or Redis server is never used: nothing needs to be running.
import atexit as _atexit
import functools as _functools
import glob as _glob
import importlib.util as _importlib_util
import json as _json
import os as _os
import re as _re
import secrets as _secrets
import shutil as _shutil
import signal as _signal
import socket as _socket
import subprocess as _subprocess
import sys as _sys
import tempfile as _tempfile
import threading as _threading
import time as _time


class ToolMissing(Exception):
    """A program or package a task needs is missing or would not start: the runner reports the
    task as errored (it could not be checked), not as failed."""


_SERVICES = {}  # "postgresql" / "redis" -> None when running, else why it is not
_RUNNING = []   # [name, process, folder] to stop at exit, in start order
_INSTALL = {
    "postgres": "PostgreSQL's server (initdb and postgres): sudo apt install postgresql (Debian/Ubuntu) or brew install postgresql@16 (macOS)",
    "psycopg2": "the driver psycopg2: sudo apt install python3-psycopg2 (Debian/Ubuntu) or python3 -m pip install psycopg2-binary",
    "redis-server": "Redis: sudo apt install redis-server (Debian/Ubuntu) or brew install redis (macOS)",
    "redis": "redis-py: sudo apt install python3-redis (Debian/Ubuntu) or python3 -m pip install redis",
    "django_redis": "django-redis: sudo apt install python3-django-redis (Debian/Ubuntu) or python3 -m pip install django-redis",
}
_PG_DIRS = ("/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql@*/bin",
            "/usr/local/opt/postgresql@*/bin", "/Applications/Postgres.app/Contents/Versions/*/bin")


def _missing(service, what):
    return ToolMissing(f"this task runs on a throwaway {service} server that the check starts and removes, "
                       f"and this machine lacks {'; and '.join(_INSTALL[w] for w in what)}. "
                       f"Nothing needs to be running: your own server is never used.")


def _version_key(path):
    return [int(n) for n in _re.findall(r"\d+", path)]


def _pg_bin_dir():
    """A folder holding initdb and postgres of one version: beside those on PATH, else where packages put
    them (DJANGO_PREP_PG_BIN_DIRS, folders separated like PATH, replaces that list)."""
    dirs = [_os.path.dirname(_os.path.realpath(p)) for p in map(_shutil.which, ("initdb", "postgres")) if p]
    listed = _os.environ.get("DJANGO_PREP_PG_BIN_DIRS")
    if listed is None:
        dirs += sorted((d for pattern in _PG_DIRS for d in _glob.glob(pattern)), key=_version_key, reverse=True)
    else:
        dirs += [d for d in listed.split(_os.pathsep) if d]
    exe = ".exe" if _os.name == "nt" else ""
    return next((d for d in dirs if all(_os.access(_os.path.join(d, p + exe), _os.X_OK) for p in ("initdb", "postgres"))), None)


def _has_pg_driver():
    if _importlib_util.find_spec("psycopg2"):
        return True
    try:  # psycopg 3 works from Django 4.2 on
        import django
        return django.VERSION >= (4, 2) and _importlib_util.find_spec("psycopg") is not None
    except ImportError:
        return False


def _free_port():
    with _socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _alive(pid):
    try:
        _os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep():
    """Folders left by runs that were killed before they could clean up (their process is gone)."""
    if _os.name == "nt":
        return
    for folder in _glob.glob(_os.path.join(_tempfile.gettempdir(), "djprep-*")) + _glob.glob("/tmp/djprep-*"):
        found = _re.match(r"djprep-(postgresql|redis)-(\d+)-", _os.path.basename(folder))
        if found and not _alive(int(found.group(2))):
            _shutil.rmtree(folder, ignore_errors=True)


def _service_user():
    """PostgreSQL refuses to run as root: then its programs run as the postgres (or nobody) user."""
    if not hasattr(_os, "geteuid") or _os.geteuid() != 0:
        return None
    import pwd
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            pass
    raise ToolMissing("this runs as root, which PostgreSQL refuses, and there is no postgres or nobody user to run it as")


def _new_folder(name, owner=None):
    _sweep()
    folder = _tempfile.mkdtemp(prefix=f"djprep-{name}-{_os.getpid()}-", dir="/tmp" if owner else None)
    _RUNNING.append([name, None, folder])  # deleted at exit, even if the start fails
    if owner:
        _os.chown(folder, owner.pw_uid, owner.pw_gid)
    return folder


def _die_with_parent(sig):
    """Linux: the server gets `sig` if this process is killed outright, so it is never left running."""
    if not _sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    return lambda: prctl(1, int(sig))  # PR_SET_PDEATHSIG


def _tail(path, lines=6):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return " | ".join(f.read().strip().splitlines()[-lines:])
    except OSError:
        return "no log"


def _note_started(name, process, port, folder):
    """Tells a test which process, port and folder this run started (so it can check they are gone)."""
    target = _os.environ.get("DJANGO_PREP_SERVICES_LOG")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(_json.dumps({"service": name, "pid": process.pid, "port": port, "folder": folder}) + "\n")


def _stop_all():
    try:
        from django.db import connections
        connections.close_all()
    except Exception:  # Django not set up yet, or a connection already broken
        pass
    while _RUNNING:
        name, process, folder = _RUNNING.pop()
        if process is not None and process.poll() is None:
            try:
                if _os.name == "nt":
                    process.terminate()
                else:  # PostgreSQL: SIGINT is a fast shutdown; Redis quits on SIGTERM (nothing to save)
                    process.send_signal(_signal.SIGINT if name == "postgresql" else _signal.SIGTERM)
                process.wait(timeout=20)
            except _subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        _shutil.rmtree(folder, ignore_errors=True)


def _register_stop():
    if getattr(_register_stop, "done", False):
        return
    _register_stop.done = True
    _atexit.register(_stop_all)
    # A plain `kill` would skip atexit: stop as on Ctrl-C (which unittest does not swallow).
    if _threading.current_thread() is _threading.main_thread() and _signal.getsignal(_signal.SIGTERM) == _signal.SIG_DFL:
        _signal.signal(_signal.SIGTERM, _interrupted)


def _interrupted(signum, frame):
    raise KeyboardInterrupt(f"stopped by signal {signum}")


def _wait_until(ready, process, what, log, seconds=30.0):
    deadline = _time.monotonic() + seconds
    while _time.monotonic() < deadline:
        if ready():
            return True
        if process.poll() is not None:
            return False
        _time.sleep(0.05)
    raise ToolMissing(f"{what} did not become ready within {seconds:.0f} s: {_tail(log)}")


def _start_postgres(bindir):
    owner = _service_user()
    as_owner = {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []} if owner else {}
    folder = _new_folder("postgresql", owner)
    data, log, password = _os.path.join(folder, "data"), _os.path.join(folder, "postgres.log"), _secrets.token_hex(16)
    pwfile = _os.path.join(folder, "password")
    with open(_os.open(pwfile, _os.O_WRONLY | _os.O_CREAT, 0o600), "w") as f:
        f.write(password + "\n")
    if owner:
        _os.chown(pwfile, owner.pw_uid, owner.pw_gid)
    init = _subprocess.run([_os.path.join(bindir, "initdb"), "-D", data, "-U", "practice", "-A", "scram-sha-256",
                            f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C", "--no-sync"],
                           cwd=folder, stdin=_subprocess.DEVNULL, capture_output=True, text=True, timeout=120, **as_owner)
    _os.remove(pwfile)
    if init.returncode:
        raise ToolMissing(f"initdb failed: {(init.stderr or init.stdout).strip()[-400:]}")
    sockets = folder if len(folder) < 80 else ""  # a socket path must stay under about 100 characters
    for _attempt in range(3):
        port = _free_port()
        with open(log, "ab") as out:
            process = _subprocess.Popen(
                [_os.path.join(bindir, "postgres"), "-D", data, "-p", str(port), "-h", "127.0.0.1", "-k", sockets,
                 "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                 "-c", "shared_buffers=16MB", "-c", "max_connections=40"],
                cwd=folder, stdin=_subprocess.DEVNULL, stdout=out, stderr=_subprocess.STDOUT,
                preexec_fn=_die_with_parent(_signal.SIGQUIT), **as_owner)
        _RUNNING[-1][1] = process
        _note_started("postgresql", process, port, folder)

        def ready():  # line 8 of postmaster.pid says "ready" once it accepts connections
            try:
                with open(_os.path.join(data, "postmaster.pid")) as f:
                    return [line.strip() for line in f.read().splitlines()[7:8]] == ["ready"]
            except OSError:
                return False
        if _wait_until(ready, process, "PostgreSQL", log):
            break
    else:
        raise ToolMissing(f"PostgreSQL did not start: {_tail(log)}")
    env = {**_os.environ, "PGPASSWORD": password}
    created = _subprocess.run([_os.path.join(bindir, "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "practice", "practice"],
                              env=env, capture_output=True, text=True, timeout=60)
    if created.returncode:
        raise ToolMissing(f"createdb failed: {(created.stderr or created.stdout).strip()[-400:]}")
    return {"ENGINE": "django.db.backends.postgresql", "NAME": "practice", "USER": "practice", "PASSWORD": password,
            "HOST": "127.0.0.1", "PORT": str(port)}


def throwaway_postgres():
    """DATABASES["default"] for a PostgreSQL server of this run. Without PostgreSQL or its driver:
    in-memory SQLite, and the tasks marked @needs("postgresql") say what to install."""
    _register_stop()
    bindir = _pg_bin_dir()
    lacking = ([] if bindir else ["postgres"]) + ([] if _has_pg_driver() else ["psycopg2"])
    try:
        if lacking:
            raise _missing("PostgreSQL", lacking)
        settings = _start_postgres(bindir)
        _SERVICES["postgresql"] = None
        return settings
    except Exception as problem:  # whatever stops the start, its tasks are errored with the reason
        _SERVICES["postgresql"] = str(problem) if isinstance(problem, ToolMissing) else f"PostgreSQL could not be started: {problem}"
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}


def _redis_answers(port, password):
    try:
        with _socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(f"AUTH {password}\r\nPING\r\n".encode())
            answer = b""
            while b"PONG" not in answer and len(answer) < 200:
                chunk = s.recv(100)
                if not chunk:
                    break
                answer += chunk
            return b"+PONG" in answer
    except OSError:
        return False


def _start_redis(server):
    folder = _new_folder("redis")
    log, password = _os.path.join(folder, "redis.log"), _secrets.token_hex(16)
    for _attempt in range(3):
        port = _free_port()
        config = _os.path.join(folder, "redis.conf")  # the password stays off the command line
        with open(_os.open(config, _os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC, 0o600), "w") as f:
            f.write(f'port {port}\nbind 127.0.0.1\nrequirepass {password}\nsave ""\nappendonly no\n'
                    f'daemonize no\ndir "{folder}"\nlogfile "{log}"\n')
        process = _subprocess.Popen([server, config], cwd=folder, stdin=_subprocess.DEVNULL, stdout=_subprocess.DEVNULL,
                                    stderr=_subprocess.DEVNULL, preexec_fn=_die_with_parent(_signal.SIGTERM))
        _RUNNING[-1][1] = process
        _note_started("redis", process, port, folder)
        if _wait_until(lambda: _redis_answers(port, password), process, "redis-server", log):
            return {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{port}/0",
                    "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient", "PASSWORD": password}}
    raise ToolMissing(f"redis-server did not start: {_tail(log)}")


def throwaway_redis_cache():
    """CACHES["default"] through django-redis on a Redis server of this run. Without Redis, redis-py or
    django-redis: the local-memory cache, and the tasks marked @needs("redis") say what to install."""
    _register_stop()
    server = _shutil.which("redis-server")
    lacking = ([] if server else ["redis-server"]) + [m for m in ("redis", "django_redis") if not _importlib_util.find_spec(m)]
    try:
        if lacking:
            raise _missing("Redis", lacking)
        settings = _start_redis(server)
        _SERVICES["redis"] = None
        return settings
    except Exception as problem:  # whatever stops the start, its tasks are errored with the reason
        _SERVICES["redis"] = str(problem) if isinstance(problem, ToolMissing) else f"redis-server could not be started: {problem}"
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def needs(*services):
    """Marks a task that needs a throwaway server: when it is not running, the task is reported as
    errored, with what to install, and the other tasks still run."""
    def wrap(check):
        @_functools.wraps(check)
        def run():
            for service in services:
                if _SERVICES.get(service, f"{service} was never started") is not None:
                    raise ToolMissing(_SERVICES.get(service, f"{service} was never started"))
            return check()
        return run
    return wrap


class Interleaving:
    """What run_interleaved() saw."""

    def __init__(self):
        self.results, self.errors = [None, None], [None, None]
        self.paused_sql = None        # the query first() paused after (None: it never sent one)
        self.isolation = None         # first()'s transaction isolation level at that moment
        self.statements = []          # first()'s matching queries with their transaction id (None: autocommit)
        self.waited_on_lock = False   # second() was seen waiting for a lock
        self.stuck = [False, False]   # still running when the time was up


def run_interleaved(first, second, pause_after, timeout=15.0):
    """Runs first() and second() at once, each in its own thread with its own database connection, in
    a fixed order: first() runs until its first query containing `pause_after` (a table name, say) has
    returned, then waits; second() runs until it returns or waits for a lock; then first() carries on.
    PostgreSQL's pg_stat_activity says when second() waits, so the order never depends on timing."""
    from django.db import connection
    seen, pids = Interleaving(), [None, None]
    paused, go, done = _threading.Event(), _threading.Event(), [_threading.Event(), _threading.Event()]

    def pause_first(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if pause_after in sql:
            with context["connection"].cursor() as cursor:
                cursor.execute("SELECT current_setting('transaction_isolation'), txid_current_if_assigned()")
                isolation, txid = cursor.fetchone()
            seen.statements.append((sql, txid))
            if seen.paused_sql is None:
                seen.paused_sql, seen.isolation = sql, isolation
                paused.set()
                go.wait(timeout)
        return result

    def body(index, function, wrapper):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pids[index] = cursor.fetchone()[0]
            if wrapper:
                with connection.execute_wrapper(wrapper):
                    seen.results[index] = function()
            else:
                seen.results[index] = function()
        except BaseException as error:  # reported to the check, which says what went wrong
            seen.errors[index] = error
        finally:
            connection.close()
            done[index].set()

    threads = [_threading.Thread(target=body, args=(0, first, pause_first), daemon=True),
               _threading.Thread(target=body, args=(1, second, None), daemon=True)]
    deadline = _time.monotonic() + timeout
    threads[0].start()
    while not (paused.is_set() or done[0].is_set()) and _time.monotonic() < deadline:
        paused.wait(0.02)
    threads[1].start()
    with connection.cursor() as cursor:
        while not done[1].wait(0.02) and _time.monotonic() < deadline:
            if pids[1] is not None:
                cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pids[1]])
                row = cursor.fetchone()
                if row and row[0] == "Lock":
                    seen.waited_on_lock = True
                    break
    go.set()
    for thread in threads:
        thread.join(timeout)
    seen.stuck = [thread.is_alive() for thread in threads]
    return seen
# endregion
