docker login nvcr.io \  
  -u '$oauthtoken' --password-stdin < key
# ---
ngc cf fn create --name f --inference-url /v1 \
  --container-image nvcr.io/a/b:1
  --health-uri /h
# ---
ngc cf task create --name t --gpu-specification L40:x --result-handling-strategy NONE --helm-chart acme/c:1.0.0
# ---
ngc --org acme picasso fn create --name x --inference-url /i --model acme/m:1
# ---
ngc cf fn create $NGC_ARGS --name x
# ---
ngc cf fn create "$@"
# ---
ngc cf fn create "${ARGS[@]}"
# ---
ARGS="--inference-url /infer --container-image nvcr.io/acme/a:1"
ngc cf fn create --name x $ARGS
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/team/llama:1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model weights:acme/llama:1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --resource acme/data:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model "acme/$MODEL"
# ---
ngc cf fn create --name app --inference-url /infer --helm-chart oci://registry.example.com/charts/c --helm-chart-service s
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --secret HF_TOKEN:$HF_TOKEN
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --container-environment-variable 'URL:a=b'
# ---
IMAGE=nvcr.io/acme/app:1
case "$1" in
  build) docker build -t "$IMAGE" . ;;
  deploy) ngc cf fn create --name app --inference-url /infer --container-image "$IMAGE" ;;
  push) docker push "$IMAGE" ;;
esac
# ---
docker build -t nvcr.io/acme/app:1 .
make push
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
./scripts/push-image.sh
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
just publish
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
npm run release
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
build() { docker build -t nvcr.io/acme/app:1 .; }
deploy() { ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1; }
push() { docker push nvcr.io/acme/app:1; }
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --format_type json --org acme --team t --debug
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --health-timeout PT10S --rate-limit-pattern 100-M
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration-file values.yaml --set a=b
# ---
ngc cf fn deploy update f:v --dep-spec GFN:L40:gl40_1.br20_2xlarge:1:1
# ---
ngc registry model upload-version acme/m:1 --source . --some-new-flag x
# ---
ngc cf fn create $EXTRA --name a
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --inference-port 8000 --health-port 9000
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --max-runtime-duration 1D12H --max-queued-duration 30M
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --health-timeout PT10S
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --max-runtime-duration "$MAX"
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy upload --result-location acme/results --secret NGC_API_KEY:$K
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-location acme/team/results --json-secret-file ./secrets/NGC_API_KEY.json
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy "$STRATEGY"
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-location acme/r --secret "$SECRETS"
# ---
ngc cf fn deploy create f:v --targeted-dep-spec L40:x:1:1 --configuration '{"a": 1}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration "$VALUES"
# ---
ngc registry chart push acme/llm:1.0.0 --source ./dist/llm-1.0.0.tgz
# ---
ngc registry chart push acme/llm:1.0.0 --source ./chart-dir
# ---
ngc registry chart push acme/team/llm:2.1.0 --source llm-2.1.0.tgz --dry-run
# ---
ngc cf fn deploy create f:v --targeted-deployment-specification L40S:gl40s_1.br25_2xlarge:1:2
# ---
ngc cf fn deploy create f:v --targeted-deployment-specification H100:OCI.GPU.H100_1x:1:2:8:my-cluster
# ---
ngc cf fn deploy create f:v --targeted-deployment-specification H100:OCI.GPU.H100_1x:1:1::c1,c2:::1
# ---
ngc cf fn deploy create f:v --dep-spec GFN:L40:gl40_1.br20_2xlarge:1:1
# ---
ngc cf fn create --name a --inference-url /i --container-image docker.io/vllm/vllm-openai:latest
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/nim/meta/llama3:1.0.0 --health-uri /v1/health/ready
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --model acme/llama:1 --model draft:other/llama:2
# ---
docker login nvcr.io \
  -u '$oauthtoken' --password-stdin < key
# ---
echo building
  --type x
# ---
ngc cf fn list
echo between
--format_type json
# ---
ngc cf fn list; \
  --format_type json
# ---
ngc cf fn list && echo ok
  --x y
# ---
docker login nvcr.io
docker run -d --gpus all nvcr.io/nim/meta/llama3-8b-instruct:1.0.0 --max-model-len 8192
