"""Cost linear in the number of commands, checked by counting work (calls of the costly functions), not
by timing: a script twice as long must not make the rules do more than twice the work."""

from __future__ import annotations

import pytest
from conftest import lint

BLOCK = """IMAGE="nvcr.io/acme/app{n}:1.{n}"
docker build -t "$IMAGE" .
docker push "$IMAGE"
ngc cf fn create --name app{n} --inference-url /infer --container-image "$IMAGE" --health-uri /health
ngc registry model create acme/weights{n} --application OTHER --framework PyTorch --format safetensors \\
  --precision FP16 --short-desc 'weights'
ngc registry model upload-version acme/weights{n}:1.0 --source ./weights
ngc cf fn create --name llm{n} --inference-url /infer --container-image nvcr.io/acme/server:1.0 \\
  --model acme/weights{n}:1.0
"""


def script(blocks: int) -> str:
    return "#!/bin/sh\n" + "".join(BLOCK.format(n=n) for n in range(blocks))


def calls(monkeypatch, blocks: int) -> dict[str, int]:
    import nvlint.reference_grammar as grammar
    import nvlint.rules._matching as matching

    counted = {"parse_image": 0, "templates_compatible": 0}
    grammar.canonical_docker.cache_clear()  # each count starts from nothing known
    grammar.canonical_ngc.cache_clear()

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            counted[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(grammar, "parse_image")
    counting(matching, "templates_compatible")
    assert lint(script(blocks)) == []  # every image pushed, every model uploaded: nothing to report
    monkeypatch.undo()
    return counted


@pytest.mark.parametrize("name", ["parse_image", "templates_compatible"])
def test_push_order_rules_do_work_linear_in_the_commands(monkeypatch, name):
    small, large = calls(monkeypatch, 50)[name], calls(monkeypatch, 200)[name]
    assert large <= 4.4 * max(small, 1), f"{name}: {small} calls for 50 blocks, {large} for 200"


def test_the_push_order_rules_still_find_a_late_push():
    text = (
        script(30) + "docker build -t nvcr.io/acme/late:1 .\n"
        "ngc cf fn create --name late --inference-url /infer --container-image nvcr.io/acme/late:1\n"
        "docker push nvcr.io/acme/late:1\n"
    )
    (found,) = lint(text)
    assert found.code == "NV201" and "comes too late" in found.message


def test_a_file_read_and_checked_leaves_no_reference_cycles():
    """Every object of a file (its parse tree, words, events) is freed by reference counting when the file
    is done: a cycle would keep them for the garbage collector, whose passes over them cost 40% of the
    time on a long script (the collector is tuned down in nvlint.cli on that basis)."""
    import gc
    from pathlib import Path

    from conftest import lint_bytes, select_rules, settings_with

    from nvlint.discover import detect_kind

    here = Path(__file__).parent
    paths = [*(here / "fixtures").rglob("*"), *(here.parent / "examples").rglob("*")]
    files = [(path, detect_kind(path)) for path in sorted(paths) if path.is_file()]
    files = [(path, kind) for path, kind in files if kind is not None]  # YAML: GitHub, GitLab, payloads...
    assert {kind for _, kind in files} >= {"shell", "makefile", "yaml", "markdown", "dockerfile", "notebook"}
    rules, settings = select_rules(), settings_with()

    def check_all() -> None:
        for path, kind in files:
            lint_bytes(path.read_bytes(), str(path), kind, settings, rules)

    check_all()  # imports, compiled patterns and caches are made once
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        check_all()
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_rules_declare_the_events_they_read_and_skipping_the_others_changes_nothing(monkeypatch):
    """A rule is given only flows holding an event type it reads (`Rule.reads`): the same findings as
    giving every rule (the events it reads of) every flow, on every fixture and every rule's documented
    examples. (That a rule's check handles only the types it declares is mypy's to prove: it is typed
    `Rule[Login]`, its check takes `Sequence[Login]`, and unreachable branches are errors.)"""
    from pathlib import Path

    from conftest import lint_bytes, select_rules, settings_with

    from nvlint.discover import detect_kind
    from nvlint.rules import all_rules

    undeclared = [rule.code for rule in all_rules() if rule.check is not None and rule.reads is None]
    assert undeclared == []

    here = Path(__file__).parent
    paths = [*(here / "fixtures").rglob("*"), *(here.parent / "examples").rglob("*")]
    inputs = [(path.read_bytes(), str(path), detect_kind(path)) for path in sorted(paths) if path.is_file()]
    inputs = [entry for entry in inputs if entry[2] is not None]
    examples = [(rule, example) for rule in all_rules() for example in (rule.bad, rule.good)]
    inputs += [
        (example.encode("utf-8", "surrogateescape"), rule.example_file, detect_kind(Path(rule.example_file)) or "shell")
        for rule, example in examples
    ]
    rules = select_rules(extend_select=tuple(rule.code for rule in all_rules()))
    settings = settings_with()

    def findings() -> list:
        return [
            [(d.code, d.start, d.end, d.message) for d in lint_bytes(data, path, kind, settings, rules)]
            for data, path, kind in inputs
        ]

    import nvlint.rules.engine as engine

    dispatched = findings()
    monkeypatch.setattr(engine, "SKIP_FLOWS_WITHOUT_THEIR_EVENTS", False)
    assert findings() == dispatched
    assert sum(map(len, dispatched)) > 100  # the inputs do reach the rules


def test_suppressions_scale_with_the_findings_not_their_product():
    """Two thousand findings, each silenced by its own directive: a finding's directives are looked up by
    code and line, not by asking every directive about every finding (four million questions)."""
    import nvlint.suppressions as suppressions
    from nvlint.diagnostics import Diagnostic

    line = 'echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin'
    script = "".join(f"{line}  # nvlint: disable=NV302 -- {n}\n" for n in range(2000))
    assert lint(script) == []  # every finding silenced, every directive used (no NV001)
    assert [d.code for d in lint(script + line + "\n")] == ["NV302"]

    asked: list[str] = []

    class Codes(list):
        def __contains__(self, code) -> bool:
            asked.append(code)
            return super().__contains__(code)

    parsed = suppressions.parse(script, frozenset({"NV302"}))
    for directive in parsed.directives:
        directive.codes = Codes(directive.codes)
    found = []
    for n in range(2000):
        finding = Diagnostic("NV302", "oauthtoken-expanded", "error", "m", 0, 1)
        finding.line = n + 1
        found.append(finding)
    assert suppressions.apply(found, parsed) == []
    assert all(directive.used == {"NV302"} for directive in parsed.directives)
    assert len(asked) <= 2000


BRANCHY = """V{n}="value {n}"
if [ -n "$X{n}" ]; then
  W{n}="a {n}"
else
  W{n}="b {n}"
fi
case "$M" in x) Z{n}=1 ;; *) Z{n}=2 ;; esac
for f in a b; do echo "$f"; done
"""


def merge_comparisons(monkeypatch, blocks: int) -> int:
    """How many values the interpreter compares to merge branches, on a script of this many blocks."""
    from nvlint.model.words import Value

    counted = {"eq": 0}
    original = Value.__eq__

    def counting(self, other):
        counted["eq"] += 1
        return original(self, other)

    monkeypatch.setattr(Value, "__eq__", counting)
    lint("#!/bin/sh\n" + "".join(BRANCHY.format(n=n) for n in range(blocks)) + "ngc config current\n")
    monkeypatch.undo()
    return counted["eq"]


def test_merging_branches_is_linear_in_the_script():
    """Each if, case and loop compares only the variables its branches assigned, not every variable the
    script has set so far (that was quadratic: 2.1M comparisons at 40,000 lines)."""
    small, large = merge_comparisons(pytest.MonkeyPatch(), 50), merge_comparisons(pytest.MonkeyPatch(), 400)
    assert large <= 8.8 * max(small, 1), f"{small} comparisons for 50 blocks, {large} for 400"


def _notebook(cells: list[str]) -> str:
    import json

    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "source": text.splitlines(keepends=True), "outputs": []}
                for text in cells
            ],
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


