using FleetGen.Client.Validation;

namespace FleetGen.Client.Runtime;

/// <summary>Where a parameter travels.</summary>
public enum ParameterLocation
{
    /// <summary>A segment of the path template.</summary>
    Path,

    /// <summary>A query string parameter.</summary>
    Query,

    /// <summary>A request header.</summary>
    Header,
}

/// <summary>A parameter of an operation, by its name in the contract, with the name the façade gives it (<c>fleetId</c>).</summary>
/// <param name="Name">The name in the contract (<c>cluster_group_id</c>).</param>
/// <param name="Location">Where it travels.</param>
/// <param name="Required">The contract requires it.</param>
/// <param name="Schema">The rules its value is checked against before sending.</param>
/// <param name="FacadeName">The name of the façade method's parameter (<c>fleetId</c>).</param>
public sealed record ContractParameter(string Name, ParameterLocation Location, bool Required, ContractSchema Schema, string FacadeName);
