namespace SupportBot.Agent.Security;

/// <summary>Masks sensitive values so results and logs never carry them in full.</summary>
public static class SecretMask
{
    /// <summary>First two characters then <c>***</c> (<c>***</c> alone for values of up to 3 characters).</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        return value.Length <= 3 ? "***" : value[..2] + "***";
    }

    /// <summary><c>http://user:pw@proxy:8080/</c> → <c>proxy:8080</c>: proxy addresses without credentials or paths.</summary>
    public static string HostAndPort(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
}
