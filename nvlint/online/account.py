"""The NVCF account behind the commands (NV904-NV907): its GPUs and instance types, its registry
credentials, its functions and their versions. Imported only in online mode.

What is asked, of the NVCF API (`nvcf-api-url`, `NVLINT_NVCF_API_URL`, https://api.nvcf.nvidia.com by
default), with the NGC key as `Authorization: Bearer` (only an `nvapi-` key: the NVCF API takes it as
it is), sent to that host only, never across a redirect:

- `GET /v2/nvcf/clusterGroups`: `{"clusterGroups": [{"id", "name", "ncaId", "authorizedNcaIds",
  "gpus": [{"name", "instanceTypes": [{"name", "value", "description", "default"}]}],
  "clusters": [{"id", "name", "k8sVersion"}]}]}`. Sources: NVIDIA/nvcf
  `nvcf-core/.../rest/clustergoup/ClusterGroupController.java` (deprecated there in favour of the
  instance-cluster service, still served) and its fixture `icms/cluster-groups/complete-response.json`;
  brevdev/nvcf-go `clustergroupsandgpuclustergroup.go` (generated from NVCF's OpenAPI spec); ngcsdk 4.37
  `nvcf/api/deployment_spec.py get_available_gpus_from_cluster_groups`. NVCF validates a deployment
  with it (`DeploymentValidationService.validateDeploymentRequest`): a `backend` is a cluster group's
  name, the GPU is looked up in that group (in every group without one), the instance type among that
  GPU's `instanceTypes[].name`, all case-insensitive; nvlint judges the same way. Clusters are not
  validated there; nvlint accepts a cluster named (or identified) in any group. Regions appear in no
  documented response: they are never judged.
- `GET /v2/nvcf/registry-credentials`: `{"registryCredentials": [{"registryCredentialId", "ncaId",
  "registryCredentialName", "registryName", "registryHostname", "artifactTypes": ["CONTAINER" | "HELM" |
  "MODEL" | "RESOURCE"], "tags", "description", "provisionedBy", "keyType", "lastUpdatedAt",
  "createdAt"}]}` (no secret). Source: NVIDIA/nvcf `RegistryCredentialManagementController.java`,
  `dto/ListRegistryCredentialDetailsResponse.java`, `dto/RegistryCredentialDetailsDto.java`. NVCF
  matches an artifact's host to `registryHostname` by type (`RegistryCredentialFunctionService`).
- `GET /v2/nvcf/functions/<fid>/versions`: `{"functions": [{"id", "versionId", "name", "status", ...}]}`,
  the versions the account owns, is authorized for or that are public; 404 when there are none, 403
  when the key may not see them. Source: NVIDIA/nvcf `FunctionManagementController.java`,
  `FunctionManagementService.getFunctions`, `dto/ListFunctionsResponse.java`, `dto/FunctionDto.java`.
- `GET /v2/nvcf/functions?visibility=private`: the same shape, the account's own functions, asked only
  to name them when an ID is not found.

Hosts NVCF reads with the account's own NGC key (nvcr.io, helm.ngc.nvidia.com, api.ngc.nvidia.com) need
no registry credential; for any other host, an artifact with no credential is reported only when its
registry refuses it to an anonymous client (a public image needs none).

Answers are cached as the registries' are (found and missing, never denials or failures), per account:
the cache key holds a digest of the key, never the key. A question that fails is one NV907 warning, at
the first place that needed it; the run goes on.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor, wait
from urllib.parse import urlparse

from nvlint.diagnostics import Diagnostic
from nvlint.online import credentials as creds
from nvlint.online.cache import AnswerCache
from nvlint.online.client import Answer, Client, Deadline
from nvlint.online.references import Reference
from nvlint.online.settings import OnlineSettings
from nvlint.secrets import redact

GPU_KINDS = frozenset({"gpu", "instance-type", "backend", "cluster"})
NGC_HOSTS = frozenset({"nvcr.io", "helm.ngc.nvidia.com", "api.ngc.nvidia.com"})
DOCKER_HUB = frozenset({"docker.io", "index.docker.io", "registry-1.docker.io"})
SKIPPED = "the NVCF account checks (GPU and instance types, registry credentials, function IDs) are skipped"


def verify_account(
    references: list[Reference],
    settings: OnlineSettings,
    refresh: bool,
    cached_only: bool,
    notes: list[str] | None,
) -> list[Diagnostic]:
    gpu_refs = [r for r in references if r.kind in GPU_KINDS]
    artifact_refs = [r for r in references if _third_party_host(r) is not None]
    function_refs = [r for r in references if r.kind in ("function", "function-version")]
    if not (gpu_refs or artifact_refs or function_refs):
        return []
    found = creds.ngc_key()
    if found is None or not found[0].startswith("nvapi-"):
        if notes is not None and not cached_only:
            notes.append(
                f"online: no NGC key (looked in {creds.NGC_SOURCES}): {SKIPPED}"
                if found is None
                else f"online: the key from {found[1]} is a legacy key (not nvapi-): {SKIPPED}"
            )
        return []
    asker = _Asker(settings, refresh, cached_only, found)
    out: list[Diagnostic] = []
    if gpu_refs:
        out += _gpu_findings(gpu_refs, asker)
    if artifact_refs:
        out += _credential_findings(artifact_refs, asker)
    if function_refs:
        out += _function_findings(function_refs, asker)
    return out


# ---- asking ---------------------------------------------------------------------------------------------


class _Asker:
    """Questions to the account's NVCF API and to registries (anonymously), cached and in parallel."""

    def __init__(self, settings: OnlineSettings, refresh: bool, cached_only: bool, key: tuple[str, str]) -> None:
        self.settings, self.cached_only = settings, cached_only
        self.base = settings.nvcf_api_url.rstrip("/")
        self.key, self.key_source = key
        account = hashlib.sha256(b"nvlint-account\0" + self.key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        self.cache_prefix = "\0".join(["nvcf", self.base, account])
        self.cache = AnswerCache(settings, refresh)
        self.deadline = Deadline(settings.deadline)
        self._client: Client | None = None

    @property
    def client(self) -> Client:
        if self._client is None:
            self._client = Client(self.settings, self.deadline)
        return self._client

    def many(self, questions: list[tuple[str, ...]]) -> dict[tuple[str, ...], Answer]:
        """The answers to these questions (cached ones first; none asked when ``cached_only``)."""
        answers: dict[tuple[str, ...], Answer] = {}
        pending = []
        for question in dict.fromkeys(questions):
            cached = self.cache.answer(self._cache_key(question))
            if cached is not None:
                answers[question] = Answer(cached[0], data=cached[1])
            elif not self.cached_only:
                pending.append(question)
        if not pending:
            return answers
        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency)) as pool:
            futures = {pool.submit(self._ask, question): question for question in pending}
            done, late = wait(futures, timeout=max(self.deadline.left(), 0) + 1)
            for future in done:
                question = futures[future]
                try:
                    answers[question] = future.result()
                except Exception as error:  # noqa: BLE001 - a client bug is a warning, not a crash
                    answers[question] = Answer("unreachable", f"{type(error).__name__}: {error}")
                self.cache.keep(self._cache_key(question), answers[question].status, answers[question].data)
            for future in late:
                future.cancel()
                answers[futures[future]] = Answer("unreachable", "the online deadline was reached")
        return answers

    def _cache_key(self, question: tuple[str, ...]) -> str:
        return "\0".join([self.cache_prefix, *question])

    def _ask(self, question: tuple[str, ...]) -> Answer:
        kind = question[0]
        if kind == "cluster-groups":
            return _parsed(self._api("/v2/nvcf/clusterGroups"), _cluster_groups)
        if kind == "registry-credentials":
            return _parsed(self._api("/v2/nvcf/registry-credentials"), _registry_credentials)
        if kind == "function":
            return _parsed(self._api(f"/v2/nvcf/functions/{question[1]}/versions"), _functions)
        if kind == "own-functions":
            return _parsed(self._api("/v2/nvcf/functions", {"visibility": "private"}), _functions)
        if kind == "anonymous-image":
            return self.client.image(question[1], question[2], question[3], anonymous=True)
        if kind == "anonymous-url":
            return self._anonymous_url(question[1])
        raise ValueError(kind)

    def _api(self, path: str, params: dict | None = None) -> Answer:
        url = self.base + path
        parsed = urlparse(url)
        if parsed.scheme != "https" and not _loopback(parsed.hostname):
            return Answer("unreachable", "nvcf-api-url must be https (the key is sent to it)")
        headers = {"Authorization": f"Bearer {self.key}", "Accept": "application/json"}
        response = self.client.request("GET", url, headers, params=params)
        if isinstance(response, Answer):
            return response
        status = response.status_code
        if 300 <= status < 400:
            target = urlparse(response.headers.get("Location", "")).hostname or "elsewhere"
            return Answer("unreachable", f"the NVCF API redirected to {target}: not followed (the key stays with it)")
        if status == 404:
            return Answer("missing")
        if status in (401, 403):
            return Answer("denied", f"the key from {self.key_source} was refused ({status})")
        if status != 200:
            return Answer("unreachable", f"the NVCF API answered {status}")
        try:
            return Answer("found", data=response.json())
        except ValueError:
            return Answer("unreachable", "the NVCF API answered with a body that is not JSON")

    def _anonymous_url(self, url: str) -> Answer:
        """A Helm chart at an https URL: can anyone download it? (2xx or a redirect: yes.)"""
        parsed = urlparse(url)
        endpoint = self.settings.registry_endpoints.get(parsed.hostname or "")
        if endpoint:
            url = endpoint.rstrip("/") + parsed.path
        response = self.client.request("HEAD", url, {})
        if isinstance(response, Answer):
            return response
        if response.status_code < 400:
            return Answer("found")
        if response.status_code == 404:
            return Answer("missing")
        if response.status_code in (401, 403):
            return Answer("denied", f"answered {response.status_code}")
        return Answer("unreachable", f"answered {response.status_code}")


