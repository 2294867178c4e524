"""The extractor pipeline as assembled: the registered components, what each requires,
the optional statistical ones, and the rule each mention records."""
from __future__ import annotations

from kg.extraction import extract_document, to_record
from kg.reader import document_from_text
from pages import CITY, names


def test_lac_is_off_by_default_and_adds_unanchored_names_when_on():
    from kg.extraction import extract_document
    from kg.extractors import DEFAULT, components_for

    rules = components_for(("rules",))
    text = CITY + "彭晓峰认为，这项政策很及时。"
    assert "lac" not in DEFAULT and "tagger" in DEFAULT and "tagger" not in rules
    plain = to_record(extract_document(document_from_text("t.txt", text), rules))
    assert "彭晓峰" in names(plain, "Person")           # a speech verb anchors it for the rules
    text = CITY + "今天彭晓峰和同事一起去了现场。"
    plain = to_record(extract_document(document_from_text("t.txt", text), rules))
    with_lac = to_record(extract_document(document_from_text("t.txt", text), components_for(("lac",))))
    assert "彭晓峰" not in names(plain)
    assert "彭晓峰" in names(with_lac, "Person")


def test_unknown_ner_component_is_refused_by_name():
    import pytest

    from kg.extractors import components_for

    with pytest.raises(ValueError, match="spacy"):
        components_for(("spacy",))


def test_a_pipeline_whose_component_lacks_what_it_reads_is_refused_when_assembled():
    import pytest

    from kg.extractors import DEFAULT, PIPELINE, check

    assert check(DEFAULT) == DEFAULT
    # persons attach posts to the bodies organisations found: before them, an error
    order = [n for n in DEFAULT if n != "persons"]
    order.insert(order.index("organisations"), "persons")
    with pytest.raises(ValueError, match=r"'persons' requires .*Agency"):
        check(order)
    with pytest.raises(ValueError, match=r"'tagged' requires spans"):      # no tagger before it
        check([n for n in DEFAULT if n != "tagger"])
    # every component's requirement is something some registered component assigns
    assigned = set().union(*(s.assigns for s in PIPELINE.values()))
    assert all(s.requires <= assigned for s in PIPELINE.values())


def test_each_mention_says_which_rule_found_it():
    from kg.extractors import PIPELINE

    text = CITY + "本报讯（记者 王培源）区委副书记、区长江绍华到柳园街道调研。\n"
    rec = to_record(extract_document(document_from_text("t.txt", text)))
    rules = {e["name"]: {m["rule"] for m in e["mentions"]} for e in rec["entities"]}
    assert rules["江绍华"] == {"persons:title chain"}
    assert rules["王培源"] == {"persons:byline"}
    assert all(m["rule"].partition(":")[0] in PIPELINE for e in rec["entities"] for m in e["mentions"])
