"""Source kinds: each turns a file's text into flows of events with positions in that file."""
