using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>What the platform operations (permissions, policies, GitOps, add-ons, traffic, quota) share.</summary>
internal sealed partial class FakeUcsController
{
    private FakePlatformState Platform => state.Platform;

    /// <summary>Whether the fake knows the cluster: the one place the platform operations ask.</summary>
    private bool ClusterKnown(string clusterId) => state.HasCluster(clusterId);

    /// <summary>The clusters the account has, for ShowQuota's used count.</summary>
    private long ClusterCount() => state.WithInventory(inventory => inventory.Clusters().Count);

    /// <summary>The answer with <paramref name="status"/>, or the refusal.</summary>
    private static Task<ActionResult<T>> Reply<T>(FakeOutcome<T> outcome, int status = 200)
        where T : class => Reply<T, T>(outcome, status);

    /// <summary>The answer (of another type than the operation declares, such as the JSON of a rule list) with <paramref name="status"/>, or the refusal.</summary>
    private static Task<ActionResult<TDeclared>> Reply<TDeclared, T>(FakeOutcome<T> outcome, int status = 200)
        where T : class =>
        Task.FromResult<ActionResult<TDeclared>>(outcome.Refusal is { } refused ? Refused(refused) : new ObjectResult(outcome.Value) { StatusCode = status });

    /// <summary>The refusal, or 200 with <paramref name="answer"/> (an operation that documents no answer body).</summary>
    private static Task<ActionResult<T>> Done<T>(FakeRefusal? refusal, JsonNode answer) =>
        Task.FromResult<ActionResult<T>>(refusal is { } refused ? Refused(refused) : Json(200, answer));

    private static Task<ActionResult<T>> Refuse<T>(FakeRefusal refusal) => Task.FromResult<ActionResult<T>>(Refused(refusal));

    private static ContentResult Refused(FakeRefusal refusal) => Error(refusal.Status, refusal.Code, refusal.Message);
}
