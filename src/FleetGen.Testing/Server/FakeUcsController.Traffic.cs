using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Traffic operations of the contract.</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<ICollection<RecordSet>>> CreateRecordSet(string x_Zone_Project_ID, string x_Zone_ID, IEnumerable<CreateRecordSetRequestBody> body, string x_Auth_Token) =>
        NotModelled<ICollection<RecordSet>>();

    public override Task<ActionResult<RecordSetList>> ListRecordSets(string x_Auth_Token) =>
        NotModelled<RecordSetList>();
}
