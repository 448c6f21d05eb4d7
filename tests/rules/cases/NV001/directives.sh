# a directive that silences nothing: the username is right
docker login nvcr.io -u '$oauthtoken' --password-stdin < key  # nvlint: disable=NV302
# ---
# nvlint: disable=NV302 -- a slide that shows the mistake
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # nvlint: disable=NV302,NV301
