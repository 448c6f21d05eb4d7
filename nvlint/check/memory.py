"""What an editor's document keeps of its last reading, so that the next one after an edit does only
what the edit can change: the shell walk's checkpoints (nvlint.shell.resume) and each rule's findings
(nvlint.rules.reuse). The command line reads each file once and keeps none of this."""

from __future__ import annotations


class DocumentMemory:
    __slots__ = ("script", "findings")

    def __init__(self) -> None:
        from nvlint.rules.reuse import RuleFindings
        from nvlint.shell.resume import ScriptMemory

        self.script = ScriptMemory()
        self.findings = RuleFindings()

    def retired(self) -> tuple:
        """What the next reading replaces (the walk's events and checkpoints, the rules' findings by view
        and by group), held by the caller so that freeing it, tens of thousands of objects on a long
        script, can wait until the new findings are out (nvlint.server.app.NvlintServer.lint_now)."""
        script, findings = self.script, self.findings
        return (script.events, script.checkpoints, findings.last, findings.last_groups)
