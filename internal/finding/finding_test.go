package finding

import "testing"

func TestSeverityOrder(t *testing.T) {
	if !High.AtLeast(Medium) || Low.AtLeast(Medium) || !Critical.AtLeast(Critical) {
		t.Fatal("AtLeast ordering is wrong")
	}
	if Medium.Raise(1) != High || High.Raise(5) != Critical || Low.Raise(0) != Low {
		t.Fatal("Raise is wrong")
	}
	if _, err := ParseSeverity("urgent"); err == nil {
		t.Fatal("unknown severity must be refused")
	}
}

func TestEnumsValid(t *testing.T) {
	if !Category("secrets").Valid() || Category("secret").Valid() {
		t.Fatal("category validation")
	}
	if !Layer("data-access").Valid() || Layer("data").Valid() {
		t.Fatal("layer validation")
	}
	if !ServiceModel("CaaS").Valid() || ServiceModel("caas").Valid() {
		t.Fatal("service model validation")
	}
}

func TestFingerprintIgnoresLines(t *testing.T) {
	a := Finding{Rule: "R1", Message: "m", Location: Location{File: "a.yaml", StartLine: 3}, Resource: ResourceRef{Address: "Pod/x"}}
	b := a
	b.Location.StartLine = 30
	a.ComputeFingerprint()
	b.ComputeFingerprint()
	if a.Fingerprint != b.Fingerprint {
		t.Fatal("a line shift must keep the fingerprint")
	}
	c := a
	c.Resource.Address = "Pod/y"
	c.ComputeFingerprint()
	if c.Fingerprint == a.Fingerprint {
		t.Fatal("another resource must change the fingerprint")
	}
}

func TestFingerprintIgnoresMessage(t *testing.T) {
	a := Finding{Rule: "R1", Message: "replicas is 1", Path: "spec.replicas", Location: Location{File: "a.yaml"}, Resource: ResourceRef{Address: "Deployment/x"}}
	b := a
	b.Message = "replicas is 0 (reworded in a later release)"
	a.ComputeFingerprint()
	b.ComputeFingerprint()
	if a.Fingerprint != b.Fingerprint {
		t.Fatal("a changed message must keep the fingerprint")
	}
	c := a
	c.Path = "spec.template.spec.containers[1].image"
	c.ComputeFingerprint()
	if c.Fingerprint == a.Fingerprint {
		t.Fatal("another attribute must change the fingerprint")
	}
}
