package catalog

import (
	"testing"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/resource"
)

// TestCloudCatalog checks the service and model of common Terraform types
// of the three clouds.
func TestCloudCatalog(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		service  string
		model    finding.ServiceModel
		provider string
	}{
		"aws_s3_bucket":                     {"aws-s3", finding.PaaS, "aws"},
		"aws_s3_bucket_public_access_block": {"aws-s3", finding.PaaS, "aws"},
		"aws_instance":                      {"aws-ec2", finding.IaaS, "aws"},
		"aws_security_group_rule":           {"aws-vpc", finding.IaaS, "aws"},
		"aws_eks_cluster":                   {"aws-eks", finding.CaaS, "aws"},
		"aws_lambda_function_url":           {"aws-lambda", finding.FaaS, "aws"},
		"aws_iam_role_policy_attachment":    {"aws-iam", finding.SaaS, "aws"},
		"aws_cloudtrail":                    {"aws-cloudtrail", finding.SaaS, "aws"},
		"aws_db_instance":                   {"aws-rds", finding.PaaS, "aws"},
		"azurerm_network_security_rule":     {"azure-network", finding.IaaS, "azure"},
		"azurerm_storage_account":           {"azure-storage", finding.PaaS, "azure"},
		"azurerm_kubernetes_cluster":        {"azure-aks", finding.CaaS, "azure"},
		"azurerm_mssql_firewall_rule":       {"azure-sql", finding.PaaS, "azure"},
		"google_storage_bucket_iam_member":  {"google-storage", finding.PaaS, "google"},
		"google_compute_firewall":           {"google-vpc", finding.IaaS, "google"},
		"google_container_cluster":          {"google-gke", finding.CaaS, "google"},
		"google_project_iam_member":         {"google-iam", finding.SaaS, "google"},
		"google_kms_crypto_key":             {"google-kms", finding.SaaS, "google"},
	}
	for typ, w := range want {
		s, ok := c.Lookup(resource.Terraform, typ)
		if !ok {
			t.Errorf("%s is not in the catalog", typ)
			continue
		}
		if s.ID != w.service || s.Model != w.model || s.Provider != w.provider {
			t.Errorf("%s: got %s %s %s, want %s %s %s", typ, s.ID, s.Model, s.Provider, w.service, w.model, w.provider)
		}
	}
}
