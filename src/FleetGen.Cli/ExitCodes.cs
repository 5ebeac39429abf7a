namespace FleetGen.Cli;

/// <summary>The exit codes of fleetgen; scripts depend on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Internal = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int Api = 4;
    public const int LocalFile = 5;
    public const int Network = 6;
    public const int JobFailed = 7;
    public const int WaitTimedOut = 8;
    public const int Cancelled = 130;
}
