"""Recognisers: one module per tool family, each turning a command's argv into events.

`commands.recognise` dispatches a command to its family; the NGC CLI grammar and the NVCF API request
model are data and code beside the recogniser that reads them.
"""
