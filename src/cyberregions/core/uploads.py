"""Checking an uploaded file by its content, never by its name.

Pure Python (no Django import): ``inspect`` reads a binary file object and returns the detected
type, or raises ``Refused`` with a reason code that the service turns into a translated message.
Accepted: PDF, PNG, JPEG, Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS)
checked for their inner structure, plain UTF-8 text and CSV. Executables are refused whatever
their name; so are macro-enabled Office files, encrypted or oversized archives. An archive is
decompressed while it is checked, so its real size counts, not the one its directory declares,
and any error from the archive reader makes it a damaged file, never an exception.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# An archive may not expand beyond this many times its size, nor hold more entries.
MAX_EXPANSION = 100
MAX_ZIP_ENTRIES = 5000
# And never beyond this many bytes in all, whatever its size: the check decompresses it.
MAX_EXPANDED_BYTES = 512 * 1024 * 1024
HEAD = 8192

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}

# Signatures of programs and scripts, checked at the start of the content.
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows PE / DOS
    b"\x7fELF",  # Linux and other Unix
    b"\xfe\xed\xfa\xce",  # Mach-O 32-bit
    b"\xfe\xed\xfa\xcf",  # Mach-O 64-bit
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal, Java class
    b"#!",  # scripts with an interpreter line
    b"\x00asm",  # WebAssembly
    b"\xd0\xcf\x11\xe0",  # OLE2: old Office files, MSI installers (may carry macros)
)
# Names that run when opened, refused even when their content is harmless text.
# fmt: off
EXECUTABLE_EXTENSIONS = frozenset((
    "exe", "com", "bat", "cmd", "msi", "msp", "dll", "scr", "cpl", "pif", "sh", "bash", "zsh",
    "ps1", "psm1", "vbs", "vbe", "js", "jse", "jar", "wsf", "wsh", "hta", "app", "apk", "deb",
    "rpm", "dmg", "py", "pl", "rb", "php", "lnk", "reg", "iso", "bin", "run", "elf", "so",
    "dylib",
))
# fmt: on
OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Members read whole for detection; every other member is only counted.
KEPT_MEMBERS = frozenset(("mimetype", "[Content_Types].xml"))
SAFE_NAME = re.compile(r"[^\w.\- ()]+", re.UNICODE)


class Refused(Exception):
    """The file is not accepted; ``code`` says why (``executable``, ``too_large``…)."""

    def __init__(self, code: str, **details):
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Inspected:
    kind: str
    content_type: str
    size: int
    sha256: str
    name: str


def display_name(client_name: str, kind: str) -> str:
    """What to show for the file: the last part of the client's name, with no directory, no
    control characters, and the extension of the detected type. Never used as a path."""
    base = re.split(r"[\\/]", client_name or "")[-1]
    base = unicodedata.normalize("NFKC", base)
    base = "".join(char for char in base if unicodedata.category(char)[0] != "C")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = SAFE_NAME.sub("_", stem).strip(" ._")[:100] or "attachment"
    return f"{stem}.{kind}"


def extension(client_name: str) -> str:
    base = re.split(r"[\\/]", client_name or "")[-1].strip().rstrip(".")
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def inspect(stream: BinaryIO, client_name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Inspected:
    """Read ``stream`` (seekable, binary) and say what it is; raise ``Refused`` otherwise."""
    digest = hashlib.sha256()
    size = 0
    stream.seek(0)
    while chunk := stream.read(65536):
        size += len(chunk)
        if size > max_bytes:
            raise Refused("too_large", limit=max_bytes)
        digest.update(chunk)
    if size == 0:
        raise Refused("empty")
    stream.seek(0)
    head = stream.read(HEAD)
    stream.seek(0)
    if extension(client_name) in EXECUTABLE_EXTENSIONS:
        raise Refused("executable")
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise Refused("executable")
    kind = _detect(stream, head, client_name, size)
    stream.seek(0)
    return Inspected(
        kind=kind,
        content_type=CONTENT_TYPES[kind],
        size=size,
        sha256=digest.hexdigest(),
        name=display_name(client_name, kind),
    )


def _detect(stream: BinaryIO, head: bytes, client_name: str, size: int) -> str:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream, size)
    if _is_text(stream):
        return "csv" if extension(client_name) == "csv" else "txt"
    raise Refused("unknown_type")


# Everything the zip and deflate readers raise on a damaged, truncated or hostile archive.
ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    RuntimeError,
    NotImplementedError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    struct.error,
    UnicodeDecodeError,
)


def _zip_kind(stream: BinaryIO, size: int) -> str:
    """What kind of archive this is. Any error from the archive reader is a damaged file, and
    the sizes in its central directory are not trusted: every member is decompressed and
    counted, and reading stops as soon as the total passes the limit."""
    try:
        return _read_zip_kind(stream, size)
    except Refused:
        raise
    except ARCHIVE_ERRORS as error:
        raise Refused("damaged") from error


def _read_zip_kind(stream: BinaryIO, size: int) -> str:
    archive = zipfile.ZipFile(stream)
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise Refused("damaged")
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise Refused("encrypted")
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise Refused("macros")
    if any(extension(name) in EXECUTABLE_EXTENSIONS for name in names):
        raise Refused("executable")
    contents = _expand_bounded(
        archive, stream, entries, min(max(size, 1) * MAX_EXPANSION, MAX_EXPANDED_BYTES)
    )
    if "mimetype" in names:
        kind = ODF_MIMETYPES.get(contents.get("mimetype", b"").strip())
        if kind and "content.xml" in names:
            return kind
    if "[Content_Types].xml" in names:
        for kind, part in OOXML_PARTS.items():
            if part in names:
                if b"macroEnabled" in contents.get("[Content_Types].xml", b""):
                    raise Refused("macros")
                return kind
    # Any other archive (a renamed .zip, a .jar, an .apk…) is refused.
    raise Refused("unknown_type")


def _expand_bounded(
    archive: zipfile.ZipFile, stream: BinaryIO, entries, limit: int
) -> dict[str, bytes]:
    """Decompress every member counting the bytes really produced, refuse once they pass
    ``limit`` or when a member expands to other than its declared size; then read each through
    zipfile, which checks its CRC. Returns the small members read for detection."""
    expanded = 0
    for entry in entries:
        if entry.is_dir():
            continue
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # Office and OpenDocument files use only these two; others cost far more to check.
            raise Refused("damaged")
        real = _real_size(stream, entry, limit - expanded)
        if real != entry.file_size:
            raise Refused("damaged")
        expanded += real
    kept: dict[str, bytes] = {}
    for entry in entries:
        if entry.is_dir():
            continue
        keep = entry.filename in KEPT_MEMBERS
        parts = []
        with archive.open(entry) as member:
            while chunk := member.read(65536):
                if keep:
                    parts.append(chunk)
        if keep:
            kept[entry.filename] = b"".join(parts)
    return kept


def _real_size(stream: BinaryIO, entry: zipfile.ZipInfo, budget: int) -> int:
    """How many bytes ``entry`` really expands to, read from its own compressed data (not from
    the directory, which may lie); ``Refused`` as soon as it passes ``budget``."""
    stream.seek(entry.header_offset)
    local = stream.read(30)
    if len(local) != 30 or not local.startswith(b"PK\x03\x04"):
        raise Refused("damaged")
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    stream.seek(entry.header_offset + 30 + name_length + extra_length)
    if entry.compress_type == zipfile.ZIP_STORED:
        if entry.compress_size > budget:
            raise Refused("damaged")
        return entry.compress_size
    decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    left = entry.compress_size
    while left > 0 and not decompressor.eof:
        data = stream.read(min(left, 65536))
        if not data:
            raise Refused("damaged")
        left -= len(data)
        while data and not decompressor.eof:
            # max_length keeps each step small: a few kilobytes of a bomb never become
            # gigabytes in memory before they are counted.
            produced += len(decompressor.decompress(data, 65536))
            data = decompressor.unconsumed_tail
            if produced > budget:
                raise Refused("damaged")
    if not decompressor.eof:
        raise Refused("damaged")
    return produced


def _is_text(stream: BinaryIO) -> bool:
    """UTF-8 (with or without a byte-order mark), no NUL byte, few control characters."""
    stream.seek(0)
    data = stream.read()
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return controls <= len(text) // 100