def _parsed(answer: Answer, read) -> Answer:
    """A found answer's JSON read into what nvlint keeps; a body of another shape is a failure."""
    if answer.status != "found":
        return answer
    try:
        return Answer("found", data=read(answer.data))
    except (TypeError, KeyError, AttributeError, ValueError):
        return Answer("unreachable", "the NVCF API answered a body of an unexpected shape")


def _cluster_groups(body) -> list[dict]:
    return [
        {
            "name": group["name"],
            "gpus": {
                gpu["name"]: [t["name"] for t in gpu.get("instanceTypes") or []] for gpu in group.get("gpus") or []
            },
            "clusters": [c["name"] for c in group.get("clusters") or [] if c.get("name")],
            "cluster_ids": [c["id"] for c in group.get("clusters") or [] if c.get("id")],
        }
        for group in body["clusterGroups"]
    ]


def _registry_credentials(body) -> list[dict]:
    return [
        {"hostname": entry["registryHostname"].lower(), "types": sorted(entry.get("artifactTypes") or [])}
        for entry in body["registryCredentials"]
    ]


def _functions(body) -> list[dict]:
    return [
        {
            "id": str(f["id"]).lower(),
            "version": str(f["versionId"]).lower(),
            "name": f.get("name", ""),
            "status": f.get("status", ""),
        }
        for f in body["functions"]
    ]


