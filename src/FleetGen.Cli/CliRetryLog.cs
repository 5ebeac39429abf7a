using FleetGen.Client;
using Microsoft.Extensions.Logging;

namespace FleetGen.Cli;

/// <summary>
/// The client's own log, shown on stderr from Information up: a line before each retry wait and a warning when
/// retries run out, so a slow or failing endpoint never keeps the user waiting in silence.
/// </summary>
internal sealed class CliRetryLog(CliConsole console) : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        if (logLevel >= LogLevel.Warning)
        {
            console.WarningLine(formatter(state, exception));
        }
        else
        {
            console.Error.WriteLine($"fleetgen: {SafeText.OneLine(formatter(state, exception))}");
        }
    }

    public void Dispose()
    {
    }
}
