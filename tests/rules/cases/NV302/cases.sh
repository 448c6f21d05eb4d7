docker login nvcr.io -u $oauthtoken --password-stdin < key
# ---
docker login nvcr.io -u "${oauthtoken}" --password-stdin < key
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username=$oauthtoken --password-stdin < key
# ---
cat <<EOF > login.sh
docker login nvcr.io -u '$oauthtoken'
EOF
# ---
cat <<'EOF' > login.sh
docker login nvcr.io -u $oauthtoken
EOF
# ---
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
docker login nvcr.io "--username=$oauthtoken" --password-stdin < key
# ---
sudo bash -c 'echo "$KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin'
# ---
ssh deploy@host "docker login nvcr.io -u '$oauthtoken' --password-stdin < key"
# ---
kubectl create secret docker-registry s --docker-server=nvcr.io --docker-username=$oauthtoken --docker-password-file=k
# ---
curl -u "$oauthtoken:$NGC_API_KEY" https://nvcr.io/proxy_auth
# ---
AUTH=$(echo -n "$oauthtoken:$NGC_API_KEY" | base64 -w0)
# ---
cat > ~/.docker/config.json <<EOF
{"auths": {"nvcr.io": {"username": "$oauthtoken"}}}
EOF
# ---
printf '{"auths":{"nvcr.io":{"username":"%s","password":"%s"}}}' "$oauthtoken" "$KEY" > config.json
# ---
export SINGULARITY_DOCKER_USERNAME="$oauthtoken"
# ---
U="$oauthtoken"
echo "$KEY" | docker login nvcr.io -u "$U" --password-stdin
# ---
cat <<EOF > setup.sh
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
EOF
# ---
bash <<EOF
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
EOF
# ---
ssh host <<'EOF'
docker login nvcr.io -u $oauthtoken --password-stdin < k
EOF
# ---
sudo tee /opt/login.sh <<EOF
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
EOF
# ---
eval eval eval eval eval eval eval eval eval eval eval eval eval eval eval eval docker login nvcr.io -u '\$oauthtoken' --password-stdin < key
# ---
docker login nvcr.io -u $oauthtoken
ngc cf fn create --name a --inference-url /i --container-image vllm/x:1
# ---
echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
# ---
docker login nvcr.io -u \$oauthtoken --password-stdin <<< "$NGC_API_KEY"
# ---
docker login nvcr.io --username="\$oauthtoken" --password-stdin < key
# ---
docker login nvcr.io --username '$oauthtoken'
# ---
docker login -u "$DOCKER_USER" -p "$DOCKER_PASSWORD"
# ---
docker login ghcr.io -u octocat -p "$GITHUB_TOKEN"
# ---
oauthtoken='$oauthtoken'
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password-stdin < key
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password=$NGC_API_KEY
# ---
ssh deploy@host "docker login nvcr.io -u '\$oauthtoken' --password-stdin < key"
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
oc create secret docker-registry ngc --docker-server=nvcr.io --docker-username='$oauthtoken' --docker-password="$NGC_API_KEY"
# ---
docker login -u gitlab-ci-token -p "$CI_JOB_TOKEN" "$CI_REGISTRY"
# ---
echo "$NGC_API_KEY" | helm registry login nvcr.io --username '$oauthtoken' --password-stdin
# ---
kubectl create secret docker-registry g --docker-server=ghcr.io --docker-password="$T"
# ---
echo "Login to nvcr.io. The username must be EXACTLY: $oauthtoken"
# ---
echo "use $oauthtoken as the username" >&2
# ---
Username: $oauthtoken
# ---
{"auths": {"nvcr.io": {"username": "$oauthtoken", "password": "<key>"}}}
# ---
username: $oauthtoken
password: <your key>
# ---
echo "$oauthtoken:$KEY"
# ---
cat <<EOF > notes.txt
docker login nvcr.io -u '$oauthtoken'
EOF
# ---
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
# ---
echo "$NGC_API_KEY" | regctl registry login nvcr.io --user "$oauthtoken" --pass-stdin
# ---
crictl pull --creds "$oauthtoken:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
ctr -n k8s.io images pull -u "$oauthtoken:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
enroot import docker://$oauthtoken@nvcr.io#nvidia/pytorch:24.01-py3
# ---
enroot import -o pytorch.sqsh "docker://\$oauthtoken@nvcr.io#nvidia/pytorch:24.01-py3"
# ---
enroot import 'docker://$oauthtoken@nvcr.io#nvidia/pytorch:24.01-py3'
# ---
enroot import docker://nvcr.io#nvidia/pytorch:24.01-py3
# ---
case "$MODE" in
  prod) user="$oauthtoken" ;;
  *) user='$oauthtoken' ;;
esac
echo "$NGC_API_KEY" | docker login nvcr.io -u "$user" --password-stdin
# ---
# crictl reads --creds from CRICTL_CREDS: user:password
CRICTL_CREDS="$oauthtoken:$NGC_API_KEY" crictl pull nvcr.io/nim/meta/llama3:1.0.0
# ---
export CRICTL_CREDS="\$oauthtoken:$NGC_API_KEY"
crictl pull nvcr.io/nim/meta/llama3:1.0.0
