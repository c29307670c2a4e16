"""Count the generated cases of the fuzz suite and report them in the test summary."""

from __future__ import annotations

from collections import Counter

CASES: Counter[str] = Counter()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if CASES:
        terminalreporter.section("fuzz cases")
        for name, count in sorted(CASES.items()):
            terminalreporter.write_line(f"{name}: {count}")
        terminalreporter.write_line(f"total generated cases: {sum(CASES.values())}")
