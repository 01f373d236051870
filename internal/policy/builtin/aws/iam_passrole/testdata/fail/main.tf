resource "aws_iam_policy" "deployer" {
  name   = "deployer"
  policy = data.aws_iam_policy_document.deployer.json
}

data "aws_iam_policy_document" "deployer" {
  statement {
    actions   = ["lambda:CreateFunction", "lambda:UpdateFunctionConfiguration", "iam:PassRole"]
    resources = ["*"]
  }
}
