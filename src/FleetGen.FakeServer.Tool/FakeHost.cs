using System.Runtime.InteropServices;
using FleetGen.Testing;

namespace FleetGen.FakeServer.Tool;

/// <summary>Runs the fake with its admin API until Ctrl+C or SIGTERM, then stops it and ends with exit 0.</summary>
internal static class FakeHost
{
    public static async Task<int> RunAsync(int port, IReadOnlyList<SeedFleet> fleets, bool json, TextWriter output, TextWriter error)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var options = new FakeUcsServerOptions { Port = port, AdminApi = true };
        options.Fleets.Clear();
        foreach (var fleet in fleets.Where(f => f.Federation))
        {
            options.Fleets.Add(fleet.Id);
        }

        FakeUcsServer server;
        try
        {
            server = await FakeUcsServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"fleetgen-fake: error: cannot listen on 127.0.0.1:{port}: {e.Message} (--port 0 picks a free port)").ConfigureAwait(false);
            return ExitCodes.CannotStart;
        }

        await using (server.ConfigureAwait(false))
        {
            // Before the banner: a client that waits for it finds every fleet.
            foreach (var fleet in fleets.Where(f => !f.Federation))
            {
                server.AddFleet(fleet.Id, federationEnabled: false);
            }

            var banner = StartupBanner.Of(server, fleets);
            await output.WriteLineAsync(json ? banner.ToJson() : banner.ToText()).ConfigureAwait(false);
            await output.FlushAsync().ConfigureAwait(false);
            await stop.Task.ConfigureAwait(false);
        }

        await error.WriteLineAsync("fleetgen-fake: stopped.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
