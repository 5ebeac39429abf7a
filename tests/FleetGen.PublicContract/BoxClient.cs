using FleetGen.Client;
using FleetGen.Client.Runtime;

namespace FleetGen.PublicContract;

/// <summary>The client of the public Box contract: its operation groups are generated (BoxClient.*.g.cs); FleetGen's public runtime gives them the engine.</summary>
public partial class BoxClient(FleetClientOptions options) : FleetClientBase(options);
