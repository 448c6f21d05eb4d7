"""What every layer shares: text with its file offsets (`text`), shell words, values and their parts
(`words`), the commands a shell walk gives (`command`), the events rules read (`events`), and the plain
record classes they are built on (`record`). Readers, tools and rules build on these; nothing here
imports a reader, a tool or a rule."""
