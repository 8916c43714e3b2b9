using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Connector.BotFramework;

/// <summary>Maps the Bot Framework messaging endpoint.</summary>
public static class BotFrameworkEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> (the Azure Bot "messaging endpoint"). Other methods get 405 from routing.
    /// Requires <see cref="BotFrameworkServiceCollectionExtensions.AddBotFrameworkChannel"/>.
    /// </summary>
    public static IEndpointConventionBuilder MapBotFrameworkMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Func<HttpContext, Task<IResult>> handler = context =>
            context.RequestServices.GetRequiredService<BotFrameworkEndpoint>().HandleAsync(context);
        return endpoints.MapPost(pattern, handler)
            .WithDisplayName("Bot Framework messages")
            .DisableAntiforgery();
    }
}
