# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------
import atexit
import contextlib
import os
import re
import shutil
import sys
import tempfile

from django.core.management import ManagementUtility

_APP = "djprep_billing"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # self.style colours the text when you run this in a terminal


def _install_command_app():
    """A real app folder with management/commands/expire_subscriptions.py, which is where Django looks."""
    root = tempfile.mkdtemp(prefix="djprep-command-")
    atexit.register(shutil.rmtree, root, True)
    commands = os.path.join(root, _APP, "management", "commands")
    os.makedirs(commands)
    for folder in (os.path.join(root, _APP), os.path.dirname(commands), commands):
        open(os.path.join(folder, "__init__.py"), "w").close()
    with open(os.path.join(commands, "expire_subscriptions.py"), "w", encoding="utf-8") as out:
        out.write(f"from {__name__} import Command  # yours, from the practice file\n")
    sys.path.insert(0, root)


_install_command_app()


def _run(*args):
    """python manage.py expire_subscriptions *args, through the real command lookup. Returns (stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, _APP]):
        try:
            call_command("expire_subscriptions", *args, stdout=out, stderr=err)
        except CommandError as error:
            if "unrecognized arguments" in str(error):
                raise AssertionError(f"expire_subscriptions {' '.join(args)}: {error}; declare the option in add_arguments()")
            raise
    return _ANSI.sub("", out.getvalue()), _ANSI.sub("", err.getvalue())


def _manage_py_help():
    """What `python manage.py help expire_subscriptions` prints."""
    shown = io.StringIO()
    with override_settings(INSTALLED_APPS=[*settings.INSTALLED_APPS, _APP]), contextlib.redirect_stdout(shown):
        ManagementUtility(["manage.py", "help", "expire_subscriptions"]).execute()
    return shown.getvalue()


def _refused(*args):
    """Runs a command line that must fail with CommandError; returns its message."""
    try:
        _run(*args)
    except CommandError as error:
        return str(error)
    except SystemExit:
        raise AssertionError(f"expire_subscriptions {' '.join(args)}: SystemExit; raise CommandError instead of exiting")
    raise AssertionError(f"expire_subscriptions {' '.join(args)} should fail with CommandError, but it ran")


_numbers = iter(range(1, 10_000))


def _subscriptions(prefix, *rows):
    """rows: (plan, days from today, active) -> the Subscription objects."""
    today = timezone.localdate()
    return [Subscription.objects.create(email=f"{prefix}-{next(_numbers)}@example.com", plan=plan,
                                        expires_on=today + timedelta(days=days), active=active)
            for plan, days, active in rows]


def _active(subscriptions):
    return [Subscription.objects.get(pk=s.pk).active for s in subscriptions]


def _expire_everything_due():
    """Earlier tasks leave due subscriptions behind: each task starts from none."""
    Subscription.objects.filter(expires_on__lt=timezone.localdate()).update(active=False)


@task(1, "call_command('expire_subscriptions') expires what ran out and says so on self.stdout")
def check_basic_run():
    _expire_everything_due()
    subs = _subscriptions("t1", ("basic", -3, True), ("pro", -1, True), ("pro", 0, True), ("basic", 30, True), ("basic", -9, False))
    out, _ = _run()
    assert _active(subs) == [False, False, True, True, False], (
        f"expected the two active subscriptions that ended before today expired (one ending today stays), "
        f"active flags are now {_active(subs)}")
    assert "Expired 2 subscription(s)." in out, (
        f"expected 'Expired 2 subscription(s).' on stdout, captured {out!r}"
        + ("; write with self.stdout.write(), print() bypasses call_command(stdout=...)" if not out else ""))
    with CaptureQueriesContext(connection) as ctx:
        _run()
    updates = [q for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert len(updates) <= 1, f"expected at most one UPDATE (QuerySet.update), sent {len(updates)}"
    shown = _manage_py_help()
    assert Command.help.strip() and " ".join(Command.help.split()) in " ".join(shown.split()), \
        f"`manage.py help expire_subscriptions` should describe the command (Command.help), it printed:\n{shown[:300]}"


@task(2, "--as-of YYYY-MM-DD; a bad or future date is a CommandError")
def check_as_of():
    _expire_everything_due()
    subs = _subscriptions("t2", ("basic", 5, True), ("pro", 15, True))
    message = _refused("--as-of", "next-friday")
    assert "next-friday" in message, f"the error should name the bad value 'next-friday', got {message!r}"
    future = (timezone.localdate() + timedelta(days=10)).isoformat()
    _refused("--as-of", future)
    assert _active(subs) == [True, True], f"a refused run must change nothing, active flags are now {_active(subs)}"
    _expire_everything_due()
    past = _subscriptions("t2", ("basic", -30, True), ("pro", -10, True))
    out, _ = _run("--as-of", (timezone.localdate() - timedelta(days=20)).isoformat())
    assert _active(past) == [False, True], (
        f"--as-of 20 days ago should expire only the subscription that ended 30 days ago, active flags: {_active(past)}")
    assert "Expired 1 subscription(s)." in out, f"expected 'Expired 1 subscription(s).', got {out!r}"


@task(3, "--plan basic|pro narrows; enterprise is skipped and reported on stderr")
def check_plan_and_stderr():
    _expire_everything_due()
    basic, pro, enterprise = _subscriptions("t3", ("basic", -2, True), ("pro", -2, True), ("enterprise", -2, True))
    message = _refused("--plan", "gold")
    assert "gold" in message, f"--plan gold: the error should name the bad choice, got {message!r}"
    out, err = _run("--plan", "pro")
    assert _active([basic, pro, enterprise]) == [True, False, True], \
        f"--plan pro should expire only the pro subscription, active flags: {_active([basic, pro, enterprise])}"
    assert not err.strip(), f"--plan pro has no enterprise subscription in scope: expected nothing on stderr, got {err!r}"
    out, err = _run()
    assert _active([basic, enterprise]) == [False, True], "without --plan, basic expires and enterprise never does"
    assert f"Skipped enterprise subscription {enterprise.email}: needs manual review." in err, (
        f"expected the skipped enterprise subscription reported on stderr, stderr was {err!r}"
        + (" (it went to stdout: use self.stderr.write)" if enterprise.email in out else ""))
    assert enterprise.email not in out, "the warning belongs on stderr only"


@task(4, "--dry-run says what would happen and changes nothing")
def check_dry_run():
    _expire_everything_due()
    subs = _subscriptions("t4", ("basic", -1, True), ("pro", -4, True), ("basic", 3, True))
    with CaptureQueriesContext(connection) as ctx:
        out, _ = _run("--dry-run")
    writes = [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("UPDATE", "DELETE", "INSERT"))]
    assert not writes and _active(subs) == [True, True, True], f"--dry-run changed the database: {writes or _active(subs)}"
    assert "Would expire 2 subscription(s)." in out, f"expected 'Would expire 2 subscription(s).' on stdout, got {out!r}"
    _run()
    assert _active(subs) == [False, False, True], "the real run after a dry run should expire the two"


@task(5, "--verbosity 0 is silent, 2 lists every email")
def check_verbosity():
    _expire_everything_due()
    subs = _subscriptions("t5", ("basic", -1, True), ("pro", -2, True))
    out, _ = _run("--dry-run", "--verbosity", "2")
    for s in subs:
        assert s.email in out, f"--verbosity 2 should list {s.email}, stdout was {out!r}"
    out, _ = _run("--verbosity", "0")
    assert out == "", f"--verbosity 0 should print nothing on stdout (cron mails any output), got {out!r}"
    assert _active(subs) == [False, False], "--verbosity 0 must still do the work"


if __name__ == "__main__":
    run_tasks()
