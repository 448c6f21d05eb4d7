docker login nvcr.io -u oauthtoken --password-stdin < key
# ---
docker login nvcr.io -u myuser --password-stdin < key
# ---
podman login -u admin nvcr.io
# ---
kubectl create secret docker-registry ngc --docker-server=nvcr.io --docker-username=oauthtoken --docker-password-file=x
# ---
docker login nvcr.io -u admin --password-stdin < key
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
docker login nvcr.io -u '$oauthtoken' --password-stdin < k
# ---
enroot import docker://jdoe@nvcr.io#nvidia/pytorch:24.01-py3
# ---
crictl pull --creds "admin:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
ctr images pull --user "oauthtoken:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
enroot import 'docker://$oauthtoken@nvcr.io#nvidia/pytorch:24.01-py3'
