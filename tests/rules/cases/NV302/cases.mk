login:
	@echo 'user: $$oauthtoken'
	docker login nvcr.io -u '$oauthtoken' --password-stdin < k
