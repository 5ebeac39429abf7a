using FleetGen.Client.Models;

namespace FleetGen.Client;

/// <summary>
/// The job a composed call waits for: of a type (by prefix: CreateFederation also matches CreateFederationContainer),
/// with the id the start call returned when it returned one, and never the job that was current before the call.
/// </summary>
internal sealed record ExpectedJob(string TypePrefix, string? JobId, string? PreviousJobId)
{
    public bool Matches(Job job)
    {
        var uid = job.Metadata?.Uid;
        return job.Spec?.Type?.StartsWith(TypePrefix, StringComparison.OrdinalIgnoreCase) == true
            && (string.IsNullOrEmpty(JobId) || uid == JobId)
            && (PreviousJobId is null || uid != PreviousJobId);
    }
}
