using FleetGen.Testing;

// Runs the fake UCS server until the process is stopped (Ctrl+C, SIGTERM): the fake does not take over those signals,
// so they end this process as they end any other.
var server = await FakeUcsServer.StartAsync();
Console.WriteLine($"Fake UCS server: {server.BaseUrl}");
Console.WriteLine($"Token: UCS_AUTH_TOKEN={FakeUcsServerOptions.DefaultToken}; fleet: {FakeUcsServerOptions.DefaultFleet}");
await Task.Delay(Timeout.Infinite);
