package discover

import (
	"bytes"
	"path"
	"strings"
)

// Format is the detected format of an input.
type Format string

const (
	Kubernetes     Format = "kubernetes"
	Terraform      Format = "terraform"      // a directory of .tf / .tf.json files (one module)
	TerraformPlan  Format = "terraform-plan" // terraform show -json output
	CloudFormation Format = "cloudformation"
	ARM            Format = "arm"
	Dockerfile     Format = "dockerfile"
	CycloneDX      Format = "cyclonedx"
	SPDX           Format = "spdx"
	Lockfile       Format = "lockfile" // a package manager lockfile or manifest
	HelmTemplate   Format = "helm-template"
)

// Formats lists every format onus can detect.
var Formats = []Format{Kubernetes, Terraform, TerraformPlan, CloudFormation, ARM, Dockerfile, CycloneDX, SPDX, Lockfile}

// lockfileNames are recognised by exact base name.
var lockfileNames = map[string]bool{
	"go.mod": true, "package-lock.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"poetry.lock": true, "Pipfile.lock": true, "pom.xml": true, "gradle.lockfile": true,
	"Gemfile.lock": true, "Cargo.lock": true, "composer.lock": true,
}

// IsLockfileName reports whether base names a lockfile or manifest onus reads.
func IsLockfileName(base string) bool {
	if lockfileNames[base] {
		return true
	}
	return strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt")
}

// IsDockerfileName reports whether base names a Dockerfile.
func IsDockerfileName(base string) bool {
	lower := strings.ToLower(base)
	return lower == "dockerfile" || lower == "containerfile" ||
		strings.HasPrefix(lower, "dockerfile.") || strings.HasSuffix(lower, ".dockerfile") ||
		strings.HasPrefix(lower, "containerfile.")
}

// IsTerraformName reports whether base is a Terraform configuration file.
func IsTerraformName(base string) bool {
	return strings.HasSuffix(base, ".tf") || strings.HasSuffix(base, ".tf.json")
}

// Detect returns the format of a file from its name and the first bytes of
// its content, or "" when onus does not read it.
func Detect(name string, head []byte) Format {
	base := path.Base(name)
	switch {
	case IsTerraformName(base):
		return Terraform
	case IsDockerfileName(base):
		return Dockerfile
	case IsLockfileName(base):
		return Lockfile
	}
	ext := strings.ToLower(path.Ext(base))
	switch ext {
	case ".json":
		return sniffJSON(head)
	case ".yaml", ".yml":
		return sniffYAML(head)
	case ".template":
		if bytes.Contains(head, []byte("AWSTemplateFormatVersion")) || bytes.Contains(head, []byte("AWS::")) {
			if firstNonSpace(head) == '{' {
				return sniffJSON(head)
			}
			return sniffYAML(head)
		}
	}
	return ""
}

func firstNonSpace(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

func sniffJSON(head []byte) Format {
	has := func(s string) bool { return bytes.Contains(head, []byte(s)) }
	switch {
	case has(`"bomFormat"`) && has(`CycloneDX`):
		return CycloneDX
	case has(`"spdxVersion"`):
		return SPDX
	case has(`"terraform_version"`) && (has(`"planned_values"`) || has(`"resource_changes"`) || has(`"format_version"`)):
		return TerraformPlan
	case has(`schema.management.azure.com`) && has(`eploymentTemplate`):
		return ARM
	case has(`"AWSTemplateFormatVersion"`) || (has(`"Resources"`) && has(`"AWS::`)):
		return CloudFormation
	case has(`"apiVersion"`) && has(`"kind"`):
		return Kubernetes
	}
	return ""
}

func sniffYAML(head []byte) Format {
	hasLine := func(prefix string) bool {
		if bytes.HasPrefix(head, []byte(prefix)) {
			return true
		}
		return bytes.Contains(head, []byte("\n"+prefix))
	}
	switch {
	case hasLine("AWSTemplateFormatVersion:") || (hasLine("Resources:") && bytes.Contains(head, []byte("AWS::"))):
		return CloudFormation
	case (hasLine("apiVersion:") || hasLine("- apiVersion:")) && bytes.Contains(head, []byte("kind:")):
		if isHelmTemplate(head) {
			return HelmTemplate
		}
		return Kubernetes
	case bytes.Contains(head, []byte("lockfileVersion:")) && bytes.Contains(head, []byte("packages:")):
		return ""
	}
	return ""
}

// isHelmTemplate reports whether a manifest still holds template actions
// outside comments ({{ ... }}), so it is a chart source rather than output.
func isHelmTemplate(head []byte) bool {
	for line := range bytes.SplitSeq(head, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) > 0 && t[0] == '#' {
			continue
		}
		if bytes.Contains(t, []byte("{{")) && bytes.Contains(t, []byte("}}")) {
			return true
		}
	}
	return false
}
