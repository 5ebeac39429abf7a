using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// A policy job of the fake: one task on its target (the fleet or cluster) that ends one step of the server's clock
/// after the start, Succeeded, or Failed with a reason when the job was scripted to fail. Its effect on the policy
/// state is applied once, by <see cref="FakePolicyCenter"/>, when it has succeeded.
/// </summary>
internal sealed class FakePolicyJob(string type, string taskType, FakePolicyTarget target, string? instanceId, DateTimeOffset start, TimeSpan step, string? failure, string? uid = null)
{
    public const int WaitTimeOut = 600;

    public string Uid { get; } = uid ?? Guid.NewGuid().ToString();

    public string Type { get; } = type;

    public FakePolicyTarget Target { get; } = target;

    public string? InstanceId { get; } = instanceId;

    public bool Applied { get; set; }

    public bool Running(DateTimeOffset now) => now < start + step;

    public bool Succeeded(DateTimeOffset now) => !Running(now) && failure is null;

    /// <summary>Running, Succeeded or Failed: the values of the contract's PolicyJob status field.</summary>
    public string Status(DateTimeOffset now) => Running(now) ? "Running" : failure is null ? "Succeeded" : "Failed";

    public UcsJob Answer(string domainId, DateTimeOffset now)
    {
        var status = Status(now);
        var finish = Running(now) ? null : FakeTime.Rfc3339(start + step);
        var related = new Dictionary<string, string> { [Target.Scope == FakePolicyTarget.Fleet ? "clustergroupID" : "clusterID"] = Target.Id };
        if (InstanceId is not null)
        {
            related["policyInstanceID"] = InstanceId;
        }

        return new UcsJob
        {
            Kind = "Job",
            ApiVersion = "v1",
            Metadata = new ObjectMeta { Uid = Uid, CreationTimestamp = FakeTime.Rfc3339(start) },
            Spec = new UcsJobSpec
            {
                Type = Type,
                Operation = "create",
                WaitTimeOut = WaitTimeOut,
                DomainID = domainId,
                RelatedObjects = related,
                TaskList =
                [
                    new UcsTask
                    {
                        Kind = "Task",
                        ApiVersion = "v1",
                        Metadata = new ObjectMeta { Uid = $"{Uid}-1" },
                        Spec = new UcsTaskSpec { JobID = Uid, Target = Target.Id, TargetType = Target.Scope == FakePolicyTarget.Fleet ? "clustergroup" : "cluster", Type = taskType, Runway = "parallel", WaitTimeOut = WaitTimeOut / 2 },
                        Status = new UcsTaskStatus { Status = status, Reason = failure is null || status == "Running" ? string.Empty : failure, StartTime = FakeTime.Rfc3339(start), FinishTime = finish },
                    },
                ],
            },
            Status = new UcsJobStatus { Status = status, Reason = status == "Failed" ? failure : string.Empty, StartTime = FakeTime.Rfc3339(start), FinishTime = finish },
        };
    }
}

/// <summary>Where the policy center runs: a fleet (<c>fleet</c>, the contract's targetScope) or a cluster (<c>cluster</c>).</summary>
internal sealed record FakePolicyTarget(string Scope, string Id)
{
    public const string Fleet = "fleet";
    public const string Cluster = "cluster";
}
