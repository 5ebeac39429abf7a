using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using FleetGen.Client.Authentication;

namespace FleetGen.Benchmarks;

/// <summary>
/// The platform crypto one AK/SK signature cannot do without, alone: SHA-256 of the documented request body and of its
/// canonical request, and HMAC-SHA256 of the string to sign, as the client does it.
/// </summary>
[MemoryDiagnoser]
public class SigningCryptoBenchmarks
{
    private readonly byte[] key = "bench-secret"u8.ToArray();
    private byte[] body = null!;
    private byte[] canonical = null!;
    private byte[] stringToSign = null!;

    [GlobalSetup]
    public void Setup()
    {
        body = Encoding.UTF8.GetBytes($$"""{"duration":{{DocumentedBodies.Duration}},"projectID":"{{DocumentedBodies.ProjectId}}","subnetID":"{{DocumentedBodies.SubnetId}}","vpcID":"{{DocumentedBodies.VpcId}}"}""");
        var date = AkSkSigner.FormatDate(DateTimeOffset.UtcNow);
        canonical = Encoding.UTF8.GetBytes(AkSkSigner.CanonicalRequest(
            "POST",
            new Uri($"https://ucs.myhuaweicloud.com/v1/clustergroups/{DocumentedBodies.FleetId}/cert"),
            [new("Host", "ucs.myhuaweicloud.com"), new("X-Domain-Id", "domain-1"), new(AkSkSigner.DateHeader, date)],
            body));
        stringToSign = Encoding.UTF8.GetBytes($"SDK-HMAC-SHA256\n{date}\n{Convert.ToHexStringLower(SHA256.HashData(canonical))}");
    }

    [Benchmark(Description = "AK/SK platform crypto alone: 2x SHA-256, 1 HMAC-SHA256")]
    public byte[] SigningCrypto()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        SHA256.HashData(canonical, hash);
        return HMACSHA256.HashData(key, stringToSign);
    }
}
