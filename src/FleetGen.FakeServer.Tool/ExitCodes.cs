namespace FleetGen.FakeServer.Tool;

/// <summary>The exit codes of fleetgen-fake; scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Stopped by Ctrl+C or SIGTERM.</summary>
    public const int Success = 0;

    /// <summary>The server could not start (the port is in use).</summary>
    public const int CannotStart = 1;

    /// <summary>A bad argument or seed file; nothing was started.</summary>
    public const int Usage = 2;
}
