"""Online mode against real servers on loopback: the CNCF distribution registry in three auth modes
(none over HTTP, htpasswd over HTTPS, token over HTTPS), a local NGC API, and misbehaving servers.

The registry is Debian's `docker-registry`; where it is missing these tests skip with the reason,
unless NVLINT_REQUIRE_ALL=1 (set by .ci/run), which makes that a failure.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

registry_lab = pytest.importorskip("registry_lab")
from conftest import skip_or_fail  # noqa: E402
from registry_lab import NGC_KEY, NgcApi, Registry, Server, configure, make_certificates, reply  # noqa: E402

from nvlint.cli import main  # noqa: E402


def _need_registry():
    if not registry_lab.available():
        skip_or_fail("docker-registry is not installed (apt-get install docker-registry)")


@pytest.fixture(
    scope="module",
    params=[("none", False), ("htpasswd", True), ("token", True)],
    ids=["none-http", "htpasswd-https", "token-https"],
)
def registry(request):
    _need_registry()
    lab = Registry(*request.param).start()
    try:
        lab.push("acme/app", "1.0")
        lab.push("acme/team/app", "2.0")
        yield lab
    finally:
        lab.stop()


@pytest.fixture
def project(tmp_path, monkeypatch):
    return registry_lab.clean_home(tmp_path, monkeypatch)


def check(capsys, script: str, *args: str) -> list[dict]:
    Path("deploy.sh").write_text(script)
    main(["check", "--online", "--no-cache", "--format", "json", "--select", "NV9", *args, "deploy.sh"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return json.loads(captured.out)


def create(image: str) -> str:
    return f"ngc cf fn create --name app --inference-url /infer --container-image {image}\n"


def codes(findings: list[dict]) -> list[str]:
    return [f["rule"] for f in findings]


# ---- the real registry -------------------------------------------------------------------------------


def test_found_and_missing(registry, project, capsys, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    configure(project, {"nvcr.io": registry.url}, registry.ca_bundle)
    assert check(capsys, create("nvcr.io/acme/app:1.0") + create("acme/team/app:2.0").replace("app ", "b ")) == []
    found = check(capsys, create("nvcr.io/acme/app:9.9.9") + create("nvcr.io/acme/nothing:1.0"))
    assert codes(found) == ["NV901", "NV901"]
    assert found[0]["line"] == 1 and found[0]["column"] == 70 and "does not exist" in found[0]["message"]


def test_credentials(registry, project, capsys, monkeypatch):
    configure(project, {"nvcr.io": registry.url}, registry.ca_bundle)
    if registry.auth == "none":  # an open registry: no key needed, none sent
        assert check(capsys, create("nvcr.io/acme/app:1.0")) == []
        return
    (found,) = check(capsys, create("nvcr.io/acme/app:1.0"))
    assert found["rule"] == "NV902" and "NGC_CLI_API_KEY" in found["message"]  # where it looked
    monkeypatch.setenv("NGC_API_KEY", "nvapi-" + "Wrong0Key1" * 6 + "abcd")
    (found,) = check(capsys, create("nvcr.io/acme/app:1.0"))
    assert found["rule"] == "NV902" and "$NGC_API_KEY" in found["message"] and "Wrong0Key" not in found["message"]
    monkeypatch.delenv("NGC_API_KEY")
    ngc_home = project / "ngchome"
    (ngc_home / ".ngc").mkdir(parents=True)
    (ngc_home / ".ngc" / "config").write_text(f"[CURRENT]\napikey = {NGC_KEY}\norg = acme\n")
    monkeypatch.setenv("NGC_CLI_HOME", str(ngc_home))
    assert check(capsys, create("nvcr.io/acme/app:1.0")) == []


def test_the_key_is_in_no_output_and_no_cache(registry, project, capsys, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    configure(project, {"nvcr.io": registry.url}, registry.ca_bundle)
    Path("deploy.sh").write_text(create("nvcr.io/acme/app:1.0") + create("nvcr.io/acme/app:0.0"))
    for format_name in ("json", "sarif", "text", "pretty", "github"):
        main(["check", "--online", "--format", format_name, "deploy.sh"])
        captured = capsys.readouterr()
        assert NGC_KEY not in captured.out + captured.err
    for path in (project / "online-cache").rglob("*"):
        if path.is_file():
            assert NGC_KEY not in path.read_text()


def test_unreachable(registry, project, capsys, monkeypatch):
    """The same registry, asked wrongly: without its CA (HTTPS), or at a closed port (HTTP)."""
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    if registry.tls:
        configure(project, {"nvcr.io": registry.url}, timeout=1)  # no ca-bundle: the certificate is unknown
        expected = "TLS"
    else:
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        configure(project, {"nvcr.io": f"http://127.0.0.1:{closed.getsockname()[1]}"}, timeout=1)
        closed.close()
        expected = "refused"
    (found,) = check(capsys, create("nvcr.io/acme/app:1.0"))
    assert found["rule"] == "NV903" and found["severity"] == "warning" and expected in found["message"]


def test_skipped_references(registry, project, capsys, monkeypatch):
    """Built or pushed in the same flow, or not fully known: not asked about."""
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    configure(project, {"nvcr.io": registry.url}, registry.ca_bundle)
    script = (
        "docker build -t nvcr.io/acme/new:1 . && docker push nvcr.io/acme/new:1\n"
        + create("nvcr.io/acme/new:1")
        + create('"nvcr.io/acme/app:$TAG"')
    )
    assert check(capsys, script) == []


# ---- the NGC API -------------------------------------------------------------------------------------


def test_models_resources_and_charts(project, capsys, monkeypatch):
    api = NgcApi(
        {"models:acme/llama:1.0", "resources:acme/team/data:2", "helm-charts:acme/llm:1.0.0"},
        private={"models:acme/secret:1"},
    )
    try:
        configure(project, {}, ngc_api_url=api.url)
        image = "nvcr.io/acme/app:1.0"
        registry = Server(lambda h: reply(h, 200))
        configure(project, {"nvcr.io": registry.url}, ngc_api_url=api.url)
        script = (
            f"ngc cf fn create --name a --inference-url /i --container-image {image} --model acme/llama:1.0 "
            "--resource acme/team/data:2 --model w:acme/llama:2.0 --model acme/secret:1\n"
            "ngc cf fn create --name h --inference-url /i --helm-chart acme/llm:1.0.0 --helm-chart-service s\n"
        )
        found = check(capsys, script)
        assert [(f["rule"], f["line"]) for f in found] == [("NV901", 1), ("NV902", 1)]
        assert "acme/llama:2.0" in found[0]["message"]
        monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
        assert check(capsys, script, "--refresh")[0]["rule"] == "NV901"
        assert len(check(capsys, script, "--refresh")) == 1
        registry.stop()
    finally:
        api.stop()


def test_legacy_keys_are_exchanged_for_a_token(project, capsys, monkeypatch):
    legacy = "Legacy0Key0NotNvapi" * 2

    def auth(handler):
        ok = (
            handler.headers.get("Authorization")
            == "Basic " + __import__("base64").b64encode(f"$oauthtoken:{legacy}".encode()).decode()
        )
        reply(handler, 200 if ok else 401, {"token": "exchanged"} if ok else {})

    authn = Server(auth)
    api = Server(lambda h: reply(h, 200 if h.headers.get("Authorization") == "Bearer exchanged" else 401))
    try:
        monkeypatch.setenv("NGC_CLI_AUTH_URL", authn.url)
        monkeypatch.setenv("NGC_API_KEY", legacy)
        configure(project, {"nvcr.io": Server(lambda h: reply(h, 200)).url}, ngc_api_url=api.url)
        script = create("nvcr.io/acme/app:1.0").replace("\n", " --model acme/llama:1.0\n")
        assert check(capsys, script) == []
        assert "scope=group%2Fngc%3Aacme" in authn.requests[0]["path"]
    finally:
        authn.stop()
        api.stop()


# ---- caching, faults and security with scripted servers ------------------------------------------------


def test_second_run_is_served_from_the_cache(project, capsys):
    registry = Server(lambda h: reply(h, 200 if "/v2/acme/app/manifests/1.0" in h.path else 404))
    try:
        configure(project, {"nvcr.io": registry.url})
        script = create("nvcr.io/acme/app:1.0") + create("nvcr.io/acme/app:2.0")
        assert codes(check(capsys, script)) == ["NV901"]
        asked = len(registry.requests)
        assert asked == 2
        assert codes(check(capsys, script)) == ["NV901"]
        assert len(registry.requests) == asked  # nothing asked again
        assert codes(check(capsys, script, "--refresh")) == ["NV901"]
        assert len(registry.requests) == asked + 2
    finally:
        registry.stop()


def test_retries_and_retry_after(project, capsys):
    calls = {"n": 0}

    def flaky(handler):
        calls["n"] += 1
        if calls["n"] == 1:
            return reply(handler, 500)
        if calls["n"] == 2:
            return reply(handler, 429, headers={"Retry-After": "0"})
        reply(handler, 200)

    registry = Server(flaky)
    try:
        configure(project, {"nvcr.io": registry.url})
        assert check(capsys, create("nvcr.io/acme/app:1.0")) == []
        assert calls["n"] == 3
    finally:
        registry.stop()


def test_faults_are_warnings_and_the_run_finishes(project, capsys, tmp_path):
    hang = Server(lambda h: time.sleep(4) or reply(h, 200))
    broken = Server(lambda h: reply(h, 503))
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()
    _, certificate, key = make_certificates(str(tmp_path))  # a CA nobody told nvlint about
    stranger = Server(lambda h: reply(h, 200), tls=(certificate, key))
    good = Server(lambda h: reply(h, 200))
    try:
        configure(
            project,
            {
                "hang.example": hang.url,
                "broken.example": broken.url,
                "refused.example": refused,
                "stranger.example": stranger.url,
                "nvcr.io": good.url,
            },
            timeout=0.5,
            deadline=15,
        )
        started = time.monotonic()
        script = "".join(
            create(f"{host}/acme/app:1")
            for host in ("hang.example", "broken.example", "refused.example", "stranger.example", "nvcr.io")
        )
        found = check(capsys, script)
        assert time.monotonic() - started < 15
        assert [(f["rule"], f["line"], f["severity"]) for f in found] == [("NV903", n, "warning") for n in (1, 2, 3, 4)]
        assert "TLS" in found[3]["message"]
    finally:
        for server in (hang, broken, stranger, good):
            server.stop()


def test_credentials_never_go_to_a_realm_on_another_host(project, capsys, monkeypatch):
    monkeypatch.setenv("NGC_API_KEY", NGC_KEY)
    elsewhere = Server(lambda h: reply(h, 200, {"token": "t"}), host="127.0.0.2")

    def challenge(handler):
        if handler.headers.get("Authorization") == "Bearer t":
            return reply(handler, 200)
        reply(
            handler,
            401,
            headers={"WWW-Authenticate": f'Bearer realm="{elsewhere.url}/token",scope="repository:acme/app:pull"'},
        )

    registry = Server(challenge)
    try:
        configure(project, {"nvcr.io": registry.url})
        assert check(capsys, create("nvcr.io/acme/app:1.0")) == []  # an anonymous token is fine
        assert elsewhere.requests and all("Authorization" not in r["headers"] for r in elsewhere.requests)
        assert "service=" not in elsewhere.requests[0]["path"]  # no `service` in the challenge, none sent
    finally:
        registry.stop()
        elsewhere.stop()


def test_online_rule_examples(project, capsys, monkeypatch):
    """The documented bad examples of NV901-NV903, each against a server that answers accordingly."""
    from nvlint.rules import by_code

    missing = Server(lambda h: reply(h, 404))
    denied = Server(lambda h: reply(h, 401, headers={"WWW-Authenticate": 'Basic realm="x"'}))
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    refused = f"http://127.0.0.1:{closed.getsockname()[1]}"
    closed.close()
    try:
        for code, endpoints in (
            ("NV901", {"nvcr.io": missing.url}),
            ("NV902", {"nvcr.io": denied.url}),
            ("NV903", {"registry.unreachable.example": refused}),
        ):
            configure(project, endpoints, timeout=0.5)
            assert code in codes(check(capsys, by_code()[code].bad, "--refresh")), code
            configure(project, {"nvcr.io": Server(lambda h: reply(h, 200)).url})
            assert check(capsys, by_code()[code].good, "--refresh") == []
    finally:
        missing.stop()
        denied.stop()


# ---- offline stays offline ------------------------------------------------------------------------------


def test_offline_opens_no_connection_and_imports_no_requests(tmp_path):
    script = tmp_path / "deploy.sh"
    script.write_text(create("nvcr.io/acme/app:1.0"))
    probe = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n    raise AssertionError('a connection was opened')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "from nvlint.cli import main\n"
        f"status = main(['check', '--isolated', {str(script)!r}])\n"
        "print('requests' in sys.modules, status)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.strip().splitlines()[-1] == "False 0", result.stderr


def test_online_from_the_environment_and_the_config(project, capsys, monkeypatch):
    registry = Server(lambda h: reply(h, 404))
    try:
        configure(project, {"nvcr.io": registry.url})
        Path("deploy.sh").write_text(create("nvcr.io/acme/app:1.0"))
        main(["check", "--format", "json", "deploy.sh"])
        assert json.loads(capsys.readouterr().out) == [] and not registry.requests
        monkeypatch.setenv("NVLINT_ONLINE", "1")
        main(["check", "--format", "json", "deploy.sh"])
        assert codes(json.loads(capsys.readouterr().out)) == ["NV901"]
        monkeypatch.delenv("NVLINT_ONLINE")
        text = (project / ".nvlint.toml").read_text().replace("[online]\n", "[online]\nenabled = true\n")
        (project / ".nvlint.toml").write_text(text)
        main(["check", "--format", "json", "deploy.sh"])
        assert codes(json.loads(capsys.readouterr().out)) == ["NV901"]
    finally:
        registry.stop()


def test_docker_config_credentials(project, capsys, monkeypatch):
    import base64

    expected = "Basic " + base64.b64encode(b"robot:s3cret-Pass").decode()

    def basic(handler):
        if handler.headers.get("Authorization") == expected:
            return reply(handler, 200)
        reply(handler, 401, headers={"WWW-Authenticate": 'Basic realm="private"'})

    registry = Server(basic)
    try:
        configure(project, {"registry.example.com": registry.url})
        image = "registry.example.com/team/app:1"
        (found,) = check(capsys, create(image))
        assert found["rule"] == "NV902" and "Docker config" in found["message"]
        docker = project / "docker"
        docker.mkdir()
        (docker / "config.json").write_text(
            json.dumps({"auths": {"registry.example.com": {"auth": base64.b64encode(b"robot:s3cret-Pass").decode()}}})
        )
        monkeypatch.setenv("DOCKER_CONFIG", str(docker))
        assert check(capsys, create(image)) == []
    finally:
        registry.stop()


def test_online_scope_all_adds_pulled_images(project, capsys):
    registry = Server(lambda h: reply(h, 404))
    try:
        configure(project, {"nvcr.io": registry.url})
        script = "docker pull nvcr.io/acme/tool:1\n"
        assert check(capsys, script) == []
        (found,) = check(capsys, script, "--online-scope", "all")
        assert found["rule"] == "NV901" and found["column"] == 13
    finally:
        registry.stop()


def test_payload_models_are_checked(project, capsys):
    api = NgcApi({"models:acme/llama:1.0"})
    registry = Server(lambda h: reply(h, 200))
    try:
        configure(project, {"nvcr.io": registry.url}, ngc_api_url=api.url)
        uri = "https://api.ngc.nvidia.com/v2/org/acme/models/{}/files"
        payload = {
            "name": "llm",
            "inferenceUrl": "/v1/chat/completions",
            "containerImage": "nvcr.io/acme/s:1",
            "models": [
                {"name": "llama", "version": "1.0", "uri": uri.format("llama/1.0")},
                {"name": "other", "version": "2.0", "uri": uri.format("other/2.0")},
            ],
        }
        Path("function.json").write_text(json.dumps(payload, indent=1))
        main(["check", "--online", "--no-cache", "--format", "json", "--select", "NV9", "function.json"])
        (found,) = json.loads(capsys.readouterr().out)
        assert found["rule"] == "NV901" and "acme/other:2.0" in found["message"]
    finally:
        api.stop()
        registry.stop()
