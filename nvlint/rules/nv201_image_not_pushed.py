from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.diagnostics import Diagnostic
from nvlint.model.events import Deploy, ImageBuilt, ImagePushed
from nvlint.rules._matching import ByImage, LooseIndex
from nvlint.rules.base import Context, Rule, use_span

RULE: Rule[Deploy | ImageBuilt | ImagePushed] = Rule(
    code="NV201",
    name="image-not-pushed",
    severity="error",
    summary="A function or task is created with an image the flow built but has not pushed yet.",
    what=(
        "In one flow (a script, with the functions it calls), reports a `--container-image` that was built "
        "or tagged locally (`docker build -t`, `docker tag`, `podman build`...) when no push of that image "
        "(`docker push`, `buildx build --push`, `podman push`, `ngc registry image push`, `skopeo copy`, "
        "`crane push`...) comes before the create. Says where it was built, and where it is pushed too late. "
        "The create may be an NVCF API request: inline, written to a file by the script, or a JSON file of "
        "the tree that `curl -d @FILE` posts (reported at the `@`, the image `set in` that file)."
    ),
    why=(
        "NVCF pulls from the registry, never from your machine. The NGC CLI and NVCF check that the image "
        "exists when the function is created; the create fails, or the deployment never pulls."
    ),
    bad="docker build -t nvcr.io/acme/app:1.0 .\n"
    "ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n"
    "docker push nvcr.io/acme/app:1.0\n",
    good="docker build -t nvcr.io/acme/app:1.0 .\n"
    "docker push nvcr.io/acme/app:1.0\n"
    "ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0\n",
    reads=(Deploy, ImageBuilt, ImagePushed),
    names_lines=True,
)


@RULE.checker
def check(flow: Sequence[Deploy | ImageBuilt | ImagePushed], ctx: Context) -> Iterator[Diagnostic]:
    """Linear in the flow: builds and pushes are indexed by the image they name as they come (see
    _matching), and every push by position for the "comes too late" hint, so each create costs lookups,
    not a scan of the events before or after it."""
    built = ByImage("docker")
    pushed_before = LooseIndex("docker")
    pushes = ByImage("docker")  # every push of the flow, for the one that comes after the create
    for index, event in enumerate(flow):
        if isinstance(event, ImagePushed) and event.image is not None:
            pushes.add(event.image, (index, event), event.context)
    for index, event in enumerate(flow):
        if isinstance(event, ImageBuilt):
            built.add(event.image, event)
        elif isinstance(event, ImagePushed):
            pushed_before.add(event.image, event, event.context)
        elif isinstance(event, Deploy) and event.ngc is not None:
            for option in event.ngc.all("--container-image"):
                image = option.value
                if image is None or not image.parts:
                    continue
                build = next((b for b in built.same(image, "ngc") if b.may_run_with(event)), None)
                if build is None or pushed_before.any(image, "ngc"):
                    continue
                late = next((push for at, push in pushes.same(image, "ngc") if at > index), None)
                yield _report(ctx, option, image, build, late)


def _report(ctx, option, image, build, late):
    shown = ctx.quote(image, option.value_word)
    message = f"image {shown} is {build.how} locally{ctx.place(build)} but not pushed before this create"
    if late is not None:
        message += f"; the push{ctx.place(late)} comes too late: move it before the create"
    else:
        message += "; push it first (docker push)"
    return RULE.at(use_span(option), message)
