resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_launch_template" "batch" {
  name_prefix = "batch-"
  image_id    = "ami-0c55b159cbfafe1f0"

  metadata_options {
    http_endpoint = "disabled"
  }
}
