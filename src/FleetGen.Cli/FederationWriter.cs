using System.Globalization;
using System.Text.Json.Nodes;
using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Cli;

/// <summary>Fleets, jobs and connections on stdout: short text for people, one JSON object for scripts.</summary>
internal static class FederationWriter
{
    public static void Fleet(string fleetId, ClusterGroup fleet, bool json, CliConsole console)
    {
        var condition = fleet.GetFederationCondition();
        var endpoints = fleet.GetConnectionEndpoints();
        if (json)
        {
            Write(console, new JsonObject
            {
                ["fleet"] = fleetId,
                ["federation"] = condition is null ? null : new JsonObject { ["status"] = condition.Status, ["reason"] = condition.Reason, ["message"] = condition.Message },
                ["version"] = Blank(fleet.Spec?.FederationVersion),
                ["expires"] = Time(fleet.Spec?.GetFederationExpiration()),
                ["endpoints"] = new JsonArray(endpoints.Select(e => (JsonNode)new JsonObject { ["id"] = e.Id, ["type"] = e.Type, ["name"] = e.Name, ["region"] = e.Region }).ToArray()),
            });
            return;
        }

        Line(console, "Fleet", fleetId);
        Line(console, "Federation", condition is null ? "not enabled" : $"{condition.Status}{(string.IsNullOrEmpty(condition.Message) ? string.Empty : $" ({condition.Message})")}");
        Line(console, "Version", Blank(fleet.Spec?.FederationVersion) ?? "-");
        Line(console, "Expires", Time(fleet.Spec?.GetFederationExpiration()) ?? "-");
        Line(console, "Endpoints", endpoints.Count == 0 ? "none" : string.Join(", ", endpoints.Select(e => $"{e.Id} ({e.Type}, {e.Name}, {e.Region})")));
    }

    public static void Job(string fleetId, Job? job, bool json, CliConsole console)
    {
        var subJobs = job?.Spec?.GetSubJobs() ?? [];
        if (json)
        {
            Write(console, new JsonObject
            {
                ["fleet"] = fleetId,
                ["job"] = job is null ? null : new JsonObject
                {
                    ["id"] = job.Metadata?.Uid,
                    ["type"] = job.Spec?.Type,
                    ["phase"] = job.Status?.Phase,
                    ["reason"] = Blank(job.Status?.Reason),
                    ["startTime"] = Time(job.Status?.GetStartTime()),
                    ["completionTime"] = Time(job.Status?.GetCompletionTime()),
                    ["subJobs"] = new JsonArray(subJobs.Select(s => (JsonNode)new JsonObject { ["type"] = s.Spec?.Type, ["phase"] = Blank(s.Status?.Phase), ["reason"] = Blank(s.Status?.Reason) }).ToArray()),
                },
            });
            return;
        }

        if (job is null)
        {
            console.Out.WriteLine($"Fleet {SafeText.OneLine(fleetId)} has no federation job any more: its federation is gone.");
            return;
        }

        Line(console, "Fleet", fleetId);
        Line(console, "Job", $"{job.Spec?.Type} ({job.Metadata?.Uid})");
        Line(console, "Phase", $"{(string.IsNullOrEmpty(job.Status?.Phase) ? "-" : job.Status!.Phase)}{(string.IsNullOrEmpty(job.Status?.Reason) ? string.Empty : $": {job.Status!.Reason}")}");
        Line(console, "Started", Time(job.Status?.GetStartTime()) ?? "-");
        Line(console, "Completed", Time(job.Status?.GetCompletionTime()) ?? "-");
        var progress = FederationProgress.Of(job);
        Line(console, "Sub-jobs", $"{progress.SubJobsDone} of {progress.SubJobsTotal} done");
        foreach (var subJob in subJobs)
        {
            console.Out.WriteLine(SafeText.OneLine($"  {(string.IsNullOrEmpty(subJob.Status?.Phase) ? "-" : subJob.Status!.Phase),-8} {subJob.Spec?.Type}{(string.IsNullOrEmpty(subJob.Status?.Reason) ? string.Empty : $": {subJob.Status!.Reason}")}"));
        }
    }

    /// <summary>A federated fleet that shows no job (none was run, or the service no longer keeps it).</summary>
    public static void NoJob(string fleetId, string federationStatus, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new JsonObject { ["fleet"] = fleetId, ["job"] = null, ["federation"] = new JsonObject { ["status"] = federationStatus } });
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Fleet {fleetId} has no federation job; its federation is {federationStatus}."));
    }

    public static void Started(string fleetId, string jobType, string? jobId, bool json, CliConsole console, CliHints hints)
    {
        if (json)
        {
            Write(console, new JsonObject { ["fleet"] = fleetId, ["started"] = jobType, ["jobId"] = jobId });
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Started {jobType} for fleet {fleetId}{(jobId is null ? string.Empty : $" (job {jobId})")}."));
        console.Out.WriteLine(SafeText.OneLine($"Follow it with: {hints.Command("federation wait", fleetId)}"));
    }

    public static void Connection(string fleetId, FederationConnectionResult connection, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new JsonObject { ["fleet"] = fleetId, ["endpointId"] = connection.EndpointId, ["created"] = connection.Created });
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Fleet {fleetId} is connected through VPC endpoint {connection.EndpointId} ({(connection.Created ? "created now" : "existing")})."));
    }

    private static void Line(CliConsole console, string label, string? value) =>
        console.Out.WriteLine(SafeText.OneLine($"{label + ":",-12}{value}"));

    private static void Write(CliConsole console, JsonObject value) => console.Out.WriteLine(value.ToJsonString());

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
