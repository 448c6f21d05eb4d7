"""Shared by the image rules: the images a function or task will deploy, parsed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from nvlint.model.events import Deploy, OptionUse
from nvlint.model.words import Value
from nvlint.reference_grammar import ImageRef, parse_image
from nvlint.rules.base import Context


class DeployedImage:
    __slots__ = ("deploy", "option", "value", "ref")

    def __init__(self, deploy: Deploy, option: OptionUse, value: Value, ref: ImageRef) -> None:
        self.deploy = deploy
        self.option = option
        self.value = value
        self.ref = ref

    def insert_at(self, index: int) -> int | None:
        """File offset of template character ``index`` of the reference, when literal."""
        return self.value.offset_of(self.ref.offset + index)


def deployed_images(flow: Sequence[Deploy], ctx: Context) -> list[DeployedImage]:
    """The images the creates of a flow deploy, parsed once per flow for all the image rules."""
    return ctx.per_flow(deployed_images, flow, lambda events: list(_each_deployed_image(events)))


def _each_deployed_image(flow: Sequence[Deploy]) -> Iterator[DeployedImage]:
    for event in flow:
        if event.ngc is not None:
            for option in event.ngc.all("--container-image"):
                if option.value is None or not option.value.parts:
                    continue
                ref = parse_image(option.value.template())
                if ref is not None:
                    yield DeployedImage(event, option, option.value, ref)
