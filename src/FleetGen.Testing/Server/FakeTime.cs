using System.Globalization;

namespace FleetGen.Testing.Server;

/// <summary>The time spelling of the platform answers' examples: RFC 3339 in UTC to the second.</summary>
internal static class FakeTime
{
    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
