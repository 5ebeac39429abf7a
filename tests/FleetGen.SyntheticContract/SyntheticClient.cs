using FleetGen.Client;
using FleetGen.Tests.Contracts;

namespace FleetGen.Synthetic;

/// <summary>The client of the synthetic contract: its operations are generated (SyntheticClient.Operations.g.cs), the base gives them the engine.</summary>
public partial class SyntheticClient(FleetClientOptions options) : ContractClientBase(options);
