"""OSS errors: the exception the OSS model and handlers raise, and its wire form.

An OSS error is an XML document without namespace (oss2's ``_parse_error_body`` reads every child of
``<Error>`` into ``e.details``)::

    <?xml version="1.0" encoding="UTF-8"?>
    <Error><Code>..</Code><Message>..</Message><RequestId>..</RequestId><HostId>..</HostId>...<EC>..</EC></Error>

HEAD responses carry no body, so OSS puts the same document base64-encoded in the ``x-oss-err`` header; oss2
decodes it when the body is empty. The ``EC`` (error centre code) is also sent as ``x-oss-ec``.

Codes, messages and ECs follow the OSS documentation (see docs/protocols.md, 'OSS error codes'); where a text
could not be confirmed the S3 wording OSS mirrors is used and marked UNCONFIRMED below.
"""

from __future__ import annotations

import base64
from xml.etree import ElementTree

from vodgui.sandbox.http import Response


class OssError(Exception):
    """An OSS error response: HTTP status, ``Code``, ``Message``, extra ``<Error>`` children and the EC."""

    def __init__(self, status: int, code: str, message: str, *, ec: str = "",
                 details: dict[str, str] | None = None, close: bool = False) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.ec = ec
        self.details = dict(details or {})
        #: Close the connection after answering (the request body cannot be skipped, e.g. chunked).
        self.close = close


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def xml_document(root: ElementTree.Element) -> bytes:
    """``root`` as an OSS XML body: the UTF-8 declaration on its own line, then the element."""
    text: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return _DECLARATION + text


def error_xml(code: str, message: str, request_id: str, host_id: str, details: dict[str, str] | None = None,
              ec: str = "") -> bytes:
    root = ElementTree.Element("Error")
    ElementTree.SubElement(root, "Code").text = code
    ElementTree.SubElement(root, "Message").text = message
    ElementTree.SubElement(root, "RequestId").text = request_id
    ElementTree.SubElement(root, "HostId").text = host_id
    for name, value in (details or {}).items():
        ElementTree.SubElement(root, name).text = value
    if ec:
        ElementTree.SubElement(root, "EC").text = ec
    return xml_document(root)


def error_response(method: str, request_id: str, host_id: str, err: OssError) -> Response:
    """The wire response for ``err``: XML body, or for HEAD an empty body and the ``x-oss-err`` header."""
    body = error_xml(err.code, err.message, request_id, host_id, err.details, err.ec)
    headers = [("x-oss-request-id", request_id)]
    if err.ec:
        headers.append(("x-oss-ec", err.ec))
    if method == "HEAD":
        headers.append(("x-oss-err", base64.b64encode(body).decode("ascii")))
        return Response(err.status, headers, b"", close=err.close)
    headers.append(("Content-Type", "application/xml"))
    return Response(err.status, headers, body, close=err.close)


# -- the errors, by name

def access_denied(message: str, ec: str = "0003-00000001", **details: str) -> OssError:
    return OssError(403, "AccessDenied", message, ec=ec, details=details)


def anonymous_denied() -> OssError:
    return access_denied("You have no right to access this object because of bucket acl.")


def bucket_not_yours() -> OssError:
    return access_denied("The bucket you access does not belong to you.")


def acceleration_not_enabled() -> OssError:
    # A request on an accelerate endpoint for a bucket without transfer acceleration. UNCONFIRMED: neither the
    # code nor the text is documented (docs/protocols.md, "Upload acceleration"); OSS answers AccessDenied for
    # the other "this endpoint is not for this bucket" cases, so we do too.
    return access_denied("Transfer acceleration is not enabled for this bucket.")


def denied_by_token_policy() -> OssError:
    # What OSS answers when an STS token's session policy does not cover the request (EC 0003-00000301).
    return access_denied("Access denied by authorizer's policy.", ec="0003-00000301")


def invalid_access_key_id(access_key_id: str, *, disabled: bool = False, sts: bool = False) -> OssError:
    message = ("The OSS Access Key Id you provided is disabled." if disabled  # UNCONFIRMED text
               else "The OSS Access Key Id you provided does not exist in our records.")
    return OssError(403, "InvalidAccessKeyId", message, ec="0002-00000002" if sts else "",
                    details={"OSSAccessKeyId": access_key_id})


def security_token_expired() -> OssError:
    return OssError(403, "SecurityTokenExpired", "The security token you provided has expired.",
                    ec="0002-00000007")


def invalid_security_token() -> OssError:
    return OssError(403, "InvalidSecurityToken", "The security token you provided is invalid.",
                    ec="0002-00000006")


