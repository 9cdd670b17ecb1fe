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
    origin, *via, destination = stops
    return origin, via, destination


# TODO 2: parse_account(record) turns a record shaped like
#   (42, ("Ada", "Lovelace"), ["ada@example.com", "countess@example.com", ...])
#   into {"id": 42, "name": "Ada Lovelace", "email": "ada@example.com",
#         "aliases": ["countess@example.com", ...]}  (the first address is the main email).
#   Unpack it in one nested assignment: user_id, (first, last), [email, *aliases] = record
def parse_account(record):
    user_id, (first, last), [email, *aliases] = record
    return {"id": user_id, "name": f"{first} {last}", "email": email, "aliases": aliases}


# TODO 3: reverse_in_place(items) reverses the list itself (same list object, returns None)
#   by swapping pairs from both ends: items[i], items[j] = items[j], items[i].
#   Do not build a new list (no slicing, no reversed()).
def reverse_in_place(items):
    i, j = 0, len(items) - 1
    while i < j:
        items[i], items[j] = items[j], items[i]
        i, j = i + 1, j - 1


# TODO 4: merge_settings(defaults, env, **overrides) -> a NEW dict with every key of the three;
#   on conflicts overrides win over env, and env over defaults. Do not modify the inputs.
#   Use `defaults | env | overrides` or {**defaults, **env, **overrides}.
def merge_settings(defaults, env, **overrides):
    return defaults | env | overrides


# TODO 5: build_query(table, *columns, limit=100, distinct=False, **where) describes a SELECT:
#   build_query("book", "id", "title", limit=5, author="ann")
#     -> {"table": "book", "columns": ("id", "title"), "where": {"author": "ann"},
#         "limit": 5, "distinct": False}
#   - columns: every extra positional argument, as a tuple; ("*",) when there are none.
#   - limit and distinct are KEYWORD-ONLY (they come after *columns), so a column name can
#     never land in limit by accident; every other keyword argument goes into where.
#   Write the signature yourself: the placeholder one in the starter does not fit.
def build_query(table, *columns, limit=100, distinct=False, **where):
    return {"table": table, "columns": columns or ("*",), "where": where,
            "limit": limit, "distinct": distinct}


# ---- Checks (do not edit) ------------------------------------------------------

@task(1, "star unpacking: first, *middle, last")
def check_star():
    got = split_route(["LHR", "CDG", "FRA", "JFK"])
    assert got == ("LHR", ["CDG", "FRA"], "JFK"), f"expected ('LHR', ['CDG', 'FRA'], 'JFK'), got {got!r}"
    got = split_route(("AMS", "BCN"))
    assert got == ("AMS", [], "BCN"), f"expected ('AMS', [], 'BCN') (the starred part is a list, maybe empty), got {got!r}"
    got = split_route(iter(["SFO", "ORD", "BOS"]))
    assert got == ("SFO", ["ORD"], "BOS"), f"any iterable should work, even an iterator: got {got!r}"
    try:
        split_route(["LHR"])
    except ValueError:
        pass
    else:
        raise AssertionError("a one-stop route should raise ValueError (not enough values to unpack)")


@task(2, "nested unpacking of a record")
def check_nested():
    got = parse_account((42, ("Ada", "Lovelace"), ["ada@example.com", "countess@example.com", "al@example.org"]))
    want = {"id": 42, "name": "Ada Lovelace", "email": "ada@example.com",
            "aliases": ["countess@example.com", "al@example.org"]}
    assert got == want, f"expected {want!r}, got {got!r}"
    got = parse_account((7, ["Alan", "Turing"], ("alan@example.com",)))
    want = {"id": 7, "name": "Alan Turing", "email": "alan@example.com", "aliases": []}
    assert got == want, f"expected {want!r} (aliases may be empty, sequences may be tuples), got {got!r}"
    try:
        parse_account((8, ("Grace", "Brewster", "Hopper"), ["grace@example.com"]))
    except ValueError:
        pass
    else:
        raise AssertionError("a name with three parts should raise ValueError: unpack (first, last) exactly")


@task(3, "swapping: reverse a list in place")
def check_swap():
    for items in ([1, 2, 3, 4, 5], ["a", "b", "c", "d"], ["x"], []):
        same = items
        want = list(reversed(items))
        result = reverse_in_place(items)
        assert result is None, f"reverse_in_place should return None (like list.reverse), got {result!r}"
        assert same is items and items == want, f"expected the list itself to become {want!r}, it is {items!r}"


@task(4, "merge dicts with | or **, later sources win")
def check_merge():
    defaults = {"DEBUG": False, "PAGE_SIZE": 20, "TIME_ZONE": "UTC"}
    env = {"DEBUG": True, "DATABASE": "postgres://db/app"}
    got = merge_settings(defaults, env, PAGE_SIZE=50, DEBUG=False)
    want = {"DEBUG": False, "PAGE_SIZE": 50, "TIME_ZONE": "UTC", "DATABASE": "postgres://db/app"}
    assert got == want, f"expected {want!r}, got {got!r}"
    assert defaults == {"DEBUG": False, "PAGE_SIZE": 20, "TIME_ZONE": "UTC"}, f"defaults was modified: {defaults!r}"
    assert env == {"DEBUG": True, "DATABASE": "postgres://db/app"}, f"env was modified: {env!r}"
    got = merge_settings(defaults, env)
    assert got == {**defaults, "DEBUG": True, "DATABASE": "postgres://db/app"}, f"env should override defaults, got {got!r}"
    assert got is not defaults and got is not env, "return a new dict"


@task(5, "*args, keyword-only parameters and **kwargs")
def check_signature():
    try:
        got = build_query("book", "id", "title", limit=5, author="ann")
    except TypeError as err:
        raise AssertionError(
            f'build_query("book", "id", "title", limit=5, author="ann") raised TypeError: {err}. '
            "Collect columns with *columns, put limit and distinct after it, the rest in **where") from None
    want = {"table": "book", "columns": ("id", "title"), "where": {"author": "ann"}, "limit": 5, "distinct": False}
    assert got == want, f"expected {want!r}, got {got!r}"

    got = build_query("book")
    want = {"table": "book", "columns": ("*",), "where": {}, "limit": 100, "distinct": False}
    assert got == want, f"with only a table expected {want!r}, got {got!r}"

    got = build_query("author", "id", "name", "born")
    assert got["columns"] == ("id", "name", "born") and got["limit"] == 100, (
        "every positional argument after the table is a column, none may end up in limit: "
        f"got columns={got['columns']!r}, limit={got['limit']!r}")

    filters = {"country": "fr", "active": True}
    got = build_query("publisher", "name", distinct=True, **filters)
    assert got["where"] == filters and got["distinct"] is True and got["limit"] == 100, (
        "distinct is an option, the other keywords are filters: expected where="
        f"{filters!r}, distinct=True, limit=100, got {got!r}")


if __name__ == "__main__":
    run_tasks()
