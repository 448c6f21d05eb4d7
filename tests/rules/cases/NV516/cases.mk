deploy:
	ngc cf fn create --name f --inference-url /v1 \
	  --container-image nvcr.io/a/b:1 \ 
	  --health-uri /health
# ---
all:
	docker build -t x .
	-docker rmi old
