// Package policydoc describes policies for people: which services a policy
// checks and who owns its layer there (from the service catalog and the
// responsibility matrix), Markdown help that SARIF rules carry, and the
// reference pages `onus policy doc` writes, with examples taken from each
// policy's fixtures.
package policydoc

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/onus-project/onus/internal/finding"
	"github.com/onus-project/onus/internal/ownership"
	"github.com/onus-project/onus/internal/policy"
)

// ServiceOwner says who owns a policy's layer on one service it checks.
type ServiceOwner struct {
	Service  string               `json:"service"`
	Name     string               `json:"name"`
	Provider string               `json:"provider"`
	Model    finding.ServiceModel `json:"service_model"`
	Owner    finding.Owner        `json:"owner"`
	// Types are the resource types of the service the policy targets.
	Types []string `json:"types"`
}

// Owners lists, for every service whose resource types p targets, the
// service model and the owner of p's layer. Types the catalog does not
// list count as an unclassified IaaS service, as they do in scans.
func Owners(m *ownership.Model, p *policy.Policy) []ServiceOwner {
	if m == nil {
		return nil
	}
	byID := map[string]*ServiceOwner{}
	add := func(id, name, provider string, model finding.ServiceModel, typ string) {
		so, ok := byID[id]
		if !ok {
			so = &ServiceOwner{Service: id, Name: name, Provider: provider, Model: model,
				Owner: m.Matrix.Owner(provider, model, p.Layer)}
			byID[id] = so
		}
		if !slices.Contains(so.Types, typ) {
			so.Types = append(so.Types, typ)
		}
	}
	for _, t := range p.Targets {
		types, err := policy.ExpandTypes(t.Kind, t.Types)
		if err != nil {
			continue // validated when the policy loaded
		}
		for _, typ := range types {
			if typ == "*" {
				for _, s := range m.Catalog.Services {
					for _, st := range s.Types[t.Kind] {
						add(s.ID, s.Name, s.Provider, s.Model, st)
					}
				}
				continue
			}
			if s, ok := m.Catalog.Lookup(t.Kind, typ); ok {
				add(s.ID, s.Name, s.Provider, s.Model, typ)
				continue
			}
			add(ownership.Unknown, "Unclassified "+string(t.Kind)+" resources", string(t.Kind), finding.IaaS, typ)
		}
	}
	out := make([]ServiceOwner, 0, len(byID))
	for _, so := range byID {
		sort.Strings(so.Types)
		out = append(out, *so)
	}
	slices.SortFunc(out, func(a, b ServiceOwner) int { return cmp.Compare(a.Service, b.Service) })
	return out
}

// OwnersOf returns the distinct owners in a list, most responsible first
// (customer, shared, provider).
func OwnersOf(sos []ServiceOwner) []finding.Owner {
	var out []finding.Owner
	for _, o := range finding.Owners {
		for _, so := range sos {
			if so.Owner == o {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// ModelsOf returns the distinct service models in a list, in the order of
// finding.ServiceModels.
func ModelsOf(sos []ServiceOwner) []finding.ServiceModel {
	var out []finding.ServiceModel
	for _, sm := range finding.ServiceModels {
		for _, so := range sos {
			if so.Model == sm {
				out = append(out, sm)
				break
			}
		}
	}
	return out
}

// ownerMeaning explains an owner to the person reading a finding.
var ownerMeaning = map[finding.Owner]string{
	finding.Customer: "yours entirely: the provider does nothing here, so nobody fixes it unless you do",
	finding.Shared:   "split: the provider secures what runs underneath, and this setting is your half",
	finding.Provider: "the provider's; onus tracks it, but the fix is theirs (or a configuration they expose)",
}

// Help is the Markdown documentation of a policy: what it checks, why it
// matters for its layer and owner, how to fix it, the controls it maps to
// and its parameters. SARIF rules carry it as help.markdown; reference
// pages add examples to it.
func Help(m *ownership.Model, p *policy.Policy) string {
	var b strings.Builder
	if d := strings.TrimSpace(p.Description); d != "" {
		b.WriteString(d)
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "**Severity** %s · **Category** %s · **Layer** %s\n\n", p.Severity, p.Category, p.Layer)

	b.WriteString("## Why it matters\n\n")
	sos := Owners(m, p)
	fmt.Fprintf(&b, "A failure breaks the **%s** layer of the shared responsibility model.", p.Layer)
	if len(sos) == 0 {
		b.WriteString("\n\n")
	} else {
		b.WriteString(" On the services this policy checks, that layer is owned as follows:\n\n")
		b.WriteString("| Service | Service model | Owner of " + string(p.Layer) + " | Resource types |\n|---|---|---|---|\n")
		for _, so := range sos {
			fmt.Fprintf(&b, "| %s (`%s`) | %s | %s | %s |\n", Escape(so.Name), so.Service, so.Model, so.Owner, Escape(strings.Join(so.Types, ", ")))
		}
		b.WriteString("\n")
		for _, o := range OwnersOf(sos) {
			fmt.Fprintf(&b, "- **%s**: %s.\n", o, ownerMeaning[o])
		}
		b.WriteString("\n")
	}

	b.WriteString("## How to fix\n\n")
	b.WriteString(strings.TrimSpace(p.Remediation))
	b.WriteString("\n\n")

	if len(p.Controls) > 0 {
		b.WriteString("## Controls\n\n| Framework | Controls |\n|---|---|\n")
		for _, fw := range sortedKeys(p.Controls) {
			name := fw
			if full, ok := policy.Frameworks[fw]; ok {
				name = full + " (`" + fw + "`)"
			}
			fmt.Fprintf(&b, "| %s | %s |\n", name, Escape(strings.Join(p.Controls[fw], ", ")))
		}
		b.WriteString("\n")
	}

	if len(p.Params) > 0 {
		b.WriteString("## Parameters\n\nSet in `onus.yaml` under `policies.params." + p.ID + "`.\n\n| Name | Default | Description |\n|---|---|---|\n")
		for _, name := range sortedKeys(p.Params) {
			prm := p.Params[name]
			fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", name, compactJSON(prm.Default), Escape(prm.Description))
		}
		b.WriteString("\n")
	}

	if len(p.Related) > 0 {
		b.WriteString("## References\n\n")
		for _, u := range p.Related {
			fmt.Fprintf(&b, "- <%s>\n", u)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Escape makes text safe inside Markdown prose and table cells: it
// escapes the characters Markdown and HTML give meaning to and turns line
// breaks into spaces.
func Escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '#', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				b.WriteRune('\uFFFD') // a control character: never pass it on
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
