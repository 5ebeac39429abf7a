using System.Globalization;
using System.Text.Json.Nodes;

namespace FleetGen.Testing.Server;

/// <summary>
/// The fleet and job answers in the spelling of a <see cref="FakeUcsModelVariant"/>. They are written as JSON here,
/// not through the generated models, because the variants differ in property names and types.
/// </summary>
internal static class FakeUcsAnswers
{
    public static JsonObject ClusterGroup(FakeFleet fleet, IReadOnlyList<string> clusterIds, DateTimeOffset now, FakeUcsModelVariant variant)
    {
        var spec = new JsonObject
        {
            ["ruleNamespaces"] = Strings(fleet.Rules.SelectMany(r => r.Namespaces).Distinct(StringComparer.Ordinal)),
            ["clusterIds"] = Strings(clusterIds),
            ["federationId"] = fleet.FederationId ?? string.Empty,
            ["description"] = fleet.Description,
            ["dnsSuffix"] = Strings(fleet.DnsSuffix),
            ["policyId"] = string.Empty,
            ["federationVersion"] = fleet.Federated ? fleet.Version : string.Empty,
            ["connectGatewayEndpoints"] = new JsonArray(fleet.Endpoints.Select(e => (JsonNode)new JsonObject
            {
                ["type"] = "VPCEP",
                ["name"] = e.Name,
                ["id"] = e.Id,
                ["region"] = e.Region,
            }).ToArray()),
        };
        if (fleet.Expiry is { } expiry)
        {
            spec["federationExpirationTimestamp"] = Time(expiry, variant);
        }

        var conditions = new JsonArray();
        if (fleet.FederationStatus(now) is { } status)
        {
            conditions.Add(new JsonObject
            {
                ["type"] = "Federation",
                ["status"] = status,
                ["reason"] = "Federation" + status,
                ["message"] = fleet.Job?.At(now).Reason ?? string.Empty,
                ["lastTransitionTime"] = variant == FakeUcsModelVariant.HuaweiCloud ? "0001-01-01T00:00:00Z" : now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        }

        return new JsonObject
        {
            ["kind"] = "ClusterGroup",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject
            {
                ["uid"] = fleet.Id,
                ["name"] = fleet.Name,
                ["creationTimestamp"] = Time(fleet.Created, variant),
                ["updateTimestamp"] = Time(fleet.Updated, variant),
            },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["conditions"] = conditions },
        };
    }

    public static JsonObject Job(FakeFleet fleet, FakeJob job, DateTimeOffset now, FakeUcsModelVariant variant)
    {
        var state = job.At(now);
        var subJobs = new JsonArray();
        for (var i = 0; i < job.SubJobTypes.Count; i++)
        {
            var (phase, reason) = i < state.Done ? ("Success", null) : i == state.FailedIndex ? ("Failed", state.Reason) : i == state.Done && state.Running ? ("Running", null) : (string.Empty, null);
            var subStatus = new JsonObject { ["phase"] = phase };
            if (reason is not null)
            {
                subStatus["reason"] = reason;
            }

            if (phase.Length > 0)
            {
                subStatus[Name("startTime", variant)] = Time(job.SubJobStart(i), variant);
            }

            if (phase is "Success" or "Failed")
            {
                subStatus[Name("completionTime", variant)] = Time(job.SubJobEnd(i), variant);
            }

            subJobs.Add(new JsonObject
            {
                ["kind"] = "Job",
                ["apiVersion"] = "v1",
                ["metadata"] = new JsonObject { ["uid"] = $"{job.Uid}-{i + 1}", ["name"] = job.SubJobTypes[i].ToLowerInvariant() },
                ["spec"] = new JsonObject { ["type"] = job.SubJobTypes[i] },
                ["status"] = subStatus,
            });
        }

        var spec = new JsonObject
        {
            ["type"] = job.Type,
            [Name("federationUID", variant)] = fleet.FederationId ?? string.Empty,
            ["resourceID"] = fleet.Id,
            ["resourceName"] = fleet.Id,
            [Name("subJobs", variant)] = subJobs,
        };
        if (variant == FakeUcsModelVariant.OpenTelekomCloud)
        {
            spec["extendParam"] = new JsonObject { ["JobExtendParamKeyElbID"] = $"elb-{fleet.Id}" };
        }
        else
        {
            spec["extendparam"] = string.Empty;
        }

        var status = new JsonObject
        {
            ["phase"] = state.Phase,
            ["reason"] = state.Reason ?? string.Empty,
            [Name("startTime", variant)] = Time(job.Start, variant),
        };
        if (state.Completed is { } completed)
        {
            status[Name("completionTime", variant)] = Time(completed, variant);
        }

        return new JsonObject
        {
            ["kind"] = "Job",
            ["apiVersion"] = variant == FakeUcsModelVariant.HuaweiCloud ? "v3" : "v1",
            ["metadata"] = new JsonObject
            {
                ["uid"] = job.Uid,
                ["name"] = $"{job.Type.ToLowerInvariant()}-{fleet.Id}",
                ["creationTimestamp"] = Time(job.Start, variant),
                ["generation"] = variant == FakeUcsModelVariant.OpenTelekomCloud ? JsonValue.Create(1) : JsonValue.Create("1"),
            },
            ["spec"] = spec,
            ["status"] = status,
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>Go's default time format (<c>2023-07-31 13:16:20.715779 +0000 UTC</c>), or RFC 3339 in the Open Telekom Cloud edition.</summary>
    private static string Time(DateTimeOffset time, FakeUcsModelVariant variant) => variant == FakeUcsModelVariant.OpenTelekomCloud
        ? time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
        : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff '+0000 UTC'", CultureInfo.InvariantCulture);

    private static string Name(string camelCase, FakeUcsModelVariant variant) =>
        variant == FakeUcsModelVariant.LowerCase ? camelCase.ToLowerInvariant() : camelCase;
}
