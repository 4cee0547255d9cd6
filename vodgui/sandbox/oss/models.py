"""Sandbox OSS state and rules: buckets, objects, multipart uploads and their parts. No HTTP here.

Every change is written through to the instance's :class:`~vodgui.sandbox.state.StateStore` (kinds
``oss_bucket``, ``oss_object``, ``oss_upload``, ``oss_part``) and bodies live under its blob directory, so a
sandbox with a data directory finds its objects and unfinished uploads again after a restart.

Heavy I/O (receiving a body, assembling an object) happens outside the model lock; only the bookkeeping that
makes a new version visible runs under it. Listeners (the VOD model) hear about an object only after its file
is in place and its record stored.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vodgui.sandbox.clock import iso_millis
from vodgui.sandbox.http import BodyReader
from vodgui.sandbox.oss import errors
from vodgui.sandbox.oss.crc64 import crc64_of_parts
from vodgui.sandbox.oss.storage import SPARSE_FILES, BlobStore, Ingested, Region, Segment, StaleWrite
from vodgui.sandbox.service import SandboxContext

log = logging.getLogger("vodgui.sandbox.oss")

MAX_PART_NUMBER = 10_000

_BUCKETS, _OBJECTS, _UPLOADS, _PARTS = "oss_bucket", "oss_object", "oss_upload", "oss_part"


@dataclass(frozen=True)
class ObjectMeta:
    """One stored object version. Never mutated: a new version is a new instance (and a new file)."""

    bucket: str
    key: str
    size: int
    #: Quoted upper-case hex: the MD5 for a single PUT, ``"<MD5 of the binary part MD5s>-<N>"`` for multipart.
    etag: str
    crc64: int
    content_type: str
    #: Logical clock time (``ctx.clock.now()``) of the write.
    last_modified: float
    path: Path
    #: Lower-case hex MD5 of the content; empty for multipart objects until :meth:`OssModel.view` computes it.
    md5: str = ""
    object_type: str = "Normal"  # "Normal" | "Multipart"
    #: Stored response headers: ``x-oss-meta-*``, Cache-Control, Content-Disposition, ...
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PartMeta:
    """One uploaded part: in its own file, or (``placed``) at ``offset`` of the upload's data file."""

    number: int
    size: int
    etag: str
    crc64: int
    md5: str
    last_modified: float
    path: Path
    offset: int = 0
    placed: bool = False


@dataclass
class Upload:
    upload_id: str
    bucket: str
    key: str
    content_type: str
    initiated: float
    headers: tuple[tuple[str, str], ...] = ()
    parts: dict[int, PartMeta] = field(default_factory=dict)
    #: Size of part 1, the size every non-last part has in practice; 0 until part 1 arrives. Parts of this
    #: size are written straight into the data file at ``(n - 1) * stride`` (see :mod:`.storage`).
    stride: int = 0
    #: Set once Complete has validated the part list, or by Abort: no part may be added from then on.
    closed: bool = False
    #: Part numbers currently being written into the data file (one writer per region).
    writing: set[int] = field(default_factory=set, repr=False)
    #: Serializes Complete and Abort of the same upload (a client retrying Complete waits for the first).
    finish_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: Held around each write into the data file and during assembly, so a stale writer cannot touch the
    #: file once Complete has started using it.
    region_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def quoted_etag(digest: bytes) -> str:
    return f'"{digest.hex().upper()}"'


def multipart_etag(part_md5s: list[str]) -> str:
    joined = b"".join(bytes.fromhex(m) for m in part_md5s)
    return f'"{hashlib.md5(joined).hexdigest().upper()}-{len(part_md5s)}"'


