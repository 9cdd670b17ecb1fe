# {{task-runner}}


# ---- Checks (do not edit) -------------------------------------------------------

def _queries(function, *args):
    """Calls function(*args) and returns (its result, the SQL statements it sent)."""
    with CaptureQueriesContext(connection) as ctx:
        result = function(*args)
    return result, [q["sql"] for q in ctx.captured_queries]


def _lazy_queryset(function):
    """Calls function() and checks it returned an unevaluated QuerySet."""
    result, sqls = _queries(function)
    assert isinstance(result, QuerySet), \
        f"{function.__name__}() should return a QuerySet, got {type(result).__name__}"
    assert not sqls, f"{function.__name__}() should not run SQL yet (QuerySets are lazy), ran {sqls}"
    return result


@task(1, "record_view() adds 1 to views in one UPDATE query")
def check_record_view():
    lamp = Product.objects.create(name="t1-lamp", price=Decimal("20.00"), views=7)
    other = Product.objects.create(name="t1-desk", price=Decimal("90.00"), views=3)
    _, sqls = _queries(record_view, lamp.pk)
    assert len(sqls) == 1 and sqls[0].lstrip().upper().startswith("UPDATE"), \
        f"expected exactly one UPDATE statement (views = views + 1 in SQL), got {len(sqls)}: {sqls}"
    record_view(lamp.pk)
    lamp.refresh_from_db()
    other.refresh_from_db()
    assert lamp.views == 9, f"after two views from 7, expected views 9, got {lamp.views}"
    assert other.views == 3, f"another product's views changed from 3 to {other.views}"


@task(2, "lines_with_total() annotates total = price * quantity")
def check_lines_with_total():
    mug = Product.objects.create(name="t2-mug", price=Decimal("4.50"))
    want = {
        OrderLine.objects.create(product=mug, price=Decimal("19.99"), quantity=3).pk: Decimal("59.97"),
        OrderLine.objects.create(product=mug, price=Decimal("4.50"), quantity=10).pk: Decimal("45.00"),
        OrderLine.objects.create(product=mug, price=Decimal("100.00"), quantity=1).pk: Decimal("100.00"),
    }
    qs = _lazy_queryset(lines_with_total)
    rows = [line for line in qs if line.pk in want]
    assert all(hasattr(line, "total") for line in rows), "each OrderLine needs a `total` attribute (annotate)"
    got = {line.pk: Decimal(str(line.total)).quantize(Decimal("0.01")) for line in rows}
    assert got == want, f"expected totals {sorted(want.values())}, got {sorted(got.values())}"
    big = set(lines_with_total().filter(total__gt=50, product=mug).values_list("pk", flat=True))
    want_big = {pk for pk, total in want.items() if total > 50}
    assert big == want_big, f"filtering on total > 50 should give {len(want_big)} lines, got {len(big)}"


@task(3, "oversold() finds products with sold > stock")
def check_oversold():
    for name, stock, sold in [("t3-a", 3, 5), ("t3-b", 3, 3), ("t3-c", 10, 0), ("t3-d", 2, 12)]:
        Product.objects.create(name=name, price=Decimal("1.00"), stock=stock, sold=sold)
    qs = _lazy_queryset(oversold)
    with CaptureQueriesContext(connection) as ctx:
        names = sorted(p.name for p in qs if p.name.startswith("t3-"))
    assert names == ["t3-a", "t3-d"], \
        f"expected ['t3-a', 't3-d'] (sold 5 > stock 3, sold 12 > stock 2; sold == stock is not oversold), got {names}"
    assert len(ctx.captured_queries) == 1, f"expected 1 query, got {len(ctx.captured_queries)}"


@task(4, "by_revenue() orders by price * sold, then name")
def check_by_revenue():
    for name, price, sold in [("t4-pen", "2.00", 100), ("t4-book", "25.00", 10), ("t4-desk", "300.00", 0),
                              ("t4-mug", "8.00", 25), ("t4-lamp", "40.00", 4)]:
        Product.objects.create(name=name, price=Decimal(price), sold=sold)
    qs = _lazy_queryset(by_revenue)
    with CaptureQueriesContext(connection) as ctx:
        names = [p.name for p in qs if p.name.startswith("t4-")]
    want = ["t4-book", "t4-mug", "t4-pen", "t4-lamp", "t4-desk"]  # 250, 200, 200, 160, 0
    assert names == want, f"expected {want} (revenues 250, 200, 200, 160, 0), got {names}"
    assert len(ctx.captured_queries) == 1, f"expected 1 query, got {len(ctx.captured_queries)}"


@task(5, "sell() is one conditional UPDATE that never oversells")
def check_sell():
    chair = Product.objects.create(name="t5-chair", price=Decimal("60.00"), stock=5, sold=3)
    other = Product.objects.create(name="t5-table", price=Decimal("200.00"), stock=5, sold=0)
    ok, sqls = _queries(sell, chair.pk, 2)
    assert ok is True, f"2 of 2 available units: sell() should return True, got {ok!r}"
    assert len(sqls) == 1 and sqls[0].lstrip().upper().startswith("UPDATE"), \
        f"expected exactly one UPDATE statement, got {len(sqls)}: {sqls}"
    ok, sqls = _queries(sell, chair.pk, 1)
    assert ok is False, f"nothing left: sell() should return False, got {ok!r}"
    assert len(sqls) == 1, f"expected exactly one query even when sold out, got {len(sqls)}: {sqls}"
    chair.refresh_from_db()
    other.refresh_from_db()
    assert (chair.stock, chair.sold) == (5, 5), f"expected stock 5, sold 5, got stock {chair.stock}, sold {chair.sold}"
    assert other.sold == 0, f"another product's sold changed from 0 to {other.sold}"


if __name__ == "__main__":
    run_tasks()
