"""The explorer page as both Chromium test modules drive it (graph.html from a file,
and the page `kg serve` gives out)."""
from __future__ import annotations


class ExplorerPage:
    """A Playwright page of the explorer that records console errors and dialogs."""

    def __init__(self, context):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def settle(self) -> None:
        """Wait until the layout stops moving (wait_for_function would need eval, which
        the page's CSP forbids: wait on the DOM)."""
        self.page.wait_for_selector("body[data-layout=stable]", state="attached", timeout=60_000)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def visible_ids(self) -> set[str]:
        return set(self.js("kg.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))
