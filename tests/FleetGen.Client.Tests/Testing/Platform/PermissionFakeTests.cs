using FleetGen.Client.Models;
using FleetGen.Client.V1.Permissions.Rules;
using FleetGen.Testing;

namespace FleetGen.Client.Tests.Testing.Platform;

/// <summary>The fake's permission policies through the SDK: create, page, replace, delete, the rule quota and the documented codes.</summary>
public sealed class PermissionFakeTests
{
    [Fact]
    public async Task A_created_policy_is_listed_replaced_and_deleted()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var client = fixture.Client.Permission;

        var created = await client.CreateRuleAsync(Custom("deployments-readers", "get", "list"));
        var listed = Assert.Single((await client.ListRuleAsync()).Items!);
        await client.UpdateRuleAsync(created.Uid!, new UpdateRuleRequestBody { Spec = new RuleSpec { Type = RuleSpec_type.Admin, IamUserIDs = ["user-2"], Description = "now admin" } });
        var updated = Assert.Single(fixture.Server.PermissionRules);

        Assert.Equal((created.Uid, "deployments-readers", RuleSpec_type.Custom), (listed.Metadata!.Uid, listed.Metadata.Name, listed.Spec!.Type));
        Assert.Equal(["get", "list"], Assert.Single(listed.Spec.Contents!).Verbs);
        Assert.Equal(new FakePermissionRule(created.Uid!, "deployments-readers", "admin", updated.IamUserIds), updated);
        Assert.Equal(["user-2"], updated.IamUserIds);

