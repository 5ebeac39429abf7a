using System.Reflection;
using System.Text;
using FleetGen.Client.Authentication;
using FleetGen.Client.Tests.Support;
using FleetGen.Client.Validation;
using FleetGen.Synthetic;
using FleetGen.Synthetic.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Abstractions;

namespace FleetGen.Client.Tests.Generation;

/// <summary>
/// The constructs of synthetic.yaml beyond plain JSON (a polymorphic body, form, multipart, binary and text bodies and
/// answers, a default response, a deprecated operation, an operation without id), generated, compiled and called
/// against Kestrel, which checks the wire; and each validation keyword refusing before anything is sent.
/// </summary>
public sealed class SyntheticConstructsTests
{
    private static readonly Guid PetId = Guid.Parse("0b7e1c52-0000-4000-8000-0000000000aa");

    [Fact]
    public async Task A_polymorphic_body_is_checked_against_the_branch_its_discriminator_selects_and_readOnly_fields_stay_off_the_wire()
    {
        await using var server = await LoopbackServer.StartAsync(201, $$"""{"petType":"cat","id":"{{PetId}}","name":"Tom","lives":7}""");
        using var client = Client(server);
        var cat = new Cat { Name = "Tom", PetType = "cat", Lives = 7, Weight = 4.5, VetEmail = "vet@example.com", AdditionalData = new Dictionary<string, object> { ["id"] = "set-by-the-caller" } };

        var stored = await client.Default.CreatePetAsync(new Pet { Cat = cat });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/pets", "application/json"), (request.Method, request.RawTarget, request.Headers["Content-Type"]));
        Assert.Equal("""{"name":"Tom","petType":"cat","vetEmail":"vet@example.com","lives":7,"weight":4.5}""", request.BodyText);
        Assert.Equal((PetId, 7), (stored.Cat!.Id, stored.Cat.Lives));
    }

