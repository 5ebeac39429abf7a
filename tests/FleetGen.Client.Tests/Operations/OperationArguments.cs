using System.Reflection;
using System.Runtime.Serialization;

namespace FleetGen.Client.Tests.Operations;

/// <summary>Arguments of the generated wire tests that the contract gives as text.</summary>
public static class OperationArguments
{
    /// <summary>The member of a Kiota enum whose wire value (<c>[EnumMember(Value = …)]</c>) is <paramref name="value"/>.</summary>
    public static T Enum<T>(string value)
        where T : struct, System.Enum
    {
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if ((field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name) == value)
            {
                return (T)field.GetValue(null)!;
            }
        }

        throw new ArgumentException($"{typeof(T).Name} has no member for the value \"{value}\"", nameof(value));
    }
}
