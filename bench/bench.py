#!/usr/bin/env python3
"""Benchmark nvlint as ratios measured in one run (these machines are noisy; only ratios compare).

    pip install -e '.[bench]' && python bench/bench.py [--files 2000] [--runs 3] [--scaling]

It generates a deterministic corpus (seeded): shell scripts, Makefiles, GitHub and GitLab CI files and
NVCF payloads, about a tenth of them with findings, inside a tree that is mostly irrelevant to nvlint
(Python, JavaScript, prose, Kubernetes YAML), as real repositories are. Then it times, in one run:
nvlint cold (empty cache) and warm (nothing changed), shellcheck on the same shell scripts, the floor
(`grep -rlE` for nvlint's trigger words over the same tree), nvlint on one small script against a bare
`python3 -c pass` (also as pre-commit runs it: the script changed, the tree's cache warm), and the peak
memory of the cold run, and the language server's change-to-diagnostic latency on 500 and 5,000 lines,
edited at the end, in the last create and in the middle (bench/server_latency.py). `--scaling` also
checks 10x the files; `--tree PATH` (repeatable) measures a real checkout too: cold and warm against
grep, and one changed script as pre-commit runs it.

Commands that are compared take turns, one run each per round, and the medians are compared. nvlint
runs as the installed `nvlint` script with bytecode, as pre-commit and CI run it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # its neighbours: server_latency, breakdown

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
"""

MAKEFILE = """IMAGE ?= nvcr.io/{org}/{name}:{version}
.PHONY: build push deploy
build:
\tdocker build -t $(IMAGE) .
push: build
\tdocker push $(IMAGE)
deploy: {deploy_prerequisite}
\tngc cf fn create --name {name} --inference-url /infer --container-image $(IMAGE)
"""

WORKFLOW = """name: release
on: [push]
env:
  IMAGE: nvcr.io/{org}/{name}:${{{{ github.sha }}}}
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{{{ secrets.NGC_API_KEY }}}}" | docker login nvcr.io -u {user} --password-stdin
      - run: |
          docker build -t "$IMAGE" .
          docker push "$IMAGE"
"""

GITLAB = """stages: [build, deploy]
build:
  stage: build
  script:
    - docker build -t nvcr.io/{org}/{name}:$CI_COMMIT_SHA .
    - docker push nvcr.io/{org}/{name}:$CI_COMMIT_SHA
deploy:
  stage: deploy
  script:
    - ngc cf fn create --name {name} --inference-url /infer --container-image nvcr.io/{org}/{name}:$CI_COMMIT_SHA
"""

PAYLOAD = """{{"name": "{name}", "inferenceUrl": "/v1/infer", "inferencePort": {port},
 "containerImage": "{image}"}}
"""

PYTHON = (
    "import os\nimport sys\n\n\ndef main() -> int:\n"
    '    name = os.environ.get("NAME", "{name}")\n    print(f"hello {{name}}")\n    return 0\n\n\n'
    'if __name__ == "__main__":\n    sys.exit(main())\n'
)
JAVASCRIPT = """export function {fname}(items) {{\n  return items.filter((x) => x.enabled).map((x) => x.id);\n}}\n"""
PROSE = """# {name}\n\nThis service answers questions about {name}. See the design notes for the data flow.\n"""
K8S = (
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n"
    "      containers:\n        - name: {name}\n          image: nginx:1.27\n"
)

NAMES = ["llm-server", "embedder", "reranker", "asr", "tts", "vision", "retriever", "guard", "ocr", "summarizer"]
ORGS = ["acme", "contoso", "initech", "globex"]
TRIGGERS = "ngc|login|oauthtoken|nvapi-|/mount|password|nvcr|--creds|containerImage|helmChart|inferenceUrl"


