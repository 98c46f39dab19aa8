"""The live policy set, replaced whole when its files change.

`LivePolicy` is what the pipeline calls; `watch()` polls the files' modification
times and sizes (cheap: a few stat calls a second, no extra thread) and swaps in a
freshly loaded set only when every file loads. A change is read once it has stood
still for one poll: an editor or `cp` that truncates a file and then writes it must
not be caught half-way and reported as a bad policy. A bad change is logged (file,
line, rule, field: policy text, never request data) and the last good set stays in
force.
"""
from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from collections.abc import Callable
from pathlib import Path

from gateway.policy import Decision, PolicyInput
from gateway.policy.engine import PolicySet
from gateway.policy.loader import TEST_SUFFIX, PolicyError, load_policy_set

log = logging.getLogger("medgate")


def _fingerprint(path: Path) -> tuple:
    """What changes when a policy file is edited, added, removed or replaced."""
    try:
        paths = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")
                       and not p.name.endswith(TEST_SUFFIX)) if path.is_dir() else [path]
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    except OSError:
        return ("unreadable",)


class LivePolicy:
    def __init__(self, path: Path, load: Callable[[Path], PolicySet], count_output_phi: bool = True) -> None:
        self.path, self._load = path, load
        self._count_output_phi = count_output_phi   # medgate.phi.scan_output: false skips a `flag` scan
        self._seen = _fingerprint(path)
        self._changing: tuple | None = None   # a change seen at the last poll, not yet read
        self.current = load(path)      # at start a bad policy raises: the gateway does not start
        self.last_error: str | None = None

    @property
    def version(self) -> str:
        return self.current.version

    def decide(self, request: PolicyInput) -> Decision:
        current = self.current   # one set for the whole decision, whatever a reload does meanwhile
        decision = current.decide(request)
        if not self._count_output_phi and decision.output.scan_phi == "flag":
            decision = replace(decision, output=replace(decision.output, scan_phi="off"))
        # The version in the record: with the rule ids it says which rule text decided.
        return replace(decision, fired_rules=decision.fired_rules + (f"policy:{current.version}",))

    def reload(self) -> bool:
        """Load the files again; True if the new set is now in force."""
        self._seen = _fingerprint(self.path)
        try:
            fresh = self._load(self.path)
        except PolicyError as exc:
            self.last_error = str(exc)
            log.error("policy reload rejected, keeping version %s: %s", self.current.version, exc)
            return False
        self.last_error = None
        if fresh.version != self.current.version:
            log.info("policy reloaded: version %s -> %s", self.current.version, fresh.version)
        self.current = fresh
        return True

    def poll(self) -> None:
        """One look at the files: reload a change that has not moved since the last look."""
        now = _fingerprint(self.path)
        if now == self._seen:
            self._changing = None
            return
        if now != self._changing:    # changed since the last look: it may still be being written
            self._changing = now
            return
        self._changing = None
        try:
            self.reload()
        except Exception as exc:   # keep watching; the last good set stays in force
            self._seen = _fingerprint(self.path)
            log.error("policy reload failed (%s); keeping version %s", type(exc).__name__, self.version)

    async def watch(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            self.poll()


SHIPPED = Path(__file__).resolve().parents[2] / "policies"


def policy_path(config) -> Path:
    """`medgate.policies.path`, relative to the config file; default: the shipped policies/."""
    path = config.medgate.policies.path
    if path is None:
        return SHIPPED
    if not path.is_absolute() and not config.source.startswith("<"):
        return Path(config.source).resolve().parent / path
    return path


def from_config(config) -> LivePolicy | None:
    """The configured policy engine (None: policies disabled, use the baseline).
    Raises PolicyError (a ConfigError) on a policy that cannot be used."""
    options = config.medgate.policies
    if not options.enabled:
        return None
    models = {m.model_name for m in config.model_list}
    modes = config.medgate.phi.mode_of()
    return LivePolicy(policy_path(config), lambda p: load_policy_set(p, models=models, site_modes=modes),
                      count_output_phi=config.medgate.phi.scan_output)
