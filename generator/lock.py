"""One run at a time per project. Two builds at once would each clear the other's staging
folder and share one staging config; the second now stops at once with a clear message."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from .config import Project
from .errors import PodsiteError

try:
    import fcntl
except ImportError:  # Windows: no advisory locks of this kind; runs are not kept apart there
    fcntl = None


@contextlib.contextmanager
def project_lock(project: Project) -> Iterator[None]:
    """Hold the project's lock file (`.podsite/lock`) for the block. The operating system
    lets go of it when the process ends, so a killed run never leaves the project locked."""
    path: Path = project.work_dir / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                raise PodsiteError(path, None, f"another podsite run (process {holder}) is writing this project; "
                                   "let it finish, then run the command again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
