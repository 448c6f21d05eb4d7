if [ "$1" = all ]; then
  docker build -t nvcr.io/acme/app:1 .
  ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
fi
# ---
if a; then docker build -t nvcr.io/acme/app:1 .; fi
if b; then ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1; fi
# ---
docker build -t nvcr.io/acme/app:1 .
echo 'push done'
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
release() {
  docker build -t nvcr.io/acme/app:1 .
  ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
}
# ---
docker build -t nvcr.io/acme/app:1 .
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
docker push nvcr.io/acme/app:1
# ---
IMAGE="nvcr.io/acme/app:$TAG"
docker build -t "$IMAGE" .
ngc cf fn create --name app --inference-url /infer --container-image "$IMAGE"
# ---
build() { docker build -t "$1" .; }
push() { docker push "$1"; }
deploy() { ngc cf fn create --name app --inference-url /infer --container-image "$1"; }
build nvcr.io/acme/app:1
deploy nvcr.io/acme/app:1
push nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
docker push nvcr.io/acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker buildx build --push -t nvcr.io/acme/app:1 .
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker buildx build -t nvcr.io/acme/app:1 --output type=registry .
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
podman build -t nvcr.io/acme/app:1 . && podman push nvcr.io/acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t app:1 .
docker tag app:1 nvcr.io/acme/app:1
docker push nvcr.io/acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
ngc registry image push acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
skopeo copy docker-daemon:nvcr.io/acme/app:1 docker://nvcr.io/acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
docker push "$1"
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker build -t nvcr.io/acme/app:1 .
docker compose push
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
docker push nvcr.io/acme/app:1
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/app:1
# ---
IMAGE="nvcr.io/acme/app:$TAG"
docker buildx build --push -t "$IMAGE" .
ngc cf fn create --name app --inference-url /infer --container-image "$IMAGE"
# ---
docker build -t "nvcr.io/acme/app:$TAG" .
TAG=2
ngc cf fn create --name app --inference-url /infer --container-image "nvcr.io/acme/app:$TAG"
# ---
build() { docker build -t "$1" .; }
push() { docker push "$1"; }
deploy() { ngc cf fn create --name app --inference-url /infer --container-image "$1"; }
build nvcr.io/acme/app:1
push nvcr.io/acme/app:1
deploy nvcr.io/acme/app:1
# ---
helm package charts/llm --version 1.0.0
ngc registry chart push acme/llm:1.0.0 --source llm-1.0.0.tgz
ngc cf fn create --name app --inference-url /infer --helm-chart acme/llm:1.0.0 --helm-chart-service api
# ---
helm package charts/llm --version 1.0.0
helm push llm-1.0.0.tgz oci://registry.example.com/c
ngc cf fn create --name app --inference-url /infer --helm-chart acme/llm:1.0.0 --helm-chart-service api
# ---
ngc registry model create acme/llama --application OTHER --framework PyTorch --format x --precision FP16 --short-desc d
ngc registry model upload-version acme/llama:1.0 --source .
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model weights:acme/llama:1.0
# ---
# whichever branch set it, the image built is the image created: no condition to name
if [ -n "$DEV" ]; then IMAGE=nvcr.io/acme/app:dev; else IMAGE=nvcr.io/acme/app:1.0; fi
docker build -t "$IMAGE" .
ngc cf fn create --name app --inference-url /v1 --container-image "$IMAGE"
# ---
# silent: ordering needs the one value, and the one pushed may be the one created
if [ -n "$DEV" ]; then IMAGE=nvcr.io/acme/app:dev; else IMAGE=nvcr.io/acme/app:1.0; fi
docker build -t nvcr.io/acme/app:dev .
ngc cf fn create --name app --inference-url /v1 --container-image "$IMAGE"
