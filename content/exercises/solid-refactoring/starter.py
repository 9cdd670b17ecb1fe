# Django Interview Prep: Refactor a God Class with SOLID
# Topic: OOP and SOLID  (Django Prep: Open Topic shows the explanation)
# Run it: python3 solid_refactoring.py     Each numbered task below prints ✓ when it passes.
#
# LegacyReportGenerator loads orders, adds them up, formats the report and e-mails it: four
# reasons to change, and no way to test it without a mail server. Split it up: a pure
# summarize() (single responsibility), formatters found by name in a registry (open/closed:
# a new format is a new class, no if/elif to edit), and a ReportService that receives its order
# source and sender instead of creating them (dependency inversion). The checks use fakes.
import csv
import io
import json
import smtplib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

# {{task-runner}}


# ---- Before: the god class (for reference; the checks don't use it) ---------

SAMPLE_ORDERS = [
    {"id": 1, "region": "EU", "amount": Decimal("19.90")},
    {"id": 2, "region": "US", "amount": Decimal("12.50")},
    {"id": 3, "region": "EU", "amount": Decimal("10.10")},
]


class LegacyReportGenerator:
    def __init__(self):
        self.orders = list(SAMPLE_ORDERS)  # imagine Order.objects.values("region", "amount")

    def run(self, recipient, fmt="csv"):
        total, by_region = Decimal("0"), {}
        for order in self.orders:
            total += order["amount"]
            by_region[order["region"]] = by_region.get(order["region"], Decimal("0")) + order["amount"]
        if fmt == "csv":  # every new format means editing this method
            lines = ["region,total"] + [f"{region},{amount:.2f}" for region, amount in sorted(by_region.items())]
            body = "\n".join(lines + [f"TOTAL,{total:.2f}"])
        elif fmt == "json":
            body = json.dumps({"count": len(self.orders), "total": f"{total:.2f}",
                               "by_region": {region: f"{amount:.2f}" for region, amount in sorted(by_region.items())}})
        else:
            raise ValueError(f"unknown format {fmt!r}")
        with smtplib.SMTP("localhost") as smtp:  # needs a real mail server, even in tests
            smtp.sendmail("reports@example.com", [recipient], f"Subject: Sales report\n\n{body}")
        return body


# ---- After: your refactoring -------------------------------------------------

@dataclass(frozen=True)
class Summary:
    count: int        # number of orders
    total: Decimal    # sum of all amounts
    by_region: dict   # {"EU": Decimal("30.00"), "US": Decimal("12.50")}


class Formatter(ABC):
    """Turns a Summary into the text of a report."""

    @abstractmethod
    def render(self, summary: Summary) -> str:
        ...


class OrderSource(Protocol):
    """Where orders come from: the ORM in production, a fake in the checks."""

    def load_orders(self) -> list:
        ...


class Sender(Protocol):
    """How a report leaves the system: SMTP in production, a fake in the checks."""

    def send(self, to: str, subject: str, body: str) -> None:
        ...


class SmtpSender:
    """The production Sender: the SMTP code from the god class lives here now."""

    def __init__(self, host="localhost", from_addr="reports@example.com"):
        self.host, self.from_addr = host, from_addr

    def send(self, to, subject, body):
        with smtplib.SMTP(self.host) as smtp:
            smtp.sendmail(self.from_addr, [to], f"Subject: {subject}\n\n{body}")


FORMATTERS = {}  # format name -> Formatter subclass, filled by @register_formatter


# TODO 1: Move the arithmetic out of LegacyReportGenerator.run() into this pure function:
# no I/O, the input list is not changed, and it returns Summary(count, total, by_region).
# summarize([]) is Summary(0, Decimal("0"), {}).
def summarize(orders):
    raise NotImplementedError


# TODO 2: register_formatter(name) is a class decorator: it stores the class in FORMATTERS
# under `name` and returns the class unchanged. get_formatter(name) returns a NEW instance of
# the registered class, or raises ValueError naming the unknown format. With this, adding a
# format means adding one decorated class; no existing code is edited (open/closed).
def register_formatter(name):
    def decorator(cls):
        return cls  # placeholder: registers nothing yet
    return decorator


def get_formatter(name):
    raise NotImplementedError


# TODO 3: Move the two branches of the if/elif in run() into these classes.
# CSV: the header "region,total", one row per region sorted by name, then "TOTAL,<total>";
# amounts with two decimals ("30.00"). JSON: {"count": 3, "total": "42.50",
# "by_region": {"EU": "30.00", "US": "12.50"}}, money as strings with two decimals.
@register_formatter("csv")
class CsvFormatter(Formatter):
    def render(self, summary):
        raise NotImplementedError


@register_formatter("json")
class JsonFormatter(Formatter):
    def render(self, summary):
        raise NotImplementedError


# TODO 4: ReportService(source, sender) stores the injected collaborators and creates none
# itself. send_report(recipient, fmt="csv") loads the orders from source at call time,
# summarizes them, renders them with get_formatter(fmt), sends ONE message with the subject
# "Sales report" through sender.send(recipient, subject, body) and returns the body.
# TODO 5: An unknown fmt raises ValueError before anything is loaded or sent, and a format
# registered later with @register_formatter works without changing ReportService.
class ReportService:
    def __init__(self, source, sender):
        raise NotImplementedError

    def send_report(self, recipient, fmt="csv"):
        raise NotImplementedError

# {{checks}}
