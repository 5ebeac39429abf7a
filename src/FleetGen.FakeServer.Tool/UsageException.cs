namespace FleetGen.FakeServer.Tool;

/// <summary>Bad input on the command line or in the seed file, found before anything listens: exit 2 with the message.</summary>
internal sealed class UsageException(string message) : Exception(message);
