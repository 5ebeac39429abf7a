using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
            Write(
                console,
                new FleetJson(
                    fleetId,
                    condition is null ? null : new FederationConditionJson(condition.Status, condition.Reason, condition.Message),
                    Blank(fleet.Spec?.FederationVersion),
                    Time(fleet.Spec?.GetFederationExpiration()),
                    endpoints.Select(e => new EndpointJson(e.Id, e.Type, e.Name, e.Region)).ToList(),
                    Blank(fleet.Metadata?.Name),
                    Blank(fleet.Spec?.Description),
                    fleet.Spec?.ClusterIds ?? []),
                CliJsonContext.Default.FleetJson);
            return;
        }

        Line(console, "Fleet", fleetId);
        if (Blank(fleet.Metadata?.Name) is { } name)
        {
            Line(console, "Name", name);
        }

        if (Blank(fleet.Spec?.Description) is { } description)
        {
            Line(console, "Description", description);
        }

        Line(console, "Federation", condition is null ? "not enabled" : $"{condition.Status}{(string.IsNullOrEmpty(condition.Message) ? string.Empty : $" ({condition.Message})")}");
        Line(console, "Version", Blank(fleet.Spec?.FederationVersion) ?? "-");
        Line(console, "Expires", Time(fleet.Spec?.GetFederationExpiration()) ?? "-");
        Line(console, "Endpoints", endpoints.Count == 0 ? "none" : string.Join(", ", endpoints.Select(e => $"{e.Id} ({e.Type}, {e.Name}, {e.Region})")));
        if (fleet.Spec?.ClusterIds is { Count: > 0 } clusters)
        {
            Line(console, "Clusters", string.Join(", ", clusters));
        }
    }

    public static void Job(string fleetId, Job? job, bool json, CliConsole console)
    {
        var subJobs = job?.Spec?.GetSubJobs() ?? [];
        if (json)
        {
            var report = job is null ? null : new JobJson(
                job.Metadata?.Uid,
                job.Spec?.Type,
                job.Status?.Phase,
                Blank(job.Status?.Reason),
                Time(job.Status?.GetStartTime()),
                Time(job.Status?.GetCompletionTime()),
                subJobs.Select(s => new SubJobJson(s.Spec?.Type, Blank(s.Status?.Phase), Blank(s.Status?.Reason))).ToList());
            Write(console, new JobReportJson(fleetId, report), CliJsonContext.Default.JobReportJson);
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
            Write(console, new NoJobJson(fleetId, null, new FederationStatusJson(federationStatus)), CliJsonContext.Default.NoJobJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Fleet {fleetId} has no federation job; its federation is {federationStatus}."));
    }

    public static void Started(string fleetId, string jobType, string? jobId, bool json, CliConsole console, CliHints hints)
    {
        if (json)
        {
            Write(console, new StartedJson(fleetId, jobType, jobId), CliJsonContext.Default.StartedJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Started {jobType} for fleet {fleetId}{(jobId is null ? string.Empty : $" (job {jobId})")}."));
        console.Out.WriteLine(SafeText.OneLine($"Follow it with: {hints.Command("federation wait", fleetId)}"));
    }

    public static void Connection(string fleetId, FederationConnectionResult connection, bool json, CliConsole console)
    {
        if (json)
        {
            Write(console, new ConnectionJson(fleetId, connection.EndpointId, connection.Created), CliJsonContext.Default.ConnectionJson);
            return;
        }

        console.Out.WriteLine(SafeText.OneLine($"Fleet {fleetId} is connected through VPC endpoint {connection.EndpointId} ({(connection.Created ? "created now" : "existing")})."));
    }

    public static void Line(CliConsole console, string label, string? value) =>
        console.Out.WriteLine(SafeText.OneLine($"{label + ":",-12}{value}"));

    public static void Write<T>(CliConsole console, T value, JsonTypeInfo<T> type) => console.Out.WriteLine(JsonSerializer.Serialize(value, type));

    public static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
