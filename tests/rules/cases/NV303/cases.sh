docker login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
docker login -u '$oauthtoken' --password="$KEY" nvcr.io
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username='$oauthtoken' --password=$NGC_API_KEY
# ---
skopeo copy --dest-creds '$oauthtoken':$NGC_API_KEY docker-archive:a.tar docker://nvcr.io/acme/app:1
# ---
docker login nvcr.io -u '$oauthtoken' -p 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
# ---
podman login nvcr.io -u '$oauthtoken' --password "$NGC_API_KEY"
# ---
nerdctl login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
buildah login -u '$oauthtoken' -p "$NGC_API_KEY" nvcr.io
# ---
helm registry login nvcr.io --username '$oauthtoken' --password "$NGC_API_KEY"
# ---
helm repo add ngc https://helm.ngc.nvidia.com/acme --username '$oauthtoken' --password "$NGC_API_KEY"
# ---
helm fetch https://helm.ngc.nvidia.com/acme/charts/c-1.tgz --username='$oauthtoken' --password=$NGC_API_KEY
# ---
skopeo copy --dest-creds "\$oauthtoken:$NGC_API_KEY" dir:x docker://nvcr.io/acme/app:1
# ---
skopeo copy --src-creds "\$oauthtoken:$NGC_API_KEY" docker://nvcr.io/acme/app:1 dir:x
# ---
skopeo inspect --creds "\$oauthtoken:$NGC_API_KEY" docker://nvcr.io/acme/app:1
# ---
skopeo login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
crane auth login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
oras login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
regctl registry login nvcr.io -u '$oauthtoken' --pass "$NGC_API_KEY"
# ---
echo "$NGC_API_KEY" | regctl registry login nvcr.io -u '$oauthtoken' --pass-stdin
# ---
singularity remote login -u '$oauthtoken' -p "$NGC_API_KEY" docker://nvcr.io
# ---
apptainer remote login -u '$oauthtoken' -p "$NGC_API_KEY" docker://nvcr.io
# ---
export NGC_API_KEY=nvapi-...
docker login nvcr.io -u '$oauthtoken' -p "$NGC_API_KEY"
# ---
KEY=abc
helm repo add ngc https://helm.ngc.nvidia.com/acme --username '$oauthtoken' --password=$KEY
# ---
docker login nvcr.io -u '$oauthtoken' --password="$NGC_API_KEY"
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
crictl pull --creds '$oauthtoken':"$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
crictl -r unix:///run/containerd/containerd.sock pull --creds="\$oauthtoken:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
CRICTL_CREDS="\$oauthtoken:$NGC_API_KEY" crictl pull nvcr.io/nvidia/pytorch:24.01-py3
# ---
crictl pull --username '$oauthtoken' nvcr.io/nvidia/pytorch:24.01-py3
# ---
crictl pull --creds "$REG_USER:$REG_PASS" docker.io/library/ubuntu:22.04
# ---
ctr -n k8s.io images pull --user "\$oauthtoken:$NGC_API_KEY" nvcr.io/nvidia/pytorch:24.01-py3
# ---
ctr i push -u '$oauthtoken':"$NGC_API_KEY" nvcr.io/acme/app:1
# ---
ctr images pull --user "$REG_USER:$REG_PASS" docker.io/library/ubuntu:22.04
# ---
ctr images pull --user '$oauthtoken' nvcr.io/nvidia/pytorch:24.01-py3
# ---
# the key is added only when it is set: the finding says so
auth=""
if [ -n "$NGC_API_KEY" ]; then
  auth="--username \$oauthtoken --password $NGC_API_KEY"
fi
helm repo add ngc https://helm.ngc.nvidia.com/acme $auth
# ---
args=()
if [[ -n "${NGC_API_KEY:-}" ]]; then
  args+=(--username '$oauthtoken' --password "$NGC_API_KEY")
fi
helm fetch https://helm.ngc.nvidia.com/acme/charts/x-1.0.tgz ${args[@]+"${args[@]}"}
# ---
# both branches pass the key: no condition to name
if [ -z "$CI" ]; then login="-p $NGC_API_KEY"; else login="--password $NGC_API_KEY"; fi
docker login nvcr.io -u '$oauthtoken' $login
# ---
# silent: each branch logs in its own safe way
if [ -n "$NGC_API_KEY" ]; then
  opts="--password-stdin"
else
  opts="--password-stdin --username \$oauthtoken"
fi
echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' $opts
