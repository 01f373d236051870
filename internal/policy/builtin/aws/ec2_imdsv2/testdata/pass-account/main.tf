# Instances that leave http_tokens unset take the account-wide default.
resource "aws_ec2_instance_metadata_defaults" "account" {
  http_tokens                 = "required"
  http_put_response_hop_limit = 2
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}
