"""The GitHub workflows and templates are valid, pinned, and their steps work here first.

A broken workflow should fail locally, not on GitHub: each file is validated against the
schemas that ship with check-jsonschema (no network), and the steps that are plain
commands run in these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def validate(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_is_valid_and_every_job_has_a_timeout(workflow):
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = validate(schema, workflow)
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_is_caught(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    step:\n      - run: make test\n")
    assert validate("vendor.github-workflows", broken).returncode != 0


def test_every_action_is_pinned_to_a_version():
    for workflow in WORKFLOWS:
        for action in re.findall(r"uses:\s*(\S+)", workflow.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+(\.\d+)*", action), f"{workflow.name}: {action}"


def test_issue_forms_and_config_are_valid():
    assert validate("vendor.github-issue-forms", *ISSUE_FORMS).returncode == 0
    assert validate("vendor.github-issue-config", ROOT / ".github/ISSUE_TEMPLATE/config.yml").returncode == 0
    assert {form.stem for form in ISSUE_FORMS} >= {"correction", "broken-link", "citation"}


def test_every_make_target_a_workflow_runs_exists():
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.MULTILINE))
    for workflow in WORKFLOWS:
        for step in yaml.safe_load(workflow.read_text())["jobs"].values():
            for run in (s.get("run", "") for s in step["steps"]):
                for target in re.findall(r"\bmake (\w[\w-]*)", run):
                    assert target in targets, f"{workflow.name} runs make {target}"


def test_the_preview_step_lists_changed_pages_and_rebuttals(tmp_path):
    """The preview job's summary step, run against a scratch repository with one edit."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "scripts", repo / "scripts", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(ROOT / "docs", repo / "docs")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    source = repo / "docs" / "reply.md"
    source.write_text(source.read_text(encoding="utf-8").replace("a juice blend", "a smoothie"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(repo / "scripts" / "changed_pages.py"), "HEAD", "--markdown"],
                            cwd=repo, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "- /question-7-2/ (changed)" in result.stdout
    assert "- `models-do-not-store-works`" in result.stdout
    assert "/question-7/ " not in result.stdout
