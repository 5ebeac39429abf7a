namespace FleetGen.Testing;

/// <summary>
/// Which published reading of the models the fake answers with. The sources disagree; a client must accept all of them.
/// </summary>
public enum FakeUcsModelVariant
{
    /// <summary>
    /// The official SDKs and the Huawei Cloud pages: <c>extendparam</c> a string, <c>generation</c> a string, Go's time
    /// format, the zero time for an unknown transition, EnableFederation <c>{}</c>, DisableFederation an empty body,
    /// RollbackFederation the job id and a message, a kubeconfig's <c>insecure-skip-tls-verify</c> a string.
    /// </summary>
    HuaweiCloud,

    /// <summary>
    /// The Open Telekom Cloud edition: <c>extendParam</c> a map, <c>generation</c> an integer, RFC 3339 times,
    /// DisableFederation the JSON string <c>""</c>, RollbackFederation <c>{}</c>, a kubeconfig's
    /// <c>insecure-skip-tls-verify</c> a boolean.
    /// </summary>
    OpenTelekomCloud,

    /// <summary>
    /// The lower-case spellings of older pages (<c>federationuid</c>, <c>subjobs</c>, <c>completiontime</c>,
    /// <c>starttime</c>); DisableFederation answers plain text, RollbackFederation an empty body.
    /// </summary>
    LowerCase,
}
