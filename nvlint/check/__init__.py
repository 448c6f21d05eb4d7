"""Checking files, one job per module, in the order a file goes through them:

- `plan`: which files, each with its settings and enabled rules, as FileRequests;
- `tree`: many files: the cache and stamps, worker processes, and what the run collects;
- `gate`: everything before parsing: opening, the size limit, the prefilter, decoding, and NV000;
- `file`: one file, `check_file(FileRequest) -> FileResult`: read, rules, placement, fixes.
"""
