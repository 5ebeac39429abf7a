namespace FleetGen.Client.Models;

/// <summary>A federation job, read whichever published spelling the service used.</summary>
public partial class Job
{
    /// <summary>Whether the job ended successfully (<see cref="FederationJobPhase.Success"/>).</summary>
    public bool HasSucceeded() => string.Equals(Status?.Phase, FederationJobPhase.Success, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the job failed: its phase, or a sub-job's, ends in <c>Failed</c> (only <c>Success</c> is documented; UCS
    /// states name failures <c>...Failed</c>).
    /// </summary>
    public bool HasFailed() => IsFailedPhase(Status?.Phase) || FailedSubJob() is not null;

    /// <summary>The first sub-job whose phase ends in <c>Failed</c>.</summary>
    public Job? FailedSubJob() => Spec?.GetSubJobs().FirstOrDefault(s => IsFailedPhase(s.Status?.Phase));

    private static bool IsFailedPhase(string? phase) => phase?.EndsWith("Failed", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>What a job does, read whichever published spelling the service used.</summary>
public partial class JobSpec
{
    /// <summary>The sub-jobs, from <c>subJobs</c> or the lower-case <c>subjobs</c> of older pages.</summary>
    public IReadOnlyList<Job> GetSubJobs() => SubJobs ?? JobSpecSubjobs ?? [];

    /// <summary>The federation's id, from <c>federationUID</c> or the lower-case <c>federationuid</c>.</summary>
    public string? GetFederationUid() => FederationUID ?? JobSpecFederationuid;

    /// <summary>The extend parameters of the Open Telekom Cloud edition (<c>extendParam</c>, a map); empty when the service sent the string <c>extendparam</c> (see <see cref="Extendparam"/>).</summary>
    public IReadOnlyDictionary<string, string> GetExtendParameters() =>
        JobSpecExtendParam?.AdditionalData.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal) ?? new Dictionary<string, string>();
}

/// <summary>Where a job stands, read whichever published spelling and time format the service used.</summary>
public partial class JobStatus
{
    /// <summary>When the job started (<c>startTime</c> or <c>starttime</c>, Go's format or RFC 3339); <c>null</c> when unknown.</summary>
    public DateTimeOffset? GetStartTime() => UcsTime.Read(StartTime ?? JobStatusStarttime);

    /// <summary>When the job ended (<c>completionTime</c> or <c>completiontime</c>); <c>null</c> while it runs or when unknown.</summary>
    public DateTimeOffset? GetCompletionTime() => UcsTime.Read(CompletionTime ?? JobStatusCompletiontime);
}

/// <summary>Object metadata, read whichever published type the service used.</summary>
public partial class ObjectMeta
{
    /// <summary>The generation, sent as an integer in one edition and as a string in another; <c>null</c> when absent or not a number.</summary>
    public long? GetGeneration() => Generation switch
    {
        { Int64: { } number } => number,
        { String: { } text } when long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>When the object was created; <c>null</c> when unknown.</summary>
    public DateTimeOffset? GetCreationTime() => UcsTime.Read(CreationTimestamp);

    /// <summary>When the object was last updated; <c>null</c> when unknown.</summary>
    public DateTimeOffset? GetUpdateTime() => UcsTime.Read(UpdateTimestamp);
}
