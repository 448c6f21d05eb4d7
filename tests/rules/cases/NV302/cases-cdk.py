from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2


class NimStack(Stack):
    def __init__(self, scope, name, **kwargs):
        super().__init__(scope, name, **kwargs)
        user_data = ec2.UserData.for_linux()
        user_data.add_commands(
            "NGC_USER=$oauthtoken",
            'echo "$NGC_API_KEY" | docker login nvcr.io -u "$NGC_USER" --password-stdin',
            "docker pull nvcr.io/nim/meta/llama3:1.0.0",
        )


# ---
# silent: add_commands of something that is no CDK app is not a script (no aws_cdk import in this case)
class Runner:
    def add_commands(self, *lines):
        self.lines = lines


Runner().add_commands('echo "$NGC_API_KEY" | docker login nvcr.io -u "$oauthtoken" --password-stdin')
