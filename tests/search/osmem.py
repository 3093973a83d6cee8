"""Test-only transport node for osmem-server (an in-memory OpenSearch-API server).

The Elasticsearch 8/9 client sends `application/vnd.elasticsearch+json; compatible-with=N`
(and `…+x-ndjson` for bulk) as Accept/Content-Type; OpenSearch-API servers only understand
the plain mimetypes. This node rewrites those two headers before each request. Tests point
`LONTAR_SEARCH_NODE_CLASS` at it as "osmem.NodeJson" (tests/ has no __init__.py).
"""

from __future__ import annotations

import re
from typing import Any

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elastic_transport._node import NodeApiResponse
from elastic_transport.client_utils import DEFAULT

_VND = re.compile(r"application/vnd\.elasticsearch\+([\w.-]+)(?:\s*;\s*compatible-with=\d+)?")


def json_biasa(nilai: str) -> str:
    """`application/vnd.elasticsearch+json; compatible-with=8` → `application/json`."""
    return _VND.sub(r"application/\1", nilai)


class NodeJson(Urllib3HttpNode):
    """Urllib3 node that speaks plain JSON (no Elasticsearch compatibility mimetypes)."""

    def perform_request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: HttpHeaders | None = None,
        request_timeout: Any = DEFAULT,
    ) -> NodeApiResponse:
        if headers is not None:
            headers = headers.copy()
            for nama in ("accept", "content-type"):
                nilai = headers.get(nama)
                if nilai and "vnd.elasticsearch+" in nilai:
                    headers[nama] = json_biasa(nilai)
        return super().perform_request(method, target, body=body, headers=headers, request_timeout=request_timeout)
