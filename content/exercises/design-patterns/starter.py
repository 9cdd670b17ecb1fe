# Django Interview Prep: Singleton, Factory and Observer
# Topic: Design Patterns  (Django Prep: Open Topic shows the explanation)
# Run it: python3 design_patterns.py     Each numbered task below prints ✓ when it passes.
#
# Build three patterns interviewers ask about: a FeatureFlags singleton with __new__ (in real
# Python code a module-level instance usually does the job), a create_notifier() factory that
# picks a class by name, and an Observable that calls its subscribers in order. The checks
# create objects, subscribe callbacks and compare what happened.

# {{task-runner}}


# ---- Ready-made classes for the factory (no changes needed) -----------------

class EmailNotifier:
    def __init__(self, from_addr="noreply@example.com"):
        self.from_addr, self.outbox = from_addr, []

    def send(self, to, message):
        self.outbox.append((self.from_addr, to, message))


class SmsNotifier:
    def __init__(self, sender_id="SHOP"):
        self.sender_id, self.outbox = sender_id, []

    def send(self, to, message):
        self.outbox.append((self.sender_id, to, message[:160]))


class SlackNotifier:
    def __init__(self, channel="#general"):
        self.channel, self.outbox = channel, []

    def send(self, to, message):
        self.outbox.append((self.channel, f"@{to} {message}"))


# ---- Your code ---------------------------------------------------------------

# TODO 1: FeatureFlags() must return the same object on every call, and calling it again
# must not wipe flags that are already enabled. Create the instance, and its state, in
# __new__ the first time; keep it on the class and return it afterwards. Careful: Python
# still runs __init__ after __new__ on every FeatureFlags() call.
class FeatureFlags:
    _instance = None

    def __new__(cls):
        return super().__new__(cls)  # placeholder: a brand-new object every time

    def __init__(self):
        self._enabled = set()

    def enable(self, name):
        self._enabled.add(name)

    def disable(self, name):
        self._enabled.discard(name)

    def is_enabled(self, name):
        return name in self._enabled


# TODO 2: create_notifier(kind, **options) returns a NEW notifier for "email", "sms" or
# "slack" (any case: "Email" works too) and passes the options to its constructor, e.g.
# create_notifier("sms", sender_id="ACME"). Callers never name the classes. Map names to
# classes in NOTIFIERS instead of an if/elif chain, so a new kind is one new entry.
# TODO 3: An unknown kind raises ValueError (not KeyError) whose message names the kind and
# the choices, e.g. "unknown notifier 'fax'; choose from: email, slack, sms".
NOTIFIERS = {}


def create_notifier(kind, **options):
    raise NotImplementedError


# TODO 4: subscribe(callback) adds a callback; subscribing the same callback again keeps a
# single entry (compare with ==: a bound method like obj.handle is a new object on every
# access). notify(*args, **kwargs) calls every callback with those arguments, in the order
# they subscribed. Each Observable has its own subscribers.
# TODO 5: unsubscribe(callback) removes it and returns True, or returns False if it was not
# subscribed. A callback may unsubscribe itself while notify() runs (a one-shot listener); the
# others must still be called exactly once. Hint: loop over a copy of the list.
class Observable:
    def subscribe(self, callback):
        raise NotImplementedError

    def unsubscribe(self, callback):
        raise NotImplementedError

    def notify(self, *args, **kwargs):
        raise NotImplementedError

# {{checks}}
