using FleetGen.Client;
using FleetGen.Client.Runtime;

namespace FleetGen.Synthetic;

/// <summary>The client of the synthetic contract: its operation groups are generated (SyntheticClient.*.g.cs); FleetGen's public runtime gives them the engine.</summary>
public partial class SyntheticClient(FleetClientOptions options) : FleetClientBase(options);
