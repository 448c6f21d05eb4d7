resource "aws_instance" "nim" {
  ami           = var.ami
  instance_type = "g5.xlarge"
  user_data = <<-EOF
    #!/bin/bash
    docker login nvcr.io -u "$oauthtoken" -p "${var.ngc_api_key}"
    export TAG=$${TAG:-1.0.0}
    %{ if var.gpu }
    docker run -d --gpus all nvcr.io/nim/meta/llama3-8b-instruct:$${TAG}
    %{ endif }
  EOF
}
resource "aws_launch_template" "t" {
  user_data = base64encode(<<EOT
#!/bin/bash
echo "${var.key}" | docker login nvcr.io -u $oauthtoken --password-stdin
EOT
  )
}
resource "aws_instance" "c" {
  user_data = <<-EOF
    #cloud-config
    runcmd:
      - docker login nvcr.io -u "$oauthtoken"
  EOF
}
# ---
# a heredoc of cloud-init user data
resource "aws_instance" "nim" {
  user_data = <<-EOT
    #cloud-config
    runcmd:
      - echo "${var.key}" | docker login nvcr.io -u "$oauthtoken" --password-stdin
  EOT
}
