# Django Interview Prep: Unpacking, *args and **kwargs
# Topic: List Unpacking, *args and **kwargs  (Django Prep: Open Topic shows the explanation)
# Run it: python3 unpacking.py     Each numbered task below prints ✓ when it passes.
#
# Practise star and nested unpacking, swapping without a temporary variable, merging dicts
# with | and **, and designing a signature with *args, keyword-only parameters and **kwargs.
# Replace each `raise NotImplementedError` (in task 5 also change the signature).
# The checks call your functions with several shapes of input, including ones that must fail.

# {{task-runner}}


# TODO 1: split_route(stops) -> (origin, via, destination) for a list of airport codes:
#   ["LHR", "CDG", "FRA", "JFK"] -> ("LHR", ["CDG", "FRA"], "JFK"); ["LHR", "JFK"] -> ("LHR", [], "JFK").
#   Use one star assignment: first, *middle, last = ... A route with fewer than two stops
#   must raise ValueError, which that assignment does for you.
def split_route(stops):
    raise NotImplementedError


# TODO 2: parse_account(record) turns a record shaped like
#   (42, ("Ada", "Lovelace"), ["ada@example.com", "countess@example.com", ...])
#   into {"id": 42, "name": "Ada Lovelace", "email": "ada@example.com",
#         "aliases": ["countess@example.com", ...]}  (the first address is the main email).
#   Unpack it in one nested assignment: user_id, (first, last), [email, *aliases] = record
def parse_account(record):
    raise NotImplementedError


# TODO 3: reverse_in_place(items) reverses the list itself (same list object, returns None)
#   by swapping pairs from both ends: items[i], items[j] = items[j], items[i].
#   Do not build a new list (no slicing, no reversed()).
def reverse_in_place(items):
    raise NotImplementedError


# TODO 4: merge_settings(defaults, env, **overrides) -> a NEW dict with every key of the three;
#   on conflicts overrides win over env, and env over defaults. Do not modify the inputs.
#   Use `defaults | env | overrides` or {**defaults, **env, **overrides}.
def merge_settings(defaults, env, **overrides):
    raise NotImplementedError


# TODO 5: build_query(table, *columns, limit=100, distinct=False, **where) describes a SELECT:
#   build_query("book", "id", "title", limit=5, author="ann")
#     -> {"table": "book", "columns": ("id", "title"), "where": {"author": "ann"},
#         "limit": 5, "distinct": False}
#   - columns: every extra positional argument, as a tuple; ("*",) when there are none.
#   - limit and distinct are KEYWORD-ONLY (they come after *columns), so a column name can
#     never land in limit by accident; every other keyword argument goes into where.
#   Write the signature yourself: the placeholder one in the starter does not fit.
def build_query(*args, **kwargs):
    raise NotImplementedError

# {{checks}}
