namespace FleetGen.Cli;

/// <summary>
/// The command the exec entry runs, one kubectl can start: <c>fleetgen</c> only when that name resolves on PATH to
/// this same executable, else this executable by its absolute path. A framework-dependent run
/// (<c>dotnet fleetgen.dll</c>, as a local tool runs) writes the same <c>dotnet</c> and the dll by their paths, so the
/// entry works as the command that wrote it did. <c>--exec-command</c> names the command instead.
/// </summary>
internal sealed record ExecCommand(string Command, IReadOnlyList<string> LeadingArguments, string? Warning)
{
    public const string Name = "fleetgen";

    public const string InstallHint = "Install fleetgen: dotnet tool install --global fleetgen (and make sure ~/.dotnet/tools is on PATH)";

    public static ExecCommand Resolve(string? given, Func<string, string?> environment, string? processPath, string baseDirectory)
    {
        var path = environment("PATH");
        if (given is not null)
        {
            var found = Path.IsPathRooted(given) ? (File.Exists(given) ? given : null) : OnPath(given, path);
            return new ExecCommand(given, [], found is null ? $"--exec-command: {given} is not {(Path.IsPathRooted(given) ? "an existing file" : "on PATH")}: kubectl will not be able to run it until it is." : null);
        }

        if (processPath is null)
        {
            throw new CliException(ExitCodes.Internal, "--exec: the path of the running fleetgen is unknown; name the command with --exec-command <path>.");
        }

        var self = Final(processPath);
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var dll = Path.Combine(baseDirectory, Name + ".dll");
            return new ExecCommand(processPath, [dll], $"the exec entry runs {processPath} {dll} (fleetgen run through dotnet): moving or updating that copy breaks it; install fleetgen on PATH or pass --exec-command.");
        }

        if (OnPath(Name, path) is { } onPath && string.Equals(Final(onPath), self, StringComparison.Ordinal))
        {
            return new ExecCommand(Name, [], null);
        }

        return new ExecCommand(processPath, [], $"the exec entry runs {processPath} by its full path: '{Name}' on PATH is {(OnPath(Name, path) is { } other ? $"another executable ({other})" : "missing")}.");
    }

    private static string? OnPath(string name, string? path)
    {
        foreach (var folder in (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static string Final(string file)
    {
        try
        {
            return Path.GetFullPath(File.ResolveLinkTarget(file, returnFinalTarget: true)?.FullName ?? file);
        }
        catch (IOException)
        {
            return Path.GetFullPath(file);
        }
    }
}
