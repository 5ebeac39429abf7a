using System.Text.Json;
using FleetGen.Client.Authentication;
using FleetGen.Testing;

namespace FleetGen.FakeServer.Tool;

/// <summary>
/// What fleetgen-fake prints once it listens: in text, one <c>Name: value</c> line each and a line to paste; in JSON,
/// one object on one line. Either way it is the last thing on stdout until the server stops.
/// </summary>
internal sealed record StartupBanner(
    Uri UcsUrl,
    Uri KubernetesUrl,
    Uri AdminUrl,
    string Token,
    string AccessKey,
    string SecretKey,
    IReadOnlyList<SeedFleet> Fleets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StartupBanner Of(FakeUcsServer server, IReadOnlyList<SeedFleet> fleets) => new(
        server.BaseUrl,
        server.Kubernetes.Url,
        server.AdminUrl!,
        FakeUcsServerOptions.DefaultToken,
        FakeUcsServerOptions.DefaultAccessKey,
        FakeUcsServerOptions.DefaultSecretKey,
        fleets);

    /// <summary>fleetgen reads no endpoint from the environment: these go on each command.</summary>
    public IReadOnlyList<string> FleetgenArguments => ["--endpoint", Url(UcsUrl), "--allow-http"];

    public string Export => $"export {FleetCredentials.TokenVariable}={Token}";

    public string ToText() => string.Join(Environment.NewLine,
    [
        $"UCS URL:        {Url(UcsUrl)}",
        $"Kubernetes URL: {Url(KubernetesUrl)}",
        $"Admin API:      {Url(AdminUrl)}",
        $"Token:          {Token}",
        $"Access key:     {AccessKey}",
        $"Secret key:     {SecretKey}",
        $"Fleets:         {string.Join(", ", Fleets.Select(f => f.Federation ? f.Id : $"{f.Id} (no federation)"))}",
        $"fleetgen flags: {string.Join(' ', FleetgenArguments)}",
        "Paste into your shell:",
        Export,
        "Ready; Ctrl+C or SIGTERM stops it.",
    ]);

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            ucsUrl = Url(UcsUrl),
            kubernetesUrl = Url(KubernetesUrl),
            adminUrl = Url(AdminUrl),
            token = Token,
            accessKey = AccessKey,
            secretKey = SecretKey,
            fleets = Fleets,
            environment = new Dictionary<string, string> { [FleetCredentials.TokenVariable] = Token },
            export = Export,
            fleetgenArguments = FleetgenArguments,
        },
        Json);

    private static string Url(Uri url) => url.ToString().TrimEnd('/');
}
