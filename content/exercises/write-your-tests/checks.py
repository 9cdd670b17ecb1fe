# ---- Checks (do not edit) ----------------------------------------------------
# The three broken copies ("mutants") of the API. Each differs from it in one place.
import io as _io
import logging as _logging
import sys as _sys
import types as _types
import unittest as _unittest_lib

from django.test import override_settings as _override_settings

_logging.getLogger("django.request").setLevel(_logging.CRITICAL)  # a mutant's 4xx/5xx stay quiet


class _OffByOneSerializer(ReservationSerializer):
    def validate_seats(self, value):
        if value not in range(1, MAX_SEATS):  # the bug: range() stops before MAX_SEATS
            raise serializers.ValidationError(f"Book between 1 and {MAX_SEATS} seats.")
        return value


class _OffByOneViewSet(ReservationViewSet):
    serializer_class = _OffByOneSerializer


class _UnscopedViewSet(ReservationViewSet):
    def get_queryset(self):
        return Reservation.objects.all()  # the bug: every user's reservations, not only the caller's


class _CreatedIs200ViewSet(ReservationViewSet):
    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response.status_code = status.HTTP_200_OK  # the bug: a new resource answers 200, not 201
        return response


def _urlconf(viewset):
    """A URL module routing /api/reservations/ to `viewset`, for override_settings(ROOT_URLCONF=...)."""
    mutant_router = routers.DefaultRouter()
    mutant_router.register("reservations", viewset, basename="reservation")
    module = _types.ModuleType(f"urls_{viewset.__name__}")
    module.urlpatterns = [path("api/", include(mutant_router.urls))]
    return module


def _test_classes():
    here = _sys.modules[__name__]
    return [c for c in vars(here).values() if isinstance(c, type) and issubclass(c, _unittest_lib.TestCase)
            and c.__module__ == __name__ and _unittest_lib.defaultTestLoader.getTestCaseNames(c)]


def _counting(cls):
    """A subclass of the learner's class whose self.assert... methods count their calls per test."""
    def wrap(method):
        def counted(self, *args, **kwargs):
            self._djp_assertions = getattr(self, "_djp_assertions", 0) + 1
            return method(self, *args, **kwargs)
        return counted
    names = [n for n in dir(cls) if n.startswith("assert") and not n.startswith("assert_") and callable(getattr(cls, n))]
    return type(cls.__name__, (cls,), {**{n: wrap(getattr(cls, n)) for n in names}, "__module__": cls.__module__})


def _run_tests(urlconf=None):
    """Runs every test class of this file with a real unittest runner; returns what happened to each test."""
    tests = [t for cls in _test_classes() for t in _unittest_lib.defaultTestLoader.loadTestsFromTestCase(_counting(cls))]
    stream = _io.StringIO()
    runner = _unittest_lib.TextTestRunner(stream=stream, verbosity=2)
    if urlconf is None:
        result = runner.run(_unittest_lib.TestSuite(tests))
    else:
        with _override_settings(ROOT_URLCONF=urlconf):
            result = runner.run(_unittest_lib.TestSuite(tests))
    # A failing subTest reports the subtest; count it against its test method.
    owner = lambda test: getattr(test, "test_case", test).id().split(".")[-1]
    broken = {}
    for test, trace in result.failures + result.errors:
        broken.setdefault(owner(test), trace.strip().splitlines()[-1])
    skipped = {owner(t) for t, _ in result.skipped} | {owner(t) for t, _ in result.expectedFailures}
    names = [t.id().split(".")[-1] for t in tests]
    return {
        "names": names,
        "passed": [n for n in names if n not in broken and n not in skipped],
        "broken": broken,
        "skipped": sorted(skipped),
        "silent": [t.id().split(".")[-1] for t in tests if not getattr(t, "_djp_assertions", 0)],
        "log": stream.getvalue(),
    }


_CORRECT = []


def _correct_run():
    if not _CORRECT:
        _CORRECT.append(_run_tests())
    return _CORRECT[0]


def _check_mutant(viewset, bug):
    correct = _correct_run()
    if not correct["passed"]:
        raise AssertionError("none of your tests passes on the correct API yet (task 1), so none can catch a bug")
    mutant = _run_tests(_urlconf(viewset))
    caught = [n for n in correct["passed"] if n in mutant["broken"]]
    assert caught, (f"the API with a bug ({bug}) passed all {len(correct['passed'])} of your tests that pass on the "
                    f"correct API: no test notices it. Add one that passes on the correct API and fails on this one")


@task(1, "your tests all pass on the correct API (at least 3, each asserting)")
def check_tests_pass_on_correct_api():
    run = _correct_run()
    assert _test_classes(), "no test class found: write a unittest.TestCase (APITestCase) subclass in this file"
    assert not run["broken"], "on the correct API these tests fail: " + "; ".join(
        f"{name}: {line}" for name, line in run["broken"].items())
    assert not run["skipped"], f"skipped tests prove nothing: {', '.join(run['skipped'])}"
    assert len(run["names"]) >= 3, (f"found {len(run['names'])} test(s) ({', '.join(run['names'])}); "
                                    f"write at least 3 test_... methods, one per behaviour")
    assert not run["silent"], (f"these tests never call self.assert...: {', '.join(run['silent'])} "
                               f"(a test that checks nothing passes on any code)")
    assert "test_placeholder" not in run["names"], "replace test_placeholder with a real test"


@task(2, "a test catches the seat limit that is off by one")
def check_catches_off_by_one():
    _check_mutant(_OffByOneViewSet, f"it refuses exactly {MAX_SEATS} seats, the largest valid booking")


@task(3, "a test catches the API that shows other users' reservations")
def check_catches_unscoped_queryset():
    _check_mutant(_UnscopedViewSet, "any logged-in user can list, read, change and cancel everyone's reservations")


@task(4, "a test catches the booking answered 200 instead of 201")
def check_catches_wrong_status():
    _check_mutant(_CreatedIs200ViewSet, "a successful booking answers 200 OK instead of 201 Created")


if __name__ == "__main__":
    run_tasks()
