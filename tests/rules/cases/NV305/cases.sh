docker login nvcr.io -u '$oauthtoken' -p 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
# ---
#!/bin/sh
# old key: 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
echo hi
# ---
export NGC_API_KEY=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
# ---
# key: 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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
K=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
# ---
# a legacy key (before nvapi-): the base64 of 26 letters and digits, a colon and a UUID
docker login nvcr.io -u '$oauthtoken' -p dThqelBkZTBJZ3hMZDZHbmNmQkFlcGZKQmQ6ZjI4YzEwNWQtMWZiMS00YzIzLTkwYzEtOTJjZmQzYWM5NGFm
# ---
export NGC_CLI_API_KEY=b09PTDhkS0x6ZG9jSjJpc0FqSWhLdEowUmw6YTM4ZmQ1NDctOTIzYS00MzY5LTk0ZTMtYmY5MTFhNjFkYmUy
