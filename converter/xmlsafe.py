"""XML from untrusted files (.docx parts, CSL styles and locales): no entities, no network.

Every XML parse in bibconv goes through `parse_xml`, so that an external entity in a style or a
document can never read a local file or reach the network (XXE), and an entity-expansion bomb is
not expanded.
"""
from __future__ import annotations

from lxml import etree

MAX_XML_BYTES = 64 * 1024 * 1024


class UnsafeXMLError(ValueError):
    """The XML is too large or uses a DTD/entity feature we refuse."""


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


def parse_xml(data: bytes, *, name: str = "XML") -> etree._Element:
    """Parse bytes into an element tree with entity resolution and network access disabled."""
    if len(data) > MAX_XML_BYTES:
        raise UnsafeXMLError(f"{name} is larger than {MAX_XML_BYTES // 2**20} MiB")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        raise UnsafeXMLError(f"{name} is not well-formed XML: {error}") from None
    doctype = root.getroottree().docinfo.internalDTD
    if doctype is not None and any(True for _ in doctype.iterentities()):
        raise UnsafeXMLError(f"{name} declares entities; entity declarations are refused")
    return root
