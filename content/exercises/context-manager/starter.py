# Django Interview Prep: Context Managers: Rollback and Temporary Settings
# Topic: Context Managers  (Django Prep: Open Topic shows the explanation)
# Run it: python3 context_managers.py     Each numbered task below prints ✓ when it passes.
#
# Write Transaction, a class-based context manager that works like a tiny transaction.atomic()
# for a dict: the block's changes are kept on success and undone on any exception; raising
# Rollback undoes them quietly, while every other exception still propagates. Then write
# override(), a @contextmanager that changes attributes temporarily, as Django's
# override_settings does in tests. Replace each `raise NotImplementedError`. The checks run
# blocks that succeed, fail and nest, then inspect the data and which exceptions escaped.

import copy
from contextlib import contextmanager

# {{task-runner}}


class Rollback(Exception):
    """Raise inside `with Transaction(...)` to undo the block's changes without an error (given)."""


class Transaction:
    """with Transaction(stock) as data: ... keeps the changes, or restores `stock` after an exception."""

    def __init__(self, store):
        self.store = store
        self.snapshot = None

    # TODO 1: __enter__ saves a snapshot of the store with copy.deepcopy (values may be lists or
    #   dicts that the block mutates) and returns the store itself, so that
    #   `with Transaction(stock) as data:` edits the very same dict.
    def __enter__(self):
        raise NotImplementedError

    # TODO 2: __exit__(exc_type, exc, tb) keeps the changes when the block finished normally
    #   (exc_type is None). When the block raised, restore the store IN PLACE from the snapshot
    #   (other code holds references to this dict, so do not rebind self.store) and let the
    #   exception propagate: return a falsy value.
    # TODO 3: Suppress Rollback (and its subclasses) only: return True for it. Any other
    #   exception must still reach the caller after the restore.
    def __exit__(self, exc_type, exc, tb):
        raise NotImplementedError


class Settings:
    """A stand-in for django.conf.settings (given): Settings(DEBUG=False).DEBUG is False."""

    def __init__(self, **values):
        self.__dict__.update(values)


# TODO 4: override(obj, **attrs) sets each attribute on obj for the duration of the with block
#   and yields obj. Afterwards every attribute has its old value again, and attributes that did
#   not exist before are deleted (hint: remember them with a sentinel, `_missing = object()`).
# TODO 5: Put the restoring code in a `finally:` around the yield, so it also runs when the
#   block raises, and do not catch the exception: it must still reach the caller.
@contextmanager
def override(obj, **attrs):
    raise NotImplementedError

# {{checks}}
