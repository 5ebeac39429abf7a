namespace FleetGen.Client.Tests.Support;

/// <summary>A clock that moves one second forward every time it is read; timers run on the real clock.</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long reads;

    public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref reads) - 1);
}
