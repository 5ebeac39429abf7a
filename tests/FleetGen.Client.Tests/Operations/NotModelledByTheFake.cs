using FleetGen.Testing;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// The one non-success the wire tests accept: the fake answers an operation whose behaviour it does not model yet
/// with 501 "Not modelled by the fake." (its request is still checked). Delete this file, and its use in
/// <see cref="OperationWireServer"/>, once the fake models every operation: then every answer must be a success.
/// </summary>
internal static class NotModelledByTheFake
{
    public static bool Allows(UcsApiException exception) =>
        exception.StatusCode == 501 && exception.ErrorMessage == "Not modelled by the fake.";
}
