resource "aws_iam_user" "ann" {
  name = "ann"
}

resource "aws_iam_user_login_profile" "ann" {
  user                    = aws_iam_user.ann.name
  password_reset_required = true
}

resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_user_group_membership" "ann" {
  user   = aws_iam_user.ann.name
  groups = [aws_iam_group.developers.name]
}

resource "aws_iam_policy" "require_mfa" {
  name   = "require-mfa"
  policy = data.aws_iam_policy_document.require_mfa.json
}

data "aws_iam_policy_document" "require_mfa" {
  statement {
    sid    = "DenyAllExceptMFASetupWithoutMFA"
    effect = "Deny"
    not_actions = [
      "iam:CreateVirtualMFADevice",
      "iam:EnableMFADevice",
      "iam:GetUser",
      "iam:ListMFADevices",
      "iam:ListVirtualMFADevices",
      "iam:ResyncMFADevice",
      "sts:GetSessionToken",
    ]
    resources = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_group_policy_attachment" "require_mfa" {
  group      = aws_iam_group.developers.name
  policy_arn = aws_iam_policy.require_mfa.arn
}
