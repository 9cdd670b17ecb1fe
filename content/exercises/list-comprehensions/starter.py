# Django Interview Prep: Comprehensions: Filter, Transform, Flatten
# Topic: List Comprehension  (Django Prep: Open Topic shows the explanation)
# Run it: python3 comprehensions.py     Each numbered task below prints ✓ when it passes.
#
# Each function receives order dicts like ORDERS below. Write each body as one comprehension
# (list, dict or set) or, for task 6, a generator expression: no append loops.
# Remember: a trailing `if` filters items out, `a if cond else b` before `for` transforms
# every item, and several `for` clauses read left to right like nested loops.
# The checks call each function on fresh data; task 6 also measures memory use.

# {{task-runner}}

ORDERS = [
    {"id": 1, "customer": "ann", "country": "gb", "status": "paid", "total": 120,
     "lines": [{"sku": "BOOK-1", "qty": 1}, {"sku": "PEN-2", "qty": 3}]},
    {"id": 2, "customer": "bob", "country": "FR", "status": "refunded", "total": 40,
     "lines": [{"sku": "MUG-7", "qty": 2}]},
    {"id": 3, "customer": "cy", "country": "fr", "status": "paid", "total": 75,
     "lines": [{"sku": "PEN-2", "qty": 1}]},
]


# TODO 1: paid_order_ids(orders) -> ids of the orders whose status is "paid", in input order.
#   Filter: [... for ... if ...]. With ORDERS: [1, 3].
def paid_order_ids(orders):
    raise NotImplementedError


# TODO 2: size_labels(orders) -> one label per order: "large" when total >= 100, else "small".
#   Transform, keep every order: [a if cond else b for ...]. With ORDERS: ["large", "small", "small"].
def size_labels(orders):
    raise NotImplementedError


# TODO 3: shipped_skus(orders) -> the sku of every line of every order, in order, skipping
#   lines whose qty is 0. Two `for` clauses (outer loop first) and an `if`.
#   With ORDERS: ["BOOK-1", "PEN-2", "MUG-7", "PEN-2"].
def shipped_skus(orders):
    raise NotImplementedError


# TODO 4: totals_by_id(orders) -> a dict {id: total} of the paid orders only.
#   Dict comprehension: {key: value for ... if ...}. With ORDERS: {1: 120, 3: 75}.
def totals_by_id(orders):
    raise NotImplementedError


# TODO 5: countries(orders) -> the set of country codes, upper-cased, each once.
#   Set comprehension: {value for ...}. With ORDERS: {"GB", "FR"}.
def countries(orders):
    raise NotImplementedError


# TODO 6: paid_revenue(orders) -> the sum of the totals of the paid orders. `orders` may be a
#   huge lazy stream (rows read one by one), so feed sum() a generator expression:
#   sum(x for ...), no square brackets, so no list of every total is built in memory.
#   With ORDERS: 195.
def paid_revenue(orders):
    raise NotImplementedError


# ---- Checks (do not edit) ------------------------------------------------------

def _order(id, status="paid", total=10, country="gb", lines=()):
    return {"id": id, "customer": f"c{id}", "country": country, "status": status, "total": total,
            "lines": [{"sku": sku, "qty": qty} for sku, qty in lines]}


@task(1, "filter: ids of the paid orders")
def check_filter():
    assert paid_order_ids(ORDERS) == [1, 3], f"expected [1, 3], got {paid_order_ids(ORDERS)!r}"
    orders = [_order(11, "paid"), _order(12, "pending"), _order(13, "refunded"), _order(14, "paid")]
    got = paid_order_ids(orders)
    assert got == [11, 14], f"expected [11, 14], got {got!r}"
    assert paid_order_ids([]) == [], "an empty input should give []"


@task(2, "transform: a label for every order (conditional expression)")
def check_transform():
    orders = [_order(21, total=100), _order(22, total=99.5), _order(23, "refunded", total=250)]
    got = size_labels(orders)
    want = ["large", "small", "large"]
    assert got == want, f"expected {want!r} (one label per order, refunded too, 100 counts as large), got {got!r}"


@task(3, "nested clauses: flatten the order lines")
def check_flatten():
    want = ["BOOK-1", "PEN-2", "MUG-7", "PEN-2"]
    assert shipped_skus(ORDERS) == want, f"expected {want!r}, got {shipped_skus(ORDERS)!r}"
    orders = [_order(31, lines=[("A", 1), ("B", 0), ("C", 2)]), _order(32), _order(33, lines=[("D", 5)])]
    got = shipped_skus(orders)
    assert got == ["A", "C", "D"], f"expected ['A', 'C', 'D'] (outer loop first, qty 0 skipped), got {got!r}"


@task(4, "dict comprehension: {id: total} of the paid orders")
def check_dict():
    orders = [_order(41, total=5), _order(42, "cancelled", total=7), _order(43, total=9)]
    got = totals_by_id(orders)
    assert got == {41: 5, 43: 9}, f"expected {{41: 5, 43: 9}}, got {got!r}"


@task(5, "set comprehension: distinct upper-case country codes")
def check_set():
    orders = [_order(51, country="de"), _order(52, country="DE"), _order(53, country="it")]
    got = countries(orders)
    assert got == {"DE", "IT"}, f"expected {{'DE', 'IT'}}, got {got!r}"


@task(6, "generator expression: sum without building a list")
def check_generator():
    import tracemalloc

    assert paid_revenue(ORDERS) == 195, f"expected 195, got {paid_revenue(ORDERS)!r}"
    count = 200_000

    def stream():  # like iterating a queryset with .iterator(): one row at a time
        for i in range(count):
            yield {"id": i, "status": "paid" if i % 2 else "pending", "total": 3}

    tracemalloc.start()
    try:
        got = paid_revenue(stream())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert got == 3 * count // 2, f"expected {3 * count // 2}, got {got!r}"
    assert peak < 200_000, (
        f"summing {count} rows used {peak // 1024} KiB at peak: a list was built. "
        "Pass a generator expression to sum(): sum(x for ... if ...)")


if __name__ == "__main__":
    run_tasks()
