"""OSS XML bodies, exactly as oss2's ``xml_utils`` reads and writes them: no namespace, ``IsTruncated`` as
lower-case ``true``/``false``, timestamps as ``YYYY-MM-DDTHH:MM:SS.000Z``, ETags quoted."""

from __future__ import annotations

from urllib.parse import quote
from xml.etree import ElementTree

from vodgui.sandbox.clock import iso_millis
from vodgui.sandbox.oss import errors
from vodgui.sandbox.oss.models import MAX_PART_NUMBER, PartMeta


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, tag).text = text


def _key(key: str, url_encoded: bool) -> str:
    # With encoding-type=url OSS percent-encodes keys in XML (oss2 unquotes them); "/" is kept.
    return quote(key, safe="/") if url_encoded else key


def initiate_result(bucket: str, key: str, upload_id: str, url_encoded: bool) -> bytes:
    root = ElementTree.Element("InitiateMultipartUploadResult")
    _text(root, "Bucket", bucket)
    _text(root, "Key", _key(key, url_encoded))
    _text(root, "UploadId", upload_id)
    if url_encoded:
        _text(root, "EncodingType", "url")
    return errors.xml_document(root)


def list_parts_result(bucket: str, key: str, upload_id: str, marker: int, max_parts: int,
                      page: list[PartMeta], truncated: bool, url_encoded: bool) -> bytes:
    root = ElementTree.Element("ListPartsResult")
    _text(root, "Bucket", bucket)
    _text(root, "Key", _key(key, url_encoded))
    _text(root, "UploadId", upload_id)
    _text(root, "StorageClass", "Standard")
    _text(root, "PartNumberMarker", str(marker))
    # oss2 requires NextPartNumberMarker even on the last page: the last part number listed (0 if none).
    _text(root, "NextPartNumberMarker", str(page[-1].number if page else 0))
    _text(root, "MaxParts", str(max_parts))
    _text(root, "IsTruncated", "true" if truncated else "false")
    if url_encoded:
        _text(root, "EncodingType", "url")
    for part in page:
        node = ElementTree.SubElement(root, "Part")
        _text(node, "PartNumber", str(part.number))
        _text(node, "LastModified", iso_millis(part.last_modified))
        _text(node, "ETag", part.etag)
        _text(node, "HashCrc64ecma", str(part.crc64))
        _text(node, "Size", str(part.size))
    return errors.xml_document(root)


def complete_result(location: str, bucket: str, key: str, etag: str, url_encoded: bool) -> bytes:
    root = ElementTree.Element("CompleteMultipartUploadResult")
    if url_encoded:
        _text(root, "EncodingType", "url")
    _text(root, "Location", location)
    _text(root, "Bucket", bucket)
    _text(root, "Key", _key(key, url_encoded))
    _text(root, "ETag", etag)
    return errors.xml_document(root)


def list_buckets_result(owner_id: str) -> bytes:
    root = ElementTree.Element("ListAllMyBucketsResult")
    owner = ElementTree.SubElement(root, "Owner")
    _text(owner, "ID", owner_id)
    _text(owner, "DisplayName", owner_id)
    ElementTree.SubElement(root, "Buckets")
    return errors.xml_document(root)


def parse_complete(body: bytes) -> list[tuple[int, str]]:
    """``[(part number, etag), ...]`` from a ``<CompleteMultipartUpload>`` body, in document order.

    Anything but a well-formed document of ``<Part><PartNumber/><ETag/></Part>`` entries is MalformedXML.
    """
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        raise errors.malformed_xml() from None
    if root.tag != "CompleteMultipartUpload":
        raise errors.malformed_xml()
    listed: list[tuple[int, str]] = []
    for node in root:
        if node.tag != "Part":
            raise errors.malformed_xml()
        number_node = node.find("PartNumber")
        etag_node = node.find("ETag")
        if number_node is None or etag_node is None or not (number_node.text or "").strip():
            raise errors.malformed_xml()
        try:
            number = int((number_node.text or "").strip())
        except ValueError:
            raise errors.malformed_xml() from None
        etag = (etag_node.text or "").strip()
        if not 1 <= number <= MAX_PART_NUMBER:
            raise errors.invalid_part(number, etag)
        listed.append((number, etag))
    if not listed:
        raise errors.malformed_xml()
    return listed
