docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # nvlint: disable=NV999
# ---
# nvlint: disable
docker login nvcr.io -u "$oauthtoken" --password-stdin < key
# ---
docker login nvcr.io -u "$oauthtoken" --password-stdin < key  # nvlint: disable=NV302 -- shown on a slide
# ---
# nvlint: disable-file=oauthtoken-expanded -- the incident report quotes the old script
