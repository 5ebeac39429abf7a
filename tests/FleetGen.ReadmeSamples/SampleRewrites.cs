using System.Text.RegularExpressions;

namespace FleetGen.ReadmeSamples;

/// <summary>
/// What is changed in a sample before it runs, and nothing more: placeholders (<c>"&lt;fleet id&gt;"</c>) get values,
/// and the public endpoints (<c>UcsEndpoints.ChineseMainland</c>, <c>.International</c>) become the fake server's
/// address, which is http on 127.0.0.1 and so needs <c>AllowHttp</c> beside it.
/// </summary>
public static partial class SampleRewrites
{
    public static string Apply(string code)
    {
        code = Placeholder().Replace(code, match => match.Groups[1].Value switch
        {
            "fleet id" => "\"fleet-demo\"",
            var other => $"\"sample-{other.Replace(' ', '-')}\"",
        });
        code = LambdaEndpoint().Replace(code, "$1 => { $1.Endpoint = SampleEndpoint; $1.AllowHttp = true; }");
        code = StatementEndpoint().Replace(code, "$1.Endpoint = SampleEndpoint; $1.AllowHttp = true;");
        return InitializerEndpoint().Replace(code, "Endpoint = SampleEndpoint, AllowHttp = true,");
    }

    [GeneratedRegex("\"<([a-z ]+)>\"")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(\w+) => \1\.Endpoint = UcsEndpoints\.\w+")]
    private static partial Regex LambdaEndpoint();

    [GeneratedRegex(@"(\w+)\.Endpoint = UcsEndpoints\.\w+;")]
    private static partial Regex StatementEndpoint();

    [GeneratedRegex(@"Endpoint = UcsEndpoints\.\w+,")]
    private static partial Regex InitializerEndpoint();
}
