"""Real servers on loopback for the online tests: the CNCF distribution registry (Debian's
`docker-registry`), a token server signing ES256 JWTs the registry trusts, a test CA, and a small NGC
API. Only 127.0.0.0/8 is ever used. No Docker engine is needed: images are pushed with plain HTTP calls.
"""

from __future__ import annotations

import base64
import contextlib
import datetime
import gzip
import hashlib
import io
import ipaddress
import json
import os
import re
import shutil
import signal
import subprocess
import tarfile
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

REGISTRY = shutil.which("docker-registry") or "/usr/bin/docker-registry"
NGC_KEY = "nvapi-" + "Lab0TestKey1NotReal2" * 3 + "abcd"  # 64 characters, like a real key
SERVICE, ISSUER = "nvlint-lab-registry", "nvlint-lab-issuer"


def available() -> bool:
    return os.path.exists(REGISTRY)


# ---- TLS ------------------------------------------------------------------------------------------


def make_certificates(folder: str, hosts=("127.0.0.1",)) -> tuple[str, str, str]:
    """A CA and a server certificate for the loopback addresses: (ca.pem, server.crt, server.key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "nvlint test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName("localhost")] + [x509.IPAddress(ipaddress.ip_address(h)) for h in hosts]
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = [os.path.join(folder, name) for name in ("ca.pem", "server.crt", "server.key")]
    with open(paths[0], "wb") as out:
        out.write(ca.public_bytes(serialization.Encoding.PEM))
    with open(paths[1], "wb") as out:
        out.write(leaf.public_bytes(serialization.Encoding.PEM))
    with open(paths[2], "wb") as out:
        out.write(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
    return paths[0], paths[1], paths[2]


def _ssl_context(certificate: str, key: str):
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    return context


# ---- HTTP servers for tests --------------------------------------------------------------------------


class Server:
    """A ThreadingHTTPServer on loopback whose handler is a function(handler) -> None."""

    def __init__(self, handle, host: str = "127.0.0.1", tls: tuple[str, str] | None = None) -> None:
        server = self
        self.requests: list[dict] = []  # method, path, headers: for assertions

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _any(self):
                server.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers)})
                handle(self)

            do_GET = do_HEAD = do_POST = _any

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        # a client that gave up (a timeout test) breaks the pipe: not the test's output to judge
        self.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        scheme = "http"
        if tls is not None:
            self.httpd.socket = _ssl_context(*tls).wrap_socket(self.httpd.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://{host}:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def reply(handler, status: int, body=None, headers: dict | None = None) -> None:
    data = json.dumps(body).encode() if body is not None else b""
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(data)


# ---- the token server ---------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenServer:
    """Docker's Bearer token flow: Basic credentials in, an ES256 JWT the registry trusts out."""

    def __init__(self, users: dict[str, str], host: str = "127.0.0.1", tls: tuple[str, str] | None = None) -> None:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        self.users = users
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "nvlint token signer")])
        now = datetime.datetime.now(datetime.timezone.utc)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .sign(self.key, hashes.SHA256())
        )
        self.server = Server(self._handle, host, tls)
        self.realm = self.server.url + "/token"

    def cert_pem(self) -> bytes:
        from cryptography.hazmat.primitives import serialization

        return self.cert.public_bytes(serialization.Encoding.PEM)

    def _handle(self, handler) -> None:
        query = parse_qs(urlparse(handler.path).query)
        user = ""
        auth = handler.headers.get("Authorization", "")
        if auth.lower().startswith("basic "):
            user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            if self.users.get(user) != password:
                return reply(handler, 401, {"errors": [{"code": "UNAUTHORIZED"}]})
        access = []
        for scope in query.get("scope", []):
            rest, _, actions = scope.rpartition(":")
            kind, _, name = rest.partition(":")
            allowed = [a for a in actions.split(",") if user or name.startswith("public/")]
            access.append({"type": kind, "name": name, "actions": allowed})
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "sub": user,
            "aud": SERVICE,
            "exp": now + 300,
            "nbf": now - 10,
            "iat": now,
            "jti": hashlib.sha256(os.urandom(8)).hexdigest(),
            "access": access,
        }
        reply(handler, 200, {"token": self._sign(claims), "expires_in": 300})

    def _sign(self, claims: dict) -> str:
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        header = {
            "typ": "JWT",
            "alg": "ES256",
            "x5c": [base64.b64encode(self.cert.public_bytes(serialization.Encoding.DER)).decode()],
        }
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        r, s = decode_dss_signature(self.key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
        return signing_input + "." + _b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))

    def stop(self) -> None:
        self.server.stop()


