"""`.ci/run` says why an install step failed instead of hiding it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TOOLS = ("bash", "mktemp", "cat", "rm", "dirname")


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="needs bash and coreutils")
def test_a_failed_chromium_install_shows_apts_output(tmp_path: Path) -> None:
    # A PATH with no chromium and an apt-get that fails as a broken mirror does.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    apt = bin_dir / "apt-get"
    apt.write_text("#!/bin/bash\necho 'E: Unable to locate package chromium (from the test)' >&2\nexit 100\n")
    apt.chmod(0o755)
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy(REPO / ".ci" / "run", repo / ".ci" / "run")
    run = subprocess.run([str(bin_dir / "bash"), ".ci/run"], cwd=repo, env={"PATH": str(bin_dir)},
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "installing chromium with apt-get failed" in run.stderr
    assert "E: Unable to locate package chromium (from the test)" in run.stderr
    assert not (repo / ".venv").exists()  # it stopped there
