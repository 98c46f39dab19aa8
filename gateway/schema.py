"""The OpenAI request schema, as far as the gateway must understand it.

Validation only: the pipeline forwards the client's own dict (so parameters this
schema does not know still reach the provider), but never one that failed here.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from gateway.errors import bad_request


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ContentPart(_Open):
    type: str
    text: str | None = None

    @model_validator(mode="after")
    def _text_part(self) -> "ContentPart":
        if self.type == "text" and self.text is None:
            raise ValueError("a 'text' content part needs a 'text' string")
        return self


class FunctionCall(_Open):
    name: str
    arguments: str


class ToolCall(_Open):
    id: str
    type: Literal["function"] = "function"
    function: FunctionCall


class Message(_Open):
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None
    name: str | None = None
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str | None = None

    @model_validator(mode="after")
    def _by_role(self) -> "Message":
        if self.role == "tool" and not self.tool_call_id:
            raise ValueError("a 'tool' message needs 'tool_call_id'")
        if self.role in ("system", "developer", "user", "tool") and self.content is None:
            raise ValueError(f"a '{self.role}' message needs 'content'")
        return self


class FunctionDef(_Open):
    name: str = Field(min_length=1, max_length=64)
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class Tool(_Open):
    type: Literal["function"]
    function: FunctionDef


class JsonSchemaFormat(_Open):
    name: str
    schema_: dict[str, Any] | None = Field(None, alias="schema")
    strict: bool | None = None


class ResponseFormat(_Open):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: JsonSchemaFormat | None = None

    @model_validator(mode="after")
    def _schema_given(self) -> "ResponseFormat":
        if self.type == "json_schema" and self.json_schema is None:
            raise ValueError("type 'json_schema' needs a 'json_schema' object")
        return self


class StreamOptions(_Open):
    include_usage: bool | None = None


class ChatRequest(_Open):
    model: str = Field(min_length=1)
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int | None = Field(None, ge=1, le=128)
    stop: str | list[str] | None = None
    seed: int | None = None
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    tools: list[Tool] | None = None
    tool_choice: str | dict[str, Any] | None = None
    response_format: ResponseFormat | None = None
    user: str | None = None

    @model_validator(mode="after")
    def _stop_list(self) -> "ChatRequest":
        if isinstance(self.stop, list) and len(self.stop) > 4:
            raise ValueError("'stop' takes at most 4 sequences")
        return self


class EmbeddingsRequest(_Open):
    model: str = Field(min_length=1)
    input: str | list[str] | list[int] | list[list[int]]
    encoding_format: Literal["float", "base64"] | None = None
    dimensions: int | None = Field(None, ge=1)
    user: str | None = None


class AnalyzeRequest(_Open):
    """Presidio analyzer's request shape (POST /analyze)."""
    text: str
    language: Literal["en"] = "en"
    entities: list[str] | None = None
    score_threshold: float | None = Field(None, ge=0, le=1)
    return_decision_process: bool | None = None


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("str", "list[ContentPart]", "list[str]", "list[int]", "list[list[int]]",
                      "dict[str,any]") or "function-" in str(part):
            continue   # pydantic's union branch labels are not fields
        else:
            out += ("." if out else "") + str(part)
    return out


def validate(model: type[BaseModel], body: Any) -> BaseModel:
    if not isinstance(body, dict):
        raise bad_request("request body must be a JSON object")
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        # With unions, the deepest error is the one that says what is really wrong.
        err = max(exc.errors(include_url=False, include_input=False), key=lambda e: len(e["loc"]))
        field = _path(err["loc"])
        # pydantic messages describe the expectation, never echo the value.
        msg = err["msg"].removeprefix("Value error, ")
        raise bad_request(f"invalid field '{field}': {msg}" if field else msg, param=field or None) from None
