ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable NGC_API_KEY:$NGC_API_KEY
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable HF_TOKEN:abc
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable MY_SECRET:x
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable DB_PASSWORD:x
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable KEY_DATA:${OPENAI_API_KEY}
# ---
ngc cf fn deploy create x:y --targeted-dep-spec L40:gl40_1.br20_2xlarge:1:1 --set ngcApiKey=$NGC_API_KEY
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --set ngc.apiKey=$NGC_API_KEY
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{
  "RESULTS_PATH": "",
  "HF_TOKEN": "<token>",
  "NUM_GPUS": <n>,
}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"env": {"NGC_API_KEY": "nvapi-placeholder"}, "replicas": 2}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"key": "'"$NGC_API_KEY"'"}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{
  "HF_TOKEN": "<token>",
  "NUM_GPUS": 1,
}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"HF_TOKEN": "'"$HF_TOKEN"'", "NUM_GPUS": 1}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"HF_TOKEN": "<token>", "NUM_GPUS": <number-of-gpus>,}'
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable LOG_LEVEL:debug
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable TOKENIZER_PATH:/models/tok
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --container-environment-variable NUM_TOKENS:512
# ---
ngc cf fn create --name a --inference-url /i --container-image nvcr.io/acme/a:1 --secret NGC_API_KEY:$NGC_API_KEY
# ---
ngc cf fn deploy update x:y --targeted-dep-spec L40:gl40_1.br20_2xlarge:1:1 --set image.tag=v2
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"HF_TOKEN": ""}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"hfTokenSecretName": "hf-secret", "ngcApiKeySecret": "ngc-api", "TOKEN_FILE": "/run/t"}'
# ---
ngc cf task create --name t --gpu-specification L40S:gl40s_1.br25_2xlarge --container-image nvcr.io/acme/t:1 --result-handling-strategy NONE --configuration '{"NUM_TOKENS": 512, "tokenizer": "llama"}'
# ---
ngc registry image list --org "$NGC_ORG"
