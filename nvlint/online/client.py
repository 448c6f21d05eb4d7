"""Asking registries and the NGC API whether a reference exists.

Images: the OCI distribution API, `HEAD /v2/<name>/manifests/<reference>` with every manifest media
type in `Accept`; on 401 the `WWW-Authenticate` challenge is followed (Bearer: redeem at the advertised
realm with its `scope`, and `service` only when present, as nvcr.io sends none; or Basic).
Models, resources and charts: `GET <api>/v2/org/<org>[/team/<team>]/<kind>/<name>/versions/<version>`.

Credentials go only to the registry they belong to, and to a token realm on the same host, an NGC
authentication host, or a host named in `registry-endpoints`; never over plain HTTP except to loopback;
never across a redirect. Retries: 408, 429 (honouring Retry-After, capped) and 5xx, three tries at most,
all within the run's deadline.
"""

from __future__ import annotations

import ipaddress
import os
import re
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from nvlint.online import credentials as creds

MANIFEST_TYPES = ", ".join(
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
    ]
)
NGC_AUTH_HOSTS = frozenset({"authn.nvidia.com", "nvcr.io", "api.ngc.nvidia.com", "stg.nvcr.io"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_TRIES = 3
MAX_RETRY_AFTER = 5.0


@dataclass
class Answer:
    status: str  # found | missing | denied | unreachable
    detail: str = ""
    data: object = None  # what a found answer says (an NVCF listing), as nvlint keeps it


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()


class Client:
    def __init__(self, settings, deadline: Deadline) -> None:
        import requests

        self.requests = requests
        self.settings = settings
        self.deadline = deadline
        self.session = requests.Session()
        self.session.trust_env = False  # proxies and REQUESTS_CA_BUNDLE must not override our choices
        self.tokens: dict[tuple[str, str], str] = {}  # in memory only
        self.auth_url = os.environ.get("NGC_CLI_AUTH_URL", "https://authn.nvidia.com").rstrip("/")
        self.trusted_hosts = {
            urlparse(url).hostname
            for url in [*settings.registry_endpoints.values(), settings.ngc_api_url, self.auth_url]
        }

    # ---- images ---------------------------------------------------------------------------------

    def image(self, host: str, repository: str, reference: str, anonymous: bool = False) -> Answer:
        """Does the manifest exist? ``anonymous``: asked without any credential (can anyone pull it?)."""
        base = self.settings.registry_endpoints.get(host) or (
            "https://registry-1.docker.io" if host == "docker.io" else f"https://{host}"
        )
        url = f"{base.rstrip('/')}/v2/{repository}/manifests/{reference}"
        found = None if anonymous else creds.for_registry(host)
        headers = {"Accept": MANIFEST_TYPES}
        token = self.tokens.get((base, repository))
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response = self.request("HEAD", url, headers)
        if isinstance(response, Answer):
            return response
        if response.status_code == 401:
            challenge = response.headers.get("WWW-Authenticate", "")
            authorized = self._authorize(challenge, url, base, repository, found, host)
            if isinstance(authorized, Answer):
                return authorized
            headers["Authorization"] = authorized
            response = self.request("HEAD", url, headers)
            if isinstance(response, Answer):
                return response
        return self._judge(response, host, found)

    def _authorize(self, challenge: str, url: str, base: str, repository: str, found, host: str) -> str | Answer:
        scheme, params = parse_challenge(challenge)
        none_found = f"no credentials for {host} (looked in {creds.sources_for(host)})"
        if scheme == "basic":
            if found is None:
                return Answer("denied", none_found)
            if not self._may_send(url, url):
                return Answer("denied", "credentials are only sent over HTTPS (or to loopback)")
            return _basic(found)
        if scheme != "bearer" or "realm" not in params:
            return Answer("denied", f"unsupported authentication challenge '{challenge[:60]}'")
        realm = params["realm"]
        query = {"scope": params.get("scope", f"repository:{repository}:pull")}
        if "service" in params:
            query["service"] = params["service"]
        headers = {}
        if found is not None and self._may_send(realm, url):
            headers["Authorization"] = _basic(found)
        response = self.request("GET", realm, headers, params=query)
        if isinstance(response, Answer):
            return response
        if response.status_code in (401, 403):
            if found is None:
                return Answer("denied", none_found)
            return Answer(
                "denied",
                f"the token service refused the credentials from {found.source}"
                if headers
                else "the token service is on another host: credentials were not sent there",
            )
        try:
            data = response.json()
            token = data.get("token") or data.get("access_token")
        except ValueError:
            token = None
        if response.status_code != 200 or not token:
            return Answer("unreachable", f"the token service answered {response.status_code}")
        self.tokens[(base, repository)] = token
        return f"Bearer {token}"

    def _may_send(self, target: str, registry_url: str) -> bool:
        """Credentials for the registry at `registry_url` may go to `target`?"""
        target_url, registry = urlparse(target), urlparse(registry_url)
        if target_url.scheme != "https" and not _loopback(target_url.hostname):
            return False
        return (
            target_url.hostname == registry.hostname
            or target_url.hostname in NGC_AUTH_HOSTS
            or target_url.hostname in self.trusted_hosts
        )

    def _judge(self, response, host: str, found) -> Answer:
        status = response.status_code
        if status == 200:
            return Answer("found")
        if status == 404:
            return Answer("missing")
        if status in (401, 403):
            if found is None:
                return Answer("denied", f"no credentials for {host} (looked in {creds.sources_for(host)})")
            return Answer("denied", f"the credentials from {found.source} were refused ({status})")
        return Answer("unreachable", f"the registry answered {status}")

    # ---- NGC artifacts ----------------------------------------------------------------------------

    def artifact(self, kind: str, org: str, team: str | None, name: str, version: str) -> Answer:
        base = self.settings.ngc_api_url.rstrip("/")
        collection = {"model": "models", "resource": "resources", "chart": "helm-charts"}[kind]
        team_part = f"/team/{team}" if team else ""
        url = f"{base}/v2/org/{org}{team_part}/{collection}/{name}/versions/{version}"
        found = creds.ngc_key()
        headers = {"Accept": "application/json"}
        if found is not None and self._may_send(url, url):
            bearer = found[0] if found[0].startswith("nvapi-") else self._legacy_token(found, org, team)
            if isinstance(bearer, Answer):
                return bearer
            headers["Authorization"] = f"Bearer {bearer}"
        response = self.request("GET", url, headers)
        if isinstance(response, Answer):
            return response
        if response.status_code == 200:
            return Answer("found")
        if response.status_code == 404:
            return Answer("missing")
        if response.status_code in (401, 403):
            if found is None:
                return Answer("denied", f"no NGC key (looked in {creds.NGC_SOURCES})")
            return Answer("denied", f"the key from {found[1]} was refused ({response.status_code})")
        return Answer("unreachable", f"the NGC API answered {response.status_code}")

    def _legacy_token(self, found: tuple[str, str], org: str, team: str | None) -> str | Answer:
        """A legacy (not `nvapi-`) key is exchanged for a token at the NGC authentication service."""
        scopes = [f"group/ngc:{org}"] + ([f"group/ngc:{org}/{team}"] if team else [])
        cached = self.tokens.get(("ngc", " ".join(scopes)))
        if cached:
            return cached
        url = f"{self.auth_url}/token"
        if not self._may_send(url, url):
            return Answer("denied", "the NGC authentication service is not reachable over HTTPS")
        response = self.request(
            "GET",
            url,
            {"Authorization": _basic(creds.Credentials("$oauthtoken", found[0], found[1]))},
            params={"service": "ngc", "scope": scopes},
        )
        if isinstance(response, Answer):
            return response
        try:
            token = response.json().get("token") if response.status_code == 200 else None
        except ValueError:
            token = None
        if not token:
            return Answer(
                "denied",
                f"the legacy key from {found[1]} was refused by the NGC authentication "
                f"service ({response.status_code}); NGC keys start with nvapi- since 2025",
            )
        self.tokens[("ngc", " ".join(scopes))] = token
        return token

    # ---- transport ----------------------------------------------------------------------------------

    def request(self, method: str, url: str, headers: dict, params: dict | None = None):
        """A response, or the Answer that says why there is none (after retries)."""
        requests = self.requests
        last = "no attempt"
        for attempt in range(MAX_TRIES):
            left = self.deadline.left()
            if left <= 0:
                return Answer("unreachable", "the online deadline was reached")
            try:
                response = self.session.request(
                    method,
                    url,
                    headers=headers,
                    params=params,
                    timeout=min(self.settings.timeout, left),
                    allow_redirects=False,
                    verify=self.settings.ca_bundle or True,
                )
            except requests.exceptions.SSLError:
                return Answer("unreachable", "TLS verification failed (set ca-bundle for a private CA)")
            except requests.exceptions.Timeout:
                last = "timed out"
            except requests.exceptions.ConnectionError as error:
                last = "connection failed: " + _short(error)
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                last = f"answered {response.status_code}"
                wait = _retry_after(response.headers.get("Retry-After"), attempt)
                if attempt + 1 < MAX_TRIES and wait < self.deadline.left():
                    time.sleep(wait)
                continue
            if attempt + 1 < MAX_TRIES:
                time.sleep(min(0.2 * 2**attempt, max(self.deadline.left(), 0)))
        return Answer("unreachable", f"{urlparse(url).netloc} {last}")


def parse_challenge(header: str) -> tuple[str, dict[str, str]]:
    """`Bearer realm="https://x/token",service="s",scope="repository:a:pull"` -> ("bearer", {...})."""
    scheme, _, rest = header.strip().partition(" ")
    params = {key.lower(): value for key, value in re.findall(r'(\w+)="([^"]*)"', rest)}
    return scheme.lower(), params


def _basic(found) -> str:
    import base64

    return "Basic " + base64.b64encode(f"{found.username}:{found.password}".encode()).decode()


def _loopback(host: str | None) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


def _retry_after(value: str | None, attempt: int) -> float:
    try:
        return min(float(value), MAX_RETRY_AFTER) if value is not None else 0.2 * 2**attempt
    except ValueError:
        return 0.2 * 2**attempt


def _short(error: Exception) -> str:
    text = str(error)
    match = re.search(r"\[Errno[^\]]*\][^'\")]*", text)
    return (match.group(0) if match else text)[:120]
