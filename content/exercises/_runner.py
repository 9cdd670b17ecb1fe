# region task runner (generated: fold it away, do not edit)
# ---- Task runner (do not edit): your tasks run as unittest test cases ----------
import json as _json
import os as _os
import traceback as _traceback
import unittest as _unittest

_TASKS = []


def task(number, title):
    """Registers a check: the task passes when the function returns without raising."""
    def register(check):
        _TASKS.append((number, title, check))
        return check
    return register


def _emit(**record):
    """One JSON object a line for the editor's Testing view, when it asked for them."""
    target = _os.environ.get("DJANGO_PREP_RESULTS")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(_json.dumps(record) + "\n")


class _TaskResult(_unittest.TestResult):
    """Prints one line per task as it finishes (and reports it as JSON)."""

    def addSuccess(self, test):
        super().addSuccess(test)
        print(f"  \u2713 {test.shortDescription()}")
        _emit(type="task", number=test.number, title=test.title, ok=True)

    def _report(self, test, err):
        kind, error, tb = err
        if any(k.__name__ == "ToolMissing" for k in kind.__mro__):
            # Not the learner's fault: a server or package is missing, so the task could not be judged.
            print(f"  ! {test.shortDescription()}\n      could not be checked: {error}")
            _emit(type="task", number=test.number, title=test.title, ok=False, errored=True, message=str(error))
            self.unchecked = getattr(self, "unchecked", 0) + 1
            return
        if kind is NotImplementedError:
            print(f"  \u2717 {test.shortDescription()}\n      not done yet (TODO)")
            _emit(type="task", number=test.number, title=test.title, ok=False, message="not done yet (TODO)")
            return
        where = _traceback.extract_tb(tb)[-1]
        print(f"  \u2717 {test.shortDescription()}\n      {kind.__name__}: {error} (line {where.lineno})")
        _emit(type="task", number=test.number, title=test.title, ok=False,
              message=f"{kind.__name__}: {error} (line {where.lineno})", line=where.lineno)

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
    cases = []
    for number, title, check in sorted(_TASKS, key=lambda t: t[0]):
        case = _unittest.FunctionTestCase(check, description=f"Task {number}: {title}")
        case.number, case.title = number, title
        cases.append(case)
    _emit(type="start", tasks=[{"number": c.number, "title": c.title} for c in cases])
    result = _TaskResult()
    _unittest.TestSuite(cases).run(result)
    passed = result.testsRun - len(result.failures) - len(result.errors)
    unchecked = getattr(result, "unchecked", 0)
    print(f"{passed} of {result.testsRun} tasks pass" + (f" ({unchecked} could not be checked: see above)" if unchecked else ""))
    _emit(type="done", passed=passed, total=result.testsRun)
    raise SystemExit(0 if result.wasSuccessful() else 1)
# endregion
