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
    text = script(30) + 'docker build -t nvcr.io/acme/late:1 .\n' \
        'ngc cf fn create --name late --inference-url /infer --container-image nvcr.io/acme/late:1\n' \
        'docker push nvcr.io/acme/late:1\n'
    (found,) = lint(text)
    assert found.code == "NV201" and "comes too late" in found.message
