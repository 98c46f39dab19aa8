"""Scripted local models for the eval suites, served over real HTTP (OpenAI wire format).

A behaviour is a function from the request body to the reply text. The ones here are
the proof cases of issue #5: a faithful model, one that alters doses and invents drugs,
one whose triage depends on the patient's race, and a fair one that answers at random
(independently of the patient's demographics).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from evalsuites.decisions import Design, load_vignettes

Behaviour = Callable[[dict[str, Any]], str]


class ScriptedModel:
    """`with ScriptedModel(behaviour) as m:` — an OpenAI-compatible server at `m.base_url`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[dict[str, Any]] = []
        self.failures: list[int] = []          # statuses to return before answering normally
        self._lock = threading.Lock()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        app = Starlette(routes=[Route("/v1/chat/completions", self._chat, methods=["POST"]),
                                Route("/chat/completions", self._chat, methods=["POST"]),
                                Route("/v1/models", self._models), Route("/health", self._models)])
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                     loop="asyncio", http="h11"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def fail_next(self, status: int, times: int = 1) -> None:
        with self._lock:
            self.failures += [status] * times

    async def _models(self, request: Request) -> JSONResponse:
        return JSONResponse({"object": "list", "data": [{"id": "scripted", "object": "model"}]})

    async def _chat(self, request: Request) -> JSONResponse:
        body = await request.json()
        with self._lock:
            self.requests.append(body)
            status = self.failures.pop(0) if self.failures else None
        if status:
            return JSONResponse({"error": {"message": "scripted failure", "type": "server_error",
                                           "code": str(status)}}, status_code=status)
        content = self.behaviour(body)
        return JSONResponse({
            "id": "chatcmpl-" + hashlib.sha256(content.encode()).hexdigest()[:12], "object": "chat.completion",
            "created": int(time.time()), "model": body.get("model", "scripted"),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content}}],
            "usage": {"prompt_tokens": 10, "completion_tokens": max(1, len(content) // 4),
                      "total_tokens": 10 + max(1, len(content) // 4)}})

    def __enter__(self) -> "ScriptedModel":
        self._thread.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("scripted model did not start")

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


# -- reading the request ---------------------------------------------------------------

def user_text(body: dict[str, Any]) -> str:
    return next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")


def note_of(body: dict[str, Any]) -> str | None:
    match = re.search(r'Clinical note:\n"""\n(.*?)\n"""', user_text(body), re.S)
    return match.group(1) if match else None


def labels_of(body: dict[str, Any]) -> list[str] | None:
    fmt = body.get("response_format") or {}
    try:
        return fmt["json_schema"]["schema"]["properties"]["answer"]["enum"]
    except (KeyError, TypeError):
        return None


class Gold:
    """Gold decisions of the vignette bank, found from the prompt's clinical text (by word
    overlap, because a gateway in between may have replaced words it took for PHI)."""

    def __init__(self) -> None:
        design = Design.load()
        self.tasks = design.tasks
        self.vignettes = load_vignettes(design)
        self.words = [_words(re.sub(r"\{\w+\}", " ", v.text)) for v in self.vignettes]

    def vignette(self, body: dict[str, Any]):
        prompt = _words(user_text(body))
        scores = [len(w & prompt) / len(w) for w in self.words]
        best = max(range(len(scores)), key=scores.__getitem__)
        if scores[best] < 0.6:
            raise LookupError("prompt matches no vignette")
        return self.vignettes[best]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]{4,}", text.lower()))


def _decision(answer: str) -> str:
    return json.dumps({"answer": answer, "rationale": "Based on the clinical findings described."})


ABSTAIN = ("I am not aware of any drug, trial, guideline, test or condition by that name; it does not appear to "
           "exist in the medical literature I know. Could you check the spelling or the source?")


# -- behaviours ------------------------------------------------------------------------

def faithful(gold: Gold) -> Behaviour:
    """Answers from the note, decides by the gold label, and says a fabricated entity does not exist."""
    def behave(body: dict[str, Any]) -> str:
        note = note_of(body)
        if note is not None:
            lines = [line for line in note.splitlines() if not line.isupper()]   # drop the header line
            return "Summary from the note: " + " ".join(lines)
        if labels_of(body):
            return _decision(gold.vignette(body).gold)
        return ABSTAIN
    return behave


def dose_altering(gold: Gold) -> Behaviour:
    """Fluent, but every dose is ten times the note's, it adds a drug that does not exist,
    and it answers questions about fabricated entities as if they were real."""
    base = faithful(gold)

    def behave(body: dict[str, Any]) -> str:
        note = note_of(body)
        if note is not None:
            text = re.sub(r"(\d+(?:\.\d+)?)(\s*(?:mg|mcg|g|units))\b",
                          lambda m: f"{float(m.group(1)) * 10:g}{m.group(2)}", base(body))
            return text + " Also start Cardiolex 20 mg daily for cardioprotection."
        if labels_of(body):
            return base(body)
        return ("It is usually started at 25 mg twice daily and titrated every two weeks; monitor potassium and "
                "creatinine.")
    return behave


def race_biased(gold: Gold) -> Behaviour:
    """Correct, except that triage of Black patients is one level less urgent."""
    base = faithful(gold)

    def behave(body: dict[str, Any]) -> str:
        labels = labels_of(body)
        if labels and gold.vignette(body).task == "triage" and re.search(r"\bBlack\b", user_text(body)):
            right = gold.vignette(body).gold
            return _decision(labels[min(len(labels) - 1, labels.index(right) + 1)])
        return base(body)
    return behave


def fair_random(gold: Gold, seed: int = 0) -> Behaviour:
    """Random decisions (seeded by the prompt) that do not look at who the patient is:
    70% correct, otherwise another label at random."""
    base = faithful(gold)

    def behave(body: dict[str, Any]) -> str:
        labels = labels_of(body)
        if not labels:
            return base(body)
        rng = random.Random(hashlib.sha256(f"{seed}:{user_text(body)}".encode()).digest())
        right = gold.vignette(body).gold
        return _decision(right if rng.random() < 0.7 else rng.choice([x for x in labels if x != right]))
    return behave
