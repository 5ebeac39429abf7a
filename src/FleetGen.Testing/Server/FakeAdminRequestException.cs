namespace FleetGen.Testing.Server;

/// <summary>An admin API body that cannot be carried out: 400 with the message and the field at fault.</summary>
internal sealed class FakeAdminRequestException(string? field, string message) : Exception(message)
{
    public string? Field { get; } = field;
}
