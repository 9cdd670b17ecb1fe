# ---- Checks (do not edit) ------------------------------------------------------
import json as _json


def _names(registry):
    return sorted(registry)


@task(1, "the metaclass registers each exporter class under its `name`")
def check_metaclass_registers():
    class CsvExporter(Exporter):
        name = "csv-t1"

        def export(self, rows):
            return "\n".join(",".join(map(str, row)) for row in rows)

    class JsonLinesExporter(Exporter):
        name = "jsonl-t1"

        def export(self, rows):
            return "\n".join(_json.dumps(row) for row in rows)

    registry = RegistryMeta.registry
    assert type(CsvExporter) is RegistryMeta, "subclasses inherit the metaclass: type(CsvExporter) should be RegistryMeta"
    assert registry.get("csv-t1") is CsvExporter, \
        f"expected RegistryMeta.registry['csv-t1'] to be CsvExporter, registered names: {_names(registry)}"
    assert registry.get("jsonl-t1") is JsonLinesExporter, \
        f"expected RegistryMeta.registry['jsonl-t1'] to be JsonLinesExporter, registered names: {_names(registry)}"
    assert "CsvExporter" not in registry, "register under the `name` attribute ('csv-t1'), not the class name"
    got = export("jsonl-t1", [[1, "a"], [2, "b"]])
    assert got == '[1, "a"]\n[2, "b"]', f"export('jsonl-t1', ...) returned {got!r}"
    assert Exporter not in registry.values(), "the base class Exporter sets no name and must not be registered"


@task(2, "only classes that set their own `name` are registered")
def check_abstract_classes():
    class DelimitedExporter(Exporter):  # abstract: no name of its own
        delimiter = ","

        def export(self, rows):
            return "\n".join(self.delimiter.join(map(str, row)) for row in rows)

    class TsvExporter(DelimitedExporter):
        name = "tsv-t2"
        delimiter = "\t"

    class QuotedTsvExporter(TsvExporter):  # inherits name "tsv-t2" but does not set it
        def export(self, rows):
            return "\n".join("\t".join(f'"{value}"' for value in row) for row in rows)

    registry = RegistryMeta.registry
    assert registry.get("tsv-t2") is TsvExporter, \
        f"expected RegistryMeta.registry['tsv-t2'] to be TsvExporter, got {registry.get('tsv-t2')!r}"
    assert DelimitedExporter not in registry.values(), \
        "DelimitedExporter sets no name: it is an abstract base and must not be registered"
    assert QuotedTsvExporter not in registry.values(), \
        "QuotedTsvExporter only inherits name 'tsv-t2' and must not be registered: read `namespace`, not getattr()"
    got = export("tsv-t2", [[1, 2]])
    assert got == "1\t2", f"export('tsv-t2', [[1, 2]]) should give '1\\t2', got {got!r}"


@task(3, "a duplicate exporter name raises TypeError at class definition")
def check_metaclass_duplicates():
    class PdfExporter(Exporter):
        name = "pdf-t3"

        def export(self, rows):
            return f"%PDF ({len(rows)} rows)"

    try:
        class FastPdfExporter(Exporter):
            name = "pdf-t3"
    except TypeError as error:
        message = str(error)
    else:
        raise AssertionError("a second exporter named 'pdf-t3' should raise TypeError while the class is defined")
    assert "pdf-t3" in message and "PdfExporter" in message, \
        f"the message should name 'pdf-t3' and the class PdfExporter that already has it, got {message!r}"
    assert RegistryMeta.registry["pdf-t3"] is PdfExporter, "the first class must stay registered"


@task(4, "__init_subclass__ registers notifiers by the channel keyword")
def check_init_subclass_registers():
    class EmailNotifier(Notifier, channel="email-t4"):
        def send(self, to, text):
            return f"mail to {to}: {text}"

    class ChatNotifier(Notifier):  # abstract: no channel
        pass

    class SlackNotifier(ChatNotifier, channel="slack-t4"):
        pass

    registry = Notifier.registry
    assert registry.get("email-t4") is EmailNotifier, \
        f"expected Notifier.registry['email-t4'] to be EmailNotifier, registered: {_names(registry)}"
    assert registry.get("slack-t4") is SlackNotifier, \
        f"grandchildren count too: expected Notifier.registry['slack-t4'] to be SlackNotifier, registered: {_names(registry)}"
    assert ChatNotifier not in registry.values(), "ChatNotifier has no channel and must not be registered"
    assert getattr(EmailNotifier, "channel", None) == "email-t4", \
        f"expected EmailNotifier.channel == 'email-t4', got {getattr(EmailNotifier, 'channel', None)!r}"
    assert type(EmailNotifier) is type, "no metaclass is involved: type(EmailNotifier) is plain type"
    assert not (set(registry) & set(RegistryMeta.registry)), "the two registries should be separate dicts"


@task(5, "a duplicate channel raises TypeError at class definition")
def check_init_subclass_duplicates():
    class SmsNotifier(Notifier, channel="sms-t5"):
        pass

    try:
        class CheapSmsNotifier(Notifier, channel="sms-t5"):
            pass
    except TypeError as error:
        message = str(error)
    else:
        raise AssertionError("a second notifier with channel 'sms-t5' should raise TypeError while the class is defined")
    assert "sms-t5" in message, f"the message should name the channel 'sms-t5', got {message!r}"
    assert Notifier.registry["sms-t5"] is SmsNotifier, "the first class must stay registered"


@task(6, "__init_subclass__ cooperates: mixin hooks run, unknown keywords fail")
def check_init_subclass_cooperates():
    class AuditedMixin:
        audited = []

        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            AuditedMixin.audited.append(cls.__name__)

    class PushNotifier(Notifier, AuditedMixin, channel="push-t6"):
        pass

    assert Notifier.registry.get("push-t6") is PushNotifier, \
        f"expected Notifier.registry['push-t6'] to be PushNotifier, registered: {_names(Notifier.registry)}"
    assert "PushNotifier" in AuditedMixin.audited, \
        "AuditedMixin.__init_subclass__ never ran: Notifier's hook must call super().__init_subclass__(**kwargs)"
    try:
        class WebhookNotifier(Notifier, chanel="webhook-t6"):  # misspelt on purpose
            pass
    except TypeError:
        pass
    else:
        raise AssertionError(
            "the misspelt keyword chanel= was silently accepted: forward **kwargs to super().__init_subclass__()")
    assert "webhook-t6" not in Notifier.registry, "a misspelt keyword must not register anything"


if __name__ == "__main__":
    run_tasks()
