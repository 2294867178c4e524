"""The districts component: divisions, countries, relative areas and zones."""
from __future__ import annotations

import importlib

from kg.divisions import countries
from pages import rec

districts = importlib.import_module("kg.extractors.districts")   # the package exports the function


def test_countries_are_found_in_the_same_order_whatever_the_sets_order(monkeypatch):
    """Countries were looked for in the order of a set of strings, which changes with
    the process's hash seed: the same page listed 巴哈马 and 巴哈马国 either way round."""
    page = "（1）巴拿马（2）牙买加（3）巴哈马国\n"
    names = sorted(countries())
    outs = []
    for order in (names, names[::-1]):
        monkeypatch.setattr(districts, "countries", lambda order=order: order)
        outs.append([e["name"] for e in rec(page)["entities"]])
    assert outs[0] == outs[1] and {"巴哈马", "巴哈马国"} <= set(outs[0])
