// Package version reports the build's version. Version and Commit are set
// at link time:
//
//	go build -ldflags "-X github.com/onus-project/onus/internal/version.Version=v1.2.3"
package version

import "runtime/debug"

// Set by -ldflags; read through Get.
var (
	Version = ""
	Commit  = ""
)

// Info describes a build.
type Info struct {
	Version   string `json:"version"`
	Commit    string `json:"commit,omitempty"`
	GoVersion string `json:"go"`
}

// Get returns the build information, falling back to the module version
// and VCS revision recorded by the go command.
func Get() Info {
	info := Info{Version: Version, Commit: Commit}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && info.Commit == "" {
				info.Commit = s.Value
			}
		}
	}
	if info.Version == "" {
		info.Version = "dev"
	}
	return info
}
