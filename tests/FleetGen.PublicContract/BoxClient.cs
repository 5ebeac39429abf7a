using FleetGen.Client;
using FleetGen.Tests.Contracts;

namespace FleetGen.PublicContract;

/// <summary>The client of the public Box contract: its operations are generated (BoxClient.Operations.g.cs), the base gives them the engine.</summary>
public partial class BoxClient(FleetClientOptions options) : ContractClientBase(options);
