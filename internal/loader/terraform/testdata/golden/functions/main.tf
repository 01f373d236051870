locals {
  base = {
    a = 1
    b = "two"
  }
  list = ["b", "a", "c", "a"]
  cfg  = jsondecode(file("${path.module}/files/cfg.json"))
  yaml = yamldecode(file("files/cfg.yaml"))
}

resource "terraform_data" "f" {
  input = {
    merged      = merge(local.base, { c = true })
    lookup      = lookup(local.base, "b", "none")
    lookup_miss = lookup(local.base, "z", "none")
    length_s    = length("héllo")
    length_l    = length(local.list)
    distinct    = distinct(local.list)
    sorted      = sort(local.list)
    joined      = join(",", compact(["x", "", "y"]))
    upper       = upper("abc")
    replace_re  = replace("a1b2", "/[0-9]/", "_")
    replace_s   = replace("a.b.c", ".", "-")
    format      = format("%s-%03d", "web", 7)
    formatlist  = formatlist("%s!", ["a", "b"])
    coalesce    = coalesce("", "first")
    try_ok      = try(local.base.missing, "fallback")
    can         = can(local.base.a)
    element     = element(local.list, 5)
    index       = index(local.list, "c")
    flatten     = flatten([[1, 2], [3]])
    zipmap      = zipmap(["k1", "k2"], ["v1", "v2"])
    range       = range(3)
    contains    = contains(local.list, "a")
    keys        = keys(local.base)
    concat      = concat([1], [2, 3])
    slice       = slice(local.list, 1, 3)
    setunion    = setunion(["a"], ["b"])
    alltrue     = alltrue([true, true])
    anytrue     = anytrue([false, true])
    sum         = sum([1, 2, 3.5])
    one         = one(["only"])
    transpose   = transpose({ a = ["x", "y"], b = ["x"] })
    matchkeys   = matchkeys(["i1", "i2"], ["us", "eu"], ["eu"])
    cidrsubnet  = cidrsubnet("10.0.0.0/16", 8, 2)
    cidrhost    = cidrhost("10.0.1.0/24", 5)
    cidrsubnets = cidrsubnets("10.0.0.0/16", 4, 4)
    netmask     = cidrnetmask("10.0.0.0/16")
    b64         = base64encode("hi")
    b64d        = base64decode("aGk=")
    sha256      = sha256("hi")
    md5         = md5("hi")
    json        = jsonencode({ z = 1, a = [true, null] })
    yamlenc     = yamlencode({ a = 1 })
    cfg_port    = local.cfg.port
    yaml_name   = local.yaml.name
    tmpl        = templatefile("${path.module}/files/user_data.tftpl", { port = 8080, names = ["a", "b"] })
    exists      = fileexists("files/cfg.json")
    missing     = fileexists("files/nope.json")
    fileset     = fileset(path.module, "files/*.json")
    tostring    = tostring(5)
    tonumber    = tonumber("5")
    tolist      = tolist(["a"])
    regex       = regex("^([a-z]+)-([0-9]+)$", "web-42")
    regexall    = length(regexall("a", "banana"))
    substr      = substr("hello", 1, 3)
    title       = title("hello world")
    trimspace   = trimspace("  x  ")
    trimprefix  = trimprefix("prefix-x", "prefix-")
    startswith  = startswith("arn:aws:s3", "arn:")
    strcontains = strcontains("hello", "ell")
    split       = split(",", "a,b")
    parseint    = parseint("ff", 16)
    max         = max(3, 9, 1)
    abs         = abs(-4)
    ceil        = ceil(1.2)
    formatdate  = formatdate("YYYY-MM-DD", "2024-03-01T00:00:00Z")
    timeadd     = timeadd("2024-03-01T00:00:00Z", "24h")
    uuidv5      = uuidv5("dns", "example.com")
    urlencode   = urlencode("a b&c")
    csv         = csvdecode("a,b\n1,2\n")
    sensitive   = nonsensitive(sensitive("s"))
    for_list    = [for s in local.list : upper(s) if s != "a"]
    for_map     = { for k, v in local.base : k => "${v}" }
    splat       = [for o in [{ n = 1 }, { n = 2 }] : o.n]
    cond        = local.base.a > 0 ? "pos" : "neg"
    heredoc     = <<-EOT
      line one
      line ${local.base.b}
    EOT
  }
  triggers_replace = [timestamp(), uuid()]
}

resource "terraform_data" "escape" {
  input = file("../../outside.txt")
}

resource "terraform_data" "unknown_fn" {
  input = provider::aws::arn_parse("arn:aws:s3:::x")
}
