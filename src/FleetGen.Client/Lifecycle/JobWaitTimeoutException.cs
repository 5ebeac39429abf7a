namespace FleetGen.Client;

/// <summary>A policy or GitOps job did not end within the wait's timeout; the job goes on at the service.</summary>
public sealed class JobWaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public JobWaitTimeoutException(string? jobId, TimeSpan timeout, string? lastStatus, string message)
        : base(SafeText.OneLine(message))
    {
        JobId = jobId;
        Timeout = timeout;
        LastStatus = lastStatus;
    }

    /// <summary>The job's id, when it is known.</summary>
    public string? JobId { get; }

    /// <summary>How long was waited.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Where the job stood at the last poll, in one line; <c>null</c> when no poll answered.</summary>
    public string? LastStatus { get; }
}
