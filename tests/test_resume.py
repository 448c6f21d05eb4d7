"""The editor reads a document again from where an edit begins (nvlint.shell.resume) and gives rules that would
read the same events last time's findings (nvlint.rules.reuse). Whatever the edit, the findings must be
exactly those of reading the whole new text: every test here compares the two."""

from __future__ import annotations

import random

import pytest

from nvlint.server.documents import DocumentLinter
from nvlint.shell import resume

BLOCKS = [
    'IMAGE="nvcr.io/acme/app{n}:1.{n}"\ndocker build -t "$IMAGE" .\n',
    'docker push "$IMAGE"\n',
    'ngc cf fn create --name app{n} --inference-url /infer --container-image "$IMAGE" --health-uri /health\n',
    'echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n',
    "deploy_{n}() {{\n  ngc cf fn create --name f{n} --inference-url /i --container-image vllm/vllm-openai:{n}\n}}\n",
    "deploy_{n}\n",
    'if [ -n "$NGC_API_KEY" ]; then\n  AUTH="Bearer $NGC_API_KEY"\nelse\n  AUTH=none\nfi\n',
    'curl -H "Authorization: $AUTH" https://api.nvcf.nvidia.com/v2/nvcf/functions\n',
    "cat > fn{n}.json <<EOF\n"
    '{{"name": "f{n}", "inferenceUrl": "/i", "containerImage": "nvcr.io/acme/app{n}:1"}}\n'
    "EOF\n",
    "curl -X POST -d @fn{n}.json https://api.nvcf.nvidia.com/v2/nvcf/functions\n",
    'case "$ENV" in\n  prod) ORG=acme ;;\n  *) ORG=test ;;\nesac\n',
    "ngc registry image push nvcr.io/$ORG/app:{n}\n",
    "for m in a b; do\n  echo $m\ndone\n",
    "# a comment {n}\n",
    "docker run --rm \\\n  -v /mount/models/llama/{n}:/mount/models/llama/{n} nvcr.io/acme/app{n}:1\n",
    "docker login nvcr.io -u $oauthtoken -p nvapi-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX\n",
    "export NGC_CLI_ORG=acme{n}\n",
    'TAG=$(git rev-parse --short HEAD)\ndocker build -t "nvcr.io/acme/app{n}:$TAG" .\n',
    'docker push "nvcr.io/acme/app{n}:${{TAG:-latest}}"\nN=$((N + 1))\n',
    'ARGS=(--org acme{n})\nread -r VERSION\nngc registry image push "${{ARGS[@]}}" nvcr.io/acme/x:$VERSION\n',
]
# What typing leaves on the way: half-written lines, open quotes and constructs, stray closers.
FRAGMENTS = [
    '"',
    "'",
    "if true; then\n",
    "fi\n",
    "$(",
    ")",
    "}\n",
    "cat <<EOF\n",
    "EOF\n",
    " \\\n",
    "docker push nvcr.io/acme/app0:1.0\n",
    "ngc cf fn create --container-image nvcr.io/acme/app1:1.1 --name x --inference-url /i\n",
    "IMAGE=nvcr.io/acme/other:2\n",
    "unset IMAGE\n",
    "\n",
    "&& ",
    "| ",
    "x",
    "#",
]


def _script(rng: random.Random, blocks: int) -> str:
    return "#!/usr/bin/env bash\n" + "".join(rng.choice(BLOCKS).format(n=n) for n in range(blocks))


def _edit(rng: random.Random, text: str) -> str:
    """One keystroke's worth or a paste: insert, delete or replace near a random point."""
    at = rng.randrange(len(text) + 1)
    choice = rng.random()
    if choice < 0.45:
        return text[:at] + rng.choice(FRAGMENTS) + text[at:]
    if choice < 0.75:
        return text[:at] + text[at + rng.randrange(1, 40) :]
    if choice < 0.9:
        line_start = text.rfind("\n", 0, at) + 1
        return text[:line_start] + rng.choice(BLOCKS).format(n=99) + text[line_start:]
    return text + (rng.choice(BLOCKS).format(n=98) if rng.random() < 0.5 else rng.choice(FRAGMENTS))


