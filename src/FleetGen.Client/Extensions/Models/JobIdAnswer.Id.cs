namespace FleetGen.Client.Models;

/// <summary>The id of the job a policy or GitOps request started, whichever spelling the service used.</summary>
public partial class JobIdAnswer
{
    /// <summary>The job id: <c>jobID</c> (documented), else <c>jobId</c>; <c>null</c> when the answer carries neither.</summary>
    public string? GetJobId() => !string.IsNullOrWhiteSpace(JobID) ? JobID : !string.IsNullOrWhiteSpace(JobIdAnswerJobId) ? JobIdAnswerJobId : null;
}
