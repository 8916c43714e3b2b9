using System.Security.Cryptography;

namespace SupportBot.Connector.DirectLine.Tokens;

/// <summary>
/// The generated Direct Line secret kept in the data directory when <c>DirectLine:Secret</c> is not
/// configured, so restarts keep issued tokens valid. Created once, readable by the owner only.
/// </summary>
public static class DirectLineSecretFile
{
    /// <summary>File name inside the data directory.</summary>
    public const string FileName = "directline.secret";

    /// <summary>Reads the secret, creating it first when the file does not exist yet.</summary>
    public static string LoadOrCreate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            TryCreate(path);
        }
        var secret = File.ReadAllText(path).Trim();
        if (secret.Length < 32)
        {
            throw new InvalidOperationException($"The Direct Line secret file '{path}' is damaged (shorter than 32 characters); delete it to generate a new one.");
        }
        return secret;
    }

    private static void TryCreate(string path)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(secret);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
