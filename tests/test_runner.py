"""The result cache and parallel runs: same findings, in the same order, whatever the path taken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nvlint.cli import main

BAD = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'


def tree(root: Path, count: int) -> None:
    (root / ".git").mkdir()
    for n in range(count):
        folder = root / f"d{n % 7}"
        folder.mkdir(exist_ok=True)
        (folder / f"s{n:03d}.sh").write_text(BAD if n % 3 == 0 else "echo fine\ndocker login nvcr.io\n")


def run_json(capsys, *args: str) -> list:
    status = main(["check", "--isolated", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_cache_is_created_tagged_and_ignored(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 5)
    first = run_json(capsys)
    cache = tmp_path / ".nvlint_cache"
    assert (cache / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (cache / ".gitignore").read_text().endswith("*\n")
    assert any(cache.glob("shard-*.jsonl"))
    assert run_json(capsys) == first  # warm: the same findings
    assert main(["clean"]) == 0 and not cache.exists()


def test_cache_sees_changes_and_settings(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 3)
    assert len(run_json(capsys)[1]) == 1
    (tmp_path / "d1" / "s001.sh").write_text(BAD)
    assert len(run_json(capsys)[1]) == 2  # the changed file is checked again
    assert run_json(capsys, "--ignore", "NV302")[1] == []  # other rules, other key
    monkeypatch.setenv("NGC_CLI_ORG", "acme")
    (tmp_path / "d2").mkdir(exist_ok=True)
    (tmp_path / "d2" / "deploy.sh").write_text(
        "ngc cf fn create --name a --inference-url /i --container-image acme/a:1\n"
    )
    assert [f["rule"] for f in run_json(capsys)[1] if f["path"].endswith("deploy.sh")] == ["NV102"]
    monkeypatch.delenv("NGC_CLI_ORG")
    assert [f["rule"] for f in run_json(capsys)[1] if f["path"].endswith("deploy.sh")] == ["NV101"]


def test_corrupt_cache_entries_are_ignored(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 3)
    first = run_json(capsys)
    for entry in (tmp_path / ".nvlint_cache").glob("shard-*.jsonl"):
        entry.write_text("{not json")
    assert run_json(capsys) == first


def test_parallel_and_serial_agree(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 60)
    serial = run_json(capsys, "--jobs", "1", "--no-cache")
    parallel = run_json(capsys, "--jobs", "2", "--no-cache")
    assert parallel == serial and len(serial[1]) == 20
    assert not (tmp_path / ".nvlint_cache").exists()


def test_fix_in_parallel(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 30)
    assert main(["check", "--isolated", "--jobs", "2", "--fix"]) == 0
    assert "'$oauthtoken'" in (tmp_path / "d0" / "s000.sh").read_text()


def test_many_runs_merge_their_shards(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 2)
    expected = run_json(capsys)
    for n in range(20):
        (tmp_path / f"new{n}.sh").write_text(BAD)
        run_json(capsys)
    shards = list((tmp_path / ".nvlint_cache").glob("shard-*.jsonl"))
    assert 1 <= len(shards) <= 17
    assert len(run_json(capsys)[1]) == len(expected[1]) + 20


def test_cache_keys_do_not_depend_on_the_hash_seed(tmp_path):
    """Sets in the settings (ngc-orgs) are ordered by the string hash, which differs from one process to
    the next: a second run in a new process must still find every answer in the cache."""
    import os
    import subprocess
    import sys

    tree(tmp_path, 3)
    (tmp_path / ".nvlint.toml").write_text('ngc-orgs = ["acme", "beta", "gamma", "delta", "omega"]\n')
    cache = tmp_path / ".nvlint_cache"
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-m", "nvlint", "check", "."], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 1, done.stderr
        if seed == "1":
            shards = sorted(cache.glob("shard-*.jsonl"))
            assert shards
    assert sorted(cache.glob("shard-*.jsonl")) == shards  # all hits: nothing new to write


def test_merging_shards_keeps_the_newest_entries(tmp_path):
    """Every edit of a file adds an entry; when shards are merged only the newest MAX_ENTRIES stay, so
    the cache of a long-lived tree does not grow without end. A newer line for a key wins."""
    from nvlint.cache import Cache

    folder = tmp_path / ".nvlint_cache"
    folder.mkdir()
    for n in range(Cache.MAX_SHARDS):  # shard-<pid>-<time>: written in this order
        line = json.dumps({"key": f"k{n}", "findings": []})
        again = json.dumps({"key": "k0", "findings": [], "round": n})
        (folder / f"shard-1-{1000 + n}.jsonl").write_text(line + "\n" + again + "\n")

    class Small(Cache):
        MAX_ENTRIES = 4

    cache = Small(folder)
    assert len(cache.lines) == Cache.MAX_SHARDS and json.loads(cache.lines["k0"])["round"] == Cache.MAX_SHARDS - 1
    (merged,) = folder.glob("shard-*.jsonl")
    keys = [json.loads(line)["key"] for line in merged.read_text().splitlines()]
    assert keys == [f"k{n}" for n in range(Cache.MAX_SHARDS - 3, Cache.MAX_SHARDS)] + ["k0"]
    assert Cache(folder).get("k0") == [] and Cache(folder).get("k1") is None


@pytest.mark.parametrize(
    "entry",
    [
        {"key": "0f" * 32, "findings": []},
        {"key": "0f" * 32, "stamp": "a1" * 32},
        {"key": "0f" * 32, "stamp": ""},
        {"key": "0f" * 32, "findings": [], "orgs": ["acme"]},
        {"key": "0f" * 32, "findings": [{"code": "NV302", "message": 'say "hi"'}]},
        {"key": "not-hex \u00e9", "findings": []},
        {"key": "0f" * 32, "stamp": 'a"b'},
        {"key": "0f" * 32, "findings": [], "orgs": ["acme", "nv-team"], "missed": ["x\\y"]},
        {"key": "0f" * 32, "findings": [], "orgs": ["tab\there"]},
        {"key": "0f" * 32, "findings": [], "sources": [["/env.sh", "ab" * 32]]},
        {"key": "0f" * 32, "findings": [], "orgs": []},
    ],
)
def test_cache_lines_are_what_json_writes(entry):
    """The common entries are written without json (start-up): the text must be json's, byte for byte,
    or the lookups that search the text for a key miss."""
    from nvlint.cache import _line_of

    assert _line_of(entry) == json.dumps(entry)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["orgs", "missed"]),
        st.lists(st.text(alphabet=st.sampled_from('ab-_ ."\\]é,'), max_size=6), max_size=3),
    ),
    st.booleans(),
)
def test_an_answer_with_orgs_reads_the_same_without_json(tmp_path_factory, lists, by_json):
    """The orgs of an answer with nothing found are read without json when the line is plain: what is read
    must be what json reads, whoever wrote the line (this version or json.dumps)."""
    from nvlint.cache import Cache, _line_of

    folder = tmp_path_factory.mktemp("cache")
    entry = {"key": "ab" * 32, "findings": [], **{name: sorted(lists[name]) for name in sorted(lists)}}
    line = json.dumps(entry) if by_json else _line_of(entry)
    (folder / "shard-1-1.jsonl").write_text(line + "\n", encoding="utf-8")
    found = Cache(folder).answer("ab" * 32)
    assert found is not None and found.diagnostics == []
    assert found.orgs == frozenset(entry.get("orgs", ())) and found.orgs_missed == frozenset(entry.get("missed", ()))


def test_a_damaged_cache_line_is_a_miss_not_an_error(tmp_path):
    from nvlint.cache import Cache

    folder = tmp_path / ".nvlint_cache"
    folder.mkdir()
    (folder / "shard-1-1.jsonl").write_text(
        '{"key": "good", "findings": []}\n'
        '{"key": "broken", "findings": [{"code": \n'
        '{"key": "other", "findings": []}\n'
        '{"key": "typed", "findings": [1]}\n'
    )
    cache = Cache(folder)
    assert cache.get("good") == [] and cache.get("other") == []
    assert cache.get("broken") is None and cache.get("typed") is None and cache.get("missing") is None

    # bytes that are not UTF-8 spoil their own line only; an empty shard is no shard
    (folder / "shard-1-2.jsonl").write_bytes(
        b'{"key": "bad", "findings": ["\xff"]}\n{"key": "after", "findings": []}\n'
    )
    (folder / "shard-1-3.jsonl").write_bytes(b"")
    cache = Cache(folder)
    assert cache.get("after") == [] and cache.get("good") == [] and cache.get("bad") is None
    assert cache.lines["after"] == '{"key": "after", "findings": []}' and "good" in cache.lines


def test_an_edited_installation_does_not_reuse_answers(tmp_path, monkeypatch, capsys):
    """Installs of two commits share a version: the cache key also carries the code's own stamps."""
    import os

    from nvlint import __version__ as nvlint_version
    from nvlint import cache

    package = tmp_path / "pkg"
    (package / "rules").mkdir(parents=True)
    module = package / "rules" / "nv1.py"
    module.write_text("A = 1\n")
    os.utime(module, ns=(1_000_000_000, 1_000_000_000))
    before = cache.tree_stamps(str(package))
    module.write_text("A = 2\n")  # same size, new content
    assert cache.tree_stamps(str(package)) != before
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "nv1.cpython-311.pyc").write_bytes(b"x")
    assert cache.tree_stamps(str(package)) == cache.tree_stamps(str(package))
    assert "__pycache__" not in cache.tree_stamps(str(package))

    # an installed wheel: its RECORD, which every install writes anew, stands for the files
    assert cache.code_stamps(str(package)) == cache.tree_stamps(str(package))  # no RECORD: a checkout
    record = tmp_path / f"nvlint-{nvlint_version}.dist-info" / "RECORD"
    record.parent.mkdir()
    record.write_text("nvlint/rules/nv1.py,sha256=abc,6\n")
    os.utime(record, ns=(2_000_000_000, 2_000_000_000))
    installed = cache.code_stamps(str(package))
    assert installed.startswith("RECORD:") and installed == cache.code_stamps(str(package))
    record.write_text("nvlint/rules/nv1.py,sha256=abd,6\n")  # reinstalled from another commit
    assert cache.code_stamps(str(package)) != installed

    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    tree(root, 3)
    first = run_json(capsys)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another build of the same version")
    import nvlint.rules.nv302_oauthtoken_expanded as nv302

    monkeypatch.setattr(nv302.RULE, "check", lambda flow, ctx: iter(()))
    assert first[1] and run_json(capsys)[1] == []  # answered by the changed code, not the cache