# ---- the registry -------------------------------------------------------------------------------------


class Registry:
    """docker-registry on 127.0.0.1, port 0, in-memory storage; auth none, htpasswd or token."""

    def __init__(self, auth: str = "none", tls: bool = False) -> None:
        self.auth, self.tls = auth, tls
        self.users = {"$oauthtoken": NGC_KEY} if auth != "none" else {}
        self.process = self.token = None
        self.folder = tempfile.mkdtemp(prefix="nvlint-registry-")
        self.ca_bundle = None

    def start(self) -> Registry:
        config = [
            "version: 0.1",
            "log:",
            "  level: info",
            "  accesslog:",
            "    disabled: true",
            "storage:",
            "  inmemory: {}",
            "http:",
            "  addr: 127.0.0.1:0",
            "  secret: nvlint-test",
        ]
        tls = None
        if self.tls:
            self.ca_bundle, certificate, key = make_certificates(self.folder)
            tls = (certificate, key)
            config += ["  tls:", f"    certificate: {certificate}", f"    key: {key}"]
        if self.auth == "htpasswd":
            import bcrypt

            path = os.path.join(self.folder, "htpasswd")
            with open(path, "w") as out:
                for user, password in self.users.items():
                    out.write(f"{user}:{bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode()}\n")
            config += ["auth:", "  htpasswd:", "    realm: nvlint-lab", f"    path: {path}"]
        elif self.auth == "token":
            self.token = TokenServer(self.users, tls=tls)
            bundle = os.path.join(self.folder, "signer.pem")
            with open(bundle, "wb") as out:
                out.write(self.token.cert_pem())
            config += [
                "auth:",
                "  token:",
                f"    realm: {self.token.realm}",
                f"    service: {SERVICE}",
                f"    issuer: {ISSUER}",
                f"    rootcertbundle: {bundle}",
            ]
        path = os.path.join(self.folder, "config.yml")
        with open(path, "w") as out:
            out.write("\n".join(config) + "\n")
        log = os.path.join(self.folder, "registry.log")
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [REGISTRY, "serve", path],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.folder,
                preexec_fn=_die_with_parent,
            )
        started = time.monotonic()
        port = None
        while port is None:
            if self.process.poll() is not None or time.monotonic() - started > 20:
                raise RuntimeError("the registry did not start:\n" + Path(log).read_text())
            match = re.search(r'listening on [^"]*:(\d+)', Path(log).read_text())
            port = int(match.group(1)) if match else None
            time.sleep(0.02)
        self.host = f"127.0.0.1:{port}"
        self.url = f"{'https' if self.tls else 'http'}://{self.host}"
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(5)
        if self.token is not None:
            self.token.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- pushing, without docker --

    def session(self):
        import requests

        session = requests.Session()
        session.trust_env = False
        session.verify = self.ca_bundle or True
        if self.auth == "htpasswd":
            session.auth = ("$oauthtoken", NGC_KEY)
        return session

    def _token(self, session, repository: str) -> dict:
        if self.auth != "token":
            return {}
        answer = session.get(
            self.token.realm,
            params={"service": SERVICE, "scope": f"repository:{repository}:pull,push"},
            auth=("$oauthtoken", NGC_KEY),
        )
        return {"Authorization": f"Bearer {answer.json()['token']}"}

    def push(self, repository: str, tag: str) -> None:
        """A tiny image (one layer): blobs first, then the manifest under the tag."""
        session = self.session()
        headers = self._token(session, repository)
        layer = _layer(f"{repository}:{tag}".encode())
        config = json.dumps(
            {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}
        ).encode()
        for blob in (layer, config):
            digest = "sha256:" + hashlib.sha256(blob).hexdigest()
            start = session.post(f"{self.url}/v2/{repository}/blobs/uploads/", headers=headers)
            location = start.headers["Location"]
            if location.startswith("/"):
                location = self.url + location
            done = session.put(
                location,
                params={"digest": digest},
                data=blob,
                headers={**headers, "Content-Type": "application/octet-stream"},
            )
            assert done.status_code == 201, done.text
        manifest = json.dumps(
            {
                "schemaVersion": 2,
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {
                    "mediaType": "application/vnd.oci.image.config.v1+json",
                    "digest": "sha256:" + hashlib.sha256(config).hexdigest(),
                    "size": len(config),
                },
                "layers": [
                    {
                        "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                        "digest": "sha256:" + hashlib.sha256(layer).hexdigest(),
                        "size": len(layer),
                    }
                ],
            }
        ).encode()
        answer = session.put(
            f"{self.url}/v2/{repository}/manifests/{tag}",
            data=manifest,
            headers={**headers, "Content-Type": "application/vnd.oci.image.manifest.v1+json"},
        )
        assert answer.status_code == 201, answer.text


