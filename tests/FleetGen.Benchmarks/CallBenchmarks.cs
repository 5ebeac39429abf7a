using BenchmarkDotNet.Attributes;
using FleetGen.Client;
using FleetGen.Client.Http;
using FleetGen.Client.Models;
using FleetGen.Client.Runtime;

namespace FleetGen.Benchmarks;

/// <summary>One CreateFederationCert call with the documented bodies through an in-process canned handler.</summary>
[MemoryDiagnoser]
public class CallBenchmarks
{
    private CannedContestants contestants = null!;
    private FloorClient floor = null!;
    private UcsApiClient plainKiota = null!;
    private FleetClient token = null!;
    private FleetClient aksk = null!;

    [GlobalSetup]
    public void Setup()
    {
        contestants = new CannedContestants(DocumentedBodies.Response);
        (floor, plainKiota, token, aksk) = (contestants.Floor, contestants.PlainKiota, contestants.Token, contestants.AkSk);

        ResultCheck.SameKubeconfig(Floor().GetAwaiter().GetResult(), PlainKiota().GetAwaiter().GetResult()!, "plain Kiota");
        ResultCheck.SameKubeconfig(Floor().GetAwaiter().GetResult(), PlainKiotaChecked().GetAwaiter().GetResult(), "plain Kiota with the kubeconfig checks");
        ResultCheck.SameKubeconfig(Floor().GetAwaiter().GetResult(), FleetGenToken().GetAwaiter().GetResult(), "FleetGen token");
        ResultCheck.SameKubeconfig(Floor().GetAwaiter().GetResult(), FleetGenAkSk().GetAwaiter().GetResult(), "FleetGen AK/SK");
    }

    [GlobalCleanup]
    public void Cleanup() => contestants.Dispose();

    [Benchmark(Baseline = true, Description = "floor: HttpClient + STJ source generation")]
    public Task<FloorKubeconfig> Floor() =>
        floor.CreateFederationCertAsync(DocumentedBodies.FleetId, new FloorRequest(DocumentedBodies.ProjectId, DocumentedBodies.VpcId, DocumentedBodies.SubnetId, DocumentedBodies.Duration));

    [Benchmark(Description = "plain Kiota client (KiotaClientFactory defaults)")]
    public Task<Kubeconfig?> PlainKiota() => plainKiota.V1.Clustergroups[DocumentedBodies.FleetId].Cert.PostAsync(Request());

    /// <summary>The plain Kiota client followed by the checks FleetGen's CreateFederationCert hook runs on every answer: the like-for-like baseline of the engine.</summary>
    [Benchmark(Description = "plain Kiota client + FleetGen's kubeconfig checks")]
    public async Task<Kubeconfig> PlainKiotaChecked()
    {
        var config = await plainKiota.V1.Clustergroups[DocumentedBodies.FleetId].Cert.PostAsync(Request()).ConfigureAwait(false);
        var answer = new FleetAnswer<Kubeconfig>(201, null, DocumentedBodies.Response, SecretRedactor.For()) { Value = config! };
        return FederationKubeconfigAnswer.Checked(answer, DocumentedBodies.FleetId, TimeProvider.System.GetUtcNow());
    }

    [Benchmark(Description = "FleetGen client, token")]
    public Task<Kubeconfig> FleetGenToken() => token.Federation.CreateFederationCertAsync(DocumentedBodies.FleetId, Request());

    [Benchmark(Description = "FleetGen client, AK/SK")]
    public Task<Kubeconfig> FleetGenAkSk() => aksk.Federation.CreateFederationCertAsync(DocumentedBodies.FleetId, Request());

    private static CreateFederationCertRequestBody Request() => new()
    {
        ProjectID = DocumentedBodies.ProjectId,
        VpcID = DocumentedBodies.VpcId,
        SubnetID = DocumentedBodies.SubnetId,
        Duration = DocumentedBodies.Duration,
    };
}
