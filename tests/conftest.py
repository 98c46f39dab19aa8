import os

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")   # no network at test time

import openai
import pytest

from tests.fake_upstream import FakeUpstream
from tests.servers import MASTER_KEY, GatewayServer, upstream_config


@pytest.fixture(scope="session")
def upstream():
    with FakeUpstream() as up:
        yield up


@pytest.fixture(autouse=False)
def fresh_upstream(upstream):
    upstream.reset()
    yield upstream
    upstream.reset()


@pytest.fixture(scope="session", params=[True, False], ids=["fast-path", "litellm-router"])
def gateway(request, upstream, tmp_path_factory):
    """A gateway in front of the fake upstream, once on the fast path and once through
    litellm's Router: both must behave the same for clients."""
    home = tmp_path_factory.mktemp(f"gw-{request.param_index}")
    with GatewayServer(home, upstream_config(upstream.base_url, fast_path=request.param)) as gw:
        yield gw


@pytest.fixture()
def client(gateway, fresh_upstream):
    return openai.OpenAI(base_url=gateway.base_url, api_key=MASTER_KEY, max_retries=0, timeout=20)
