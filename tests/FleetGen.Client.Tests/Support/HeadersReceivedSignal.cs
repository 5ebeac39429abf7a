namespace FleetGen.Client.Tests.Support;

/// <summary>A transport (sockets, no redirects) that completes <see cref="Task"/> when the first answer's headers have arrived.</summary>
internal sealed class HeadersReceivedSignal() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    private readonly TaskCompletionSource received = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => received.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        received.TrySetResult();
        return response;
    }
}
