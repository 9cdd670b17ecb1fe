# Django Interview Prep: map, filter, reduce, partial and lru_cache
# Topic: Functional Programming  (Django Prep: Open Topic shows the explanation)
# Run it: python3 functional_tools.py     Each numbered task below prints ✓ when it passes.
#
# Practise the functional toolbox of the standard library: lazy map/filter, functools.reduce,
# functools.partial, functools.lru_cache and sorting with key functions from `operator`.
# Replace each `raise NotImplementedError` (task 4 needs only a decorator). The checks test
# laziness, call order, cache statistics and sort stability, not just the final values.

from functools import lru_cache, partial, reduce
from operator import itemgetter

# {{task-runner}}


# TODO 1: active_emails(users) -> a LAZY iterator over the e-mail addresses of the active users,
#   stripped and lower-cased: {"email": " Ann@Example.COM ", "active": True} -> "ann@example.com".
#   Combine filter() and map() (both lazy in Python 3) and return the iterator itself, not a
#   list: nothing may be read from `users` until the caller iterates over the result.
def active_emails(users):
    raise NotImplementedError


# TODO 2: pipeline(*steps) returns a function that passes its argument through every step,
#   left to right: pipeline(str.strip, str.lower)("  Hi ") == "hi". With no steps it returns
#   the value unchanged. Use functools.reduce with the value as the initial accumulator.
def pipeline(*steps):
    raise NotImplementedError


def format_price(amount, currency="EUR", decimals=2):
    """Given: format_price(3.5) == "3.50 EUR"."""
    return f"{amount:.{decimals}f} {currency}"


# TODO 3: Define usd and jpy as functools.partial objects of format_price (not new functions):
#   usd(3.5) == "3.50 USD"; jpy(1200) == "1200 JPY" (the yen has no decimals).
#   Callers can still override a pre-filled keyword: usd(10, decimals=0) == "10 USD".
def usd(*args, **kwargs):  # placeholder: replace with usd = partial(...)
    raise NotImplementedError


def jpy(*args, **kwargs):  # placeholder: replace with jpy = partial(...)
    raise NotImplementedError


API_CALLS = []


def fetch_rate_from_api(base, quote):
    """Given: pretends to call a slow exchange-rate API and records each call."""
    API_CALLS.append((base, quote))
    return {("EUR", "USD"): 1.08, ("EUR", "GBP"): 0.85, ("USD", "JPY"): 151.2}[(base, quote)]


# TODO 4: Memoise exchange_rate with @lru_cache(maxsize=256), so repeated calls with the same
#   arguments do not hit the API again; exchange_rate.cache_info() then reports hits and misses.
def exchange_rate(base, quote):
    return fetch_rate_from_api(base, quote)


# TODO 5: Sort with key functions from operator.itemgetter, returning new lists (use sorted(),
#   do not sort the input in place):
#   - by_category_and_name(products): by "category", then "name", both ascending;
#   - most_expensive(products, n): the n products with the highest "price", highest first;
#     products with equal prices keep their input order (sorted() is stable, also with
#     reverse=True, but reversing an ascending sort afterwards is not).
def by_category_and_name(products):
    raise NotImplementedError


def most_expensive(products, n):
    raise NotImplementedError

# {{checks}}
