using System.Diagnostics;
using FleetGen.Client;
using FleetGen.Client.Authentication;
using FleetGen.Client.Models;

namespace FleetGen.Benchmarks;

/// <summary>The first call in a fresh process, setup included: one contestant per process, timed inside it.</summary>
internal static class ColdStart
{
    public static async Task<int> RunAsync(string contestant)
    {
        // The answer is made before the clock starts (it generates certificates, which loads the platform's crypto:
        // FleetGen's first certificate check starts with that library loaded).
        var answer = DocumentedBodies.Response;
        var watch = Stopwatch.StartNew();
        var endpoint = new Uri("https://ucs.myhuaweicloud.com");
        if (contestant == "floor")
        {
            using var http = new HttpClient(new CannedHandler(answer)) { BaseAddress = endpoint };
            await new FloorClient(http).CreateFederationCertAsync(DocumentedBodies.FleetId,
                new FloorRequest(DocumentedBodies.ProjectId, DocumentedBodies.VpcId, DocumentedBodies.SubnetId, DocumentedBodies.Duration)).ConfigureAwait(false);
        }
        else
        {
            using var client = new FleetClient(new FleetClientOptions { Endpoint = endpoint, Credentials = new TokenCredentials("cold"), Transport = new CannedHandler(answer) });
            await client.Federation.CreateFederationCertAsync(DocumentedBodies.FleetId, new CreateFederationCertRequestBody
            {
                ProjectID = DocumentedBodies.ProjectId,
                VpcID = DocumentedBodies.VpcId,
                SubnetID = DocumentedBodies.SubnetId,
                Duration = DocumentedBodies.Duration,
            }).ConfigureAwait(false);
        }

        Console.WriteLine(watch.Elapsed.TotalMicroseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }
}
