# Django Interview Prep: Mutability, Hashing and Copying
# Topic: Data Types, Mutability and Copying  (Django Prep: Open Topic shows the explanation)
# Run it: python3 mutability_and_copying.py     Each numbered task below prints ✓ when it passes.
#
# Fix two classic mutability bugs, turn Money into a hashable, immutable value object,
# deep-merge nested settings without touching the originals, and use `==` and `is` where
# each belongs. Edit only the code marked TODO; the checks at the bottom call your code
# and explain what went wrong.
import copy
from dataclasses import dataclass
from decimal import Decimal

# {{task-runner}}


# ---- Your code ---------------------------------------------------------------

# TODO 1: The classic mutable-default bug: the default list is created once, when `def`
# runs, so tags from earlier calls leak into later ones. Fix it so that every call without
# `tags` starts with a fresh list, while a list that IS passed in is still appended to and
# returned (the same object, not a copy).
def add_tag(tag, tags=[]):
    tags.append(tag)
    return tags


# TODO 2: make_grid(3, 2) should return [[0, 0], [0, 0], [0, 0]] where every row is its own
# list. Right now all rows are one list object, so grid[0][0] = 1 changes every row.
def make_grid(rows, cols, fill=0):
    return [[fill] * cols] * rows


# TODO 3: Money is a value object. Two Money with the same amount and currency are equal,
# have the same hash, and work as dict keys and set members. Comparing Money with anything
# that is not Money gives False (return NotImplemented from __eq__ for other types).
# TODO 4: A value used as a key must not change after creation, or it gets lost inside the
# dict or set: assigning an attribute (m.amount = ...) should raise AttributeError.
# Hint: @dataclass(frozen=True) solves 3 and 4 at once; by hand, you need __eq__,
# __hash__ and a __setattr__ that refuses changes.
class Money:
    def __init__(self, amount: Decimal, currency: str):
        self.amount = amount
        self.currency = currency

    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"

    def __eq__(self, other):
        raise NotImplementedError

    def __hash__(self):
        raise NotImplementedError


# TODO 5: Return a NEW dict: `base` with `overrides` applied. Where both have a dict under the
# same key, merge those dicts the same way (recursively); otherwise the override wins.
# Neither argument may change, and the result must share no nested dict or list with them,
# so that editing the result later cannot leak back (think: copy.copy vs copy.deepcopy).
def merge_settings(base, overrides):
    raise NotImplementedError


# TODO 6: Count the items EQUAL to target. This version uses `is`, which asks "same object?";
# it only seems to work for small ints and interned strings (a CPython detail).
def count_matches(items, target):
    return sum(1 for item in items if item is target)


# TODO 7: Return settings[name] when the key exists, even if its value is None, False or 0.
# Otherwise return `default` if the caller passed one (any value, None included), else raise
# KeyError(name). _MISSING is a sentinel meaning "no default given": compare with `is`, since
# `==` can be overridden and may claim to equal anything.
_MISSING = object()


def get_setting(settings, name, default=_MISSING):
    raise NotImplementedError

# {{checks}}
