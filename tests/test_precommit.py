"""pre-commit runs factcheck on the changed articles of a git repository (hermetic: no network).

The repository's `.pre-commit-hooks.yaml` is what newsrooms install; pre-commit would build a
virtualenv for it from the network, so the test repository declares the same hook as a
`repo: local` hook of language `system` that runs the installed `factcheck`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = Path(__file__).parent / "data" / "newsroom"
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

yaml = pytest.importorskip("yaml", reason="pre-commit (and its PyYAML) is in the test extra")
PRE_COMMIT = shutil.which("pre-commit")
GIT = shutil.which("git")
pytestmark = [
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed: pip install -e '.[test]'"),
    pytest.mark.skipif(GIT is None, reason="git is not installed"),
]


def factcheck_command() -> str:
    exe = shutil.which("factcheck")
    return exe if exe else f"{sys.executable} -m factcheck"


@pytest.fixture
def repo(tmp_path):
    """A git repository of articles with factcheck.toml and a local factcheck hook."""
    root = tmp_path / "newsroom"
    shutil.copytree(NEWSROOM / "articles", root / "articles")
    (root / "factcheck.toml").write_text('archive = ["articles"]\n', encoding="utf-8")
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "factcheck-check")
    local = dict(hook, language="system", entry=hook["entry"].replace("factcheck", factcheck_command(), 1))
    local.pop("minimum_pre_commit_version", None)
    (root / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, sort_keys=False), encoding="utf-8")
    env = _env(tmp_path)
    _git(root, env, "init", "-q", "-b", "main")
    _git(root, env, "add", "-A")
    _git(root, env, "commit", "-q", "-m", "archive")
    return root, env


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), FACTCHECK_CACHE_DIR=str(tmp_path / "cache"),
               HOME=str(tmp_path), GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org", GIT_CONFIG_NOSYSTEM="1")
    return env


def _git(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([GIT, *args], cwd=root, env=env, check=True, capture_output=True, text=True)


def _pre_commit(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PRE_COMMIT, *args], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_the_hook_manifest_is_valid(tmp_path):
    res = subprocess.run([PRE_COMMIT, "validate-manifest", str(MANIFEST)], capture_output=True, text=True,
                         env=_env(tmp_path))
    assert res.returncode == 0, res.stdout + res.stderr
    ids = [h["id"] for h in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))]
    assert ids == ["factcheck-check", "factcheck-scan"]


def test_a_contradicting_article_fails_the_commit_hook(repo):
    root, env = repo
    shutil.copy(NEWSROOM / "drafts" / "stargate-slip.md", root / "articles" / "stargate-update.md")
    _git(root, env, "add", "articles/stargate-update.md")
    res = _pre_commit(root, env, "run")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "FC102" in res.stdout and "articles/stargate-update.md:9:22: error" in res.stdout
    # the archive's accepted contradiction (Acme Robotics) is not the hook's business
    assert "FC201" not in res.stdout
    # and a real commit is refused
    assert _pre_commit(root, env, "install").returncode == 0
    commit = subprocess.run([GIT, "commit", "-q", "-m", "update"], cwd=root, env=env, capture_output=True, text=True)
    assert commit.returncode != 0 and "FC102" in commit.stdout + commit.stderr


def test_an_agreeing_or_suppressed_article_passes(repo):
    root, env = repo
    shutil.copy(NEWSROOM / "drafts" / "clean.md", root / "articles" / "stargate-again.md")
    shutil.copy(NEWSROOM / "drafts" / "stargate-suppressed.md", root / "articles" / "stargate-checked.md")
    _git(root, env, "add", "-A")
    res = _pre_commit(root, env, "run")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Passed" in res.stdout


def test_files_that_are_not_articles_are_not_checked(repo):
    root, env = repo
    (root / "notes.py").write_text("print('$500')\n", encoding="utf-8")
    _git(root, env, "add", "notes.py")
    res = _pre_commit(root, env, "run")
    assert res.returncode == 0 and "Skipped" in res.stdout


def test_the_documented_ci_workflow_is_valid_yaml_using_the_ci_formats():
    flow = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["factcheck"]["steps"]
    commands = "\n".join(s.get("run", "") for s in steps)
    assert "factcheck check --format github" in commands and "--format sarif" in commands
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
