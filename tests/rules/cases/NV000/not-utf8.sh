docker login nvcr.io -u café
