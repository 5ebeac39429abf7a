using FleetGen.Client.Authentication;
using FleetGen.Client.Credentials;
using FleetGen.Client.KubeconfigFiles;
using FleetGen.Client.Tests.Lifecycle;
using FleetGen.Client.Validation;

namespace FleetGen.Client.Tests.Client;

/// <summary>
/// One hierarchy: a failure the service reports is a <see cref="UcsApiException"/>; a local problem is one of the
/// standard .NET types (bad arguments and options, files, the client's own time-out, cancellation).
/// </summary>
public sealed class ExceptionHierarchyTests
{
    private static readonly Type[] AllowedBases =
        [typeof(UcsApiException), typeof(ArgumentException), typeof(IOException), typeof(InvalidOperationException), typeof(TimeoutException), typeof(OperationCanceledException)];

    [Fact]
    public void Every_public_exception_of_the_client_is_a_UcsApiException_or_a_standard_local_one()
    {
        var exceptions = typeof(FleetClient).Assembly.GetExportedTypes().Where(t => t.IsAssignableTo(typeof(Exception)) && t != typeof(UcsApiException)).ToList();

        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, type => Assert.Contains(AllowedBases, b => type.IsAssignableTo(b)));
    }

    [Theory]
    [InlineData(typeof(FederationJobFailedException), typeof(UcsApiException))]
    [InlineData(typeof(FederationStateException), typeof(UcsApiException))]
    [InlineData(typeof(FleetValidationException), typeof(ArgumentException))]
    [InlineData(typeof(FleetClientOptionsException), typeof(ArgumentException))]
    [InlineData(typeof(KubeconfigException), typeof(IOException))]
    [InlineData(typeof(FederationCredentialCacheException), typeof(IOException))]
    [InlineData(typeof(FleetCredentialsException), typeof(InvalidOperationException))]
    [InlineData(typeof(FederationWaitTimeoutException), typeof(TimeoutException))]
    public void Each_exception_has_its_documented_base(Type exception, Type expectedBase)
    {
        Assert.True(exception.IsAssignableTo(expectedBase), $"{exception.Name} should derive from {expectedBase.Name}");
        Assert.False(expectedBase != typeof(UcsApiException) && exception.IsAssignableTo(typeof(UcsApiException)), $"{exception.Name} is a local problem, not a service failure");
    }

    [Fact]
    public async Task Catching_UcsApiException_catches_a_failed_job_and_a_wrong_state()
    {
        await using var fixture = await LifecycleFixture.StartAsync();
        fixture.Server.AddFleet("fleet-new", federationEnabled: false);
        fixture.Server.FailNextJob("CreateCert", "certificate quota exceeded");
        var enable = await fixture.Client.StartEnableFederationAsync("fleet-new");

        var failedJob = await CaughtAsUcsApiException(() => enable.WaitForCompletionAsync(LifecycleFixture.Wait()));
        fixture.Server.AddFleet("fleet-plain", federationEnabled: false);
        var wrongState = await CaughtAsUcsApiException(() => fixture.Client.GetFederationKubeconfigAsync("fleet-plain", 7, "p", "v", "s"));

        var failed = Assert.IsType<FederationJobFailedException>(failedJob);
        var state = Assert.IsType<FederationStateException>(wrongState);
        Assert.Equal((200, "certificate quota exceeded"), (failed.StatusCode, failed.Reason));
        Assert.Equal((200, null, "fleet-plain"), (state.StatusCode, state.FederationStatus, state.FleetId));
        Assert.Contains("has no federation", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_state_found_from_an_error_answer_keeps_its_status_code_and_request_id()
    {
        var answer = new UcsApiException(400, UcsErrorCodes.ClusterGroupNotFederated, "not federated", "req-42");

        var state = new FederationStateException("fleet-1", "Creating", "The federation of fleet fleet-1 is being created (Creating).", answer);

        Assert.Equal((400, UcsErrorCodes.ClusterGroupNotFederated, "req-42"), (state.StatusCode, state.ErrorCode, state.RequestId));
        Assert.Same(answer, state.InnerException);
        Assert.Equal("The federation of fleet fleet-1 is being created (Creating).", state.Message);
    }

    private static async Task<UcsApiException> CaughtAsUcsApiException(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (UcsApiException e)
        {
            return e;
        }

        Assert.Fail("Nothing was thrown.");
        return null!;
    }
}
