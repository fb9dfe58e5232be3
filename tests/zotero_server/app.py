"""The HTTP side of the test server: a werkzeug WSGI app speaking the Zotero Web API v3.

Routes, authentication, paging (`limit`/`start`, `Total-Results`, `Link`), conditional requests
(`If-Unmodified-Since-Version`, `Zotero-Write-Token`) and fault injection; the write rules
themselves are in store.py.
"""
from __future__ import annotations

import copy
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from tests.zotero_server.faults import Fault, Faults
from tests.zotero_server.responses import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    drop_connection,
    fault_response,
    json_response,
    links,
    seconds,
    type_matches,
)
from tests.zotero_server.store import MAX_WRITE_OBJECTS, Library, item_types, schema

MAX_ITEM_KEYS = 50


@dataclass
class ApiKey:
    """An API key and what it may do: group id -> write allowed."""

    key: str
    user_id: int = 1
    username: str = "tester"
    groups: dict[int, bool] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "userID": self.user_id, "username": self.username,
                "access": {"user": {"library": True, "files": True, "notes": True, "write": True},
                           "groups": {str(gid): {"library": True, "write": write}
                                      for gid, write in self.groups.items()}}}


class ApiError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


URLS = Map([
    Rule("/keys/current", endpoint="key_current"),
    Rule("/keys/<key>", endpoint="key_info"),
    Rule("/itemTypes", endpoint="item_types"),
    Rule("/itemFields", endpoint="item_fields"),
    Rule("/creatorFields", endpoint="creator_fields"),
    Rule("/itemTypeFields", endpoint="item_type_fields"),
    Rule("/itemTypeCreatorTypes", endpoint="item_type_creator_types"),
    Rule("/items/new", endpoint="new_item"),
    Rule("/schema", endpoint="schema"),
    Rule("/groups/<int:group>/items", endpoint="items", methods=["GET", "POST", "DELETE"]),
    Rule("/groups/<int:group>/items/top", endpoint="items_top"),
    Rule("/groups/<int:group>/items/<key>", endpoint="item", methods=["GET", "PUT", "PATCH", "DELETE"]),
    Rule("/groups/<int:group>/items/<key>/children", endpoint="children"),
    Rule("/groups/<int:group>/collections", endpoint="collections", methods=["GET", "POST", "DELETE"]),
    Rule("/groups/<int:group>/deleted", endpoint="deleted"),
    Rule("/groups/<int:group>/collections/top", endpoint="collections_top"),
    Rule("/groups/<int:group>/collections/<key>", endpoint="collection"),
    Rule("/groups/<int:group>/collections/<key>/items", endpoint="collection_items"),
    Rule("/groups/<int:group>/collections/<key>/items/top", endpoint="collection_items_top"),
], strict_slashes=False)


