using Microsoft.Kiota.Abstractions.Serialization;

namespace FleetGen.Client.Tests.Operations;

/// <summary>
/// The fields of a JSON document that no property of the Kiota model read: they land in the model's additional data and
/// are still written back, so a round trip alone would miss a renamed or differently spelled key. A model without
/// declared fields is a map, and its additional data is its content.
/// </summary>
public static class UnmappedModelFields
{
    /// <summary>One line per model (found through its properties and collections) that kept fields only as additional data.</summary>
    public static IEnumerable<string> In(object? model, string where)
    {
        switch (model)
        {
            case IParsable parsable:
                if (parsable is IAdditionalDataHolder { AdditionalData.Count: > 0 } holder && parsable.GetFieldDeserializers().Count > 0)
                {
                    yield return $"{where}: the example's field(s) {string.Join(", ", holder.AdditionalData.Keys)} match no property of {model.GetType().Name} (kept only as additional data)";
                }

                foreach (var property in model.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(IAdditionalDataHolder.AdditionalData)))
                {
                    foreach (var found in In(property.GetValue(model), $"{where}.{property.Name}"))
                    {
                        yield return found;
                    }
                }

                break;
            case System.Collections.IEnumerable items and not string:
                var i = 0;
                foreach (var item in items)
                {
                    foreach (var found in In(item, $"{where}[{i++}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
