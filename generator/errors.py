"""The one error type users see: it names the file, the line and the field."""

from __future__ import annotations


class PolicyError(Exception):
    """Bad input. Printed as `file:line: field: message` and exits non-zero."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 field: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def __reduce__(self):      # picklable as it was made: a forked worker sends it back
        return type(self), (self.message, self.file, self.line, self.field)

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class PolicyErrors(PolicyError):
    """Several problems found in one pass, reported together."""

    def __init__(self, errors: list[PolicyError]):
        super().__init__(f"{len(errors)} problem(s)")
        self.errors = errors

    def __reduce__(self):
        return type(self), (self.errors,)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
