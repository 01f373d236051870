package terraform

import (
	"io/fs"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/onus-project/onus/internal/resource"
	"github.com/onus-project/onus/internal/source"
)

// Sources is a configuration tree read without evaluation: a root module
// and the modules it calls, so that a resource of a plan can be mapped back
// to the block and attributes that declare it.
type Sources struct {
	fsys    fs.FS
	maxSize int64
	rootDir string
	configs map[string]*config
	modules map[string]string // modules.json keys → directories
}

// Block is where a resource is declared.
type Block struct {
	Range        source.Range
	Locs         resource.Locator
	Suppressions []resource.Suppression
}

// LoadSources reads the configuration files of the root module in dir. It
// returns nil when dir holds none.
func LoadSources(fsys fs.FS, dir string, maxSize int64) *Sources {
	files := listConfigFiles(fsys, dir)
	if len(files) == 0 {
		return nil
	}
	s := &Sources{fsys: fsys, maxSize: maxSize, rootDir: dir, configs: map[string]*config{}}
	s.configs[dir] = loadConfig(fsys, dir, files, maxSize)
	s.modules = readModulesJSON(fsys, dir, maxSize)
	return s
}

// Find returns the block of a resource (blockKey "aws_s3_bucket.b" or
// "data.x.y") in the module reached through the module calls named in
// calls (["net", "subnets"] for module.net.module.subnets; instance keys
// left out).
func (s *Sources) Find(calls []string, blockKey string) (Block, bool) {
	if s == nil {
		return Block{}, false
	}
	cfg := s.configs[s.rootDir]
	key := ""
	for _, name := range calls {
		c := cfg.callByKey[name]
		if c == nil {
			return Block{}, false
		}
		if key == "" {
			key = name
		} else {
			key += "." + name
		}
		var dir string
		if isLocalSource(c.source) {
			d, ok := joinDir(cfg.dir, c.source)
			if !ok {
				return Block{}, false
			}
			dir = d
		} else if d, ok := s.modules[key]; ok {
			dir = d
		} else {
			return Block{}, false
		}
		next, ok := s.configs[dir]
		if !ok {
			files := listConfigFiles(s.fsys, dir)
			if len(files) == 0 {
				return Block{}, false
			}
			next = loadConfig(s.fsys, dir, files, s.maxSize)
			s.configs[dir] = next
		}
		cfg = next
	}
	b := cfg.blocks[blockKey]
	if b == nil {
		return Block{}, false
	}
	out := &bodyOut{locs: resource.MapLocator{}}
	staticLocs(b.body, nil, out, true)
	return Block{Range: rangeOf(b.rng), Locs: out.locs, Suppressions: b.sups}, true
}

// staticLocs records where attributes and nested blocks are written,
// without evaluating anything: static blocks are indexed in order; the
// blocks of a dynamic block all point at it.
func staticLocs(body hcl.Body, p resource.Path, out *bodyOut, top bool) {
	sb, ok := body.(*hclsyntax.Body)
	if !ok {
		attrs, _ := body.JustAttributes()
		for _, a := range attrs {
			if top && (metaArgs[a.Name] || metaBlocks[a.Name]) {
				continue
			}
			ap := p.Append(resource.Key(a.Name))
			out.loc(ap, a.Range)
			exprLocs(a.Expr, ap, out)
		}
		return
	}
	for _, a := range sb.Attributes {
		if top && metaArgs[a.Name] {
			continue
		}
		ap := p.Append(resource.Key(a.Name))
		out.loc(ap, a.SrcRange)
		exprLocs(a.Expr, ap, out)
	}
	counts := map[string]int{}
	for _, blk := range sb.Blocks {
		if top && metaBlocks[blk.Type] {
			continue
		}
		rng := hcl.RangeBetween(blk.TypeRange, blk.CloseBraceRange)
		if blk.Type == "dynamic" && len(blk.Labels) == 1 {
			lp := p.Append(resource.Key(blk.Labels[0]))
			if _, ok := out.locs[lp.String()]; !ok {
				out.loc(lp, rng)
			}
			continue
		}
		i := counts[blk.Type]
		counts[blk.Type]++
		lp := p.Append(resource.Key(blk.Type))
		if i == 0 {
			out.loc(lp, rng)
		}
		bp := lp.Append(resource.Index(i))
		out.loc(bp, rng)
		staticLocs(blk.Body, bp, out, false)
	}
}
