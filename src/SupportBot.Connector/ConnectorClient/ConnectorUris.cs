namespace SupportBot.Connector.ConnectorClient;

/// <summary>
/// Joins the channel's serviceUrl with a <c>v3/…</c> route. The serviceUrl is used exactly as received, including
/// any path (<c>…/amer/</c>, <c>…/jp/{tenant}/</c>), and ids are escaped because Teams ids contain <c>: @ ;</c>.
/// </summary>
public static class ConnectorUris
{
    /// <summary>Builds <c>{serviceUrl}/v3/{segments…}</c> with each segment escaped.</summary>
    public static Uri Build(string serviceUrl, params string[] segments)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            throw new ArgumentException("serviceUrl must be an absolute http(s) URL without query or fragment.", nameof(serviceUrl));
        }

        var escaped = segments.Select(segment =>
            string.IsNullOrEmpty(segment) ? throw new ArgumentException("Route segments must not be empty.", nameof(segments)) : Uri.EscapeDataString(segment));
        return new Uri(serviceUrl.TrimEnd('/') + "/v3/" + string.Join('/', escaped), UriKind.Absolute);
    }
}