def test_a_notebook_places_the_characters_only_of_the_cells_it_reads(monkeypatch):
    """Most cells of a notebook are Python no rule reads: their characters are never given offsets."""
    import nvlint.sources.notebook as notebook

    plain = 'import torch\nmodel = torch.nn.Linear(4, 4)\nprint("loss", model(x))\n'
    cells = [plain] * 200 + [
        '!docker login nvcr.io -u "$oauthtoken" -p "$KEY"\n',  # a shell line
        "%%bash\necho hi\n",  # a shell cell
        'import subprocess\nsubprocess.run(["ngc", "registry", "image", "list"])\n',  # Python that runs ngc
    ]
    placed: list[str] = []
    value_lines = notebook._value_lines
    monkeypatch.setattr(
        notebook, "_value_lines", lambda text, piece: placed.append(piece.value) or value_lines(text, piece)
    )
    found = lint(_notebook(cells), kind="notebook")
    assert sorted(d.code for d in found) == ["NV302", "NV303"]  # the login: its user, its -p key
    assert len(placed) == 5  # the pieces (lines) of the last three cells
    assert not any("torch" in piece for piece in placed)


def commands_run(monkeypatch, text: str) -> int:
    """How many commands the interpreter ran (function bodies and loop bodies once per run)."""
    from nvlint.shell.interp import Interpreter

    ran = {"commands": 0}
    original = Interpreter.execute

    def counting(self, *args, **kwargs):
        ran["commands"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Interpreter, "execute", counting)
    lint(text)
    monkeypatch.undo()
    return ran["commands"]


