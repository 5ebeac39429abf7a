using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// The job a <see cref="FederationJobOperation"/> follows: of a type (by prefix: CreateFederation also matches
/// CreateFederationContainer; <c>null</c> for any type, as for an operation rebuilt from its id), with the id the start
/// call returned or the first poll showed, and otherwise a job that is provably not the one that was current before
/// the call (<c>Previous</c>, <c>null</c> when there was none). <c>Sent</c> is when the start call was sent, by the
/// client's clock.
/// </summary>
internal sealed record ExpectedJob(string? TypePrefix, string? JobId, Job? Previous, DateTimeOffset Sent)
{
    /// <summary>
    /// Whether <paramref name="job"/> is the job started: with the id the start call returned; else, when there was a
    /// job before, only with evidence that this one is another: another uid, another type, or a later start time
    /// (later than the previous job's, else not before <see cref="Sent"/>). A job without uid and start time that
    /// follows one of the same type is never taken for the new one.
    /// </summary>
    public bool Matches(Job job)
    {
        if (!IsOfType(job))
        {
            return false;
        }

        var uid = job.Metadata?.Uid;
        if (!string.IsNullOrEmpty(JobId))
        {
            return uid == JobId;
        }

        if (Previous is null || !IsOfType(Previous))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(uid) && !string.IsNullOrEmpty(Previous.Metadata?.Uid))
        {
            return uid != Previous.Metadata.Uid;
        }

        return job.Status?.GetStartTime() is { } started
            && (Previous.Status?.GetStartTime() is { } previousStart ? started > previousStart : started >= Sent);
    }

    /// <summary>The job with the id <paramref name="jobId"/>, of whatever type: an operation rebuilt from its id.</summary>
    public static ExpectedJob WithId(string jobId) => new(null, jobId, null, DateTimeOffset.MinValue);

    private bool IsOfType(Job job) => TypePrefix is null || job.Spec?.Type?.StartsWith(TypePrefix, StringComparison.OrdinalIgnoreCase) == true;
}
