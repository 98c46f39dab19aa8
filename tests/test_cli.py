"""`medgate serve` and `medgate keys`, as a user runs them."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import openai
import pytest

from tests.servers import free_port

MEDGATE = [sys.executable, "-m", "gateway.cli"]


def _run(args, home: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([*MEDGATE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "MEDGATE_HOME": str(home), **env})


@pytest.fixture()
def served(tmp_path):
    port = free_port()
    proc = subprocess.Popen([*MEDGATE, "serve", "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "MEDGATE_HOME": str(tmp_path)})
    deadline = time.monotonic() + 180     # a wait, not a measure: a loaded machine is slow to start one
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("medgate serve did not become ready:\n" + proc.stdout.read())
    yield port, tmp_path, proc
    proc.terminate()
    proc.wait(timeout=20)


def test_serve_banner_keys_and_simulator(served):
    port, home, proc = served
    key_file = home / "master.key"
    assert key_file.exists() and oct(key_file.stat().st_mode & 0o777) == "0o600"
    created = _run(["keys", "create", "--app", "nurse-portal", "--role", "app", "--team", "cardiology"], home)
    assert created.returncode == 0
    key = created.stdout.strip()
    assert key.startswith("sk-mg-") and "\n" not in key and "shown only once" in created.stderr
    client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=key, max_retries=0)
    reply = client.chat.completions.create(model="medgate-local", messages=[
        {"role": "user", "content": "Is 40 mEq KCl PO reasonable for K 3.1?"}])
    text = reply.choices[0].message.content
    assert "simulator" in text and "Is 40 mEq KCl PO reasonable for K 3.1?" in text
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
        model="medgate-local", stream=True, messages=[{"role": "user", "content": "Is 40 mEq KCl PO reasonable for K 3.1?"}])
        if c.choices)
    assert streamed == text
    listed = _run(["keys", "list"], home).stdout
    key_id = key.removeprefix("sk-mg-").split(".")[0]
    assert key_id in listed and "nurse-portal" in listed and key.split(".")[1] not in listed
    assert _run(["keys", "revoke", key_id], home).returncode == 0
    assert _run(["keys", "revoke", key_id], home).returncode == 1
    time.sleep(5.2)   # key_cache_seconds: the running server learns of the revocation
    with pytest.raises(openai.AuthenticationError):
        client.chat.completions.create(model="medgate-local", messages=[{"role": "user", "content": "x"}])
    proc.terminate()
    banner = proc.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}/v1" in banner and str(key_file) in banner
    assert f"$(cat {key_file})" in banner                    # a curl that works, no secret printed
    assert key_file.read_text().strip() not in banner


def test_serve_refuses_a_bad_config(tmp_path):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("model_list:\n  - model_name: x\n    litellm_params: {model: openai/x, api_key: os.environ/NOPE_KEY}\n")
    result = _run(["serve", "--config", str(cfg), "--port", str(free_port())], tmp_path)
    assert result.returncode == 2
    assert "config error" in result.stderr and "NOPE_KEY" in result.stderr and "bad.yaml" in result.stderr


def test_keys_create_rejects_unknown_role(tmp_path):
    result = _run(["keys", "create", "--app", "x", "--role", "root"], tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr
