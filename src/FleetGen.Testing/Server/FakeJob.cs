namespace FleetGen.Testing.Server;

/// <summary>
/// A federation job of the fake: its sub-jobs complete one per step of the server's clock, computed when asked, so a
/// test that advances a fake clock sees the job move without timers.
/// </summary>
internal sealed class FakeJob(string type, IReadOnlyList<string> subJobTypes, DateTimeOffset start, TimeSpan step, FakeJobScript? script, string? targetVersion)
{
    public string Uid { get; } = Guid.NewGuid().ToString();

    public string Type { get; } = type;

    public IReadOnlyList<string> SubJobTypes { get; } = subJobTypes;

    public DateTimeOffset Start { get; } = start;

    public string? TargetVersion { get; } = targetVersion;

    /// <summary>Whether the job's effect on the fleet (federation made, removed, version changed) was applied.</summary>
    public bool Applied { get; set; }

    private int Steps => Math.Max(SubJobTypes.Count, 1);

    /// <summary>Where the job stands at <paramref name="now"/>.</summary>
    public FakeJobState At(DateTimeOffset now)
    {
        var elapsed = (int)Math.Min(int.MaxValue, Math.Max(0, (now - Start).Ticks / step.Ticks));
        if (script is { FailingStep: { } failing } && elapsed > failing)
        {
            return new FakeJobState(failing, "Failed", script.Reason, Start + (step * (failing + 1)), failing);
        }

        if (script is { Stalls: true })
        {
            return new FakeJobState(Math.Max(0, Math.Min(elapsed, SubJobTypes.Count - 1)), "Running", null, null, null);
        }

        return elapsed >= Steps
            ? new FakeJobState(SubJobTypes.Count, "Success", null, Start + (step * Steps), null)
            : new FakeJobState(elapsed, "Running", null, null, null);
    }

    /// <summary>The time sub-job <paramref name="index"/> ended, when it has.</summary>
    public DateTimeOffset SubJobEnd(int index) => Start + (step * (index + 1));

    public DateTimeOffset SubJobStart(int index) => Start + (step * index);
}

/// <summary>Where a <see cref="FakeJob"/> stands: sub-jobs done, phase, reason, completion and the failed sub-job.</summary>
internal sealed record FakeJobState(int Done, string Phase, string? Reason, DateTimeOffset? Completed, int? FailedIndex)
{
    public bool Running => Phase == "Running";

    public bool Succeeded => Phase == "Success";
}

/// <summary>How the next job misbehaves: it fails at a step with a reason, or it never ends.</summary>
internal sealed record FakeJobScript(string? FailingSubJob, string? Reason, bool Stalls)
{
    public int? FailingStep { get; init; }
}
