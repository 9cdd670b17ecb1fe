# ---- Checks (do not edit) ----------------------------------------------------

@task(1, "FeatureFlags() is a singleton that keeps its state")
def check_singleton():
    first = FeatureFlags()
    first.enable("new-checkout-check-1")
    second = FeatureFlags()
    assert second is first, "FeatureFlags() returned two different objects; return the stored instance from __new__"
    assert second.is_enabled("new-checkout-check-1"), (
        "calling FeatureFlags() again wiped the enabled flags: __init__ runs on every call, so set the state up once")
    second.disable("new-checkout-check-1")
    assert not FeatureFlags().is_enabled("new-checkout-check-1"), "disable() through one reference should be seen by all"


@task(2, "create_notifier builds the right class by name, with options")
def check_factory():
    email = create_notifier("email")
    assert type(email) is EmailNotifier, f"create_notifier('email') returned {type(email).__name__}"
    assert email.from_addr == "noreply@example.com", "without options the class defaults should apply"
    sms = create_notifier("SMS", sender_id="ACME")
    assert type(sms) is SmsNotifier, f"create_notifier('SMS') returned {type(sms).__name__}; names are case-insensitive"
    assert sms.sender_id == "ACME", f"options should reach the constructor, sender_id is {sms.sender_id!r}"
    slack = create_notifier("Slack", channel="#ops")
    assert type(slack) is SlackNotifier and slack.channel == "#ops", "create_notifier('Slack', channel='#ops') is wrong"
    again = create_notifier("email")
    assert again is not email, "each call should build a new notifier"
    email.send("ann@example.com", "hi")
    assert again.outbox == [], "two notifiers share one outbox"


@task(3, "create_notifier rejects an unknown name with a helpful ValueError")
def check_factory_unknown():
    try:
        create_notifier("fax")
    except ValueError as error:
        message = str(error)
        assert "fax" in message, f"the message should name the unknown kind, got: {message}"
        missing = [name for name in ("email", "sms", "slack") if name not in message]
        assert not missing, f"the message should list the choices, {missing} missing from: {message}"
    except KeyError:
        raise AssertionError("create_notifier('fax') raised KeyError; raise ValueError (use `from None`)") from None
    else:
        raise AssertionError("create_notifier('fax') should raise ValueError")


@task(4, "Observable notifies subscribers in order, once each")
def check_observer_notify():
    calls = []

    class Mailer:
        def on_paid(self, order_id, amount):
            calls.append(("mail", order_id, amount))

    def audit(order_id, amount):
        calls.append(("audit", order_id, amount))

    def stock(order_id, **kwargs):
        calls.append(("stock", order_id, kwargs["amount"]))

    order_paid = Observable()
    mailer = Mailer()
    order_paid.subscribe(audit)
    order_paid.subscribe(mailer.on_paid)
    order_paid.subscribe(stock)
    order_paid.subscribe(audit)            # again: still one entry
    order_paid.subscribe(mailer.on_paid)   # an equal, but new, bound method object
    order_paid.notify(42, amount="9.99")
    want = [("audit", 42, "9.99"), ("mail", 42, "9.99"), ("stock", 42, "9.99")]
    assert calls == want, (
        f"expected {want!r}, got {calls!r}; subscribing audit or mailer.on_paid again (an equal but new "
        f"bound method, so compare with ==) should keep one entry each")
    calls.clear()
    Observable().notify(7, amount="1.00")
    assert calls == [], f"a new Observable has no subscribers, yet it called {calls!r}; keep the list per instance"


@task(5, "Observable.unsubscribe works, also from inside a callback")
def check_observer_unsubscribe():
    calls = []
    stock_changed = Observable()

    def log(sku):
        calls.append(("log", sku))

    def once(sku):
        calls.append(("once", sku))
        stock_changed.unsubscribe(once)

    def reindex(sku):
        calls.append(("reindex", sku))

    stock_changed.subscribe(log)
    assert stock_changed.unsubscribe(log) is True, "unsubscribe should return True when it removed the callback"
    assert stock_changed.unsubscribe(log) is False, "unsubscribe should return False for a callback that isn't subscribed"
    stock_changed.notify("A-1")
    assert calls == [], f"an unsubscribed callback was still called: {calls!r}"
    stock_changed.subscribe(once)
    stock_changed.subscribe(reindex)
    stock_changed.notify("B-2")
    stock_changed.notify("C-3")
    want = [("once", "B-2"), ("reindex", "B-2"), ("reindex", "C-3")]
    assert calls == want, (
        f"expected {want!r}, got {calls!r}; removing from a list while looping over it skips the next item")


if __name__ == "__main__":
    run_tasks()
