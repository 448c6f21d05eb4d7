"""Commands run on another machine, in a container or on a cluster node are scripts too, with
positions inside the words that carry them (nvlint/shell/remote.py keeps the table)."""

from __future__ import annotations

import pytest
from conftest import codes, lint, span_text

LOGIN = 'docker login nvcr.io -u "$oauthtoken" --password-stdin < key'


@pytest.mark.parametrize(
    "script",
    [
        f"brev exec my-gpu '{LOGIN}'\n",
        'brev exec my-gpu -- docker login nvcr.io -u \\"\\$oauthtoken\\" --password-stdin\n',
        f"gcloud compute ssh vm-1 --zone us-central1-a --command '{LOGIN}'\n",
        f"gcloud compute ssh vm-1 --command='{LOGIN}' --zone us-central1-a\n",
        f"az vm run-command invoke -g rg -n vm --command-id RunShellScript --scripts 'echo start' '{LOGIN}'\n",
        f"multipass exec vm -- bash -c '{LOGIN}'\n",
        f"lxc exec box -- sh -c '{LOGIN}'\n",
        f"vagrant ssh -c '{LOGIN}'\n",
        f"docker run --rm -e KEY -v /k:/k --gpus all nvcr.io/nvidia/pytorch:24.05-py3 sh -c '{LOGIN}'\n",
        f"podman run -it --name x ubuntu:22.04 bash -c '{LOGIN}'\n",
        f"srun -N 1 --gpus 8 --container-image nvcr.io/nvidia/pytorch:24.05-py3 bash -c '{LOGIN}'\n",
        f"ssh -i key.pem ubuntu@host '{LOGIN}'\n",
        f"ssh \"$HOST\" '{LOGIN}'\n",
        f"kubectl exec -it pod -- bash -c '{LOGIN}'\n",
        f"docker exec -e A=1 box bash -c '{LOGIN}'\n",
    ],
)
def test_a_command_run_elsewhere_is_read_at_its_position(script):
    found = lint(script)
    assert [d.code for d in found] == ["NV302"], found
    assert span_text(script, found[0]) == "$oauthtoken"


@pytest.mark.parametrize(
    "script",
    [
        "brev exec my-gpu 'nvidia-smi'\n",
        "docker run --rm nvcr.io/nvidia/pytorch:24.05-py3\n",
        "docker run $DOCKER_OPTS image sh -c 'docker login nvcr.io -u \"$oauthtoken\"'\n",
        "gcloud compute ssh vm-1 --zone us-central1-a\n",
        "kubectl exec pod bash\n",
        "srun hostname\n",
        f"ssh host 'echo \"{LOGIN}\"'\n",
    ],
)
def test_nothing_to_report_when_nothing_run_is_visible_or_wrong(script):
    assert codes(script) == []


def test_a_remote_script_has_its_own_findings_in_every_file_kind():
    workflow = (
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: gcloud compute ssh vm --command 'ngc cf fn create --name f --inference-url /v1 "
        "--container-image vllm/vllm-openai:v1'\n"
    )
    (d,) = lint(workflow, kind="yaml")
    assert (d.code, d.line, span_text(workflow, d)) == ("NV101", 6, "vllm/vllm-openai:v1")
    doc = "```bash\nbrev exec gpu -- ngc cf fn create --name f --inference-url /v1 --container-image nginx:1\n```\n"
    assert [d.code for d in lint(doc, kind="markdown")] == ["NV101"]
