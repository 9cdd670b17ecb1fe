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