def signature_mismatch(access_key_id: str, provided: str, string_to_sign: str,
                       canonical_request: str | None = None) -> OssError:
    details = {"OSSAccessKeyId": access_key_id, "SignatureProvided": provided, "StringToSign": string_to_sign,
               "StringToSignBytes": "".join(f"{b:02X} " for b in string_to_sign.encode("utf-8"))}
    if canonical_request is not None:
        details["CanonicalRequest"] = canonical_request  # V4 (UNCONFIRMED element name)
    return OssError(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided. "
                    "Check your key and signing method.", ec="0002-00000040", details=details)


def time_too_skewed(request_time: str, server_time: str) -> OssError:
    return OssError(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.",
                    ec="0002-00000504", details={"RequestTime": request_time, "ServerTime": server_time})


def request_expired(expires: str, server_time: str) -> OssError:
    return access_denied("Request has expired.", ec="0002-00000069", Expires=expires, ServerTime=server_time)


def invalid_argument(message: str, ec: str = "", **details: str) -> OssError:
    return OssError(400, "InvalidArgument", message, ec=ec, details=details)


def no_such_bucket(bucket: str) -> OssError:
    return OssError(404, "NoSuchBucket", "The specified bucket does not exist.", ec="0015-00000101",
                    details={"BucketName": bucket})


def no_such_key(key: str) -> OssError:
    return OssError(404, "NoSuchKey", "The specified key does not exist.", ec="0026-00000001",
                    details={"Key": key})


def no_such_upload(upload_id: str) -> OssError:
    return OssError(404, "NoSuchUpload",
                    "The specified upload does not exist. The upload ID may be invalid, or the upload may "
                    "have been aborted or completed.", details={"UploadId": upload_id})


def invalid_part(part_number: int, etag: str) -> OssError:
    return OssError(400, "InvalidPart",
                    "One or more of the specified parts could not be found or the specified entity tag "
                    "might not have matched the part's entity tag.",
                    details={"PartNumber": str(part_number), "ETag": etag})


def invalid_part_order() -> OssError:
    # Message: S3's wording (UNCONFIRMED for OSS); EC from the OSS error centre.
    return OssError(400, "InvalidPartOrder",
                    "The list of parts was not in ascending order. The parts list must be specified in order "
                    "by part number.", ec="0042-00000209")


def entity_too_small(part_number: int, size: int, minimum: int) -> OssError:
    # Message and details: S3's wording (UNCONFIRMED for OSS); EC from the OSS error centre.
    return OssError(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.",
                    ec="0042-00000213", details={"ProposedSize": str(size), "MinSizeAllowed": str(minimum),
                                                 "PartNumber": str(part_number)})


def entity_too_large(size: int, maximum: int) -> OssError:
    return OssError(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.",
                    details={"ProposedSize": str(size), "MaxSizeAllowed": str(maximum)})


def malformed_xml() -> OssError:
    return OssError(400, "MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our published "
                    "schema.")


def invalid_digest(message: str = "The Content-MD5 you specified did not match what we received.",
                   **details: str) -> OssError:
    # Real OSS answers a mismatching Content-MD5 with InvalidDigest, not S3's BadDigest (oss2's own test
    # suite, test_upload_part_content_md5_bad, expects oss2.exceptions.InvalidDigest).
    return OssError(400, "InvalidDigest", message, details=details)


def missing_content_length() -> OssError:
    # The body cannot be skipped without a length: the connection must close after the answer.
    return OssError(411, "MissingContentLength", "You must provide the Content-Length HTTP header.",
                    close=True)


def invalid_object_name(message: str = "The specified object is not valid.") -> OssError:
    return OssError(400, "InvalidObjectName", message)


def invalid_bucket_name(bucket: str) -> OssError:
    return OssError(400, "InvalidBucketName", "The specified bucket is not valid.",
                    details={"BucketName": bucket})


def invalid_range(size: int) -> OssError:
    return OssError(416, "InvalidRange", "The requested range cannot be satisfied",
                    details={"ActualObjectSize": str(size)})


def precondition_failed(condition: str) -> OssError:
    return OssError(412, "PreconditionFailed",
                    "At least one of the pre-conditions you specified did not hold.",
                    details={"Condition": condition})


def file_already_exists() -> OssError:
    return OssError(409, "FileAlreadyExists",
                    "The object you specified already exists and can not be overwritten.")


def not_implemented(what: str) -> OssError:
    return OssError(501, "NotImplemented", f"The sandbox does not implement {what}.")


def method_not_allowed(method: str) -> OssError:
    return OssError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.",
                    details={"Method": method})
