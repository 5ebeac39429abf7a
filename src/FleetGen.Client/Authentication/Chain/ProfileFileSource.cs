using Microsoft.Extensions.Configuration;

namespace FleetGen.Client.Authentication;

/// <summary>
/// The official SDKs' profile file (INI): <see cref="DefaultCredentialChainOptions.ProfilePath"/>, else
/// <c>$HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>, else <c>~/.huaweicloud/credentials</c>. The section of a global service is
/// <c>[global]</c>; <c>[globalcredentials]</c>, which the Python and .NET SDKs look for, is read when it is absent.
/// Keys: <c>ak</c>, <c>sk</c>, <c>security_token</c>, <c>domain_id</c>, <c>iam_endpoint</c>, <c>idp_id</c>, <c>id_token_file</c>.
/// </summary>
internal sealed class ProfileFileSource(ChainContext context) : CredentialSource
{
    private static readonly string[] Sections = ["global", "globalcredentials"];

    public override string Name => $"profile file {Path()}";

    public override async Task<SourceOutcome> FetchAsync(CancellationToken cancellationToken)
    {
        var path = Path();
        var (text, problem) = await ChainFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            // The source's name holds the path already.
            return SourceOutcome.Nothing(problem!.StartsWith(path + " ", StringComparison.Ordinal) ? problem[(path.Length + 1)..] : problem);
        }

        IConfigurationRoot ini;
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            ini = new ConfigurationBuilder().AddIniStream(stream).Build();
        }
        catch (FormatException)
        {
            // The parser's message quotes the offending line, which may hold a key: it is not shown.
            return SourceOutcome.Nothing("is not an INI file (each line must be a [section], a key = value pair or a ; comment, and no key twice in a section)");
        }

        if (Sections.Select(ini.GetSection).FirstOrDefault(s => s.GetChildren().Any()) is not { } section)
        {
            return SourceOutcome.Nothing("has no [global] (or [globalcredentials]) section");
        }

        var origin = $"the profile file {path} [{section.Key}]";
        string? Value(string key) => section[key] is { } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        var values = new[] { "ak", "sk", "security_token", "domain_id", "idp_id" }.ToDictionary(k => k, Value);
        foreach (var (key, value) in values)
        {
            if (value is not null && CredentialValue.Problem(value) is { } bad)
            {
                return SourceOutcome.Nothing($"[{section.Key}] {key} {bad}");
            }
        }

        var (iam, iamProblem) = context.Iam(Value("iam_endpoint"), $"[{section.Key}] iam_endpoint");
        if (iam is null)
        {
            return SourceOutcome.Nothing(iamProblem!);
        }

        var idTokenFile = Value("id_token_file");
        if (values["idp_id"] is { } idp && idTokenFile is not null)
        {
            return await context.Oidc.ExchangeAsync(idp, idTokenFile, values["domain_id"], iam, origin, cancellationToken).ConfigureAwait(false);
        }

        if (values["ak"] is { } ak && values["sk"] is { } sk)
        {
            return SourceOutcome.Found(new SourceCredential(new AkSkCredentials(ak, sk, values["security_token"], values["domain_id"]), null, iam, origin));
        }

        return SourceOutcome.Nothing(
            values["ak"] is not null || values["sk"] is not null ? $"[{section.Key}] has only {(values["ak"] is null ? "sk" : "ak")}; AK/SK signing needs both"
            : values["idp_id"] is not null || idTokenFile is not null ? $"[{section.Key}] has only {(idTokenFile is null ? "idp_id" : "id_token_file")}; OIDC needs both idp_id and id_token_file"
            : $"[{section.Key}] has neither ak/sk nor idp_id/id_token_file");
    }

    private string Path() =>
        context.Options.ProfilePath
        ?? context.Variable(ChainContext.CredentialsFileVariable)
        ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".huaweicloud", "credentials");
}