def test_unchanged_files_are_answered_by_their_stamp_without_being_read(tmp_path, monkeypatch, capsys):
    """A warm run reads only what changed: path, size and change time lead to the answer. A file changed
    in the last two seconds is read every time (its clock tick may not be over: "racily clean")."""
    import os
    import time

    import nvlint.check.gate as gate

    monkeypatch.chdir(tmp_path)
    tree(tmp_path, 9)
    (tmp_path / "notes.md").write_text("nothing for nvlint here\n")
    old = time.time_ns() - 3_600_000_000_000
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(old, old))
    reads: list[str] = []
    original = gate.read_bytes

    def counting(path, limit):
        reads.append(os.path.normpath(path))
        return original(path, limit)

    monkeypatch.setattr(gate, "read_bytes", counting)
    first = run_json(capsys)
    assert len(reads) == 10 and len(first[1]) == 3
    reads.clear()
    assert run_json(capsys) == first and reads == []  # answered by stamps, findings and all

    changed = tmp_path / "d1" / "s001.sh"
    changed.write_text(BAD)
    os.utime(changed, ns=(old + 1, old + 1))
    reads.clear()
    second = run_json(capsys)
    assert reads == ["d1/s001.sh"] and len(second[1]) == 4

    reads.clear()
    assert run_json(capsys, "--ignore", "NV302")[1] == [] and len(reads) == 10  # other rules: other stamps

    fresh = tmp_path / "d2" / "s002.sh"
    fresh.write_text("echo fine\n")  # changed just now
    reads.clear()
    run_json(capsys)
    run_json(capsys)
    assert reads == ["d2/s002.sh", "d2/s002.sh"]