def _loopback(host: str | None) -> bool:
    from nvlint.online.client import _loopback as loopback

    return loopback(host)


# ---- GPUs, instance types, backends, clusters -------------------------------------------------------------


def _gpu_findings(refs: list[Reference], asker: _Asker) -> list[Diagnostic]:
    from nvlint.rules import nv904_gpu_not_in_account as nv904

    question = ("cluster-groups",)
    answer = asker.many([question]).get(question)
    if answer is None:
        return []
    if answer.status != "found":
        return [_unreachable(refs, "its GPUs and cluster groups", answer)]
    groups: list[dict] = answer.data  # type: ignore[assignment]
    out = []
    names = [g["name"] for g in groups]
    for ref in refs:
        message = None
        if ref.kind == "backend" and not _among(ref.text, names):
            message = nv904.backend(ref.text, names)
        elif ref.kind == "gpu":
            backend = ref.context[0] if ref.context else ""
            if backend and not _among(backend, names):
                continue  # the backend is reported
            gpus = _gpus(groups, backend)
            if not _among(ref.text, list(gpus)):
                message = nv904.gpu(ref.text, backend, sorted(gpus))
        elif ref.kind == "instance-type":
            gpu, backend = ref.context
            gpus = _gpus(groups, backend)
            types = [t for name, instance_types in gpus.items() if name.lower() == gpu.lower() for t in instance_types]
            if (not backend or _among(backend, names)) and _among(gpu, list(gpus)) and not _among(ref.text, types):
                message = nv904.instance_type(ref.text, gpu, types)
        elif ref.kind == "cluster":
            clusters = [c for g in groups for c in g["clusters"]]
            if not _among(ref.text, clusters + [i for g in groups for i in g.get("cluster_ids", [])]):
                message = nv904.cluster(ref.text, clusters)
        if message is not None:
            out.append(_at(ref, nv904.RULE, message))
    return out


def _gpus(groups: list[dict], backend: str) -> dict[str, list[str]]:
    """GPU name -> instance types, in the backend's cluster group (in every group without one)."""
    out: dict[str, list[str]] = {}
    for group in groups:
        if backend and group["name"].lower() != backend.lower():
            continue
        for name, types in group["gpus"].items():
            out.setdefault(name, []).extend(types)
    return out


def _among(text: str, names: list[str]) -> bool:
    return text.lower() in {n.lower() for n in names}


# ---- registry credentials for third-party hosts --------------------------------------------------------------


def _third_party_host(ref: Reference) -> str | None:
    """The registry host of an image or chart that NVCF pulls with one of the account's registry
    credentials (None: NGC's own, or not an artifact)."""
    if ref.kind == "image":
        from nvlint.reference_grammar import parse_image

        parsed = parse_image(ref.text)
        if parsed is None or not parsed.known_name or parsed.host is None:
            return None  # no host: NGC's (or NV101's business)
        host = parsed.host.lower()
    elif ref.kind == "chart-url":
        host = (urlparse(ref.text).hostname or "").lower()
    else:
        return None
    if not host or host in NGC_HOSTS or host.endswith(".nvcr.io"):
        return None
    return "docker.io" if host in DOCKER_HUB else host


