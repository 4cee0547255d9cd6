"""FFmpeg's own logging, as Qt Multimedia loads it: kept off the terminal, where it would print signed URLs."""

from __future__ import annotations


def quiet_ffmpeg() -> bool:
    """Stop FFmpeg (inside Qt Multimedia) from printing stream details on stderr.

    FFmpeg's default logger writes ``av_dump_format`` output, including the full stream URL with its signed
    ``auth_key``, straight to stderr, outside Python logging and its redaction. Raising FFmpeg's log level to
    errors only keeps that credential off the terminal. Call it after the first QMediaPlayer exists (Qt loads its
    FFmpeg libraries then). Best effort: returns False if libavutil cannot be reached.
    """
    import ctypes
    import glob
    import os

    import PySide6

    lib_dir = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib")
    candidates = sorted(glob.glob(os.path.join(lib_dir, "libavutil.so.*"))) or ["libavutil.so"]
    for path in candidates:
        try:
            avutil = ctypes.CDLL(path)
        except OSError:
            continue
        av_log_error = 16  # AV_LOG_ERROR
        avutil.av_log_set_level(av_log_error)
        return True
    return False