def test_a_stamp_names_the_file_not_the_path_as_written(tmp_path, monkeypatch, capsys):
    """`nvlint check x.sh` in two folders of one project: same name, size and time, other files."""
    import os
    import time

    (tmp_path / ".git").mkdir()
    old = time.time_ns() - 3_600_000_000_000
    for folder, text in (("a", BAD), ("b", BAD.replace('"$oauthtoken"', "'$oauthtoken'"))):
        (tmp_path / folder).mkdir()
        script = tmp_path / folder / "x.sh"
        script.write_text(text)
        os.utime(script, ns=(old, old))
    assert len(BAD) == len(BAD.replace('"$oauthtoken"', "'$oauthtoken'"))
    answers = []
    for folder in ("a", "b", "a", "b"):
        monkeypatch.chdir(tmp_path / folder)
        answers.append(len(run_json(capsys, "x.sh")[1]))
    assert answers == [1, 0, 1, 0]


@pytest.mark.parametrize("searches", [16, 0])
def test_a_lookup_finds_the_newest_line_whether_searched_or_indexed(tmp_path, searches):
    """The first lookups search the shards' text, later ones an index of every line: both give the
    newest line of a key (the newest shard, the last line in it), and nothing for a key that is only
    a prefix of another."""
    from nvlint.cache import Cache

    folder = tmp_path / ".nvlint_cache"
    folder.mkdir()
    (folder / "shard-1-1000.jsonl").write_text(
        json.dumps({"key": "k1", "findings": [], "round": 0}) + "\n" + json.dumps({"key": "k12", "findings": []})
    )  # no newline at the end
    (folder / "shard-1-2000.jsonl").write_text(
        "".join(json.dumps({"key": "k1", "findings": [], "round": n}) + "\n" for n in (1, 2))
    )

    class Searching(Cache):
        SEARCHES = searches

    cache = Searching(folder)
    assert json.loads(cache._line("k1"))["round"] == 2
    assert json.loads(cache._line("k12")) == {"key": "k12", "findings": []}
    assert cache._line("k") is None and cache._line("k123") is None
    assert (cache._index is None) == (searches > 0)
