using System.Collections.Concurrent;

namespace FleetGen.Client.Tests.Support;

/// <summary>
/// A clock on which every wait ends at once by moving the clock forward by its length, and which records the waits:
/// a poll loop runs without real delays, the fake server's jobs move with it, and a test can check how long the loop
/// chose to wait. A timeout (a <see cref="CancellationTokenSource"/> on this clock, whose timer's state is the source)
/// does not move the clock: it fires when a wait moves the clock to or past it. Infinite timers (no timeout) never fire.
/// </summary>
internal sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> waits = new();
    private readonly List<Deadline> deadlines = [];
    private long ticks = start.UtcTicks;

    public IReadOnlyList<TimeSpan> Waits => waits.ToArray();

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new Fired();
        }

        if (state is CancellationTokenSource)
        {
            var deadline = new Deadline(this, () => callback(state), Interlocked.Read(ref ticks) + dueTime.Ticks);
            lock (deadlines)
            {
                deadlines.Add(deadline);
            }

            return deadline;
        }

        waits.Enqueue(dueTime);
        var now = Interlocked.Add(ref ticks, dueTime.Ticks);
        List<Deadline> due;
        lock (deadlines)
        {
            due = deadlines.Where(d => d.Due <= now).ToList();
            deadlines.RemoveAll(due.Contains);
        }

        foreach (var deadline in due)
        {
            deadline.Fire();
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Fired();
    }

    private void Remove(Deadline deadline)
    {
        lock (deadlines)
        {
            deadlines.Remove(deadline);
        }
    }

    private sealed class Deadline(JumpingClock clock, Action fire, long due) : ITimer
    {
        public long Due => due;

        public void Fire() => ThreadPool.QueueUserWorkItem(_ => fire());

        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
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
