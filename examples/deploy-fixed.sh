#!/usr/bin/env bash
# Build the LLM server, publish it to NGC and create the NVCF functions that serve it.
# The corrected twin of deploy-broken.sh: nvlint reports nothing here.
set -euo pipefail

ORG="${NGC_ORG:-acme}"
TAG="${TAG:-$(git rev-parse --short HEAD)}"
IMAGE="nvcr.io/${ORG}/llm-server:${TAG}"

# Log in to nvcr.io: the username must be the literal text $oauthtoken.
echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin

docker build -t "$IMAGE" .
docker push "$IMAGE"

ngc registry model create "${ORG}/llama-weights" --application OTHER --framework PyTorch \
  --format safetensors --precision BF16 --short-desc "Llama weights for llm-server"
ngc registry model upload-version "${ORG}/llama-weights:1.0" --source ./weights

ngc cf fn create \
  --name llm-server \
  --inference-url /v1/chat/completions \
  --container-image "$IMAGE" \
  --model "${ORG}/llama-weights:1.0" \
  --container-environment-variable MODEL_DIR:/mount/models/llama-weights/1.0 \
  --health-uri /health

# A baseline straight from Docker Hub, for comparison.
ngc cf fn create --name vllm-baseline --inference-url /v1/chat/completions \
  --container-image docker.io/vllm/vllm-openai:v0.6.3 --health-uri /health

# The chart repository for the Helm-based variant.
echo "$NGC_API_KEY" | helm repo add ngc "https://helm.ngc.nvidia.com/${ORG}" --username='$oauthtoken' \
  --password-stdin