def _layer(content: bytes) -> bytes:
    tar = io.BytesIO()
    with tarfile.open(fileobj=tar, mode="w") as archive:
        info = tarfile.TarInfo("hello.txt")
        info.size, info.mtime = len(content), 0
        archive.addfile(info, io.BytesIO(content))
    return gzip.compress(tar.getvalue(), mtime=0)


def _die_with_parent() -> None:
    """Linux: the registry gets SIGTERM if the test process dies, so no server outlives a crash."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)


# ---- the NGC API ----------------------------------------------------------------------------------------


class NgcApi:
    """Answers `/v2/org/<org>[/team/<team>]/<models|resources|helm-charts>/<name>/versions/<version>`."""

    def __init__(self, artifacts: set[str], private: set[str] = frozenset()) -> None:
        self.artifacts, self.private = artifacts, private
        self.server = Server(self._handle)
        self.url = self.server.url

    def _handle(self, handler) -> None:
        match = re.fullmatch(
            r"/v2/org/([^/]+)(?:/team/([^/]+))?/(models|resources|helm-charts)/([^/]+)"
            r"/versions/([^/?]+)",
            urlparse(handler.path).path,
        )
        if match is None:
            return reply(handler, 404, {"requestStatus": {"statusCode": "NOT_FOUND"}})
        org, team, kind, name, version = match.groups()
        key = f"{kind}:{org}/{team + '/' if team else ''}{name}:{version}"
        if key in self.private and handler.headers.get("Authorization") != f"Bearer {NGC_KEY}":
            return reply(handler, 401, {"requestStatus": {"statusCode": "UNAUTHORIZED"}})
        if key in self.artifacts or key in self.private:
            return reply(handler, 200, {"modelVersion": {"versionId": version}})
        return reply(handler, 404, {"requestStatus": {"statusCode": "NOT_FOUND"}})

    def stop(self) -> None:
        self.server.stop()


# ---- a project folder for online runs --------------------------------------------------------------------


def clean_home(tmp_path: Path, monkeypatch) -> Path:
    """A project folder whose HOME has no ~/.ngc/config and no Docker config, and no key in the
    environment: what a test gives is all nvlint finds."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("NGC_CLI_API_KEY", "NGC_API_KEY", "NGC_CLI_HOME", "DOCKER_CONFIG", "NVLINT_CACHE_DIR", "NGC_CLI_ORG"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def configure(folder: Path, endpoints: dict[str, str], ca_bundle: str | None = None, **extra) -> None:
    options = {"cache-dir": str(folder / "online-cache"), "timeout": 2, "deadline": 20}
    if ca_bundle:
        options["ca-bundle"] = ca_bundle
    options.update({key.replace("_", "-"): value for key, value in extra.items()})
    lines = ["[online]"] + [f"{key} = {json.dumps(value)}" for key, value in options.items()]
    lines.append("[online.registry-endpoints]")
    lines += [f"{json.dumps(host)} = {json.dumps(url)}" for host, url in endpoints.items()]
    (folder / ".nvlint.toml").write_text("\n".join(lines) + "\n")


# ---- the NVCF API ---------------------------------------------------------------------------------------

FUNCTION_A = "3fa85f64-5717-4562-b3fc-2c963f66afa6"  # two versions
VERSION_A1 = "7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"
VERSION_A2 = "8f2b3c4d-5e6f-4071-9b8c-0d1e2f3a4b5c"
FUNCTION_B = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"  # one version
VERSION_B1 = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"


