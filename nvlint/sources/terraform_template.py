"""Terraform template files (`*.tftpl`), which `templatefile("setup.sh.tftpl", {...})` renders into a
machine's user data: a shell script (a `.sh`/`.bash` template, or one that starts with a shell shebang)
is read with Terraform's template syntax first, as `user_data` heredocs are (nvlint.sources.terraform:
`${...}` and `%{...}` unknown, `$${` a literal `${`); cloud-init (`#cloud-config` first) is read as
cloud-init. Other templates (JSON, YAML of other tools) are not read."""

from __future__ import annotations

from nvlint.sources.kind import Reading, Source

_SCRIPT_NAMES = (".sh.tftpl", ".bash.tftpl")


def read(source: Source) -> Reading:
    text = source.text
    head = text.lstrip()
    if head.startswith("#cloud-config"):
        from nvlint.sources import cloud_init

        return Reading(cloud_init.embedded(source, 0, len(text)))
    from nvlint.sources import kind_from_shebang

    shell_shebang = kind_from_shebang(head.split("\n", 1)[0].encode("utf-8", "replace")) == "shell"
    if not ((source.path or "").lower().endswith(_SCRIPT_NAMES) or shell_shebang):
        return Reading()
    from nvlint.sources.terraform import template_flows

    return Reading(template_flows(source, 0, len(text)))