def _opened(tmp_path, seed: int, blocks: int) -> tuple[DocumentLinter, str, str]:
    """An editor that has read a random script once: (the linter, the document's path, its text)."""
    text = _script(random.Random(seed), blocks)
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    editor.lint(path, text)
    return editor, path, text


def _findings(outcome) -> list[dict]:
    return [d.as_dict() for d in outcome.diagnostics]


def _dump(obj, seen=None) -> object:
    """Every field of a walk's object, nested (positions included): two readings' flows compare equal only
    when every event, word, value and part is the same, not only the findings. Written without
    nvlint.shell.move's table of positions, which it checks."""
    kind = type(obj)
    if obj is None or kind in (str, int, float, bool):
        return obj
    if kind in (list, tuple):
        return [_dump(item) for item in obj]
    if isinstance(obj, dict):
        return [(_dump(key), _dump(value)) for key, value in obj.items()]
    if isinstance(obj, (set, frozenset)):
        return sorted(repr(_dump(item)) for item in obj)
    names = [n for c in reversed(kind.__mro__) for n in c.__dict__.get("__slots__", ())]
    return (kind.__name__, [(n, _dump(getattr(obj, n))) for n in names if not n.startswith("_") or n == "_hash"])


def _compare(tmp_path, versions: list[str], monkeypatch=None) -> tuple[int, int]:
    """Each version read by one long-lived linter (resuming) and by a fresh one (whole): equal findings and
    (with ``monkeypatch``) equal flows of events. Returns how many readings resumed, and how many of those
    rejoined the reading before past the edit (nvlint.shell.move)."""
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    resumed = rejoined = 0
    flows: list = []
    if monkeypatch is not None:
        from nvlint.rules import engine

        run_rules = engine.run_rules

        def capture(given, rules, context, reuse=None):
            flows.append(_dump(given))
            return run_rules(given, rules, context, reuse)

        monkeypatch.setattr(engine, "run_rules", capture)
    for number, text in enumerate(versions):
        flows.clear()
        got = _findings(editor.lint(path, text))
        memory = editor._memories[path]
        resumed += memory.script.resumed_at is not None
        rejoined += memory.script.rejoined_at is not None
        want = _findings(DocumentLinter().lint(path, text))
        assert got == want, f"version {number} differs from a whole reading:\n{text}"
        if monkeypatch is not None:
            assert len(flows) == 2 and flows[0] == flows[1], f"version {number}: the events differ:\n{text}"
    return resumed, rejoined


@pytest.mark.parametrize("checkpoint_bytes", [2048, 48])  # 48: a checkpoint before nearly every statement
# 11, 47, 49: sequences that once found a difference (an expansion moved twice; a here-document left open
# at the end of the text parsed first)
@pytest.mark.parametrize("seed", [*range(10), 11, 47, 49])
def test_random_edits_find_what_a_whole_reading_finds(tmp_path, monkeypatch, seed, checkpoint_bytes):
    monkeypatch.setattr(resume, "CHECKPOINT_BYTES", checkpoint_bytes)
    rng = random.Random(seed)
    text = _script(rng, 40)
    versions = [text]
    for _ in range(25):
        text = _edit(rng, text)
        versions.append(text)
    resumed, _ = _compare(tmp_path, versions, monkeypatch)
    assert resumed > 0  # the comparison is of resumed readings, not of whole ones twice


