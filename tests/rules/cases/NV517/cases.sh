ngc cf fn deploy my-fn --targeted-dep-spec L40S:gl40s_1.br25_2xlarge:1:1
# ---
ngc cloud-function function deply create "$FUNCTION_ID:$VERSION_ID"
# ---
ngc cf fn deploy
# ---
ngc --org acme cf task
# ---
ngc cf task instance lst "$TASK_ID"
# ---
ngc cf fn ls
# ---
ngc cf fn rm "$FUNCTION_ID"
# ---
ngc cf fn deploy redeploy "$FUNCTION_ID:$VERSION_ID"
# ---
ngc cf fn deploy create "$FUNCTION_ID:$VERSION_ID" --targeted-dep-spec L40S:gl40s_1.br25_2xlarge:1:1
# ---
ngc cf gpu whatever
# ---
ngc registry image frobnicate acme/app:1
# ---
ngc cf fn "$VERB" "$FUNCTION_ID"
# ---
ngc cf fn --help
# ---
ngc config set
# ---
ngc cf fn instance list "$FUNCTION_ID:$VERSION_ID"
# ---
ngc cf fn deploy list
# ---
ngc cf fn deploy my-fn
# ---
# groups the grammar may not list whole: one slip of the keys from a known subcommand
ngc registry imgae push nvcr.io/acme/app:1
# ---
ngc regstry model list
# ---
ngc cf gpu lst
# ---
ngc registry chart pul acme/c:1
# ---
ngc registry image
# ---
# silent: words that may be verbs of a newer CLI, top-level groups nvlint does not list, ngc alone
ngc registry model update-version acme/m:1
# ---
ngc config set
# ---
ngc org list
# ---
ngc --version
# ---
ngc cf cluster list
