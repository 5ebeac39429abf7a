using System.Runtime.CompilerServices;
using FleetGen.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit.Sdk;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// One fake UCS server and one client for a class of generated wire tests (a façade group). The tests of a class run
/// one after the other, so the requests a call adds to the server's record are that call's.
/// </summary>
public sealed class OperationWireServer : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private FakeUcsServer? server;
    private FleetClient? client;

    private FakeUcsServer Server => server ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync()
    {
        // The fake's federation jobs move on this clock, so a seed can finish one (a version to roll back to).
        server = await FakeUcsServer.StartAsync(new FakeUcsServerOptions { TimeProvider = clock });
        client = new FleetClient(server.ClientOptions());
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Calls an operation through the façade and checks its request and the answer's status against the contract.</summary>
    public Task CheckAsync(OperationCall call, Func<FleetClient, CancellationToken, Task<FleetResponse>> send, [CallerMemberName] string test = "") =>
        RunAsync(test, call, async (c, t) => (await send(c, t)).Status);

    /// <summary>For an operation whose façade method returns the value alone (a scalar answer): the request is checked, not the status.</summary>
    public Task CheckAsync(OperationCall call, Func<FleetClient, CancellationToken, Task> send, [CallerMemberName] string test = "") =>
        RunAsync(test, call, async (c, t) =>
        {
            await send(c, t);
            return null;
        });

    private async Task RunAsync(string test, OperationCall call, Func<FleetClient, CancellationToken, Task<int?>> send)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await OperationSeeds.PrepareAsync(Server, client!, clock, call, timeout.Token);
        var before = Server.Requests.Count;
        var problems = new List<string>();
        try
        {
            var status = await send(client!, timeout.Token);
            if (status is { } answered && !call.SuccessStatuses.Any(s => s == answered.ToString(System.Globalization.CultureInfo.InvariantCulture) || (s == "2XX" && answered is >= 200 and < 300)))
            {
                problems.Add($"answer: status {answered}, the contract documents {string.Join(", ", call.SuccessStatuses)}");
            }
        }
        catch (Exception e)
        {
            problems.Add($"answer: {e.GetType().Name}: {e.Message}");
        }

        var requests = Server.Requests.Skip(before).ToList();
        if (requests.Count != 1)
        {
            problems.Add($"requests: {requests.Count} reached the server, one was expected");
        }

        if (requests.Count > 0)
        {
            problems.AddRange(call.Differences(requests[0], FakeUcsServerOptions.DefaultToken));
        }

        if (KnownWireFindings.Explain(test, problems))
        {
            return;
        }

        if (KnownWireFindings.Of(test) is { } known)
        {
            problems.Add($"(the known finding of {test} in KnownWireFindings was: {string.Join(" | ", known)}; delete or update it)");
        }

        if (problems.Count > 0)
        {
            throw new XunitException($"{call.OperationId} differs from the contract:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
    }
}
