from __future__ import annotations

from pathlib import Path

import pytest

from converter.xmlsafe import UnsafeXMLError, parse_xml


def test_plain_xml_parses() -> None:
    assert parse_xml(b"<style><info/></style>").tag == "style"


def test_external_entity_never_reads_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<s>&x;</s>").encode()
    try:
        root = parse_xml(xml)
    except UnsafeXMLError:
        return
    assert "TOP-SECRET" not in (root.text or "")


def test_entity_bomb_is_refused() -> None:
    xml = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
           b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>')
    with pytest.raises(UnsafeXMLError):
        parse_xml(xml)
