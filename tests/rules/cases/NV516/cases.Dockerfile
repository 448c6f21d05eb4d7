FROM x
RUN ngc cf fn create --name f --inference-url /v1 --container-image nvcr.io/a/b:1 # x
    --health-uri /health
