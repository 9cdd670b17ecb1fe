# ---- Checks (do not edit) ----------------------------------------------------

@task(1, "add_tag starts a fresh list on every call without `tags`")
def check_mutable_default():
    first = add_tag("python")
    assert first == ["python"], f"expected ['python'], got {first!r}"
    second = add_tag("django")
    assert second == ["django"], (
        f"expected ['django'] from the second call, got {second!r}: the default list is shared between calls")
    assert first is not second, "two calls without `tags` returned the same list object"
    mine = ["existing"]
    result = add_tag("new", mine)
    assert result is mine, "a list passed in should be appended to and returned, not copied"
    assert mine == ["existing", "new"], f"expected ['existing', 'new'], got {mine!r}"


@task(2, "make_grid builds independent rows")
def check_grid():
    grid = make_grid(3, 2)
    assert grid == [[0, 0], [0, 0], [0, 0]], f"expected [[0, 0], [0, 0], [0, 0]], got {grid!r}"
    grid[0][0] = 1
    assert grid == [[1, 0], [0, 0], [0, 0]], (
        f"after grid[0][0] = 1 expected [[1, 0], [0, 0], [0, 0]], got {grid!r}: the rows are one shared list")
    ids = {id(row) for row in make_grid(4, 1, fill=".")}
    assert len(ids) == 4, f"expected 4 distinct row objects, got {len(ids)}"


@task(3, "Money works as a dict key and in a set (__eq__ and __hash__)")
def check_money_hashable():
    a, b = Money(Decimal("9.99"), "EUR"), Money(Decimal("9.99"), "EUR")
    assert a == b, "two Money with the same amount and currency should be equal"
    assert hash(a) == hash(b), "equal objects must have equal hashes"
    assert a != Money(Decimal("9.99"), "USD"), "a different currency should not be equal"
    assert a != Money(Decimal("10.00"), "EUR"), "a different amount should not be equal"
    assert Money(Decimal("5.00"), "GBP") == Money(Decimal("5"), "GBP"), "Decimal('5.00') == Decimal('5'), so the Money should be equal"
    unique = {a, b, Money(Decimal("1.50"), "EUR")}
    assert len(unique) == 2, f"expected 2 distinct Money in the set, got {len(unique)}: {unique!r}"
    prices = {a: "coffee"}
    found = prices.get(Money(Decimal("9.99"), "EUR"))
    assert found == "coffee", f"a new but equal Money should find the dict entry, got {found!r}"
    assert (a == (Decimal("9.99"), "EUR")) is False, "Money should not be equal to a plain tuple"


@task(4, "Money is immutable (assigning an attribute raises AttributeError)")
def check_money_immutable():
    price = Money(Decimal("3.20"), "EUR")
    menu = {price: "tea"}
    try:
        price.amount = Decimal("4.00")
    except AttributeError:
        pass
    else:
        raise AssertionError(
            "price.amount = ... worked; a hashable value must be immutable, or the dict "
            "entry becomes unreachable because its hash changed")
    assert price.amount == Decimal("3.20"), f"the amount changed to {price.amount!r}"
    assert menu[Money(Decimal("3.20"), "EUR")] == "tea"


@task(5, "merge_settings deep-merges without sharing or changing its inputs")
def check_merge_settings():
    base = {
        "DEBUG": False,
        "ALLOWED_HOSTS": ["localhost"],
        "DATABASES": {"default": {"ENGINE": "sqlite3", "NAME": "db.sqlite3", "OPTIONS": {"timeout": 5}}},
    }
    overrides = {
        "DEBUG": True,
        "DATABASES": {"default": {"NAME": "test.sqlite3"}},
        "CACHES": {"default": {"BACKEND": "locmem", "OPTIONS": {"MAX_ENTRIES": 100}}},
    }
    base_before, overrides_before = copy.deepcopy(base), copy.deepcopy(overrides)
    merged = merge_settings(base, overrides)
    want = {
        "DEBUG": True,
        "ALLOWED_HOSTS": ["localhost"],
        "DATABASES": {"default": {"ENGINE": "sqlite3", "NAME": "test.sqlite3", "OPTIONS": {"timeout": 5}}},
        "CACHES": {"default": {"BACKEND": "locmem", "OPTIONS": {"MAX_ENTRIES": 100}}},
    }
    assert merged == want, f"expected {want!r}, got {merged!r}"
    assert base == base_before, f"merge_settings changed `base`: it is now {base!r}"
    assert overrides == overrides_before, f"merge_settings changed `overrides`: it is now {overrides!r}"
    merged["ALLOWED_HOSTS"].append("example.com")
    merged["DATABASES"]["default"]["OPTIONS"]["timeout"] = 30
    merged["CACHES"]["default"]["OPTIONS"]["MAX_ENTRIES"] = 5
    assert base == base_before, (
        f"editing the result changed `base` ({base!r}): nested objects are shared, as with a shallow copy")
    assert overrides == overrides_before, (
        f"editing the result changed `overrides` ({overrides!r}): values taken from it are shared")


@task(6, "count_matches compares values with ==, not identity")
def check_count_matches():
    target = int("1000")
    numbers = [int("1000"), int("999") + 1, 7, 1000.0, int("1001")]
    got = count_matches(numbers, target)
    assert got == 3, (
        f"expected 3 (1000, 999 + 1 and 1000.0 all equal 1000), got {got}: `is` only matches the same object")
    word = "".join(["ad", "min"])
    got = count_matches(["admin", word, "user"], "admin")
    assert got == 2, f"expected 2 matches for 'admin', got {got}"


@task(7, "get_setting uses a sentinel and `is` to tell 'no default' from None")
def check_get_setting():
    class AlwaysEqual:
        """Claims to equal everything, like a mock or a lazy ORM expression can."""
        def __eq__(self, other):
            return True
        __hash__ = object.__hash__

        def __repr__(self):
            return "AlwaysEqual()"

    def call(*args, hint=""):
        try:
            return get_setting(*args)
        except KeyError:
            raise AssertionError(f"get_setting{args!r} raised KeyError but should return a value{hint}") from None

    assert call({"DEBUG": False}, "DEBUG") is False, "an existing False value should be returned"
    assert call({"TIMEOUT": None}, "TIMEOUT", 30) is None, "an existing None value wins over the default"
    assert call({}, "TIMEOUT", None) is None, "default=None was passed, so return None instead of raising"
    assert call({}, "RETRIES", 0) == 0, "default=0 should be returned"
    odd = AlwaysEqual()
    fooled = ": AlwaysEqual() == _MISSING is True, so compare with the sentinel using `is`"
    assert call({}, "BACKEND", odd, hint=fooled) is odd, "the default AlwaysEqual() should be returned"
    assert call({"BACKEND": odd}, "BACKEND", hint=fooled) is odd, "the stored AlwaysEqual() should be returned"
    try:
        get_setting({"DEBUG": True}, "SECRET_KEY")
    except KeyError:
        pass
    else:
        raise AssertionError("a missing name without a default should raise KeyError")


if __name__ == "__main__":
    run_tasks()
