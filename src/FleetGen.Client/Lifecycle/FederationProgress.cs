using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>Where a federation job stands: its type and phase, how many of its sub-jobs are done, and the one running.</summary>
/// <param name="JobType">The job's type, e.g. <see cref="FederationJobType.CreateFederation"/>.</param>
/// <param name="Phase">The job's phase as sent (an open string; empty while none was sent).</param>
/// <param name="SubJobsDone">Sub-jobs whose phase is Success.</param>
/// <param name="SubJobsTotal">All sub-jobs of the job.</param>
/// <param name="RunningSubJob">The type of the first sub-job not done yet; <c>null</c> when none is left.</param>
public sealed record FederationProgress(string JobType, string Phase, int SubJobsDone, int SubJobsTotal, string? RunningSubJob)
{
    /// <summary>The progress shown by <paramref name="job"/>.</summary>
    public static FederationProgress Of(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var subJobs = job.Spec?.GetSubJobs() ?? [];
        var done = subJobs.Count(s => s.HasSucceeded());
        var running = subJobs.FirstOrDefault(s => !s.HasSucceeded())?.Spec?.Type;
        return new FederationProgress(job.Spec?.Type ?? string.Empty, job.Status?.Phase ?? string.Empty, done, subJobs.Count, running);
    }

    /// <summary>One line: <c>CreateFederation Running: 2 of 4 sub-jobs done, running CreateCert</c>.</summary>
    public override string ToString() =>
        $"{(JobType.Length == 0 ? "job" : JobType)} {(Phase.Length == 0 ? "(no phase yet)" : Phase)}: {SubJobsDone} of {SubJobsTotal} sub-jobs done{(RunningSubJob is null ? string.Empty : $", running {RunningSubJob}")}";
}
