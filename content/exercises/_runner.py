# region task runner (generated: fold it away, do not edit)
# ---- Task runner (do not edit): your tasks run as unittest test cases ----------
import traceback as _traceback
import unittest as _unittest

_TASKS = []


def task(number, title):
    """Registers a check: the task passes when the function returns without raising."""
    def register(check):
        _TASKS.append((number, title, check))
        return check
    return register


class _TaskResult(_unittest.TestResult):
    """Prints one line per task as it finishes."""

    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"  \u2713 {test.shortDescription()}")

    def _report(self, test, err):
        kind, error, tb = err
        if kind is NotImplementedError:
            print(f"  \u2717 {test.shortDescription()}\n      not done yet (TODO)")
            return
        where = _traceback.extract_tb(tb)[-1]
        print(f"  \u2717 {test.shortDescription()}\n      {kind.__name__}: {error} (line {where.lineno})")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(test, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._report(test, err)


def run_tasks():
    setup = globals().get("_prepare_database")
    if setup:
        setup()
    suite = _unittest.TestSuite(
        _unittest.FunctionTestCase(check, description=f"Task {number}: {title}")
        for number, title, check in sorted(_TASKS, key=lambda t: t[0]))
    result = _TaskResult()
    suite.run(result)
    passed = result.testsRun - len(result.failures) - len(result.errors)
    print(f"{passed} of {result.testsRun} tasks pass")
    raise SystemExit(0 if result.wasSuccessful() else 1)
# endregion
