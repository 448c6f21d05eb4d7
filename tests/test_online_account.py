"""Online mode's second source, the NVCF account (NV904-NV907), against a local NVCF API that answers in
the documented shapes (registry_lab.NvcfApi): GPUs and instance types, backends and clusters, registry
credentials for third-party hosts, function and version IDs; and the guarantees: cached, bounded, never
fatal, the key sent to the NVCF API only and never shown."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

registry_lab = pytest.importorskip("registry_lab")
from registry_lab import (  # noqa: E402
    FUNCTION_A,
    FUNCTION_B,
    NGC_KEY,
    VERSION_A1,
    VERSION_A2,
    VERSION_B1,
    NvcfApi,
    Server,
    clean_home,
    configure,
    reply,
)

from nvlint.cli import main  # noqa: E402

ACCOUNT = "NV904,NV905,NV906,NV907"
STALE = "0b8d4b2e-6c5f-4b8e-9a57-3f2d1c0e9a11"


@pytest.fixture
def project(tmp_path, monkeypatch):
    return clean_home(tmp_path, monkeypatch)


@pytest.fixture
def api(project, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    lab = NvcfApi()
    configure(project, {}, nvcf_api_url=lab.url, timeout=1)
    yield lab
    lab.stop()


def run(capsys, name: str, text: str, *args: str) -> list[dict]:
    Path(name).write_text(text)
    main(["check", "--online", "--no-cache", "--format", "json", "--select", ACCOUNT, *args, name])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return json.loads(captured.out)


def pointed(text: str, finding: dict) -> str:
    """The text a finding points at (one line)."""
    line = text.splitlines()[finding["line"] - 1]
    return line[finding["column"] - 1 : finding["end_column"] - 1]


def deploy(spec: str, ids: str = '"$FUNCTION_ID:$VERSION_ID"') -> str:
    return f"ngc cf fn deploy create {ids} --targeted-dep-spec {spec}\n"


# ---- GPUs, instance types, backends, clusters ------------------------------------------------------------


def test_what_the_account_has_is_silent(api, capsys):
    script = (
        deploy("L40G:gl40g_1.br25_2xlarge:1:2")
        + deploy("l40g:GL40G_1.BR25_2XLARGE:1:2")  # NVCF compares without case
        + deploy("H100:OCI.GPU.H100_8x:1:1:1:oci-ashburn")
        + 'ngc cf fn deploy create "$F:$V" --dep-spec GFN:T10:g6.full:1:1\n'
        + 'ngc cf task create --name t --container-image "$IMAGE" --gpu-specification H100:OCI.GPU.H100_1x:OCI\n'
    )
    assert run(capsys, "deploy.sh", script) == []


def test_an_unknown_gpu_instance_type_backend_or_cluster_is_reported_at_its_word(api, capsys):
    script = (
        deploy("L40X:gl40g_1.br25_2xlarge:1:1")
        + deploy("L40G:gl40_1.br20_2xlarge:1:1")
        + 'ngc cf fn deploy create "$F:$V" --dep-spec GFX:T10:g6.full:1:1\n'
        + deploy("H100:OCI.GPU.H100_1x:1:1:1:oci-ashburn,oci-phoenix")
        + 'ngc cf task create --name t --container-image "$I" --gpu-specification T10:g6.full:OCI\n'
    )
    found = run(capsys, "deploy.sh", script)
    assert [(f["rule"], f["line"], pointed(script, f)) for f in found] == [
        ("NV904", 1, "L40X"),
        ("NV904", 2, "gl40_1.br20_2xlarge"),
        ("NV904", 3, "GFX"),
        ("NV904", 4, "oci-phoenix"),
        ("NV904", 5, "T10"),  # T10 is GFN's, not OCI's
    ]
    messages = [f["message"] for f in found]
    assert "it has H100, L40G and T10; did you mean 'L40G'?" in messages[0]
    assert "for GPU L40G: it has gl40g_1.br25_2xlarge" in messages[1]
    assert "it has GFN and OCI; did you mean 'GFN'?" in messages[2]
    assert "STALE" not in messages[3] and "STATIC-ZONE and oci-ashburn" in messages[3]
    assert "(backend OCI): it has H100" in messages[4]


def test_unknown_values_are_never_asked_about(api, capsys):
    script = (
        deploy('"$GPU:$INSTANCE:1:1"')
        + deploy("<gpu>:<instance-type>:1:1")
        + deploy('"L40X:${INSTANCE}:1:1"')  # the GPU is literal: only it is judged
    )
    found = run(capsys, "deploy.sh", script)
    assert [(f["line"], pointed(script, f)) for f in found] == [(3, "L40X")]


def test_payloads_request_bodies_and_the_sdk(api, capsys):
    payload = {
        "deploymentSpecifications": [
            {"gpu": "L40G", "instanceType": "gl40g_1.br25_2xlarge", "minInstances": 1, "maxInstances": 1},
            {"gpu": "A100", "instanceType": "x", "minInstances": 1, "maxInstances": 1},
            {"gpu": "${GPU}", "instanceType": "y", "minInstances": 1, "maxInstances": 1},
        ]
    }
    text = json.dumps(payload, indent=2)
    found = run(capsys, "deployment.json", text)
    assert [(f["rule"], pointed(text, f)) for f in found] == [("NV904", "A100")]
    task = {"name": "t", "containerImage": "${IMAGE}", "gpuSpecification": {"gpu": "T10", "instanceType": "g7.full"}}
    text = json.dumps(task, indent=2)
    assert [pointed(text, f) for f in run(capsys, "task.json", text)] == ["g7.full"]
    body = '{"deploymentSpecifications": [{"gpu": "H200", "instanceType": "x", "minInstances": 1, "maxInstances": 1}]}'
    script = f"curl -X POST \"$API/v2/nvcf/deployments/functions/$F/versions/$V\" -d '{body}'\n"
    assert [pointed(script, f) for f in run(capsys, "call.sh", script)] == ["H200"]
    source = (
        "from nvcf.api.deployment_spec import TargetedDeploymentSpecification as Spec\n"
        "clt.cloud_function.functions.deployments.create(\n"
        "    fid, vid,\n"
        '    targeted_deployment_specifications=[Spec(gpu="L40G", instance_type="gl40g_2", min_instances=1,\n'
        '        max_instances=1), Spec.from_str("T11:g6.full:1:1")],\n'
        ")\n"
    )
    found = run(capsys, "deploy.py", source)
    assert [(f["line"], pointed(source, f)) for f in found] == [(4, "gl40g_2"), (5, "T11")]
    source = (
        "import httpx\n"
        'SPEC = {"gpu": "L40G", "instanceType": "gl40g_1.br25_2xlarge", "minInstances": 1, "maxInstances": 1,\n'
        '        "clusters": ["STATIC-ZONE", "edge-1"]}\n'
        'httpx.post(f"{api}/v2/nvcf/deployments/functions/{fid}/versions/{vid}",\n'
        '           json={"deploymentSpecifications": [SPEC]})\n'
    )
    found = run(capsys, "deploy.py", source)
    assert [(f["line"], pointed(source, f)) for f in found] == [(3, "edge-1")]


# ---- registry credentials ---------------------------------------------------------------------------------


ECR = "123456789012.dkr.ecr.us-west-2.amazonaws.com"


def create(image: str) -> str:
    return f"ngc cf fn create --name app --inference-url /infer --container-image {image}\n"


def test_a_private_image_without_a_credential_is_reported_and_public_ones_are_not(api, project, capsys):
    private = Server(lambda h: reply(h, 401, headers={"WWW-Authenticate": 'Basic realm="private"'}))
    public = Server(lambda h: reply(h, 200))
    hub = Server(lambda h: reply(h, 401, headers={"WWW-Authenticate": 'Basic realm="hub"'}))
    try:
        configure(
            project,
            {ECR: private.url, "quay.io": public.url, "docker.io": hub.url, "nvcr.io": public.url},
            nvcf_api_url=api.url,
            timeout=1,
        )
        script = (
            create(f"{ECR}/acme/app:1.0")
            + create("quay.io/acme/public:1.0")  # anyone can pull it: no credential needed
            + create("docker.io/acme/private:1.0")  # the account has a docker.io credential
            + create("nvcr.io/acme/app:1.0")  # NGC's: read with the account's own key
            + create('"$REGISTRY/acme/app:1.0"')
            + "ngc cf fn create --name h --inference-url /i --helm-chart-service s "
            + "--helm-chart https://quay.io/charts/llm-1.0.0.tgz\n"
        )
        found = run(capsys, "deploy.sh", script, "--select", "NV9")
        assert [(f["rule"], f["line"], pointed(script, f)) for f in found if f["rule"] == "NV905"] == [
            ("NV905", 1, f"{ECR}/acme/app:1.0")
        ]
        message = next(f["message"] for f in found if f["rule"] == "NV905")
        assert f"--hostname {ECR} --type CONTAINER" in message and "--aws-access-key" in message
        assert "the account has credentials for docker.io" in message
        assert ("NV902", 1) not in [(f["rule"], f["line"]) for f in found]  # one finding for one cause
        assert ("NV902", 3) in [(f["rule"], f["line"]) for f in found]  # nvlint's own check still speaks
        assert len(hub.requests) == 1  # nvlint's own check; a host with a credential is not asked anonymously
        assert all("Authorization" not in r["headers"] for r in private.requests + public.requests)
    finally:
        for server in (private, public, hub):
            server.stop()


def test_a_private_chart_on_another_host(api, project, capsys):
    charts = Server(lambda h: reply(h, 200 if "public" in h.path else 403))
    try:
        configure(project, {"charts.example.com": charts.url}, nvcf_api_url=api.url, timeout=1)
        script = "".join(
            f"ngc cf fn create --name {n} --inference-url /i --helm-chart-service s "
            f"--helm-chart https://charts.example.com/{n}/llm-1.0.0.tgz\n"
            for n in ("public", "private")
        )
        found = run(capsys, "deploy.sh", script)
        assert [(f["rule"], f["line"]) for f in found] == [("NV905", 2)]
        assert "--type HELM" in found[0]["message"]
    finally:
        charts.stop()


# ---- function and version IDs -------------------------------------------------------------------------------


def test_function_and_version_ids(api, capsys):
    script = (
        f'ngc cf fn deploy create {FUNCTION_A}:{VERSION_A1} --targeted-dep-spec "$SPEC"\n'
        f"ngc cf fn deploy info {FUNCTION_B}:{VERSION_B1}\n"
        f"ngc cf fn deploy remove {FUNCTION_A}:{VERSION_B1}\n"  # B's version, not A's
        f"ngc cf fn info {STALE}:{VERSION_A2}\n"
        f'curl -X POST "https://api.nvcf.nvidia.com/v2/nvcf/pexec/functions/{STALE}" -d "$BODY"\n'
        'ngc cf fn deploy remove "$FUNCTION_ID:$VERSION_ID"\n'
        "ngc cf fn deploy remove <function-id>:<version-id>\n"
    )
    found = run(capsys, "deploy.sh", script)
    assert [(f["rule"], f["line"], pointed(script, f)) for f in found] == [
        ("NV906", 3, VERSION_B1),
        ("NV906", 4, STALE),
        ("NV906", 5, STALE),
    ]
    assert f"its versions are {VERSION_A1} (ACTIVE) and {VERSION_A2} (INACTIVE)" in found[0]["message"]
    assert f"embed ({FUNCTION_B}) and llm ({FUNCTION_A})" in found[1]["message"]
    assert "/nvcf/pexec/functions" in found[2]["message"]
    asked = [r["path"] for r in api.requests]
    assert asked.count(f"/v2/nvcf/functions/{STALE}/versions") == 1  # one question per function


def test_function_ids_in_python_requests(api, capsys):
    source = (
        "import requests\n"
        f'requests.post(f"{{base}}/v2/nvcf/pexec/functions/{FUNCTION_A}/versions/{STALE}", json={{}})\n'
        f'requests.get("https://{FUNCTION_B}.invocation.api.nvcf.nvidia.com/v1/models")\n'
    )
    found = run(capsys, "call.py", source)
    assert [(f["rule"], f["line"], pointed(source, f)) for f in found] == [("NV906", 2, STALE)]


# ---- the guarantees ---------------------------------------------------------------------------------------


def test_answers_are_cached_per_account_and_refresh_asks_again(api, project, capsys):
    script = deploy("L40X:gl40g_1.br25_2xlarge:1:1", f"{FUNCTION_A}:{STALE}")
    Path("deploy.sh").write_text(script)
    for _ in range(2):
        main(["check", "--online", "--format", "json", "--select", ACCOUNT, "deploy.sh"])
        assert [f["rule"] for f in json.loads(capsys.readouterr().out)] == ["NV906", "NV904"]
    assert len(api.requests) == 2  # the second run asked nothing
    main(["check", "--online", "--refresh", "--format", "json", "--select", ACCOUNT, "deploy.sh"])
    capsys.readouterr()
    assert len(api.requests) == 4
    for path in (project / "online-cache").rglob("*"):
        if path.is_file():
            assert NGC_KEY not in path.read_text() and NGC_KEY[6:] not in path.read_text()


def test_denials_are_not_cached(project, capsys, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    api = NvcfApi(faults={"/v2/nvcf/clusterGroups": "403"})
    try:
        configure(project, {}, nvcf_api_url=api.url, timeout=1)
        script = deploy("L40X:g:1:1") + deploy("T10:g6.full:1:1")
        for _ in range(2):
            (found,) = run(capsys, "deploy.sh", script)
            assert found["rule"] == "NV907" and found["line"] == 1 and "(403)" in found["message"]
            assert "3 more places that need it not checked" in found["message"]
        assert len(api.requests) == 2
    finally:
        api.stop()


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("500", "answered 500"),
        ("not-json", "not JSON"),
        ("slow", "timed out"),
        ("redirect", "redirected to 127.0.0.2: not followed"),
    ],
)
def test_a_failing_api_is_one_warning_per_question_and_the_run_goes_on(project, capsys, monkeypatch, fault, expected):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    elsewhere = Server(lambda h: reply(h, 200, NvcfApi.CLUSTER_GROUPS), host="127.0.0.2")
    api = NvcfApi(faults={"/v2/nvcf/clusterGroups": fault}, redirect_to=elsewhere.url)
    try:
        configure(project, {}, nvcf_api_url=api.url, timeout=0.5, deadline=10)
        script = deploy("L40X:g:1:1") + deploy("T10:g6.full:1:1") + f"ngc cf fn info {STALE}\n"
        started = time.monotonic()
        Path("deploy.sh").write_text(script)
        status = main(["check", "--online", "--no-cache", "--format", "json", "--select", ACCOUNT, "deploy.sh"])
        found = json.loads(capsys.readouterr().out)
        assert time.monotonic() - started < 10
        assert status == 1  # the NV906 below is an error; the warning alone would not fail the run
        assert [(f["rule"], f["line"], f["severity"]) for f in found] == [
            ("NV907", 1, "warning"),
            ("NV906", 3, "error"),  # the other questions are still asked
        ]
        assert expected in found[0]["message"]
        assert not elsewhere.requests  # a redirect is never followed: the key stays with the NVCF API
    finally:
        api.stop()
        elsewhere.stop()


def test_the_key_goes_to_the_nvcf_api_only_and_is_never_shown(api, project, capsys):
    registry = Server(lambda h: reply(h, 401, headers={"WWW-Authenticate": 'Basic realm="x"'}))
    try:
        configure(project, {ECR: registry.url}, nvcf_api_url=api.url, timeout=1)
        Path("deploy.sh").write_text(create(f"{ECR}/acme/app:1.0") + deploy("L40X:g:1:1", f"{FUNCTION_A}:{STALE}"))
        for format_name in ("json", "sarif", "text", "pretty", "github", "junit", "gitlab"):
            main(["check", "--online", "--format", format_name, "deploy.sh"])
            captured = capsys.readouterr()
            assert NGC_KEY not in captured.out + captured.err
        assert all(r["headers"].get("Authorization") == f"Bearer {NGC_KEY}" for r in api.requests)
        assert all("Authorization" not in r["headers"] for r in registry.requests)  # asked anonymously
        for path in (project / "online-cache").rglob("*"):
            if path.is_file():
                assert NGC_KEY not in path.read_text()
    finally:
        registry.stop()


def test_the_key_is_not_sent_over_plain_http_to_another_host(project, capsys, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    configure(project, {}, nvcf_api_url="http://nvcf.example.com", timeout=0.5)
    (found,) = run(capsys, "deploy.sh", deploy("L40X:g:1:1"))
    assert found["rule"] == "NV907" and "must be https" in found["message"]


def test_without_a_key_one_line_says_what_is_skipped(project, capsys, monkeypatch):
    api = NvcfApi()
    try:
        configure(project, {}, nvcf_api_url=api.url, timeout=1)
        Path("deploy.sh").write_text(deploy("L40X:g:1:1") + deploy("T10:g:1:1"))
        status = main(["check", "--online", "--no-cache", "--format", "json", "--select", ACCOUNT, "deploy.sh"])
        captured = capsys.readouterr()
        assert status == 0 and json.loads(captured.out) == [] and not api.requests
        (line,) = [line for line in captured.err.splitlines() if "NVCF account" in line]
        assert "no NGC key" in line and "skipped" in line and "Traceback" not in captured.err
        monkeypatch.setenv("NGC_API_KEY", "Legacy0Key0NotNvapi" * 2)
        main(["check", "--online", "--no-cache", "--format", "json", "--select", ACCOUNT, "deploy.sh"])
        captured = capsys.readouterr()
        assert "legacy key" in captured.err and "Legacy0Key" not in captured.err and not api.requests
    finally:
        api.stop()


def test_the_language_server_answers_from_the_cache_only(api, project, capsys):
    from nvlint.server.documents import ClientSettings, DocumentLinter

    text = deploy("L40X:g:1:1")
    path = str(project / "deploy.sh")
    linter = DocumentLinter(ClientSettings(online=True))
    assert linter.lint(path, text).diagnostics == [] and not api.requests  # nothing cached: nothing asked
    run(capsys, "deploy.sh", text)  # a command-line run fills the cache
    asked = len(api.requests)
    (found,) = linter.lint(path, text).diagnostics
    assert found.code == "NV904" and len(api.requests) == asked


def test_account_rule_examples(api, project, capsys):
    """The documented bad and good examples of NV904-NV907, each against a server that answers so."""
    from nvlint.rules import by_code

    registry = Server(lambda h: reply(h, 401, headers={"WWW-Authenticate": 'Basic realm="x"'}))
    hub = Server(lambda h: reply(h, 200))
    broken = NvcfApi(faults={"/v2/nvcf/clusterGroups": "500"})
    try:
        endpoints = {ECR: registry.url, "docker.io": hub.url}
        for code in ("NV904", "NV905", "NV906", "NV907"):
            rule = by_code()[code]
            configure(project, endpoints, nvcf_api_url=(broken if code == "NV907" else api).url, timeout=0.5)
            assert code in [f["rule"] for f in run(capsys, "deploy.sh", rule.bad)], code
            assert run(capsys, "deploy.sh", rule.good) == [], code
    finally:
        registry.stop()
        hub.stop()
        broken.stop()
