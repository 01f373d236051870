package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// shells lists the shells onus writes completion scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

func newCompletionCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:       "completion bash|zsh|fish|powershell",
		Short:     "Print a shell completion script",
		Long:      completionLong,
		Example:   completionExample,
		ValidArgs: shells,
		PreRunE: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(shells, args[0]) {
				return usageError("completion: name one shell: %s", strings.Join(shells, ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			code, err := runCompletion(cmd.Root(), args[0], cmd.OutOrStdout())
			if err != nil || code != ExitOK {
				return &ExitError{Code: code, Err: err}
			}
			return nil
		},
	}
	return cmd
}

// runCompletion writes cobra's completion script for a shell. The scripts
// call back into onus (the hidden __complete command) for flag values
// and subcommands, so they stay right as onus changes.
func runCompletion(root *cobra.Command, shell string, w io.Writer) (int, error) {
	var err error
	switch shell {
	case "bash":
		err = root.GenBashCompletionV2(w, true)
	case "zsh":
		err = root.GenZshCompletion(w)
	case "fish":
		err = root.GenFishCompletion(w, true)
	case "powershell":
		err = root.GenPowerShellCompletionWithDesc(w)
	}
	if err != nil {
		return ExitUsage, err
	}
	return ExitOK, nil
}

// completeValues offers fixed values for a flag in shell completion.
func completeValues(cmd *cobra.Command, flag string, values []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}