class NvcfApi:
    """The NVCF API's account listings, in the shapes nvlint/online/account.py documents (with the
    sources): cluster groups with their GPUs, instance types and clusters, registry credentials, and
    functions with their versions. ``faults`` maps a path prefix to what goes wrong there: "slow",
    "500", "redirect" (to ``redirect_to``), "not-json", "403"."""

    CLUSTER_GROUPS: ClassVar = {
        "clusterGroups": [
            {
                "id": "a8bc8edc-e7ef-455b-90d7-10645841e234",
                "name": "GFN",
                "ncaId": "lab-nca",
                "authorizedNcaIds": ["*"],
                "gpus": [
                    {"name": "T10", "instanceTypes": [{"name": "g6.full", "value": "g6.full", "default": True}]},
                    {
                        "name": "L40G",
                        "instanceTypes": [
                            {"name": "gl40g_1.br25_2xlarge", "value": "gl40g_1.br25_2xlarge", "default": True}
                        ],
                    },
                ],
                "clusters": [{"id": "nvssa-lab-static", "name": "STATIC-ZONE", "k8sVersion": "v1.25.9"}],
            },
            {
                "id": "d6c45d29-2094-4e45-a0f9-f39587da2ecc",
                "name": "OCI",
                "ncaId": "lab-nca",
                "authorizedNcaIds": ["*"],
                "gpus": [
                    {
                        "name": "H100",
                        "instanceTypes": [
                            {"name": "OCI.GPU.H100_1x", "value": "OCI.GPU.H100_1x", "default": True},
                            {"name": "OCI.GPU.H100_8x", "value": "OCI.GPU.H100_8x"},
                        ],
                    }
                ],
                "clusters": [{"id": "nvssa-lab-oci", "name": "oci-ashburn", "k8sVersion": "v1.29.1"}],
            },
        ]
    }
    CREDENTIALS: ClassVar = {
        "registryCredentials": [
            {
                "registryCredentialId": "5b0e8a1c-2d3f-4e5a-9b6c-7d8e9f0a1b2c",
                "ncaId": "lab-nca",
                "registryCredentialName": "hub",
                "registryName": "Docker Hub Registry",
                "registryHostname": "docker.io",
                "artifactTypes": ["CONTAINER"],
                "tags": [],
                "description": "",
                "provisionedBy": "USER",
                "keyType": None,
                "lastUpdatedAt": "2026-11-01T00:00:00Z",
                "createdAt": "2026-11-01T00:00:00Z",
            }
        ]
    }
    FUNCTIONS: ClassVar = [
        (FUNCTION_A, VERSION_A1, "llm", "ACTIVE"),
        (FUNCTION_A, VERSION_A2, "llm", "INACTIVE"),
        (FUNCTION_B, VERSION_B1, "embed", "ACTIVE"),
    ]

    def __init__(self, faults: dict[str, str] | None = None, redirect_to: str = "") -> None:
        self.faults = dict(faults or {})
        self.redirect_to = redirect_to
        self.server = Server(self._handle)
        self.url = self.server.url
        self.requests = self.server.requests

    def _function(self, fid: str, vid: str, name: str, status: str) -> dict:
        return {"id": fid, "ncaId": "lab-nca", "versionId": vid, "name": name, "status": status}

    def _handle(self, handler) -> None:
        path = urlparse(handler.path).path
        for prefix, fault in self.faults.items():
            if path.startswith(prefix):
                if fault == "slow":
                    time.sleep(3)
                elif fault == "500":
                    return reply(handler, 500, {"detail": "internal"})
                elif fault == "redirect":
                    return reply(handler, 302, headers={"Location": self.redirect_to + path})
                elif fault == "403":
                    return reply(handler, 403, {"detail": "forbidden"})
                elif fault == "not-json":
                    data = b"<html>maintenance</html>"
                    handler.send_response(200)
                    handler.send_header("Content-Type", "text/html")
                    handler.send_header("Content-Length", str(len(data)))
                    handler.end_headers()
                    handler.wfile.write(data)
                    return None
        if handler.headers.get("Authorization") != f"Bearer {NGC_KEY}":
            return reply(handler, 401, {"detail": "unauthorized"})
        if path == "/v2/nvcf/clusterGroups":
            return reply(handler, 200, self.CLUSTER_GROUPS)
        if path == "/v2/nvcf/registry-credentials":
            return reply(handler, 200, self.CREDENTIALS)
        if path == "/v2/nvcf/functions":
            return reply(handler, 200, {"functions": [self._function(*f) for f in self.FUNCTIONS]})
        match = re.fullmatch(r"/v2/nvcf/functions/([^/]+)/versions", path)
        if match:
            found = [self._function(*f) for f in self.FUNCTIONS if f[0] == match.group(1)]
            if found:
                return reply(handler, 200, {"functions": found})
            return reply(handler, 404, {"detail": f"Function '{match.group(1)}' not found"})
        return reply(handler, 404, {"detail": "no such path"})

    def stop(self) -> None:
        self.server.stop()