def generate(directory: Path, count: int, seed: int = 7) -> list[Path]:
    """The corpus; returns the shell scripts (what shellcheck is given)."""
    rng = random.Random(seed)
    shell_files = []
    for index in range(count):
        name, org = rng.choice(NAMES), rng.choice(ORGS)
        fields = {"name": name, "org": org, "version": f"1.{rng.randint(0, 9)}", "fname": f"f{index}"}
        bad = rng.random() < 0.1
        folder = directory / f"pkg{index % 40:02d}"
        roll = rng.random()
        if roll < 0.25:
            path = folder / "scripts" / f"deploy{index:05d}.sh"
            text = (DEPLOY_BAD if bad else DEPLOY_GOOD if rng.random() < 0.5 else BUILD).format(**fields)
            shell_files.append(path)
        elif roll < 0.30:
            path = folder / f"m{index:05d}" / "Makefile"
            text = MAKEFILE.format(deploy_prerequisite="build" if bad else "push", **fields)
        elif roll < 0.35:
            path = folder / ".github" / "workflows" / f"release{index:05d}.yml"
            text = WORKFLOW.format(user='"$oauthtoken"' if bad else "'$oauthtoken'", **fields)
        elif roll < 0.38:
            path = folder / f"ci{index:05d}.gitlab-ci.yml"
            text = GITLAB.format(**fields)
        elif roll < 0.40:
            path = folder / "nvcf" / f"function{index:05d}.json"
            image = "vllm/vllm-openai:latest" if bad else f"nvcr.io/{org}/{name}:1.0"
            text = PAYLOAD.format(port=8080 if bad else 8000, image=image, **fields)
        elif roll < 0.65:
            path, text = folder / "src" / f"module{index:05d}.py", PYTHON.format(**fields)
        elif roll < 0.80:
            path, text = folder / "web" / f"component{index:05d}.js", JAVASCRIPT.format(**fields)
        elif roll < 0.92:
            path, text = folder / "docs" / f"notes{index:05d}.txt", PROSE.format(**fields)
        else:
            path, text = folder / "k8s" / f"deployment{index:05d}.yaml", K8S.format(**fields)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        # Written an hour ago, as the files of a real tree are: a file changed in the last two seconds is
        # read on every run (nvlint/check/tree.py, RACY_NS), which only a generated tree would hit.
        os.utime(path, ns=(AN_HOUR_AGO, AN_HOUR_AGO))
    return shell_files


AN_HOUR_AGO = time.time_ns() - 3_600_000_000_000


# Installed packages carry compiled bytecode (pip compiles on install); an editable checkout run with
# PYTHONDONTWRITEBYTECODE set would recompile every module on every start and time the compiler instead.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=False)
    return time.perf_counter() - start


def medians(jobs: list[tuple[list[str], object]], runs: int, cwd: Path) -> list[float]:
    """Median seconds of each (command, before) job. The jobs take turns, one run each per round, so a
    slow moment of the machine weighs on all of them alike and their ratios hold."""
    for command, before in jobs:  # warm the OS caches (and write bytecode) first
        if before is not None:
            before()
        _timed(command, cwd)
    times: list[list[float]] = [[] for _ in jobs]
    for _ in range(runs):
        for (command, before), seen in zip(jobs, times, strict=False):
            if before is not None:
                before()
            seen.append(_timed(command, cwd))
    return [statistics.median(seen) for seen in times]


def peak_memory_mb(command: list[str], cwd: Path) -> float:
    """Peak resident memory of the command and its worker processes."""
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, env=ENV
    ).stdout
    return int(out.strip() or 0) / 1024


LENGTHS = (1000, 2000, 4000, 8000, 40000)


