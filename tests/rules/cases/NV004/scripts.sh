# an if without its fi: bash refuses the whole script
if [ -n "$NGC_API_KEY" ]; then
  echo "$NGC_API_KEY" | docker login nvcr.io -u '$oauthtoken' --password-stdin
# ---
# a quote that never closes
echo "log in
docker login nvcr.io -u '$oauthtoken' --password-stdin < key
# ---
# valid bash that tree-sitter-bash reads badly: `[` without `]` is a runtime error, not a syntax error
if [ x ; then
  docker login nvcr.io -u '$oauthtoken' --password-stdin < key
fi
# ---
# a read-write redirection and a backquoted comment: valid bash, unusual for tree-sitter-bash
cat 0<> fifo &
ls `# list it`
# ---
# a template to fill in: the placeholder is the error
CODE_DIR=<PATH_TO_CODE>
docker login nvcr.io -u '$oauthtoken' --password-stdin < key
