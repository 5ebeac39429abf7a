using System.Collections.Concurrent;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A clock on which every wait ends at once by moving the clock forward by its length, and which records the waits:
/// a poll loop runs without real delays, the fake server's jobs move with it, and a test can check how long the loop
/// chose to wait. Infinite timers (no timeout) never fire.
/// </summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> waits = new();
    private long ticks = start.UtcTicks;

    public IReadOnlyList<TimeSpan> Waits => waits.ToArray();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            waits.Enqueue(dueTime);
            Interlocked.Add(ref ticks, dueTime.Ticks);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>An <see cref="IProgress{T}"/> that keeps every report, in order, on the reporting thread.</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly ConcurrentQueue<T> reports = new();

    public IReadOnlyList<T> Reports => reports.ToArray();

    public void Report(T value) => reports.Enqueue(value);
}
