resource "aws_instance" "app" {
  ami                         = "ami-0c55b159cbfafe1f0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

resource "aws_launch_template" "web" {
  name_prefix = "web-"
  image_id    = "ami-0c55b159cbfafe1f0"

  network_interfaces {
    device_index                = 0
    associate_public_ip_address = false
  }
}