def test_loops_over_literal_words_stay_within_the_command_budget():
    """A `for` over literal words walks its body once per word; nested, that multiplies (5 levels of 8
    words are 32,768 runs of the body: over the budget, and still quick to fail without it). The budget
    that bounds function calls bounds these."""
    from nvlint.shell.interp import MIN_COMMAND_BUDGET

    nested = "".join(f"for v{n} in a b c d e f g h; do\n" for n in range(5))
    text = "#!/bin/sh\n" + nested + 'docker push "nvcr.io/acme/$v0:1"\n' + "done\n" * 5
    ran = commands_run(pytest.MonkeyPatch(), text)
    assert 8 <= ran <= MIN_COMMAND_BUDGET + 8**2, ran


CHOOSING = """if [ -n "$K{n}" ]; then a{n}="-p $K{n}"; b{n}=x; c{n}=1
elif [ -n "$L{n}" ]; then a{n}="--password $L{n}"; b{n}=y; c{n}=2
elif [ -n "$M{n}" ]; then a{n}="-p $M{n}"; c{n}=3
else a{n}=""; c{n}=4
fi
docker login nvcr.io -u '$oauthtoken' $a{n}
docker login "nvcr.io/$b{n}" -u '$oauthtoken' $a{n}
docker login "nvcr.io/$c{n}" -u '$oauthtoken' $a{n} $b{n}
"""


def commands_read(monkeypatch, text: str) -> int:
    """How many commands (what surely runs, and each alternative) become events."""
    import nvlint.sources.session as session

    read = {"commands": 0}
    original = session.recognise

    def counting(*args, **kwargs):
        read["commands"] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(session, "recognise", counting)
    lint(text)
    monkeypatch.undo()
    return read["commands"]


def test_values_set_in_branches_are_read_a_bounded_number_of_ways():
    """A variable the branches leave different keeps up to 4 values; a command is read once per value or
    combination, at most 4 ways beside what surely runs, so the cost stays linear in the script. Here each
    block's three logins are read 1 + 4 ways (the values of a), 1 (a and b: 4 * 2 ways, over the bound),
    and 1 (4 * 2 * 4)."""
    from nvlint.shell.interp import MAX_ALTERNATIVES

    assert MAX_ALTERNATIVES == 4
    small = commands_read(pytest.MonkeyPatch(), "#!/bin/sh\n" + "".join(CHOOSING.format(n=n) for n in range(50)))
    large = commands_read(pytest.MonkeyPatch(), "#!/bin/sh\n" + "".join(CHOOSING.format(n=n) for n in range(400)))
    assert small == 50 * (5 + 1 + 1), small
    assert large == 8 * small, (small, large)


BRANCHES = """if [ -n "$PROD" ]; then
  IMAGE="nvcr.io/acme/app{n}:1.{n}"
else
  IMAGE="vllm/vllm-openai:{n}"
fi
docker push "$IMAGE"
ngc cf fn create --name app{n} --inference-url /infer --container-image "$IMAGE" --health-uri /health
"""


def spans_read(monkeypatch, blocks: int) -> tuple[int, int]:
    """(findings, alternative spans looked at to say when each holds) for a script of ``blocks`` branches."""
    import nvlint.rules.engine as engine

    looked = [0]

    class Counted(list):
        def __getitem__(self, index):
            looked[0] += 1
            return list.__getitem__(self, index)

    class Covering(engine._Covering):
        def __init__(self, alternatives) -> None:
            super().__init__(alternatives)
            self.spans = Counted(self.spans)

    monkeypatch.setattr(engine, "_Covering", Covering)
    found = lint("#!/bin/bash\n" + "".join(BRANCHES.format(n=n) for n in range(blocks)))
    monkeypatch.undo()
    assert all("when" in d.message or "unless" in d.message for d in found if d.code == "NV101")
    return len(found), looked[0]


def test_saying_which_branch_a_finding_holds_in_is_linear_in_the_branches(monkeypatch):
    """Each alternative's finding (NV101 when PROD is unset) is matched to its alternative by bisection: it
    was a scan of every alternative of the file for every finding, quadratic in the branches."""
    (small_found, small), (large_found, large) = spans_read(monkeypatch, 50), spans_read(monkeypatch, 200)
    assert (small_found, large_found) == (50, 200)
    assert large <= 4.4 * small, f"{small} spans looked at for 50 blocks, {large} for 200"
