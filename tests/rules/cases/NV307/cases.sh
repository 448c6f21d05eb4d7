ngc registry image list --org '$NGC_ORG'
# ---
ngc registry image list --org='${NGC_ORG}' --team "$TEAM"
# ---
docker login '$REGISTRY' -u '$oauthtoken' --password-stdin < k
# ---
ngc cf fn create --name app --inference-url /infer --container-image '$IMAGE'
# ---
echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
# ---
docker login nvcr.io -u \$oauthtoken --password-stdin <<< "$NGC_API_KEY"
# ---
docker login nvcr.io --username="\$oauthtoken" --password-stdin < key
# ---
docker login nvcr.io --username '$oauthtoken'
# ---
docker login -u "$DOCKER_USER" -p "$DOCKER_PASSWORD"
# ---
docker login ghcr.io -u octocat -p "$GITHUB_TOKEN"
# ---
oauthtoken='$oauthtoken'
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password-stdin < key
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password=$NGC_API_KEY
# ---
ssh deploy@host "docker login nvcr.io -u '\$oauthtoken' --password-stdin < key"
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
oc create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"
# ---
echo "$NGC_API_KEY" | helm registry login nvcr.io --username '$oauthtoken' --password-stdin
# ---
kubectl create secret docker-registry g --docker-server=ghcr.io --docker-password="$T"
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable LOG_LEVEL:debug
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable TOKENIZER_PATH:/models/tok
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable NUM_TOKENS:512
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --secret NGC_API_KEY:$NGC_API_KEY
# ---
ngc cf fn deploy update x:y --targeted-dep-spec L40:gl40_1.br20_2xlarge:1:1 --set image.tag=v2
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"HF_TOKEN": ""}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"hfTokenSecretName": "hf-secret", "ngcApiKeySecret": "ngc-api", "TOKEN_FILE": "/run/t"}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"NUM_TOKENS": 512, "tokenizer": "llama"}'
# ---
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
# ---
ngc registry image list --org "$NGC_ORG"
