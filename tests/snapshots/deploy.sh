#!/usr/bin/env bash
# A fixture for the output formats: one finding of each severity, one with a fix.
echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin
docker login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
ngc cf fn create --name web --inference-url /infer --container-image ghcr.io/acme/web:1.0
