helm install nim https://helm.ngc.nvidia.com/nim/charts/nim-llm-1.3.0.tgz --username='$oauthtoken' --password=$NGC_API_KEY --set imagePullSecret.password=$NGC_API_KEY,model.ngcAPIKey=$NGC_API_KEY,replicas=1
# ---
helm upgrade --install rag ./chart --set-string ngcApiSecret.password="${NGC_API_KEY}" --set replicas=2
# ---
helm install rag ./chart --set imagePullSecret.password=nvapi-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
# ---
helm install rag ./chart -f values.yaml --set-file imagePullSecret.password=key.txt --set image.tag=1.0
# ---
helm install rag ./chart --set imagePullSecret.create=true,image.tag=$TAG
