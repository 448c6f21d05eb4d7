ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --inference-port 8080
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --inference-port=8010 --health-port 8080
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
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration "$VALUES"
# ---
ngc cf fn create --name a --inference-url /i --container-image docker.io/vllm/vllm-openai:latest
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/nim/meta/llama3:1.0.0 --health-uri /v1/health/ready
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --model acme/llama:1 --model draft:other/llama:2
# ---
cat > /tmp/function.json <<JSON
{
  "name": "echo",
  "inferenceUrl": "/echo",
  "inferencePort": 8010,
  "containerImage": "nvcr.io/acme/echo:1.0"
}
JSON
curl -X POST "https://api.nvcf.nvidia.com/v2/nvcf/functions" -H "Authorization: Bearer $NGC_API_KEY" \
  -H "Content-Type: application/json" -d @/tmp/function.json
