using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FleetGen.Client.Tests.DependencyInjection;

/// <summary>Keeps every log line at every level: category, level, event id, message and the values of its template.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> logs = new();

    public IReadOnlyList<RecordedLog> Logs => logs.ToArray();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<RecordedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            logs.Enqueue(new RecordedLog(category, logLevel, eventId.Id, formatter(state, exception), values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value as string, exception?.ToString()));
        }
    }
}

internal sealed record RecordedLog(string Category, LogLevel Level, int EventId, string Message, string? Template, string? Exception);
