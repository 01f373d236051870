// Package gcpiam renders the arguments of Terraform's
// data "google_iam_policy" into the policy_data JSON the Google provider
// produces: bindings of a role to members (with an optional IAM
// condition), merged by role and condition, and audit configurations.
package gcpiam

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
)

// policy, binding, condition, auditConfig and auditLogConfig are a Cloud
// Resource Manager policy as the provider marshals it.
type policy struct {
	AuditConfigs []*auditConfig `json:"auditConfigs,omitempty"`
	Bindings     []*binding     `json:"bindings,omitempty"`
}

type binding struct {
	Condition *condition `json:"condition,omitempty"`
	Members   []string   `json:"members,omitempty"`
	Role      string     `json:"role,omitempty"`
}

type condition struct {
	Description string `json:"description,omitempty"`
	Expression  string `json:"expression,omitempty"`
	Title       string `json:"title,omitempty"`
}

type auditConfig struct {
	AuditLogConfigs []*auditLogConfig `json:"auditLogConfigs,omitempty"`
	Service         string            `json:"service,omitempty"`
}

type auditLogConfig struct {
	ExemptedMembers []string `json:"exemptedMembers,omitempty"`
	LogType         string   `json:"logType,omitempty"`
}

// Render renders the arguments of a google_iam_policy (plain values:
// strings, lists, and nested blocks as lists of objects) into its
// policy_data attribute. Bindings of the same role and condition are
// merged; bindings, members and audit configurations are sorted, as the
// provider's sets are unordered.
func Render(args map[string]any) (string, error) {
	p := &policy{}
	byKey := map[string]*binding{}
	for _, raw := range blocks(args["binding"]) {
		role, _ := raw["role"].(string)
		if role == "" {
			return "", fmt.Errorf("binding without a role")
		}
		b := &binding{Role: role}
		if c := blocks(raw["condition"]); len(c) > 0 {
			b.Condition = &condition{
				Description: str(c[0]["description"]),
				Expression:  str(c[0]["expression"]),
				Title:       str(c[0]["title"]),
			}
		}
		key, err := json.Marshal([]any{b.Role, b.Condition})
		if err != nil {
			return "", err
		}
		if old, ok := byKey[string(key)]; ok {
			b = old
		} else {
			byKey[string(key)] = b
			p.Bindings = append(p.Bindings, b)
		}
		b.Members = append(b.Members, stringList(raw["members"])...)
	}
	for _, b := range p.Bindings {
		b.Members = sortedSet(b.Members)
	}
	sort.SliceStable(p.Bindings, func(i, j int) bool {
		if p.Bindings[i].Role != p.Bindings[j].Role {
			return p.Bindings[i].Role < p.Bindings[j].Role
		}
		return conditionKey(p.Bindings[i]) < conditionKey(p.Bindings[j])
	})
	for _, raw := range blocks(args["audit_config"]) {
		ac := &auditConfig{Service: str(raw["service"])}
		for _, lc := range blocks(raw["audit_log_configs"]) {
			ac.AuditLogConfigs = append(ac.AuditLogConfigs, &auditLogConfig{
				ExemptedMembers: sortedSet(stringList(lc["exempted_members"])),
				LogType:         str(lc["log_type"]),
			})
		}
		sort.SliceStable(ac.AuditLogConfigs, func(i, j int) bool {
			return ac.AuditLogConfigs[i].LogType < ac.AuditLogConfigs[j].LogType
		})
		p.AuditConfigs = append(p.AuditConfigs, ac)
	}
	sort.SliceStable(p.AuditConfigs, func(i, j int) bool { return p.AuditConfigs[i].Service < p.AuditConfigs[j].Service })
	out, err := json.Marshal(p)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func conditionKey(b *binding) string {
	if b.Condition == nil {
		return ""
	}
	return b.Condition.Expression + "\x00" + b.Condition.Title + "\x00" + b.Condition.Description
}

// blocks reads nested blocks: a list of objects.
func blocks(v any) []map[string]any {
	list, _ := v.([]any)
	var out []map[string]any
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func stringList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func sortedSet(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
