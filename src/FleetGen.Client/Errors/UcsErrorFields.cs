namespace FleetGen.Client;

/// <summary>The fields of a UCS error body, whichever of its shapes the service used; blank fields are <c>null</c>.</summary>
internal sealed record UcsErrorFields(string? Code, string? Message, string? RequestId, string? EncodedAuthorizationMessage);