        await client.DeleteRuleAsync(created.Uid!);
        Assert.Empty(fixture.Server.PermissionRules);
        Assert.Equal(0, (await client.ListRuleAsync()).Total);
    }

    [Fact]
    public async Task An_update_to_custom_without_contents_keeps_the_policys_contents_as_the_documented_example_expects()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var client = fixture.Client.Permission;
        var created = await client.CreateRuleAsync(Custom("deployments-readers", "get", "list"));
        fixture.Server.AddPermissionRuleWithUid("f6434332-60d6-11ed-a847-0255ac10003f", "readers", "readonly", "user-1");

        await client.UpdateRuleAsync(created.Uid!, new UpdateRuleRequestBody { Spec = new RuleSpec { Type = RuleSpec_type.Custom, IamUserIDs = ["user-2"], Description = "users changed" } });
        await client.UpdateRuleAsync("f6434332-60d6-11ed-a847-0255ac10003f", new UpdateRuleRequestBody { Spec = new RuleSpec { Type = RuleSpec_type.Custom, Description = "no permissions yet" } });
        var presetWithContents = await Assert.ThrowsAsync<UcsApiException>(() => client.UpdateRuleAsync(created.Uid!, new UpdateRuleRequestBody { Spec = new RuleSpec { Type = RuleSpec_type.Admin, Contents = [new Content { Verbs = ["get"], Resources = ["pods"] }] } }));
        var rules = (await client.ListRuleAsync(orderBy: GetOrder_byQueryParameterType.Create_at, order: GetOrderQueryParameterType.Asc)).Items!;

        Assert.Equal([created.Uid!, "f6434332-60d6-11ed-a847-0255ac10003f"], rules.Select(r => r.Metadata!.Uid!));
        Assert.Equal((RuleSpec_type.Custom, "users changed"), (rules[0].Spec!.Type, rules[0].Spec!.Description));
        Assert.Equal(["get", "list"], Assert.Single(rules[0].Spec!.Contents!).Verbs);
        Assert.Equal((RuleSpec_type.Custom, "readers"), (rules[1].Spec!.Type, rules[1].Metadata!.Name));
        Assert.Null(rules[1].Spec!.Contents);
        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (presetWithContents.StatusCode, presetWithContents.ErrorCode));
    }

    [Fact]
    public async Task Pages_follow_limit_offset_and_order_and_the_total_counts_every_policy()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        foreach (var name in new[] { "first", "second", "third" })
        {
            fixture.Server.AddPermissionRule(name, "readonly", "user-1");
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var newest = await fixture.Client.Permission.ListRuleAsync(limit: 2);
        var oldest = await fixture.Client.Permission.ListRuleAsync(limit: 2, offset: 1, orderBy: GetOrder_byQueryParameterType.Create_at, order: GetOrderQueryParameterType.Asc);

        Assert.Equal(3, newest.Total);
        Assert.Equal(new[] { "third", "second" }, newest.Items!.Select(r => r.Metadata!.Name).ToArray());
        Assert.Equal(new[] { "second", "third" }, oldest.Items!.Select(r => r.Metadata!.Name).ToArray());
    }

    [Fact]
    public async Task Creating_beyond_the_rule_quota_is_UCS_00000017_and_creates_nothing()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        fixture.Server.SetQuota("rule", 1);
        fixture.Server.AddPermissionRule("only", "develop");

        var error = await Assert.ThrowsAsync<UcsApiException>(() => fixture.Client.Permission.CreateRuleAsync(Custom("one-too-many", "get")));

        Assert.Equal((400, UcsErrorCodes.InsufficientQuota), (error.StatusCode, error.ErrorCode));
        Assert.Equal(["only"], fixture.Server.PermissionRules.Select(r => r.Name));
    }

    [Fact]
    public async Task Contents_belong_to_custom_policies_only_and_an_unknown_policy_is_404()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        var client = fixture.Client.Permission;
        var presetWithContents = Custom("admins", "get");
        presetWithContents.Spec!.Type = RuleSpec_type.Admin;

        var refused = await Assert.ThrowsAsync<UcsApiException>(() => client.CreateRuleAsync(presetWithContents));
        var updateUnknown = await Assert.ThrowsAsync<UcsApiException>(() => client.UpdateRuleAsync("no-such-rule", new UpdateRuleRequestBody { Spec = new RuleSpec { Type = RuleSpec_type.Readonly } }));
        var deleteUnknown = await Assert.ThrowsAsync<UcsApiException>(() => client.DeleteRuleAsync("no-such-rule"));

        Assert.Equal((400, UcsErrorCodes.InvalidRequestBody), (refused.StatusCode, refused.ErrorCode));
        Assert.Contains("spec.contents", refused.Message, StringComparison.Ordinal);
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (updateUnknown.StatusCode, updateUnknown.ErrorCode));
        Assert.Equal((404, UcsErrorCodes.ResourceNotFound), (deleteUnknown.StatusCode, deleteUnknown.ErrorCode));
        Assert.Empty(fixture.Server.PermissionRules);
    }

    [Fact]
    public async Task A_policy_sent_as_the_Go_SDK_sends_it_form_encoded_json_parts_is_created_too()
    {
        await using var fixture = await PlatformFixture.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Server.BaseUrl, "/v1/permissions/rules"))
        {
            Content = new FormUrlEncodedContent([new("metadata", """{"name":"go-readers"}"""), new("spec", """{"type":"readonly","iamUserIDs":["user-9"]}""")]),
        };
        request.Headers.Add("X-Auth-Token", FakeUcsServerOptions.DefaultToken);

        using var answer = await http.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.Created, answer.StatusCode);
        var rule = Assert.Single(fixture.Server.PermissionRules);
        Assert.Equal(("go-readers", "readonly"), (rule.Name, rule.Type));
        Assert.Equal(["user-9"], rule.IamUserIds);
        Assert.Contains(rule.Uid, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static CreateRuleRequestBody Custom(string name, params string[] verbs) => new()
    {
        Metadata = new CreateRuleObjectMeta { Name = name },
        Spec = new RuleSpec { Type = RuleSpec_type.Custom, IamUserIDs = ["978ff70ec1494a5680f6218faa3567d9"], Contents = [new Content { Verbs = [.. verbs], Resources = ["deployments"] }] },
    };
}
