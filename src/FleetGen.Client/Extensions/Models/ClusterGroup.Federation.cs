namespace FleetGen.Client.Models;

/// <summary>A fleet, with the facts about its federation at hand.</summary>
public partial class ClusterGroup
{
    /// <summary>The condition of type <see cref="FleetConditionType.Federation"/>; <c>null</c> when federation was never enabled.</summary>
    public Condition? GetFederationCondition() =>
        Status?.Conditions?.FirstOrDefault(c => string.Equals(c.Type, FleetConditionType.Federation, StringComparison.Ordinal));

    /// <summary>The VPC endpoints of the fleet's federation connection; empty when it has none.</summary>
    public IReadOnlyList<ConnectGatewayEndpoint> GetConnectionEndpoints() =>
        Spec?.ConnectGatewayEndpoints?.Where(e => !string.IsNullOrEmpty(e.Id)).ToList() ?? [];

    /// <summary>Whether federation can be used: the Federation condition is <see cref="FederationStatus.Available"/> or <see cref="FederationStatus.Connected"/>.</summary>
    public bool IsFederationReady() =>
        GetFederationCondition()?.Status is FederationStatus.Available or FederationStatus.Connected;
}

/// <summary>A fleet's settings.</summary>
public partial class ClusterGroupSpec
{
    /// <summary>When the federation expires; <c>null</c> when unknown.</summary>
    public DateTimeOffset? GetFederationExpiration() => UcsTime.Read(FederationExpirationTimestamp);
}

/// <summary>A condition of a fleet.</summary>
public partial class Condition
{
    /// <summary>When the condition last changed; <c>null</c> for the zero time (<c>0001-01-01T00:00:00Z</c>), which means unknown.</summary>
    public DateTimeOffset? GetLastTransitionTime() => UcsTime.Read(LastTransitionTime);
}