def _clean_edit(rng: random.Random, blocks: list[str]) -> None:
    """An edit that leaves the script parsing cleanly (what rejoining needs): a block added or taken away,
    a name or a value in one changed."""
    at = rng.randrange(len(blocks))
    choice = rng.random()
    if choice < 0.3:
        blocks.insert(at, rng.choice(BLOCKS).format(n=rng.randrange(100)))
    elif choice < 0.5 and len(blocks) > 10:
        del blocks[at]
    else:
        for old, new in (("app", "apps"), ("acme", "acm"), ("1.", "1.2"), ("/i ", "/inf "), ("$IMAGE", "$IMAGE2")):
            if old in blocks[at]:
                blocks[at] = blocks[at].replace(old, new, 1)
                break


@pytest.mark.parametrize("seed", range(6))
def test_edits_that_keep_the_script_clean_rejoin_the_last_reading_and_make_the_same_events(tmp_path, monkeypatch, seed):
    """Past an edit the walk meets the last reading again and takes the rest of its events, moved
    (nvlint.shell.move): every event, word and part must be where a whole reading puts it."""
    rng = random.Random(seed)
    blocks = [rng.choice(BLOCKS).format(n=n) for n in range(60)]
    versions = ["#!/usr/bin/env bash\n" + "".join(blocks)]
    for _ in range(30):
        _clean_edit(rng, blocks)
        versions.append("#!/usr/bin/env bash\n" + "".join(blocks))
    resumed, rejoined = _compare(tmp_path, versions, monkeypatch)
    assert rejoined > 5, (resumed, rejoined)


def test_typing_a_new_line_at_the_end_resumes_there_and_reruns_only_its_rules(tmp_path):
    editor, path, base = _opened(tmp_path, 7, 200)
    line = 'echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n'
    typed = [base + line[:n] for n in range(0, len(line) + 1, 9)] + [base + line, base + line]
    memory = editor._memories[path]
    for text in typed:
        outcome = editor.lint(path, text)
        assert _findings(outcome) == _findings(DocumentLinter().lint(path, text))
        assert memory.script.resumed_at is not None and memory.script.resumed_at >= len(base)
        assert memory.findings.reused > 0  # the rules that read none of the new line's events did not run


def test_an_edit_before_a_function_call_reads_the_call_again(tmp_path):
    head = 'deploy() {\n  ngc cf fn create --name f --inference-url /i --container-image "$IMAGE"\n}\n'
    filler = "".join(f"echo line {n}\n" for n in range(400))
    versions = [
        head + "IMAGE=nvcr.io/acme/app:1\n" + filler + "deploy\n",
        head + "IMAGE=vllm/vllm-openai:1\n" + filler + "deploy\n",  # NV101 now, at the create in deploy()
        head + "IMAGE=vllm/vllm-openai:1\n" + filler + "deploy\ndeploy\n",
        head + "IMAGE=nvcr.io/acme/app:1\n" + filler + "deploy\ndeploy\n",
    ]
    _compare(tmp_path, versions)
    codes = [d.code for d in DocumentLinter().lint(str(tmp_path / "deploy.sh"), versions[1]).diagnostics]
    assert "NV101" in codes


def test_an_edit_from_one_non_ascii_character_to_another_is_read_again(tmp_path, monkeypatch):
    """The parser's bytes have every non-ASCII character as `a`: the edit is found in the text."""
    pushes = "docker push nvcr.io/acme/x:1\n" * 100
    text = "#!/bin/bash\n" + pushes + 'docker push "nvcr.io/acme/é:1"\n' + BLOCKS[2].format(n=1)
    _compare(tmp_path, [text, text.replace("é", "è"), text.replace("é", "ü")], monkeypatch)


def test_typing_at_the_start_of_a_line_is_read_with_the_rest_of_that_line(tmp_path, monkeypatch):
    """The last reading had a checkpoint where the line starts; after a word typed there, that place is
    inside the line: the text parsed first must not end there (it would read `docker` and `push ...` as
    two commands)."""
    lines = [f'IMAGE="nvcr.io/acme/app{n}:1"\n' for n in range(60)]
    lines[30:30] = [
        "push nvcr.io/acme/app:1\n",
        "ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/app:1\n",
    ]
    base = "#!/bin/bash\n" + "".join(lines)
    near = base.replace("app29:1", "app29:2")  # an edit on the line before: checkpoints before each line there
    typed = near.replace("push nvcr.io", "docker push nvcr.io")
    resumed, _ = _compare(tmp_path, [base, near, typed, near, typed], monkeypatch)
    assert resumed >= 3


