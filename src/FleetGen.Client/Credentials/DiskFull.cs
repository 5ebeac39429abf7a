namespace FleetGen.Client.Credentials;

/// <summary>Whether a write failed for lack of space: no space left on the device, or the user's quota used up.</summary>
internal static class DiskFull
{
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(Exception? exception) =>
        exception is IOException { HResult: var result }
        && (OperatingSystem.IsWindows() ? result is WindowsDiskFull or WindowsHandleDiskFull : OperatingSystem.IsLinux() && result is NoSpace or QuotaExceeded);
}