    public static TheoryData<string, Pet> PetViolations() => new()
    {
        { "petType: \"bird\" must be one of cat, dog", new Pet { Cat = new Cat { Name = "Tweety", PetType = "bird" } } },
        { "weight: \"4.3\" must be a multiple of 0.5", new Pet { Cat = new Cat { Name = "Tom", PetType = "cat", Weight = 4.3 } } },
        { "lives: \"10\" must be at most 9", new Pet { Cat = new Cat { Name = "Tom", PetType = "cat", Lives = 10 } } },
        { "packSize: \"3\" must be a multiple of 2", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", PackSize = 3 } } },
        { "tricks[2]: \"sit\" must not repeat tricks[0] (the items must be unique)", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", Tricks = ["sit", "roll", "sit"] } } },
        { "vetEmail: \"vet at example.com\" must be a valid email", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", VetEmail = "vet at example.com" } } },
        { "labels: \"0 properties\" must have at least 1 properties", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", Labels = new PetBase_labels() } } },
        { "labels: \"3 properties\" must have at most 2 properties", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", Labels = new PetBase_labels { AdditionalData = new Dictionary<string, object> { ["a"] = "1", ["b"] = "2", ["c"] = "3" } } } } },
        { "nickname: \"Sir Rex the Third\" must match at least one of the contract's anyOf schemas", new Pet { Dog = new Dog { Name = "Rex", PetType = "dog", Nickname = new PetBase.PetBase_nickname { String = "Sir Rex the Third" } } } },
        { "name: is required", new Pet { Dog = new Dog { PetType = "dog" } } },
    };

    [Theory]
    [MemberData(nameof(PetViolations))]
    public async Task A_keyword_the_polymorphic_body_breaks_is_named_by_its_path_and_nothing_is_sent(string violation, Pet pet)
    {
        await using var server = await LoopbackServer.StartAsync(201, "{}");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => client.Default.CreatePetAsync(pet));

        Assert.Contains(violation, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_form_body_goes_out_url_encoded_through_Kiotas_form_serialization_without_its_readOnly_field()
    {
        await using var server = await LoopbackServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var client = Client(server);

        await client.Default.LoginAsync(new LoginForm { Username = "alice", Password = "p@ss word", Remember = true, AdditionalData = new Dictionary<string, object> { ["session"] = "s-1" } });

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/login", "application/x-www-form-urlencoded"), (request.Method, request.RawTarget, request.Headers["Content-Type"]));
        Assert.Equal("password=p%40ss%20word&remember=true&username=alice", request.BodyText);
    }

    [Fact]
    public async Task A_form_body_that_breaks_the_contract_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => client.Default.LoginAsync(new LoginForm { Username = "al" }));

        Assert.Equal(["password: is required", "username: \"al\" must have at least 3 characters"], error.Violations.Select(v => v.ToString()));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_multipart_body_sends_each_part_through_Kiotas_multipart_serialization()
    {
        await using var server = await LoopbackServer.StartAsync(context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var client = Client(server);
        var body = new MultipartBody();
        body.AddOrReplacePart("description", "text/plain", "vaccination");
        body.AddOrReplacePart("file", "application/octet-stream", new MemoryStream([1, 2, 3, 255]), "card.bin");

        await client.Default.UploadDocumentAsync(PetId, body);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/v1/pets/{PetId}/documents"), (request.Method, request.RawTarget));
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        var text = Encoding.Latin1.GetString(request.Body);
        Assert.Contains("Content-Disposition: form-data; name=\"description\"\r\n\r\nvaccination\r\n", text, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"card.bin\"\r\n\r\n\u0001\u0002\u0003\u00ff\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_part_that_breaks_the_contract_or_is_missing_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(204, string.Empty);
        using var client = Client(server);
        var body = new MultipartBody();
        body.AddOrReplacePart("description", "text/plain", "a description that is far too long");

        var error = await Assert.ThrowsAsync<FleetValidationException>(() => client.Default.UploadDocumentAsync(PetId, body));

        Assert.Equal(["description: \"a description that is far too long\" must have at most 20 characters", "file: is required"], error.Violations.Select(v => v.ToString()));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_binary_body_and_a_binary_answer_are_streams_with_their_bytes_unchanged()
    {
        byte[] photo = [0x89, 0x50, 0x4E, 0x47, 0, 255, 13, 10];
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "PUT")
            {
                context.Response.StatusCode = 204;
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            await context.Response.Body.WriteAsync(photo);
        });
        using var client = Client(server);

        await client.Default.UploadPhotoAsync(PetId, new MemoryStream(photo));
        await using var downloaded = await client.Default.DownloadPhotoAsync(PetId);
        using var copy = new MemoryStream();
        await downloaded!.CopyToAsync(copy);

        var upload = server.Requests[0];
        Assert.Equal(("PUT", $"/v1/pets/{PetId}/photo", "application/octet-stream"), (upload.Method, upload.RawTarget, upload.Headers["Content-Type"]));
        Assert.Equal(photo, upload.Body);
        Assert.Equal(("GET", "application/octet-stream"), (server.Requests[1].Method, server.Requests[1].Headers["Accept"]));
        Assert.Equal(photo, copy.ToArray());
    }

    [Fact]
    public async Task A_text_answer_is_read_as_a_string()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("Allergic to fish.\nLikes boxes.");
        });
        using var client = Client(server);

        var notes = await client.Default.ReadNotesAsync(PetId);

        Assert.Equal("Allergic to fish.\nLikes boxes.", notes);
        Assert.Equal(("GET", $"/v1/pets/{PetId}/notes", "text/plain;q=0.9"), (server.Requests[0].Method, server.Requests[0].RawTarget, server.Requests[0].Headers["Accept"]));
    }

    [Fact]
    public async Task A_deprecated_operation_is_Obsolete_sends_its_header_and_reads_its_default_response()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"pong":true}""");
        using var client = Client(server);
        var tag = Guid.Parse("5d7a0c1e-0000-4000-8000-0000000000bb");

#pragma warning disable CS0618 // The contract marks legacy-ping deprecated: this test calls it on purpose.
        var answer = await client.Default.LegacyPingAsync(tag);
#pragma warning restore CS0618

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/legacy/ping", tag.ToString()), (request.Method, request.RawTarget, request.Headers["X-Request-Tag"]));
        Assert.True(answer.Pong);
        var obsolete = typeof(DefaultOperations).GetMethod(nameof(DefaultOperations.LegacyPingAsync))!.GetCustomAttribute<ObsoleteAttribute>();
        Assert.Equal("The contract marks legacy-ping (GET /v1/legacy/ping) deprecated.", obsolete?.Message);
    }

    [Fact]
    public async Task An_operation_without_operationId_is_named_after_its_method_and_path()
    {
        await using var server = await LoopbackServer.StartAsync(200, """{"status":"ok"}""");
        using var client = Client(server);

        var health = await client.Default.GetV1HealthAsync();

        Assert.Equal("ok", health.Status);
        Assert.Equal("GET /v1/health", $"{server.Requests[0].Method} {server.Requests[0].RawTarget}");
    }

    private static SyntheticClient Client(LoopbackServer server) => new(new FleetClientOptions
    {
        Endpoint = server.BaseUrl,
        AllowHttp = true,
        Credentials = new TokenCredentials("synthetic-token"),
        Retry = new FleetRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    });
}
