"""The API's one error shape, and the handlers that give every failure in it.

``{"error": {"status": 400, "code": "bad_parameter", "message": "limit: at most 1000",
"parameter": "limit"}}``: a bad value, an unknown parameter, an unknown route (404), a wrong method
(405) and an unexpected failure (500, which user input never causes) alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError
from ..event_filters import ParameterError

#: The error code of each status the API answers with.
CODES = {400: "bad_parameter", 404: "not_found", 405: "method_not_allowed", 500: "internal"}


class ApiError(Exception):
    """A request the API refuses: its status, code, message and (for a bad value) parameter."""

    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.parameter = parameter


def bad_parameter(parameter: str, message: str) -> ApiError:
    """A 400 for a bad value of ``parameter`` (the message names it first)."""
    return ApiError(400, "bad_parameter", f"{parameter}: {message}", parameter)


def error_body(status: int, code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    """The error shape."""
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if parameter is not None:
        error["parameter"] = parameter
    return {"error": error}


def error_response(
    status: int,
    code: str,
    message: str,
    parameter: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A JSON response in the error shape."""
    return JSONResponse(error_body(status, code, message, parameter), status_code=status, headers=headers)


def shown(value: str, most: int = 40) -> str:
    """A value quoted for a message, shortened (a message never echoes a long value whole)."""
    return repr(value if len(value) <= most else value[:most] + "…")


_PYDANTIC = {
    "int_parsing": "give a whole number",
    "int_parsing_size": "give a whole number",
    "int_from_float": "give a whole number",
    "int_type": "give a whole number",
    "float_parsing": "give a number",
    "finite_number": "give a finite number",
    "string_type": "give text",
    "missing": "required",
}


def _validation_message(error: Mapping[str, Any]) -> str:
    """A short message for one of pydantic's validation errors of a query or path parameter."""
    kind = str(error.get("type", ""))
    context = error.get("ctx") or {}
    if kind == "less_than_equal":
        return f"at most {context.get('le')}"
    if kind == "greater_than_equal":
        return f"at least {context.get('ge')}"
    if kind == "string_too_long":
        return f"at most {context.get('max_length')} characters"
    if kind == "literal_error":
        return f"one of {context.get('expected', '')}".replace("'", "")
    if kind in _PYDANTIC:
        return _PYDANTIC[kind]
    return str(error.get("msg", "a bad value"))


def _parameter(location: Sequence[Any]) -> str:
    """The parameter of a validation error's location (``("query", "limit")`` -> ``limit``)."""
    names = [str(part) for part in location if not isinstance(part, int)]
    return names[-1] if len(names) > 1 else (names[0] if names else "request")


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.parameter)


async def _config_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ConfigError)
    parameter = exc.parameter if isinstance(exc, ParameterError) else None
    return error_response(400, "bad_parameter", exc.message, parameter)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    first = errors[0] if errors else {}
    parameter = _parameter(first.get("loc", ()))
    return error_response(400, "bad_parameter", f"{parameter}: {_validation_message(first)}", parameter)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code if 400 <= exc.status_code < 600 else 500
    code = CODES.get(status, "bad_parameter" if status < 500 else "internal")
    if status == 404:
        message = f"no such resource: {shown(request.url.path)}"
    elif status == 405:
        message = f"{request.method} is not allowed here: use GET"
    else:
        message = str(exc.detail)
    return error_response(status, code, message, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Starlette re-raises the exception after this answer, and the server logs it with its trace.
    return error_response(500, "internal", "internal error: a bug in dateline, please report it")


def install(app: FastAPI) -> None:
    """Answer every failure of ``app`` in the error shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(ConfigError, _config_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
