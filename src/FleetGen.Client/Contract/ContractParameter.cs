using FleetGen.Client.Validation;

namespace FleetGen.Client.Contract;

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A parameter of an operation, by its name in the contract, with the name the façade gives it (<c>fleetId</c>).</summary>
internal sealed record ContractParameter(string Name, ParameterLocation Location, bool Required, ContractSchema Schema, string FacadeName);
