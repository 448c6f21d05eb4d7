echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
