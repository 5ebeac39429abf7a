using FleetGen.Client;
using FleetGen.Client.Models;

namespace FleetGen.Testing.Sample;

/// <summary>
/// A team's own members on FleetGen's models. The models' partial classes can only be extended inside the FleetGen
/// repository; from outside, C# 14 extension members (or plain extension methods) do it.
/// </summary>
public static class FleetModelExtensions
{
    extension(ClusterGroup fleet)
    {
        /// <summary>Whether the fleet's federation is reachable through a VPC endpoint.</summary>
        public bool IsConnected => fleet.GetFederationCondition()?.Status == FederationStatus.Connected;
    }
}
