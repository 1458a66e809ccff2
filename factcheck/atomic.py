"""Files written whole or not at all: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

DESCRIPTOR = re.compile(r"/dev/(?:stdout|stderr|fd/\d+)|/proc/(?:self|\d+)/fd/\d+")  # an open file's other name
NAME_ROOM = 200  # of the target's name kept in the temp file's (".NAME.XXXXXXXX.tmp" fits 255 bytes)


class WriteError(OSError):
    """A file could not be written: `filename` is the path as the caller gave it (never the
    temporary file), `strerror` the reason in words ("afile is a file, not a folder",
    "the folder /proc is not writable (it takes no new files)"), `errno` the system's."""


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write via a temporary file and rename: an interrupted run leaves the old file whole.

    A path that names a device or a pipe (`/dev/stdout`, `>(gzip > f.gz)`), or an open file
    by its descriptor (`/dev/stdout` redirected to a file), is written in place: there is no
    file to keep whole, and a rename would replace the device or miss the open file. A
    symbolic link is followed: the file it points to is replaced (or made), the link stays.
    Any failure is a `WriteError` naming `path` and saying why."""
    shown = os.fspath(path)
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        st = None
    in_place = st is not None and not stat.S_ISDIR(st.st_mode) and (not stat.S_ISREG(st.st_mode)
                                                                    or DESCRIPTOR.fullmatch(shown) is not None)
    if in_place:
        try:
            # appended, never emptied first: `/dev/stdout` sent with >> to a log holds what came before
            with open(p, "a", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except OSError as ex:
            raise WriteError(ex.errno or errno.EIO, ex.strerror or str(ex), shown) from ex
        return
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    stage = "folder"
    tmp = None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        stage = "create"
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name[:NAME_ROOM]}.", suffix=".tmp", dir=p.parent)
        stage = "write"
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 would hide the file from the team
        stage = "replace"
        os.replace(tmp, p)
    except OSError as ex:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        try:
            why = _why(p, stage, ex)
        except OSError:  # the path cannot even be looked at: the system's words, then
            why = ex.strerror or str(ex)
        raise WriteError(ex.errno or errno.EIO, why, shown) from ex
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def _why(p: Path, stage: str, ex: OSError) -> str:
    """Why writing `p` failed at `stage`, in the user's terms: about the path they gave,
    never the temporary file."""
    said = ex.strerror or str(ex)
    for up in reversed(p.parents):  # from the top: the first one that is in the way
        if up.is_symlink() and not up.exists():
            return f"{up} is a link to nothing ({os.readlink(up)})"
        if up.exists() and not up.is_dir():
            return f"{up} is a file, not a folder"
    if ex.errno == errno.EISDIR or (stage == "replace" and p.is_dir()):
        return f"{p} is a folder"
    if stage in ("folder", "create") and ex.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT):
        folder = next((up for up in (p.parent, *p.parent.parents) if up.is_dir()), p.parent)
        where = os.getcwd() if str(folder) == "." else str(folder)
        detail = "it takes no new files" if ex.errno == errno.ENOENT else said
        return f"the folder {where} is not writable ({detail})"
    if stage == "replace" and ex.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return f"the existing {p} cannot be replaced ({said})"
    return said


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
