using System.Security.Cryptography;
using System.Text;
using FleetGen.Client.Authentication;

namespace FleetGen.Client.Tests.Authentication;

/// <summary>The published SDK-HMAC-SHA256 test vectors, reproduced exactly.</summary>
public sealed class AkSkSignerVectorTests
{
    [Fact]
    public void Vector_A_signing_guide_worked_example()
    {
        var uri = new Uri("https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0");
        KeyValuePair<string, string>[] headers =
        [
            new("Content-Type", "application/json"),
            new("Host", "service.region.example.com"),
            new("X-Sdk-Date", "20191115T033655Z"),
        ];

        var canonical = AkSkSigner.CanonicalRequest("GET", uri, headers, []);
        var authorization = AkSkSigner.Authorization("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", "GET", uri, headers, []);

        Assert.Equal(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n" +
            "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n" +
            "content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonical);
        Assert.Equal("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        Assert.Equal(
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            authorization);
    }

    [Theory]
    [InlineData("GET", "", "cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842")]
    [InlineData("POST", """{"name":"test","id":1}""", "436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f")]
    public void Vectors_C1_and_C2_sdk_signer_tests(string method, string body, string signature)
    {
        var uri = new Uri("https://service.endpoint.myhuaweicloud.com/resources?size=1");
        KeyValuePair<string, string>[] headers =
        [
            new("X-Sdk-Date", "20200608T023900Z"),
            new("TEST_UNDERSCORE", "TEST_VALUE"),
            new("Host", "service.endpoint.myhuaweicloud.com"),
        ];

        var authorization = AkSkSigner.Authorization("AccessKey", "SecretKey", method, uri, headers, Encoding.UTF8.GetBytes(body));

        Assert.Equal($"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature={signature}", authorization);
    }

    [Theory]
    [InlineData("fleet-1", "fleet-1")]
    [InlineData("a/b c", "a%2Fb%20c")]
    [InlineData("é?#%", "%C3%A9%3F%23%25")]
    [InlineData("~-_.", "~-_.")]
    public void Encoding_keeps_unreserved_characters_and_upper_case_escapes_the_rest(string text, string encoded)
    {
        Assert.Equal(encoded, AkSkSigner.Encode(text));
    }

    [Fact]
    public void Date_is_utc_in_the_compact_format()
    {
        Assert.Equal("20191115T033655Z", AkSkSigner.FormatDate(new DateTimeOffset(2019, 11, 15, 11, 36, 55, TimeSpan.FromHours(8))));
    }
}
