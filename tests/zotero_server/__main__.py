"""`python -m tests.zotero_server --port N`: serve one group library until interrupted.

The API key it accepts is read from ZOTERO_API_KEY (or --api-key-file), so that `make demo` can
hand the same key to the server and to `bibconv push` without printing it.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tests.zotero_server.app import ApiKey
from tests.zotero_server.runner import ZoteroTestServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.zotero_server", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    parser.add_argument("--group", type=int, default=4711, help="the group library's id")
    parser.add_argument("--api-key-file", type=Path, help="file holding the accepted key")
    parser.add_argument("--read-only", action="store_true", help="the key may read but not write")
    parser.add_argument("--url-file", type=Path, help="write the server's URL here once it listens")
    args = parser.parse_args(argv)
    key = args.api_key_file.read_text("utf-8").strip() if args.api_key_file else os.environ.get("ZOTERO_API_KEY")
    if not key:
        parser.error("set ZOTERO_API_KEY or give --api-key-file")
    server = ZoteroTestServer(group_id=args.group, port=args.port,
                              keys=[ApiKey(key, groups={args.group: not args.read_only})])
    print(f"zotero test server: {server.url} (group {args.group})", file=sys.stderr, flush=True)
    if args.url_file:
        args.url_file.write_text(server.url + "\n", encoding="utf-8")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
