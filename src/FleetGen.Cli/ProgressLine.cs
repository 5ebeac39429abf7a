namespace FleetGen.Cli;

/// <summary>A spinner with a message on stderr, shown only when stderr is a terminal, so that pipes and logs stay clean.</summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private const string Frames = "|/-\\";
    private readonly CancellationTokenSource stop = new();
    private readonly Task? spinner;
    private readonly string message;

    public ProgressLine(string message, TextWriter error, bool isTerminal)
    {
        this.message = message;
        if (isTerminal)
        {
            spinner = SpinAsync(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        if (spinner is not null)
        {
            await spinner.ConfigureAwait(false);
        }

        stop.Dispose();
    }

    private async Task SpinAsync(TextWriter error)
    {
        var frame = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await error.WriteAsync($"\r{Frames[frame++ % Frames.Length]} {message}").ConfigureAwait(false);
                await Task.Delay(100, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await error.WriteAsync("\r" + new string(' ', message.Length + 2) + "\r").ConfigureAwait(false);
    }
}
