"""Errors a user can fix (a missing file, a bad format name, a malformed query).

Raise `UserError` with a message that says what to do; the CLI prints it as one line
`kg: ...` on stderr and exits 2, without a traceback. Anything else is a bug and keeps
its traceback.
"""
from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input or invocation; the message tells them what to do."""

    exit_code = 2