def _credential_findings(refs: list[Reference], asker: _Asker) -> list[Diagnostic]:
    from nvlint.rules import nv905_registry_credential_missing as nv905

    question = ("registry-credentials",)
    answer = asker.many([question]).get(question)
    if answer is None:
        return []
    if answer.status != "found":
        return [_unreachable(refs, "its registry credentials", answer)]
    credentials: list[dict] = answer.data  # type: ignore[assignment]
    lacking: dict[Reference, tuple[str, ...]] = {}
    for ref in refs:
        host = _third_party_host(ref)
        wanted = "HELM" if ref.kind == "chart-url" else "CONTAINER"
        names = DOCKER_HUB if host == "docker.io" else {host}
        has = any(c["hostname"] in names and wanted in c["types"] for c in credentials)
        question_of = _anonymous_question(ref, host or "")
        if not has and question_of is not None:
            lacking[ref] = question_of
    if not lacking:
        return []
    answers = asker.many(list(lacking.values()))
    out = []
    for ref, anonymous in lacking.items():
        pulled = answers.get(anonymous)
        if pulled is None or pulled.status != "denied":
            continue  # public, missing (NV901's) or unreachable (NV903's): not a credential's business
        host = _third_party_host(ref) or ""
        hosts = sorted({c["hostname"] for c in credentials})
        what = "Helm chart" if ref.kind == "chart-url" else "image"
        out.append(_at(ref, nv905.RULE, nv905.missing(what, ref.text, host, hosts)))
    return out


def _anonymous_question(ref: Reference, host: str) -> tuple[str, ...] | None:
    if ref.kind == "chart-url" and ref.text.startswith("https://"):
        return ("anonymous-url", ref.text)
    from nvlint.reference_grammar import parse_image

    text = ref.text[len("oci://") :] if ref.text.startswith("oci://") else ref.text
    if ref.kind == "chart-url" and not ref.text.startswith("oci://"):
        return None
    parsed = parse_image(text)
    if parsed is None or not parsed.known_name or text.endswith(".tgz"):
        return None
    path = list(parsed.path)
    if host == "docker.io" and len(path) == 1:
        path = ["library", *path]
    return ("anonymous-image", host, "/".join(path), parsed.digest or parsed.tag or "latest")


# ---- function and version IDs -------------------------------------------------------------------------------


def _function_findings(refs: list[Reference], asker: _Asker) -> list[Diagnostic]:
    from nvlint.rules import nv906_function_not_in_account as nv906

    ids = sorted({r.text if r.kind == "function" else r.context[0] for r in refs})
    answers = asker.many([("function", fid) for fid in ids])
    out: list[Diagnostic] = []
    missing = [fid for fid in ids if answers.get(("function", fid), Answer("")).status == "missing"]
    own: list[dict] | None = None
    if missing:
        listed = asker.many([("own-functions",)]).get(("own-functions",))
        own = listed.data if listed is not None and listed.status == "found" else None  # type: ignore[assignment]
    for fid in ids:
        answer = answers.get(("function", fid))
        mine = [r for r in refs if (r.text if r.kind == "function" else r.context[0]) == fid]
        if answer is None:
            continue
        if answer.status == "missing":
            out.extend(_at(r, nv906.RULE, nv906.no_function(fid, r.written, own)) for r in mine if r.kind == "function")
        elif answer.status == "found":
            versions: list[dict] = answer.data  # type: ignore[assignment]
            known = {v["version"] for v in versions}
            for r in mine:
                if r.kind == "function-version" and r.text not in known:
                    out.append(_at(r, nv906.RULE, nv906.no_version(r.text, fid, versions)))
        else:
            out.append(_unreachable(mine, f"function {fid}", answer))
    return out


# ---- findings -------------------------------------------------------------------------------------------------


def _at(ref: Reference, rule, message: str) -> Diagnostic:
    diagnostic = rule.at((ref.start, ref.end), redact(message))
    diagnostic.path, diagnostic.line, diagnostic.column = ref.path, ref.line, ref.column
    diagnostic.end_line, diagnostic.end_column = ref.end_line, ref.end_column
    return diagnostic


def _unreachable(refs: list[Reference], what: str, answer: Answer) -> Diagnostic:
    """One warning for a question that failed, at the first place that asked it."""
    from nvlint.rules import nv907_account_unreachable as nv907

    first = min(refs, key=lambda r: (r.path, r.line, r.column))
    return _at(first, nv907.RULE, nv907.unreachable(what, answer.detail, len(refs) - 1))
