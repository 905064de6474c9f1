"""Who may vote: the meeting's token, each department's code and card, and a throttle on guesses.

Every key is new each time voting starts, so a card printed for one meeting opens nothing at the
next. The token is 128 random bits, so an address cannot be guessed; a four-digit code can, which
is why wrong codes are throttled per phone and per department.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

TOKEN_BYTES = 16
"""128 random bits in every meeting token, card token and phone session."""
CODE_DIGITS = 4


def new_token() -> str:
    """A random 128-bit token, URL-safe (22 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def same(given: str, expected: str) -> bool:
    """Compare a secret in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class DepartmentKey:
    """What logs a phone into one department's ballot: a code to type, or a card to scan."""

    department: str
    code: str
    card: str


@dataclass(frozen=True, slots=True)
class MeetingKeys:
    """The keys of one meeting: the token in every address and one key per department."""

    token: str
    departments: tuple[DepartmentKey, ...]

    def by_code(self, department: str, code: str) -> DepartmentKey | None:
        """The department's key when `code` is its code."""
        key = self.key(department)
        return key if key is not None and same(code, key.code) else None

    def by_card(self, card: str) -> DepartmentKey | None:
        """The department whose card carries `card`."""
        found = None
        for key in self.departments:  # every key is compared, so timing tells nothing
            if same(card, key.card):
                found = key
        return found

    def key(self, department: str) -> DepartmentKey | None:
        """The key of a department, None when the meeting has no such department."""
        return next((key for key in self.departments if key.department == department), None)

    def with_departments(self, departments: Iterable[str]) -> MeetingKeys:
        """Keys for a changed list of departments: the ones kept keep their code and card."""
        wanted = list(dict.fromkeys(departments))
        kept = {key.department: key for key in self.departments if key.department in wanted}
        codes = {key.code for key in kept.values()}
        for department in wanted:
            if department not in kept:
                kept[department] = DepartmentKey(department, _fresh_code(codes), new_token())
                codes.add(kept[department].code)
        return MeetingKeys(self.token, tuple(kept[department] for department in wanted))


def _fresh_code(taken: set[str]) -> str:
    """A random four-digit code no other department has."""
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        if code not in taken:
            return code


def new_keys(departments: Iterable[str]) -> MeetingKeys:
    """A new meeting token, and a code and card token for each department."""
    return MeetingKeys(new_token(), ()).with_departments(departments)


class Throttle:
    """At most `limit` failures per key within `window` seconds; beyond that, wait.

    A phone guessing codes is held back by its own address and, across many phones, by the
    department it is guessing: ten thousand codes take days at a few guesses a minute.
    """

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.get(key)
        if failures is None:
            return deque()
        cutoff = self.clock() - self.window
        while failures and failures[0] <= cutoff:
            failures.popleft()
        if not failures:
            del self._failures[key]
        return failures

    def blocked(self, key: str) -> bool:
        """Whether `key` has used up its failures for now."""
        return len(self._recent(key)) >= self.limit

    def retry_after(self, key: str) -> int:
        """Whole seconds until `key` may try again (0: now)."""
        failures = self._recent(key)
        if len(failures) < self.limit:
            return 0
        return max(1, int(failures[0] + self.window - self.clock() + 0.999))

    def fail(self, key: str) -> None:
        """Count one failure of `key`."""
        self._recent(key)
        self._failures.setdefault(key, deque()).append(self.clock())
        if len(self._failures) > 10_000:  # a flood of addresses must not grow memory for ever
            self._failures.pop(next(iter(self._failures)))
