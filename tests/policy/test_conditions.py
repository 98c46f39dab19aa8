"""CEL conditions: compiled once, evaluated with celpy's semantics, errors without values."""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from gateway.policy.conditions import (Clock, ConditionError, ConditionSyntaxError, Program, compile_condition,
                                       params_values, phi_values, to_cel)

CANARY = "Zbigniew Quarterfield MRN 77120394"


def _values(**over):
    values = {
        "principal": to_cel({"key_id": "k1", "app": "portal", "team": "oncology", "role": "app"}),
        "model": to_cel({"name": "gpt-x", "provider": "openai", "baa": False}),
        "operation": to_cel("chat"),
        "phi": phi_values({"PERSON": 2, "MRN": 1}, {"PERSON": 0.85, "MRN": 0.99}),
        "content": to_cel("pt asks about chemo schedule"),
        "params": params_values({"max_tokens": 900, "temperature": 0.1,
                                 "tools": [{"type": "function", "function": {"name": "lookup_labs"}}]}),
        "time": Clock(ZoneInfo("America/New_York")).values(datetime(2026, 3, 7, 3, 30, tzinfo=timezone.utc)),
        "vars": to_cel({"clinician_teams": ["oncology", "pharmacy"], "limit": 1000}),
    }
    values.update(over)
    return values


@pytest.mark.parametrize("expr, expected", [
    ('principal.team in vars.clinician_teams', True),
    ('principal.role == "admin"', False),
    ('!model.baa && phi.total > 0', True),
    ('phi.counts["PERSON"] == 2 && phi.counts.SSN == 0', True),
    ('"MRN" in phi.kinds && !("SSN" in phi.kinds)', True),
    ('phi.scores.MRN > 0.95 && phi.scores.PERSON < 0.9', True),
    ('phi.kinds.exists(k, k in ["SSN", "MRN"])', True),
    ('phi.kinds.all(k, k == "PERSON")', False),
    ('params.max_tokens > vars.limit', False),
    ('params.temperature <= 0.2 && params.tools == 1 && "lookup_labs" in params.tool_names', True),
    ('params.stream', False),
    ('content.contains("chemo")', True),
    ('content.matches("\\\\bchemo(therapy)?\\\\b")', True),
    ('time.hour == 22 && time.weekday == "fri"', True),          # 03:30 UTC Saturday = 22:30 Friday in New York
    ('time.now > timestamp("2026-01-01T00:00:00Z")', True),
    ('operation == "embeddings"', False),
    ('"MRN" in phi.counts && !("NAME" in phi.counts)', True),   # `in` on a map: its keys
])
def test_each_variable_and_operator(expr, expected):
    assert Program([expr]).run(_values()) == [expected]


def test_many_conditions_in_one_pass_keep_their_order():
    program = Program(["phi.total == 3", "false", "principal.app.startsWith('port')", "params.tools > 5"])
    assert program.run(_values()) == [True, False, True, False]


def test_syntax_error_names_line_and_column():
    with pytest.raises(ConditionSyntaxError) as exc:
        compile_condition('principal.app == "x" &&& true')
    assert "line 1 column 24" in str(exc.value)


@pytest.mark.parametrize("expr, problem", [
    ('principle.app == "x"', "unknown variable"),
    ('principal.department == "x"', "does not exist"),
    ('principal.app', "must be a boolean"),
    ('principal.team > 3', "wrong type"),
    ('principal.team in 3', "wrong type"),
])
def test_evaluation_errors_name_the_condition_not_the_values(expr, problem):
    program = Program(["true", expr])
    with pytest.raises(ConditionError) as exc:
        program.run(_values(content=to_cel(CANARY)))
    assert exc.value.index == 1 and problem in exc.value.problem
    assert "Quarterfield" not in str(exc.value) and "oncology" not in str(exc.value)


def test_celpy_never_logs_request_values(caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ConditionError):
        Program(['content.size() > principal']).run(_values(content=to_cel(CANARY)))
    assert "Quarterfield" not in caplog.text


def test_params_defaults_when_absent():
    program = Program(['params.max_tokens == 0 && params.temperature == 1.0 && params.tools == 0 '
                       '&& params.response_format == "text" && !params.has_user'])
    assert program.run(_values(params=params_values({}))) == [True]
    assert Program(['params.max_tokens == 50']).run(_values(params=params_values({"max_completion_tokens": 50}))) == [True]


def test_fast_in_operator_matches_celpy():
    import celpy.evaluation
    from celpy import celtypes as t

    from gateway.policy.conditions import _operator_in
    cases = [(t.StringType("a"), t.ListType([t.StringType("b"), t.StringType("a")])),
             (t.StringType("z"), t.ListType([t.StringType("b")])),
             (t.IntType(1), t.ListType([t.UintType(1), t.IntType(2)])),          # cross-type: an error
             (t.IntType(2), t.ListType([t.UintType(1), t.IntType(2)])),
             (t.StringType("k"), t.MapType({t.StringType("k"): t.IntType(1)}))]
    for item, container in cases:
        ours, theirs = _operator_in(item, container), celpy.evaluation.operator_in(item, container)
        assert type(ours) is type(theirs) and (isinstance(ours, celpy.evaluation.CELEvalError) or ours == theirs)
