# Django Interview Prep: Metaclasses: a Plugin Registry
# Topic: Metaclasses  (Django Prep: Open Topic shows the explanation)
# Run it: python3 plugin_registry.py     Each numbered task below prints ✓ when it passes.
#
# Frameworks register classes the moment the class statement runs: Django's ModelBase puts
# every model in the app registry. Build such a registry twice: with a metaclass (exporters
# keyed by their `name` attribute) and with __init_subclass__ (notifiers keyed by a class
# keyword), then compare. The checks define small subclasses and inspect both registries;
# a duplicate name must raise TypeError while its class statement runs.

# {{task-runner}}


class RegistryMeta(type):
    """Metaclass of Exporter: every concrete exporter class lands in RegistryMeta.registry."""

    registry = {}  # exporter name -> class

    def __new__(mcs, class_name, bases, namespace, **kwargs):
        cls = super().__new__(mcs, class_name, bases, namespace, **kwargs)
        # TODO 1: Register the new class: RegistryMeta.registry[exporter name] = cls. The
        #   exporter name ("csv") is the `name` attribute set in the class body, so it is in
        #   `namespace`; `class_name` is the class's own name ("CsvExporter").
        # TODO 2: Only a class whose OWN body sets `name` is concrete. A class that sets no name
        #   (Exporter itself, or an intermediate base) or merely inherits its parent's name is
        #   abstract and is not registered. That is why you look in `namespace`, not getattr().
        # TODO 3: If the exporter name is already registered, raise TypeError with a message that
        #   names it and the class that already has it; register nothing (the first class stays).
        exporter_name = namespace.get("name")
        if exporter_name is not None:
            existing = mcs.registry.get(exporter_name)
            if existing is not None:
                raise TypeError(
                    f"{class_name}: exporter name {exporter_name!r} is already used by {existing.__qualname__}")
            mcs.registry[exporter_name] = cls
        return cls


class Exporter(metaclass=RegistryMeta):
    """Base of all exporters (given). Concrete subclasses set `name` and implement export()."""

    name: str  # only an annotation: Exporter itself sets no name, so it is not registered

    def export(self, rows):
        raise TypeError(f"{type(self).__name__} does not implement export()")


def export(name, rows):
    """Looks up the exporter class by its name and runs it (given): what the registry is for."""
    try:
        exporter_class = RegistryMeta.registry[name]
    except KeyError:
        raise LookupError(f"unknown exporter {name!r}, registered: {sorted(RegistryMeta.registry)}") from None
    return exporter_class().export(rows)


class Notifier:
    """Base of all notifiers, registered by a class keyword: class Sms(Notifier, channel="sms")."""

    registry = {}  # channel -> class

    # TODO 4: Same registry, no metaclass. Python calls this hook on Notifier for every new
    #   subclass, passing the class keywords. With a `channel` keyword, set cls.channel and
    #   register Notifier.registry[channel] = cls; without it the subclass is abstract and is
    #   not registered. (It is implicitly a classmethod: `cls` is the new subclass.)
    # TODO 5: Raise TypeError for a channel that is already registered (the first class stays).
    # TODO 6: Call super().__init_subclass__(**kwargs) so the hooks of other bases (mixins) run
    #   too, and a misspelt class keyword still raises TypeError from object.__init_subclass__.
    def __init_subclass__(cls, /, channel=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if channel is None:
            return
        existing = Notifier.registry.get(channel)
        if existing is not None:
            raise TypeError(f"{cls.__qualname__}: channel {channel!r} is already used by {existing.__qualname__}")
        cls.channel = channel
        Notifier.registry[channel] = cls

# {{checks}}
