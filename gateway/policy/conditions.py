"""CEL conditions (cel-python, import name `celpy`): compiled once, evaluated per request.

celpy's transpiler turns CEL into Python; what costs time per request is its
`Activation` (a clone, a typed name lookup per variable reference). Conditions are
evaluated thousands of times a second with the same few variables, so each policy
file's conditions are compiled into ONE program (a CEL list, one element per rule)
and run against `_Bindings`, a plain namespace with the only two things the
transpiled code asks of an activation: attribute lookup and a nested scope for macros.
Parsing, type semantics and every CEL function stay celpy's.

Errors never carry values: an evaluation error names the rule, never the content.
"""
from __future__ import annotations

import logging
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

import celpy
import celpy.evaluation
from celpy import celtypes
from celpy.celparser import CELParseError, CELParser
from celpy.evaluation import CELEvalError

from gateway.phi.kinds import KINDS

# celpy logs evaluation failures with the failing values (which may be request content):
# nothing below CRITICAL from it, ever.
for _name in ("celpy", "celpy.Transpiler", "celpy.Environment", "celpy.evaluation", "celpy.celtypes"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

VARIABLES = ("principal", "model", "operation", "phi", "content", "params", "time", "vars")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ConditionSyntaxError(ValueError):
    """A condition that does not compile; the message has line and column, no request data."""


class ConditionError(Exception):
    """A condition that failed on a request (or on the load-time probe)."""

    def __init__(self, index: int, problem: str) -> None:
        super().__init__(problem)
        self.index, self.problem = index, problem


def _environment() -> celpy.Environment:
    # celpy keeps one parser per process; its tree class must be the transpiler's.
    parser = CELParser.CEL_PARSER
    if parser is not None and parser.options.tree_class is not celpy.evaluation.TranspilerTree:
        CELParser.CEL_PARSER = None
    return celpy.Environment(runner_class=celpy.CompiledRunner)


def _operator_in(item: Any, container: Any) -> Any:
    """celpy.evaluation.operator_in, same semantics, without its per-call
    `cast(Iterable[Result], …)`: subscripting that typing alias costs ~0.1 ms a call."""
    if isinstance(item, CELEvalError):
        return item
    if isinstance(container, CELEvalError):
        return container
    result: Any = celtypes.BoolType(False)
    for candidate in container:
        try:
            if candidate == item:
                return celtypes.BoolType(True)
        except TypeError as exc:
            result = CELEvalError("no such overload", exc.__class__, exc.args)
    return result


def _namespace() -> SimpleNamespace:
    """What `celpy` means to the transpiled code: celpy itself, except `operator_in` above and
    the comparison operators built once (celpy builds each comparison's wrapper per call).
    Local to our programs: celpy's modules are not modified."""
    ev = celpy.evaluation
    evaluation = SimpleNamespace(**vars(ev))
    evaluation.operator_in = _operator_in
    for name, op in (("bool_lt", operator.lt), ("bool_le", operator.le), ("bool_gt", operator.gt),
                     ("bool_ge", operator.ge), ("bool_eq", operator.eq), ("bool_ne", operator.ne)):
        setattr(evaluation, name, ev.boolean(op))
    return SimpleNamespace(**{**vars(celpy), "evaluation": evaluation})


_GLOBALS = {**celpy.evaluation.result.__globals__, "celpy": _namespace()}


class _Bindings:
    """The variables of one evaluation, as transpiled CEL reads them (`activation.phi`)."""
    __slots__ = ("_values", "_parent")

    def __init__(self, values: Mapping[str, Any], parent: "_Bindings | None" = None) -> None:
        self._values, self._parent = values, parent

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            if self._parent is not None:
                return getattr(self._parent, name)
            raise NameError(f"undeclared reference to '{name}'") from None

    def nested_activation(self, annotations: Any = None, vars: Mapping[str, Any] | None = None) -> "_Bindings":
        return _Bindings(vars or {}, self)   # a macro's bound variable (exists, all, map, filter)


def compile_condition(text: str) -> Any:
    """The parsed AST, or ConditionSyntaxError naming line and column."""
    try:
        return _environment().compile(text)
    except CELParseError as exc:
        detail = str(exc.args[0]).splitlines()[0].strip() if exc.args else ""
        where = f"line {exc.line} column {exc.column}" if exc.line else "unknown position"
        raise ConditionSyntaxError(f"CEL syntax error at {where}" + (f" near {detail!r}" if detail else "")
                                   ) from None


class Program:
    """Several conditions evaluated in one pass: `run(values)` -> one bool per condition."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        for text in texts:
            compile_condition(text)   # locate a syntax error on its own rule
        self._single = [self._build(f"[{text}]") for text in texts]
        self._code = self._build("[" + ",\n".join(f"({t})" for t in texts) + "]") if texts else None
        self.reads_content = any("activation.content" in source for _, source in self._single)

    @staticmethod
    def _build(text: str) -> tuple[Any, str]:
        env = _environment()
        runner = env.program(env.compile(text))
        return runner.tp.executable_code, runner.tp.source_text

    @staticmethod
    def _exec(code: Any, values: Mapping[str, Any]) -> Any:
        scope = dict(_GLOBALS)   # what transpiled code expects as globals
        scope["base_activation"] = _Bindings(values)
        exec(code, scope)
        return scope["CEL"]

    def run(self, values: Mapping[str, Any]) -> list[bool]:
        if self._code is None:
            return []
        result = self._exec(self._code[0], values)
        if isinstance(result, list) and all(isinstance(v, (bool, celtypes.BoolType)) for v in result):
            return [bool(v) for v in result]
        # Something failed or is not a bool: find which condition, one at a time.
        for index, (code, _) in enumerate(self._single):
            value = self._exec(code, values)
            item = value[0] if isinstance(value, list) and value else value
            if isinstance(value, celpy.evaluation.CELEvalError) or isinstance(item, celpy.evaluation.CELEvalError):
                raise ConditionError(index, _describe(value if not isinstance(value, list) else item))
            if not isinstance(item, (bool, celtypes.BoolType)):
                raise ConditionError(index, f"must be a boolean, got {type(item).__name__.removesuffix('Type').lower()}")
        raise ConditionError(0, "could not be evaluated")   # pragma: no cover - one of the above fired


def _describe(error: Any) -> str:
    """A CEL error's kind, never its values (they can quote the request)."""
    args = getattr(error, "args", ())
    first = str(args[0]) if args else ""
    cause = args[1] if len(args) > 1 and isinstance(args[1], type) else None
    if cause is NameError or "undeclared reference" in first:
        return "refers to an unknown variable (known: " + ", ".join(VARIABLES) + ")"
    if "no such member" in first or cause is KeyError:
        return "refers to a field or key that does not exist"
    if cause is TypeError or "no such overload" in first:
        return "applies an operator or function to a value of the wrong type"
    if cause is ZeroDivisionError:
        return "divides by zero"
    if "match error" in first:
        return "has an invalid regular expression in matches()"
    return "failed to evaluate"


# -- turning a request into CEL values -------------------------------------------------------------
# celtypes.IntType costs ~13 us to construct (celpy wraps every call); the values a policy
# sees are few and small, so they are built once and shared (CEL values are immutable).
@lru_cache(maxsize=8192)
def _int(n: int) -> celtypes.IntType:
    return celtypes.IntType(n)


@lru_cache(maxsize=8192)
def _str(s: str) -> celtypes.StringType:
    return celtypes.StringType(s)


_BOOL = {True: celtypes.BoolType(True), False: celtypes.BoolType(False)}


def to_cel(value: Any) -> Any:
    """Plain data (from YAML or a request) as CEL values."""
    if isinstance(value, bool):
        return _BOOL[value]
    if isinstance(value, int):
        return _int(value)
    if isinstance(value, float):
        return celtypes.DoubleType(value)
    if isinstance(value, str):
        return _str(value) if len(value) <= 200 else celtypes.StringType(value)
    if isinstance(value, dict):
        return celtypes.MapType({_str(str(k)): to_cel(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return celtypes.ListType([to_cel(v) for v in value])
    if value is None:
        return None
    raise TypeError(f"no CEL value for {type(value).__name__}")


@dataclass(frozen=True)
class Clock:
    """The `time` variable, in a policy file's time zone, to the second."""
    zone: Any   # zoneinfo.ZoneInfo

    def values(self, now: datetime) -> celtypes.MapType:
        return self._at(int(now.timestamp()))

    @lru_cache(maxsize=64)   # shared by every Clock: a few files' zones, this second
    def _at(self, second: int) -> celtypes.MapType:
        now = datetime.fromtimestamp(second, timezone.utc)
        local = now.astimezone(self.zone)
        return celtypes.MapType({
            _str("now"): celtypes.TimestampType(now),
            _str("hour"): _int(local.hour),
            _str("minute"): _int(local.minute),
            _str("weekday"): _str(WEEKDAYS[local.weekday()]),
            _str("date"): _str(local.date().isoformat()),
        })


def params_values(params: Mapping[str, Any]) -> celtypes.MapType:
    """Request parameters with defaults, so a rule never trips over an absent field."""
    tools = params.get("tools") if isinstance(params.get("tools"), list) else []
    names = [str((t.get("function") or {}).get("name", "")) for t in tools if isinstance(t, dict)]
    max_tokens = params.get("max_completion_tokens", params.get("max_tokens"))
    temperature = params.get("temperature")
    fmt = params.get("response_format")
    return to_cel({
        "max_tokens": int(max_tokens) if isinstance(max_tokens, (int, float)) else 0,   # 0: not set
        "temperature": float(temperature) if isinstance(temperature, (int, float)) else 1.0,
        "stream": bool(params.get("stream")),
        "tools": len(tools),
        "tool_names": names,
        "response_format": str(fmt.get("type", "text")) if isinstance(fmt, dict) else "text",
        "has_user": isinstance(params.get("user"), str),
    })


_ZERO_SCORE = celtypes.DoubleType(0.0)


def phi_values(counts: Mapping[str, int], scores: Mapping[str, float]) -> celtypes.MapType:
    """Every kind present in `counts` and `scores` (0 when not found): no missing keys."""
    return celtypes.MapType({
        _str("kinds"): celtypes.ListType([_str(k) for k in sorted(counts)]),
        _str("counts"): celtypes.MapType({_str(k): _int(int(counts.get(k, 0))) for k in KINDS}),
        _str("scores"): celtypes.MapType({_str(k): celtypes.DoubleType(scores[k]) if k in scores else _ZERO_SCORE
                                          for k in KINDS}),
        _str("total"): _int(int(sum(counts.values()))),
    })
