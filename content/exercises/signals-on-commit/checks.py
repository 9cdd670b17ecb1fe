# ---- Checks (do not edit) ----------------------------------------------------
_numbers = count(1)


def _new_name(prefix):
    return f"{prefix}{next(_numbers)}"


class _Rollback(Exception):
    """Raised inside atomic() to force a rollback."""


@task(1, "creating a user creates exactly one Profile; later saves do not add another")
def check_profile_created_once():
    name = _new_name("ann")
    user = User.objects.create_user(name, email=f"{name}@example.com")
    profiles = Profile.objects.filter(user=user)
    assert profiles.count() == 1, f"expected 1 Profile for a new user, found {profiles.count()}"
    assert profiles.get().display_name == name, f"expected display_name {name!r}, got {profiles.get().display_name!r}"
    user.first_name = "Ann"
    try:
        user.save()
    except IntegrityError as error:
        raise AssertionError(f"saving an existing user tried to create a second Profile ({error}); check `created`")
    assert profiles.count() == 1, f"expected still 1 Profile after an update, found {profiles.count()}"


@task(2, "the welcome email is sent once, after COMMIT, and not again on updates")
def check_email_after_commit():
    name = _new_name("bea")
    address = f"{name}@example.com"
    with transaction.atomic():
        user = User.objects.create_user(name, email=address)
        assert address not in OUTBOX, (
            "the email was sent inside the transaction, before COMMIT; defer it with transaction.on_commit()")
    assert OUTBOX.count(address) == 1, f"expected 1 email to {address} after COMMIT, found {OUTBOX.count(address)}"
    user.last_name = "Updated"
    user.save()
    assert OUTBOX.count(address) == 1, "updating an existing user sent another welcome email; check `created`"


@task(3, "a rolled-back transaction sends no email and leaves no user behind")
def check_rollback_sends_nothing():
    ghost = _new_name("ghost")
    try:
        with transaction.atomic():
            User.objects.create_user(ghost, email=f"{ghost}@example.com")
            raise _Rollback("payment failed")
    except _Rollback:
        pass
    assert f"{ghost}@example.com" not in OUTBOX, "an email went out for a user whose transaction rolled back"
    assert not User.objects.filter(username=ghost).exists(), "the rolled-back user is still in the database"
    real = _new_name("cleo")
    User.objects.create_user(real, email=f"{real}@example.com")  # autocommit: commits at once
    assert f"{real}@example.com" in OUTBOX, "a user saved outside any atomic() block should get the email at once"


@task(4, "a rolled-back savepoint drops only its own email; the outer commit sends the rest")
def check_savepoint_rollback():
    kept, dropped = _new_name("dana"), _new_name("eve")
    with transaction.atomic():
        User.objects.create_user(kept, email=f"{kept}@example.com")
        try:
            with transaction.atomic():  # a savepoint inside the outer transaction
                User.objects.create_user(dropped, email=f"{dropped}@example.com")
                raise _Rollback("this part fails")
        except _Rollback:
            pass
        assert f"{kept}@example.com" not in OUTBOX, "the email was sent before the outer transaction committed"
    assert f"{kept}@example.com" in OUTBOX, f"no email to {kept}@example.com after the outer COMMIT"
    assert f"{dropped}@example.com" not in OUTBOX, "an email went out for a user created in a rolled-back savepoint"


@task(5, "muted_welcome_emails() disconnects only the email receiver, and reconnects it")
def check_muted_welcome_emails():
    quiet = _new_name("fay")
    with muted_welcome_emails():
        user = User.objects.create_user(quiet, email=f"{quiet}@example.com")
    assert f"{quiet}@example.com" not in OUTBOX, "a user created while muted still got a welcome email"
    assert Profile.objects.filter(user=user).exists(), "while muted, new users must still get their Profile"
    loud = _new_name("gus")
    User.objects.create_user(loud, email=f"{loud}@example.com")
    assert f"{loud}@example.com" in OUTBOX, "after the block, the email receiver was not connected again"
    try:
        with muted_welcome_emails():
            raise _Rollback("import failed half-way")
    except _Rollback:
        pass
    after_error = _new_name("hal")
    User.objects.create_user(after_error, email=f"{after_error}@example.com")
    assert f"{after_error}@example.com" in OUTBOX, "after a block that raised, the receiver stayed disconnected; use try/finally"
    assert post_save.has_listeners(User), "no post_save receivers are connected for User any more"


if __name__ == "__main__":
    run_tasks()
