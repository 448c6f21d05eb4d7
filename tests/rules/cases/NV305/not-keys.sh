echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
# ---
docker login nvcr.io -u \$oauthtoken --password-stdin <<< "$NGC_API_KEY"
# ---
docker login nvcr.io --username="\$oauthtoken" --password-stdin < key
# ---
oauthtoken='$oauthtoken'
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password-stdin < key
# ---
export NGC_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
# ---
export NGC_API_KEY=nvapi-YOUR_API_KEY_GOES_HERE_123
# ---
export NGC_API_KEY=nvapi-...
# ---
export NGC_API_KEY=nvapi-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
# ---
export NGC_API_KEY=nvapi-<your-key>
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
oc create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
docker login ghcr.io -u octocat -p "$GITHUB_TOKEN"
# ---
docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"
# ---
echo "$NGC_API_KEY" | helm registry login nvcr.io --username '$oauthtoken' --password-stdin
# ---
{"auths": {"nvcr.io": {"username": "$oauthtoken", "password": "<key>"}}}
# ---
username: $oauthtoken
password: <your key>
# ---
echo "$oauthtoken:$KEY"
# ---
export NGC_API_KEY=nvapi-1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef
# ---
export NGC_API_KEY=nvapi-Lab0TestKey1NotReal2Lab0TestKey1NotReal2Lab0TestKey1NotReal2abcd
# ---
export NGC_API_KEY=nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
# ---
export NGC_API_KEY=nvapi-YOUR_KEY_YOUR_KEY_YOUR_KEY_YOUR_KEY_YOUR_KEY_YOUR_KEY_YOUR_KEY_A
# ---
export NGC_API_KEY=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
# ---
export NGC_API_KEY=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
# ---
export NGC_API_KEY=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...
# ---
export NGC_API_KEY=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…
# ---
export NGC_API_KEY=<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>
# ---
export NGC_API_KEY=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
# ---
export NGC_API_KEY=nvapi-Zq4TmXw8Kc2Vb7Ny1Lr5Pd9Hs3Gf6Jk0-AEXAMPLE2Oy4Rx7Cv1Bn5Mh9Ql3Dz6F
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"HF_TOKEN": ""}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"hfTokenSecretName": "hf-secret", "ngcApiKeySecret": "ngc-api", "TOKEN_FILE": "/run/t"}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"NUM_TOKENS": 512, "tokenizer": "llama"}'
# ---
# 84 letters and digits that are not the base64 of a legacy key
export NGC_API_KEY=tHF4vUCsMehGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Qwb8DwkNhFdnXsiVpzz63Ff
# ---
# the base64 of 26 letters, a colon and 36 more letters and digits: no UUID
export NGC_API_KEY=YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo6MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIz
# ---
# a legacy key inside a longer run is not one
export NGC_API_KEY=bXhnSlRlS2RObkZSSUJYdURMN0R4dHBZbFM6OTMwZDZlYWYtMTRmNC00MzNmLWJlN2QtMWJmYmM3YTJlYTIwA
