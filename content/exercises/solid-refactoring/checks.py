# ---- Checks (do not edit) ----------------------------------------------------

class _FakeSource:
    def __init__(self, orders):
        self.orders, self.loads = orders, 0

    def load_orders(self):
        self.loads += 1
        return list(self.orders)


class _FakeSender:
    def __init__(self):
        self.sent = []

    def send(self, to, subject, body):
        self.sent.append((to, subject, body))


def _orders(*pairs):
    return [{"id": i, "region": region, "amount": Decimal(amount)} for i, (region, amount) in enumerate(pairs, 1)]


@task(1, "summarize is a pure function returning count, total and totals per region")
def check_summarize():
    orders = _orders(("EU", "19.90"), ("US", "12.50"), ("EU", "10.10"), ("APAC", "5.00"))
    before = [dict(order) for order in orders]
    got = summarize(orders)
    want = Summary(count=4, total=Decimal("47.50"),
                   by_region={"EU": Decimal("30.00"), "US": Decimal("12.50"), "APAC": Decimal("5.00")})
    assert got == want, f"expected {want!r}, got {got!r}"
    assert orders == before, "summarize changed the orders it was given"
    assert summarize(orders) == got, "calling summarize twice on the same input gave different results"
    empty = summarize([])
    assert empty == Summary(0, Decimal("0"), {}), f"expected Summary(0, Decimal('0'), {{}}) for no orders, got {empty!r}"


@task(2, "formatters are registered by name; get_formatter builds them, unknown names raise ValueError")
def check_registry():
    csv_formatter = get_formatter("csv")
    assert isinstance(csv_formatter, CsvFormatter), f"get_formatter('csv') returned {csv_formatter!r}"
    assert isinstance(get_formatter("json"), JsonFormatter), "get_formatter('json') should return a JsonFormatter"
    assert get_formatter("csv") is not csv_formatter, "get_formatter should build a new instance on each call"
    try:
        get_formatter("xml-check-2")
    except ValueError as error:
        assert "xml-check-2" in str(error), f"the ValueError should name the unknown format, got: {error}"
    else:
        raise AssertionError("get_formatter('xml-check-2') should raise ValueError")

    @register_formatter("shout-check-2")
    class ShoutFormatter(Formatter):
        def render(self, summary):
            return f"{summary.count} ORDERS!"

    try:
        assert ShoutFormatter is not None, "register_formatter must return the class, not None"
        made = get_formatter("shout-check-2")
        assert isinstance(made, ShoutFormatter), "a formatter registered later should be found by its name"
    finally:
        FORMATTERS.pop("shout-check-2", None)


@task(3, "CsvFormatter and JsonFormatter render a Summary")
def check_formatters():
    summary = Summary(count=3, total=Decimal("42.5"),
                      by_region={"US": Decimal("12.5"), "EU": Decimal("30"), "APAC": Decimal("0")})
    text = CsvFormatter().render(summary)
    assert isinstance(text, str), f"render should return a str, got {type(text).__name__}"
    rows = list(csv.reader(io.StringIO(text)))
    want_rows = [["region", "total"], ["APAC", "0.00"], ["EU", "30.00"], ["US", "12.50"], ["TOTAL", "42.50"]]
    assert rows == want_rows, f"CSV rows: expected {want_rows!r}, got {rows!r}"
    data = json.loads(JsonFormatter().render(summary))
    want_data = {"count": 3, "total": "42.50", "by_region": {"APAC": "0.00", "EU": "30.00", "US": "12.50"}}
    assert data == want_data, f"JSON: expected {want_data!r}, got {data!r}"


@task(4, "ReportService uses the injected source and sender (no SMTP)")
def check_service():
    source = _FakeSource(_orders(("EU", "20.00"), ("US", "2.25")))
    sender = _FakeSender()
    service = ReportService(source, sender)
    assert source.loads == 0 and sender.sent == [], "ReportService() should only store its collaborators"
    body = service.send_report("boss@example.com", fmt="json")
    assert len(sender.sent) == 1, f"expected exactly one message through the injected sender, got {len(sender.sent)}"
    assert sender.sent[0] == ("boss@example.com", "Sales report", body), (
        f"expected send('boss@example.com', 'Sales report', <the returned body>), got send{sender.sent[0]!r}")
    data = json.loads(body)
    assert data["count"] == 2 and data["total"] == "22.25", f"the JSON report has the wrong numbers: {data!r}"
    source.orders = _orders(("EU", "1.00"))
    body = service.send_report("ops@example.com")
    assert source.loads == 2, f"orders should be loaded on every send_report call, loaded {source.loads} times"
    assert body.splitlines()[0] == "region,total", f"the default format should be CSV, got {body!r}"
    assert body.splitlines()[-1] == "TOTAL,1.00", f"the second report should reflect the new orders, got {body!r}"
    assert [message[0] for message in sender.sent] == ["boss@example.com", "ops@example.com"]


@task(5, "ReportService rejects unknown formats before sending and picks up new ones")
def check_service_open_closed():
    source = _FakeSource(_orders(("EU", "7.00"), ("EU", "3.00")))
    sender = _FakeSender()
    service = ReportService(source, sender)
    try:
        service.send_report("boss@example.com", fmt="pdf-check-5")
    except ValueError:
        pass
    else:
        raise AssertionError("send_report with an unknown format should raise ValueError")
    assert sender.sent == [], f"nothing should be sent for an unknown format, but sent {sender.sent!r}"
    assert source.loads == 0, "an unknown format should fail before the orders are loaded"

    @register_formatter("markdown-check-5")
    class MarkdownFormatter(Formatter):
        def render(self, summary):
            return "\n".join(["| region | total |"] + [f"| {r} | {a} |" for r, a in sorted(summary.by_region.items())])

    try:
        body = service.send_report("boss@example.com", fmt="markdown-check-5")
    finally:
        FORMATTERS.pop("markdown-check-5", None)
    assert body == "| region | total |\n| EU | 10.00 |", f"expected the markdown report, got {body!r}"
    assert sender.sent == [("boss@example.com", "Sales report", body)], f"unexpected messages: {sender.sent!r}"


if __name__ == "__main__":
    run_tasks()
