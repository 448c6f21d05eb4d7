FROM x
RUN echo "$oauthtoken" && docker login nvcr.io -u "$oauthtoken" --password-stdin < k
