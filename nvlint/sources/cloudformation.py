"""CloudFormation and SAM templates, by their shape: the `UserData` scripts of EC2 instances, launch
templates and launch configurations, which log in to nvcr.io and pull NIM images on every new machine.

`UserData` is read through `Fn::Base64` / `!Base64` and `Fn::Sub` / `!Sub` (the string, or the first
item of `!Sub [string, {vars}]`). Inside `Fn::Sub` every `${...}` is CloudFormation's (`${AWS::Region}`,
`${ImageTag}`; the shell's own are written `${!Name}`): unknown values. User data that is cloud-init
(`#cloud-config` in a literal block, `|`) is read as cloud-init, at its place in the template. `Fn::Join`
lists, and cloud-init in folded or quoted scalars (their text is not the file's), are not read.
"""

from __future__ import annotations

from nvlint import lazyre
from nvlint.model.events import Event
from nvlint.sources.kind import Source
from nvlint.yamltree.nodes import (
    Expressions,
    get,
    is_mapping,
    is_scalar,
    is_sequence,
    items,
    scalar_snippet,
    scalar_text,
)

_WITH_USER_DATA = frozenset(
    {"AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration", "AWS::EC2::SpotFleet"}
)
_SUBSTITUTION = lazyre.compile(r"\$\{([^}]*)\}")


def looks_like_cloudformation(root) -> bool:
    if not is_mapping(root):
        return False
    if get(root, "AWSTemplateFormatVersion") is not None:
        return True
    resources = get(root, "Resources")
    return is_mapping(resources) and any(
        is_mapping(resource) and scalar_text(get(resource, "Type")) in _WITH_USER_DATA
        for _, _, resource in items(resources)
    )


def read_document(source: Source, root) -> list[list[Event]]:
    from nvlint.sources.session import flows_of  # here: not needed to find files

    flows: list[list[Event]] = []
    resources = get(root, "Resources")
    for _, _, resource in items(resources) if is_mapping(resources) else ():
        if not is_mapping(resource) or scalar_text(get(resource, "Type")) not in _WITH_USER_DATA:
            continue
        properties = get(resource, "Properties")
        for holder in (properties, get(properties, "LaunchTemplateData") if is_mapping(properties) else None):
            user_data = get(holder, "UserData") if is_mapping(holder) else None
            script, substituted = _unwrapped(user_data)
            if script is None:
                continue
            if str(script.value).lstrip().startswith("#cloud-config"):
                flows.extend(cloud_config_in(source, script))
                continue
            expressions = Expressions(_SUBSTITUTION) if substituted else None
            snippet = scalar_snippet(script, source.text, {}, expressions)
            if snippet is not None:
                flows.extend(flow for flow in flows_of(snippet, source.reads_words, source.sourced_files()) if flow)
    return flows


def cloud_config_in(source: Source, node) -> list[list[Event]]:
    """The cloud-init document a literal block scalar holds (its lines, from the one after `|`), read
    where it is written."""
    from nvlint.sources import cloud_init

    if getattr(node, "style", None) != "|":
        return []
    first = source.text.find("\n", node.start_mark.index) + 1
    return cloud_init.embedded(source, first, node.end_mark.index) if 0 < first < node.end_mark.index else []


def _unwrapped(node):
    """(the script's scalar, whether `Fn::Sub` substitutes in it): through Base64 and Sub, in either
    spelling (a `!Sub` tag is a scalar to the composer; `Fn::Sub` a one-key mapping)."""
    substituted = False
    for _ in range(4):
        if is_scalar(node):
            return node, substituted or getattr(node, "tag", "") == "!Sub"
        if is_sequence(node) and getattr(node, "tag", "") == "!Sub" and node.value:
            node, substituted = node.value[0], True
            continue
        if not is_mapping(node) or len(node.value) != 1:
            return None, False
        key, _, value = next(iter(items(node)))
        if key == "Fn::Sub":
            substituted = True
            value = value.value[0] if is_sequence(value) and value.value else value
        elif key != "Fn::Base64":
            return None, False
        node = value
    return None, False


shape = looks_like_cloudformation  # the registry's name (nvlint.sources.kind.FileKind)
