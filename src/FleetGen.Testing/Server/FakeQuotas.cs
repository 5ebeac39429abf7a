using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// The account's quotas, as the contract's example documents them (cluster 75, clustergroup 50, rule 50, federation
/// 10), changeable from tests. What is used is counted from the fake's state where it knows it.
/// </summary>
internal sealed class FakeQuotas
{
    public const string Cluster = "cluster";
    public const string Fleet = "clustergroup";
    public const string Rule = "rule";
    public const string Federation = "federation";

    private readonly Dictionary<string, (long Quota, long Min, long Max)> quotas = new(StringComparer.Ordinal)
    {
        [Cluster] = (75, 20, 100),
        [Fleet] = (50, 20, 100),
        [Rule] = (50, 20, 100),
        [Federation] = (10, 1, 50),
    };

    public long Of(string type)
    {
        lock (quotas)
        {
            return quotas[type].Quota;
        }
    }

    /// <summary>Sets a quota; false when <paramref name="type"/> is not one of the four types.</summary>
    public bool Set(string type, long quota)
    {
        lock (quotas)
        {
            if (!quotas.TryGetValue(type, out var current))
            {
                return false;
            }

            quotas[type] = current with { Quota = quota };
            return true;
        }
    }

    public QuotaInfo Answer(Func<string, long> used)
    {
        lock (quotas)
        {
            return new QuotaInfo
            {
                Quotas = new CommonQuotas
                {
                    Resources = quotas.Select(q => new QuotaResource { Type = q.Key, Quota = q.Value.Quota, Used = used(q.Key), Unit = string.Empty, Min = q.Value.Min, Max = q.Value.Max }).ToList(),
                },
            };
        }
    }
}
