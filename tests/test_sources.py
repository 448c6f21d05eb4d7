"""Every source kind, golden-file style: `tests/fixtures/golden/**/NAME` has `NAME.expected`, one
`line:column-end_line:end_column CODE message` per finding (empty when nothing must be reported). The
paths matter: GitHub workflows are found by `.github/workflows/`, GitLab by `.gitlab-ci.yml`, includes
by location."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_golden, lint, lint_bytes, span_text

from nvlint.discover import detect_kind
from nvlint.rules import select_rules
from nvlint.settings import Settings

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
DEFAULT_RULES = select_rules()
CASES = sorted(
    p
    for p in GOLDEN.rglob("*")
    if p.is_file() and p.suffix != ".expected" and p.with_name(p.name + ".expected").exists()
)


def findings(path: Path):
    return lint_bytes(path.read_bytes(), str(path), detect_kind(path), Settings(), DEFAULT_RULES)


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.relative_to(GOLDEN)))
def test_golden(path):
    check_golden(path.with_name(path.name + ".expected"), findings(path))


def spans(path: Path) -> dict[str, list[str]]:
    text = path.read_text()
    out: dict[str, list[str]] = {}
    for d in findings(path):
        out.setdefault(d.code, []).append(span_text(text, d))
    return out


def test_github_spans_inside_block_scalars():
    found = spans(GOLDEN / "github" / ".github" / "workflows" / "deploy.yml")
    assert found["NV302"] == ["$oauthtoken"]  # literal block `|`
    assert found["NV201"] == ['"${{ env.IMAGE }}"']  # continuation line inside the block
    assert found["NV101"] == ["vllm/vllm-openai:v0.6.3"]  # folded `>-`
    assert found["NV301"] == ["oauthtoken"]  # `|2` indentation indicator
    assert found["NV303"] == ["$NGC_API_KEY"]  # the key inside a double-quoted scalar, as in a script
    assert found["NV401"] == ["/mount/model/llama/1.0"]  # a job's env: value


def test_make_spans_through_continuations_and_expansions():
    found = spans(GOLDEN / "make" / "Makefile")
    assert found["NV201"] == ["$(IMAGE)"]  # the reference in the recipe, on the continuation line
    assert found["NV302"] == ["$oauthtoken", "$$oauthtoken"]
    assert found["NV103"] == ["$(BASE_IMAGE)"]  # defined in an included file: the reference here
    assert found["NV401"] == ["/mount/model/server/1.0"]  # a target-specific variable


def test_no_fix_for_text_written_in_another_file():
    (d,) = [d for d in findings(GOLDEN / "make" / "Makefile") if d.code == "NV103"]
    assert d.fix is None  # BASE_IMAGE is written in common.mk: an edit here would break the reference


def test_make_oauthtoken_fix_doubles_the_dollar():
    (make_level, shell_level) = [d for d in findings(GOLDEN / "make" / "Makefile") if d.code == "NV302"]
    assert "$$oauthtoken" in make_level.message
    assert make_level.fix.edits[0].content == "$"
    assert shell_level.fix.edits[0].content == "'$$oauthtoken'"


def test_gitlab_anchor_is_reported_once_at_the_anchor():
    found = findings(GOLDEN / "gitlab" / ".gitlab-ci.yml")
    assert [d.line for d in found if d.code == "NV302"] == [7]


def test_yaml_that_is_not_a_deployment_is_silent():
    assert findings(GOLDEN / "payload" / "k8s" / "deployment.yaml") == []
    assert findings(GOLDEN / "payload" / "k8s" / "broken.yaml") == []


def test_malformed_workflow_is_nv000_with_the_parser_position():
    (d,) = findings(GOLDEN / "payload" / ".github" / "workflows" / "broken.yml")
    assert (d.code, d.line, d.column) == ("NV000", 6, 6) and "YAML parse error" in d.message


def test_no_rule_knows_the_file_kind():
    """The same mistake in four kinds of file gives the same finding."""
    shell = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
    make = 'login:\n\tdocker login nvcr.io -u "$$oauthtoken" --password-stdin < key\n'
    github = (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
    )
    gitlab = 'job:\n  script:\n    - docker login nvcr.io -u "$oauthtoken" --password-stdin < key\n'
    results = [
        lint_bytes(shell.encode(), "a.sh", "shell", Settings(), DEFAULT_RULES),
        lint_bytes(make.encode(), "Makefile", "makefile", Settings(), DEFAULT_RULES),
        lint_bytes(github.encode(), ".github/workflows/a.yml", "yaml", Settings(), DEFAULT_RULES),
        lint_bytes(gitlab.encode(), ".gitlab-ci.yml", "yaml", Settings(), DEFAULT_RULES),
    ]
    assert [[d.code for d in r] for r in results] == [["NV302"]] * 4


@pytest.mark.parametrize(
    "style,body",
    [
        ("|", "\n          docker login nvcr.io -u $oauthtoken\n"),
        ("|-", "\n          docker login nvcr.io -u $oauthtoken\n"),
        ("|+", "\n          docker login nvcr.io -u $oauthtoken\n\n"),
        (">", "\n          docker login nvcr.io\n          -u $oauthtoken\n"),
        (">-", "\n          docker login nvcr.io\n          -u $oauthtoken\n"),
        ("|4", "\n            docker login nvcr.io -u $oauthtoken\n"),
        ("|2-", "\n             docker login nvcr.io -u $oauthtoken\n"),
        ("", " docker login nvcr.io -u $oauthtoken\n"),
        ("", " 'docker login nvcr.io -u $oauthtoken'\n"),
        ("", ' "docker login nvcr.io -u $oauthtoken"\n'),
        ("", " docker login nvcr.io\n          -u $oauthtoken\n"),
        ("", ' "docker login nvcr.io \\\n          -u $oauthtoken"\n'),
    ],
)
def test_every_scalar_style_maps_back(style, body):
    text = f"on: push\njobs:\n  a:\n    steps:\n      - run:{' ' + style if style else ''}{body}"
    (d,) = lint_bytes(text.encode(), ".github/workflows/x.yml", "yaml", Settings(), DEFAULT_RULES)
    assert d.code == "NV302" and span_text(text, d) == "$oauthtoken"


def test_crlf_workflow_positions():
    text = (
        "on: push\r\njobs:\r\n  a:\r\n    steps:\r\n      - run: |\r\n          docker login nvcr.io -u $oauthtoken\r\n"
    )
    (d,) = lint_bytes(text.encode(), ".github/workflows/x.yml", "yaml", Settings(), DEFAULT_RULES)
    assert (d.line, d.column, d.end_column) == (6, 35, 46)


def test_inline_curl_payload():
    src = (
        "curl -s https://api.nvcf.nvidia.com/v2/nvcf/functions -H 'Content-Type: application/json' \\\n"
        '  -d \'{"name": "\'"$NAME"\'", "inferenceUrl": "/i", "containerImage": "nginx:1.27"}\'\n'
    )
    (d,) = lint(src)
    assert d.code == "NV101" and span_text(src, d) == "nginx:1.27"


def workflow(steps: str, job_extra: str = "", top: str = "") -> list:
    text = f"on: push\n{top}jobs:\n  a:\n    runs-on: ubuntu-latest\n{job_extra}    steps:\n{steps}"
    return lint_bytes(text.encode(), ".github/workflows/w.yml", "yaml", Settings(), DEFAULT_RULES)


def test_login_action_username_and_registry():
    bad = (
        "      - uses: docker/login-action@v3\n        with:\n          registry: nvcr.io\n"
        "          username: oauthtoken\n          password: ${{ secrets.NGC_API_KEY }}\n"
    )
    assert [d.code for d in workflow(bad)] == ["NV301"]
    assert workflow(bad.replace("username: oauthtoken", "username: $oauthtoken")) == []
    assert workflow(bad.replace("username: oauthtoken", "username: ${{ secrets.NGC_USER }}")) == []
    no_registry = bad.replace("          registry: nvcr.io\n", "").replace("oauthtoken", "$oauthtoken")
    assert [d.code for d in workflow(no_registry)] == ["NV304"]


def test_build_push_action_push_true_is_a_push():
    steps = (
        "      - uses: docker/build-push-action@v6\n        with:\n"
        "          tags: nvcr.io/acme/a:1,nvcr.io/acme/a:latest\n"
        "          push: {push}\n"
        "      - run: ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:latest\n"
    )
    assert workflow(steps.format(push="true")) == []
    assert workflow(steps.format(push="${{ github.ref == 'refs/heads/main' }}")) == []  # may push
    assert [d.code for d in workflow(steps.format(push="false"))] == ["NV201"]


def test_non_bash_steps_are_skipped():
    step = "      - run: docker login nvcr.io -u $oauthtoken\n"
    assert [d.code for d in workflow(step)] == ["NV302"]
    assert workflow(step, job_extra="    defaults:\n      run:\n        shell: pwsh\n") == []
    assert workflow(step, top="defaults:\n  run:\n    shell: python\n") == []
    assert workflow(step.replace("- run:", "- shell: cmd\n        run:")) == []
    windows = step.replace("- run:", "- run:")
    text = f"on: push\njobs:\n  a:\n    runs-on: windows-latest\n    steps:\n{windows}"
    assert lint_bytes(text.encode(), ".github/workflows/w.yml", "yaml", Settings(), DEFAULT_RULES) == []


def test_gitlab_stage_order_and_extends():
    text = (
        "stages: [build, deploy]\n"
        ".base:\n  stage: deploy\n  before_script:\n    - docker push nvcr.io/acme/a:1\n"
        "build:\n  stage: build\n  script: docker build -t nvcr.io/acme/a:1 .\n"
        "deploy:\n  extends: .base\n  script:\n"
        "    - - ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1\n"
    )
    assert lint_bytes(text.encode(), ".gitlab-ci.yml", "yaml", Settings(), DEFAULT_RULES) == []
    no_push = text.replace("docker push nvcr.io/acme/a:1", "echo no push")
    found = lint_bytes(no_push.encode(), ".gitlab-ci.yml", "yaml", Settings(), DEFAULT_RULES)
    assert [(d.code, d.line) for d in found] == [("NV201", 12)]


def test_make_prerequisites_depth_first_each_once():
    text = (
        "IMAGE := nvcr.io/acme/a:1\n"
        "all: build push deploy\n"
        "build:\n\tdocker build -t $(IMAGE) .\n"
        "push: build\n\tdocker push $(IMAGE)\n"
        "deploy:\n\tngc cf fn create --name a --inference-url /i --container-image $(IMAGE)\n"
        "quick: build deploy\n"
    )
    found = lint_bytes(text.encode(), "Makefile", "makefile", Settings(), DEFAULT_RULES)
    assert [(d.code, d.line) for d in found] == [("NV201", 8)]  # `quick` builds then deploys; reported once


def test_make_variables_flavours():
    text = (
        "A = nvcr.io\nB := $(A)/acme\nC ?= $(B)/x\nC ?= other\n"
        "export D = $(C)\nFLAGS = --name a\nFLAGS += --inference-url /i\n"
        "x:\n\tngc cf fn create $(FLAGS) --container-image $${D}\n"
        "y:\n\tngc cf fn create $(FLAGS) --container-image $(shell cat image.txt)\n"
    )
    found = lint_bytes(text.encode(), "Makefile", "makefile", Settings(), DEFAULT_RULES)
    # `?=` keeps the first value, `export` reaches the shell, `+=` appends: only the missing tag is left
    assert [(d.code, d.line, d.column) for d in found] == [("NV106", 9, 46)]  # assembled: the use


def test_both_yaml_composers_give_the_same_findings(monkeypatch):
    """libyaml (fast) and ruamel.yaml (the fallback) must agree on every YAML and JSON fixture."""
    from nvlint.yamltree import nodes as yaml_doc

    yaml_cases = [p for p in CASES if p.suffix in (".yml", ".yaml", ".json", ".ipynb")]
    fast = {p: [(d.code, d.line, d.column) for d in findings(p)] for p in yaml_cases}
    monkeypatch.setattr(yaml_doc, "_LOADER", [None])
    slow = {p: [(d.code, d.line, d.column) for d in findings(p)] for p in yaml_cases}
    assert slow == fast and any(fast.values())


WRONG_USERNAME = {
    "shell": "docker login nvcr.io -u oauthtoken --password-stdin < key\n",
    "makefile": "login:\n\tdocker login nvcr.io -u oauthtoken --password-stdin < key\n",
    "yaml": (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: docker login nvcr.io -u oauthtoken --password-stdin < key\n"
    ),
    "markdown": "```bash\ndocker login nvcr.io -u oauthtoken --password-stdin < key\n```\n",
    "dockerfile": "FROM x\nRUN docker login nvcr.io -u oauthtoken --password-stdin < key\n",
}


@pytest.mark.parametrize("kind", sorted(WRONG_USERNAME))
def test_a_fix_is_right_in_one_application_in_every_kind(kind):
    """An editor applies a finding's edits once: the result must be correct then, not after a second
    round of another rule (NV301's fix in a Makefile writes `'$$oauthtoken'`, which make reads as `$`)."""
    from nvlint.fix import apply

    source = WRONG_USERNAME[kind]
    (finding,) = lint(source, kind=kind)
    assert finding.code == "NV301"
    fixed, applied = apply(source, [finding], unsafe=False)
    assert applied == 1 and lint(fixed, kind=kind) == []


def test_a_terraform_heredoc_is_the_script_terraform_hands_on():
    """`$${X}` is the shell's `${X}`; `${var.x}` and `%{ if }` are Terraform's: unknown, never the shell's."""
    from conftest import events

    from nvlint.model.events import ImagePushed

    text = (
        'resource "aws_instance" "a" {\n'
        "  user_data = <<-EOF\n"
        "    #!/bin/bash\n"
        "    IMAGE=nvcr.io/acme/app:1\n"
        "    %{ if var.push }\n"
        "    docker push $${IMAGE}\n"
        "    docker push ${var.image}\n"
        "    %{ endif }\n"
        "  EOF\n"
        "}\n"
    )
    pushed = [e.image for e in events(text, kind="terraform", path="main.tf") if isinstance(e, ImagePushed)]
    assert [p.literal for p in pushed] == ["nvcr.io/acme/app:1", None]
    assert events('variable "x" {}\n', kind="terraform", path="main.tf") == []


@pytest.mark.parametrize(
    ("path", "first", "read"),
    [
        ("boot.sh.tftpl", "", True),
        ("boot.tftpl", "#!/bin/bash -e\n", True),  # a shell shebang with options, as nvlint reads shebangs
        ("boot.tftpl", "#!/usr/bin/env -S bash -e\n", True),
        ("boot.tftpl", "#!/usr/bin/python3\n", False),
        ("values.json.tftpl", "", False),
    ],
)
def test_a_terraform_template_is_read_when_it_is_a_shell_script(path, first, read):
    from conftest import events

    from nvlint.model.events import ImagePushed

    text = first + "docker push nvcr.io/acme/app:${tag}\n"
    pushed = [e for e in events(text, kind="terraform-template", path=path) if isinstance(e, ImagePushed)]
    assert bool(pushed) == read
