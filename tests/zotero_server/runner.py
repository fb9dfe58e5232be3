"""Run the test server on 127.0.0.1 in a background thread, on a free port, for one test or bench."""
from __future__ import annotations

import logging
import threading
from typing import Any

from werkzeug.serving import WSGIRequestHandler, make_server

from tests.zotero_server.app import ApiKey, ZoteroApp
from tests.zotero_server.faults import Faults
from tests.zotero_server.store import Library


class _QuietHandler(WSGIRequestHandler):
    """No access log on stderr: tests read the app's own request log instead."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass

    def log(self, *args: Any, **kwargs: Any) -> None:
        pass


class ZoteroTestServer:
    """`with ZoteroTestServer(group_id=..., keys=...) as server:` serves at `server.url`."""

    def __init__(self, *, group_id: int = 4711, keys: list[ApiKey] | None = None,
                 port: int = 0, extra_groups: tuple[int, ...] = ()) -> None:
        self.group_id = group_id
        libraries = [Library(group_id)] + [Library(gid) for gid in extra_groups]
        self.app = ZoteroApp(keys or [], libraries)
        self._server = make_server("127.0.0.1", port, self.app, threaded=True,
                                   request_handler=_QuietHandler)
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None
        logging.getLogger("werkzeug").setLevel(logging.ERROR)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def port(self) -> int:
        return int(self._server.server_port)

    @property
    def library(self) -> Library:
        return self.app.libraries[self.group_id]

    @property
    def faults(self) -> Faults:
        return self.app.faults

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.app.requests

    def start(self) -> ZoteroTestServer:
        self._thread = threading.Thread(target=self._server.serve_forever, name="zotero-test-server",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def __enter__(self) -> ZoteroTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
