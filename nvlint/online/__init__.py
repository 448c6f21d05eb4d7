"""Online mode: confirm the collected references against their registries (NV901, NV902, NV903).

Nothing here is imported by an offline run. `references` collects what is asked about (from the events
of each file), `settings` reads the `[online]` table, `check` asks, `client` speaks the registry and
NGC APIs, and `credentials` finds what to send where.
"""
