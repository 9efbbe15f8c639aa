"""Bytes -> text, with errors that name the line: binary, invalid UTF-8, empty."""

from __future__ import annotations

import unicodedata


class DecodeError(ValueError):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) -> NFC text with '\\n' line ends."""
    if b"\0" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8", line
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DecodeError("empty file")
    # NFC so that "ï" typed as one or two code points is the same word everywhere downstream.
    return unicodedata.normalize("NFC", text)
