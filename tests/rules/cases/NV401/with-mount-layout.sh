ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/config/models/llama
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/mount/models/llama