def test_a_sourced_file_that_changes_is_read_again(tmp_path):
    (tmp_path / "env.sh").write_text("IMAGE=nvcr.io/acme/app:1\n")
    filler = "".join(f"echo line {n}\n" for n in range(300))
    text = "source ./env.sh\n" + filler + 'ngc cf fn create --name f --inference-url /i --container-image "$IMAGE"\n'
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    assert not [d for d in editor.lint(path, text).diagnostics if d.code == "NV101"]
    (tmp_path / "env.sh").write_text("IMAGE=vllm/vllm-openai:1\n")
    edited = text + "echo done\n"
    assert [d.code for d in editor.lint(path, edited).diagnostics] == [
        d.code for d in DocumentLinter().lint(path, edited).diagnostics
    ]
    assert "NV101" in [d.code for d in editor.lint(path, edited).diagnostics]


def test_another_rule_set_or_settings_forgets_the_walk(tmp_path):
    """The walk kept depends on the rules (which words are kept) and the settings: the memory's key."""
    editor, path, text = _opened(tmp_path, 5, 100)
    memory = editor._memories[path].script
    key = memory.key
    assert key is not None and memory.checkpoints
    data = text + "echo more\n"
    assert memory.start(data, key) is not None  # the same key: resumed
    path_, settings, codes = key
    assert memory.start(data, (path_, settings, codes[1:])) is None  # a rule fewer: read whole
    assert memory.checkpoints == [] and memory.events == []
    assert memory.start(data, (path_, settings, codes[1:])) is None  # nothing kept to resume from yet


def test_changing_the_rules_in_the_editor_takes_effect_at_once(tmp_path):
    from nvlint.server.documents import ClientSettings

    text = "IMAGE=vllm/vllm-openai:1\n" + "".join(f"echo {n}\n" for n in range(300))
    text += 'ngc cf fn create --name f --inference-url /i --container-image "$IMAGE"\n'
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    assert "NV101" in [d.code for d in editor.lint(path, text).diagnostics]
    editor.reconfigure(ClientSettings(ignore=("NV101",)))
    assert "NV101" not in [d.code for d in editor.lint(path, text + "echo\n").diagnostics]


def _fixture_readings():
    """(flows, context) of every rule fixture, read as the command line reads it, all rules on."""
    from pathlib import Path

    from conftest import lint_bytes, settings_with

    import nvlint.rules.engine as engine
    from nvlint.discover import detect_kind
    from nvlint.rules import all_rules

    readings = []
    original = engine.run_rules

    def capture(flows, rules, context, reuse=None):
        readings.append((flows, context))
        return original(flows, rules, context, reuse)

    engine.run_rules = capture
    try:
        for path in sorted((Path(__file__).parent / "rules" / "cases").rglob("*")):
            if path.is_file() and path.suffix not in (".expected", ".fixed", ".toml"):
                kind = detect_kind(path) or "shell"
                lint_bytes(path.read_bytes(), path.name, kind, settings_with(), all_rules())
    finally:
        engine.run_rules = original
    return readings


