resource "aws_iam_user" "ann" {
  name = "ann"
}

resource "aws_iam_user_policy_attachment" "ann_admin" {
  user       = aws_iam_user.ann.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_policy" "everything" {
  name = "everything"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.everything.arn
}