class OssModel:
    """The OSS of one sandbox instance."""

    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx
        self._lock = threading.RLock()
        self._listeners: list[Callable[[ObjectMeta], None]] = []
        self._buckets: dict[str, float] = {}
        self._objects: dict[tuple[str, str], ObjectMeta] = {}
        self._uploads: dict[str, Upload] = {}
        self._md5_cache: dict[Path, str] = {}
        self.blobs = BlobStore(ctx.store.blob_dir)
        ctx.store.keep_on_clear(_BUCKETS)
        self._load()

    # -- persistence -----------------------------------------------------------------------------------------
    def _load(self) -> None:
        store = self._ctx.store
        self.blobs.clean_tmp()
        for name, rec in store.load(_BUCKETS).items():
            self._buckets[name] = float(rec.get("created", 0.0))
        for rid, rec in store.load(_OBJECTS).items():
            meta = ObjectMeta(**{**rec, "path": self.blobs.absolute(rec["path"]),
                                 "headers": tuple(tuple(h) for h in rec.get("headers", ()))})
            if meta.path.is_file():
                self._objects[(meta.bucket, meta.key)] = meta
            else:
                log.warning("OSS object %s/%s lost its data file; forgetting it", meta.bucket, meta.key)
                store.delete(_OBJECTS, rid)
        for uid, rec in store.load(_UPLOADS).items():
            self._uploads[uid] = Upload(**{**rec, "headers": tuple(tuple(h) for h in rec.get("headers", ()))})

        for pid, rec in store.load(_PARTS).items():
            upload = self._uploads.get(rec["upload_id"])
            part = PartMeta(**{k: v for k, v in rec.items() if k != "upload_id"}
                            | {"path": self.blobs.absolute(rec["path"])})
            if upload is None or not part.path.is_file():
                store.delete(_PARTS, pid)
                continue
            upload.parts[part.number] = part

    def _save_object(self, meta: ObjectMeta) -> None:
        rec = asdict(meta)
        rec["path"] = self.blobs.relative(meta.path)
        self._ctx.store.put(_OBJECTS, f"{meta.bucket}/{meta.key}", rec)

    def _save_upload(self, upload: Upload) -> None:
        rec = {"upload_id": upload.upload_id, "bucket": upload.bucket, "key": upload.key,
               "content_type": upload.content_type, "initiated": upload.initiated,
               "headers": [list(h) for h in upload.headers], "stride": upload.stride}
        self._ctx.store.put(_UPLOADS, upload.upload_id, rec)

    def _save_part(self, upload_id: str, part: PartMeta) -> None:
        rec = asdict(part)
        rec["path"] = self.blobs.relative(part.path)
        rec["upload_id"] = upload_id
        self._ctx.store.put(_PARTS, f"{upload_id}/{part.number:05d}", rec)

    def _forget_upload(self, upload: Upload) -> None:
        store = self._ctx.store
        for number in upload.parts:
            store.delete(_PARTS, f"{upload.upload_id}/{number:05d}")
        store.delete(_UPLOADS, upload.upload_id)

    # -- contract used by the VOD model, the CDN and the control plane ---------------------------------------
    def ensure_bucket(self, name: str) -> None:
        """Create bucket ``name`` if needed (VOD's ``outin-...`` storage); requests to other buckets get
        NoSuchBucket. Idempotent: only a new bucket is written to the store, whose reset keeps bucket records
        (see :meth:`reset`)."""
        with self._lock:
            if name in self._buckets:
                return
            created = self._buckets[name] = self._ctx.clock.now()
            self._ctx.store.put(_BUCKETS, name, {"name": name, "created": created})

    def has_bucket(self, name: str) -> bool:
        with self._lock:
            return name in self._buckets

    def head(self, bucket: str, key: str) -> ObjectMeta | None:
        with self._lock:
            return self._objects.get((bucket, key))

    def keys(self, bucket: str, prefix: str = "") -> list[str]:
        """The keys of ``bucket`` starting with ``prefix``, sorted (an M3U8 video's playlist and segments)."""
        with self._lock:
            return sorted(k for b, k in self._objects if b == bucket and k.startswith(prefix))

    def delete(self, bucket: str, key: str) -> bool:
        """Remove an object and its data file; False if there was none."""
        with self._lock:
            meta = self._objects.pop((bucket, key), None)
            if meta is None:
                return False
            self._ctx.store.delete(_OBJECTS, f"{bucket}/{key}")
            self._md5_cache.pop(meta.path, None)
        self.blobs.discard(meta.path)
        return True

    def add_listener(self, fn: Callable[[ObjectMeta], None]) -> None:
        """Call ``fn(meta)`` after every successful PutObject and CompleteMultipartUpload."""
        with self._lock:
            self._listeners.append(fn)

    def remove_listener(self, fn: Callable[[ObjectMeta], None]) -> None:
        with self._lock:
            self._listeners = [f for f in self._listeners if f is not fn]

    def view(self, bucket: str, key: str) -> dict[str, Any] | None:
        """The control plane's read-only view of an object."""
        meta = self.head(bucket, key)
        if meta is None:
            return None
        return {"bucket": meta.bucket, "key": meta.key, "size": meta.size, "etag": meta.etag,
                "crc64": str(meta.crc64), "md5": self.content_md5(meta), "content_type": meta.content_type,
                "last_modified": iso_millis(meta.last_modified), "object_type": meta.object_type}

    def content_md5(self, meta: ObjectMeta) -> str:
        """The object's MD5 (hex); computed once from the file for multipart objects."""
        if meta.md5:
            return meta.md5
        with self._lock:
            cached = self._md5_cache.get(meta.path)
        if cached is None:
            digest = hashlib.md5()
            with open(meta.path, "rb") as f:
                while chunk := f.read(4 << 20):
                    digest.update(chunk)
            cached = digest.hexdigest()
            with self._lock:
                self._md5_cache[meta.path] = cached
        return cached

    def reset(self) -> None:
        """Forget objects and uploads. Buckets stay: they are VOD's storage infrastructure (like the account's
        ``outin-...`` buckets), created once by the VOD model.

        Only the server's reset calls this, and it clears the state store and every blob right after; bucket
        records survive that (registered with :meth:`StateStore.keep_on_clear`), like the buckets here.
        """
        with self._lock:
            self._objects.clear()
            self._uploads.clear()
            self._md5_cache.clear()

    def _notify(self, meta: ObjectMeta) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for fn in listeners:
            try:
                fn(meta)
            except Exception:  # a listener's bug must not turn a stored object into a failed request
                log.exception("OSS object listener %r failed for %s/%s", fn, meta.bucket, meta.key)

    # -- objects ---------------------------------------------------------------------------------------------
    def put_object(self, bucket: str, key: str, body: BodyReader, content_type: str,
                   headers: tuple[tuple[str, str], ...] = (), *, content_md5: bytes | None = None,
                   forbid_overwrite: bool = False) -> ObjectMeta:
        if forbid_overwrite and self.head(bucket, key) is not None:
            raise errors.file_already_exists()
        got = self.blobs.ingest(body)
        if content_md5 is not None and got.md5 != content_md5:
            self.blobs.discard(got.path)
            raise errors.invalid_digest()
        return self._store(bucket, key, got, content_type, headers, forbid_overwrite)

    def put_file(self, bucket: str, key: str, got: Ingested, content_type: str) -> ObjectMeta:
        """Store as an object a body already received into the blob store by :meth:`BlobStore.ingest` (a URL
        pull streams its download there): the temporary file becomes the object's file, nothing is copied.
        Listeners hear about it as about a PutObject."""
        return self._store(bucket, key, got, content_type, (), False)

    def _store(self, bucket: str, key: str, got: Ingested, content_type: str,
               headers: tuple[tuple[str, str], ...], forbid_overwrite: bool) -> ObjectMeta:
        dest = self.blobs.object_path(bucket, key)
        meta = ObjectMeta(bucket, key, got.size, quoted_etag(got.md5), got.crc64, content_type,
                          self._ctx.clock.now(), dest, md5=got.md5.hex(), headers=headers)
        with self._lock:
            if forbid_overwrite and (bucket, key) in self._objects:
                self.blobs.discard(got.path)
                raise errors.file_already_exists()
            self.blobs.commit(got.path, dest)
            old = self._objects.get((bucket, key))
            self._objects[(bucket, key)] = meta
            self._save_object(meta)
        if old is not None:
            self._drop_version(old)
        self._notify(meta)
        return meta

    def _drop_version(self, old: ObjectMeta) -> None:
        with self._lock:
            self._md5_cache.pop(old.path, None)
        self.blobs.discard(old.path)

    # -- multipart -------------------------------------------------------------------------------------------
    def initiate(self, bucket: str, key: str, content_type: str,
                 headers: tuple[tuple[str, str], ...] = ()) -> Upload:
        upload = Upload(self._ctx.ids.upload_id(), bucket, key, content_type, self._ctx.clock.now(), headers)
        with self._lock:
            self._uploads[upload.upload_id] = upload
            self._save_upload(upload)
        return upload

    def get_upload(self, upload_id: str, bucket: str, key: str) -> Upload:
        """The upload, if it exists for exactly this bucket and key (else NoSuchUpload, as OSS answers)."""
        with self._lock:
            upload = self._uploads.get(upload_id)
            if upload is None or upload.bucket != bucket or upload.key != key or upload.closed:
                raise errors.no_such_upload(upload_id)
            return upload

    def check_new_part(self, upload: Upload, number: int) -> None:
        """Refuse a new part number beyond ``settings.max_parts`` before its body is read."""
        limit = self._ctx.settings.max_parts
        with self._lock:
            if number not in upload.parts and len(upload.parts) >= limit:
                raise errors.invalid_argument(f"The number of parts of an upload cannot exceed {limit}.",
                                              PartNumber=str(number))

    def _claim_region(self, upload: Upload, number: int, length: int) -> Region | None:
        """Where to write part ``number`` of ``length`` bytes: its slot in the data file, or None (own file).

        A slot is used only when it cannot clash: the part has the stride's size (fixed by part 1), nobody else
        is writing that slot, and the slot does not hold the currently registered version of the part.
        """
        if not SPARSE_FILES or length <= 0:
            return None
        with self._lock:
            current = upload.parts.get(number)
            if number in upload.writing or (current is not None and current.placed):
                return None
            if upload.stride == 0:
                if number != 1:
                    return None
                upload.stride = length
                self._save_upload(upload)
            elif length != upload.stride:
                return None
            upload.writing.add(number)
        return Region(self.blobs.data_path(upload.upload_id), (number - 1) * upload.stride, upload.region_lock,
                      lambda: not upload.closed)

    def _release_stride(self, upload: Upload) -> None:
        """Part 1 failed mid-body: forget the stride it claimed unless a placed part already relies on it,
        so a retry of a different size (or a different part 1) can still use the data file."""
        with self._lock:
            if upload.stride and not any(p.placed for p in upload.parts.values()) and upload.writing == {1}:
                upload.stride = 0
                self._save_upload(upload)

    def upload_part(self, upload_id: str, bucket: str, key: str, number: int, body: BodyReader,
                    *, content_md5: bytes | None = None) -> PartMeta:
        upload = self.get_upload(upload_id, bucket, key)
        self.check_new_part(upload, number)
        region = self._claim_region(upload, number, body.remaining)
        try:
            got = self.blobs.ingest(body, region)
        except StaleWrite:
            raise errors.no_such_upload(upload_id) from None
        except BaseException:
            if region is not None and number == 1:
                self._release_stride(upload)
            raise
        finally:
            if region is not None:
                with self._lock:
                    upload.writing.discard(number)
        own_file = region is None
        if content_md5 is not None and got.md5 != content_md5:
            if own_file:
                self.blobs.discard(got.path)
            raise errors.invalid_digest()
        dest = self.blobs.part_path(upload_id, number) if own_file else got.path
        part = PartMeta(number, got.size, quoted_etag(got.md5), got.crc64, got.md5.hex(),
                        self._ctx.clock.now(), dest, got.offset, placed=not own_file)
        with self._lock:
            try:
                if self._uploads.get(upload_id) is not upload or upload.closed:
                    raise errors.no_such_upload(upload_id)  # aborted or completed while the body arrived
                self.check_new_part(upload, number)
            except errors.OssError:
                if own_file:
                    self.blobs.discard(got.path)
                raise
            if own_file:
                self.blobs.commit(got.path, dest)
            old = upload.parts.get(number)
            upload.parts[number] = part  # a re-uploaded part number replaces the previous one
            self._save_part(upload_id, part)
        if old is not None and not old.placed:
            self.blobs.discard(old.path)
        return part

    def list_parts(self, upload_id: str, bucket: str, key: str) -> list[PartMeta]:
        upload = self.get_upload(upload_id, bucket, key)
        with self._lock:
            return [upload.parts[n] for n in sorted(upload.parts)]

    def _validate_complete(self, upload: Upload, listed: list[tuple[int, str]] | None) -> list[PartMeta]:
        if listed is None:  # x-oss-complete-all: every uploaded part, in order
            chosen = [upload.parts[n] for n in sorted(upload.parts)]
            if not chosen:
                raise errors.invalid_argument("The upload has no part to complete.")  # UNCONFIRMED
        else:
            previous = 0
            for number, _etag in listed:
                if number <= previous:
                    raise errors.invalid_part_order()
                previous = number
            chosen = []
            for number, etag in listed:
                part = upload.parts.get(number)
                if part is None or part.etag.strip('"').upper() != etag.strip().strip('"').upper():
                    raise errors.invalid_part(number, etag)
                chosen.append(part)
        settings = self._ctx.settings
        if len(chosen) > settings.max_parts:
            raise errors.invalid_argument(
                f"The number of parts of an upload cannot exceed {settings.max_parts}.")
        for part in chosen[:-1]:
            if part.size < settings.min_part_size:
                raise errors.entity_too_small(part.number, part.size, settings.min_part_size)
        return chosen

    def _assemble(self, upload: Upload, chosen: list[PartMeta], dest: Path) -> None:
        total = sum(p.size for p in chosen)
        fixups: list[tuple[Segment, int]] = []
        position = 0
        in_place = False
        for part in chosen:
            if part.placed:
                if part.offset != position:  # e.g. a part number was skipped: slots do not line up
                    self.blobs.assemble([Segment(p.path, p.offset, p.size) for p in chosen], dest)
                    return
                in_place = True
            else:
                fixups.append((Segment(part.path, 0, part.size), position))
            position += part.size
        if in_place:
            self.blobs.assemble_in_place(self.blobs.data_path(upload.upload_id), fixups, total, dest)
        else:
            self.blobs.assemble([seg for seg, _ in fixups], dest)

    def complete(self, upload_id: str, bucket: str, key: str,
                 listed: list[tuple[int, str]] | None) -> ObjectMeta:
        """Assemble the listed parts (or all, with ``listed=None``) into the object."""
        upload = self.get_upload(upload_id, bucket, key)
        with upload.finish_lock:
            with self._lock:
                if self._uploads.get(upload_id) is not upload or upload.closed:
                    raise errors.no_such_upload(upload_id)
                chosen = self._validate_complete(upload, listed)
                upload.closed = True
            dest = self.blobs.object_path(bucket, key)
            try:
                with upload.region_lock:  # late writers into the data file stop here
                    self._assemble(upload, chosen, dest)
            except BaseException:
                with self._lock:
                    upload.closed = False
                raise
            meta = ObjectMeta(bucket, key, sum(p.size for p in chosen),
                              multipart_etag([p.md5 for p in chosen]),
                              crc64_of_parts([(p.crc64, p.size) for p in chosen]), upload.content_type,
                              self._ctx.clock.now(), dest, object_type="Multipart", headers=upload.headers)
            with self._lock:
                del self._uploads[upload_id]
                old = self._objects.get((bucket, key))
                self._objects[(bucket, key)] = meta
                self._save_object(meta)
                self._forget_upload(upload)
            self.blobs.remove_upload_dir(upload_id)
        if old is not None:
            self._drop_version(old)
        self._notify(meta)
        return meta

    def abort(self, upload_id: str, bucket: str, key: str) -> None:
        upload = self.get_upload(upload_id, bucket, key)
        with upload.finish_lock:
            with self._lock:
                if self._uploads.pop(upload_id, None) is None:
                    raise errors.no_such_upload(upload_id)
                upload.closed = True
                self._forget_upload(upload)
            self.blobs.remove_upload_dir(upload_id)