def test_every_per_event_rule_finds_on_a_flow_what_it_finds_on_each_event_alone():
    """Rule.per_event lets the editor check only the events an edit made again: it must hold on every
    fixture, read with every rule on. (The rules not declared per-event show why: an order, a first error.)"""
    from nvlint.rules import all_rules

    readings = _fixture_readings()
    assert len(readings) > 100

    def shown(findings):
        return sorted((d.code, d.start, d.end, d.message) for d in findings)

    declared = [rule for rule in all_rules() if rule.per_event]
    assert len(declared) > 20
    checked = 0
    for rule in declared:
        for flows, context in readings:
            for flow in flows:
                view = [e for e in flow if type(e) in rule.reads and e.alternative is None]
                if not view:
                    continue
                whole = shown(rule.check(view, context))
                each = shown(d for event in view for d in rule.check([event], context))
                assert whole == each, f"{rule.code} is not per-event on a fixture's flow"
                checked += whole != []
    assert checked > 30  # flows with findings were compared, not only silent ones
    not_per_event = {rule.code for rule in all_rules() if rule.check is not None and not rule.per_event}
    assert {"NV004", "NV201", "NV202", "NV516"} <= not_per_event


def _creates(count: int) -> str:
    """A script of ``count`` pushes and creates, each of its own image."""
    block = (
        'IMAGE="nvcr.io/acme/app{n}:1"\ndocker push "$IMAGE"\n'
        'ngc cf fn create --name app{n} --inference-url /i --container-image "$IMAGE"\n'
    )
    return "#!/bin/bash\n" + "".join(block.format(n=n) for n in range(count))


def _counting_checks(monkeypatch) -> dict[str, int]:
    """How many events each rule's checks are given (filled as the readings run)."""
    import nvlint.rules.engine as engine

    given: dict[str, int] = {}
    original = engine._checked

    def counting(rule, view, context, found):
        given[rule.code] = given.get(rule.code, 0) + len(view)
        return original(rule, view, context, found)

    monkeypatch.setattr(engine, "_checked", counting)
    return given


def test_an_edit_in_one_create_runs_the_per_event_rules_on_the_commands_read_again(tmp_path, monkeypatch):
    base = _creates(300)
    at = base.rindex('"$IMAGE"')
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    given = _counting_checks(monkeypatch)
    for version in range(4):
        text = base[:at] + ("vllm/vllm-openai:1" if version % 2 else '"$IMAGE"') + base[at + 8 :]
        whole = _findings(DocumentLinter().lint(path, text))
        given.clear()
        assert _findings(editor.lint(path, text)) == whole
    assert given["NV101"] == 1 and given["NV503"] == 1  # the edited create, not all 300
    assert given["NV201"] == 600  # an order rule reads every push and create again


def test_typing_in_a_create_in_the_middle_rejoins_and_reruns_the_per_event_rules_on_it_alone(tmp_path, monkeypatch):
    """A keystroke in a create halfway down a long script: the walk rejoins the last reading after it, and
    once the groups around it are split, each per-event rule reads only that create again."""
    base = _creates(300)
    at = base.index("--name app150") + len("--name app150")
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    given = _counting_checks(monkeypatch)
    for version in range(5):
        text = base[:at] + "x" * (version % 2) + base[at:]
        whole = _findings(DocumentLinter().lint(path, text))
        given.clear()
        assert _findings(editor.lint(path, text)) == whole
        assert version == 0 or editor._memories[path].script.rejoined_at is not None
        if version == 1:  # the first edit there: the run of events around it, not all 300
            assert given["NV101"] < 150
    assert given["NV101"] == 1 and given["NV503"] == 1  # the edited create, not all 300


