using System.Text.Json.Serialization;
using FleetGen.Client;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace FleetGen.Testing.Server;

/// <summary>
/// MVC for the fake's one controller, reading bodies as strictly as UCS: only <c>application/json</c>
/// (<see cref="JsonContentTypeFilter"/>), field names case-sensitive, numbers as JSON numbers (ASP.NET's web defaults
/// take <c>"Duration"</c> for <c>duration</c> and <c>"1"</c> for 1). Fields the contract does not name are ignored:
/// UCS documents nothing about them. A refused body is 400 UCS.00000012, a refused query parameter 400 UCS.00000011;
/// MVC's problem+json answers are turned off so that <see cref="ErrorAnswerMiddleware"/> writes the others.
/// </summary>
internal static class FakeUcsMvc
{
    public static IMvcBuilder AddFakeUcsControllers(this IServiceCollection services) =>
        services.AddControllers(mvc =>
            {
                mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                mvc.Filters.Add(new JsonContentTypeFilter());
            })
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                parts.ApplicationParts.Add(new AssemblyPart(typeof(FakeUcsServer).Assembly));
                parts.FeatureProviders.Add(new InternalControllerFeatureProvider());
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
                json.JsonSerializerOptions.PropertyNameCaseInsensitive = false;
                json.JsonSerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            })
            .ConfigureApiBehaviorOptions(api =>
            {
                api.SuppressMapClientErrors = true;
                api.InvalidModelStateResponseFactory = Refused;
            });

    /// <summary>400 UCS.00000011 when a query parameter is wrong, else 400 UCS.00000012, naming every problem.</summary>
    private static ContentResult Refused(ActionContext context)
    {
        var problems = context.ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => (e.Key, Text: $"{e.Key}: {string.Join(" ", e.Value!.Errors.Select(x => x.ErrorMessage))}"))
            .ToList();
        var queryParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name);
        var (code, message) = problems.Any(p => queryParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            ? (UcsErrorCodes.BadQueryParameter, "Bad query parameter value. ")
            : (UcsErrorCodes.InvalidRequestBody, "Invalid request body. ");
        return UcsErrorResponses.Result(400, code, message + string.Join("; ", problems.Select(p => p.Text)));
    }

    /// <summary>Lets MVC use the internal controller of this package.</summary>
    private sealed class InternalControllerFeatureProvider : ControllerFeatureProvider
    {
        protected override bool IsController(System.Reflection.TypeInfo typeInfo) => typeInfo.AsType() == typeof(FakeUcsController);
    }
}
