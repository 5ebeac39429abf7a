using FleetGen.Client;
using FleetGen.Testing.Contract;
using Microsoft.AspNetCore.Mvc;

namespace FleetGen.Testing.Server;

/// <summary>The Quota operation of the contract, on <see cref="FakeQuotas"/>: the caller's own domain only (403 UCS.00000004 otherwise).</summary>
internal sealed partial class FakeUcsController
{
    public override Task<ActionResult<QuotaInfo>> ShowQuota(string domainid, string x_Auth_Token)
    {
        if (domainid != state.Options.DomainId)
        {
            return Refuse<QuotaInfo>(new FakeRefusal(403, UcsErrorCodes.RequestForbidden, $"Request forbidden: {domainid} is not the caller's domain."));
        }

        var fleets = state.FleetSummaries();
        return Reply<QuotaInfo>(Platform.Quotas.Answer(type => type switch
        {
            FakeQuotas.Rule => Platform.Rules.Count,
            FakeQuotas.Fleet => fleets.Count,
            FakeQuotas.Federation => fleets.Count(f => f.Version is not null),
            _ => ClusterCount(),
        }));
    }
}
