// Package dockerfile loads Dockerfiles (and Containerfiles) with the BuildKit
// parser into one resource per build stage: its base image, its
// instructions with their lines, and the facts policies ask about (USER,
// ENV, ARG, EXPOSE, RUN, ADD, COPY, HEALTHCHECK, CMD, ENTRYPOINT). The last
// stage is the final stage: the image that ships. See docs/dockerfile.md.
package dockerfile

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"

	"github.com/onus-project/onus/internal/discover"
	"github.com/onus-project/onus/internal/loader"
	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Provider is the provider of Dockerfile stages.
const Provider = "docker"

// Type is the resource type of a build stage.
const Type = "stage"

// Loader reads Dockerfiles.
type Loader struct {
	// MaxFileSize bounds a read; 0 means the discover default.
	MaxFileSize int64
}

var _ loader.Loader = (*Loader)(nil)

// New returns a Dockerfile loader.
func New() *Loader { return &Loader{} }

// Load implements loader.Loader.
func (l *Loader) Load(ctx context.Context, fsys fs.FS, in discover.Input) ([]*resource.Resource, source.Diagnostics) {
	b, err := discover.ReadFile(fsys, in.Path, l.MaxFileSize)
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: in.Path}, "cannot read", "%v", err)}
	}
	return Parse(ctx, in.Path, b)
}

// stage is one build stage being assembled.
type stage struct {
	index    int
	from     *parser.Node
	nodes    []*parser.Node
	res      *resource.Resource
	attrs    map[string]any
	locs     resource.MapLocator
	unknown  []string
	env      map[string]string // ARG defaults and ENV values known so far
	user     string            // last USER of this stage ("" when none)
	userSet  bool
	userKnow bool
}

// Parse reads one Dockerfile; file is its root-relative name.
func Parse(ctx context.Context, file string, b []byte) ([]*resource.Resource, source.Diagnostics) {
	var diags source.Diagnostics
	at := func(n *parser.Node) *source.Range {
		return &source.Range{Filename: file, Start: source.Pos{Line: n.StartLine, Column: 1}, End: source.Pos{Line: max(n.EndLine, n.StartLine)}}
	}
	res, err := parser.Parse(bytes.NewReader(b))
	if err != nil && strings.Contains(err.Error(), "no instructions") {
		return nil, source.Diagnostics{source.Warningf(&source.Range{Filename: file}, "empty Dockerfile", "the file holds no instruction")}
	}
	if err != nil {
		return nil, source.Diagnostics{source.Errorf(&source.Range{Filename: file}, "invalid Dockerfile", "%v", err)}
	}
	for _, w := range res.Warnings {
		var rng *source.Range
		if w.Location != nil {
			rng = source.At(file, w.Location.Start.Line, 0)
		}
		diags = append(diags, source.Warningf(rng, "Dockerfile warning", "%s", strings.TrimSpace(w.Short)))
	}
	var stages []*stage
	var global []*parser.Node
	for _, n := range res.AST.Children {
		if ctx.Err() != nil {
			return nil, diags
		}
		cmd := strings.ToLower(n.Value)
		if cmd == "from" {
			stages = append(stages, &stage{index: len(stages), from: n})
			continue
		}
		if len(stages) == 0 {
			if cmd != "arg" {
				diags = append(diags, source.Errorf(at(n), "invalid Dockerfile", "%s before the first FROM: only ARG may come before FROM", strings.ToUpper(cmd)))
				continue
			}
			global = append(global, n)
			continue
		}
		last := stages[len(stages)-1]
		last.nodes = append(last.nodes, n)
	}
	if len(stages) == 0 {
		if len(res.AST.Children) == 0 {
			return nil, append(diags, source.Warningf(&source.Range{Filename: file}, "empty Dockerfile", "the file holds no instruction"))
		}
		return nil, append(diags, source.Errorf(&source.Range{Filename: file}, "invalid Dockerfile", "no FROM instruction"))
	}

	// global ARGs: their defaults resolve ARG references in FROM lines
	globalEnv := map[string]string{}
	var globalArgs []any
	globalLocs := resource.MapLocator{}
	for _, n := range global {
		cmd, err := instructions.ParseInstruction(n)
		if err != nil {
			diags = append(diags, source.Errorf(at(n), "invalid instruction", "%s", cleanErr(err)))
			continue
		}
		ac, ok := cmd.(*instructions.ArgCommand)
		if !ok {
			continue
		}
		for _, kv := range ac.Args {
			arg := map[string]any{"key": kv.Key, "line": int64(n.StartLine)}
			if kv.Value != nil {
				arg["value"] = *kv.Value
				globalEnv[kv.Key] = *kv.Value
			}
			globalLocs[fmt.Sprintf("global_args[%d]", len(globalArgs))] = *at(n)
			globalArgs = append(globalArgs, arg)
		}
	}

	byName := map[string]*stage{}
	var out []*resource.Resource
	for i, st := range stages {
		st.build(file, at, globalEnv, byName, i == len(stages)-1, &diags)
		if i == 0 && len(globalArgs) > 0 {
			st.attrs["global_args"] = globalArgs
			for k, v := range globalLocs {
				st.locs[k] = v
			}
		}
		if name, _ := st.attrs["name"].(string); name != "" {
			byName[name] = st
		}
		out = append(out, st.res)
	}
	assignSuppressions(file, b, res.AST.Children, stages)
	return out, diags
}

