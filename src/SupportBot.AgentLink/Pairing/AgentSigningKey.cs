using System.Security.Cryptography;
using System.Text;

namespace SupportBot.AgentLink.Pairing;

/// <summary>
/// The HS256 key for agent tokens: <c>AgentLink:SigningKey</c>, else <c>agentlink.key</c> in the data directory
/// (generated once, owner-only, like the Direct Line secret) so restarts keep paired agents working.
/// </summary>
public static class AgentSigningKey
{
    /// <summary>File name inside the data directory.</summary>
    public const string FileName = "agentlink.key";

    /// <summary>The key bytes from configuration or the key file.</summary>
    public static byte[] Resolve(string? configured, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().Length >= 32
                ? Encoding.UTF8.GetBytes(configured.Trim())
                : throw new InvalidOperationException("AgentLink:SigningKey must be at least 32 characters.");
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path)) TryCreate(path);
        var text = File.ReadAllText(path).Trim();
        return text.Length >= 32
            ? Encoding.UTF8.GetBytes(text)
            : throw new InvalidOperationException($"The agent key file '{path}' is damaged (shorter than 32 characters); delete it to generate a new one.");
    }

    private static void TryCreate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
        }
    }
}
