using System.Globalization;
using FleetGen.Client;
using FleetGen.Testing.Contract;

namespace FleetGen.Testing.Server;

/// <summary>
/// The DNS record sets UCS manages: created in a zone (X-Zone-ID, X-Zone-Project-ID), all listed. A record set with
/// the name, type and line of one in the same zone, or with no records, is 400 UCS.01050001 and none of the batch is
/// created. Thread-safe.
/// </summary>
internal sealed class FakeRecordSets(FakeUcsServerOptions options)
{
    private readonly List<RecordSet> recordSets = [];

    public FakeOutcome<List<RecordSet>> Create(string projectId, string zoneId, IReadOnlyList<CreateRecordSetRequestBody> batch)
    {
        var now = options.TimeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (recordSets)
        {
            var made = new List<RecordSet>();
            foreach (var (body, index) in batch.Select((b, i) => (b, i)))
            {
                var type = body.Type == CreateRecordSetRequestBodyType.CNAME ? "CNAME" : "A";
                if (body.Records is not { Count: > 0 })
                {
                    return Failed($"[{index}].records: a record set needs at least one record");
                }

                if (recordSets.Concat(made).Any(r => r.Zone_id == zoneId && r.Name == body.Name && r.Type == type && r.Line == body.Line))
                {
                    return Failed($"[{index}]: zone {zoneId} has a {type} record set {body.Name} on line {body.Line} already");
                }

                made.Add(new RecordSet
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Name = body.Name,
                    Description = string.Empty,
                    Zone_id = zoneId,
                    Zone_name = body.Name.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? body.Name[(dot + 1)..] : body.Name,
                    Type = type,
                    Project_id = projectId,
                    Ttl = body.Ttl,
                    Records = [.. body.Records],
                    Weight = body.Weight,
                    Line = body.Line,
                    Create_at = now,
                    Update_at = now,
                    Default = false,
                });
            }

            recordSets.AddRange(made);
            return made;
        }
    }

    public RecordSetList List()
    {
        lock (recordSets)
        {
            return new RecordSetList
            {
                Links = new Links { Self = $"https://dns.{options.Region}.myhuaweicloud.com/v2.1/recordsets", Next = string.Empty },
                Recordsets = [.. recordSets],
                Metadata = new RecordSetListMetadata { Total_count = recordSets.Count },
            };
        }
    }

    public IReadOnlyList<FakeRecordSetSummary> Snapshot()
    {
        lock (recordSets)
        {
            return recordSets.Select(r => new FakeRecordSetSummary(r.Id, r.Zone_id, r.Name, r.Type, r.Records.ToList())).ToList();
        }
    }

    private static FakeRefusal Failed(string why) => new(400, UcsErrorCodes.RecordSetCreateFailed, $"RecordSet create failed: {why}.");
}
