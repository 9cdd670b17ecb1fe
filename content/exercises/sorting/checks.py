# ---- Checks (do not edit) ----------------------------------------------------

def _sample_lists(seed):
    """Edge cases plus 300 random lists: small value ranges (many duplicates) and wide ones."""
    rng = random.Random(seed)
    yield from ([], [5], [2, 1], [1, 2], [3, 3, 3], [0, -1, -1, 0], [2.5, -7, 2, 2.5, 0])
    for _ in range(300):
        size = rng.randint(0, 60)
        spread = rng.choice([2, 10, 1000])
        yield [rng.randint(-spread, spread) for _ in range(size)]


def _check_sorts(sort, name, seed):
    for data in _sample_lists(seed):
        original = list(data)
        got = sort(data)
        want = sorted(original)
        assert data == original, f"{name}({original!r}) modified its argument into {data!r}; sort a copy"
        assert got == want, f"{name}({original!r}) returned {got!r}, expected {want!r}"


class _Counted:
    """A number that counts how often it is compared."""
    comparisons = 0

    def __init__(self, value):
        self.value = value

    def _compare(self, other, op):
        _Counted.comparisons += 1
        return op(self.value, other.value)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __repr__(self):
        return f"_Counted({self.value})"


@task(1, "bubble_sort agrees with sorted() and leaves its argument alone")
def check_bubble_sort():
    _check_sorts(bubble_sort, "bubble_sort", seed=101)


@task(2, "bubble_sort stops after one pass on already-sorted input")
def check_bubble_early_exit():
    n = 60
    items = [_Counted(v) for v in range(n)]
    _Counted.comparisons = 0
    got = bubble_sort(items)
    made = _Counted.comparisons
    assert [x.value for x in got] == list(range(n)), "sorted input came back in a different order"
    assert made <= 2 * (n - 1), (
        f"sorting an already sorted list of {n} made {made} comparisons; with an early exit it is one pass "
        f"({n - 1} comparisons), without it n(n-1)/2 = {n * (n - 1) // 2}")
    _Counted.comparisons = 0
    bubble_sort([_Counted(v) for v in range(n, 0, -1)])
    assert _Counted.comparisons >= n * (n - 1) // 2, "reversed input needs every pass; did you stop too early?"


@task(3, "merge_sort agrees with sorted() and leaves its argument alone")
def check_merge_sort():
    _check_sorts(merge_sort, "merge_sort", seed=202)


@task(4, "merge_sort(key=...) is stable: equal keys keep their original order")
def check_merge_stable():
    rng = random.Random(404)
    orders = [(rng.choice(["paid", "new", "sent", "void"]), f"order-{i}") for i in range(300)]
    got = merge_sort(orders, key=lambda order: order[0])
    want = sorted(orders, key=lambda order: order[0])  # sorted() is stable
    for position, (g, w) in enumerate(zip(got, want)):
        assert g == w, (
            f"position {position}: expected {w!r}, got {g!r}; items with the same status must keep their "
            f"original order (stable), so take from the left half on ties")
    assert len(got) == len(want), f"expected {len(want)} items, got {len(got)}"
    words = ["b", "A", "a", "B", "c", "C"]
    got = merge_sort(words, key=str.casefold)
    assert got == ["A", "a", "b", "B", "c", "C"], f"expected ['A', 'a', 'b', 'B', 'c', 'C'], got {got!r}"


@task(5, "quick_sort agrees with sorted() and leaves its argument alone")
def check_quick_sort():
    _check_sorts(quick_sort, "quick_sort", seed=303)


@task(6, "quick_sort copes with already-sorted and reversed input (pivot choice)")
def check_quick_pivot():
    for label, data in [("sorted", list(range(3000))), ("reversed", list(range(3000, 0, -1))),
                        ("sorted with repeats", [v // 2 for v in range(3000)])]:
        try:
            got = quick_sort(data)
        except RecursionError:
            raise AssertionError(
                f"RecursionError on {label} input of 3000 items: the pivot is the first or last item, so every "
                f"partition peels off one element; pick a random or median-of-three pivot") from None
        assert got == sorted(data), f"{label} input of 3000 items came back unsorted"


if __name__ == "__main__":
    run_tasks()
