"""Response helpers of the test server: JSON bodies, Link headers, injected faults."""
from __future__ import annotations

import json
import socket
from typing import Any
from urllib.parse import urlencode

from werkzeug.wrappers import Request, Response

from tests.zotero_server.faults import Fault

DEFAULT_LIMIT = 25
MAX_LIMIT = 100


def json_response(data: Any) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), mimetype="application/json")


def seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def fault_response(fault: Fault) -> Response:
    if fault.kind == "rate-limit":
        return Response("Rate limit exceeded", 429, {"Retry-After": seconds(fault.seconds)},
                        mimetype="text/plain")
    if fault.kind == "unavailable":
        return Response("Service unavailable", 503, {"Retry-After": seconds(fault.seconds)},
                        mimetype="text/plain")
    return Response("An error occurred", 500, mimetype="text/plain")


def drop_connection(request: Request) -> None:
    """Close the client's socket after the request was handled: the write stays committed, but
    the client never hears about it."""
    sock = request.environ.get("werkzeug.socket")
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def type_matches(expression: str, item_type: str) -> bool:
    if expression.startswith("-"):
        return item_type != expression[1:]
    return item_type in [part.strip() for part in expression.split("||")]


def links(url: str, args: dict[str, str], total: int) -> str:
    limit = min(int(args.get("limit") or DEFAULT_LIMIT), MAX_LIMIT)
    start = int(args.get("start") or 0)

    def at(position: int) -> str:
        query = {k: v for k, v in args.items() if k != "key"} | {"start": str(position)}
        if position == 0:
            query.pop("start")
        return f"{url}?{urlencode(query)}" if query else url

    links = []
    if start > 0:
        links.append(f'<{at(0)}>; rel="first"')
        links.append(f'<{at(max(0, start - limit))}>; rel="prev"')
    if start + limit < total:
        links.append(f'<{at(start + limit)}>; rel="next"')
        links.append(f'<{at(max(0, (total - 1) // limit * limit))}>; rel="last"')
    links.append(f'<{url}>; rel="alternate"')
    return ", ".join(links)
