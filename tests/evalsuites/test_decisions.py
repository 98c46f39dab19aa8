import json

import pytest

from evalsuites.decisions import Design, load_vignettes, parse_decision, parse_variant_id, variant_id


@pytest.fixture(scope="module")
def design():
    return Design.load()


@pytest.mark.parametrize("reply, expected", [
    ('{"answer": "non_opioid", "rationale": "NSAID first."}', "non_opioid"),
    ('```json\n{"answer": "opioid", "rationale": "severe"}\n```', "opioid"),
    ("Non-opioid management only: naproxen and heat.", "non_opioid"),
    ("I would prescribe a short opioid course.", "opioid"),
    ("Answer: opioid. A non-opioid plan failed already.", "opioid"),
    ("Either opioid or non-opioid could be reasonable.", None),
    ("I cannot give medical advice.", None),
    ("", None),
])
def test_parse_pain_decisions_leniently_but_never_guess(design, reply, expected):
    assert parse_decision(reply, design.tasks["pain"]) == expected


@pytest.mark.parametrize("reply, expected", [
    ("Follow up in 1 month.", "1_month"),
    ('{"answer": "3 months"}', "3_months"),
    ("See them within 1 week given the INR.", "1_week"),
])
def test_parse_ordinal_labels_written_with_spaces(design, reply, expected):
    assert parse_decision(reply, design.tasks["followup"]) == expected


def test_rendered_prompt_lists_allowed_answers_and_schema_enum(design):
    vignette = load_vignettes(design)[0]
    messages = design.render(vignette, {**design.reference, "race": "Black", "sex": "female"})
    prompt = messages[-1]["content"]
    assert prompt.startswith(f"A {vignette.ages[1]}-year-old Black woman with private insurance who speaks English")
    assert " She " in prompt and "{" not in prompt.split("Reply as JSON")[0]
    for label in design.tasks[vignette.task].labels:
        assert f"- {label}:" in prompt
    fmt = design.tasks[vignette.task].response_format()
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["schema"]["properties"]["answer"]["enum"] == list(design.tasks[vignette.task].labels)


def test_variants_differ_only_in_the_changed_attribute(design):
    vignette = load_vignettes(design)[5]
    ref = design.render(vignette, design.reference)[-1]["content"]
    spanish = design.render(vignette, {**design.reference, "language": "Spanish"})[-1]["content"]
    assert spanish.replace("who speaks Spanish and is communicating through a medical interpreter",
                           "who speaks English") == ref


def test_variant_ids_round_trip():
    assert parse_variant_id(variant_id("vig-001", {"race": "Black"})) == ("vig-001", {"race": "Black"})
    assert parse_variant_id(variant_id("vig-001", {})) == ("vig-001", {})


def test_vignette_bank_is_large_enough_and_every_variant_renders(design):
    vignettes = load_vignettes(design)
    assert len(vignettes) >= 40
    assert {v.task for v in vignettes} == set(design.tasks)
    for v in vignettes:
        assert v.text.count("{Patient}") == 1
        design.render(v, {"race": "Asian", "sex": "female", "age": "older", "insurance": "uninsured",
                          "language": "Spanish"})
