ngc cf fn create --name app --inference-url /infer --container-image ghcr.io/acme/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image quay.io/acme/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image localhost:5000/app:1
# ---
ngc cf fn create --name app --inference-url /infer --container-image registry.example.com/app:1
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
ngc cf fn create --name a --inference-url /i --container-image stg.nvcr.io/acme/app:1.0
