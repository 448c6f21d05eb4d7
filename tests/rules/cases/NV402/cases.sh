ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable MODEL:/mount/models/mistral/1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable M:/mount/models/llama/2.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable M:/config/models/weights
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/mount/models/llama/1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/mount/models/llama/1.0/tokenizer
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/config/models/llama
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/config/models
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/opt/config/model/x
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/mount/models/llama
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model weights:acme/llama:1.0 --container-environment-variable M:/config/models/weights
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/team/llama:1.0 --container-environment-variable M:/mount/models/llama/1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model "$MODEL" --container-environment-variable M:/mount/models/llama/1.0
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable M:/mount/models/$NAME/1.0
