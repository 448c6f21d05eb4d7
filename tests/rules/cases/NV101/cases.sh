ARGS=(--name app --inference-url /infer --container-image vllm/vllm-openai:latest)
ngc cf fn create "${ARGS[@]}"
# ---
ngc cf fn create --name app --inference-url /infer --container-image vllm/vllm-openai:latest
# ---
ngc cf fn create --name app --inference-url /infer --container-image nginx:1.27
# ---
ngc cf fn create --name app --inference-url /infer --container-image nginx
# ---
ngc cf fn create --name app --inference-url /infer \
    --container-image=vllm/vllm-openai:latest
# ---
IMAGE="vllm/vllm-openai:latest"
ngc cf fn create --name app --inference-url /infer --container-image "$IMAGE"
# ---
ngc cf fn create --name app --inference-url /infer --container-image "${IMAGE:-vllm/vllm-openai:v1}"
# ---
ngc cf task create --name t --gpu-specification L40:gl40_1.br20_2xlarge --result-handling-strategy NONE --container-image vllm/vllm-openai:latest
# ---
ngc cf fn create --name app --inference-url /infer --container-image docker.io/vllm/vllm-openai:latest
# ---
ngc cf fn create --name app --inference-url /infer --container-image docker.io/library/nginx:1.27
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/team/app:1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
# ---
ngc cf fn create --name app --inference-url /infer --container-image 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image public.ecr.aws/acme/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image myregistry.azurecr.io/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image acme.cr.volces.com/app/x:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image "$IMAGE"
# ---
ngc cf fn create --name app --inference-url /infer --container-image "${REGISTRY}/app:1"
# ---
ngc cf fn create --name app --inference-url /infer --container-image "$ORG/app:1"
# ---
ngc cf fn create --name app --inference-url /infer --container-image "nvcr.io/acme/app:$TAG"
# ---
ngc cf fn create --name app --inference-url /infer --container-image "nvcr.io/acme/app$SUFFIX"
# ---
for image in nvcr.io/acme/app:1 vllm/vllm-openai:v0.6.3; do
  ngc cf fn create --name app --inference-url /v1/chat/completions --container-image "$image"
done
# ---
for image in ./images/*; do
  ngc cf fn create --name app --inference-url /v1/chat/completions --container-image "$image"
done
# ---
if [ "$PUBLIC" = 1 ]; then
  IMAGE=vllm/vllm-openai:latest
else
  IMAGE=nvcr.io/acme/vllm:1.0
fi
ngc cf fn create --name x --inference-url /v1 --container-image "$IMAGE"