def long_files(folder: Path, lines: int) -> dict[str, Path]:
    """A script, a Makefile and a payload of about ``lines`` lines, each made of what real ones hold."""
    from server_latency import script

    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "shell script": folder / f"deploy{lines}.sh",
        "Makefile": folder / f"deploy{lines}.mk",
        "JSON payload": folder / f"function{lines}.json",
    }
    made["shell script"].write_text(script(lines))
    rules = [".PHONY: all"]
    n = 0
    while len(rules) < lines:
        image = f"nvcr.io/acme/app{n}:1.{n}"
        rules += [
            f"build{n}:",
            f"\tdocker build -t {image} .",
            f"push{n}: build{n}",
            f"\tdocker push {image}",
            f"deploy{n}: push{n}",
            f"\tngc cf fn create --name app{n} --inference-url /infer --container-image {image}",
        ]
        n += 1
    made["Makefile"].write_text("\n".join(rules) + "\n")
    environment = [{"key": f"MODEL_{j}", "value": f"/mount/models/model{j}/1.0"} for j in range(lines // 4)]
    payload = {
        "name": "app",
        "inferenceUrl": "/infer",
        "inferencePort": 8000,
        "containerImage": "nvcr.io/acme/app:1.0",
        "containerEnvironment": environment,
    }
    import json

    made["JSON payload"].write_text(json.dumps(payload, indent=1) + "\n")
    return made


def scaling_rows(nvlint: list[str], root: Path, runs: int) -> list[tuple[str, float, str]]:
    """Time against a file's length: 8x the lines must cost at most 10x; the 40,000-line script at most
    100x `bash -n` on it, in under 400 MB."""
    config = root / "big.toml"
    config.write_text('max-file-size = "64MB"\n')  # these files are large on purpose
    check = [c for c in nvlint if c != "--isolated"] + ["--no-cache", "--config", str(config)]
    files = {lines: long_files(root / "long", lines) for lines in LENGTHS}
    rows: list[tuple[str, float, str]] = []
    for kind in ("shell script", "Makefile", "JSON payload"):
        jobs = [([*check, str(files[lines][kind])], None) for lines in LENGTHS]
        times = medians(jobs[:-1], runs, root) + medians(jobs[-1:], 1, root)
        for lines, seconds in zip(LENGTHS, times, strict=True):
            rows.append((f"{kind}, {lines} lines", seconds, f"{seconds / times[0]:.1f}x the 1000-line time"))
        rows.append((f"{kind}: 8000 against 1000 lines", times[3] / times[0], "target <= 10x"))
        rows.append((f"{kind}: 40000 against 8000 lines", times[4] / times[3], "target <= 6x (5x the lines)"))
        if kind == "shell script":
            (bash,) = medians([(["bash", "-n", str(files[40000][kind])], None)], runs, root)
            rows.append(
                ("bash -n on the 40000-line script", bash, f"nvlint takes {times[-1] / bash:.0f}x (target <= 100x)")
            )
            rows.append(("peak memory, 40000-line script", peak_memory_mb(jobs[-1][0], root), "MB (target < 400)"))
    return rows


def tree_rows(nvlint: list[str], tree: Path, runs: int) -> list[tuple[str, float, str]]:
    """A real tree: cold and warm against the grep floor, and one changed file as pre-commit runs it."""
    from nvlint.discover import iter_targets

    name = tree.name
    cache = tree / ".nvlint_cache"

    def clear_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    grep, cold, warm = medians(
        [(["grep", "-rlE", TRIGGERS, "."], None), ([*nvlint, "."], clear_cache), ([*nvlint, "."], None)], runs, tree
    )
    rows = [
        (f"{name}: grep -rlE (the floor)", grep, "1.00x"),
        (f"{name}: nvlint cold", cold, f"{cold / grep:.1f}x the grep floor"),
        (f"{name}: nvlint warm", warm, f"{warm / cold:.2f}x the cold run (target <= 0.25x)"),
    ]
    scripts = [t for t in iter_targets([str(tree)]) if t.kind == "shell"]
    if scripts:
        target = Path(scripts[0].path)
        original, status = target.read_bytes(), target.stat()
        edits = iter(range(10**6))

        def change() -> None:  # pre-commit's case: the file changed, the rest of the cache is warm
            target.write_bytes(original + f"\n# {next(edits)}\n".encode())

        try:
            bare, changed = medians(
                [([sys.executable, "-c", "pass"], None), ([*nvlint, str(target.relative_to(tree))], change)],
                runs * 5,
                tree,
            )
        finally:
            target.write_bytes(original)
            os.utime(target, ns=(status.st_atime_ns, status.st_mtime_ns))
        rows.append(
            (
                f"{name}: one changed script, cache warm",
                changed,
                f"{changed / bare:.2f}x python start-up (target <= 3x)",
            )
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scaling", action="store_true", help="also time 10x the files")
    parser.add_argument("--no-lengths", action="store_true", help="skip the table of long files (1k to 40k lines)")
    parser.add_argument(
        "--tree",
        action="append",
        default=[],
        metavar="PATH",
        help="also measure a real checkout (a clone you may write in: its cache, one file touched and restored)",
    )
    args = parser.parse_args(argv)

    # the installed `nvlint` script, as pre-commit and CI run it (no runpy); `python -m nvlint` without one
    script = Path(sys.executable).with_name("nvlint")
    nvlint = [str(script)] if script.exists() else [sys.executable, "-m", "nvlint"]
    nvlint += ["check", "--isolated", "--format", "text"]
    shellcheck = shutil.which("shellcheck")
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="nvlint-bench-") as temp:
        root = Path(temp)
        (root / ".git").mkdir()  # the cache lives at the project root
        shell_files = generate(root / "corpus", args.files)
        small = root / "one.sh"
        small.write_text(DEPLOY_GOOD.format(name="app", org="acme", version="1.0"))

        def clear_cache() -> None:
            shutil.rmtree(root / ".nvlint_cache", ignore_errors=True)

        edits = iter(range(10**6))

        def change_small() -> None:  # pre-commit's case: the file changed, the rest of the cache is warm
            small.write_text(DEPLOY_GOOD.format(name="app", org="acme", version="1.0") + f"# {next(edits)}\n")

        grep, cold, warm = medians(
            [
                (["grep", "-rlE", TRIGGERS, "corpus"], None),
                ([*nvlint, "corpus"], clear_cache),
                ([*nvlint, "corpus"], None),
            ],
            args.runs,
            root,
        )
        bare, one, changed = medians(
            [
                ([sys.executable, "-c", "pass"], None),
                ([*nvlint, "--no-cache", "one.sh"], None),
                ([*nvlint, "one.sh"], change_small),
            ],
            args.runs * 5,
            root,
        )
        rows.append(("python3 -c pass", bare, "start-up floor"))
        rows.append(("nvlint check one.sh (no cache)", one, f"{one / bare:.2f}x python start-up (target <= 3x)"))
        rows.append(
            (
                "nvlint check one.sh, changed, cache warm",
                changed,
                f"{changed / bare:.2f}x python start-up (what pre-commit pays)",
            )
        )
        rows.append((f"grep -rlE (the floor), {args.files} files", grep, "1.00x"))
        rows.append(("nvlint check corpus, cold", cold, f"{cold / grep:.1f}x the grep floor (target <= 10x)"))
        rows.append(("nvlint check corpus, warm", warm, f"{warm / cold:.2f}x the cold run (target <= 0.25x)"))
        if shellcheck:
            relative = [str(p.relative_to(root)) for p in shell_files]
            sc, cold_again = medians(
                [([shellcheck, "-f", "gcc", *relative], None), ([*nvlint, "corpus"], clear_cache)], args.runs, root
            )
            rows.append(
                (
                    f"shellcheck on the {len(shell_files)} shell scripts",
                    sc,
                    f"nvlint cold ({cold_again:.3f} s) is {sc / cold_again:.1f}x faster (target >= 50x)",
                )
            )
        else:
            rows.append(("shellcheck", float("nan"), "not installed: pip install -e '.[bench]'"))
        clear_cache()
        memory = peak_memory_mb([*nvlint, "corpus"], root)
        rows.append(("peak memory, cold run", memory, "MB"))
        if args.scaling:
            shutil.rmtree(root / "corpus")
            generate(root / "corpus", args.files * 10)
            (big,) = medians([([*nvlint, "corpus"], clear_cache)], 1, root)
            clear_cache()
            big_memory = peak_memory_mb([*nvlint, "corpus"], root)
            rows.append(
                (
                    f"nvlint check, {args.files * 10} files, cold",
                    big,
                    f"{big / cold:.1f}x the {args.files}-file time (target <= 11x)",
                )
            )
            rows.append(("peak memory, 10x files", big_memory, f"MB ({big_memory / max(memory, 1):.2f}x)"))
        if not args.no_lengths:
            rows += scaling_rows(nvlint, root, args.runs)
    for tree in args.tree:
        rows += tree_rows(nvlint, Path(tree).resolve(), args.runs)
    try:
        import pygls  # noqa: F401
    except ImportError:
        rows.append(("language server latency", float("nan"), "not installed: pip install -e '.[server]'"))
    else:
        import server_latency

        rows += server_latency.rows(500, args.runs * 5)
        rows += server_latency.rows(5000, args.runs * 2)
        rows += server_latency.rows(5000, args.runs * 2, where="create")
        rows += server_latency.rows(5000, args.runs * 2, where="middle")
        rows += server_latency.rows(5000, args.runs * 2, where="typing")

    import breakdown

    rows.append(("-- where a cold run's time goes (in one process) --", float("nan"), ""))
    rows += breakdown.rows(args.files)
    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'value':>9}  ratio")
    for what, value, ratio in rows:
        print(f"{what:<{width}}  {value:9.3f}  {ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
