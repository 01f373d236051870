package finding

import (
	"fmt"
	"slices"
)

// Severity of a finding.
type Severity string

const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Severities lists severities from the most to the least severe.
var Severities = []Severity{Critical, High, Medium, Low}

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { return slices.Contains(Severities, s) }

// Rank orders severities: critical 4, high 3, medium 2, low 1, unknown 0.
func (s Severity) Rank() int {
	i := slices.Index(Severities, s)
	if i < 0 {
		return 0
	}
	return len(Severities) - i
}

// AtLeast reports whether s is as severe as t or more.
func (s Severity) AtLeast(t Severity) bool { return s.Rank() >= t.Rank() }

// Raise returns the severity n steps more severe, capped at critical.
func (s Severity) Raise(n int) Severity {
	r := min(s.Rank()+n, len(Severities))
	if r < 1 {
		return s
	}
	return Severities[len(Severities)-r]
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, error) {
	v := Severity(s)
	if !v.Valid() {
		return "", fmt.Errorf("unknown severity %q (want one of critical, high, medium, low)", s)
	}
	return v, nil
}

// Category of a finding (PRODUCT contract).
type Category string

const (
	PublicAccess      Category = "public-access"
	NetworkExposure   Category = "network-exposure"
	Encryption        Category = "encryption"
	Identity          Category = "identity"
	Logging           Category = "logging"
	Vulnerability     Category = "vulnerability"
	WorkloadIsolation Category = "workload-isolation"
	Secrets           Category = "secrets"
	Resilience        Category = "resilience"
	Configuration     Category = "configuration"
)

// Categories lists every category.
var Categories = []Category{PublicAccess, NetworkExposure, Encryption, Identity, Logging,
	Vulnerability, WorkloadIsolation, Secrets, Resilience, Configuration}

// Valid reports whether c is a known category.
func (c Category) Valid() bool { return slices.Contains(Categories, c) }

// Layer of the shared responsibility model.
type Layer string

const (
	DataAccess             Layer = "data-access"
	Application            Layer = "application"
	Middleware             Layer = "middleware"
	OperatingSystem        Layer = "operating-system"
	Network                Layer = "network"
	VirtualInfrastructure  Layer = "virtual-infrastructure"
	PhysicalInfrastructure Layer = "physical-infrastructure"
)

// Layers lists the layers from the top of the stack down.
var Layers = []Layer{DataAccess, Application, Middleware, OperatingSystem, Network,
	VirtualInfrastructure, PhysicalInfrastructure}

// Valid reports whether l is a known layer.
func (l Layer) Valid() bool { return slices.Contains(Layers, l) }

// Owner of a layer.
type Owner string

const (
	Customer Owner = "customer"
	Shared   Owner = "shared"
	Provider Owner = "provider"
)

// Owners lists the owners.
var Owners = []Owner{Customer, Shared, Provider}

// Valid reports whether o is a known owner.
func (o Owner) Valid() bool { return slices.Contains(Owners, o) }

// ServiceModel is how a cloud service is delivered.
type ServiceModel string

const (
	IaaS ServiceModel = "IaaS"
	PaaS ServiceModel = "PaaS"
	SaaS ServiceModel = "SaaS"
	CaaS ServiceModel = "CaaS"
	FaaS ServiceModel = "FaaS"
)

// ServiceModels lists the service models.
var ServiceModels = []ServiceModel{IaaS, CaaS, PaaS, FaaS, SaaS}

// Valid reports whether m is a known service model.
func (m ServiceModel) Valid() bool { return slices.Contains(ServiceModels, m) }

// Status of a finding.
type Status string

const (
	Fail   Status = "fail"
	Waived Status = "waived"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return s == Fail || s == Waived }
