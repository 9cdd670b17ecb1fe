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
