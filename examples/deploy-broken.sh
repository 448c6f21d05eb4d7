#!/usr/bin/env bash
# Build the LLM server, publish it to NGC and create the NVCF functions that serve it.
# This script has the mistakes nvlint exists for; deploy-fixed.sh is the same script, corrected.
set -euo pipefail

ORG="${NGC_ORG:-acme}"
TAG="${TAG:-$(git rev-parse --short HEAD)}"
IMAGE="nvcr.io/${ORG}/llm-server:${TAG}"

# Log in to nvcr.io: the username must be the literal text $oauthtoken.
echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin

docker build -t "$IMAGE" .

ngc registry model create "${ORG}/llama-weights" --application OTHER --framework PyTorch \
  --format safetensors --precision BF16 --short-desc "Llama weights for llm-server"
ngc registry model upload-version "${ORG}/llama-weights:1.0" --source ./weights

ngc cf fn create \
  --name llm-server \
  --inference-url /v1/chat/completions \
  --container-image "$IMAGE" \
  --model "${ORG}/llama-weights:1.0" \
  --container-environment-variable MODEL_DIR=/mount/model/llama-weights/1.0 \
  --health-uri /health

docker push "$IMAGE"

# A baseline straight from Docker Hub, for comparison.
ngc cf fn create --name vllm-baseline --inference-url /v1/chat/completions \
  --container-image vllm/vllm-openai:v0.6.3 --health-uri /health

# The chart repository for the Helm-based variant.
helm repo add ngc "https://helm.ngc.nvidia.com/${ORG}" --username='$oauthtoken' --password="$NGC_API_KEY"
