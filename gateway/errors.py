"""The one error type the gateway raises on purpose, rendered OpenAI-style.

Messages are written for the client and must never carry request content,
upstream secrets or stack traces: callers pass fixed text or field paths only.
"""
from __future__ import annotations


class GatewayError(Exception):
    def __init__(self, status: int, code: str, message: str, *,
                 type: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.type = type or _TYPES.get(status, "api_error")
        self.param = param

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.type,
                          "param": self.param, "code": self.code}}


_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
    502: "upstream_error",
    503: "service_unavailable",
    504: "timeout_error",
}


def bad_request(message: str, param: str | None = None, code: str = "invalid_request") -> GatewayError:
    return GatewayError(400, code, message, param=param)
