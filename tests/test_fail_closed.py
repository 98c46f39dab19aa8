"""If the audit store is down, nothing is answered: no reply leaves without its record."""
from __future__ import annotations

import openai
import pytest

from gateway.audit.store import AuditStore
from gateway.db import make_engine
from tests.servers import MASTER_KEY, GatewayServer, upstream_config


def test_audit_store_down_fails_closed(upstream, tmp_path):
    with GatewayServer(tmp_path, upstream_config(upstream.base_url)) as gw:
        # A real PostgreSQL URL on a port nothing listens on.
        gw.pipeline.audit = AuditStore(make_engine("postgresql+psycopg://medgate@127.0.0.1:1/test"),
                                      hmac_key=b"k")
        client = openai.OpenAI(base_url=gw.base_url, api_key=MASTER_KEY, max_retries=0)
        with pytest.raises(openai.APIStatusError) as exc:
            client.chat.completions.create(model="clinical-gpt", messages=[{"role": "user", "content": "INR 4.2"}])
        assert exc.value.status_code == 503 and exc.value.body["code"] == "audit_unavailable"
        assert "INR" not in str(exc.value.body)
