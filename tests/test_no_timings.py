"""No test asserts on a clock reading: how fast something runs belongs in benchmarks/."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCKS = {
    f"{name}{suffix}"
    for name in ("time", "perf_counter", "monotonic", "process_time", "thread_time")
    for suffix in ("", "_ns")
}


def _clock_names(tree: ast.Module) -> set[str]:
    """Names a module calls a clock by: ``time.monotonic`` and ``from time import …``."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            names |= {alias.asname or alias.name for alias in node.names if alias.name in CLOCKS}
    return names


def _reads_clock(node: ast.AST, clocks: set[str], timed: set[str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            func = child.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in CLOCKS
                and isinstance(func.value, ast.Name)
                and func.value.id == "time"
            ):
                return True
            if isinstance(func, ast.Name) and func.id in clocks:
                return True
        if isinstance(child, ast.Name) and child.id in timed:
            return True
    return False


def _target_names(target: ast.AST) -> set[str]:
    while isinstance(target, ast.Subscript | ast.Attribute | ast.Starred):
        target = target.value
    if isinstance(target, ast.Name):
        return {target.id}
    if isinstance(target, ast.Tuple | ast.List):
        return set().union(*(_target_names(element) for element in target.elts))
    return set()


def timing_assertions(source: str, filename: str = "<test>") -> list[str]:
    """``file:line`` of every assert that depends on a clock, directly or through a variable
    (``elapsed = perf_counter() - started``, ``times.append(…)``) in the same function."""
    tree = ast.parse(source, filename)
    clocks = _clock_names(tree)
    found: list[int] = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        timed: set[str] = set()
        for _ in range(3):  # a variable computed from another timed one, in any order
            for node in ast.walk(function):
                if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign) and (
                    node.value is not None and _reads_clock(node.value, clocks, timed)
                ):
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        timed |= _target_names(target)
                elif (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in {"append", "extend", "add", "insert"}
                    and any(_reads_clock(arg, clocks, timed) for arg in node.args)
                ):
                    timed |= _target_names(node.func.value)
        found += [
            f"{filename}:{node.lineno}"
            for node in ast.walk(function)
            if isinstance(node, ast.Assert) and _reads_clock(node.test, clocks, timed)
        ]
    return sorted(
        set(found), key=lambda where: (where.rsplit(":", 1)[0], int(where.split(":")[-1]))
    )


def test_the_check_finds_each_way_of_timing() -> None:
    source = """
import time
from time import perf_counter as clock

def test_direct():
    started = time.monotonic()
    work()
    assert time.monotonic() - started < 1.0

def test_through_a_variable():
    started = clock()
    work()
    elapsed = clock() - started
    assert elapsed < 4

def test_through_a_list():
    samples = []
    for _ in range(3):
        started = time.process_time()
        samples.append(time.process_time() - started)
    assert median(samples) < 0.1

def test_through_a_dict():
    timings = {}
    timings["csv"] = time.perf_counter()
    assert timings["csv"] < 4

def test_a_deadline_to_stop_waiting_is_no_assertion():
    deadline = time.monotonic() + 30
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("never done")
    assert done()
"""
    assert timing_assertions(source) == [
        "<test>:8",
        "<test>:14",
        "<test>:21",
        "<test>:26",
    ]


def test_no_test_asserts_on_a_clock() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.resolve() == Path(__file__).resolve():
            continue
        found += timing_assertions(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    assert found == [], "move these measurements to benchmarks/; assert the behaviour instead"
