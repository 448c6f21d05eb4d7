#!/usr/bin/env python3
"""The language server's change-to-diagnostic latency: what a user waits for after a keystroke.

    pip install -e '.[server]' && python bench/server_latency.py [--lines 500] [--rounds 20] [--where end]

Starts `nvlint server` over stdio with a real LSP client (pygls), opens a generated script of --lines
lines, then edits it --rounds times (each edit adds or removes a mistake, so every round publishes new
findings: a login line at the end of the file, with --where create a short-form image in its last
create, with --where middle the login line in its middle, with --where typing one character in the
--name of a create in its middle) and times each edit until the diagnostics of
that version arrive. The server waits DEBOUNCE_SECONDS after a change before linting; the latency
reported is what comes after that pause.
The floor is the same lint in this process (nvlint's own work, no protocol, no debounce), measured in
the same run: the machine's noise cancels in the ratio. Beside it, the same edits read whole, as if the
server kept nothing of the last reading (see nvlint.shell.resume: an edit is read from where it begins).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

BLOCK = """IMAGE="nvcr.io/acme/app{n}:1.{n}"
docker build -t "$IMAGE" .
docker push "$IMAGE"
ngc cf fn create --name app{n} --inference-url /infer --container-image "$IMAGE" --health-uri /health
"""
MISTAKE = 'echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin\n'


def edited(base: str, version: int, where: str) -> str:
    """The document at a version: the mistake added (odd versions) or taken away, at the end or in the middle;
    or (``create``) the last create's image made a short-form one (NV101) and back."""
    if not version % 2:
        return base
    if where == "end":
        return base + MISTAKE
    if where == "create":
        at = base.rindex('"$IMAGE"')
        return base[:at] + "vllm/vllm-openai:1" + base[at + len('"$IMAGE"') :]
    if where == "typing":  # a character typed into a create's function name halfway down
        at = base.index(" --inference-url", len(base) // 2)
        return base[:at] + "x" + base[at:]
    middle = base.index("\n", len(base) // 2) + 1
    return base[:middle] + MISTAKE + base[middle:]


def script(lines: int) -> str:
    text = "#!/usr/bin/env bash\nset -euo pipefail\n"
    n = 0
    while text.count("\n") < lines:
        text += BLOCK.format(n=n)
        n += 1
    return text


async def measure(lines: int, rounds: int, folder: Path, where: str = "end") -> list[float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("nvlint-bench", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Event] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(*args) -> None:
        params = args[-1]
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            waiting.setdefault(params.version, asyncio.Event()).set()

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(*args) -> None:
        return None

    await client.start_io(sys.executable, "-m", "nvlint", "server")
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())
    )
    client.initialized(types.InitializedParams())
    uri = (folder / "deploy.sh").as_uri()
    base = script(lines)
    waiting[1] = asyncio.Event()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="shellscript", version=1, text=base)
        )
    )
    await asyncio.wait_for(waiting[1].wait(), 60)
    latencies = []
    for version in range(2, rounds + 2):
        text = edited(base, version, where)
        waiting[version] = asyncio.Event()
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        await asyncio.wait_for(waiting[version].wait(), 60)
        latencies.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


def in_process(lines: int, rounds: int, folder: Path, where: str = "end", whole: bool = False) -> list[float]:
    """Each edit linted as the server does it, in this process; ``whole``: forgetting the last reading
    first, so that each is read whole (what every edit cost before nvlint.shell.resume)."""
    from nvlint.server.documents import DocumentLinter

    linter = DocumentLinter()
    path = str(folder / "deploy.sh")
    base = script(lines)
    linter.lint(path, base)  # imports and parser set-up, as the server's first lint pays them
    times = []
    for version in range(2, rounds + 2):
        if whole:
            linter.forget(path)
        started = time.perf_counter()
        linter.lint(path, edited(base, version, where))
        times.append(time.perf_counter() - started)
    return times


def rows(lines: int, rounds: int, where: str = "end") -> list[tuple[str, float, str]]:
    import tempfile

    from nvlint.server.app import DEBOUNCE_SECONDS

    with tempfile.TemporaryDirectory(prefix="nvlint-lsp-bench-") as temp:
        folder = Path(temp)
        served = statistics.median(asyncio.run(measure(lines, rounds, folder, where)))
        floor = statistics.median(in_process(lines, rounds, folder, where))
        whole = statistics.median(in_process(lines, rounds, folder, where, whole=True))
    after = served - DEBOUNCE_SECONDS
    at = {"end": "", "create": ", edited in its last create", "typing": ", typing in a create in the middle"}.get(
        where, f", edited in the {where}"
    )
    return [
        (f"whole {lines}-line script read in process{at}", whole, f"{whole / floor:.2f}x the floor"),
        (f"edit read again in process{at}", floor, "the floor"),
        (
            f"server: change to diagnostics, {lines} lines{at}",
            served,
            f"includes the {DEBOUNCE_SECONDS * 1000:.0f} ms pause",
        ),
        (
            f"server: after the pause, {lines} lines{at}",
            after,
            f"{after * 1000:.0f} ms (target <= 100 ms); {after / floor:.2f}x the floor",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--where",
        choices=("end", "create", "middle", "typing"),
        default="end",
        help="where each edit is made (see edited)",
    )
    args = parser.parse_args(argv)
    found = rows(args.lines, args.rounds, args.where)
    width = max(len(r[0]) for r in found)
    print(f"{'what':<{width}}  {'seconds':>9}  ratio")
    for what, value, ratio in found:
        print(f"{what:<{width}}  {value:9.3f}  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