@pytest.mark.parametrize("upwards", [False, True])  # upwards: the earlier edits are after the next (rejoined)
def test_edits_all_over_a_script_keep_no_more_checkpoints_than_a_few_near_the_last(tmp_path, upwards):
    text = _creates(400)  # every line a statement of its own: each edit leaves it clean
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    editor.lint(path, text)
    rejoined = 0
    for place in reversed(range(20)) if upwards else range(20):
        at = text.index("\n", len(text) * place // 20) + 1
        text = text[:at] + "echo edited\n" + text[at:]
        editor.lint(path, text)
        rejoined += editor._memories[path].script.rejoined_at is not None
    assert not upwards or rejoined > 10
    checkpoints = editor._memories[path].script.checkpoints
    statements = text.count("\n")
    # one every 2 KB, and before each statement within 2 KB of the last edit: not one before each statement
    assert len(checkpoints) < len(text) // resume.CHECKPOINT_BYTES + 2 * resume.CHECKPOINT_BYTES // 20
    assert len(checkpoints) < statements / 4
    assert [c.offset for c in checkpoints] == sorted({c.offset for c in checkpoints})


def test_what_a_reading_replaces_is_held_until_released(tmp_path):
    """The editor frees the last reading's events and findings after publishing the new ones (their
    freeing took 5-10 ms of an edit of 5,000 lines): until release() they are held, once per document."""
    editor, path, base = _opened(tmp_path, 3, 120)
    memory = editor._memories[path]
    first_events, first_findings = memory.script.events, memory.findings.last
    middle = base.index("\n", len(base) // 2) + 1
    editor.lint(path, base[:middle] + "# typed\n" + base[middle:])
    assert memory.script.events is not first_events  # replaced by the new reading...
    (held,) = editor.retired.values()
    assert held[0] is first_events and held[2] is first_findings  # ...and still held
    editor.lint(path, base)
    assert len(editor.retired) == 1 and editor.retired[path][0] is not first_events  # one per document
    editor.release()
    assert editor.retired == {}


def test_per_event_rules_reading_the_same_types_share_one_partition_of_their_view(tmp_path):
    """NV101 and NV102 read creates alone: after an edit in the middle, the first of them splits the
    view into its held groups, the creates read before and the new ones, and the second takes the very
    same lists (so what the image rules derive from them is worked out once)."""
    block = 'ngc cf fn create --name app{n} --inference-url /i --container-image "nvcr.io/acme/app{n}:1"\n'
    base = "#!/bin/bash\n" + "".join(block.format(n=n) for n in range(200))
    path = str(tmp_path / "deploy.sh")
    editor = DocumentLinter()
    middle = base.index("\n", len(base) // 2) + 1
    for text in (base, base[:middle] + "echo typed\n" + base[middle:], base[:middle] + "echo typing\n" + base[middle:]):
        assert _findings(editor.lint(path, text)) == _findings(DocumentLinter().lint(path, text))
    groups = editor._memories[path].findings.last_groups
    nv101, nv102 = (next(g for k, g in groups.items() if k[2] == code) for code in ("NV101", "NV102"))
    assert len(nv101) == len(nv102) > 1
    assert all(a.events is b.events for a, b in zip(nv101, nv102, strict=True))


def test_a_rest_that_does_not_parse_on_its_own_is_read_again_with_the_whole_file(tmp_path, monkeypatch):
    """The text up to where the walk may rejoin is parsed first; the rest, if it must be walked, after. If
    the rest does not parse cleanly on its own (tree-sitter and the last reading disagree), the whole
    file is read again: the same findings and events as a whole reading."""
    blocks = [BLOCKS[0].format(n=n) + BLOCKS[1] + BLOCKS[2].format(n=n) for n in range(40)]
    text = "#!/usr/bin/env bash\n" + "".join(blocks)
    middle = text.index("IMAGE=", len(text) // 2)
    edited = text[:middle] + "EXTRA=1\n" + text[middle:]  # a variable more: the state differs to the end
    real = resume.parse_from
    broken = []

    def rest_with_an_error(data, start, end=None):
        if end is None and broken:  # the rest after a window
            return real(data + b"\nif\n", start)
        return real(data, start, end)

    monkeypatch.setattr(resume, "parse_from", rest_with_an_error)
    editor = DocumentLinter()
    path = str(tmp_path / "deploy.sh")
    editor.lint(path, text)
    broken.append(True)
    got = _findings(editor.lint(path, edited))
    assert editor._memories[path].script.resumed_at is None  # read whole after all
    assert got == _findings(DocumentLinter().lint(path, edited))
