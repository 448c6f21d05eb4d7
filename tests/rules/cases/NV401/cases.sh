MODEL_DIR=/mount/model/llama/1.0
python serve.py --dir "$MODEL_DIR"
# ---
MODEL_DIR=/mount/Models/llama/1.0
python serve.py --dir "$MODEL_DIR"
# ---
MODEL_DIR=/mounts/models/llama/1.0
python serve.py --dir "$MODEL_DIR"
# ---
MODEL_DIR=/mount/resource/x/1
python serve.py --dir "$MODEL_DIR"
# ---
MODEL_DIR=/mount/modles/llama/1.0
python serve.py --dir "$MODEL_DIR"
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/mount/cache
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/config/model/llama
# ---
ngc cf fn create --name app --inference-url /infer --container-image nvcr.io/acme/s:1 --model acme/llama:1.0 --container-environment-variable D:/config/Resources/x
# ---
docker push nvcr.io/acme/app:1
ls /mount/cache
# ---
cp -r /mount/data /tmp
# ---
ls /config/model
# ---
ls /mount/models /mount/resources /mount/models/llama/1.0/config.json
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
