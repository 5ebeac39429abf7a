using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Traffic operations of the contract, on <see cref="FakeRecordSets"/>.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<ICollection<RecordSet>>> CreateRecordSet(string x_Zone_Project_ID, string x_Zone_ID, IEnumerable<CreateRecordSetRequestBody> body, string x_Auth_Token)
    {
        var missing = string.IsNullOrEmpty(x_Zone_Project_ID) ? "X-Zone-Project-ID" : string.IsNullOrEmpty(x_Zone_ID) ? "X-Zone-ID" : null;
        if (missing is not null)
        {
            return Refuse<ICollection<RecordSet>>(new FakeRefusal(400, UcsErrorCodes.InvalidHeaderValue, $"Invalid header value: {missing} is required."));
        }

        var batch = body?.ToList() ?? [];
        return batch.Count == 0
            ? Refuse<ICollection<RecordSet>>(FakeRefusal.BadBody("the body", "needs at least one record set"))
            : Reply<ICollection<RecordSet>, List<RecordSet>>(Platform.RecordSets.Create(x_Zone_Project_ID, x_Zone_ID, batch), 201);
    }

    public override Task<ActionResult<RecordSetList>> ListRecordSets(string x_Auth_Token) =>
        Reply<RecordSetList>(Platform.RecordSets.List());
}
