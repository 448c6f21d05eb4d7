"""The walk: which files a tree gives, judged against git itself, and what it costs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from nvlint import discover

GITIGNORE = (
    """\
# generated
*.gen.sh
!keep.gen.sh
build/
/rooted.sh
docs/**/draft.yaml
ci-[0-9].yml
out
\\#hash.sh
**/deep/skip.sh
tmp/*
!tmp/kept.sh
"""
    + "trailing.sh   \n"  # trailing spaces are not part of a pattern
)

FILES = [
    "a.sh",
    "x.gen.sh",
    "keep.gen.sh",
    "sub/y.gen.sh",
    "sub/keep.gen.sh",
    "build/b.sh",
    "sub/build/c.sh",
    "rooted.sh",
    "sub/rooted.sh",
    "docs/draft.yaml",
    "docs/a/b/draft.yaml",
    "docs/final.yaml",
    "ci-1.yml",
    "ci-x.yml",
    "out/o.sh",
    "sub/out",
    "#hash.sh",
    "trailing.sh",
    "one/deep/skip.sh",
    "deep/skip.sh",
    "deep/ok.sh",
    "tmp/gone.sh",
    "tmp/kept.sh",
    "nested/local.sh",
    "nested/other.sh",
    "nested/inner/local.sh",
    "excluded.sh",
    "Makefile",
    "tool",
    "notes.txt",
]


def _tree(root: Path) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    (root / ".gitignore").write_text(GITIGNORE)
    (root / ".git" / "info").mkdir(exist_ok=True)
    (root / ".git" / "info" / "exclude").write_text("excluded.sh\n")
    for name in FILES:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("#!/bin/sh\necho ngc\n")
    (root / "nested" / ".gitignore").write_text("local.sh\n!inner/local.sh\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_walk_gives_what_git_does_not_ignore(tmp_path):
    _tree(tmp_path)
    listed = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()
    expected = sorted(p for p in listed if discover.detect_kind(tmp_path / p) is not None)
    walked = sorted(Path(t.path).relative_to(tmp_path).as_posix() for t in discover.iter_targets([str(tmp_path)]))
    assert walked == expected
    assert "keep.gen.sh" in walked and "tmp/kept.sh" in walked and "nested/inner/local.sh" in walked
    assert "x.gen.sh" not in walked and "excluded.sh" not in walked


def test_files_of_no_kind_are_not_matched_against_gitignore(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("\n".join(f"pattern{i}/" for i in range(50)) + "\n*.sh\n")
    for i in range(200):
        (tmp_path / f"module{i}.py.txt").write_text("")
        (tmp_path / f"page{i}.html").write_text("")
    (tmp_path / "deploy.sh").write_text("")
    (tmp_path / "deploy.yaml").write_text("")
    asked: list[str] = []
    include = discover._Matcher.include
    monkeypatch.setattr(discover._Matcher, "include", lambda self, path: asked.append(path) or include(self, path))
    walked = [Path(t.path).name for t in discover.iter_targets([str(tmp_path)])]
    assert walked == ["deploy.yaml"]
    assert sorted(asked) == ["deploy.sh", "deploy.yaml"]


def test_a_gitignore_is_asked_of_pathspec_only_for_paths_a_pattern_matches(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("\n".join(f"generated{i}.sh" for i in range(100)) + "\n")
    for i in range(20):
        (tmp_path / f"deploy{i}.sh").write_text("")
    (tmp_path / "generated7.sh").write_text("")
    import pathspec

    checked: list[str] = []
    check_file = pathspec.GitIgnoreSpec.check_file
    monkeypatch.setattr(
        pathspec.GitIgnoreSpec, "check_file", lambda self, path: checked.append(path) or check_file(self, path)
    )
    walked = [Path(t.path).name for t in discover.iter_targets([str(tmp_path)])]
    assert len(walked) == 20 and "generated7.sh" not in walked
    assert checked == ["generated7.sh"]