class ZoteroApp:
    """The WSGI application. Tests reach its libraries, keys, faults and request log directly."""

    def __init__(self, keys: list[ApiKey], libraries: list[Library]) -> None:
        self.keys = {k.key: k for k in keys}
        self.libraries = {lib.id: lib for lib in libraries}
        self.faults = Faults()
        self.requests: list[dict[str, Any]] = []
        self._log_lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        arrived = time.monotonic()
        response = self.dispatch(request)
        with self._log_lock:
            self.requests.append({"method": request.method, "path": request.path, "query": dict(request.args),
                                  "status": response.status_code, "time": arrived})
        return response(environ, start_response)

    def dispatch(self, request: Request) -> Response:
        fault = self.faults.take(request.method, request.path)
        try:
            if fault and fault.kind in ("rate-limit", "server-error", "unavailable"):
                return fault_response(fault)
            adapter = URLS.bind_to_environ(request.environ)
            endpoint, args = adapter.match()
            response = getattr(self, f"on_{endpoint}")(request, fault=fault, **args)
        except ApiError as error:
            response = Response(error.message, error.status, error.headers, mimetype="text/plain")
        except NotFound:
            response = Response("Not found", 404, mimetype="text/plain")
        except HTTPException as error:
            response = Response(error.description or "", error.code or 400, mimetype="text/plain")
        response.headers["Zotero-API-Version"] = "3"
        response.headers["Zotero-Schema-Version"] = str(schema()["version"])
        if fault and fault.kind == "backoff":
            response.headers["Backoff"] = seconds(fault.seconds)
        if fault and fault.kind == "drop-after-commit":
            drop_connection(request)
        return response

    # -- auth -----------------------------------------------------------------------------------

    def _key(self, request: Request) -> ApiKey:
        auth = request.headers.get("Authorization", "")
        given = request.headers.get("Zotero-API-Key") or request.args.get("key")
        if auth.startswith("Bearer "):
            given = auth[len("Bearer "):].strip()
        if not given:
            raise ApiError(403, "Forbidden")
        key = self.keys.get(given)
        if key is None:
            raise ApiError(403, "Invalid key")
        return key

    def _library(self, request: Request, group: int, *, write: bool = False) -> Library:
        key = self._key(request)
        if group not in self.libraries:
            raise ApiError(404, "Group not found")
        if group not in key.groups:
            raise ApiError(403, "Forbidden")
        if write and not key.groups[group]:
            raise ApiError(403, "Write access denied")
        return self.libraries[group]

    # -- key and schema routes ------------------------------------------------------------------

    def on_key_current(self, request: Request, fault: Fault | None) -> Response:
        return json_response(self._key(request).to_json())

    def on_key_info(self, request: Request, fault: Fault | None, key: str) -> Response:
        if key not in self.keys:
            raise ApiError(404, "Key not found")
        return json_response(self.keys[key].to_json())

    def on_item_types(self, request: Request, fault: Fault | None) -> Response:
        return json_response([{"itemType": t, "localized": t} for t in item_types()])

    def on_item_fields(self, request: Request, fault: Fault | None) -> Response:
        names = sorted({f for fields, _ in item_types().values() for f in fields})
        return json_response([{"field": f, "localized": f} for f in names])

    def on_creator_fields(self, request: Request, fault: Fault | None) -> Response:
        return json_response([{"field": f, "localized": f} for f in ("firstName", "lastName", "name")])

    def _item_type_arg(self, request: Request) -> str:
        item_type = request.args.get("itemType", "")
        if item_type not in item_types():
            raise ApiError(400, f"Invalid item type '{item_type}'")
        return item_type

    def on_item_type_fields(self, request: Request, fault: Fault | None) -> Response:
        entry = next(e for e in schema()["itemTypes"] if e["itemType"] == self._item_type_arg(request))
        return json_response([{"field": f["field"], "localized": f["field"]} for f in entry["fields"]])

    def on_item_type_creator_types(self, request: Request, fault: Fault | None) -> Response:
        entry = next(e for e in schema()["itemTypes"] if e["itemType"] == self._item_type_arg(request))
        return json_response([{"creatorType": c["creatorType"], "localized": c["creatorType"]}
                      for c in entry["creatorTypes"]])

    def on_new_item(self, request: Request, fault: Fault | None) -> Response:
        item_type = self._item_type_arg(request)
        entry = next(e for e in schema()["itemTypes"] if e["itemType"] == item_type)
        template: dict[str, Any] = {"itemType": item_type}
        if entry["creatorTypes"]:
            primary = next((c for c in entry["creatorTypes"] if c.get("primary")), entry["creatorTypes"][0])
            template["creators"] = [{"creatorType": primary["creatorType"], "firstName": "", "lastName": ""}]
        template.update({f["field"]: "" for f in entry["fields"]})
        if item_type == "note":
            template["note"] = ""
        template.update({"tags": [], "collections": [], "relations": {}})
        return json_response(template)

    def on_schema(self, request: Request, fault: Fault | None) -> Response:
        return json_response(schema())

    # -- reads ----------------------------------------------------------------------------------

    def on_items(self, request: Request, fault: Fault | None, group: int) -> Response:
        if request.method == "POST":
            return self._write(request, group, "items", fault)
        if request.method == "DELETE":
            return self._delete(request, group, "items", request.args.get("itemKey", "").split(","))
        library = self._library(request, group)
        return self._list(request, library, "items", list(library.items.values()))

    def on_items_top(self, request: Request, fault: Fault | None, group: int) -> Response:
        library = self._library(request, group)
        return self._list(request, library, "items",
                          [i for i in library.items.values() if not i.get("parentItem")])

    def on_item(self, request: Request, fault: Fault | None, group: int, key: str) -> Response:
        if request.method in ("PUT", "PATCH"):
            return self._write_one(request, group, key)
        if request.method == "DELETE":
            return self._delete(request, group, "items", [key])
        library = self._library(request, group)
        if key not in library.items:
            raise ApiError(404, "Item not found")
        response = json_response(library.envelope("items", library.items[key], request.host_url.rstrip("/")))
        response.headers["Last-Modified-Version"] = str(library.items[key]["version"])
        return response

    def on_children(self, request: Request, fault: Fault | None, group: int, key: str) -> Response:
        library = self._library(request, group)
        if key not in library.items:
            raise ApiError(404, "Item not found")
        return self._list(request, library, "items",
                          [i for i in library.items.values() if i.get("parentItem") == key])

    def on_collections(self, request: Request, fault: Fault | None, group: int) -> Response:
        if request.method == "POST":
            return self._write(request, group, "collections", fault)
        if request.method == "DELETE":
            return self._delete(request, group, "collections", request.args.get("collectionKey", "").split(","))
        library = self._library(request, group)
        return self._list(request, library, "collections", list(library.collections.values()))

    def on_collections_top(self, request: Request, fault: Fault | None, group: int) -> Response:
        library = self._library(request, group)
        return self._list(request, library, "collections",
                          [c for c in library.collections.values() if not c.get("parentCollection")])

    def on_collection(self, request: Request, fault: Fault | None, group: int, key: str) -> Response:
        library = self._library(request, group)
        if key not in library.collections:
            raise ApiError(404, "Collection not found")
        return json_response(library.envelope("collections", library.collections[key], request.host_url.rstrip("/")))

    def on_collection_items(self, request: Request, fault: Fault | None, group: int, key: str,
                            top: bool = False) -> Response:
        library = self._library(request, group)
        if key not in library.collections:
            raise ApiError(404, "Collection not found")
        items = [i for i in library.items.values() if key in i.get("collections", [])
                 and not (top and i.get("parentItem"))]
        return self._list(request, library, "items", items)

    def on_collection_items_top(self, request: Request, fault: Fault | None, group: int, key: str) -> Response:
        return self.on_collection_items(request, fault, group, key, top=True)

    def _list(self, request: Request, library: Library, kind: str, objects: list[dict[str, Any]]) -> Response:
        """A multi-object read: filters, then paging with Total-Results and Link headers."""
        args = request.args
        with library.lock:
            if "If-Modified-Since-Version" in request.headers:
                if library.version <= int(request.headers["If-Modified-Since-Version"]):
                    return Response(status=304, headers={"Last-Modified-Version": str(library.version)})
            objects = [copy.deepcopy(o) for o in objects]
            version = library.version
        if "since" in args:
            objects = [o for o in objects if o["version"] > int(args["since"])]
        if args.get("itemKey") or args.get("collectionKey"):
            wanted = (args.get("itemKey") or args.get("collectionKey") or "").split(",")
            if len(wanted) > MAX_ITEM_KEYS:
                raise ApiError(400, f"Only {MAX_ITEM_KEYS} keys can be given at a time")
            objects = [o for o in objects if o["key"] in wanted]
        if args.get("itemType"):
            objects = [o for o in objects if type_matches(args["itemType"], o.get("itemType", ""))]
        if args.get("tag"):
            objects = [o for o in objects if args["tag"] in {t.get("tag") for t in o.get("tags", [])}]
        fmt = args.get("format", "json")
        if fmt in ("versions", "keys") and "limit" not in args:
            page, total = objects, len(objects)
        else:
            limit = min(int(args.get("limit") or DEFAULT_LIMIT), MAX_LIMIT)
            start = int(args.get("start") or 0)
            page, total = objects[start:start + limit], len(objects)
        base = request.host_url.rstrip("/")
        if fmt == "versions":
            response = json_response({o["key"]: o["version"] for o in page})
        elif fmt == "keys":
            response = Response("\n".join(o["key"] for o in page) + "\n", mimetype="text/plain")
        elif fmt == "json":
            with library.lock:
                counts = library.counts(kind)
            response = json_response([library.envelope(kind, o, base, counts) for o in page])
        else:
            raise ApiError(400, f"Invalid 'format' value '{fmt}'")
        response.headers["Total-Results"] = str(total)
        response.headers["Last-Modified-Version"] = str(version)
        if fmt == "json":
            response.headers["Link"] = links(base + request.path, dict(args), total)
        return response

    # -- writes ---------------------------------------------------------------------------------

    def _write(self, request: Request, group: int, kind: str, fault: Fault | None) -> Response:
        library = self._library(request, group, write=True)
        try:
            objects = json.loads(request.get_data(as_text=True) or "null")
        except json.JSONDecodeError as error:
            raise ApiError(400, f"Invalid JSON: {error.msg}") from None
        if not isinstance(objects, list):
            raise ApiError(400, "Uploaded data must be a JSON array")
        if len(objects) > MAX_WRITE_OBJECTS:
            raise ApiError(413, f"Only {MAX_WRITE_OBJECTS} objects can be saved in a single request")
        if fault and fault.kind == "concurrent-edit":
            target = fault.key or next((o.get("key") for o in objects if isinstance(o, dict)
                                        and o.get("key") in library.items), None)
            if target in library.items:
                library.edit_as_other_user(target, fault.changes)
        token = request.headers.get("Zotero-Write-Token")
        header = request.headers.get("If-Unmodified-Since-Version")
        with library.lock:
            if token and token in library.write_tokens:
                raise ApiError(412, "Write token already used")
            if header is not None and library.version > int(header):
                raise ApiError(412, f"Library has been modified since specified version "
                                    f"(expected {header}, found {library.version})")
            result = library.write(kind, objects, header_version=None if header is None else int(header),
                                   base_url=request.host_url.rstrip("/"))
            if token:
                library.write_tokens.add(token)
            version = library.version
        response = json_response(result.to_json())
        response.headers["Last-Modified-Version"] = str(version)
        return response

    def on_deleted(self, request: Request, fault: Fault | None, group: int) -> Response:
        library = self._library(request, group)
        if "since" not in request.args:
            raise ApiError(400, "'since' parameter must be provided")
        response = json_response(library.deleted_since(int(request.args["since"])))
        response.headers["Last-Modified-Version"] = str(library.version)
        return response

    def _delete(self, request: Request, group: int, kind: str, keys: list[str]) -> Response:
        """DELETE needs If-Unmodified-Since-Version (428 without, 412 when stale): 204."""
        library = self._library(request, group, write=True)
        header = request.headers.get("If-Unmodified-Since-Version")
        if header is None:
            raise ApiError(428, "If-Unmodified-Since-Version not provided")
        keys = [k for k in keys if k]
        if len(keys) > MAX_ITEM_KEYS:
            raise ApiError(413, f"Only {MAX_ITEM_KEYS} objects can be deleted in a single request")
        with library.lock:
            store = library.objects(kind)
            # A single-object DELETE compares with the object's version, a multi-object one with the library's.
            current = store[keys[0]]["version"] if len(keys) == 1 and keys[0] in store and \
                request.path.rstrip("/").endswith(keys[0]) else library.version
            if int(header) < current:
                raise ApiError(412, f"Library has been modified since specified version (expected {header}, "
                                    f"found {current})")
            version = library.delete(kind, keys)
        return Response(status=204, headers={"Last-Modified-Version": str(version)})

    def _write_one(self, request: Request, group: int, key: str) -> Response:
        """PUT/PATCH of one item (pyzotero's update_item): 204, or the object's failure as status."""
        library = self._library(request, group, write=True)
        try:
            data = json.loads(request.get_data(as_text=True) or "null")
        except json.JSONDecodeError as error:
            raise ApiError(400, f"Invalid JSON: {error.msg}") from None
        if not isinstance(data, dict):
            raise ApiError(400, "Uploaded data must be a JSON object")
        header = request.headers.get("If-Unmodified-Since-Version")
        data = {**data, "key": key}
        if header is not None:
            data.setdefault("version", int(header))
        if key not in library.items:
            raise ApiError(404, "Item not found")
        result = library.write("items", [data], header_version=None)
        if result.failed:
            failure = result.failed["0"]
            raise ApiError(failure["code"], failure["message"])
        return Response(status=204, headers={"Last-Modified-Version": str(library.version)})