func cleanErr(err error) string {
	var ue *instructions.UnknownInstructionError
	if errors.As(err, &ue) {
		return ue.Error()
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.HasPrefix(msg, "dockerfile parse error") {
		return msg[i+2:]
	}
	return msg
}

// lex expands $VAR and ${VAR} references.
var lexer = shell.NewLex('\\')

// expand resolves variables from env; ok is false when one is unknown.
func expand(word string, env map[string]string) (string, bool) {
	if !strings.Contains(word, "$") {
		return word, true
	}
	kv := make([]string, 0, len(env))
	for k, v := range env {
		kv = append(kv, k+"="+v)
	}
	res, err := lexer.ProcessWordWithMatches(word, shell.EnvsFromSlice(kv))
	if err != nil || len(res.Unmatched) > 0 {
		return word, false
	}
	return res.Result, true
}

func (st *stage) build(file string, at func(*parser.Node) *source.Range, globalEnv map[string]string, byName map[string]*stage, final bool, diags *source.Diagnostics) {
	st.attrs = map[string]any{"index": int64(st.index), "final": final}
	st.locs = resource.MapLocator{}
	st.env = map[string]string{}
	end := st.from
	if len(st.nodes) > 0 {
		end = st.nodes[len(st.nodes)-1]
	}
	name := ""
	from := map[string]any{"line": int64(st.from.StartLine)}
	if cmd, err := instructions.ParseInstruction(st.from); err != nil {
		*diags = append(*diags, source.Errorf(at(st.from), "invalid instruction", "%s", cleanErr(err)))
	} else if s, ok := cmd.(*instructions.Stage); ok {
		name = s.Name
		from["platform"] = s.Platform
		image, known := expand(s.BaseName, globalEnv)
		from["raw"] = s.BaseName
		if known {
			from["image"] = image
		}
		switch base := byName[strings.ToLower(image)]; {
		case !known:
			from["unresolved"] = true
			st.unknown = append(st.unknown, "from.image", "from.name", "from.tag", "from.digest")
		case base != nil:
			from["stage"] = strings.ToLower(image)
			if base.userSet {
				st.user, st.userSet, st.userKnow = base.user, true, base.userKnow
			}
			for k, v := range base.env {
				st.env[k] = v
			}
		case strings.EqualFold(image, "scratch"):
			from["scratch"] = true
		default:
			for k, v := range parseImage(image) {
				from[k] = v
			}
		}
	}
	st.attrs["from"] = from
	st.attrs["name"] = name
	st.locs["from"] = *at(st.from)
	st.locs["instructions[0]"] = *at(st.from)

	instr := []any{instructionView(st.from)}
	lists := map[string][]any{}
	add := func(list string, v map[string]any, n *parser.Node) {
		v["instruction"] = int64(len(instr) - 1)
		v["line"] = int64(n.StartLine)
		st.locs[fmt.Sprintf("%s[%d]", list, len(lists[list]))] = *at(n)
		lists[list] = append(lists[list], v)
	}
	env := map[string]any{}
	labels := map[string]string{}
	for _, n := range st.nodes {
		st.locs[fmt.Sprintf("instructions[%d]", len(instr))] = *at(n)
		instr = append(instr, instructionView(n))
		cmd, err := instructions.ParseInstruction(n)
		if err != nil {
			*diags = append(*diags, source.Errorf(at(n), "invalid instruction", "%s", cleanErr(err)))
			continue
		}
		switch c := cmd.(type) {
		case *instructions.UserCommand:
			u, known := expand(c.User, st.env)
			st.user, st.userSet, st.userKnow = u, true, known
			v := map[string]any{"raw": c.User}
			if known {
				v["user"] = u
			}
			add("users", v, n)
			st.locs["user"] = *at(n)
			if !known {
				st.unknown = append(st.unknown, fmt.Sprintf("users[%d].user", len(lists["users"])-1))
			}
		case *instructions.EnvCommand:
			for _, kv := range c.Env {
				v, known := expand(kv.Value, st.env)
				e := map[string]any{"key": kv.Key, "raw": kv.Value}
				p := resource.Path{resource.Key("env"), resource.Key(kv.Key)}
				if known {
					st.env[kv.Key] = v
					env[kv.Key] = v
					e["value"] = v
				} else {
					delete(st.env, kv.Key)
					delete(env, kv.Key)
					st.unknown = append(st.unknown, p.String(), fmt.Sprintf("envs[%d].value", len(lists["envs"])))
				}
				add("envs", e, n)
				st.locs[p.String()] = *at(n)
			}
		case *instructions.ArgCommand:
			for _, kv := range c.Args {
				a := map[string]any{"key": kv.Key}
				if kv.Value != nil {
					a["value"] = *kv.Value
					st.env[kv.Key] = *kv.Value
				} else if v, ok := globalEnv[kv.Key]; ok {
					st.env[kv.Key] = v // ARG NAME re-declares a global ARG inside the stage
				}
				add("args", a, n)
			}
		case *instructions.ExposeCommand:
			for _, p := range c.Ports {
				ep, known := expand(p, st.env)
				v := map[string]any{"raw": p}
				if !known {
					add("expose", v, n)
					st.unknown = append(st.unknown, fmt.Sprintf("expose[%d].port", len(lists["expose"])-1))
					continue
				}
				port, proto, _ := strings.Cut(ep, "/")
				if proto == "" {
					proto = "tcp"
				}
				v["protocol"] = strings.ToLower(proto)
				if lo, hi, isRange := strings.Cut(port, "-"); isRange {
					if a, err := strconv.Atoi(lo); err == nil {
						v["port"] = int64(a)
					}
					if b, err := strconv.Atoi(hi); err == nil {
						v["end_port"] = int64(b)
					}
				} else if a, err := strconv.Atoi(port); err == nil {
					v["port"] = int64(a)
					v["end_port"] = int64(a)
				}
				add("expose", v, n)
			}
		case *instructions.RunCommand:
			v := cmdLine(c.ShellDependantCmdLine)
			v["flags"] = toAny(n.Flags)
			add("run", v, n)
		case *instructions.CmdCommand:
			add("cmd", cmdLine(c.ShellDependantCmdLine), n)
		case *instructions.EntrypointCommand:
			add("entrypoint", cmdLine(c.ShellDependantCmdLine), n)
		case *instructions.AddCommand:
			v := sources(c.SourcesAndDest)
			v["chown"], v["chmod"], v["checksum"] = c.Chown, c.Chmod, c.Checksum
			add("add", v, n)
		case *instructions.CopyCommand:
			v := sources(c.SourcesAndDest)
			v["chown"], v["chmod"], v["from"] = c.Chown, c.Chmod, c.From
			add("copy", v, n)
		case *instructions.WorkdirCommand:
			p, _ := expand(c.Path, st.env)
			add("workdir", map[string]any{"path": p}, n)
		case *instructions.HealthCheckCommand:
			h := map[string]any{"instruction": int64(len(instr) - 1), "line": int64(n.StartLine)}
			if c.Health != nil {
				h["test"] = toAny(c.Health.Test)
				h["none"] = len(c.Health.Test) > 0 && strings.EqualFold(c.Health.Test[0], "NONE")
			}
			st.attrs["healthcheck"] = h
			st.locs["healthcheck"] = *at(n)
		case *instructions.ShellCommand:
			st.attrs["shell"] = toAny(c.Shell)
			st.locs["shell"] = *at(n)
		case *instructions.LabelCommand:
			for _, kv := range c.Labels {
				labels[kv.Key] = kv.Value
			}
		case *instructions.Stage:
			// a FROM is never inside a stage's node list
		}
	}
	st.attrs["instructions"] = instr
	for k, v := range lists {
		st.attrs[k] = v
	}
	if len(env) > 0 {
		st.attrs["env"] = env
	}
	if len(labels) > 0 {
		lm := make(map[string]any, len(labels))
		for k, v := range labels {
			lm[k] = v
		}
		st.attrs["labels"] = lm
	}
	if len(lists["users"]) > 0 {
		if st.userKnow {
			st.attrs["user"] = lastUser(lists["users"])
		} else {
			st.unknown = append(st.unknown, "user")
		}
	}
	if st.userSet {
		if st.userKnow {
			st.attrs["effective_user"] = st.user
		} else {
			st.unknown = append(st.unknown, "effective_user")
		}
	}
	id := strconv.Itoa(st.index)
	addr := fmt.Sprintf("stage[%d]", st.index)
	if name != "" {
		id, addr = name, "stage."+name
	}
	sort.Strings(st.unknown)
	st.res = &resource.Resource{
		ID:       fmt.Sprintf("%s#stage[%d]", file, st.index),
		Kind:     resource.Dockerfile,
		Provider: Provider,
		Type:     Type,
		Name:     id,
		Address:  addr,
		Labels:   labels,
		Attrs:    st.attrs,
		Unknown:  st.unknown,
		Range: source.Range{Filename: file, Start: source.Pos{Line: st.from.StartLine, Column: 1},
			End: source.Pos{Line: max(end.EndLine, end.StartLine)}},
		Locs: st.locs,
	}
	if len(labels) == 0 {
		st.res.Labels = nil
	}
}

func lastUser(users []any) any {
	if len(users) == 0 {
		return nil
	}
	return users[len(users)-1].(map[string]any)["user"]
}

// instructionView is one instruction as policies see it.
func instructionView(n *parser.Node) map[string]any {
	var args []any
	for a := n.Next; a != nil; a = a.Next {
		args = append(args, a.Value)
	}
	if args == nil {
		args = []any{}
	}
	v := map[string]any{
		"instruction": strings.ToLower(n.Value),
		"original":    n.Original,
		"args":        args,
		"flags":       toAny(n.Flags),
		"line":        int64(n.StartLine),
		"end_line":    int64(max(n.EndLine, n.StartLine)),
		"json":        n.Attributes["json"],
	}
	if len(n.Heredocs) > 0 {
		var hs []any
		for _, h := range n.Heredocs {
			hs = append(hs, map[string]any{"name": h.Name, "content": h.Content})
		}
		v["heredocs"] = hs
	}
	return v
}

// cmdLine describes RUN, CMD and ENTRYPOINT: the command as one string
// (heredoc bodies appended), the exec-form arguments and which form it is.
func cmdLine(c instructions.ShellDependantCmdLine) map[string]any {
	command := strings.Join(c.CmdLine, " ")
	for _, f := range c.Files {
		command += "\n" + f.Data
	}
	return map[string]any{
		"command": command,
		"args":    toAny(c.CmdLine),
		"exec":    !c.PrependShell,
	}
}

func sources(s instructions.SourcesAndDest) map[string]any {
	srcs := toAny(s.SourcePaths)
	for _, c := range s.SourceContents {
		srcs = append(srcs, "<<"+c.Path)
	}
	return map[string]any{"sources": srcs, "dest": s.DestPath}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// parseImage splits an image reference: registry/name:tag@digest.
// Docker Hub's registry and its "library/" prefix are dropped from name;
// repository keeps the full path.
func parseImage(ref string) map[string]any {
	out := map[string]any{"registry": "", "name": "", "repository": "", "tag": "", "digest": ""}
	rest := ref
	if i := strings.Index(rest, "@"); i >= 0 {
		out["digest"] = rest[i+1:]
		rest = rest[:i]
	}
	if i := strings.LastIndex(rest, ":"); i >= 0 && !strings.Contains(rest[i:], "/") {
		out["tag"] = rest[i+1:]
		rest = rest[:i]
	}
	registry := ""
	if first, after, ok := strings.Cut(rest, "/"); ok && (strings.ContainsAny(first, ".:") || first == "localhost") {
		registry, rest = first, after
	}
	switch registry {
	case "docker.io", "index.docker.io", "registry-1.docker.io":
		registry = ""
	}
	out["registry"] = registry
	out["repository"] = rest
	out["name"] = strings.TrimPrefix(rest, "library/")
	return out
}

// assignSuppressions gives each "# onus:ignore" comment to the stage of
// the instruction it precedes or sits in (the last stage when it follows
// every instruction). Heredoc bodies are not comments.
func assignSuppressions(file string, b []byte, nodes []*parser.Node, stages []*stage) {
	if !bytes.Contains(b, []byte(resource.SuppressionMarker)) {
		return
	}
	type span struct {
		start, end, stage int
		heredoc           bool
	}
	var spans []span
	cur := 0
	for _, n := range nodes {
		if strings.EqualFold(n.Value, "from") {
			for i, st := range stages {
				if st.from == n {
					cur = i
				}
			}
		}
		spans = append(spans, span{n.StartLine, max(n.EndLine, n.StartLine), cur, len(n.Heredocs) > 0})
	}
	for i, line := range strings.Split(string(b), "\n") {
		ln := i + 1
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, "#") || !strings.Contains(t, resource.SuppressionMarker) {
			continue
		}
		target := len(stages) - 1
		skip := false
		for _, sp := range spans {
			if sp.end >= ln {
				target = sp.stage
				skip = sp.heredoc && sp.start < ln
				break
			}
		}
		if skip {
			continue
		}
		if s, ok := resource.ParseSuppression(t, *source.At(file, ln, strings.Index(line, "#")+1)); ok {
			stages[target].res.Suppressions = append(stages[target].res.Suppressions, s)
		}
	}
}
