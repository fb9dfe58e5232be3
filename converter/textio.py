"""Bytes to text: UTF-8 first, then a detected encoding, never a silent replacement character."""
from __future__ import annotations

from charset_normalizer import from_bytes

from converter.model import Origin
from converter.report import Report


def decode(data: bytes, origin: Origin, report: Report) -> str:
    """Decode input bytes; a byte order mark is honoured, UTF-8 is preferred.

    When the bytes are not UTF-8, the encoding is detected; when nothing fits, the offending byte
    is named (line and column) and the text is decoded with replacement characters so that the
    rest of the input still converts.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:  # a UTF-16 byte order mark, then broken or odd-length data
            return _replaced(data, error, "UTF-16", "utf-16", origin, report)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = error
    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        return str(best)
    line = data.count(b"\n", 0, bad.start) + 1
    column = bad.start - (data.rfind(b"\n", 0, bad.start) + 1) + 1
    report.add("invalid-encoding",
               f"byte 0x{data[bad.start]:02x} is not valid UTF-8 and no other encoding fits; "
               "expected UTF-8 text", Origin(origin.file, line, column))
    return data.decode("utf-8", errors="replace")


def _replaced(data: bytes, bad: UnicodeDecodeError, name: str, codec: str, origin: Origin,
              report: Report) -> str:
    report.add("invalid-encoding", f"byte 0x{data[min(bad.start, len(data) - 1)]:02x} at offset {bad.start} is "
               f"not valid {name}; it was replaced", origin)
    return data.decode(codec, errors="replace")
